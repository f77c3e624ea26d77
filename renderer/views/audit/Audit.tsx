// Every decision: who or what made it and, after an allow, what then ran; filterable (approved but failed, too),
// exportable as JSON Lines or CSV.
import { useEffect, useState } from 'react';
import type { DeciderGroup, OutcomeFilter } from '../../../shared/api.ts';
import type { Agent } from '../../../shared/domain.ts';
import { useCommands } from '../../app/context.ts';
import type { ExportFormat } from '../../app/history-export.ts';
import { useAudit, type AuditFilter } from '../../stores/audit.ts';
import { AGENT_NAMES, STATUS_WORDS, describeDecider, formatTime } from '../common/format.ts';
import { Outcome } from '../common/Outcome.tsx';
import { Changes } from '../common/Changes.tsx';
import { ShownCode } from '../common/ShownText.tsx';
import { EmptyState, ErrorState, Loading } from '../common/states.tsx';
import { saveFile } from '../common/save-file.ts';

export function Audit() {
  const commands = useCommands();
  const load = useAudit((s) => s.load);
  const loadError = useAudit((s) => s.loadError);
  const items = useAudit((s) => s.items);
  const hasMore = useAudit((s) => s.nextCursor !== null);
  const loadingMore = useAudit((s) => s.loadingMore);
  const filtered = useAudit((s) => Object.values(s.filter).some((v) => v !== undefined && v !== ''));
  useEffect(() => {
    void commands.loadHistory();
  }, [commands]);
  return (
    <section className="view" aria-labelledby="audit-title">
      <header className="view-head">
        <h2 id="audit-title">Audit</h2>
        <p className="hint">Every decision, newest first, with who or what made it and what then ran.</p>
      </header>
      <AuditFilters />
      <ExportButtons />
      {load === 'loading' || load === 'idle' ? (
        <Loading label="Loading decisions…" />
      ) : load === 'error' ? (
        <ErrorState
          title="Could not load decisions"
          message={loadError ?? ''}
          onRetry={() => void commands.loadHistory()}
        />
      ) : items.length === 0 ? (
        <EmptyState title={filtered ? 'No decisions match this filter' : 'No decisions yet'}>
          <p>
            {filtered
              ? 'Change or clear the filter.'
              : 'Decisions appear here as soon as they are made, by you, a timeout or a policy.'}
          </p>
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Decisions</caption>
              <thead>
                <tr>
                  <th scope="col">Decided</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Decided by</th>
                  <th scope="col">Command</th>
                  <th scope="col">Agent</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr key={r.id} data-request-id={r.id}>
                    <td>
                      {r.decision ? (
                        <time dateTime={r.decision.decidedAt}>{formatTime(r.decision.decidedAt)}</time>
                      ) : (
                        ''
                      )}
                    </td>
                    <td>
                      <span className={`outcome-tag outcome-${r.status}`}>{STATUS_WORDS[r.status]}</span>
                      <Outcome request={r} inline />
                      <Changes request={r} />
                    </td>
                    <td>{r.decision ? describeDecider(r.decision.decidedBy) : ''}</td>
                    <td>
                      <ShownCode text={r.command} />
                    </td>
                    <td>{AGENT_NAMES[r.agent]}</td>
                    <td>{r.decision?.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {hasMore && (
            <button
              type="button"
              className="more"
              disabled={loadingMore}
              onClick={() => void commands.loadMoreHistory()}
            >
              {loadingMore ? 'Loading…' : 'Load older decisions'}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function AuditFilters() {
  const commands = useCommands();
  const filter = useAudit((s) => s.filter);
  const [search, setSearch] = useState(filter.search ?? '');
  const apply = (next: AuditFilter) => {
    useAudit.getState().filterChanged(next);
    void commands.loadHistory();
  };
  const choose = <K extends keyof AuditFilter>(key: K, value: string) =>
    apply({ ...filter, [key]: value === '' ? undefined : value });
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter decisions"
      onSubmit={(e) => {
        e.preventDefault();
        apply({ ...filter, search });
      }}
    >
      <label>
        Outcome
        <select value={filter.status ?? ''} onChange={(e) => choose('status', e.target.value)}>
          <option value="">Any</option>
          <option value="allowed">Allowed</option>
          <option value="denied">Denied</option>
          <option value="abandoned">Abandoned</option>
        </select>
      </label>
      <label>
        After approval
        <select value={filter.outcome ?? ''} onChange={(e) => choose('outcome', e.target.value as OutcomeFilter | '')}>
          <option value="">Anything</option>
          <option value="failed">Approved but failed</option>
          <option value="not-run">Approved, never ran</option>
          <option value="ran">Approved and ran</option>
        </select>
      </label>
      <label>
        Decided by
        <select
          value={filter.decidedBy ?? ''}
          onChange={(e) => choose('decidedBy', e.target.value as DeciderGroup | '')}
        >
          <option value="">Anyone</option>
          <option value="human">A person</option>
          <option value="rule">A rule</option>
          <option value="timeout">Timeout</option>
          <option value="policy">Policy</option>
          <option value="system">Gatehouse itself</option>
        </select>
      </label>
      <label>
        Agent
        <select value={filter.agent ?? ''} onChange={(e) => choose('agent', e.target.value as Agent | '')}>
          <option value="">Any</option>
          {(Object.keys(AGENT_NAMES) as Agent[]).map((a) => (
            <option key={a} value={a}>
              {a === 'generic' ? 'Other' : AGENT_NAMES[a]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Command contains
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </label>
      <button type="submit">Apply</button>
    </form>
  );
}

function ExportButtons() {
  const commands = useCommands();
  const exporting = useAudit((s) => s.exporting);
  const exportError = useAudit((s) => s.exportError);
  const download = async (format: ExportFormat) => {
    const file = await commands.exportHistory(format);
    if (file) saveFile(file, format === 'csv' ? 'text/csv' : 'application/x-ndjson');
  };
  return (
    <div className="export" role="group" aria-label="Export decisions">
      <button type="button" disabled={exporting} onClick={() => void download('jsonl')}>
        Export JSONL
      </button>
      <button type="button" disabled={exporting} onClick={() => void download('csv')}>
        Export CSV
      </button>
      {exporting && <span role="status">Exporting…</span>}
      {exportError && <span role="alert">Export failed: {exportError}</span>}
    </div>
  );
}
