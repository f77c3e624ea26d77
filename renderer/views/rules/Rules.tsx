// Rules: every rule (disabled ones too) with its id (the one reasons and the audit cite), what it matches, what it
// does, where, until when, how often it decided and where it came from; add, edit, enable/disable, delete; and "test
// a command". The table keeps to the window's width (1024 px and up): what it matches, its note and its source share
// one column, and the row's buttons wrap rather than slide out of view.
import { useEffect, useRef } from 'react';
import type { Rule } from '../../../shared/rules.ts';
import { shownText } from '../../../shared/visible-text.ts';
import { useCommands } from '../../app/context.ts';
import { useRules } from '../../stores/rules.ts';
import { formatTime } from '../common/format.ts';
import { reveal } from '../common/reveal.ts';
import { EFFECT_WORDS, KIND_WORDS, describeScope } from '../common/rule-words.ts';
import { ShownCode } from '../common/ShownText.tsx';
import { EmptyState, ErrorState, Loading } from '../common/states.tsx';
import { RuleEditor } from './RuleEditor.tsx';
import { TestCommand } from './TestCommand.tsx';

/** A rule's times to the minute: seconds add width to a narrow table and nothing to the decision; the tooltip has them. */
const toTheMinute = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function Rules() {
  const commands = useCommands();
  const load = useRules((s) => s.load);
  const loadError = useRules((s) => s.loadError);
  const rules = useRules((s) => s.rules);
  const editing = useRules((s) => s.editing);
  const saved = useRules((s) => s.saved);
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    void commands.loadRules();
  }, [commands]);
  // The rule just added or edited (or found already there) comes into view, wherever the form was.
  useEffect(() => {
    if (saved) reveal(table.current?.ownerDocument.getElementById(`rule-${saved.ruleId}`) ?? null);
  }, [saved]);
  const duplicateOf = saved?.duplicate ? rules.find((r) => r.id === saved.ruleId) : undefined;
  return (
    <section className="view" aria-labelledby="rules-title">
      <header className="view-head">
        <h2 id="rules-title">Rules</h2>
        <p className="hint">Deny beats ask beats allow. Rules never allow a command rated high or critical.</p>
        <button
          type="button"
          className="primary"
          disabled={editing === 'new'}
          onClick={() => useRules.getState().editOpened('new')}
        >
          Add rule…
        </button>
      </header>
      {editing === 'new' && <RuleEditor rule={null} />}
      <p role="status" className="hint rules-status">
        {duplicateOf
          ? `Already a rule: ${duplicateOf.id} does the same, so nothing was added. It keeps its own expiry and note (Edit changes them).`
          : ''}
      </p>
      {load === 'loading' ? (
        <Loading label="Loading rules…" />
      ) : load === 'error' ? (
        <ErrorState title="Could not load rules" message={loadError ?? ''} onRetry={() => void commands.loadRules()} />
      ) : rules.length === 0 ? (
        <EmptyState title="No rules yet">
          <p>Add one here, or choose “Always allow…” on a held command: Gatehouse suggests the smallest safe rule.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table ref={table} className="table rules-table">
            <caption className="visually-hidden">Rules</caption>
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Matches</th>
                <th scope="col">Effect</th>
                <th scope="col">Applies</th>
                <th scope="col">Expires</th>
                <th scope="col">Hits</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <RuleRow key={r.id} rule={r} editing={editing === r.id} saved={saved?.ruleId === r.id} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <TestCommand />
    </section>
  );
}

function RuleRow({ rule, editing, saved }: { rule: Rule; editing: boolean; saved: boolean }) {
  const commands = useCommands();
  const rowError = useRules((s) => s.rowErrors[rule.id]);
  const expired = rule.expiresAt !== null && Date.parse(rule.expiresAt) <= Date.now();
  const name = `${rule.kind}:${shownText(rule.pattern)}`;
  const classes = [rule.enabled && !expired ? '' : 'inactive', saved ? 'just-saved' : ''].filter(Boolean).join(' ');
  return (
    <>
      <tr id={`rule-${rule.id}`} data-rule-id={rule.id} className={classes || undefined}>
        <td>
          <code className="rule-id">{rule.id}</code>
        </td>
        <td className="rule-matches">
          <span className="hint">{KIND_WORDS[rule.kind]}</span> <ShownCode text={rule.pattern} />
          {rule.note && <div className="hint">{shownText(rule.note)}</div>}
          <div className="hint rule-source">
            from <code>{rule.source}</code>
          </div>
        </td>
        <td>
          <span className={`effect effect-${rule.effect}`}>{EFFECT_WORDS[rule.effect]}</span>
          {!rule.enabled && <div className="hint">disabled</div>}
        </td>
        <td className="rule-scope">{describeScope(rule.scope)}</td>
        <td>
          {rule.expiresAt ? (
            <time dateTime={rule.expiresAt} title={formatTime(rule.expiresAt)}>
              {expired ? 'expired ' : ''}
              {toTheMinute(rule.expiresAt)}
            </time>
          ) : (
            'never'
          )}
        </td>
        <td>
          <span className="num">{rule.hits}</span>
          <div className="hint">
            {rule.lastHitAt ? (
              <>
                last{' '}
                <time dateTime={rule.lastHitAt} title={formatTime(rule.lastHitAt)}>
                  {toTheMinute(rule.lastHitAt)}
                </time>
              </>
            ) : (
              'never used'
            )}
          </div>
        </td>
        <td className="row-actions">
          <button type="button" aria-label={`Edit ${name}`} onClick={() => useRules.getState().editOpened(rule.id)}>
            Edit
          </button>
          <button
            type="button"
            aria-label={`${rule.enabled ? 'Disable' : 'Enable'} ${name}`}
            onClick={() => void commands.setRuleEnabled(rule.id, !rule.enabled)}
          >
            {rule.enabled ? 'Disable' : 'Enable'}
          </button>
          <button
            type="button"
            className="deny"
            aria-label={`Delete ${name}`}
            onClick={() => void commands.removeRule(rule.id)}
          >
            Delete
          </button>
          {rowError && (
            <div role="alert" className="send-error">
              {rowError}
            </div>
          )}
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={7}>
            <RuleEditor rule={rule} />
          </td>
        </tr>
      )}
    </>
  );
}
