// Flow control of a hosted terminal: paused above the slowest consumer's high-water mark, resumed under the low one.
import { describe, expect, it } from 'vitest';
import { FlowControl, HIGH_WATER_CHARS, LOW_WATER_CHARS } from '../../../../electron/core/pty/flow-control.ts';

describe('FlowControl', () => {
  it('pauses above the high-water mark of the slowest viewer and resumes under the low-water mark', () => {
    const changes: boolean[] = [];
    const flow = new FlowControl((paused) => changes.push(paused));
    flow.addViewer('fast');
    flow.addViewer('slow');
    flow.sent(HIGH_WATER_CHARS);
    expect(changes).toEqual([]);
    flow.sent(1);
    expect(changes).toEqual([true]);
    flow.ack('fast', HIGH_WATER_CHARS + 1);
    expect(flow.paused).toBe(true);
    flow.ack('slow', HIGH_WATER_CHARS + 1 - LOW_WATER_CHARS);
    expect(changes).toEqual([true]);
    flow.ack('slow', 1);
    expect(changes).toEqual([true, false]);
    // Acknowledging more than was sent counts as all of it, never as credit.
    flow.ack('slow', 10 * HIGH_WATER_CHARS);
    expect(flow.unackedBy('slow')).toBe(0);
  });

  it('resumes when the viewer that held it back goes away, and ignores unknown viewers', () => {
    const changes: boolean[] = [];
    const flow = new FlowControl((paused) => changes.push(paused));
    flow.addViewer('v');
    flow.sent(HIGH_WATER_CHARS + 1);
    flow.ack('someone-else', HIGH_WATER_CHARS);
    expect(changes).toEqual([true]);
    flow.removeViewer('v');
    expect(changes).toEqual([true, false]);
    flow.sent(10 * HIGH_WATER_CHARS);
    expect(changes).toEqual([true, false]);
  });
});

describe('FlowControl with a consumer of its own water marks', () => {
  it('holds the pty for the screen as for a viewer, each against its own marks', () => {
    const changes: boolean[] = [];
    const flow = new FlowControl((paused) => changes.push(paused));
    flow.addViewer('screen', { high: 1000, low: 100 });
    flow.sent(1000);
    expect(changes).toEqual([]);
    flow.sent(1);
    expect(changes).toEqual([true]);
    flow.ack('screen', 901);
    expect(changes).toEqual([true]);
    flow.ack('screen', 1);
    expect(changes).toEqual([true, false]);
  });
});

describe('FlowControl with a consumer that reports its own backlog', () => {
  it('holds the pty while the reported backlog is over its high mark, whatever is sent or acknowledged', () => {
    const changes: boolean[] = [];
    const flow = new FlowControl((paused) => changes.push(paused));
    flow.addReportingConsumer('recording', { high: 1000, low: 100 });
    // Output sent to viewers does not count for it: only what it reports.
    flow.sent(5000);
    expect(changes).toEqual([]);
    flow.report('recording', 1001);
    expect(changes).toEqual([true]);
    flow.ack('recording', 5000);
    expect(flow.unackedBy('recording')).toBe(1001);
    flow.report('recording', 100);
    expect(changes).toEqual([true]);
    flow.report('recording', 99);
    expect(changes).toEqual([true, false]);
    // Reports for a consumer that is not reporting (or gone) change nothing.
    flow.addViewer('viewer');
    flow.report('viewer', 10 * HIGH_WATER_CHARS);
    flow.removeViewer('recording');
    flow.report('recording', 10_000);
    expect(changes).toEqual([true, false]);
  });
});
