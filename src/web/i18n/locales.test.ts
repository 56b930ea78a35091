import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { staffRoles } from '../../contract/auth';
import { errorCodes } from '../../contract/common';
import {
  contactMethods,
  handlerAssessments,
  outcomes,
  ratings,
  ticketActions,
  ticketKinds,
  ticketStatuses,
  tiers,
  timelineTypes,
} from '../../contract/tickets';
import { catalogue, catalogueFiles } from './catalogues';

const webRoot = fileURLToPath(new URL('..', import.meta.url));
const zhCN = catalogue('zh-CN');
const en = catalogue('en');
const catalogues: Record<string, Record<string, string>> = { 'zh-CN': zhCN, en };

/** Every enum of the contract, with the key prefix its labels live under. */
const enumKeys: [prefix: string, values: readonly string[]][] = [
  ['ticket.kind.', ticketKinds],
  ['ticket.kind_hint.', ticketKinds],
  ['ticket.status.', ticketStatuses],
  ['ticket.status_hint.', ticketStatuses],
  ['inbox.filter.', ticketStatuses],
  ['ticket.action.', ticketActions],
  ['ticket.outcome.', outcomes],
  ['ticket.rating.', ratings],
  ['ticket.contact_method.', contactMethods],
  ['ticket.tier.', tiers],
  ['ticket.tier_unit.', tiers],
  ['follow.tier.', tiers],
  ['ticket.assessment.', handlerAssessments],
  ['timeline.type.', timelineTypes],
  ['error.', errorCodes],
  ['staff.role.', staffRoles],
  ['calendar.kind.', ['holiday', 'workday']],
  ['placard.room.kind.', ['workroom', 'workstation']],
  ['placard.community.kind.', ['community', 'park']],
];

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return tsxFiles(path);
    }
    return path.endsWith('.tsx') ? [path] : [];
  });
}

/** JSX text and user-visible attribute strings that contain letters, found through the parser. */
function literalTextInJsx(path: string, source: string): string[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const visible = new Set([
    'title',
    'placeholder',
    'alt',
    'aria-label',
    'label',
    'okText',
    'cancelText',
  ]);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /[A-Za-z\u4e00-\u9fff]/.test(node.text)) {
      found.push(node.text.trim());
    }
    if (
      ts.isJsxAttribute(node) &&
      visible.has(node.name.getText(file)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      /[A-Za-z\u4e00-\u9fff]/.test(node.initializer.text)
    ) {
      found.push(`${node.name.getText(file)}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('locale files', () => {
  it('have exactly the same keys in Chinese and English, file by file', () => {
    const zhFiles = catalogueFiles('zh-CN');
    const enFiles = catalogueFiles('en');
    expect(Object.keys(enFiles).sort()).toEqual(Object.keys(zhFiles).sort());
    for (const [name, messages] of Object.entries(zhFiles)) {
      expect(Object.keys(enFiles[name] ?? {}).sort(), name).toEqual(Object.keys(messages).sort());
    }
  });

  it('define each key in one file only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [name, messages] of Object.entries(catalogueFiles('zh-CN'))) {
      for (const key of Object.keys(messages)) {
        const first = seen.get(key);
        if (first !== undefined) {
          twice.push(`${key} in ${first} and ${name}`);
        }
        seen.set(key, name);
      }
    }
    expect(twice).toEqual([]);
  });

  it('have no empty message in either language', () => {
    for (const [locale, messages] of Object.entries(catalogues)) {
      const empty = Object.entries(messages).filter(([, text]) => text.trim() === '');
      expect(empty.map(([key]) => `${locale}:${key}`)).toEqual([]);
    }
  });

  it('label every value of every contract enum in both languages', () => {
    for (const [locale, messages] of Object.entries(catalogues)) {
      const missing = enumKeys.flatMap(([prefix, values]) =>
        values.map((v) => prefix + v).filter((key) => !(key in messages)),
      );
      expect(missing.map((key) => `${locale}:${key}`)).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const differing = Object.keys(zhCN).filter(
      (key) =>
        JSON.stringify(names((zhCN as Record<string, string>)[key] ?? '')) !==
        JSON.stringify(names((en as Record<string, string>)[key] ?? '')),
    );
    expect(differing).toEqual([]);
  });
});

describe('components under src/web', () => {
  const files = tsxFiles(webRoot);

  it('are found by the scan', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('contain no literal Chinese character', () => {
    const offending = files.filter((path) => /[\u4e00-\u9fff]/.test(readFileSync(path, 'utf8')));
    expect(offending.map((path) => relative(webRoot, path))).toEqual([]);
  });

  // Line by line: across lines the pattern would match TypeScript generics such as
  // `useState<A>(x);\n const b = useState<`; multi-line JSX text is caught by the parser test.
  it('contain no JSX text with letters outside {t(...)}', () => {
    const textNode = />[^<>{}]*[A-Za-z\u4e00-\u9fff][^<>{}]*</g;
    const offending = files.flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, index) => (line.match(textNode) ?? []).map((hit) => ({ hit, index })))
        .map(({ hit, index }) => `${relative(webRoot, path)}:${index + 1}: ${hit.trim()}`),
    );
    expect(offending).toEqual([]);
  });

  it('contain no literal text in JSX text nodes or visible attributes, as parsed', () => {
    const offending = files.flatMap((path) =>
      literalTextInJsx(path, readFileSync(path, 'utf8')).map(
        (hit) => `${relative(webRoot, path)}: ${hit}`,
      ),
    );
    expect(offending).toEqual([]);
  });
});
