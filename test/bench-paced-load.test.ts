// The benchmark's fixed-rate load (bench/paced-load.ts): the arrivals it schedules, its
// percentiles, and that a stalled server's delay is counted from when each request was due.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { arrivals, paced, percentile } from '../bench/paced-load.js';

describe('the arrivals of the fixed-rate load', () => {
  it('come at the rate asked for, in order, inside the time', () => {
    const times = arrivals(500, 20);
    // A Poisson count of mean 10 000 lies within ±4 % (about four standard deviations).
    expect(times.length).toBeGreaterThan(9600);
    expect(times.length).toBeLessThan(10400);
    expect(times.every((t, i) => t > (times[i - 1] ?? 0) && t < 20_000)).toBe(true);
  });

  it('are the same for the same seed and differ for another', () => {
    expect(arrivals(100, 2, 7)).toEqual(arrivals(100, 2, 7));
    expect(arrivals(100, 2, 7)).not.toEqual(arrivals(100, 2, 8));
  });

  it('are spread as independent arrivals: as many gaps below the mean as a Poisson', () => {
    const times = arrivals(1000, 20);
    const gaps = times.map((t, i) => t - (times[i - 1] ?? 0));
    // For exponential gaps, P(gap < mean) = 1 − 1/e ≈ 63 %; evenly spaced requests give 0 or 100 %.
    const below = gaps.filter((g) => g < 1).length / gaps.length;
    expect(below).toBeGreaterThan(0.6);
    expect(below).toBeLessThan(0.66);
  });
});

describe('the percentiles of the fixed-rate load', () => {
  it('take the value below which the share falls', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBe(0);
  });
});

describe('the latency the fixed-rate load reports', () => {
  let server: http.Server | undefined;

  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('counts a stall from when each request was due, not from when it could be sent', async () => {
    // The server answers at once, except that it answers nothing during its first 600 ms.
    const opened = Date.now();
    server = http.createServer((request, response) => {
      request.resume();
      const wait = Math.max(0, 600 - (Date.now() - opened));
      setTimeout(() => response.end('{}'), wait);
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const figures = await paced(
      `http://127.0.0.1:${String(port)}`,
      { method: 'GET', paths: ['/'] },
      { connections: 2, seconds: 1, rate: 200 },
    );
    expect(figures.errors).toBe(0);
    expect(figures.non2xx).toBe(0);
    expect(figures.requests).toBeGreaterThan(150);
    // Some 60 % of the requests were due during the stall, each waiting from its due time to the
    // stall's end: the median is about 100 ms. Counted from when a connection was free to send
    // them, all but the two in flight would have taken a millisecond, and so would the median.
    expect(figures.p50).toBeGreaterThan(50);
    expect(figures.p99).toBeGreaterThan(450);
  });
});
