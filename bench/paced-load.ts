// Load at a fixed rate, for the latency of a server that carries a given load. Requests arrive as
// independent residents' would (a Poisson process of the given rate, from a fixed seed) over a
// fixed number of keep-alive connections; one that finds every connection busy waits for one, as
// a resident's phone would. Each latency counts from when the request was due, not from when a
// connection was free to send it, so a stalled server is not hidden by the load slowing down.
//
// autocannon's own rate option is not used for this: it sends each connection's share of a
// second at the start of that second, as fast as answers come, and fills its histogram with
// made-up values for every millisecond of a slow answer.
import http from 'node:http';
import type { Figures, Shape } from './scenarios.js';
import { generator } from './ticket-mix.js';

/** The times, in ms from the start, at which `rate` requests a second arrive for `seconds`. */
export function arrivals(rate: number, seconds: number, seed = 1): number[] {
  const next = generator(seed);
  const times: number[] = [];
  for (let at = 0; ;) {
    at += (-Math.log(1 - next()) / rate) * 1000;
    if (at >= seconds * 1000) {
      return times;
    }
    times.push(at);
  }
}

/** The value below which `share` of the sorted values fall. */
export function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) {
    return 0;
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

function send(agent: http.Agent, url: URL, shape: Shape, i: number): Promise<number> {
  const body = shape.body?.(i);
  return new Promise((resolve) => {
    const request = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: shape.method,
        path: shape.paths[i % shape.paths.length],
        headers: {
          'content-type': 'application/json',
          ...shape.headers,
          ...shape.headersOf?.(i),
          ...(body === undefined ? {} : { 'content-length': Buffer.byteLength(body) }),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          resolve(response.statusCode ?? 0);
        });
      },
    );
    request.on('error', () => {
      resolve(0);
    });
    request.end(body);
  });
}

/** Sends `rate` requests a second for `seconds` over `connections` connections. */
export async function paced(
  base: string,
  shape: Shape,
  load: { connections: number; seconds: number; rate: number },
): Promise<Figures> {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: load.connections });
  const due = arrivals(load.rate, load.seconds);
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const started = performance.now();
  const answers: Promise<void>[] = [];
  for (const [i, at] of due.entries()) {
    const wait = started + at - performance.now();
    if (wait > 1) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    answers.push(
      send(agent, url, shape, i).then((status) => {
        latencies.push(performance.now() - (started + at));
        if (status === 0) {
          errors += 1;
        } else if (status < 200 || status > 299) {
          non2xx += 1;
        }
      }),
    );
  }
  await Promise.all(answers);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    requests: latencies.length,
    non2xx,
    errors,
  };
}
