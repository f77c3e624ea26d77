// The app shell: navigation, the connection banner, and the view the reviewer chose.
import { useEffect } from 'react';
import { useApp, type ViewName } from '../stores/connection.ts';
import { useInbox } from '../stores/inbox.ts';
import { useSettings } from '../stores/settings.ts';
import { Audit } from './audit/Audit.tsx';
import { Inbox } from './inbox/Inbox.tsx';
import { Sessions } from './sessions/Sessions.tsx';
import { Settings } from './settings/Settings.tsx';

/** The views that exist today. Replay, Rules and live terminals join this list when their APIs land. */
const VIEWS: ReadonlyArray<{ name: ViewName; label: string }> = [
  { name: 'inbox', label: 'Inbox' },
  { name: 'sessions', label: 'Sessions' },
  { name: 'audit', label: 'Audit' },
  { name: 'settings', label: 'Settings' },
];

export function App() {
  const view = useApp((s) => s.view);
  const connection = useApp((s) => s.connection);
  const theme = useSettings((s) => s.settings?.theme ?? 'system');
  const waiting = useInbox((s) => s.cards.filter((c) => c.status === 'pending').length);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    document.title = waiting ? `(${waiting}) Gatehouse` : 'Gatehouse';
  }, [waiting]);
  return (
    <div className="shell">
      <nav className="nav" aria-label="Views">
        <p className="brand">Gatehouse</p>
        <ul>
          {VIEWS.map((v) => (
            <li key={v.name}>
              <button type="button" aria-current={view === v.name ? 'page' : undefined} onClick={() => useApp.getState().viewChosen(v.name)}>
                {v.label}
                {v.name === 'inbox' && waiting > 0 && (
                  <span className="badge" aria-label={`${waiting} waiting`}>
                    {waiting}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="main">
        {connection.state === 'lost' && (
          <div className="banner" role="alert">
            <p>{connection.message}</p>
            <button type="button" onClick={() => location.reload()}>
              Reconnect
            </button>
          </div>
        )}
        {view === 'inbox' && <Inbox />}
        {view === 'sessions' && <Sessions />}
        {view === 'audit' && <Audit />}
        {view === 'settings' && <Settings />}
      </main>
    </div>
  );
}
