// Add or edit a rule: effect, kind, pattern, where it applies, expiry, note. The core checks the pattern (RE2 for
// regexes, a project needs an absolute directory) and its refusal is shown here, with nothing lost.
import { useState } from 'react';
import {
  RuleEffectSchema,
  RuleKindSchema,
  type Rule,
  type RuleEffect,
  type RuleKind,
  type RuleScope,
} from '../../../shared/rules.ts';
import { useCommands } from '../../app/context.ts';
import { useRules } from '../../stores/rules.ts';
import { EFFECT_WORDS, EXPIRY_CHOICES, KIND_WORDS } from '../common/rule-words.ts';

type ScopeType = RuleScope['type'];
/** `keep`: an edit leaves the expiry as it is. */
type ExpiryChoice = 'keep' | string;

export function RuleEditor({ rule }: { rule: Rule | null }) {
  const commands = useCommands();
  const saving = useRules((s) => s.saving);
  const saveError = useRules((s) => s.saveError);
  const [effect, setEffect] = useState<RuleEffect>(rule?.effect ?? 'allow');
  const [kind, setKind] = useState<RuleKind>(rule?.kind ?? 'prefix');
  const [pattern, setPattern] = useState(rule?.pattern ?? '');
  const [scopeType, setScopeType] = useState<ScopeType>(rule?.scope.type ?? 'global');
  const [dir, setDir] = useState(rule?.scope.type === 'project' ? rule.scope.dir : '');
  const [sessionId, setSessionId] = useState(rule?.scope.type === 'session' ? rule.scope.sessionId : '');
  const [expiry, setExpiry] = useState<ExpiryChoice>(rule ? 'keep' : '0');
  const [note, setNote] = useState(rule?.note ?? '');
  const scope: RuleScope =
    scopeType === 'global'
      ? { type: 'global' }
      : scopeType === 'project'
        ? { type: 'project', dir: dir.trim() }
        : { type: 'session', sessionId: sessionId.trim() };
  const ttlMs = expiry === 'keep' ? undefined : (EXPIRY_CHOICES[Number(expiry)]?.ttlMs ?? null);
  const title = rule ? `Edit rule ${rule.id}` : 'Add a rule';
  return (
    <form
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
          <input type="text" value={pattern} required spellCheck={false} onChange={(e) => setPattern(e.target.value)} />
        </label>
      </div>
      <div className="row">
        <label>
          Applies
          <select value={scopeType} onChange={(e) => setScopeType(e.target.value as ScopeType)}>
            <option value="global">Everywhere</option>
            <option value="project">In a project</option>
            <option value="session">In one session</option>
          </select>
        </label>
        {scopeType === 'project' && (
          <label className="grow">
            Project directory
            <input type="text" value={dir} required spellCheck={false} onChange={(e) => setDir(e.target.value)} />
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
      <label>
        Note <span className="hint">(optional: why this rule exists)</span>
        <input type="text" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
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
