// One held request: who wants to run what, where, how risky, how long is left, and the decision (Decide.tsx). The
// selected card is the open one: only it shows its lead-up. A card acted on (selected, its form opened, its approval
// armed, its decision sent) is scrolled into view.
import { useEffect, useRef } from 'react';
import type { GateRequest } from '../../../shared/domain.ts';
import { shownText } from '../../../shared/visible-text.ts';
import { useInbox } from '../../stores/inbox.ts';
import { Ago } from '../common/Ago.tsx';
import { AGENT_NAMES } from '../common/format.ts';
import { Outcome as RunOutcome } from '../common/Outcome.tsx';
import { Changes } from '../common/Changes.tsx';
import { CardClip } from './CardClip.tsx';
import { CommandText } from './CommandText.tsx';
import { Countdown } from './Countdown.tsx';
import { Decide } from './Decide.tsx';
import { outcomeLine, outcomeOf } from './outcome.ts';

export function RiskCard({ id }: { id: string }) {
  const request = useInbox((s) => s.cards.find((c) => c.id === id));
  const selected = useInbox((s) => s.selectedId === id);
  const sendError = useInbox((s) => s.sendErrors[id]);
  // What the reviewer last did to this card: each change brings it back into view.
  const acted = useInbox(
    (s) =>
      `${s.denyingId === id}${s.allowingId === id}${s.armedId === id}${s.sending[id] ?? ''}${s.sendErrors[id] ?? ''}`,
  );
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected, acted, request?.status]);
  if (!request) return null;
  const pending = request.status === 'pending';
  const agent = AGENT_NAMES[request.agent];
  return (
    <article
      ref={ref}
      className={`card${selected ? ' selected' : ''}${pending ? '' : ' decided'} risk-${request.risk?.level ?? 'unscored'}`}
      data-request-id={request.id}
      aria-label={`${agent} wants to run: ${shownText(request.command)}`}
      aria-current={selected ? 'true' : undefined}
      onClick={() => useInbox.getState().cardSelected(id)}
    >
      <header className="card-head">
        <span className="agent">{agent}</span>
        {request.tool && <span className="session">{request.tool}</span>}
        <Ago iso={request.createdAt} />
        {pending && request.expiresAt && <Countdown expiresAt={request.expiresAt} />}
      </header>
      <p className="cwd">
        <span className="label">in</span> <code>{request.cwd}</code>
        {request.branch && (
          <>
            {' '}
            <span className="label">on</span>{' '}
            <code className="branch" aria-label={`git branch ${request.branch}`}>
              {request.branch}
            </code>
          </>
        )}
      </p>
      <CommandText command={request.command} risk={request.risk} />
      <RiskSummary request={request} />
      {pending && <CardClip request={request} open={selected} />}
      {/* Held: what its snapshot could not keep, said before the decision. */}
      {pending && <Changes request={request} />}
      {pending ? <Decide request={request} /> : <Outcome request={request} />}
      {sendError && (
        <p className="send-error" role="alert">
          The decision did not reach the core: {sendError}
        </p>
      )}
    </article>
  );
}

function Outcome({ request }: { request: GateRequest }) {
  const o = outcomeOf(request);
  return (
    <>
      <div className={`outcome outcome-${request.status}`} role="status">
        <p>{outcomeLine(o)}</p>
        {o.toldAgent && <p className="told">The agent was told: “{o.toldAgent}”</p>}
      </div>
      {/* What then ran, once the agent reports it (or that it never did). */}
      <RunOutcome request={request} />
      {/* What it changed in the project, and undoing it (undo/ in the core). */}
      <Changes request={request} />
    </>
  );
}

function RiskSummary({ request }: { request: GateRequest }) {
  const risk = request.risk;
  if (!risk) {
    return (
      <p className="risk">
        <span className="level level-unscored">not scored</span>{' '}
        <span className="hint">Gatehouse has no risk assessment for this command. Read it before you approve.</span>
      </p>
    );
  }
  return (
    <div className="risk">
      <p>
        <span className={`level level-${risk.level}`}>{risk.level}</span>{' '}
        <span className="score">score {risk.score}/100</span>
        {risk.categories.length > 0 && (
          <span className="categories" aria-label="Categories">
            {risk.categories.map((c) => (
              <span key={c} className="chip">
                {c}
              </span>
            ))}
          </span>
        )}
      </p>
      {risk.reasons.length > 0 && (
        <ul className="reasons" aria-label="Reasons">
          {/* Reasons quote the command's words: escaped like the command. */}
          {risk.reasons.map((r, i) => (
            <li key={i}>{shownText(r)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
