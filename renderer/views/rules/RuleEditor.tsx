// Add or edit a rule: effect, kind, pattern, where it applies, expiry, note, and a preview of what it would have
// decided in the history before it is saved. A new rule applies to a project by default, the directory of the newest
// session filled in: a rule for everywhere is a choice, never an accident. The core checks the pattern (RE2 for
// regexes, a project needs an absolute directory) and its refusal is shown here, with nothing lost.
import { useRef, useState } from 'react';
import {
  RuleEffectSchema,
  RuleKindSchema,
  type BacktestInput,
  type Rule,
  type RuleEffect,
  type RuleKind,
  type RuleScope,
} from '../../../shared/rules.ts';
import { useCommands } from '../../app/context.ts';
import { useRules } from '../../stores/rules.ts';
import { useSessions } from '../../stores/sessions.ts';
import { EFFECT_WORDS, EXPIRY_CHOICES, KIND_WORDS } from '../common/rule-words.ts';
import { useReveal } from '../common/reveal.ts';
import { RulePreview } from './RulePreview.tsx';

type ScopeType = RuleScope['type'];
/** `keep`: an edit leaves the expiry as it is. */
type ExpiryChoice = 'keep' | string;

/** The directories sessions ran in, newest first, each once: the projects a rule is most likely for. */
function recentDirs(sessions: ReadonlyArray<{ cwd: string; startedAt: string }>): string[] {
  const newest = [...sessions].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return [...new Set(newest.map((s) => s.cwd))].slice(0, 10);
}

const isAbsolute = (dir: string) => dir.startsWith('/') || /^[A-Za-z]:[\\/]/.test(dir);

export function RuleEditor({ rule }: { rule: Rule | null }) {
  const commands = useCommands();
  const saving = useRules((s) => s.saving);
  const saveError = useRules((s) => s.saveError);
  const sessions = useSessions((s) => s.sessions);
  const dirs = recentDirs(sessions);
  const [effect, setEffect] = useState<RuleEffect>(rule?.effect ?? 'allow');
  const [kind, setKind] = useState<RuleKind>(rule?.kind ?? 'prefix');
  const [pattern, setPattern] = useState(rule?.pattern ?? '');
  const [scopeType, setScopeType] = useState<ScopeType>(rule?.scope.type ?? 'project');
  const [dir, setDir] = useState(rule ? (rule.scope.type === 'project' ? rule.scope.dir : '') : (dirs[0] ?? ''));
  const [sessionId, setSessionId] = useState(rule?.scope.type === 'session' ? rule.scope.sessionId : '');
  const [expiry, setExpiry] = useState<ExpiryChoice>(rule ? 'keep' : '0');
  const [note, setNote] = useState(rule?.note ?? '');
  const form = useRef<HTMLFormElement>(null);
  // Opened from a button that may be far above or below: the form comes into view.
  useReveal(form, rule?.id ?? 'new');
  const scope: RuleScope =
    scopeType === 'global'
      ? { type: 'global' }
      : scopeType === 'project'
        ? { type: 'project', dir: dir.trim() }
        : { type: 'session', sessionId: sessionId.trim() };
  const ttlMs = expiry === 'keep' ? undefined : (EXPIRY_CHOICES[Number(expiry)]?.ttlMs ?? null);
  const title = rule ? `Edit rule ${rule.id}` : 'Add a rule';
  const askable =
    pattern.trim() !== '' &&
    (scope.type !== 'project' || isAbsolute(scope.dir)) &&
    (scope.type !== 'session' || scope.sessionId !== '');
  const preview: BacktestInput | null = askable
    ? { effect, kind, pattern: pattern.trim(), scope, ...(rule ? { replaces: rule.id } : {}) }
    : null;
  return (
    <form
      ref={form}
      className="rule-editor"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void commands.saveRule(rule?.id ?? 'new', { effect, kind, pattern, scope, ttlMs, note });
      }}
    >
      <h4>{title}</h4>
      <div className="row">
        <label>
          Effect
          <select value={effect} onChange={(e) => setEffect(e.target.value as RuleEffect)}>
            {RuleEffectSchema.options.map((o) => (
              <option key={o} value={o}>
                {EFFECT_WORDS[o]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as RuleKind)}>
            {RuleKindSchema.options.map((o) => (
              <option key={o} value={o}>
                {KIND_WORDS[o]}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          Pattern
          <input
            type="text"
            value={pattern}
            required
            spellCheck={false}
            autoFocus={!rule}
            onChange={(e) => setPattern(e.target.value)}
          />
        </label>
      </div>
      <div className="row">
        <label>
          Applies
          <select value={scopeType} onChange={(e) => setScopeType(e.target.value as ScopeType)}>
            <option value="project">In a project</option>
            <option value="global">Everywhere</option>
            <option value="session">In one session</option>
          </select>
        </label>
        {scopeType === 'project' && (
          <label className="grow">
            Project directory
            <input
              type="text"
              value={dir}
              required
              spellCheck={false}
              list="rule-project-dirs"
              placeholder="/home/you/project"
              onChange={(e) => setDir(e.target.value)}
            />
            <datalist id="rule-project-dirs">
              {dirs.map((d) => (
                <option key={d} value={d} />
              ))}
            </datalist>
          </label>
        )}
        {scopeType === 'session' && (
          <label className="grow">
            Session id
            <input
              type="text"
              value={sessionId}
              required
              spellCheck={false}
              onChange={(e) => setSessionId(e.target.value)}
            />
          </label>
        )}
        <label>
          Expires
          <select value={expiry} onChange={(e) => setExpiry(e.target.value)}>
            {rule && <option value="keep">{rule.expiresAt ? 'Keep its expiry' : 'Keep: never expires'}</option>}
            {EXPIRY_CHOICES.map((c, i) => (
              <option key={c.label} value={String(i)}>
                {c.ttlMs === null ? c.label : `In ${c.label}`}
              </option>
            ))}
          </select>
        </label>
      </div>
      {scopeType === 'global' && (
        <p className="hint">Everywhere: in every project and every session, including ones not started yet.</p>
      )}
      <label>
        <span>
          Note <span className="hint">(optional: why this rule exists)</span>
        </span>
        <input type="text" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <RulePreview input={preview} />
      {saveError && (
        <p className="send-error" role="alert">
          Not saved: {saveError}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving || !pattern.trim()}>
          {saving ? 'Saving…' : rule ? 'Save rule' : 'Add rule'}
        </button>
        <button type="button" onClick={() => useRules.getState().editClosed()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
