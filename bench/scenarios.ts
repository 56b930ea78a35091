// The HTTP scenarios of `npm run bench`: each runs against the real app and against the bare
// baseline in the same run, with the same load, so the ratio says what the product costs.
import autocannon from 'autocannon';
import type { Db } from '../src/server/db/database.js';
import { demoPassword } from '../src/server/org/service.js';
import { paced } from './paced-load.js';

/** The figures of one side of a scenario. */
export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/** One scenario's result: the product, its baseline, the ratio of throughputs and the target. */
export interface ScenarioResult {
  name: string;
  product: Figures;
  baseline: Figures;
  /** product req/s ÷ baseline req/s. */
  ratio: number;
  target: string;
  met: boolean;
}

/** How hard and how long to load each scenario. */
export interface Load {
  connections: number;
  seconds: number;
  /** Connections of the read scenarios (inbox, detail); their targets name no concurrency. */
  readConnections: number;
  /** Scenarios to leave out: `intake`, `inbox`, `detail`, `assessment` (and others of the run). */
  skip: string[];
}

/** What a scenario sends: method, paths taken in turn, headers and the i-th body. */
export type Shape = {
  method: 'GET' | 'POST';
  paths: string[];
  headers?: Record<string, string>;
  /** Headers of the i-th request, on top of `headers`. */
  headersOf?: (i: number) => Record<string, string>;
  body?: (i: number) => string;
};

/**
 * How autocannon loads one side: `connections` that each send again as soon as they are answered
 * (the most the server gives), or `amount` requests one at a time. A fixed rate is
 * bench/paced-load.ts.
 */
type Pace = { connections: number; seconds: number } | { amount: number };

