import { normalizePhone } from '../../domain/personal-data.js';
import type { DataCipher } from './data-cipher.js';

/**
 * The keyed digest (under DATA_MAC_KEY, which a key rotation keeps) of a resident's phone, stored
 * beside every encrypted phone (ticket reporters, suggestions, credit-repair applications) so that
 * one verified phone finds them all.
 */
export function residentPhoneDigest(cipher: DataCipher, phone: string): string {
  return cipher.mac('reporter-phone', normalizePhone(phone)).toString('hex');
}
