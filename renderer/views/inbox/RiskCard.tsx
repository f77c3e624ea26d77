// One held request: who wants to run what, where, how risky, how long is left, and the decision buttons.
import { useEffect, useRef } from 'react';
import type { GateRequest } from '../../../shared/domain.ts';
import { shownText } from '../../../shared/visible-text.ts';
import { useCommands } from '../../app/context.ts';
import { useInbox } from '../../stores/inbox.ts';
import { useSessions } from '../../stores/sessions.ts';
import { AGENT_NAMES, STATUS_WORDS, describeDecider, formatTime, shortId } from '../common/format.ts';
import { Outcome } from '../common/Outcome.tsx';
import { AlwaysAllow } from './AlwaysAllow.tsx';
import { CardClip } from './CardClip.tsx';
import { CommandText } from './CommandText.tsx';
import { Countdown } from './Countdown.tsx';
import { DenyForm } from './DenyForm.tsx';

export function RiskCard({ id }: { id: string }) {
  const request = useInbox((s) => s.cards.find((c) => c.id === id));
  const selected = useInbox((s) => s.selectedId === id);
  const sending = useInbox((s) => s.sending[id]);
  const sendError = useInbox((s) => s.sendErrors[id]);
  const denying = useInbox((s) => s.denyingId === id);
  const allowing = useInbox((s) => s.allowingId === id);
  const argv = useSessions((s) => s.sessions.find((x) => x.id === request?.sessionId)?.argv);
  const commands = useCommands();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);
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
        <span className="session" title={argv?.join(' ')}>
          session {shortId(request.sessionId)}
          {request.tool ? ` · ${request.tool}` : ''}
        </span>
        <time dateTime={request.createdAt}>{formatTime(request.createdAt)}</time>
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
      {pending && <CardClip request={request} autoOpen={selected} />}
      {pending ? (
        denying ? (
          <DenyForm
            sending={Boolean(sending)}
            onDeny={(reason) => void commands.decide(id, 'deny', reason)}
            onCancel={() => useInbox.getState().denyFormClosed()}
          />
        ) : allowing ? (
          <AlwaysAllow request={request} />
        ) : (
          <div className="actions">
            <button
              type="button"
              className="approve"
              aria-keyshortcuts="A"
              disabled={Boolean(sending)}
              onClick={() => void commands.decide(id, 'allow')}
            >
              {sending === 'allow' ? 'Approving…' : 'Approve'} <kbd aria-hidden="true">a</kbd>
            </button>
            <button
              type="button"
              className="deny"
              aria-keyshortcuts="D"
              disabled={Boolean(sending)}
              onClick={() => useInbox.getState().denyFormOpened(id)}
            >
              {sending === 'deny' ? 'Denying…' : 'Deny…'} <kbd aria-hidden="true">d</kbd>
            </button>
            <button
              type="button"
              className="always"
              aria-keyshortcuts="W"
              disabled={Boolean(sending)}
              onClick={() => useInbox.getState().allowFormOpened(id)}
            >
              Always allow… <kbd aria-hidden="true">w</kbd>
            </button>
          </div>
        )
      ) : (
        <>
          <p className={`outcome outcome-${request.status}`} role="status">
            {STATUS_WORDS[request.status]}
            {request.decision ? ` by ${describeDecider(request.decision.decidedBy).toLowerCase()}` : ''}
            {request.decision?.reason ? `: ${request.decision.reason}` : ''}
          </p>
          <Outcome request={request} />
        </>
      )}
      {sendError && (
        <p className="send-error" role="alert">
          The decision did not reach the core: {sendError}
        </p>
      )}
    </article>
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
