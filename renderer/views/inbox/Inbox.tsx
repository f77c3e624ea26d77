// Held requests from every session: the riskiest first, the oldest first within a level, grouped by session
// (renderer/stores/inbox-order.ts), then the "just decided" strip.
import { useShallow } from 'zustand/react/shallow';
import { useCommands } from '../../app/context.ts';
import { useInbox } from '../../stores/inbox.ts';
import { useSessions } from '../../stores/sessions.ts';
import { AGENT_NAMES, shortId } from '../common/format.ts';
import { EmptyState, ErrorState, Loading } from '../common/states.tsx';
import { JustDecided } from './JustDecided.tsx';
import { useInboxKeys } from './keys.ts';
import { RiskCard } from './RiskCard.tsx';

/** The cards' ids in order, cut where the session changes. */
function groupsOf(keys: readonly string[]): Array<{ sessionId: string; ids: string[] }> {
  const groups: Array<{ sessionId: string; ids: string[] }> = [];
  for (const key of keys) {
    const [sessionId, id] = key.split('\n') as [string, string];
    const last = groups[groups.length - 1];
    if (last?.sessionId === sessionId) last.ids.push(id);
    else groups.push({ sessionId, ids: [id] });
  }
  return groups;
}

export function Inbox() {
  const commands = useCommands();
  useInboxKeys(commands);
  const load = useInbox((s) => s.load);
  const loadError = useInbox((s) => s.loadError);
  const keys = useInbox(useShallow((s) => s.cards.map((c) => `${c.sessionId}\n${c.id}`)));
  const waiting = useInbox((s) => s.cards.filter((c) => c.status === 'pending').length);
  const groups = groupsOf(keys);
  return (
    <section className="view" aria-labelledby="inbox-title">
      <header className="view-head">
        <h2 id="inbox-title">Inbox</h2>
        <p className="hint">
          {waiting === 0 ? 'Nothing waiting' : `${waiting} waiting, riskiest first`} · <kbd>j</kbd>/<kbd>k</kbd> move,{' '}
          <kbd>a</kbd> approve (high and critical: <kbd>a</kbd> then <kbd>y</kbd>), <kbd>d</kbd> deny, <kbd>w</kbd>{' '}
          always allow, <kbd>s</kbd> run it safer where offered
        </p>
      </header>
      {load === 'loading' && keys.length === 0 ? (
        <Loading label="Loading held commands…" />
      ) : load === 'error' ? (
        <ErrorState
          title="Could not load held commands"
          message={loadError ?? ''}
          onRetry={() => void commands.reloadInbox()}
        />
      ) : keys.length === 0 ? (
        <EmptyState title="Nothing is waiting for you">
          <p>
            When an agent started with <code>gatehouse run -- claude</code> (or codex) wants to run a shell command, it
            waits here for your decision.
          </p>
        </EmptyState>
      ) : (
        // Each session is one group (inboxOrder), so its id is a stable key: a card never remounts when others move.
        groups.map((g) => <SessionGroup key={g.sessionId} sessionId={g.sessionId} ids={g.ids} />)
      )}
      <JustDecided />
    </section>
  );
}

function SessionGroup({ sessionId, ids }: { sessionId: string; ids: string[] }) {
  const session = useSessions((s) => s.sessions.find((x) => x.id === sessionId));
  const agent = useInbox((s) => s.cards.find((c) => c.sessionId === sessionId)?.agent);
  const cardCwd = useInbox((s) => s.cards.find((c) => c.sessionId === sessionId)?.cwd);
  const cwd = session?.cwd ?? cardCwd ?? '';
  const project = cwd.split('/').filter(Boolean).pop() ?? cwd;
  const title = `${agent ? AGENT_NAMES[agent] : 'Session'} · ${project || '/'} · session ${shortId(sessionId)}`;
  return (
    <section className="session-group" aria-label={title}>
      <h3 className="group-head" title={[cwd, session?.argv.join(' ')].filter(Boolean).join('\n')}>
        {title}
      </h3>
      <ol className="cards" aria-label="Held commands, riskiest first">
        {ids.map((id) => (
          <li key={id}>
            <RiskCard id={id} />
          </li>
        ))}
      </ol>
    </section>
  );
}
