// Table types of the matter catalogue's history (migration 0015); the catalogue itself is
// MatterTable in tables-org.ts, which the organisation's rooms refer to.

export interface MatterRevisionTable {
  matter_code: string;
  /** 1, 2, 3 … per matter, without gaps. */
  revision: number;
  /** 'create', 'edit', 'retire', 'restore' or 'seed'. */
  action: string;
  /** The whole matter after the change, as JSON text (src/server/matters/revisions.ts). */
  snapshot: string;
  /** The bureau admin who made the change; null for the seed and the migration. */
  staff_id: string | null;
  reason: string;
  created_at: string;
}
