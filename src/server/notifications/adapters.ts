import type { FastifyBaseLogger } from 'fastify';
import { maskPhone } from '../../domain/personal-data.js';
import type { NotifySettings } from '../config.js';

/** One SMS ready to go: the outbox id (the gateway may use it to drop repeats), number, text. */
export interface SmsMessage {
  id: string;
  to: string;
  text: string;
}

/** A way of delivering SMS. `send` resolves when the message was accepted and throws otherwise. */
export interface SmsAdapter {
  readonly kind: NotifySettings['adapter'];
  send(message: SmsMessage, log: FastifyBaseLogger): Promise<void>;
}

/** The default: one log line per message, with the number masked; the message counts as sent. */
export function consoleAdapter(): SmsAdapter {
  return {
    kind: 'console',
    send(message, log) {
      log.info(
        { outboxId: message.id, to: maskPhone(message.to), text: message.text },
        'sms written to the log (console adapter)',
      );
      return Promise.resolve();
    },
  };
}

/** Why a gateway call failed, in words an admin can act on; never the number or the token. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `gateway did not answer within ${timeoutMs / 1000} s`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : null;
  if (cause && typeof cause.code === 'string') {
    return `gateway unreachable: ${cause.code}`;
  }
  return `gateway call failed: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * An HTTP SMS gateway: POST `{ to, text, id }` as JSON with a bearer token; any 2xx answer means
 * the gateway took the message. Redirects are refused so the token goes nowhere else.
 */
export function httpAdapter(options: {
  url: string;
  token: string | null;
  timeoutMs?: number;
}): SmsAdapter {
  const timeoutMs = options.timeoutMs ?? 5000;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) {
    headers.authorization = `Bearer ${options.token}`;
  }
  return {
    kind: 'http',
    async send(message) {
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ to: message.to, text: message.text, id: message.id }),
          redirect: 'error',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new Error(describeFailure(error, timeoutMs), { cause: error });
      }
      await response.body?.cancel().catch(() => undefined);
      if (response.status < 200 || response.status > 299) {
        throw new Error(`gateway answered HTTP ${response.status}`);
      }
    },
  };
}

/** The adapter the settings name; the configuration check makes sure http has its address. */
export function adapterFor(settings: NotifySettings): SmsAdapter {
  if (settings.adapter === 'console') {
    return consoleAdapter();
  }
  if (!settings.gatewayUrl) {
    throw new Error('SMS_GATEWAY_URL is required when NOTIFY_ADAPTER=http');
  }
  return httpAdapter({ url: settings.gatewayUrl, token: settings.gatewayToken });
}
