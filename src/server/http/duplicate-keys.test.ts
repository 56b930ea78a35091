import { describe, expect, it } from 'vitest';
import { duplicateKey } from './duplicate-keys.js';

describe('a key given twice in a JSON body', () => {
  it('is found at any depth, also when spelled with escapes', () => {
    expect(duplicateKey('{"kind": "complaint", "kind": "report"}')).toBe('kind');
    expect(duplicateKey('{"a": [{"b": 1}, {"c": {"d": 1, "d": 2}}]}')).toBe('d');
    expect(duplicateKey('{"kind": 1, "\\u006bind": 2}')).toBe('kind');
  });

  it('is not confused by the same key in sibling objects, values or strings with quotes', () => {
    expect(duplicateKey('[{"a": 1}, {"a": 2}]')).toBeNull();
    expect(duplicateKey('{"a": {"a": "a"}, "b": "a"}')).toBeNull();
    expect(duplicateKey('{"a": "x\\",\\"a\\": 1", "b": ["a", "a"]}')).toBeNull();
    expect(duplicateKey('"just a string"')).toBeNull();
  });
});
