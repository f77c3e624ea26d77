// Settings → Agents: each agent Gatehouse can install into (`gatehouse install <agent>`), installed or not. Install shows
// the exact changes (which file, each change, where the backup is kept) and asks before writing; Uninstall puts the
// file back. What the installed hooks answer when Gatehouse is not running is a setting written into them.
import { useCallback, useEffect, useState } from 'react';
import type { AgentInstallStatus, InstallPlan } from '../../../shared/install.ts';
import type { Settings as SettingsValues } from '../../../shared/settings.ts';
import { useCommands } from '../../app/context.ts';
import { messageOf } from '../../app/messages.ts';

export function AgentSettings({
  settings,
  onSave,
}: {
  settings: SettingsValues;
  onSave: (patch: Partial<SettingsValues>) => void;
}) {
  const commands = useCommands();
  const [agents, setAgents] = useState<AgentInstallStatus[] | null>(null);
  const [plan, setPlan] = useState<InstallPlan | null>(null);
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      setAgents(await commands.listInstalls());
    } catch (err) {
      setSaid({ text: messageOf(err), error: true });
    }
  }, [commands]);
  useEffect(() => void reload(), [reload]);

  const act = async (what: () => Promise<string>) => {
    setBusy(true);
    try {
      setSaid({ text: await what(), error: false });
    } catch (err) {
      setSaid({ text: messageOf(err), error: true });
    } finally {
      setBusy(false);
      await reload();
    }
  };

  return (
    <fieldset aria-labelledby="agents-legend">
      <legend id="agents-legend">Agents</legend>
      <p className="hint">
        Installing wires an agent&apos;s own user settings to Gatehouse, so a plain <code>claude</code>,{' '}
        <code>codex</code> or any agent below started in any terminal is guarded too, not only{' '}
        <code>gatehouse run</code>.
      </p>
      {agents === null ? (
        <p className="hint">Looking…</p>
      ) : (
        <ul className="agent-installs">
          {agents.map((a) => (
            <li key={a.agent}>
              <strong>{a.name}</strong> <span>{statusWords(a)}</span>{' '}
              {a.installed ? (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void act(async () => (await commands.uninstall(a.agent)).message)}
                >
                  Uninstall
                </button>
              ) : (
                <button
                  type="button"
                  disabled={busy || a.problem !== null}
                  onClick={() =>
                    void commands
                      .planInstall(a.agent)
                      .then(setPlan, (err: unknown) => setSaid({ text: messageOf(err), error: true }))
                  }
                >
                  Install…
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {plan && (
        <div role="dialog" aria-label={`Install into ${plan.name}`} className="install-plan">
          <p>
            Gatehouse will change <code>{plan.file}</code>:
          </p>
          <ul>
            {plan.changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <p className="hint">
            The file as it is now is kept at <code>{plan.backup}</code>; Uninstall puts it back byte for byte.
          </p>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              const shown = plan;
              setPlan(null);
              void act(async () => {
                const done = await commands.install(shown);
                return [
                  `Installed: every new ${shown.name} session now asks Gatehouse first.`,
                  ...done.afterWrite,
                ].join(' ');
              });
            }}
          >
            Make these changes
          </button>{' '}
          <button type="button" onClick={() => setPlan(null)}>
            Cancel
          </button>
        </div>
      )}
      {said && (
        <p role={said.error ? 'alert' : 'status'} className={said.error ? 'send-error' : 'hint'}>
          {said.text}
        </p>
      )}
      <p className="hint">When Gatehouse is not running, an installed hook:</p>
      <label className="check">
        <input
          type="radio"
          name="when-core-down"
          checked={settings.whenCoreDown === 'ask'}
          onChange={() => onSave({ whenCoreDown: 'ask' })}
        />
        Lets the agent ask you itself where it can (headless runs are denied)
      </label>
      <label className="check">
        <input
          type="radio"
          name="when-core-down"
          checked={settings.whenCoreDown === 'deny'}
          onChange={() => onSave({ whenCoreDown: 'deny' })}
        />
        Denies every command
      </label>
      <p className="hint">Written into the hooks when they are installed: install again after changing it.</p>
    </fieldset>
  );
}

function statusWords(a: AgentInstallStatus): string {
  if (a.problem) return `cannot be installed here: ${a.problem}`;
  if (!a.installed)
    return a.installedAt ? `not installed: its hooks are gone from ${a.file ?? 'its settings'}` : 'not installed';
  const changed = a.matchesWritten === false ? ' (the file changed since; your edits are kept on uninstall)' : '';
  return `installed in ${a.file ?? 'its settings'}${changed}`;
}
