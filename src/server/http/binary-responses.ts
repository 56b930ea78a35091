import { z } from 'zod';

/** The body of a file answer in OpenAPI: bytes, not JSON. */
const bytesSchema = z.string().meta({ format: 'binary' });

/** Media types of the file answers the API gives. */
export const binaryTypes = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  image: 'image/*',
  /** Photos, video and audio of the legal-education items. */
  media: '*/*',
} as const;

/**
 * The success answer of a route that sends a file, for OpenAPI: 200 with the media type and the
 * bytes. Fastify does not serialise a Buffer or a stream, so the schema only documents.
 */
export function binaryResponse(type: keyof typeof binaryTypes, description: string) {
  return { 200: { description, content: { [binaryTypes[type]]: { schema: bytesSchema } } } };
}
