// Agent sessions, newest first: who ran, where, and whether it is still running.
import { useCommands } from '../../app/context.ts';
import { useInbox } from '../../stores/inbox.ts';
import { useSessions } from '../../stores/sessions.ts';
import { AGENT_NAMES, formatTime, shortId } from '../common/format.ts';
import { EmptyState, ErrorState, Loading } from '../common/states.tsx';

export function Sessions() {
  const commands = useCommands();
  const load = useSessions((s) => s.load);
  const loadError = useSessions((s) => s.loadError);
  const sessions = useSessions((s) => s.sessions);
  const cards = useInbox((s) => s.cards);
  const waiting = (id: string) => cards.filter((c) => c.sessionId === id && c.status === 'pending').length;
  return (
    <section className="view" aria-labelledby="sessions-title">
      <header className="view-head">
        <h2 id="sessions-title">Sessions</h2>
        <p className="hint">Agents started through Gatehouse, newest first.</p>
      </header>
      {load === 'loading' ? (
        <Loading label="Loading sessions…" />
      ) : load === 'error' ? (
        <ErrorState title="Could not load sessions" message={loadError ?? ''} onRetry={() => void commands.reloadSessions()} />
      ) : sessions.length === 0 ? (
        <EmptyState title="No sessions yet">
          <p>
            Start an agent in your project with <code>gatehouse run -- claude</code> or <code>gatehouse run -- codex</code>.
          </p>
        </EmptyState>
      ) : (
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
