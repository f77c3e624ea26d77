// `gatehouse install codex`: Gatehouse's hooks in Codex's user config (`$CODEX_HOME/config.toml`, `~/.codex` by
// default), as one clearly marked block at the end of the file. Pure edits of the text: everything outside the block
// stays byte for byte (no TOML library that would reformat the person's file), and the block holds only tables of its
// own (`[[hooks.PreToolUse]]` and the like append to the arrays whatever else the file defines), so it is valid TOML
// after any file that is. Codex runs a config hook only once its trust is recorded (`[hooks.state."<key>"]
// trusted_hash`, keyed by file, event and position): `hook-trust.ts` asks Codex for the hashes after the write.
import path from 'node:path';
import { agentConfigDirs } from '../../risk/index.ts';
import { printAnswer } from '../install/hook.ts';
import {
  InstallError,
  type AgentInstaller,
  type InstallEdit,
  type InstalledHooks,
  type InstallEnv,
} from '../plugin.ts';
import { CODEX_FILE_TOOLS } from './file-tools.ts';
import { codexHookTrust } from './hook-trust.ts';
import { CODEX_PATHS } from './protocol.ts';

export const CODEX_BLOCK_START =
  '# >>> Gatehouse: `gatehouse install codex` wrote this block; `gatehouse uninstall codex` takes it out >>>';
export const CODEX_BLOCK_END = '# <<< Gatehouse <<<';

/** What Codex's model is told when Gatehouse is not running (Codex adds the full stop). */
export const CODEX_CORE_DOWN =
  'Gatehouse is not running, so this command was not run. Start Gatehouse (`npm run daemon` or the app) and try again';

/** TOML basic strings accept JSON's escapes, so a JSON string literal is a valid TOML one. */
const toml = (s: string): string => JSON.stringify(s);
const OBSERVER_TIMEOUT_S = 10;
const GATED = ['Bash', ...CODEX_FILE_TOOLS];

/**
 * Codex's PreToolUse takes only deny, so with Gatehouse down the command is denied, with the reason. Its
 * PermissionRequest (its own approval prompt) is left to Codex when `whenCoreDown` is ask: no output asks the person.
 */
function coreDownDeny(event: 'PreToolUse' | 'PermissionRequest'): string {
  if (event === 'PreToolUse')
    return printAnswer(
      JSON.stringify({
        hookSpecificOutput: {
          hookEventName: 'PreToolUse',
          permissionDecision: 'deny',
          permissionDecisionReason: CODEX_CORE_DOWN,
        },
      }),
    );
  return printAnswer(
    JSON.stringify({
      hookSpecificOutput: {
        hookEventName: 'PermissionRequest',
        decision: { behavior: 'deny', message: CODEX_CORE_DOWN },
      },
    }),
  );
}

function group(event: string, matcher: string | null, command: string, timeoutS: number): string {
  return [
    `[[hooks.${event}]]`,
    ...(matcher === null ? [] : [`matcher = ${toml(matcher)}`]),
    `[[hooks.${event}.hooks]]`,
    'type = "command"',
    `command = ${toml(command)}`,
    `timeout = ${timeoutS}`,
  ].join('\n');
}

/** The hooks part of the block (without the trust lines `hook-trust.ts` adds). */
function hooksPart(hooks: InstalledHooks): string {
  const pre = hooks.command(CODEX_PATHS.preToolUse, { blocking: true, fallback: coreDownDeny('PreToolUse') });
  const permission = hooks.command(CODEX_PATHS.permissionRequest, {
    blocking: true,
    fallback: hooks.whenCoreDown === 'ask' ? 'exit 0' : coreDownDeny('PermissionRequest'),
  });
  const post = hooks.command(CODEX_PATHS.postToolUse, { blocking: false });
  const stop = hooks.command(CODEX_PATHS.stop, { blocking: false });
  return [
    ...GATED.map((m) => group('PreToolUse', m, pre, hooks.hookTimeoutS)),
    group('PermissionRequest', 'Bash', permission, hooks.hookTimeoutS),
    ...GATED.map((m) => group('PostToolUse', m, post, OBSERVER_TIMEOUT_S)),
    group('Stop', null, stop, OBSERVER_TIMEOUT_S),
  ].join('\n\n');
}

interface Split {
  /** The text before the block, as it is. */
  head: string;
  /** The block's inside (between the marker lines), or null when there is none. */
  block: string | null;
  /** The text after the block, as it is. */
  tail: string;
}

function split(text: string): Split {
  const start = text.indexOf(CODEX_BLOCK_START);
  if (start < 0) return { head: text, block: null, tail: '' };
  const end = text.indexOf(CODEX_BLOCK_END, start);
  if (end < 0)
    throw new InstallError(
      `config.toml has the start of Gatehouse's block but not its end ("${CODEX_BLOCK_END}"); put the line back or remove the block, then try again`,
    );
  const inside = text
    .slice(start + CODEX_BLOCK_START.length, end)
    .replace(/^\r?\n/, '')
    .replace(/\r?\n$/, '');
  const after = text.slice(end + CODEX_BLOCK_END.length).replace(/^\r?\n/, '');
  return { head: text.slice(0, start), block: inside, tail: after };
}

