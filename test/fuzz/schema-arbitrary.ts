// Arbitraries drawn from the JSON Schema the app publishes in /api/openapi.json, which zod
// produces from the same schemas that validate each request (RELIABILITY §3(c)1). A value is
// mostly of the documented shape, so the fuzz reaches the handlers; now and then one part of it
// is replaced by something hostile, so every field's refusal is exercised too.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The part of a JSON Schema node the generator reads. */
export interface SchemaNode {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
}

const casesDir = path.resolve(import.meta.dirname, '../cases');

/** The lines of one corpus file in test/cases/, each decoded from its JSON string. */
export function corpus(file: string): string[] {
  return readFileSync(path.join(casesDir, file), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as string);
}

const awkwardText = [...corpus('unicode.jsonl'), ...corpus('xss.jsonl')];

/** Text no form would send: huge, control characters, lone surrogates, the Unicode corpus. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...awkwardText),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.integer({ min: 2_000, max: 120_000 }).map((n) => '楼'.repeat(n)),
  fc.constantFrom('\ud800', 'a\u0000b', '\u202e', ' ', '', '０１２', '-1', '1e999', 'NaN'),
);

/** Anything JSON can carry, nested a little, with hostile strings among the leaves. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hostileString,
  fc.constantFrom(null, true, 0, -1, 1e308, [], {}, [null], { __proto__: null }),
);

function boundedString(node: SchemaNode): fc.Arbitrary<string> {
  const minLength = node.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(node.maxLength ?? 40, 40));
  return fc.string({ unit: 'grapheme', minLength, maxLength });
}

function stringOf(node: SchemaNode): fc.Arbitrary<string> {
  if (node.format === 'date-time') {
    return fc
      .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString());
  }
  if (node.format === 'date') {
    return fc
      .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  }
  if (node.format === 'uuid') {
    return fc.uuid();
  }
  if (node.pattern !== undefined) {
    try {
      return fc.stringMatching(new RegExp(node.pattern, 'u'));
    } catch {
      // A pattern fast-check cannot invert (Unicode property classes): plain text instead.
      return boundedString(node);
    }
  }
  return boundedString(node);
}

function typedValue(node: SchemaNode, type: string, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringOf(node);
    case 'integer':
      return fc.integer({ min: node.minimum ?? -1_000, max: node.maximum ?? 100_000 });
    case 'number':
      return fc.double({ min: node.minimum ?? -1_000, max: node.maximum ?? 1_000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(node.items ? shaped(node.items, depth + 1) : anyJson, {
        minLength: Math.min(node.minItems ?? 0, 3),
        maxLength: Math.min(node.maxItems ?? 3, 3),
      });
    case 'object':
      return objectOf(node, depth);
    default:
      return anyJson;
  }
}

function objectOf(node: SchemaNode, depth: number): fc.Arbitrary<unknown> {
  const entries = Object.entries(node.properties ?? {}).map(
    ([key, child]) => [key, shaped(child, depth + 1)] as const,
  );
  if (entries.length === 0) {
    return fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 3 });
  }
  return fc.record(Object.fromEntries(entries), { requiredKeys: node.required ?? [] });
}

/** A value of the node's documented shape (mostly), with hostile parts mixed in below it. */
export function shaped(node: SchemaNode, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) {
    return anyJson;
  }
  const documented = documentedValue(node, depth);
  return fc.oneof({ weight: 5, arbitrary: documented }, { weight: 1, arbitrary: anyJson });
}

function documentedValue(node: SchemaNode, depth: number): fc.Arbitrary<unknown> {
  if (node.enum) {
    return fc.constantFrom(...node.enum);
  }
  if ('const' in node) {
    return fc.constant(node.const);
  }
  const choices = node.anyOf ?? node.oneOf;
  if (choices) {
    return fc.oneof(...choices.map((c) => shaped(c, depth + 1)));
  }
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  if (types.length === 0) {
    return anyJson;
  }
  return fc.oneof(...types.map((t) => typedValue(node, t, depth)));
}
