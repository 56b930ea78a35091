// The parties of a mediation: every detail encrypted at rest with DATA_KEY (like
// ticket_reporters), name, phone and ID number also kept masked for display. The full values
// come back only for the agreement PDF (agreement.ts), after an audited read.
import type { PartyInput, PartyRole } from '../../contract/mediations.js';
import { maskIdNumber, maskName, maskPhone, normalizeText } from '../../domain/personal-data.js';
import type { DataCipher } from '../crypto/data-cipher.js';
import type { MediationPartyTable } from '../db/schema.js';

/** A party's details in full, as the agreement prints them. */
export interface PartyDetails {
  index: number;
  role: PartyRole;
  name: string;
  phone: string | null;
  idNumber: string | null;
  address: string | null;
}

/** The field names of the details given, for the audit trail (never their values). */
export function partyFieldsGiven(parties: readonly PartyInput[]): string[] {
  const fields = new Set<string>(['name']);
  for (const p of parties) {
    if (p.phone) {
      fields.add('phone');
    }
    if (p.idNumber) {
      fields.add('idNumber');
    }
    if (p.address) {
      fields.add('address');
    }
  }
  return [...fields];
}

/** The rows to store for the parties given, in their order. */
export function sealParties(
  cipher: DataCipher,
  mediationId: string,
  parties: readonly PartyInput[],
): MediationPartyTable[] {
  return parties.map((p, idx) => {
    const name = normalizeText(p.name);
    const address = p.address ? normalizeText(p.address) : null;
    return {
      mediation_id: mediationId,
      idx,
      role: p.role,
      name_enc: cipher.encrypt(name),
      name_masked: maskName(name),
      phone_enc: p.phone ? cipher.encrypt(p.phone) : null,
      phone_masked: p.phone ? maskPhone(p.phone) : null,
      id_number_enc: p.idNumber ? cipher.encrypt(p.idNumber) : null,
      id_number_masked: p.idNumber ? maskIdNumber(p.idNumber) : null,
      address_enc: address ? cipher.encrypt(address) : null,
    };
  });
}

/** The full details of stored parties; only the agreement PDF asks for them. */
export function unsealParties(
  cipher: DataCipher,
  rows: readonly MediationPartyTable[],
): PartyDetails[] {
  const open = (value: string | null) => (value === null ? null : cipher.decrypt(value));
  return rows.map((r) => ({
    index: r.idx,
    role: r.role as PartyRole,
    name: cipher.decrypt(r.name_enc),
    phone: open(r.phone_enc),
    idNumber: open(r.id_number_enc),
    address: open(r.address_enc),
  }));
}

/**
 * Whether the parties stand on two sides of one kind: 申请人 and 被申请人, or 当事人一方 and
 * 另一方, each side with at least one party.
 */
export function rolesPairUp(roles: readonly PartyRole[]): boolean {
  const has = (r: PartyRole) => roles.includes(r);
  const formal = has('applicant') || has('respondent');
  const plain = has('party_a') || has('party_b');
  if (formal && plain) {
    return false;
  }
  return formal ? has('applicant') && has('respondent') : has('party_a') && has('party_b');
}
