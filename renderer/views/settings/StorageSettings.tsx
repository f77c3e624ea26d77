// Storage: how much room the database takes and where it goes, what the hourly clean-up last did, how long
// the audit trail is kept, and compacting on request (a database from an earlier Gatehouse needs it once).
import { useEffect } from 'react';
import type { StorageStatus } from '../../../shared/api.ts';
import { MIN_AUDIT_RETENTION_DAYS, type Settings as SettingsValues } from '../../../shared/settings.ts';
import { useCommands } from '../../app/context.ts';
import { useStorage } from '../../stores/storage.ts';
import { formatTime } from '../common/format.ts';
import { NumberField } from './RecordingSettings.tsx';

/** What the audit keeps when a person first turns its retention on: a quarter of a year. */
const DEFAULT_AUDIT_DAYS = 90;
/** A full rewrite of the database (VACUUM) measured ~7 ms per MB kept on a 2-vCPU VM. */
const REWRITE_MS_PER_MB = 7;
const MB = 1024 * 1024;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < MB) return `${(n / 1024).toFixed(0)} KB`;
  if (n < 1024 * MB) return `${(n / MB).toFixed(n < 10 * MB ? 1 : 0)} MB`;
  return `${(n / (1024 * MB)).toFixed(1)} GB`;
}

function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function StorageSettings({
  settings,
  onSave,
}: {
  settings: SettingsValues;
  onSave: (patch: Partial<SettingsValues>) => void;
}) {
  const commands = useCommands();
  const status = useStorage((s) => s.status);
  const load = useStorage((s) => s.load);
  const error = useStorage((s) => s.error);
  useEffect(() => {
    void commands.loadStorage();
  }, [commands]);
  return (
    <fieldset aria-labelledby="storage-legend">
      <legend id="storage-legend">Storage</legend>
      {status ? <Sizes status={status} /> : load === 'error' ? null : <p className="hint">Measuring…</p>}
      {error && (
        <p className="send-error" role="alert">
          {error}
        </p>
      )}
      {status && <Reclaim status={status} />}
      <AuditRetention
        days={settings.auditRetentionDays}
        onSave={(auditRetentionDays) => onSave({ auditRetentionDays })}
      />
      {status?.auditCheckpoint && (
        <p className="hint">
          Audit entries up to #{status.auditCheckpoint.throughSeq} were removed on{' '}
          {formatTime(status.auditCheckpoint.at)}; the rest still verifies from the checkpoint kept for them.
        </p>
      )}
    </fieldset>
  );
}

function Sizes({ status }: { status: StorageStatus }) {
  const last = status.lastUpkeep;
  return (
    <>
      <dl className="storage-sizes">
        <dt>Database</dt>
        <dd>
          {formatBytes(status.fileBytes)}
          {status.walBytes > 0 && ` (plus ${formatBytes(status.walBytes)} not yet written into it)`}
        </dd>
        <dt>Free inside it</dt>
        <dd>{formatBytes(status.freeBytes)}</dd>
        <dt>Recordings</dt>
        <dd>{formatBytes(status.recordingBytes)}</dd>
        <dt>Kept</dt>
        <dd>
          {counted(status.sessions, 'session')}, {counted(status.requests, 'request')},{' '}
          {counted(status.auditEntries, 'audit entry', 'audit entries')}
        </dd>
      </dl>
      <p className="hint storage-last" title={status.databaseFile}>
        {last
          ? `Last clean-up ${formatTime(last.at)}: ${counted(last.sessionsDeleted, 'session')} deleted, ${counted(last.auditPruned, 'audit entry', 'audit entries')} removed, ${formatBytes(last.bytesFreed)} given back, in ${(last.ms / 1000).toFixed(1)} s (agents waited at most ${last.longestSliceMs} ms at a time).`
          : 'Gatehouse cleans up an hour apart, starting when it starts.'}
      </p>
    </>
  );
}

function Reclaim({ status }: { status: StorageStatus }) {
  const commands = useCommands();
  const compacting = useStorage((s) => s.compacting);
  const rewriteSeconds = Math.max(
    1,
    Math.round((((status.fileBytes - status.freeBytes) / MB) * REWRITE_MS_PER_MB) / 1000),
  );
  const older = status.autoVacuum !== 'incremental';
  if (!older && status.freeBytes === 0) return <p className="hint">Space freed by deletions goes back to the disk.</p>;
  return (
    <div className="field">
      <p id="compact-help" className="hint">
        {older
          ? `This database was made by an earlier Gatehouse: space freed by deletions is reused, but the file does not shrink until it is compacted once. Gatehouse answers nothing while it does that (about ${rewriteSeconds} s).`
          : 'Free space goes back to the disk after large deletions; you can also give it back now.'}
      </p>
      <div className="actions">
        <button
          type="button"
          aria-describedby="compact-help"
          disabled={compacting}
          onClick={() => void commands.compactStorage()}
        >
          {compacting ? 'Compacting…' : 'Compact now'}
        </button>
      </div>
    </div>
  );
}

function AuditRetention({ days, onSave }: { days: number | null; onSave: (days: number | null) => void }) {
  return (
    <>
      <label className="check">
        <input
          type="checkbox"
          checked={days !== null}
          onChange={(e) => onSave(e.target.checked ? DEFAULT_AUDIT_DAYS : null)}
        />
        Remove audit entries after a while
      </label>
      {days !== null && (
        <NumberField
          id="audit-days"
          label="Remove audit entries older than (days)"
          value={days}
          min={MIN_AUDIT_RETENTION_DAYS}
          max={36_500}
          onSave={onSave}
        />
      )}
      <p className="hint">
        {days === null
          ? 'The audit trail of every decision and rule change is kept forever.'
          : 'Older entries are removed; the rest stays verifiable (gatehouse audit verify).'}
      </p>
    </>
  );
}
