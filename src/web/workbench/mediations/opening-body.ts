import type { MediatorOrgKind, OpenMediation, PartyRole } from '../../../contract/mediations';
import type { OfficerOption } from './party-fields';

/** The opening form's values as antd gives them. */
export interface OpeningValues {
  disputeType: OpenMediation['disputeType'];
  facts?: string;
  committeeName?: string;
  parties?: {
    role?: PartyRole;
    name?: string;
    phone?: string;
    idNumber?: string;
    address?: string;
  }[];
  mediators?: { orgKind?: MediatorOrgKind; orgName?: string; name?: string; staffId?: string }[];
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * The request body of the opening form: empty optional details are left out, and a 城管 mediator
 * takes the chosen officer's name (the server keeps the account's own name anyway).
 */
export function openingBody(
  source: OpenMediation['source'],
  v: OpeningValues,
  officers: readonly OfficerOption[],
): OpenMediation {
  return {
    source,
    disputeType: v.disputeType,
    facts: text(v.facts) ?? '',
    committeeName: text(v.committeeName) ?? '',
    parties: (v.parties ?? []).map((p) => ({
      role: p.role ?? 'applicant',
      name: text(p.name) ?? '',
      phone: text(p.phone),
      idNumber: text(p.idNumber),
      address: text(p.address),
    })),
    mediators: (v.mediators ?? []).map((m) => {
      const officer = officers.find((o) => o.id === m.staffId);
      const urban = m.orgKind === 'urban_management';
      return {
        orgKind: m.orgKind ?? 'people_committee',
        orgName: text(m.orgName) ?? '',
        name: urban ? (officer?.name ?? '') : (text(m.name) ?? ''),
        staffId: urban ? m.staffId : undefined,
      };
    }),
  };
}
