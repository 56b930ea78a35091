// Answers in the two formats of GeoReport v2: JSON (bare arrays, the outer element dropped) and
// XML (declared UTF-8, no namespace), built from one value so that the two always agree.
import type { FastifyReply } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';
import type { Open311Format } from '../../contract/open311.js';

/** The element names an answer is wrapped in, and those of repeated children in XML. */
export interface XmlShape {
  /** The outer element, dropped in JSON (`services`, `service_requests`, …). */
  root: string;
  /** The element of each list item (`service`, `request`, …); absent for one object. */
  item?: string;
  /** Containers of repeated children inside an item: `attributes` → `attribute`. */
  lists?: Readonly<Record<string, string>>;
}

// fast-xml-parser is the XML dependency the project declares; its builder re-export is the
// same code as the separate fast-xml-builder package it marks as the new home.
// eslint-disable-next-line @typescript-eslint/no-deprecated
const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false });

const contentTypes: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

type Plain = string | number | boolean | null | undefined | Plain[] | { [key: string]: Plain };

/** A value as XML text nodes: null is an empty element, lists wrap their children. */
function toXmlValue(value: Plain, lists: Readonly<Record<string, string>>, name = ''): unknown {
  if (value === null || value === undefined) {
    return '';
  }
  if (Array.isArray(value)) {
    const child = lists[name] ?? 'item';
    return { [child]: value.map((v) => toXmlValue(v, lists, child)) };
  }
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, toXmlValue(v, lists, k)]),
    );
  }
  return String(value);
}

/** The XML document of a value: declaration, root element, one element per list item. */
export function toXml(value: unknown, shape: XmlShape): string {
  const lists = shape.lists ?? {};
  const body = shape.item
    ? { [shape.item]: (value as Plain[]).map((v) => toXmlValue(v, lists, shape.item)) }
    : toXmlValue(value as Plain, lists);
  const xml: string = builder.build({ [shape.root]: body });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}

/** Sends a value in the requested format with the specification's content type. */
export function sendOpen311<R extends FastifyReply>(
  reply: R,
  format: Open311Format,
  value: unknown,
  shape: XmlShape,
  status = 200,
): R {
  const body = format === 'xml' ? toXml(value, shape) : JSON.stringify(value);
  return reply
    .status(status)
    .header('content-type', contentTypes[format])
    .header('access-control-allow-origin', '*')
    .send(body) as R;
}

/** One error of the specification's list: the HTTP status as its code, a sentence for people. */
export interface Open311Error {
  code: number;
  description: string;
}

/** Sends the specification's error list, `<errors><error>` or a JSON array. */
export function sendOpen311Errors(
  reply: FastifyReply,
  format: Open311Format,
  status: number,
  errors: Open311Error[],
): FastifyReply {
  void reply.header('cache-control', 'no-store');
  return sendOpen311(reply, format, errors, { root: 'errors', item: 'error' }, status);
}

/** The format named by a URL's extension; JSON when the URL names none we serve. */
export function formatOfUrl(url: string): Open311Format {
  const path = url.split('?')[0] ?? '';
  return path.endsWith('.xml') ? 'xml' : 'json';
}
