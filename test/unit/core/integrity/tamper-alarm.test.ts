// The alarm tamper detection raises: the lock, the audit entries, the events, and what acknowledging it undoes.
import { describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../../../shared/domain.ts';
import { TamperAlarm, type NewTamperReport } from '../../../../electron/core/integrity/tamper-alarm.ts';

const SOCK = '/run/gh/gate.sock';

describe('TamperAlarm', () => {
  function alarmWith() {
    const audit: Array<{ kind: string; actor: string; data: unknown }> = [];
    const events: CoreEvent[] = [];
    const reconsider = vi.fn();
    const alarm = new TamperAlarm({
      audit: { record: (e) => void audit.push(e) },
      emit: (e) => events.push(e),
      runningSessions: () => ['s1', 's2'],
      reconsider,
      log: () => {},
      now: () => Date.parse('2026-12-06T23:30:00.000Z'),
    });
    return { alarm, audit, events, reconsider };
  }
  const report: NewTamperReport = {
    what: 'gate-socket',
    path: SOCK,
    detail: 'The gate socket was replaced.',
    response: 'Gatehouse took its socket back.',
  };

  it('locks, audits "gate tampered", marks the running sessions and tells every client', () => {
    const { alarm, audit, events } = alarmWith();
    expect(alarm.tamperedSince()).toBeNull();
    alarm.raise(report);
    expect(alarm.locked).toBe(true);
    expect(alarm.tamperedSince()).toBe('2026-12-06T23:30:00.000Z');
    expect(audit).toEqual([
      {
        at: Date.parse('2026-12-06T23:30:00.000Z'),
        kind: 'gate.tampered',
        actor: 'system',
        subject: 'gate-socket',
        data: { ...report, at: '2026-12-06T23:30:00.000Z', sessionIds: ['s1', 's2'] },
      },
    ]);
    expect(events).toMatchObject([
      {
        type: 'gate.tampered',
        report: { sessionIds: ['s1', 's2'] },
        status: { locked: true, count: 1, sessionIds: ['s1', 's2'] },
      },
    ]);
  });

  it('stays locked until acknowledged, then returns what was acknowledged and asks held requests again', () => {
    const { alarm, audit, events, reconsider } = alarmWith();
    alarm.raise(report);
    alarm.raise({ ...report, what: 'hook-settings' });
    const seen = alarm.acknowledge('human:cli', 'it was me testing');
    expect(seen).toMatchObject({
      locked: true,
      count: 2,
      reports: [{ what: 'gate-socket' }, { what: 'hook-settings' }],
    });
    expect(alarm.status()).toEqual({ locked: false, since: null, reports: [], count: 0, sessionIds: [] });
    expect(audit.at(-1)).toMatchObject({
      kind: 'gate.tamper-acknowledged',
      actor: 'human:cli',
      data: { count: 2, note: 'it was me testing' },
    });
    expect(events.at(-1)).toMatchObject({ type: 'gate.tamper-acknowledged', status: { locked: false } });
    expect(reconsider).toHaveBeenCalledTimes(1);
    // Nothing to acknowledge: nothing is written.
    alarm.acknowledge('human:cli', undefined);
    expect(audit).toHaveLength(3);
  });
});
