import { describe, expect, it } from 'vitest';
import { isAppPath } from './static-web.js';

const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('which GETs the web app answers', () => {
  it('answers every page address a browser asks for, known or not', () => {
    for (const url of [
      '/',
      '/b/abc',
      '/learn?topic=rental',
      '/workbench/cases/1',
      '/nope',
      '/a/b',
    ]) {
      expect(isAppPath(url, browser), url).toBe(true);
    }
  });

  it('leaves the API, the health check and missing files to the JSON 404', () => {
    for (const url of ['/api/public/nope', '/api', '/healthz', '/assets/missing.js', '/x.png']) {
      expect(isAppPath(url, browser), url).toBe(false);
    }
  });

  it('answers JSON to a client that asks for JSON only', () => {
    expect(isAppPath('/nope', 'application/json')).toBe(false);
  });
});
