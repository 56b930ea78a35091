import { describe, expect, it } from 'vitest';
import { ticketChannelPattern, ticketChannels } from './tickets.js';

// The pattern is written out as a plain string (the web bundler drops a computed export), so this
// keeps it and the list of channels saying the same thing.
describe('ticket channels', () => {
  const pattern = new RegExp(ticketChannelPattern);

  it('accepts every named channel and a department clue', () => {
    expect([...ticketChannels, 'dept:fangguan'].filter((c) => !pattern.test(c))).toEqual([]);
  });

  it('accepts nothing else', () => {
    const others = ['', 'placards', 'visit ', 'dept:', 'dept:Fang', 'resident', 'patrol|x'];
    expect(others.filter((c) => pattern.test(c))).toEqual([]);
  });

  it('names no channel the list lacks', () => {
    const named = /^\^\(([^)]*)\|dept:/.exec(ticketChannelPattern)?.[1]?.split('|');
    expect(named).toEqual([...ticketChannels]);
  });
});
