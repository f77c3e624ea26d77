// The first start's two offers, above the Inbox until the person puts them away (the `welcomeDone` setting): let
// low-risk commands through without asking (`autoAllowLowRisk`), and import the allow rules they already gave Claude
// Code and Codex (`importRules`, as `gatehouse rules import`). Both stay changeable: the status line, Rules, Settings.
import { useState } from 'react';
import type { ImportResult } from '../../shared/rules.ts';
import { useCommands } from '../app/context.ts';
import { messageOf } from '../app/messages.ts';
import { useApp } from '../stores/connection.ts';
import { useSettings } from '../stores/settings.ts';

type Import =
  { state: 'idle' | 'importing' } | { state: 'done'; result: ImportResult } | { state: 'failed'; error: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the import did, in a sentence or two. */
export function importSummary(r: ImportResult): string {
  if (r.files.length === 0 && r.errors.length === 0) return 'Found no Claude Code settings or Codex .rules files.';
  const parts = [
    r.added.length > 0
      ? `Added ${plural(r.added.length, 'allow rule')} from ${r.files.join(', ')}.`
      : `Read ${r.files.join(', ') || 'nothing'}: no allow rules to add.`,
  ];
  if (r.skipped.length > 0)
    parts.push(
      `${plural(r.skipped.length, 'entry', 'entries')} left out (already a rule, or not for Gatehouse to take over).`,
    );
  if (r.errors.length > 0)
    parts.push(`Could not read ${plural(r.errors.length, 'entry', 'entries')}: ${r.errors[0]?.message}.`);
  return parts.join(' ');
}

export function Welcome() {
  const commands = useCommands();
  const settings = useSettings((s) => s.settings);
  const saving = useSettings((s) => s.saving);
  const [imported, setImported] = useState<Import>({ state: 'idle' });
  if (!settings || settings.welcomeDone) return null;
  const importRules = async () => {
    setImported({ state: 'importing' });
    try {
      setImported({ state: 'done', result: await commands.importAgentRules() });
    } catch (err) {
      setImported({ state: 'failed', error: messageOf(err) });
    }
  };
  return (
    <section className="panel welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Two things to set up first</h2>
      <p>
        Every shell command your agents want to run waits here for your decision. These two let the routine ones
        through; you can change both later.
      </p>
      <div className="offer">
        <h3>Allow low-risk commands without asking</h3>
        <p className="hint">
          Commands Gatehouse reads completely and rates low in every part (<code>ls</code>, <code>git status</code>,{' '}
          <code>cat README.md</code>) run at once. Medium, high and critical ones always wait for you.
        </p>
        {settings.autoAllowLowRisk ? (
          <p role="status">On: low-risk commands run without asking (the status line turns it off).</p>
        ) : (
          <button
            type="button"
            disabled={saving}
            onClick={() => void commands.updateSettings({ autoAllowLowRisk: true })}
          >
            Allow low risk without asking
          </button>
        )}
      </div>
      <div className="offer">
        <h3>Import the allow rules you gave Claude Code and Codex</h3>
        <p className="hint">
          Reads, never writes, <code>~/.claude/settings.json</code> and Codex&apos;s <code>.rules</code> files, and adds
          their allow rules as Gatehouse rules, leaving out any Gatehouse should not take over. The same as{' '}
          <code>gatehouse rules import</code>.
        </p>
        {imported.state === 'done' ? (
          <p role="status">
            {importSummary(imported.result)}{' '}
            {imported.result.added.length > 0 && (
              <a
                href="#rules"
                className="link"
                onClick={(e) => {
                  e.preventDefault();
                  useApp.getState().viewChosen('rules');
                }}
              >
                Show them in Rules
              </a>
            )}
          </p>
        ) : (
          <button type="button" disabled={imported.state === 'importing'} onClick={() => void importRules()}>
            {imported.state === 'importing' ? 'Importing…' : 'Import from Claude Code and Codex'}
          </button>
        )}
        {imported.state === 'failed' && (
          <p role="alert" className="send-error">
            Not imported: {imported.error}
          </p>
        )}
      </div>
      <button type="button" className="primary" onClick={() => void commands.updateSettings({ welcomeDone: true })}>
        Done
      </button>
    </section>
  );
}
