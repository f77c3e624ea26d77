// gatehouse install <agent> / gatehouse uninstall <agent>: the agent's own user settings wired to the gate, so a plain
// `claude` or `codex` goes through Gatehouse too. The changes are shown first (which file, what is added, where the
// backup is kept), then asked about (yes/no at a terminal; `--yes` for scripts), then made by the core, which keeps the
// backup and writes the audit entry (agents/install/service.ts). The file is the one THIS environment names (HOME,
// CLAUDE_CONFIG_DIR, CODEX_HOME), sent with the request.
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import type { InstallEnvInput, InstallPlan } from '../../../shared/install.ts';
import { CliError, withCore, type CliContext } from './context.ts';
import { refuseInsideSession } from './inside-session.ts';

const USAGE = {
  install: 'usage: gatehouse install <agent> [--yes]   (for example: gatehouse install claude)',
  uninstall: 'usage: gatehouse uninstall <agent>',
} as const;

/** The variables that say where an agent keeps its user settings, as this terminal has them. */
export function installEnv(env: NodeJS.ProcessEnv): InstallEnvInput {
  const keys = ['HOME', 'USERPROFILE', 'CLAUDE_CONFIG_DIR', 'CODEX_HOME', 'XDG_CONFIG_HOME'] as const;
  return Object.fromEntries(keys.filter((k) => env[k]).map((k) => [k, env[k]])) as InstallEnvInput;
}

function planText(plan: InstallPlan): string {
  return [
    `gatehouse install ${plan.agent} changes ${plan.file}:`,
    ...plan.changes.map((c) => `  - ${c}`),
    `The file as it is now is kept at ${plan.backup}; \`gatehouse uninstall ${plan.agent}\` puts it back byte for byte.`,
  ].join('\n');
}

/** Asks on the terminal; anything but y/yes is no. Without a terminal there is nobody to ask: no. */
async function ask(ctx: CliContext, question: string): Promise<boolean> {
  const stdin = ctx.stdin as NodeJS.ReadStream;
  if (!stdin.isTTY) return false;
  const rl = readline.createInterface({ input: stdin, output: process.stderr });
  try {
    const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

export async function installCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { yes: { type: 'boolean', short: 'y' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const [agent, ...extra] = positionals;
  if (!agent || extra.length > 0) throw new CliError(USAGE.install, 2);
  refuseInsideSession(ctx, `install Gatehouse into ${agent}`);
  const env = installEnv(ctx.env);
  return withCore(ctx, async (c) => {
    const plan = await c.api.planInstall({ agent, env });
    if (plan.alreadyInstalled) {
      ctx.out(`Gatehouse is already installed in ${plan.file}, exactly as it would write it now: nothing to do.`);
      return 0;
    }
    ctx.out(planText(plan));
    if (!values.yes && !(await ask(ctx, 'Make these changes? [y/N] '))) {
      ctx.err(
        (ctx.stdin as NodeJS.ReadStream).isTTY
          ? 'Nothing was changed.'
          : 'Nothing was changed: there is no terminal to ask on. Run it again with --yes to make these changes.',
      );
      return 1;
    }
    const done = await c.api.install({ agent, env, beforeSha256: plan.beforeSha256 });
    ctx.out(
      [
        `Installed: every new ${plan.name} session now asks Gatehouse before its commands run (sessions already running are not affected).`,
        ...done.afterWrite,
        `Undo with \`gatehouse uninstall ${agent}\`.`,
      ].join('\n'),
    );
    return 0;
  });
}

export async function uninstallCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, options: {}, allowPositionals: true, strict: true });
  const [agent, ...extra] = positionals;
  if (!agent || extra.length > 0) throw new CliError(USAGE.uninstall, 2);
  refuseInsideSession(ctx, `uninstall Gatehouse from ${agent}`);
  const done = await withCore(ctx, (c) => c.api.uninstall({ agent, env: installEnv(ctx.env) }));
  ctx.out(done.message.charAt(0).toUpperCase() + done.message.slice(1));
  return 0;
}
