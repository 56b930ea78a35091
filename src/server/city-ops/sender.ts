import type { CityOpsCallback } from '../../contract/city-ops.js';
import { signedHeaders } from './signature.js';

/** Delivers one callback; resolves when the platform took it and throws otherwise. */
export interface CityOpsSender {
  send(callback: CityOpsCallback, rawBody: string, now: Date): Promise<void>;
}

/** Why a call failed, in words an admin can act on; never the secret. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `platform did not answer within ${timeoutMs / 1000} s`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : null;
  if (cause && typeof cause.code === 'string') {
    return `platform unreachable: ${cause.code}`;
  }
  return `platform call failed: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * POSTs a callback as JSON, signed like the platform's own requests; any 2xx answer means the
 * platform took it. Redirects are refused, so a signed body goes nowhere else.
 */
export function httpSender(options: { url: string; secret: string; timeoutMs?: number }) {
  const timeoutMs = options.timeoutMs ?? 5000;
  const sender: CityOpsSender = {
    async send(_callback, rawBody, now) {
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...signedHeaders(options.secret, now, rawBody),
          },
          body: rawBody,
          redirect: 'error',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new Error(describeFailure(error, timeoutMs), { cause: error });
      }
      await response.body?.cancel().catch(() => undefined);
      if (response.status < 200 || response.status > 299) {
        throw new Error(`platform answered HTTP ${response.status}`);
      }
    },
  };
  return sender;
}
