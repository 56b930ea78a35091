import type { TicketStatus } from '../contract/tickets.js';
import type { ServicePath, ServicePathLink, ServicePathStatus } from './service-path.js';

// Where the service path diagram puts each state and arrow. The main line (the shortest way from
// the first state to the last final one) runs down the middle; states that end a request early
// (declined, merged) sit on the left, detours that come back (a case, a rerouting) on the right.
// Arrows are straight unless a straight line would cross another state; then they bend around it.

/** A point of the drawing, in SVG user units. */
export interface Point {
  x: number;
  y: number;
}

/** A state placed on the drawing: its box's top-left corner, row and lane. */
export interface PlacedStatus extends ServicePathStatus {
  row: number;
  /** -1 left of the main line, 0 on it, 1 right of it. */
  lane: number;
  x: number;
  y: number;
}

/** Which side of its arrow a label is written on, as SVG's text-anchor says it. */
export type LabelAnchor = 'start' | 'middle' | 'end';

/** An arrow with its SVG path and where its label goes. */
export interface PlacedLink extends ServicePathLink {
  /** SVG path data from the source box's edge to the target box's edge. */
  d: string;
  label: Point & { anchor: LabelAnchor };
}

/** The whole drawing, ready to render. */
export interface ServicePathLayout {
  width: number;
  height: number;
  box: { width: number; height: number };
  statuses: PlacedStatus[];
  links: PlacedLink[];
}

/** Sizes of the drawing in SVG user units (CSS pixels at 100 %). */
export const pathGeometry = {
  boxWidth: 136,
  boxHeight: 40,
  laneGap: 80,
  rowGap: 56,
  margin: 12,
  /** How far apart the two arrows of a pair in opposite directions run. */
  pairOffset: 7,
  labelOffset: 6,
} as const;

/** The shortest way from `initial` to the final state farthest from it (breadth first). */
function mainLine(path: ServicePath, initial: TicketStatus): TicketStatus[] {
  const parent = new Map<TicketStatus, TicketStatus | null>([[initial, null]]);
  const queue: TicketStatus[] = [initial];
  let farthest = initial;
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    if (path.statuses.some((s) => s.status === current && s.final)) {
      farthest = current;
    }
    for (const link of path.links.filter((l) => l.from === current && !parent.has(l.to))) {
      parent.set(link.to, current);
      queue.push(link.to);
    }
  }
  const line: TicketStatus[] = [];
  for (let at: TicketStatus | null | undefined = farthest; at; at = parent.get(at)) {
    line.unshift(at);
  }
  return line;
}

/** Rows and lanes: the main line down the middle, every other state beside its last source. */
function placeInGrid(path: ServicePath, initial: TicketStatus) {
  const line = mainLine(path, initial);
  const cells = new Map<TicketStatus, { row: number; lane: number }>();
  line.forEach((status, row) => cells.set(status, { row, lane: 0 }));
  const taken = (row: number, lane: number) =>
    [...cells.values()].some((c) => c.row === row && c.lane === lane);
  for (const s of path.statuses.filter((x) => !cells.has(x.status))) {
    const lane = s.final ? -1 : 1;
    const sourceRows = path.links
      .filter((l) => l.to === s.status)
      .map((l) => cells.get(l.from)?.row ?? 0);
    let row = Math.max(0, ...sourceRows);
    while (taken(row, lane)) {
      row += 1;
    }
    cells.set(s.status, { row, lane });
  }
  return cells;
}

type Box = Point & { status: TicketStatus };

const g = pathGeometry;

function centre(box: Point): Point {
  return { x: box.x + g.boxWidth / 2, y: box.y + g.boxHeight / 2 };
}

/** Where the ray from `origin` (inside `box`) towards `toward` leaves the box, `gap` outside. */
function exitPoint(box: Point, origin: Point, toward: Point, gap: number): Point {
  const dx = toward.x - origin.x;
  const dy = toward.y - origin.y;
  const reach = (d: number, o: number, low: number, high: number) => {
    if (d > 0) {
      return (high + gap - o) / d;
    }
    return d < 0 ? (low - gap - o) / d : Infinity;
  };
  const t = Math.min(
    reach(dx, origin.x, box.x, box.x + g.boxWidth),
    reach(dy, origin.y, box.y, box.y + g.boxHeight),
  );
  return { x: origin.x + dx * t, y: origin.y + dy * t };
}

function onCurve(a: Point, control: Point, b: Point, t: number): Point {
  const u = 1 - t;
  return {
    x: u * u * a.x + 2 * u * t * control.x + t * t * b.x,
    y: u * u * a.y + 2 * u * t * control.y + t * t * b.y,
  };
}

/** True when the curve a–control–b passes through a box other than its own two ends. */
function crossesBox(a: Point, control: Point, b: Point, others: readonly Box[]): boolean {
  const pad = 6;
  for (let i = 1; i < 40; i++) {
    const p = onCurve(a, control, b, i / 40);
    const hit = others.some(
      (o) =>
        p.x > o.x - pad &&
        p.x < o.x + g.boxWidth + pad &&
        p.y > o.y - pad &&
        p.y < o.y + g.boxHeight + pad,
    );
    if (hit) {
      return true;
    }
  }
  return false;
}

