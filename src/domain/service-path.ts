import type { TicketStatus } from '../contract/tickets.js';
import { transitions } from './ticket-machine.js';

// The service path (服务路径图, 附件1 of the implementation measures) as data: every state of a
// request and every step between states, read from the ticket machine's own transition table, so
// the picture residents see can never drift from the rules the server enforces.

/** One step of a machine as the diagram needs it: from which states it leads to which. */
export interface MachineStep {
  readonly from: readonly TicketStatus[];
  readonly to: TicketStatus | 'same';
}

/** A transition table keyed by action name, in button order (ticket-machine's `transitions`). */
export type MachineTable = Readonly<Record<string, MachineStep>>;

/** One transition of the machine: the action taken in one state and the state it leads to. */
export interface ServicePathEdge {
  action: string;
  from: TicketStatus;
  to: TicketStatus;
}

/** The actions that lead from one state to another, drawn as one arrow. */
export interface ServicePathLink {
  from: TicketStatus;
  to: TicketStatus;
  actions: string[];
}

/** A state with the actions that keep it where it is (an extension, a reassignment, …). */
export interface ServicePathStatus {
  status: TicketStatus;
  /** Steps taken in this state that do not change it. */
  stays: string[];
  /** True when no step leads out of the state. */
  final: boolean;
}

/** What the diagram shows: the states in order, the arrows between them. */
export interface ServicePath {
  statuses: ServicePathStatus[];
  links: ServicePathLink[];
}

/** Every (action, from, to) of the table, in table order; `same` resolves to the from state. */
export function servicePathEdges(table: MachineTable = transitions): ServicePathEdge[] {
  return Object.entries(table).flatMap(([action, step]) =>
    step.from.map((from) => ({ action, from, to: step.to === 'same' ? from : step.to })),
  );
}

/** The states of the table in order of first appearance, each step's sources before its target. */
function statusesInOrder(edges: readonly ServicePathEdge[]): TicketStatus[] {
  const seen = new Set<TicketStatus>();
  for (const edge of edges) {
    seen.add(edge.from);
    seen.add(edge.to);
  }
  return [...seen];
}

/** The edges between different states, grouped into one link per pair of states. */
function linksOf(edges: readonly ServicePathEdge[]): ServicePathLink[] {
  const byPair = new Map<string, ServicePathLink>();
  for (const edge of edges.filter((e) => e.from !== e.to)) {
    const key = `${edge.from}>${edge.to}`;
    const link = byPair.get(key) ?? { from: edge.from, to: edge.to, actions: [] };
    if (!link.actions.includes(edge.action)) {
      link.actions.push(edge.action);
    }
    byPair.set(key, link);
  }
  return [...byPair.values()];
}

/** The service path of a machine: its states, what keeps each, and the arrows between them. */
export function servicePath(table: MachineTable = transitions): ServicePath {
  const edges = servicePathEdges(table);
  const links = linksOf(edges);
  const statuses = statusesInOrder(edges).map((status) => ({
    status,
    stays: [
      ...new Set(edges.filter((e) => e.from === status && e.to === status).map((e) => e.action)),
    ],
    final: !links.some((l) => l.from === status),
  }));
  return { statuses, links };
}
