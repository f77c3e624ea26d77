// Sessions: hosted terminals, live (and a new one started here), then every agent session, newest first, each with
// what guards it and its replay.
import { useEffect } from 'react';
import type { SessionProtection } from '../../../shared/domain.ts';
import { useCommands } from '../../app/context.ts';
import { useInbox } from '../../stores/inbox.ts';
import { useSessions } from '../../stores/sessions.ts';
import { AGENT_NAMES, formatTime, shortId } from '../common/format.ts';
import { EmptyState, ErrorState, Loading } from '../common/states.tsx';
import { LiveTerminals } from './LiveTerminal.tsx';
import { NewSessionForm } from './NewSessionForm.tsx';
import { RunningAgents } from './RunningAgents.tsx';

export function Sessions() {
  const commands = useCommands();
  useEffect(() => {
    void commands.loadTerminals();
  }, [commands]);
  return (
    <section className="view" aria-labelledby="sessions-title">
      <header className="view-head">
        <h2 id="sessions-title">Sessions</h2>
        <p className="hint">Terminals Gatehouse hosts, and every agent session with its recording.</p>
      </header>
      <RunningAgents />
      <section className="panel" aria-labelledby="terminals-title">
        <h3 id="terminals-title">Terminals</h3>
        <NewSessionForm />
        <LiveTerminals />
      </section>
      <section className="panel" aria-labelledby="past-title">
        <h3 id="past-title">All sessions</h3>
        <SessionTable />
      </section>
    </section>
  );
}

const STATE_WORDS: Readonly<Record<SessionProtection['state'], string>> = { on: 'on', partial: 'partly', off: 'off' };

/** What guards a session, as its launcher said: a one-line count, each layer with its reason on opening. */
function Protections({ list }: { list: SessionProtection[] | undefined }) {
  if (!list?.length) return <span className="hint">not said</span>;
  const count = (state: SessionProtection['state']) => list.filter((p) => p.state === state).length;
  const summary = [
    `${count('on')} on`,
    count('partial') ? `${count('partial')} partly` : '',
    count('off') ? `${count('off')} off` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <details className="protections">
      <summary>{summary}</summary>
      <ul>
        {list.map((p) => (
          <li key={p.layer} className={`protection-${p.state}`}>
            <strong>
              {p.layer} {STATE_WORDS[p.state]}
            </strong>
            : {p.detail}
          </li>
        ))}
      </ul>
    </details>
  );
}

function SessionTable() {
  const commands = useCommands();
  const load = useSessions((s) => s.load);
  const loadError = useSessions((s) => s.loadError);
  const sessions = useSessions((s) => s.sessions);
  const cards = useInbox((s) => s.cards);
  const waiting = (id: string) => cards.filter((c) => c.sessionId === id && c.status === 'pending').length;
  if (load === 'loading') return <Loading label="Loading sessions…" />;
  if (load === 'error')
    return (
      <ErrorState
        title="Could not load sessions"
        message={loadError ?? ''}
        onRetry={() => void commands.reloadSessions()}
      />
    );
  if (sessions.length === 0) {
    return (
      <EmptyState title="No sessions yet">
        <p>
          Start one above, or an agent in your project with <code>gatehouse run -- claude</code> or{' '}
          <code>gatehouse run -- codex</code>.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Agent sessions</caption>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Command</th>
            <th scope="col">Directory</th>
            <th scope="col">Started</th>
            <th scope="col">State</th>
            <th scope="col">Guarded by</th>
            <th scope="col">
              <span className="visually-hidden">Recording</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id} data-session-id={s.id}>
              <td>
                {AGENT_NAMES[s.agent]} <span className="hint">{shortId(s.id)}</span>
              </td>
              <td>
                <code>{s.argv.join(' ')}</code>
              </td>
              <td>
                <code>{s.cwd}</code>
              </td>
              <td>
                <time dateTime={s.startedAt}>{formatTime(s.startedAt)}</time>
              </td>
              <td>
                {s.endedAt ? (
                  <span className="state-ended">ended{s.exitCode === null ? '' : ` (exit ${s.exitCode})`}</span>
                ) : (
                  <span className="state-running">running{waiting(s.id) ? ` · ${waiting(s.id)} waiting` : ''}</span>
                )}
              </td>
              <td>
                <Protections list={s.protections} />
              </td>
              <td>
                <button
                  type="button"
                  aria-label={`Replay session ${shortId(s.id)}`}
                  onClick={() => void commands.openReplay(s.id)}
                >
                  Replay
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
