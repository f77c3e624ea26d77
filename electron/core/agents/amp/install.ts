// `gatehouse install amp`: Gatehouse's `delegate` rules added to `amp.permissions` in the person's user settings, every
// other byte of the file kept (key order, comments, spacing), and the delegate script beside it (Gatehouse's own file,
// the install service's `companion`). The rules go after a leading run of the person's `reject` rules (which only make
// it stricter) and before everything else: Amp's first matching rule decides. With Gatehouse down the delegate denies
// (exit 2, "start Gatehouse"), or, where the person chose `ask`, exits 1: Amp's own prompt.
import path from 'node:path';
import { printAnswer } from '../install/hook.ts';
import { indentAt, jsonTokens, tokenText, type JsonToken } from '../json-text.ts';
import { homeOf } from '../launch-checks.ts';
import { InstallError, type AgentInstaller, type InstalledHooks, type InstallEnv } from '../plugin.ts';
import { ampUserSettingsFile } from './checks.ts';
import { AMP_ASK_WHEN_DOWN, AMP_DELEGATE_MARK, ampDelegateSource } from './delegate-source.ts';
import { AMP_PATHS } from './protocol.ts';
import { AMP_GATED_TOOLS } from './wiring.ts';

/** The delegate script's file name; a settings file naming it has Gatehouse installed. */
const DELEGATE_NAME = 'gatehouse-amp-delegate';

export interface AmpInstallHooks {
  /** Where the delegate script is written (`ampInstallFiles().delegate`): the rules name it. */
  delegatePath: string;
}

/** What Amp is told when Gatehouse is not running and the person chose deny. */
export const AMP_CORE_DOWN =
  'Gatehouse is not running, so this tool call was not run. Start Gatehouse (`npm run daemon` or the app) and try again.';

/** The person's settings file an install edits, and the script it adds beside it. */
export function ampInstallFiles(env: NodeJS.ProcessEnv): { settings: string; delegate: string } {
  const settings = ampUserSettingsFile([], env, homeOf(env));
  return { settings, delegate: delegateBeside(settings) };
}

/** The delegate script's place: beside the settings file that names it. */
function delegateBeside(settingsFile: string): string {
  return path.join(path.dirname(settingsFile), DELEGATE_NAME);
}

/**
 * The delegate script's text, with the installed hook command: Amp puts no time limit on a delegate (none seen), so the
 * command's own `--max-time` bounds the wait; with Gatehouse down it prints the delegate's `deny: …` or `AMP_ASK_WHEN_DOWN`.
 */
export function ampDelegateScript(hooks: InstalledHooks): string {
  const fallback = printAnswer(hooks.whenCoreDown === 'ask' ? AMP_ASK_WHEN_DOWN : `deny: ${AMP_CORE_DOWN}`);
  return ampDelegateSource(hooks.command(AMP_PATHS.delegate, { blocking: true, fallback }));
}

export function isInstalled(text: string | null): boolean {
  return text !== null && text.includes(DELEGATE_NAME);
}

type Token = JsonToken;
const tokens = jsonTokens;
const at = tokenText;

function rulesText(hooks: AmpInstallHooks, indent: string): string[] {
  return AMP_GATED_TOOLS.map(
    (tool) => `${indent}${JSON.stringify({ tool, action: 'delegate', to: hooks.delegatePath })}`,
  );
}

/** The settings file's new text, with Gatehouse's rules in `amp.permissions`; unchanged when already installed. */
export function edit(before: string | null, hooks: AmpInstallHooks): { after: string; changes: string[] } {
  const tools = AMP_GATED_TOOLS.join(', ');
  const added = [
    `Adds ${AMP_GATED_TOOLS.length} rules to "amp.permissions" that hand each ${tools} call to Gatehouse's delegate (${hooks.delegatePath}) before your own allow and ask rules.`,
  ];
  if (before !== null && isInstalled(before)) return { after: before, changes: [] };
  if (before === null || before.trim() === '') {
    const after = `{\n  "amp.permissions": [\n${rulesText(hooks, '    ').join(',\n')}\n  ]\n}\n`;
    return { after, changes: added };
  }
  const toks = tokens(before);
  if (at(before, toks[0]) !== '{') throw new Error('the Amp settings file is not a JSON object: it was left as it is');
  const key = permissionsKey(before, toks);
  if (key !== null) {
    if (at(before, toks[key + 2]) !== '[')
      throw new Error('"amp.permissions" in the Amp settings file is not a list: it was left as it is');
    return { after: insertIntoList(before, toks, key + 2, hooks), changes: added };
  }
  // No rules yet: the key goes first in the object.
  const open = toks[0] as Token;
  const empty = at(before, toks[1]) === '}';
  const indent = `${indentAt(before, open.start)}  `;
  const entry = `\n${indent}"amp.permissions": [\n${rulesText(hooks, `${indent}  `).join(',\n')}\n${indent}]`;
  const after = `${before.slice(0, open.end)}${entry}${empty ? '\n' : ','}${before.slice(open.end)}`;
  return { after, changes: added };
}

