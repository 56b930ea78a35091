import { staffRoles, type StaffRole } from '../../contract/auth.js';
import type { ActorRelation } from '../../domain/ticket-machine.js';
import type { StaffActor } from '../accounts/service.js';

/**
 * The accounts the staff ticket routes admit: everyone but partner departments, whose accounts
 * have no relation to any ticket and work only under /api/dept (城管条例 Art 26: the reporter
 * stays confidential).
 */
export const ticketStaffRoles: readonly StaffRole[] = staffRoles.filter((r) => r !== 'department');

/** What decides a staff member's relation to a ticket. */
export interface TicketPlace {
  roomId: string;
  streetId: string;
  assigneeId: string | null;
}

/**
 * How a staff member stands to a ticket; 'unrelated' means the ticket is not theirs to see.
 * A liaison sees the tickets of their rooms and those assigned to them; a street admin their
 * street; the bureau admin everything.
 */
export function relationOf(
  actor: StaffActor,
  roomIds: readonly string[],
  t: TicketPlace,
): ActorRelation {
  if (actor.role === 'bureau_admin') {
    return 'bureau_admin';
  }
  if (actor.role === 'street_admin') {
    return actor.streetId === t.streetId ? 'street_admin' : 'unrelated';
  }
  if (t.assigneeId === actor.id) {
    return 'assignee';
  }
  if (!roomIds.includes(t.roomId)) {
    return 'unrelated';
  }
  // A colleague's ticket, or one the street handed to someone else: seen, not worked.
  return t.assigneeId === null ? 'room_liaison' : 'room_colleague';
}

/**
 * Who may see the reporter's full phone number: the assignee, who calls the resident back, and
 * the street admin of the ticket's street and the bureau admin (docs/sources.md §5). Another
 * liaison of the room sees the ticket but only the masked number.
 */
export function canRevealReporter(relation: ActorRelation): boolean {
  return relation === 'assignee' || relation === 'street_admin' || relation === 'bureau_admin';
}
