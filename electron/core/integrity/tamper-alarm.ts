// What happens once tampering is seen: an audit entry "gate tampered", an event to every control client, every
// running session marked, and the lock that keeps rules, trust mode and auto-allow from allowing anything until a
// person acknowledges it.
import type { CoreEvent } from '../../../shared/domain.ts';
import { MAX_TAMPER_REPORTS_KEPT, type TamperReport, type TamperStatus } from '../../../shared/tamper.ts';
import type { AuditRepository } from '../store/audit.ts';

export interface TamperAlarmDeps {
  audit: Pick<AuditRepository, 'record'>;
  emit: (event: CoreEvent) => void;
  /** The sessions running now (not ended): each is marked as tampered with. */
  runningSessions: () => string[];
  /** Held requests are asked about again once the lock is lifted. */
  reconsider: () => void;
  log: (message: string) => void;
  now?: () => number;
}

export type NewTamperReport = Omit<TamperReport, 'at' | 'sessionIds'>;

export class TamperAlarm {
  private readonly deps: TamperAlarmDeps;
  private readonly now: () => number;
  private reports: TamperReport[] = [];
  private count = 0;
  private since: string | null = null;
  private readonly sessions = new Set<string>();

  constructor(deps: TamperAlarmDeps) {
    this.deps = deps;
    this.now = deps.now ?? Date.now;
  }

  /** While true, nothing is allowed without a person (see `GatePolicy`). */
  get locked(): boolean {
    return this.since !== null;
  }

  /** When the first unacknowledged report came (ISO 8601), or null: what `GatePolicy` asks. */
  readonly tamperedSince = (): string | null => this.since;

  /** Records the report (audit first), marks the running sessions and tells every client. */
  raise(r: NewTamperReport): void {
    const at = this.now();
    const report: TamperReport = { ...r, at: new Date(at).toISOString(), sessionIds: this.deps.runningSessions() };
    // The lock is on before the audit entry is written: if the write fails, the lock still holds (the throw is logged).
    this.since ??= report.at;
    this.count += 1;
    this.reports.push(report);
    if (this.reports.length > MAX_TAMPER_REPORTS_KEPT) this.reports.shift();
    for (const id of report.sessionIds) this.sessions.add(id);
    this.deps.log(
      `gatehouse: TAMPERING: ${report.detail} ${report.response} Every command is held for you until you run \`gatehouse tamper ack\`.`,
    );
    this.deps.audit.record({ at, kind: 'gate.tampered', actor: 'system', subject: report.what, data: report });
    this.deps.emit({ type: 'gate.tampered', report, status: this.status() });
  }

  status(): TamperStatus {
    return {
      locked: this.locked,
      since: this.since,
      reports: [...this.reports],
      count: this.count,
      sessionIds: [...this.sessions],
    };
  }

  /** A person has read the reports: lifts the lock (audited with what was acknowledged) and returns it. */
  acknowledge(by: string, note: string | undefined): TamperStatus {
    const seen = this.status();
    if (!seen.locked) return seen;
    this.deps.audit.record({
      at: this.now(),
      kind: 'gate.tamper-acknowledged',
      actor: by,
      subject: 'tamper',
      data: { since: seen.since, count: seen.count, sessionIds: seen.sessionIds, note: note ?? null },
    });
    this.reports = [];
    this.count = 0;
    this.since = null;
    this.sessions.clear();
    this.deps.emit({ type: 'gate.tamper-acknowledged', status: this.status() });
    this.deps.reconsider();
    return seen;
  }
}