/** The token index of the top-level key `"amp.permissions"`, or null. */
function permissionsKey(text: string, toks: Token[]): number | null {
  let depth = 0;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k] as Token;
    const s = at(text, t);
    if (s === '{' || s === '[') depth++;
    else if (s === '}' || s === ']') depth--;
    else if (depth === 1 && t.kind === 'string' && at(text, toks[k + 1]) === ':' && s === '"amp.permissions"') return k;
  }
  return null;
}

/** The elements (offsets) of the list whose `[` is `toks[open]`, and the token index of its `]`. */
function listElements(text: string, toks: Token[], open: number) {
  const elements: Array<{ start: number; end: number }> = [];
  let depth = 0;
  let first: number | null = null;
  let k = open + 1;
  for (; k < toks.length; k++) {
    const t = toks[k] as Token;
    const s = at(text, t);
    if (depth === 0 && (s === ']' || s === ',')) {
      if (first !== null) elements.push({ start: first, end: (toks[k - 1] as Token).end });
      first = null;
      if (s === ']') break;
      continue;
    }
    if (first === null) first = t.start;
    if (s === '{' || s === '[') depth++;
    else if (s === '}' || s === ']') depth--;
  }
  return { elements, close: k };
}

/** Inserts the rules into the list whose `[` is `toks[open]`, after its leading run of `reject` rules. */
function insertIntoList(text: string, toks: Token[], open: number, hooks: AmpInstallHooks): string {
  const bracket = toks[open] as Token;
  const indent = `${indentAt(text, bracket.start)}  `;
  const { elements } = listElements(text, toks, open);
  let leadingRejects = 0;
  for (const e of elements) {
    try {
      const rule = JSON.parse(text.slice(e.start, e.end)) as { action?: unknown };
      if (rule.action !== 'reject') break;
      leadingRejects++;
    } catch {
      break;
    }
  }
  const rules = rulesText(hooks, indent);
  if (leadingRejects > 0) {
    const last = elements[leadingRejects - 1] as { end: number };
    return `${text.slice(0, last.end)},\n${rules.join(',\n')}${text.slice(last.end)}`;
  }
  const tail = elements.length > 0 ? ',' : `\n${indent.slice(2)}`;
  return `${text.slice(0, bracket.end)}\n${rules.join(',\n')}${tail}${text.slice(bracket.end)}`;
}

/** The text with Gatehouse's delegate rules taken out of `amp.permissions`, one by one, the rest as it was. */
export function removeRules(text: string): { after: string; removed: number } {
  let after = text;
  let removed = 0;
  for (;;) {
    const toks = tokens(after);
    const key = permissionsKey(after, toks);
    if (key === null || at(after, toks[key + 2]) !== '[') return { after, removed };
    const open = key + 2;
    const { elements, close } = listElements(after, toks, open);
    const i = elements.findIndex((e) => after.slice(e.start, e.end).includes(DELEGATE_NAME));
    const e = elements[i];
    if (!e) return { after, removed };
    const prev = elements[i - 1];
    const next = elements[i + 1];
    // With its separator: from the end of the one before it, or up to the one after it, or the whole inside of the list.
    const [from, to] = prev
      ? [prev.end, e.end]
      : next
        ? [e.start, next.start]
        : [(toks[open] as Token).end, (toks[close] as Token).start];
    after = after.slice(0, from) + after.slice(to);
    removed++;
  }
}

export const ampInstaller: AgentInstaller = {
  file: (env: InstallEnv) => ampInstallFiles(env as NodeJS.ProcessEnv).settings,

  edit(before, hooks) {
    if (!hooks.file) throw new InstallError('the Amp settings file is not known, so the delegate cannot be placed');
    let made;
    try {
      made = edit(before, { delegatePath: delegateBeside(hooks.file) });
    } catch (err) {
      throw new InstallError((err as Error).message);
    }
    if (made.changes.length === 0) return made;
    const fallback =
      hooks.whenCoreDown === 'ask'
        ? "when Gatehouse is not running, the delegate hands the call to Amp's own prompt (exit 1); where nobody can answer it, Amp refuses it"
        : 'when Gatehouse is not running, the delegate refuses the call and says to start Gatehouse';
    return { after: made.after, changes: [...made.changes, fallback, 'keeps every other byte of the file'] };
  },

  remove(text) {
    const { after, removed } = removeRules(text);
    if (removed === 0) return { after: text, changes: [] };
    return { after, changes: [`takes out Gatehouse's ${removed} delegate rules; your own rules and settings stay`] };
  },

  isInstalled: (text) => isInstalled(text),

  companion: (file, hooks) => ({ path: delegateBeside(file), text: ampDelegateScript(hooks) }),
  isCompanion: (text) => text.includes(AMP_DELEGATE_MARK),
};