async function hit(url: string, shape: Shape, load: Pace): Promise<Figures> {
  let n = 0;
  const result = await autocannon({
    url,
    ...('amount' in load
      ? { connections: 1, amount: load.amount }
      : { connections: load.connections, duration: load.seconds }),
    requests: [
      {
        method: shape.method,
        headers: { 'content-type': 'application/json', ...shape.headers },
        setupRequest: (request) => {
          n += 1;
          return {
            ...request,
            path: shape.paths[n % shape.paths.length],
            ...(shape.headersOf ? { headers: { ...request.headers, ...shape.headersOf(n) } } : {}),
            ...(shape.body ? { body: shape.body(n) } : {}),
          };
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** What the scenarios need from the generated database and the running app. */
export interface Inputs {
  tokens: string[];
  place: { buildingId: string; roomId: string; streetId: string };
  streetId: string;
  ticketIds: string[];
  cookie: string;
  quarter: { period: string; from: string; to: string };
}

async function login(productUrl: string, username: string): Promise<string> {
  const res = await fetch(`${productUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('linli_session='));
  if (res.status !== 200 || !cookie) {
    throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  }
  return cookie.split(';')[0] as string;
}

/** Reads placard tokens, a place and closed tickets of one street, and signs the staff in. */
export async function gatherInputs(db: Db, productUrl: string, now: Date): Promise<Inputs> {
  const street = await db
    .selectFrom('streets')
    .select(['id', 'code'])
    .where('name', '=', '殷行街道')
    .executeTakeFirstOrThrow();
  const places = await db
    .selectFrom('buildings')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .innerJoin('rooms', 'rooms.community_id', 'communities.id')
    .select(['buildings.id as b', 'rooms.id as r', 'communities.street_id as s', 'placard_token'])
    .execute();
  const ticketIds = await db
    .selectFrom('tickets')
    .select('id')
    .where('street_id', '=', street.id)
    .where('status', '=', 'closed')
    .orderBy('id')
    .limit(2000)
    .execute();
  const first = places[0];
  if (!first || ticketIds.length === 0) {
    throw new Error('the generated database has no buildings or no closed tickets');
  }
  // The last full quarter before now, as the assessment names it and as instants.
  const q = Math.floor(now.getUTCMonth() / 3);
  const year = q === 0 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
  const quarter = q === 0 ? 4 : q;
  const from = new Date(Date.UTC(year, (quarter - 1) * 3, 1)).toISOString();
  const to = new Date(Date.UTC(year, quarter * 3, 1)).toISOString();
  return {
    tokens: places.map((p) => p.placard_token),
    place: { buildingId: first.b, roomId: first.r, streetId: first.s },
    streetId: street.id,
    ticketIds: ticketIds.map((t) => t.id),
    cookie: await login(productUrl, 'yinhang.admin'),
    quarter: { period: `${year}-Q${quarter}`, from, to },
  };
}

function result(
  name: string,
  product: Figures,
  baseline: Figures,
  target: { text: string; met: (p: Figures, ratio: number) => boolean },
): ScenarioResult {
  const ratio = baseline.rps > 0 ? product.rps / baseline.rps : 0;
  const clean = product.non2xx === 0 && product.errors === 0;
  return {
    name,
    product,
    baseline,
    ratio,
    target: target.text,
    met: clean && target.met(product, ratio),
  };
}

/** What the run does between loads of the database. */
export interface Upkeep {
  /** Before each load of intake, so no side starts behind the log the side before left. */
  beforeWrites(): Promise<void>;
  /** Once intake's tickets are written, before the reads. */
  afterIntake(): Promise<void>;
}

const noUpkeep: Upkeep = {
  beforeWrites: () => Promise.resolve(),
  afterIntake: () => Promise.resolve(),
};

/** Runs the HTTP scenarios not in `load.skip`, each product side before its baseline. */
export async function runScenarios(
  urls: { product: string; baseline: string },
  inputs: Inputs,
  load: Load,
  upkeep: Upkeep = noUpkeep,
): Promise<ScenarioResult[]> {
  const intakeBody = (i: number) =>
    JSON.stringify({
      placardToken: inputs.tokens[i % inputs.tokens.length],
      kind: 'complaint',
      matterCode: 'LDDW',
      description: `楼道里堆放杂物，影响通行（压测 ${i}）`,
    });
  // Residents submit from their own addresses (through the proxy the product sits behind), each
  // a few tickets at most, so the hourly limit per address is counted but never reached.
  const residentAddress = (i: number) => ({
    'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
  });
  const staff = { cookie: inputs.cookie };
  const reads = { ...load, connections: load.readConnections };
  const detail = inputs.ticketIds.map((id) => `/api/staff/tickets/${id}`);
  const scores = `/api/staff/assessment/scores?period=${inputs.quarter.period}`;
  const raw = `/raw/quarter?from=${inputs.quarter.from}&to=${inputs.quarter.to}`;
  const intake = {
    product: {
      method: 'POST',
      paths: ['/api/public/tickets'],
      headersOf: residentAddress,
      body: intakeBody,
    },
    baseline: { method: 'POST', paths: ['/raw/tickets'], body: () => JSON.stringify(inputs.place) },
  } satisfies Record<string, Shape>;
  /**
   * Intake twice. Saturated, every connection sends again on its answer: the throughput, but its
   * p99 is then the queue's, about connections ÷ req/s on either side (the baseline's too). Then
   * at the rate the throughput target names, half the baseline's, from the same connections:
   * the latency of a server carrying that load.
   */
  const runIntake = async (): Promise<ScenarioResult[]> => {
    const settled = async <T>(load: () => Promise<T>): Promise<T> => {
      await upkeep.beforeWrites();
      return load();
    };
    const product = await settled(() => hit(urls.product, intake.product, load));
    const baseline = await settled(() => hit(urls.baseline, intake.baseline, load));
    const rated = { ...load, rate: Math.max(1, Math.round(baseline.rps / 2)) };
    return [
      result('ticket intake, saturated', product, baseline, {
        text: '≥ 50 % of baseline req/s',
        met: (_, r) => r >= 0.5,
      }),
      result(
        `ticket intake at ${rated.rate} req/s`,
        await settled(() => paced(urls.product, intake.product, rated)),
        await settled(() => paced(urls.baseline, intake.baseline, rated)),
        { text: "p99 ≤ 30 ms at half the baseline's req/s", met: (p) => p.p99 <= 30 },
      ),
    ];
  };
  const one =
    (run: () => Promise<ScenarioResult>): (() => Promise<ScenarioResult[]>) =>
    async () => [await run()];
  const scenarios: [string, () => Promise<ScenarioResult[]>][] = [
    ['intake', runIntake],
    [
      'inbox',
      one(async () =>
        result(
          'staff inbox',
          await hit(
            urls.product,
            { method: 'GET', paths: ['/api/staff/tickets'], headers: staff },
            reads,
          ),
          await hit(
            urls.baseline,
            { method: 'GET', paths: [`/raw/inbox/${inputs.streetId}`] },
            reads,
          ),
          { text: 'p99 ≤ 50 ms', met: (p) => p.p99 <= 50 },
        ),
      ),
    ],
    [
      'detail',
      one(async () =>
        result(
          'ticket detail',
          await hit(urls.product, { method: 'GET', paths: detail, headers: staff }, reads),
          await hit(
            urls.baseline,
            { method: 'GET', paths: inputs.ticketIds.map((id) => `/raw/tickets/${id}`) },
            reads,
          ),
          { text: 'p99 ≤ 20 ms', met: (p) => p.p99 <= 20 },
        ),
      ),
    ],
    [
      'assessment',
      one(async () =>
        result(
          "a quarter's assessment",
          await hit(
            urls.product,
            { method: 'GET', paths: [scores], headers: staff },
            { amount: 5 },
          ),
          await hit(urls.baseline, { method: 'GET', paths: [raw] }, { amount: 5 }),
          { text: 'p99 ≤ 1 000 ms (one request at a time)', met: (p) => p.p99 <= 1000 },
        ),
      ),
    ],
  ];
  const results: ScenarioResult[] = [];
  for (const [key, run] of scenarios) {
    if (!load.skip.includes(key)) {
      results.push(...(await run()));
      if (key === 'intake') {
        await upkeep.afterIntake();
      }
    }
  }
  return results;
}
