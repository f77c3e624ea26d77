// "Always allow…": the rules Gatehouse suggests for a held command (one per part no rule covers yet), where they
// apply and for how long, and the backtest: what else in the history each would have let through, risky ones
// flagged. Confirming approves the command and keeps the rules. Enter confirms, Escape closes. Where the session's
// agent has rules of its own Gatehouse can add to (Claude Code), an opt-in adds them there too.
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { GateRequest } from '../../../shared/domain.ts';
import {
  RuleKindSchema,
  type BacktestResult,
  type RuleKind,
  type RuleScope,
  type Suggestion,
} from '../../../shared/rules.ts';
import { useCommands } from '../../app/context.ts';
import { messageOf } from '../../app/messages.ts';
import { useInbox } from '../../stores/inbox.ts';
import { EXPIRY_CHOICES, KIND_WORDS } from '../common/rule-words.ts';
import { shortId } from '../common/format.ts';
import { ShownCode } from '../common/ShownText.tsx';

type ScopeChoice = 'project' | 'global' | 'session';
interface Draft {
  kind: RuleKind;
  pattern: string;
}
type Backtest = { state: 'loading' } | { state: 'ready'; result: BacktestResult } | { state: 'error'; message: string };

/** The commands a backtest lists under each rule; the rest are counted. */
const BACKTEST_SHOWN = 5;

