// JSON Schemas of GeoReport v2 answers, written for these tests from the specification
// (shared/OPEN311.md §§2–9). The public open311/schema-validation repository publishes such
// schemas but carries no licence, so they are not copied here; these check the same fields,
// types, required members and nullability, a little more strictly where the spec is clear.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats, { type FormatsPlugin } from 'ajv-formats';

const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
const str = { type: 'string' };
const dateTime = {
  type: 'string',
  format: 'date-time',
  pattern: '(Z|[+-]\\d{2}:\\d{2})$',
};

const discovery = {
  type: 'object',
  required: ['changeset', 'contact', 'key_service', 'endpoints'],
  properties: {
    changeset: dateTime,
    contact: { type: 'string', minLength: 1 },
    key_service: { type: 'string', minLength: 1 },
    endpoints: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['specification', 'url', 'changeset', 'type', 'formats'],
        properties: {
          specification: str,
          url: { type: 'string', format: 'uri' },
          changeset: dateTime,
          type: { enum: ['production', 'test'] },
          formats: { type: 'array', minItems: 1, items: str },
        },
      },
    },
  },
};

const service = {
  type: 'object',
  required: ['service_code', 'service_name', 'description', 'metadata', 'type'],
  properties: {
    service_code: str,
    service_name: str,
    description: { type: 'string', minLength: 1 },
    metadata: { type: 'boolean' },
    type: { enum: ['realtime', 'batch', 'blackbox'] },
    keywords: nullable(str),
    group: nullable(str),
  },
};

const serviceDefinition = {
  type: 'object',
  required: ['service_code', 'attributes'],
  properties: {
    service_code: str,
    attributes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['variable', 'code', 'datatype', 'required', 'order', 'description'],
        properties: {
          variable: { type: 'boolean' },
          code: str,
          datatype: {
            enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'],
          },
          required: { type: 'boolean' },
          datatype_description: nullable(str),
          order: { type: 'integer', minimum: 1 },
          description: str,
          values: {
            type: 'array',
            items: {
              type: 'object',
              required: ['key', 'name'],
              properties: { key: str, name: str },
            },
          },
        },
      },
    },
  },
};

const request = {
  type: 'object',
  required: [
    'service_request_id',
    'status',
    'service_name',
    'service_code',
    'requested_datetime',
    'updated_datetime',
    'address',
  ],
  properties: {
    service_request_id: str,
    status: { enum: ['open', 'closed'] },
    status_notes: nullable(str),
    service_name: str,
    service_code: str,
    description: nullable({ type: 'string', maxLength: 4000 }),
    agency_responsible: nullable(str),
    service_notice: nullable(str),
    requested_datetime: dateTime,
    updated_datetime: dateTime,
    expected_datetime: nullable(dateTime),
    address: str,
    address_id: nullable(str),
    zipcode: nullable(str),
    lat: nullable({ type: 'number' }),
    long: nullable({ type: 'number' }),
    media_url: nullable({ type: 'string', format: 'uri' }),
  },
};

const postResult = {
  type: 'object',
  properties: {
    service_request_id: str,
    token: str,
    service_notice: nullable(str),
    account_id: nullable(str),
  },
  not: { required: ['service_request_id', 'token'] },
};

const update = {
  type: 'object',
  required: ['update_id', 'service_request_id', 'status', 'updated_datetime', 'description'],
  properties: {
    update_id: str,
    service_request_id: str,
    status: { enum: ['open', 'closed'] },
    updated_datetime: dateTime,
    description: str,
    media_url: nullable(str),
  },
};

const errors = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['code', 'description'],
    properties: { code: { type: 'integer' }, description: { type: 'string', minLength: 1 } },
  },
};

const list = (item: object) => ({ type: 'array', items: item });

const ajv = new Ajv({ allErrors: true, strict: false });
// ajv-formats is CommonJS: its default export arrives as the module object.
(addFormats as unknown as { default: FormatsPlugin }).default(ajv);

/** One compiled validator per answer the interface gives. */
export const open311Validators: Record<string, ValidateFunction> = {
  discovery: ajv.compile(discovery),
  services: ajv.compile(list(service)),
  serviceDefinition: ajv.compile(serviceDefinition),
  requests: ajv.compile(list(request)),
  oneRequest: ajv.compile({ ...list(request), minItems: 1, maxItems: 1 }),
  postResult: ajv.compile({ ...list(postResult), minItems: 1, maxItems: 1 }),
  updates: ajv.compile(list(update)),
  errors: ajv.compile(errors),
};

/** Throws with ajv's messages when `value` does not match the named schema. */
export function assertValid(name: keyof typeof open311Validators, value: unknown): void {
  const validate = open311Validators[name];
  if (!validate) {
    throw new Error(`no schema ${name}`);
  }
  if (!validate(value)) {
    throw new Error(`${name}: ${ajv.errorsText(validate.errors)}`);
  }
}
