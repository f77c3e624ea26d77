// What `gatehouse install amp` would change, as pure functions for the install service: Gatehouse's `delegate` rules
// added to `amp.permissions` in the person's user settings, every other byte of the file kept (key order, comments,
// spacing), and the delegate script beside it (Gatehouse's own file). The rules go after a leading run of the person's
// `reject` rules (which only make it stricter) and before everything else: Amp's first matching rule decides.
import path from 'node:path';
import { indentAt, jsonTokens, tokenText, type JsonToken } from '../json-text.ts';
import { homeOf } from '../launch-checks.ts';
import { ampUserSettingsFile } from './checks.ts';
import { ampDelegateSource } from './delegate-source.ts';
import { AMP_GATED_TOOLS } from './wiring.ts';

/** The delegate script's file name; a settings file naming it has Gatehouse installed. */
const DELEGATE_NAME = 'gatehouse-amp-delegate';

export interface AmpInstallHooks {
  /** Prints the gate's answer, or exits 2 (`blockingHookCommand`); run by the delegate script. */
  preToolCommand: string;
  /** Amp reports nothing after a call: unused. */
  eventCommand: string;
  /** Amp puts no time limit on a delegate (none seen): unused; the command's own `--max-time` bounds the wait. */
  timeoutS: number;
  /** Where the delegate script is written (`ampInstallFiles().delegate`): the rules name it. */
  delegatePath: string;
}

/** The person's settings file an install edits, and the script it adds beside it. */
export function ampInstallFiles(env: NodeJS.ProcessEnv): { settings: string; delegate: string } {
  const settings = ampUserSettingsFile([], env, homeOf(env));
  return { settings, delegate: path.join(path.dirname(settings), DELEGATE_NAME) };
}

/** The delegate script's text. */
export function ampDelegateScript(hooks: AmpInstallHooks): string {
  return ampDelegateSource(hooks.preToolCommand);
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
  let depth = 0;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k] as Token;
    const s = at(before, t);
    if (s === '{' || s === '[') depth++;
    else if (s === '}' || s === ']') depth--;
    else if (depth === 1 && t.kind === 'string' && at(before, toks[k + 1]) === ':' && s === '"amp.permissions"') {
      if (at(before, toks[k + 2]) !== '[')
        throw new Error('"amp.permissions" in the Amp settings file is not a list: it was left as it is');
      return { after: insertIntoList(before, toks, k + 2, hooks), changes: added };
    }
  }
  // No rules yet: the key goes first in the object.
  const open = toks[0] as Token;
  const empty = at(before, toks[1]) === '}';
  const indent = `${indentAt(before, open.start)}  `;
  const entry = `\n${indent}"amp.permissions": [\n${rulesText(hooks, `${indent}  `).join(',\n')}\n${indent}]`;
  const after = `${before.slice(0, open.end)}${entry}${empty ? '\n' : ','}${before.slice(open.end)}`;
  return { after, changes: added };
}

/** Inserts the rules into the list whose `[` is `toks[open]`, after its leading run of `reject` rules. */
function insertIntoList(text: string, toks: Token[], open: number, hooks: AmpInstallHooks): string {
  const bracket = toks[open] as Token;
  const indent = `${indentAt(text, bracket.start)}  `;
  // The list's elements: token ranges at depth 1 inside the list.
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
