// Gatehouse itself and the agents it reviews. An agent must not decide, reconfigure or stop its own
// review, however the gatehouse program is reached; an agent starting another agent with its checks
// turned off is as bad as turning off Gatehouse.
import { S } from '../types.ts';
import { finding, operands, subcommand, word, type Rule } from './util.ts';

/** The gatehouse command, run by name or by its script's path (`bin/gatehouse.mjs`, `dist/core/gatehouse.mjs`). */
export const GATEHOUSE_SCRIPT = /(^|[\\/])gatehouse(\.(m?js|cjs|ts|exe))?$/i;
const SAFE_SUBCOMMANDS = /^(score|doctor|--version|-v|version|help|--help|-h|)$/;

const gatehouse: Rule = ({ args }) => {
  const { sub } = subcommand(args);
  if (SAFE_SUBCOMMANDS.test(sub)) return [finding('read-only', S.readOnly, `gatehouse ${sub}`)];
  return [
    finding('self-protection', S.catastrophic, `runs gatehouse ${sub}: an agent deciding or changing its own review`),
  ];
};

/** `node path/to/gatehouse.mjs decide …`: the interpreter runs gatehouse. */
const runsGatehouse: Rule = (input) => {
  const script = operands(input.args, ['-r', '--require', '--import', '--loader', '-e', '--eval'])[0];
  if (!script || !GATEHOUSE_SCRIPT.test(script.text)) return [];
  return input.nested(
    [word('gatehouse'), ...input.args.slice(input.args.indexOf(script) + 1)],
    `${input.prog} ${script.text}`,
  );
};

/** Stopping Gatehouse by name. */
const stopsGatehouse: Rule = ({ args }) =>
  args.some((w) => /gatehouse/i.test(w.text)) ? [finding('self-protection', S.catastrophic, 'stops Gatehouse')] : [];

/** Flags that turn an agent's own permission checks, sandbox or hooks off. */
const CHECKS_OFF: Record<string, RegExp> = {
  claude:
    /^--(dangerously-skip-permissions|allow-dangerously-skip-permissions)$|^--permission-mode(=|$)bypassPermissions$|^bypassPermissions$/,
  codex:
    /^--(dangerously-bypass-approvals-and-sandbox|yolo)$|^danger-full-access$|^--sandbox=danger-full-access$|sandbox_mode=["']?danger-full-access|approval_policy=["']?never/,
  gemini: /^(-y|--yolo|--approval-mode=yolo)$/,
  aider: /^--yes-always$/,
  amp: /^--dangerously-allow-all$/,
  'cursor-agent': /^(-f|--force)$/,
  qwen: /^(-y|--yolo)$/,
  goose: /^--no-confirm$/,
  opencode: /^--dangerously-skip-permissions$/,
  // GitHub Copilot CLI: every tool, or every shell command, allowed without asking.
  copilot: /^--(allow-all-tools|allow-all|yolo)$|^--allow-tool(=|$)/,
};
/** Hooks emptied or disabled (where Gatehouse's own interception lives). */
const HOOKS_OFF = /hooks(\.\w+)?\s*=\s*(\[\s*\]|\{\s*\})|"?disableAllHooks"?\s*[:=]\s*true|"hooks"\s*:\s*\{\s*\}/i;

/** The same agents under their package names (`npx @anthropic-ai/claude-code`, `npx @google/gemini-cli`). */
const PACKAGE_NAMES: Record<string, string> = {
  'claude-code': 'claude',
  'gemini-cli': 'gemini',
  'qwen-code': 'qwen',
  'opencode-ai': 'opencode',
  'cursor-cli': 'cursor-agent',
};
/** Subcommands that look after the agent itself and start no session that runs commands. */
const SELF_CARE =
  /^(doctor|update|upgrade|install|migrate-installer|login|logout|auth|completion|completions|version|help|status|features)$/;

/**
 * An agent started from an agent's shell runs outside Gatehouse: `gatehouse run` wires an agent through a
 * settings layer of its own, and a nested `claude -p …` or `codex exec …` starts without it, so whatever that
 * agent runs is never shown to anyone.
 */
const agent: Rule = ({ prog: named, args }) => {
  const prog = PACKAGE_NAMES[named] ?? named;
  const words = args.map((w) => w.text);
  const off = words.find(
    (w, i) =>
      CHECKS_OFF[prog]?.test(w) ||
      (w === '--permission-mode' && words[i + 1] === 'bypassPermissions') ||
      (/^(-s|--sandbox)$/.test(w) && words[i + 1] === 'danger-full-access'),
  );
  if (off)
    return [
      finding(
        'self-protection',
        S.catastrophic - 5,
        `starts ${prog} with its own checks turned off (${off}), so nothing it runs is reviewed`,
      ),
    ];
  const hooksOff = words.find((w) => HOOKS_OFF.test(w));
  if (hooksOff)
    return [
      finding(
        'self-protection',
        S.catastrophic - 5,
        `starts ${prog} with its hooks emptied (${hooksOff}): Gatehouse would not see its commands`,
      ),
    ];
  if (words.includes('--dangerously-bypass-hook-trust'))
    return [finding('self-protection', S.high, `starts ${prog} trusting hooks nobody approved`)];
  const { sub } = subcommand(args);
  const verb = operands(args)[1]?.text ?? '';
  // An MCP server, plugin or extension is a program the agent starts by itself later, outside any hook.
  if (
    /^(mcp|plugin|plugins|extensions?)$/.test(sub) &&
    /^(add|add-json|add-from-claude-desktop|install|link|enable|marketplace)$/.test(verb)
  )
    return [
      finding(
        'self-protection',
        S.high,
        `${prog} ${sub} ${verb}: adds a program the agent starts by itself later (an MCP server, plugin or extension); what it runs is not shown to you`,
      ),
    ];
  if (/^(mcp|plugin|plugins|config|extensions?)$/.test(sub))
    return [
      finding(
        'system-config',
        S.notable,
        `${prog} ${sub} ${operands(args)[1]?.text ?? ''}: changes which tools the agent may run`,
      ),
    ];
  // Only as the first word: `claude -p update` is a prompt.
  if (SELF_CARE.test(args[0]?.text ?? ''))
    return [finding('system-config', 35, `${prog} ${sub}: looks after the agent itself`)];
  if (words.some((w) => /^--(settings|config|mcp-config|add-dir)(=|$)|^-c$/.test(w)))
    return [
      finding(
        'self-protection',
        S.high,
        `starts an agent that Gatehouse does not watch (${prog}), with other settings or tools than usual`,
      ),
    ];
  return [
    finding(
      'self-protection',
      S.elevated,
      `starts an agent that Gatehouse does not watch (${prog}): nothing it runs is shown to you`,
    ),
  ];
};

export const AGENT_RULES: Record<string, Rule> = {
  gatehouse,
  'gatehouse.mjs': gatehouse,
  'gatehouse.js': gatehouse,
  'gatehouse.cjs': gatehouse,
  'gatehouse.ts': gatehouse,
  ...Object.fromEntries(['node', 'nodejs', 'bun', 'deno', 'tsx', 'ts-node'].map((p) => [p, runsGatehouse])),
  pkill: stopsGatehouse,
  killall: stopsGatehouse,
  // `kill $(pgrep -f gatehouse)`: the pid is found by name at run time.
  kill: stopsGatehouse,
  ...Object.fromEntries([...Object.keys(CHECKS_OFF), ...Object.keys(PACKAGE_NAMES)].map((p) => [p, agent])),
};
