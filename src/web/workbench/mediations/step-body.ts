import type { MediationStep } from '../../../contract/mediations';
import { shanghaiInstant, shanghaiToday } from './shanghai-date';

/** What a step form holds, field by field, as antd gives it. */
export type StepValues = Record<string, unknown>;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function followupOf(value: unknown) {
  const f = (value ?? {}) as { kind?: unknown; id?: unknown };
  const kind = text(f.kind);
  return kind ? { kind, id: text(f.id) ?? '' } : undefined;
}

/** The form's first values for a step: today's date where a date is asked. */
export function initialValues(step: MediationStep): StepValues {
  const today = shanghaiToday();
  switch (step) {
    case 'add_session':
      return { attendees: { parties: [], mediators: [] }, publicSession: false };
    case 'record_written':
      return { signedOn: today };
    case 'record_oral':
      return { agreedOn: today };
    default:
      return {};
  }
}

function sessionBody(v: StepValues) {
  const attendees = (v.attendees ?? {}) as {
    parties?: number[];
    mediators?: number[];
    others?: unknown;
  };
  return {
    heldAt: shanghaiInstant(String(v.heldAt)),
    place: text(v.place),
    attendees: {
      parties: attendees.parties ?? [],
      mediators: attendees.mediators ?? [],
      others: text(attendees.others),
    },
    notes: text(v.notes),
    publicSession: v.publicSession === true,
  };
}

/** The request body of a step from its form values; empty optional fields are left out. */
export function stepBody(step: MediationStep, v: StepValues): object {
  switch (step) {
    case 'add_session':
      return sessionBody(v);
    case 'end':
      return {
        reason: text(v.reason),
        routesExplained: v.routesExplained === true,
        followup: followupOf(v.followup),
      };
    case 'set_followup':
      return followupOf(v) ?? {};
    default:
      return Object.fromEntries(
        Object.entries(v).map(([key, value]) => [
          key,
          typeof value === 'string' ? text(value) : value,
        ]),
      );
  }
}
