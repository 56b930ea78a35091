// Every place personal data is stored encrypted, for the key rotation (rotation.ts). A new
// encrypted column is added here too; rotation.test.ts fails when the database has a column
// ending in _enc that this list lacks.
import type { Database } from '../db/schema.js';

/** One table's encrypted columns, with the primary key that names a row. */
export interface EncryptedTable {
  table: keyof Database;
  key: readonly string[];
  columns: readonly string[];
  /** A JSON text column whose named string field holds an encrypted value. */
  json?: { column: string; field: string };
}

/** The encrypted columns, by table. */
export const encryptedTables: readonly EncryptedTable[] = [
  { table: 'ticket_reporters', key: ['ticket_id'], columns: ['phone_enc', 'name_enc'] },
  { table: 'suggestions', key: ['id'], columns: ['proposer_name_enc', 'proposer_phone_enc'] },
  {
    table: 'credit_repairs',
    key: ['id'],
    columns: ['applicant_name_enc', 'agent_name_enc', 'id_enc', 'phone_enc'],
  },
  {
    table: 'case_parties',
    key: ['case_id', 'sort'],
    columns: ['name_enc', 'id_enc', 'address_enc', 'phone_enc'],
  },
  {
    table: 'mediation_parties',
    key: ['mediation_id', 'idx'],
    columns: ['name_enc', 'phone_enc', 'id_number_enc', 'address_enc'],
  },
  { table: 'staff', key: ['id'], columns: ['mobile_enc', 'totp_secret_enc'] },
  { table: 'open311_requests', key: ['ticket_id'], columns: ['contact_enc'] },
  // A "my requests" code waits in the outbox encrypted inside its JSON payload (codeEnc).
  {
    table: 'outbox',
    key: ['id'],
    columns: ['recipient_enc'],
    json: { column: 'payload', field: 'codeEnc' },
  },
];