const TRUST_LINES = /^\[hooks\.state\.[^\n]*\]\ntrusted_hash = [^\n]*$/gm;

/** The trust lines of a block (`[hooks.state."…"]` and its `trusted_hash`), in order. */
function trustLines(block: string): string[] {
  return block.match(TRUST_LINES) ?? [];
}

function withoutTrust(block: string): string {
  return block
    .replace(TRUST_LINES, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Forms of the person's own that our tables would clash with: `hooks.PreToolUse = […]` (or `state`, …) as a plain
 * value, or a `hooks = {…}` inline table. TOML then refuses the whole file, so Codex would not start: refused here.
 */
const CLASH = /^\s*(?:hooks\s*=|hooks\.(?:PreToolUse|PermissionRequest|PostToolUse|Stop|state)\s*=)/m;
const HOOKS_TABLE_CLASH = /^\s*\[hooks\]\s*$[\s\S]*?^\s*(?:PreToolUse|PermissionRequest|PostToolUse|Stop|state)\s*=/m;

function assemble(s: Split, block: string): string {
  const framed = `${CODEX_BLOCK_START}\n${block}\n${CODEX_BLOCK_END}\n`;
  if (s.block !== null) return `${s.head}${framed}${s.tail}`;
  if (s.head === '') return framed;
  return `${s.head}${s.head.endsWith('\n') ? '' : '\n'}\n${framed}`;
}

export const codexInstaller: AgentInstaller = {
  file: (env: InstallEnv) => {
    const home = env.HOME || env.USERPROFILE;
    if (!home) throw new InstallError('no HOME in the environment, so the Codex config file cannot be found');
    return path.join(agentConfigDirs(env, home, home).codex, 'config.toml');
  },

  edit(before, hooks): InstallEdit {
    const s = split(before ?? '');
    const outside = s.head + s.tail;
    if (CLASH.test(outside) || HOOKS_TABLE_CLASH.test(outside))
      throw new InstallError(
        'config.toml sets hooks as a plain value (`hooks.PreToolUse = […]` or an inline `hooks = {…}`), which Gatehouse cannot add to without rewriting it; write them as `[[hooks.PreToolUse]]` tables (or move them to hooks.json), then install again',
      );
    const ours = hooksPart(hooks);
    // The same hooks keep their trust lines: Codex's hashes still hold, and installing twice changes nothing.
    const kept = s.block !== null && withoutTrust(s.block) === ours ? trustLines(s.block) : [];
    const after = assemble(s, [ours, ...kept].join('\n\n'));
    if (before !== null && after === before) return { after, changes: [] };
    const changes = [
      before === null ? 'creates the file (there is none yet)' : null,
      s.block !== null
        ? "replaces Gatehouse's block already there with the one below"
        : 'adds one block at the end of the file, between two marked comment lines; nothing above it changes',
      `adds PreToolUse hooks for ${GATED.join(' and ')} and a PermissionRequest hook: Codex asks Gatehouse before each command or patch, in every session`,
      'adds PostToolUse and Stop hooks that tell Gatehouse what ran (they never block)',
      "records Codex's trust in these hooks (the hashes `codex app-server` reports), so they run with no `--dangerously-bypass-hook-trust` and no prompt",
      'when Gatehouse is not running, the hook denies the command and says to start Gatehouse',
    ];
    return { after, changes: changes.filter((c): c is string => c !== null) };
  },

  remove(text): InstallEdit {
    const s = split(text);
    if (s.block === null) return { after: text, changes: [] };
    // The blank line put before the block goes with it.
    const head = s.head.endsWith('\n\n') ? s.head.slice(0, -1) : s.head;
    return { after: head + s.tail, changes: ["takes out Gatehouse's block; everything else in the file stays"] };
  },

  isInstalled: (text) => text.includes(CODEX_BLOCK_START),

  async afterWrite(file, text, env) {
    const trust = await codexHookTrust(file, env);
    if ('error' in trust)
      return {
        notes: [
          `Codex could not be asked to trust the hooks (${trust.error}): until it does, Codex does not run them. Start \`codex\` once and trust them at its prompt, or run \`gatehouse install codex\` again.`,
        ],
        after: null,
      };
    const s = split(text);
    if (s.block === null) return { notes: [], after: null };
    const lines = trust.hooks.map((h) => `[hooks.state.${toml(h.key)}]\ntrusted_hash = ${toml(h.hash)}`);
    const after = assemble(s, [withoutTrust(s.block), ...lines].join('\n\n'));
    return { notes: [`Codex trusts the ${lines.length} hooks (recorded in the block).`], after };
  },
};
