// A department's clue (线索) becomes a ticket like a resident's from the building's placard: the
// same room, tier and deadlines, with the department as its channel and no reporter phone.
import { createHash } from 'node:crypto';
import type { TicketKind } from '../../contract/tickets.js';
import { normalizeText } from '../../domain/personal-data.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { getBuildingContext } from '../org/service.js';
import { checkMatter, fileTicket, findByIdempotencyKey, type FiledTicket } from './intake.js';

/** A clue as the department service hands it over, the building already found. */
export interface ClueInput {
  department: { code: string };
  staffId: string;
  placardToken: string;
  /** The request field that named the building, for the error when it is unknown. */
  placeField: 'placardToken' | 'buildingCode';
  kind: TicketKind;
  matterCode: string | null;
  description: string;
  photoIds: string[];
}

/** The channel of a department's clue: `dept:<code>`. */
export function clueChannel(departmentCode: string): string {
  return `dept:${departmentCode}`;
}

function clueHash(input: ClueInput): string {
  const canonical = JSON.stringify([
    clueChannel(input.department.code),
    input.placardToken,
    input.kind,
    input.matterCode,
    normalizeText(input.description),
    input.photoIds,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

async function placeOf(ctx: AppContext, input: ClueInput) {
  try {
    return await getBuildingContext(ctx.db, input.placardToken);
  } catch (error) {
    if (error instanceof AppError && error.code === 'placard_not_found') {
      throw new AppError('placard_not_found', [
        fieldIssue(input.placeField, '没有找到该楼栋', 'no such building'),
      ]);
    }
    throw error;
  }
}

/**
 * Files a department's clue as a ticket in the liaison inbox of the building's room. The same
 * idempotency key from the same department returns the same ticket.
 */
export async function fileClue(
  ctx: AppContext,
  input: ClueInput,
  idempotencyKey: string | null,
): Promise<{ ticket: FiledTicket; created: boolean }> {
  const hash = clueHash(input);
  // Keys are per department, so they never meet a resident's key or another department's.
  const key = idempotencyKey ? `${clueChannel(input.department.code)}:${idempotencyKey}` : null;
  const earlier = key ? await findByIdempotencyKey(ctx, key, hash) : null;
  if (earlier) {
    return { ticket: earlier, created: false };
  }

  const place = await placeOf(ctx, input);
  await checkMatter(ctx, input.matterCode);

  try {
    const ticket = await fileTicket(
      ctx,
      {
        kind: input.kind,
        matterCode: input.matterCode,
        description: input.description,
        photoIds: input.photoIds,
        channel: clueChannel(input.department.code),
        place,
        idempotencyKey: key,
        requestHash: hash,
        phone: null,
        submitter: { kind: 'staff', staffId: input.staffId },
      },
      async (trx, ticketId) => {
        await recordAudit(trx, ctx, {
          actorKind: 'department',
          actorId: input.staffId,
          action: 'ticket.submit',
          recordType: 'ticket',
          recordId: ticketId,
          detail: { channel: clueChannel(input.department.code) },
        });
      },
    );
    return { ticket, created: true };
  } catch (error) {
    // Two identical clues raced: the loser answers with the winner's ticket.
    const raced = key ? await findByIdempotencyKey(ctx, key, hash) : null;
    if (raced) {
      return { ticket: raced, created: false };
    }
    throw error;
  }
}
