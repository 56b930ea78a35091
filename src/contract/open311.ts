// The Open311 GeoReport v2 interface (docs/open311.md): the JSON shapes it answers with, the
// arguments it reads, and the workbench API that issues and revokes partner keys. Field names
// are the specification's snake_case, not ours, because existing 311 clients read them.
import { z } from 'zod';

/** The two formats every resource answers in, chosen by the file extension. */
export const open311Formats = ['json', 'xml'] as const;
export const open311FormatSchema = z.enum(open311Formats);
export type Open311Format = z.infer<typeof open311FormatSchema>;

/** How a service's POST is answered: at once with an id, with a token, or not traceable. */
export const open311ServiceTypes = ['realtime', 'batch', 'blackbox'] as const;

/** The six attribute datatypes of a service definition. */
export const open311Datatypes = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;

/** The longest description a POST may carry; a longer one is refused, not truncated. */
export const OPEN311_DESCRIPTION_MAX = 4000;

/** The default and largest page of GET requests, and the widest date range, in days. */
export const OPEN311_PAGE_MAX = 1000;
export const OPEN311_RANGE_DAYS = 90;

const nullableString = z.string().nullable();

export const open311ErrorSchema = z.object({ code: z.number().int(), description: z.string() });
export const open311ErrorsSchema = z.array(open311ErrorSchema);

export const open311EndpointSchema = z.object({
  specification: z.string(),
  url: z.string(),
  changeset: z.string(),
  type: z.enum(['production', 'test']),
  formats: z.array(z.string()),
});

export const open311DiscoverySchema = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  max_requests: z.number().int(),
  endpoints: z.array(open311EndpointSchema),
});
export type Open311Discovery = z.infer<typeof open311DiscoverySchema>;

export const open311ServiceSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(open311ServiceTypes),
  keywords: z.string(),
  group: z.string(),
});
export type Open311Service = z.infer<typeof open311ServiceSchema>;

export const open311ValueSchema = z.object({ key: z.string(), name: z.string() });

export const open311AttributeSchema = z.object({
  variable: z.boolean(),
  code: z.string(),
  datatype: z.enum(open311Datatypes),
  required: z.boolean(),
  datatype_description: nullableString,
  order: z.number().int().positive(),
  description: z.string(),
  values: z.array(open311ValueSchema),
});
export type Open311Attribute = z.infer<typeof open311AttributeSchema>;

export const open311ServiceDefinitionSchema = z.object({
  service_code: z.string(),
  attributes: z.array(open311AttributeSchema),
});
export type Open311ServiceDefinition = z.infer<typeof open311ServiceDefinitionSchema>;

/** What `extensions=true` adds to a request: our own detailed state and the channel. */
export const open311ExtendedSchema = z.object({
  detailed_status: z.string(),
  channel: z.string(),
});

export const open311RequestSchema = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: nullableString,
  service_name: z.string(),
  service_code: z.string(),
  description: nullableString,
  agency_responsible: nullableString,
  service_notice: nullableString,
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: nullableString,
  address: z.string(),
  address_id: nullableString,
  zipcode: nullableString,
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: nullableString,
  extended_attributes: open311ExtendedSchema.optional(),
});
export type Open311Request = z.infer<typeof open311RequestSchema>;

/** The answer to a POST: an id, a token, or neither for a blackbox service. */
export const open311PostResultSchema = z.object({
  service_request_id: z.string().optional(),
  token: z.string().optional(),
  service_notice: nullableString,
  account_id: nullableString,
});
export type Open311PostResult = z.infer<typeof open311PostResultSchema>;

export const open311TokenResultSchema = z.object({
  service_request_id: z.string().nullable(),
  token: z.string(),
});

/** One entry of the servicerequestupdates extension (FixMyStreet). */
export const open311UpdateSchema = z.object({
  update_id: z.string(),
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  updated_datetime: z.string(),
  description: z.string(),
  media_url: nullableString,
  extended_attributes: z.object({ detailed_status: z.string() }).optional(),
});
export type Open311Update = z.infer<typeof open311UpdateSchema>;

/** The answer to a partner's pushed update: the update id we keep it under. */
export const open311UpdatePostResultSchema = z.object({ update_id: z.string() });

/** Path parameters: a resource id and the format of the answer. */
export const open311FormatParamsSchema = z.object({ format: open311FormatSchema });
export const open311IdParamsSchema = z.object({
  id: z.string().min(1).max(200),
  format: open311FormatSchema,
});

/** A query or form value as fastify hands it over: one string, or several for a repeated key. */
const formValue = z.union([z.string(), z.array(z.string())]).optional();

/** The arguments of GET requests (all optional; empty is the same as absent). */
export const open311RequestsQuerySchema = z
  .object({
    jurisdiction_id: formValue,
    service_request_id: formValue,
    service_code: formValue,
    start_date: formValue,
    end_date: formValue,
    status: formValue,
    page: formValue,
    page_size: formValue,
    extensions: formValue,
  })
  .loose();

/** The arguments of GET servicerequestupdates. */
export const open311UpdatesQuerySchema = z
  .object({
    jurisdiction_id: formValue,
    start_date: formValue,
    end_date: formValue,
    page: formValue,
    page_size: formValue,
  })
  .loose();

/** The form fields of POST requests, as documented; attribute[CODE] keys come beside them. */
export const open311PostBodySchema = z
  .object({
    api_key: formValue,
    jurisdiction_id: formValue,
    service_code: formValue,
    lat: formValue,
    long: formValue,
    address_string: formValue,
    address_id: formValue,
    email: formValue,
    device_id: formValue,
    account_id: formValue,
    first_name: formValue,
    last_name: formValue,
    phone: formValue,
    description: formValue,
    media_url: formValue,
  })
  .loose();

/** The form fields of POST servicerequestupdates. */
export const open311UpdateBodySchema = z
  .object({
    api_key: formValue,
    jurisdiction_id: formValue,
    service_request_id: formValue,
    update_id: formValue,
    updated_datetime: formValue,
    status: formValue,
    description: formValue,
  })
  .loose();

/** One partner key as the workbench lists it; the key itself is never listed. */
export const open311KeySchema = z.object({
  id: z.string(),
  name: z.string(),
  partner: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  requestCount: z.number().int(),
});
export type Open311Key = z.infer<typeof open311KeySchema>;

/** A key just issued: the only time the key itself is shown. */
export const issuedOpen311KeySchema = z.object({ key: open311KeySchema, apiKey: z.string() });
export type IssuedOpen311Key = z.infer<typeof issuedOpen311KeySchema>;

export const issueOpen311KeySchema = z.object({
  name: z.string().trim().min(1).max(60),
  partner: z.string().trim().min(1).max(60),
});
export type IssueOpen311Key = z.infer<typeof issueOpen311KeySchema>;