export function AlwaysAllow({ request }: { request: GateRequest }) {
  const commands = useCommands();
  const sending = useInbox((s) => s.sending[request.id]);
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [scopeChoice, setScopeChoice] = useState<ScopeChoice>('project');
  const [expiry, setExpiry] = useState(0);
  const [backtests, setBacktests] = useState<Backtest[]>([]);
  const [alsoAgent, setAlsoAgent] = useState(false);

  useEffect(() => {
    let live = true;
    commands.suggestRules(request.id).then(
      (s) => {
        if (!live) return;
        setSuggestion(s);
        setDrafts(s.rules.map((r) => ({ kind: r.kind, pattern: r.pattern })));
        // Outside any project the suggestion is for the session: the default follows it.
        setScopeChoice(s.rules[0]?.scope.type === 'session' ? 'session' : 'project');
      },
      (err: unknown) => live && setLoadError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [commands, request.id]);

  const projectScope = suggestion?.rules.find((r) => r.scope.type === 'project')?.scope ?? null;
  const scope: RuleScope =
    scopeChoice === 'global'
      ? { type: 'global' }
      : scopeChoice === 'session' || !projectScope
        ? { type: 'session', sessionId: request.sessionId }
        : projectScope;
  const draftsKey = JSON.stringify([drafts, scope]);

  useEffect(() => {
    if (drafts.length === 0) return;
    let live = true;
    setBacktests(drafts.map(() => ({ state: 'loading' })));
    drafts.forEach((d, i) => {
      commands.backtestRule({ effect: 'allow', kind: d.kind, pattern: d.pattern, scope, cwd: request.cwd }).then(
        (result) => live && setBacktests((b) => b.map((x, j) => (j === i ? { state: 'ready', result } : x))),
        (err: unknown) =>
          live && setBacktests((b) => b.map((x, j) => (j === i ? { state: 'error', message: messageOf(err) } : x))),
      );
    });
    return () => {
      live = false;
    };
    // Re-run when a committed pattern or the scope changes (draftsKey says both).
  }, [commands, draftsKey, request.cwd]);

  const close = () => useInbox.getState().allowFormClosed();
  const confirm = () => {
    if (drafts.length === 0 || drafts.some((d) => !d.pattern.trim()) || sending) return;
    const ttlMs = EXPIRY_CHOICES[expiry]?.ttlMs ?? null;
    void commands.alwaysAllow(
      request.id,
      drafts.map((d) => ({ kind: d.kind, pattern: d.pattern.trim(), scope, ...(ttlMs ? { ttlMs } : {}) })),
      // Only when ticked (and offered): the call stays as it was otherwise.
      ...(suggestion?.agentRules && alsoAgent ? [true] : []),
    );
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };

  return (
    <form
      className="always-allow"
      aria-label="Always allow"
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        confirm();
      }}
    >
      <h4>Always allow…</h4>
      {loadError && (
        <p role="alert" className="send-error">
          Could not suggest a rule: {loadError}
        </p>
      )}
      {!suggestion && !loadError && (
        <p role="status" className="hint">
          Working out the smallest safe rule…
        </p>
      )}
      {suggestion && drafts.length === 0 && (
        <div role="status">
          <p>Gatehouse has no safe rule to remember for this command.</p>
          <ul className="reasons">
            {suggestion.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      {drafts.map((d, i) => (
        <RuleDraft
          key={i}
          index={i}
          draft={d}
          backtest={backtests[i]}
          onChange={(next) => setDrafts((all) => all.map((x, j) => (j === i ? next : x)))}
        />
      ))}
      {suggestion && suggestion.notes.length > 0 && drafts.length > 0 && (
        <ul className="hint notes" aria-label="Why these rules">
          {suggestion.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      {drafts.length > 0 && (
        <div className="row">
          <fieldset className="choice">
            <legend>Applies</legend>
            <label className="check">
              <input
                type="radio"
                name={`scope-${request.id}`}
                checked={scopeChoice === 'project'}
                disabled={!projectScope}
                onChange={() => setScopeChoice('project')}
              />
              {projectScope?.type === 'project' ? `This project (${projectScope.dir})` : 'This project (not in one)'}
            </label>
            <label className="check">
              <input
                type="radio"
                name={`scope-${request.id}`}
                checked={scopeChoice === 'global'}
                onChange={() => setScopeChoice('global')}
              />
              Everywhere
            </label>
            <label className="check">
              <input
                type="radio"
                name={`scope-${request.id}`}
                checked={scopeChoice === 'session'}
                onChange={() => setScopeChoice('session')}
              />
              This session only ({shortId(request.sessionId)})
            </label>
          </fieldset>
          <fieldset className="choice">
            <legend>Expires</legend>
            {EXPIRY_CHOICES.map((c, i) => (
              <label key={c.label} className="check">
                <input
                  type="radio"
                  name={`expiry-${request.id}`}
                  checked={expiry === i}
                  onChange={() => setExpiry(i)}
                />
                {c.ttlMs === null ? 'Never' : `After ${c.label}`}
              </label>
            ))}
          </fieldset>
        </div>
      )}
      {suggestion?.agentRules && drafts.length > 0 && (
        <AgentRulesChoice
          offer={suggestion.agentRules}
          edited={drafts.some(
            (d, i) => d.kind !== suggestion.rules[i]?.kind || d.pattern !== suggestion.rules[i]?.pattern,
          )}
          checked={alsoAgent}
          onChange={setAlsoAgent}
        />
      )}
      <div className="actions">
        <button type="submit" className="approve" disabled={drafts.length === 0 || Boolean(sending)}>
          {sending === 'allow'
            ? 'Approving…'
            : drafts.length > 1
              ? `Approve and keep ${drafts.length} rules`
              : 'Approve and keep the rule'}
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * "Also add to Claude Code's own rules": off unless ticked. Says where they go, and each rule as the agent will read
 * it (worked out again when approving, so an edited pattern is said then).
 */
function AgentRulesChoice({
  offer,
  edited,
  checked,
  onChange,
}: {
  offer: NonNullable<Suggestion['agentRules']>;
  edited: boolean;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const shown = offer.shown.filter((s): s is string => s !== null);
  return (
    <fieldset className="choice agent-rules">
      <legend>{offer.agent}</legend>
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        Also add to {offer.agent}'s own rules
      </label>
      <p className="hint">
        Into <code>{offer.where}</code>, only rules {offer.agent} reads exactly as Gatehouse does
        {edited
          ? ' (worked out for your edited rules when you approve).'
          : shown.length > 0
            ? `: ${shown.join(', ')}${shown.length < offer.shown.length ? ' (the others it cannot say exactly)' : ''}.`
            : `; none of these can be said exactly, so nothing would be added.`}
      </p>
    </fieldset>
  );
}

function RuleDraft({
  index,
  draft,
  backtest,
  onChange,
}: {
  index: number;
  draft: Draft;
  backtest: Backtest | undefined;
  onChange: (d: Draft) => void;
}) {
  const [text, setText] = useState(draft.pattern);
  useEffect(() => setText(draft.pattern), [draft.pattern]);
  const commit = () => {
    if (text.trim() && text !== draft.pattern) onChange({ ...draft, pattern: text.trim() });
  };
  return (
    <div className="rule-draft" data-rule-index={index}>
      <div className="row">
        <label>
          Rule {index + 1}
          <select value={draft.kind} onChange={(e) => onChange({ ...draft, kind: e.target.value as RuleKind })}>
            {RuleKindSchema.options.map((k) => (
              <option key={k} value={k}>
                {KIND_WORDS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          Pattern
          <input
            type="text"
            value={text}
            spellCheck={false}
            onChange={(e) => setText(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              // Enter in the pattern checks it again instead of confirming what was not yet checked.
              if (e.key === 'Enter' && text !== draft.pattern) {
                e.preventDefault();
                commit();
              }
            }}
          />
        </label>
      </div>
      <BacktestSummary backtest={backtest} />
    </div>
  );
}

function BacktestSummary({ backtest }: { backtest: Backtest | undefined }) {
  if (!backtest || backtest.state === 'loading')
    return (
      <p className="hint" role="status">
        Checking your history…
      </p>
    );
  if (backtest.state === 'error')
    return (
      <p className="send-error" role="alert">
        {backtest.message}
      </p>
    );
  const r = backtest.result;
  const others = r.changed.slice(0, BACKTEST_SHOWN);
  return (
    <div className="backtest" aria-label="What else it would allow">
      <p className="hint">
        {r.changedTotal === 0
          ? `Of ${r.examined} earlier command${r.examined === 1 ? '' : 's'}, it would have allowed none that was not allowed anyway.`
          : `Of ${r.examined} earlier command${r.examined === 1 ? '' : 's'}, it would also have allowed ${r.changedTotal}${r.riskyTotal > 0 ? `, ${r.riskyTotal} of them rated high or critical` : ''}:`}
      </p>
      {others.length > 0 && (
        <ul className="backtest-list">
          {others.map((c) => (
            <li key={c.requestId} className={c.risky ? 'risky' : undefined}>
              <ShownCode text={c.command} />
              {c.risky && <span className={`level level-${c.level ?? 'high'}`}>{c.level ?? 'risky'}</span>}
            </li>
          ))}
          {r.changedTotal > others.length && <li className="hint">…and {r.changedTotal - others.length} more</li>}
        </ul>
      )}
      {r.warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {r.warnings.map((w, i) => (
            <li key={i} className="send-error">
              {w}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
