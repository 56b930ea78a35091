import type { TimelineEntry } from '../../contract/tickets';
import type { I18n } from '../i18n/i18n-context';

type Labels = Pick<I18n, 't' | 'has'>;

/** What happened in one step; a type the interface does not know yet shows as a generic step. */
export function timelineTitle({ t, has }: Labels, entry: TimelineEntry): string {
  const key = `timeline.type.${entry.type}`;
  return has(key) ? t(key) : t('timeline.type.other', { type: entry.type });
}

/** Who took the step: resident, staff (with their name when the server gives it) or system. */
export function timelineActor({ t }: Labels, entry: TimelineEntry): string {
  const kind = t(`timeline.actor.${entry.actor.kind}`);
  return entry.actor.name ? t('timeline.actor_named', { kind, name: entry.actor.name }) : kind;
}

/** The outcome, contact method and rating a step carries, as labelled phrases. */
export function timelineFacts({ t }: Labels, entry: TimelineEntry): string[] {
  const facts: string[] = [];
  if (entry.method) {
    facts.push(t('timeline.fact.method', { value: t(`ticket.contact_method.${entry.method}`) }));
  }
  if (entry.outcome) {
    facts.push(t('timeline.fact.outcome', { value: t(`ticket.outcome.${entry.outcome}`) }));
  }
  if (entry.tier) {
    facts.push(t('timeline.fact.tier', { value: t(`ticket.tier.${entry.tier}`) }));
  }
  if (entry.rating) {
    facts.push(t('timeline.fact.rating', { value: t(`ticket.rating.${entry.rating}`) }));
  }
  return facts;
}
