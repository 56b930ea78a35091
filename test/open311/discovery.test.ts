// Checklist items 1 and 2 of shared/OPEN311.md §11: discovery in both formats, content types,
// UTF-8 and the XML declaration on every resource.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../app.js';
import { file, startOpen311Scene, xml, type Open311Scene } from './support.js';

let s: Open311Scene;
beforeAll(async () => {
  s = await startOpen311Scene();
});
afterAll(async () => {
  await s.t.close();
});

describe('discovery', () => {
  it('answers the same document in XML and JSON, GeoReport v2 listing text/xml', async () => {
    const j = await s.t.app.inject({ url: '/open311/v2/discovery.json' });
    const x = await s.t.app.inject({ url: '/open311/v2/discovery.xml' });
    expect(j.statusCode).toBe(200);
    expect(x.statusCode).toBe(200);
    const doc = json<{
      changeset: string;
      contact: string;
      key_service: string;
      endpoints: {
        specification: string;
        url: string;
        changeset: string;
        type: string;
        formats: string[];
      }[];
    }>(j);
    const fromXml = xml(x).discovery as {
      changeset: string;
      contact: string;
      key_service: string;
      endpoints: { endpoint: { url: string; formats: { format: string[] } }[] };
    };
    expect(fromXml.changeset).toBe(doc.changeset);
    expect(fromXml.contact).toBe(doc.contact);
    expect(fromXml.key_service).toBe(doc.key_service);
    expect(fromXml.endpoints.endpoint[0]?.url).toBe(doc.endpoints[0]?.url);
    expect(fromXml.endpoints.endpoint[0]?.formats.format).toEqual(doc.endpoints[0]?.formats);
    expect(doc.contact).not.toBe('');
    expect(doc.key_service).not.toBe('');
    const endpoint = doc.endpoints[0];
    expect(endpoint?.specification).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(endpoint?.formats).toContain('text/xml');
    expect(endpoint?.url.endsWith('/open311/v2')).toBe(true);
    expect(['production', 'test']).toContain(endpoint?.type);
    for (const changeset of [doc.changeset, endpoint?.changeset ?? '']) {
      expect(changeset).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
      expect(Date.parse(changeset)).toBeLessThan(Date.now());
    }
  });
});

describe('formats', () => {
  it('answers every resource in both formats with the right content type and UTF-8', async () => {
    const { service_request_id: id } = await file(s);
    const { token } = await file(s, { service_code: 'suggestion' });
    const resources = [
      'discovery',
      'services',
      'services/consultation',
      'requests',
      `requests/${id ?? ''}`,
      `tokens/${token ?? ''}`,
      'servicerequestupdates',
    ];
    for (const resource of resources) {
      const j = await s.t.app.inject({ url: `/open311/v2/${resource}.json` });
      const x = await s.t.app.inject({ url: `/open311/v2/${resource}.xml` });
      expect([resource, j.statusCode, x.statusCode]).toEqual([resource, 200, 200]);
      expect(j.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(x.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(x.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
      expect(() => JSON.parse(j.body) as unknown).not.toThrow();
    }
  });

  it('round-trips Chinese text unchanged in both formats', async () => {
    const text = '楼道里“共享单车”乱停放，𠮷野家门口也有 😀';
    const { service_request_id: id } = await file(s, { description: text });
    const j = await s.t.app.inject({ url: `/open311/v2/requests/${id ?? ''}.json` });
    const x = await s.t.app.inject({ url: `/open311/v2/requests/${id ?? ''}.xml` });
    expect(json<{ description: string }[]>(j)[0]?.description).toBe(text);
    const fromXml = xml(x).service_requests as { request: { description: string }[] };
    expect(fromXml.request[0]?.description).toBe(text);
    expect(Buffer.from(x.rawPayload).toString('utf8')).toContain('乱停放');
  });
});

describe('OpenAPI', () => {
  it('describes every Open311 route with its parameters and answers', async () => {
    const res = await s.t.app.inject({ url: '/api/openapi.json' });
    const doc = json<{ paths: Record<string, Record<string, { parameters?: unknown[] }>> }>(res);
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith('/open311/'));
    expect(paths.sort()).toEqual([
      '/open311/v2/discovery.{format}',
      '/open311/v2/requests.{format}',
      '/open311/v2/requests/{id}.{format}',
      '/open311/v2/servicerequestupdates.{format}',
      '/open311/v2/services.{format}',
      '/open311/v2/services/{id}.{format}',
      '/open311/v2/tokens/{id}.{format}',
    ]);
    expect(doc.paths['/open311/v2/requests.{format}']?.get?.parameters?.length).toBeGreaterThan(5);
  });
});
