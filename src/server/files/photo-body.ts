// The body of a photo upload, read with its limit enforced at the socket (docs/reliability.md,
// F6): a declared length past the limit is refused before anything is read, and a chunked body
// is cut the moment the file passes defaultPhotoLimits.maxBytes.
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, fieldIssue, messageOf } from '../errors.js';
import { defaultPhotoLimits } from './image.js';

/** Room for the part headers and boundaries around one photo in a multipart body. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** How long a cut connection may go on sending before it is dropped. */
const CUT_GRACE_MS = 5_000;

// Once the answer is out the socket is half-closed and what still arrives is read and thrown
// away, so the client sees the 413 and the end. Not Connection: close: Node would destroy the
// socket with unread data in it, and the reset makes the client drop the answer unread.
function cutAfterAnswer(request: FastifyRequest, reply: FastifyReply): void {
  const socket = request.raw.socket;
  reply.raw.once('finish', () => {
    socket.end();
    request.raw.resume();
    socket.resume();
    socket.setTimeout(CUT_GRACE_MS, () => socket.destroy());
  });
}

function fileTooLarge(request: FastifyRequest, reply: FastifyReply): AppError {
  cutAfterAnswer(request, reply);
  const [zh, en] = messageOf.payload_too_large;
  return new AppError('payload_too_large', [fieldIssue('file', zh, en)]);
}

/** An onRequest hook: refuses a body whose declared length cannot hold an allowed photo. */
export function refuseDeclaredOversize(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > defaultPhotoLimits.maxBytes + MULTIPART_OVERHEAD) {
    return Promise.reject(fileTooLarge(request, reply));
  }
  return Promise.resolve();
}

/**
 * The file's bytes, or a 413 naming the field as soon as it passes defaultPhotoLimits.maxBytes.
 * The plugin's toBuffer() refuses only once the whole part has arrived, which for a huge chunked
 * body means reading it to its end; after 'limit' the part gives no more data.
 */
export function readPhoto(
  file: MultipartFile,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const refuse = () => {
      // Destroying the part's stream makes the plugin stop feeding the request to the parser.
      file.file.destroy();
      reject(fileTooLarge(request, reply));
    };
    // A body that arrived at once was parsed before this function ran: 'limit' has been emitted.
    if (file.file.truncated) {
      refuse();
      return;
    }
    const chunks: Buffer[] = [];
    file.file.on('data', (chunk: Buffer) => chunks.push(chunk));
    file.file.once('limit', refuse);
    file.file.once('end', () => {
      if (file.file.truncated) {
        refuse();
      } else {
        resolve(Buffer.concat(chunks));
      }
    });
    file.file.once('error', reject);
  });
}
