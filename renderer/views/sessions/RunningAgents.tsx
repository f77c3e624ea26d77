// The Sessions view's first panel: every running agent as protected (a live session whose gate is live), gate not
// live, or unprotected (an agent's process no Gatehouse session owns), the worrying ones first, each with why.
import { STATE_LABEL, agentCounts } from '../../../shared/agent-status.ts';
import { useAgents } from '../../stores/agents.ts';
import { shortId } from '../common/format.ts';
import { Loading } from '../common/states.tsx';

export function RunningAgents() {
  const report = useAgents((s) => s.report);
  const error = useAgents((s) => s.error);
  return (
    <section className="panel" aria-labelledby="running-agents-title">
      <h3 id="running-agents-title">Running agents</h3>
      {error && <p className="error">Could not list running agents: {error}</p>}
      {!report ? (
        !error && <Loading label="Looking for running agents…" />
      ) : (
        <>
          <p className="hint">{agentCounts(report)}</p>
          {report.agents.length > 0 && (
            <ul className="running-agents">
              {report.agents.map((a) => (
                <li
                  key={a.sessionId ?? `pid-${a.pid}`}
                  className={`agent-${a.state}`}
                  data-agent-state={a.state}
                  data-pid={a.pid ?? undefined}
                >
                  <strong>{STATE_LABEL[a.state]}</strong> {a.agent}
                  {a.sessionId && <span className="hint"> session {shortId(a.sessionId)}</span>}
                  {a.pid !== null && <span className="hint"> pid {a.pid}</span>}
                  {a.cwd && (
                    <>
                      {' '}
                      <code>{a.cwd}</code>
                    </>
                  )}
                  <div>{a.detail}</div>
                </li>
              ))}
            </ul>
          )}
          {report.note && <p className="hint">{report.note}</p>}
        </>
      )}
    </section>
  );
}
