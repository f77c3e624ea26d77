// One line of state above every view: whether the core is there and recording, how many agent sessions run and how
// well guarded, how many rules decide, and auto-allow and trust mode as on/off switches with their scope. Every part
// follows the stores, which follow the core's events.
import type { AgentStatusReport, RunningAgent } from '../../shared/agent-status.ts';
import type { Session } from '../../shared/domain.ts';
import { useAgents } from '../stores/agents.ts';
import { useApp, type ViewName } from '../stores/connection.ts';
import { useRules } from '../stores/rules.ts';
import { useSessions } from '../stores/sessions.ts';
import { useStoreHealth } from '../stores/store-health.ts';
import { useTamper } from '../stores/tamper.ts';
import { TrustControls } from './TrustControls.tsx';

type Health = { tone: 'ok' | 'bad' | 'wait'; text: string };

function useCoreHealth(): Health {
  const connection = useApp((s) => s.connection.state);
  const storeProblem = useStoreHealth((s) => s.problem);
  const tampered = useTamper((s) => s.status?.locked ?? false);
  if (connection === 'connecting') return { tone: 'wait', text: 'Connecting to the core…' };
  if (connection === 'lost') return { tone: 'bad', text: 'Core not connected' };
  if (storeProblem) return { tone: 'bad', text: 'Core cannot record: commands are denied' };
  if (tampered) return { tone: 'bad', text: 'Gate tampered with: every command waits' };
  return { tone: 'ok', text: 'Core healthy' };
}

/** "2 sessions running, guarded", or how many of them run with a layer of protection off. */
export function sessionsText(sessions: readonly Session[]): string {
  const running = sessions.filter((s) => s.endedAt === null);
  if (running.length === 0) return 'No agent sessions running';
  const count = `${running.length} session${running.length === 1 ? '' : 's'} running`;
  const open = running.filter((s) => s.protections?.some((p) => p.state === 'off')).length;
  if (open === 0) return `${count}, guarded`;
  if (open < running.length) return `${count}, ${open} with a layer off`;
  return `${count}, ${open === 1 ? '' : 'all '}with a layer off`;
}

/** "1 agent unprotected · 1 gate not live", or null when every running agent is protected (or none runs). */
export function agentConcern(report: AgentStatusReport | null): string | null {
  if (!report) return null;
  const n = (state: RunningAgent['state']) => report.agents.filter((a) => a.state === state).length;
  const parts = [
    n('unprotected') ? `${n('unprotected')} agent${n('unprotected') === 1 ? '' : 's'} unprotected` : '',
    n('gate-not-live') ? `${n('gate-not-live')} gate not live` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

function rulesText(rules: ReadonlyArray<{ enabled: boolean }>, loaded: boolean): string {
  if (!loaded) return 'Rules…';
  const on = rules.filter((r) => r.enabled).length;
  return on === 0 ? 'No rules' : `${on} rule${on === 1 ? '' : 's'}`;
}

/** A link to a view: it goes somewhere, so it is a link, not a button (and never one named like the navigation's). */
function Go({ view, children }: { view: ViewName; children: string }) {
  return (
    <a
      href={`#${view}`}
      className="link"
      onClick={(e) => {
        e.preventDefault();
        useApp.getState().viewChosen(view);
      }}
    >
      {children}
    </a>
  );
}

export function StatusLine() {
  const health = useCoreHealth();
  const sessions = useSessions((s) => s.sessions);
  const rules = useRules((s) => s.rules);
  const rulesLoaded = useRules((s) => s.load === 'ready');
  const concern = agentConcern(useAgents((s) => s.report));
  return (
    <section className="status-line" aria-label="Gatehouse status">
      <span className={`health ${health.tone}`} role="status">
        <span className="dot" aria-hidden="true" />
        {health.text}
      </span>
      <Go view="sessions">{sessionsText(sessions)}</Go>
      {concern && (
        <span className="health bad" role="status">
          <Go view="sessions">{concern}</Go>
        </span>
      )}
      <Go view="rules">{rulesText(rules, rulesLoaded)}</Go>
      <TrustControls />
    </section>
  );
}
