// Who may do what with an education item or event. Liaisons write; a street admin reviews the
// items of their street and the bureau admin all; nobody reviews their own item (谁执法谁普法 puts
// the writing on the officers, the review on someone else).
import type { StaffRole } from '../../contract/auth.js';
import type { StaffActor } from '../accounts/service.js';
import type { EducationItemTable } from '../db/schema.js';

/** The roles that write and manage legal education. */
export const educationRoles: readonly StaffRole[] = ['liaison', 'street_admin', 'bureau_admin'];

/** The roles that review items and publish events. */
export const reviewerRoles: readonly StaffRole[] = ['street_admin', 'bureau_admin'];

type ItemFacts = Pick<EducationItemTable, 'author_id' | 'street_id' | 'status'>;

/** Whether the actor may read the item in the workbench. */
export function canSeeItem(actor: StaffActor, item: ItemFacts): boolean {
  if (actor.role === 'bureau_admin' || item.author_id === actor.id) {
    return true;
  }
  return (
    actor.role === 'street_admin' && item.street_id !== null && item.street_id === actor.streetId
  );
}

/** Whether the actor oversees the item's street: its street admin, or the bureau admin. */
function overseesStreet(actor: StaffActor, streetId: string | null): boolean {
  if (actor.role === 'bureau_admin') {
    return true;
  }
  return actor.role === 'street_admin' && streetId !== null && streetId === actor.streetId;
}

/** Only the author changes an item, and only while it is a draft. */
export function canEditItem(actor: StaffActor, item: ItemFacts): boolean {
  return item.author_id === actor.id && item.status === 'draft';
}

/** A reviewer of the item's street who is not its author, while it waits for review. */
export function canReviewItem(actor: StaffActor, item: ItemFacts): boolean {
  return (
    item.status === 'in_review' &&
    item.author_id !== actor.id &&
    overseesStreet(actor, item.street_id)
  );
}

/** A reviewer of the item's street may take a published item down again. */
export function canUnpublishItem(actor: StaffActor, item: ItemFacts): boolean {
  return item.status === 'published' && overseesStreet(actor, item.street_id);
}

type EventFacts = { created_by: string; street_id: string | null };

/** Whether the actor may read and change the event: its creator or a reviewer of its street. */
export function canEditEvent(actor: StaffActor, event: EventFacts): boolean {
  return event.created_by === actor.id || overseesStreet(actor, event.street_id);
}

/** Publishing an event to the public list is for a reviewer of its street. */
export function canPublishEvent(actor: StaffActor, event: EventFacts): boolean {
  return overseesStreet(actor, event.street_id);
}
