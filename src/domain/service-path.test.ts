import { describe, expect, it } from 'vitest';
import { ticketActions, ticketStatuses } from '../contract/tickets.js';
import { layoutServicePath, pathGeometry } from './service-path-layout.js';
import { servicePath, servicePathEdges, type MachineTable } from './service-path.js';
import { transitions } from './ticket-machine.js';

/** Every (action, from, to) the machine allows, read by asking the machine itself. */
function machineSteps(table: MachineTable): string[] {
  return Object.entries(table).flatMap(([action, t]) =>
    t.from.map((from) => `${action}:${from}>${t.to === 'same' ? from : t.to}`),
  );
}

function edgeKeys(table: MachineTable): string[] {
  return servicePathEdges(table).map((e) => `${e.action}:${e.from}>${e.to}`);
}

function overlaps(a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  const { boxWidth: w, boxHeight: h } = pathGeometry;
  return a.x < b.x + w && b.x < a.x + w && a.y < b.y + h && b.y < a.y + h;
}

describe('the service path derived from the ticket machine', () => {
  it('has exactly one edge per transition of the machine, in the same order', () => {
    expect(edgeKeys(transitions)).toEqual(machineSteps(transitions));
    expect(new Set(servicePathEdges().map((e) => e.action))).toEqual(new Set(ticketActions));
  });

  it('shows every ticket status once, and the resolved ticket rated into closed', () => {
    const path = servicePath();
    expect(path.statuses.map((s) => s.status).sort()).toEqual([...ticketStatuses].sort());
    expect(path.links).toContainEqual({ from: 'resolved', to: 'closed', actions: ['rate'] });
    expect(path.links).toContainEqual({
      from: 'contacted',
      to: 'submitted',
      actions: ['escalate', 'return_down'],
    });
  });

  it('keeps steps that leave the state unchanged on the state, not as arrows', () => {
    const accepted = servicePath().statuses.find((s) => s.status === 'accepted');
    expect(accepted?.stays).toEqual([
      'request_extension',
      'approve_extension',
      'refuse_extension',
      'reassign',
      'supervise',
    ]);
    expect(servicePath().links.some((l) => l.from === l.to)).toBe(false);
  });

  it('marks as final exactly the states no step leaves', () => {
    const finals = servicePath()
      .statuses.filter((s) => s.final)
      .map((s) => s.status);
    expect(finals.sort()).toEqual(['closed', 'declined', 'merged']);
  });

  it('draws a different diagram for a changed machine', () => {
    const changed: MachineTable = {
      ...transitions,
      // A machine where a declined request can be taken up again, and nothing can be merged.
      reconsider: { from: ['declined'], to: 'submitted' },
      merge: { from: [], to: 'merged' },
    };
    expect(edgeKeys(changed)).toEqual(machineSteps(changed));
    const before = servicePath();
    const after = servicePath(changed);
    expect(after.links).toContainEqual({
      from: 'declined',
      to: 'submitted',
      actions: ['reconsider'],
    });
    expect(after.links.some((l) => l.actions.includes('merge'))).toBe(false);
    expect(after.statuses.map((s) => s.status)).not.toContain('merged');
    expect(after.statuses.find((s) => s.status === 'declined')?.final).toBe(false);
    expect(layoutServicePath(after)).not.toEqual(layoutServicePath(before));
  });
});

describe('the layout of the service path', () => {
  const layout = layoutServicePath(servicePath());

  it('runs the main line down the middle from submitted to closed', () => {
    const middle = layout.statuses
      .filter((s) => s.lane === 0)
      .sort((a, b) => a.row - b.row)
      .map((s) => s.status);
    expect(middle).toEqual(['submitted', 'accepted', 'contacted', 'resolved', 'closed']);
  });

  it('puts early ends on the left and detours on the right, no two states on one spot', () => {
    const laneOf = (status: string) => layout.statuses.find((s) => s.status === status)?.lane;
    expect([laneOf('declined'), laneOf('merged')]).toEqual([-1, -1]);
    expect([laneOf('in_case'), laneOf('returned')]).toEqual([1, 1]);
    for (const a of layout.statuses) {
      for (const b of layout.statuses.filter((s) => s !== a)) {
        expect(overlaps(a, b), `${a.status} and ${b.status}`).toBe(false);
      }
    }
  });

  it('fits every state inside the drawing and draws one arrow per link', () => {
    for (const s of layout.statuses) {
      expect(s.x + pathGeometry.boxWidth).toBeLessThanOrEqual(layout.width);
      expect(s.y + pathGeometry.boxHeight).toBeLessThanOrEqual(layout.height);
    }
    expect(layout.links).toHaveLength(servicePath().links.length);
    expect(layout.links.every((l) => l.d.startsWith('M'))).toBe(true);
  });
});
