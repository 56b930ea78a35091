// Checklist items 3 and 4 of shared/OPEN311.md §11: list answers are arrays, lists inside
// definitions are arrays even with one element, booleans are booleans, enums hold, order is
// unique; every answer matches the GeoReport v2 schemas (test/open311/schemas.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Open311Service, Open311ServiceDefinition } from '../../src/contract/open311.js';
import { json } from '../app.js';
import { assertValid } from './schemas.js';
import { startOpen311Scene, xml, type Open311Scene } from './support.js';

let s: Open311Scene;
beforeAll(async () => {
  s = await startOpen311Scene();
});
afterAll(async () => {
  await s.t.close();
});

describe('service list', () => {
  it('lists one service per ticket kind, complaints and reports as blackbox', async () => {
    const res = await s.t.app.inject({ url: '/open311/v2/services.json' });
    const services = json<Open311Service[]>(res);
    assertValid('services', services);
    expect(Array.isArray(services)).toBe(true);
    expect(Object.fromEntries(services.map((x) => [x.service_code, x.type]))).toEqual({
      consultation: 'realtime',
      help: 'realtime',
      suggestion: 'batch',
      complaint: 'blackbox',
      report: 'blackbox',
    });
    for (const service of services) {
      expect(typeof service.metadata).toBe('boolean');
      expect(service.description.length).toBeGreaterThan(0);
    }
  });

  it('gives the same services in XML, booleans spelled true/false', async () => {
    const res = await s.t.app.inject({ url: '/open311/v2/services.xml' });
    const list = (xml(res).services as { service: { service_code: string; metadata: string }[] })
      .service;
    expect(list.map((x) => x.service_code)).toEqual([
      'consultation',
      'help',
      'suggestion',
      'complaint',
      'report',
    ]);
    expect(list.every((x) => x.metadata === 'true')).toBe(true);
  });
});

describe('service definition', () => {
  it('offers the matters in force as a list and keeps every list an array', async () => {
    const res = await s.t.app.inject({ url: '/open311/v2/services/help.json' });
    const definition = json<Open311ServiceDefinition>(res);
    assertValid('serviceDefinition', definition);
    expect(definition.service_code).toBe('help');
    const matter = definition.attributes.find((a) => a.code === 'matter');
    const catalogue = await s.t.ctx.db
      .selectFrom('matters')
      .select('code')
      .where('active', '=', 1)
      .execute();
    expect(matter?.values.map((v) => v.key).sort()).toEqual(catalogue.map((m) => m.code).sort());
    const orders = definition.attributes.map((a) => a.order);
    expect(new Set(orders).size).toBe(orders.length);
    expect(orders.every((o) => Number.isInteger(o) && o > 0)).toBe(true);
    for (const attribute of definition.attributes) {
      expect(typeof attribute.variable).toBe('boolean');
      expect(typeof attribute.required).toBe('boolean');
      expect(Array.isArray(attribute.values)).toBe(true);
    }
  });

  it('keeps a one-value list an array in XML and JSON alike', async () => {
    const j = json<Open311ServiceDefinition>(
      await s.t.app.inject({ url: '/open311/v2/services/consultation.json' }),
    );
    const x = xml(await s.t.app.inject({ url: '/open311/v2/services/consultation.xml' }));
    const attrs = (
      x.service_definition as { attributes: { attribute: { code: string; order: string }[] } }
    ).attributes.attribute;
    expect(attrs.map((a) => a.code)).toEqual(j.attributes.map((a) => a.code));
    expect(attrs.map((a) => Number(a.order))).toEqual(j.attributes.map((a) => a.order));
  });

  it('answers 404 in the spec shape for an unknown service code', async () => {
    const res = await s.t.app.inject({ url: '/open311/v2/services/parking.json' });
    expect(res.statusCode).toBe(404);
    const body = json<{ code: number; description: string }[]>(res);
    assertValid('errors', body);
    expect(body[0]?.code).toBe(404);
    expect(body[0]?.description).toContain('service_code');
    const x = await s.t.app.inject({ url: '/open311/v2/services/parking.xml' });
    expect((xml(x).errors as { error: { code: string }[] }).error[0]?.code).toBe('404');
  });

  it('answers an unknown resource with a 404 error list', async () => {
    const res = await s.t.app.inject({ url: '/open311/v2/nothing-here.xml' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
  });
});
