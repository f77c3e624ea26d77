// The app shell: navigation, trust and auto-allow, the connection banner, and the view the reviewer chose. It owns
// the clock that every countdown reads.
import { useEffect } from 'react';
import { useClockTicking } from '../stores/clock.ts';
import { useAppContext } from '../app/context.ts';
import { useApp, type ViewName } from '../stores/connection.ts';
import { useInbox } from '../stores/inbox.ts';
import { useSettings } from '../stores/settings.ts';
import { Audit } from './audit/Audit.tsx';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { Inbox } from './inbox/Inbox.tsx';
import { Replay } from './replay/Replay.tsx';
import { Rules } from './rules/Rules.tsx';
import { Sessions } from './sessions/Sessions.tsx';
import { Settings } from './settings/Settings.tsx';
import { StoreBanner } from './StoreBanner.tsx';
import { TamperBanner } from './TamperBanner.tsx';
import { StatusLine } from './StatusLine.tsx';
import { TrustBanner } from './TrustControls.tsx';
import { useViewScroll } from './view-scroll.ts';
import { Welcome } from './Welcome.tsx';

/** The views, in the order the navigation lists them. */
const VIEWS: ReadonlyArray<{ name: ViewName; label: string }> = [
  { name: 'inbox', label: 'Inbox' },
  { name: 'sessions', label: 'Sessions' },
  { name: 'replay', label: 'Replay' },
  { name: 'rules', label: 'Rules' },
  { name: 'audit', label: 'Audit' },
  { name: 'settings', label: 'Settings' },
];

export function App() {
  useClockTicking();
  const view = useApp((s) => s.view);
  useViewScroll(view);
  const { reconnect } = useAppContext();
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
      <div className="nav">
        <p className="brand">Gatehouse</p>
        <nav aria-label="Views">
          <ul>
            {VIEWS.map((v) => (
              <li key={v.name}>
                <button
                  type="button"
                  aria-current={view === v.name ? 'page' : undefined}
                  onClick={() => useApp.getState().viewChosen(v.name)}
                >
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
      </div>
      <main className="main">
        <StatusLine />
        <ConnectionBanner retry={reconnect ?? (() => location.reload())} />
        <TrustBanner />
        <TamperBanner />
        <StoreBanner />
        {view === 'inbox' && <Welcome />}
        {view === 'inbox' && <Inbox />}
        {view === 'sessions' && <Sessions />}
        {view === 'replay' && <Replay />}
        {view === 'rules' && <Rules />}
        {view === 'audit' && <Audit />}
        {view === 'settings' && <Settings />}
      </main>
    </div>
  );
}
