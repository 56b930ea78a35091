import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, fieldIssue } from '../errors.js';
import { duplicateKey } from './duplicate-keys.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function refused(message: string, messageEn: string): AppError {
  return new AppError('malformed_json', [fieldIssue('(body)', message, messageEn)]);
}

function declaredCharset(request: FastifyRequest): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1];
}

/**
 * Replaces Fastify's JSON body parser with one that takes UTF-8 only (RFC 8259 §8.1): a body
 * declared in another charset, with invalid UTF-8 bytes or with a byte-order mark is refused
 * with 400 instead of being read as text full of replacement characters, which would otherwise
 * be stored. So is an object giving one key twice; prototype keys are still refused
 * (secure-json-parse).
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = declaredCharset(request);
    if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
      done(refused('只接受 UTF-8 编码', 'only UTF-8 is accepted'), undefined);
      return;
    }
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(refused('不是有效的 UTF-8 文本', 'is not valid UTF-8 text'), undefined);
      return;
    }
    if (text.startsWith('\ufeff')) {
      done(refused('不应以字节顺序标记开头', 'must not begin with a byte-order mark'), undefined);
      return;
    }
    void parseJson(request, text, (error, value: unknown) => {
      if (!error && duplicateKey(text) !== null) {
        done(refused('同一个键出现了两次', 'a key is given twice'), undefined);
        return;
      }
      done(error, value);
    });
  });
}
