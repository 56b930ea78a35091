import type { ImportField } from './import-file.js';

/** Why one cell is refused, in Chinese and English. */
export interface CellProblem {
  problem: string;
  problemEn: string;
}

/** A cell's normalised value, or the reason it is refused. */
export type CellCheck = { value: string } | CellProblem;

type Kind = 'text' | 'address' | 'person' | 'code' | 'kind' | 'phone' | 'username' | 'badge';

const kindOf: Record<ImportField, Kind> = {
  district: 'text',
  districtCode: 'code',
  street: 'text',
  streetCode: 'code',
  community: 'text',
  communityCode: 'code',
  kind: 'kind',
  roomName: 'text',
  roomAddress: 'address',
  roomHours: 'text',
  liaison1Name: 'person',
  liaison1Badge: 'badge',
  liaison1Phone: 'phone',
  liaison1Username: 'username',
  liaison2Name: 'person',
  liaison2Badge: 'badge',
  liaison2Phone: 'phone',
  liaison2Username: 'username',
  matters: 'text',
  buildingName: 'text',
  buildingAddress: 'address',
};

const maxLength: Record<Kind, number> = {
  text: 60,
  address: 120,
  person: 30,
  code: 40,
  kind: 10,
  phone: 30,
  username: 32,
  badge: 32,
};

function problem(problemZh: string, problemEn: string): CellProblem {
  return { problem: problemZh, problemEn };
}

/**
 * Checks and normalises one non-empty cell. A cell that starts with = + - or @ is refused: a
 * spreadsheet would run it as a formula when the data is exported again (CSV injection).
 */
export function checkCell(field: ImportField, raw: string, matterCodes: ReadonlySet<string>) {
  if (/^[=+\-@]/.test(raw)) {
    return problem(
      '单元格以 = + - @ 开头，像是公式，已拒绝；请删除开头的符号。',
      'The cell starts with = + - or @ and looks like a formula; it is refused.',
    );
  }
  const text = raw.replace(/\s+/g, ' ');
  if (hasControlCharacter(text)) {
    return problem('单元格含有控制字符。', 'The cell holds control characters.');
  }
  const kind = kindOf[field];
  if (Array.from(text).length > maxLength[kind]) {
    return problem(
      `内容过长，最多 ${maxLength[kind]} 个字。`,
      `Too long: at most ${maxLength[kind]} characters.`,
    );
  }
  if (field === 'matters') {
    return checkMatters(text, matterCodes);
  }
  return checkByKind(kind, text);
}

/** C0 controls and DEL, and the bidi overrides that can disguise a name (U+202A–E, U+2066–9). */
function hasControlCharacter(text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (
      cp < 0x20 ||
      cp === 0x7f ||
      (cp >= 0x202a && cp <= 0x202e) ||
      (cp >= 0x2066 && cp <= 0x2069)
    ) {
      return true;
    }
  }
  return false;
}

function checkByKind(kind: Kind, text: string): CellCheck {
  const ascii = text.normalize('NFKC');
  switch (kind) {
    case 'code':
      return /^[0-9A-Za-z][0-9A-Za-z._-]*$/.test(ascii)
        ? { value: ascii }
        : problem(
            '代码只能包含字母、数字、点、下划线和连字符。',
            'A code holds only A-Z, 0-9, . _ -',
          );
    case 'kind':
      return checkKind(text);
    case 'phone':
      return checkWorkPhone(text);
    case 'username':
      return /^[a-z0-9][a-z0-9._-]{1,31}$/.test(ascii.toLowerCase())
        ? { value: ascii.toLowerCase() }
        : problem(
            '用户名须为 2–32 位小写字母、数字、点、下划线或连字符，以字母或数字开头。',
            'A user name is 2-32 of a-z 0-9 . _ - starting with a letter or digit.',
          );
    case 'badge':
      return { value: ascii.replace(/\s/g, '') };
    default:
      return { value: text };
  }
}

function checkKind(text: string): CellCheck {
  const kinds: Record<string, 'community' | 'park'> = {
    社区: 'community',
    居委会: 'community',
    community: 'community',
    园区: 'park',
    park: 'park',
  };
  const kind = kinds[text.toLowerCase()];
  return kind
    ? { value: kind }
    : problem('类型须为“社区”或“园区”。', 'The type must be 社区 (community) or 园区 (park).');
}

/**
 * A work phone must be a landline or a 400/800 service number: the placard is public, and a
 * personal mobile must not be printed on it. Full-width digits and spaces are normalised; the
 * area code is 3 digits for 010 and 02x, else 4, so "02165431234" reads as 021-65431234.
 */
export function checkWorkPhone(text: string): CellCheck {
  const s = text.normalize('NFKC').replace(/\s/g, '');
  if (/^(\+?86-?)?1[3-9]\d{9}$/.test(s)) {
    return problem(
      '工作电话须为座机号码（如 021-65431234），不能填写手机号码。',
      'The work phone must be a landline (e.g. 021-65431234), not a mobile number.',
    );
  }
  const service = /^([48]00)-?(\d{3})-?(\d{4})$/.exec(s);
  if (service) {
    return { value: `${service[1]}-${service[2]}-${service[3]}` };
  }
  const landline =
    /^(?:\(?(0(?:[12]\d|[3-9]\d{2}))\)?-?)?([2-9]\d{6,7})(?:(?:-|转|#|ext\.?)(\d{1,6}))?$/i.exec(s);
  if (!landline) {
    return problem(
      '工作电话不是有效的座机号码（如 021-65431234 或 65431234）。',
      'The work phone is not a valid landline number (e.g. 021-65431234).',
    );
  }
  const [, area, local, ext] = landline;
  return { value: `${area ? `${area}-` : ''}${local}${ext ? `-${ext}` : ''}` };
}

/** Matter codes separated by 、 , ， ; or spaces; each must be in the catalogue. */
function checkMatters(text: string, known: ReadonlySet<string>): CellCheck {
  const codes = text
    .normalize('NFKC')
    .split(/[、,;\s]+/)
    .map((c) => c.toUpperCase())
    .filter((c) => c !== '');
  const unique = [...new Set(codes)];
  const unknown = unique.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    return problem(
      `未知的执法事项代码：${unknown.join('、')}。`,
      `Unknown matter code(s): ${unknown.join(', ')}.`,
    );
  }
  if (unique.length === 0 || unique.length > 10) {
    return problem('请填写 1–10 个执法事项代码。', 'Give 1 to 10 matter codes.');
  }
  return { value: unique.join(',') };
}
