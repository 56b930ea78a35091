// The table `npm run bench` prints: one row per scenario with the product's and the baseline's
// figures and the ratio, then the measurements that have a target but no baseline.
import type { Generated } from './generate.js';
import type { ScenarioResult } from './scenarios.js';

/** A measured figure with a target and no baseline (placards, the page's JavaScript). */
export interface OtherResult {
  name: string;
  value: string;
  target: string;
  met: boolean;
  figures: unknown;
}

/** What one run measured, as printed and as written to bench/results/. */
export interface Report {
  settings: {
    tickets: number;
    database: string;
    connections: number;
    readConnections: number;
    seconds: number;
  };
  machine: { cpus: string; memoryGb: number; loadAverage: number[]; node: string };
  generated: Generated;
  generateSeconds: number;
  scenarios: ScenarioResult[];
  others: OtherResult[];
}

const n = (value: number, digits = 0) => value.toFixed(digits);

/** The report as a plain-text table. */
export function formatTable(report: Report): string {
  const { settings, machine, generated } = report;
  const head = [
    `${settings.database}, ${generated.tickets.toLocaleString('en')} tickets ` +
      `(${generated.events.toLocaleString('en')} events, ${generated.visits} visits, ` +
      `${generated.cases} cases), generated in ${n(report.generateSeconds)} s`,
    `intake ${settings.connections} connections, reads ${settings.readConnections}, ` +
      `${settings.seconds} s each; ${machine.cpus}, ` +
      `${machine.memoryGb} GB, load ${machine.loadAverage.join(' ')}, Node ${machine.node}`,
    '',
  ];
  const columns = [
    'scenario',
    'req/s',
    'p50',
    'p99',
    'base req/s',
    'base p50',
    'base p99',
    'ratio',
    'target',
    'met',
  ];
  const rows = report.scenarios.map((s) => [
    s.name,
    n(s.product.rps),
    `${n(s.product.p50)} ms`,
    `${n(s.product.p99)} ms`,
    n(s.baseline.rps),
    `${n(s.baseline.p50)} ms`,
    `${n(s.baseline.p99)} ms`,
    `${n(s.ratio * 100)} %`,
    s.target,
    s.met ? 'yes' : 'NO',
  ]);
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  const others = report.others.map(
    (o) => `${o.name}: ${o.value} (target ${o.target}: ${o.met ? 'met' : 'NOT met'})`,
  );
  return [...head, line(columns), ...rows.map(line), '', ...others].join('\n');
}
