// Held requests from every session, oldest first.
import { useShallow } from 'zustand/react/shallow';
import { useCommands } from '../../app/context.ts';
import { useInbox } from '../../stores/inbox.ts';
import { EmptyState, ErrorState, Loading } from '../common/states.tsx';
import { useInboxKeys } from './keys.ts';
import { RiskCard } from './RiskCard.tsx';

export function Inbox() {
  const commands = useCommands();
  useInboxKeys(commands);
  const load = useInbox((s) => s.load);
  const loadError = useInbox((s) => s.loadError);
  const ids = useInbox(useShallow((s) => s.cards.map((c) => c.id)));
  const waiting = useInbox((s) => s.cards.filter((c) => c.status === 'pending').length);
  return (
    <section className="view" aria-labelledby="inbox-title">
      <header className="view-head">
        <h2 id="inbox-title">Inbox</h2>
        <p className="hint">
          {waiting === 0 ? 'Nothing waiting' : `${waiting} waiting`} · <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>a</kbd>{' '}
          approve, <kbd>d</kbd> deny, <kbd>w</kbd> always allow
        </p>
      </header>
      {load === 'loading' && ids.length === 0 ? (
        <Loading label="Loading held commands…" />
      ) : load === 'error' ? (
        <ErrorState
          title="Could not load held commands"
          message={loadError ?? ''}
          onRetry={() => void commands.reloadInbox()}
        />
      ) : ids.length === 0 ? (
        <EmptyState title="Nothing is waiting for you">
          <p>
            When an agent started with <code>gatehouse run -- claude</code> (or codex) wants to run a shell command, it
            waits here for your decision.
          </p>
        </EmptyState>
      ) : (
        <ol className="cards" aria-label="Held commands, oldest first">
          {ids.map((id) => (
            <li key={id}>
              <RiskCard id={id} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