/** The control point of the arrow: straight when it can be, else bent around what is in the way. */
function controlPoint(a: Point, b: Point, normal: Point, others: readonly Box[]): Point {
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  for (const bend of [0, 70, -70, 140, -140, 210, -210]) {
    const control = { x: mid.x + normal.x * bend, y: mid.y + normal.y * bend };
    if (!crossesBox(a, control, b, others)) {
      return control;
    }
  }
  return mid;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** How wide a link's label is written, in user units; the renderer knows the words. */
export type LabelWidth = (link: ServicePathLink) => number;

/** The label's rectangle when written at `at` with `anchor` (13-unit text, baseline at y). */
function labelRect(at: Point, anchor: LabelAnchor, width: number) {
  const left = anchor === 'start' ? at.x : anchor === 'end' ? at.x - width : at.x - width / 2;
  return { left, right: left + width, top: at.y - 13, bottom: at.y + 3 };
}

type Rect = ReturnType<typeof labelRect>;

function intersects(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function boxRect(box: Point): Rect {
  return { left: box.x, right: box.x + g.boxWidth, top: box.y, bottom: box.y + g.boxHeight };
}

/** A curve with its ends, and the direction the label moves away from it. */
interface Curve {
  start: Point;
  control: Point;
  end: Point;
  normal: Point;
}

/** Where a label goes: along the curve, beside it, clear of the boxes and the labels before. */
function placeLabel(curve: Curve, width: number, taken: Rect[], bounds: Rect) {
  const { normal } = curve;
  const candidate = (t: number, side: number) => {
    const p = onCurve(curve.start, curve.control, curve.end, t);
    const anchor = anchorOf({ x: normal.x * side, y: normal.y * side });
    const at = {
      x: round(p.x + normal.x * side * g.labelOffset),
      y: round(p.y + normal.y * side * g.labelOffset + (normal.y * side > 0.5 ? 12 : 4)),
    };
    return { ...at, anchor, rect: labelRect(at, anchor, width) };
  };
  const first = candidate(0.5, 1);
  const others = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8].flatMap((t) => [
    candidate(t, -1),
    candidate(t, 1),
  ]);
  const inside = (r: Rect) =>
    r.left >= bounds.left && r.right <= bounds.right && r.top >= bounds.top;
  const fits = (c: typeof first) => inside(c.rect) && !taken.some((t) => intersects(t, c.rect));
  const chosen = [first, ...others].find(fits) ?? first;
  taken.push(chosen.rect);
  return { x: chosen.x, y: chosen.y, anchor: chosen.anchor };
}

function anchorOf(normal: Point): LabelAnchor {
  if (Math.abs(normal.x) < 0.5) {
    return 'middle';
  }
  return normal.x > 0 ? 'start' : 'end';
}

/** One arrow: offset to its right when the opposite arrow exists, bent around other boxes. */
function curveOf(link: ServicePathLink, boxes: ReadonlyMap<TicketStatus, Box>, paired: boolean) {
  const from = boxes.get(link.from) as Box;
  const to = boxes.get(link.to) as Box;
  const a0 = centre(from);
  const b0 = centre(to);
  const length = Math.hypot(b0.x - a0.x, b0.y - a0.y) || 1;
  // The right-hand side of the direction of travel (SVG's y axis points down).
  const normal = { x: -(b0.y - a0.y) / length, y: (b0.x - a0.x) / length };
  const shift = paired ? g.pairOffset : 0;
  const a = { x: a0.x + normal.x * shift, y: a0.y + normal.y * shift };
  const b = { x: b0.x + normal.x * shift, y: b0.y + normal.y * shift };
  const others = [...boxes.values()].filter((x) => x !== from && x !== to);
  const control = controlPoint(a, b, normal, others);
  return {
    start: exitPoint(from, a, control, 1),
    control,
    end: exitPoint(to, b, control, 4),
    normal: paired ? normal : { x: Math.abs(normal.x), y: Math.abs(normal.y) },
  };
}

function pathData({ start, control, end }: Curve): string {
  const at = (p: Point) => `${round(p.x)},${round(p.y)}`;
  return `M${at(start)} Q${at(control)} ${at(end)}`;
}

/** Text of about 13 units a character, as the default label measure. */
const defaultLabelWidth: LabelWidth = (link) => link.actions.join(' / ').length * 7;

/** Lays the service path out: rows down the page, up to three lanes across. */
export function layoutServicePath(
  path: ServicePath,
  options: { initial?: TicketStatus; labelWidth?: LabelWidth } = {},
): ServicePathLayout {
  const cells = placeInGrid(path, options.initial ?? 'submitted');
  const lanes = [...cells.values()].map((c) => c.lane);
  const rows = [...cells.values()].map((c) => c.row);
  const firstLane = Math.min(...lanes);
  const laneCount = Math.max(...lanes) - firstLane + 1;
  const rowCount = Math.max(...rows) + 1;
  const width = 2 * g.margin + laneCount * g.boxWidth + (laneCount - 1) * g.laneGap;
  const height = 2 * g.margin + rowCount * g.boxHeight + (rowCount - 1) * g.rowGap;
  const statuses = path.statuses.map((s): PlacedStatus => {
    const { row, lane } = cells.get(s.status) ?? { row: 0, lane: 0 };
    const x = g.margin + (lane - firstLane) * (g.boxWidth + g.laneGap);
    return { ...s, row, lane, x, y: g.margin + row * (g.boxHeight + g.rowGap) };
  });
  const boxes = new Map(statuses.map((s) => [s.status, { x: s.x, y: s.y, status: s.status }]));
  const taken = statuses.map(boxRect);
  const bounds = { left: 0, right: width, top: 0, bottom: height };
  const measure = options.labelWidth ?? defaultLabelWidth;
  const links = path.links.map((link): PlacedLink => {
    const paired = path.links.some((l) => l.from === link.to && l.to === link.from);
    const curve = curveOf(link, boxes, paired);
    return { ...link, d: pathData(curve), label: placeLabel(curve, measure(link), taken, bounds) };
  });
  return { width, height, box: { width: g.boxWidth, height: g.boxHeight }, statuses, links };
}
