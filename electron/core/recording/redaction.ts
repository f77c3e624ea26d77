// Finds and replaces secrets in text before it is stored: recordings, request commands and payloads.
// The live view is never redacted; only what goes to disk is.
import { compileUserPattern } from '../../../shared/settings.ts';
import {
  BUILT_IN_RULES,
  PRIVATE_KEY_BEGIN,
  PRIVATE_KEY_END,
  PRIVATE_KEY_RULE_NAME,
  type SecretRule,
} from './secret-rules.ts';

/** One secret found in a text. `[start, end)` is the whole match; `[secretStart, secretEnd)` the part replaced. */
export interface SecretMatch {
  name: string;
  start: number;
  end: number;
  secretStart: number;
  secretEnd: number;
  /** A private key whose END line is not in the text (yet). */
  unterminated: boolean;
}

export const placeholder = (name: string): string => `[REDACTED:${name}]`;
export const USER_RULE_NAME = 'custom';

export class Redactor {
  private readonly rules: readonly SecretRule[];

  /** `userPatterns` come from settings and were checked there (they compile and do not match empty text). */
  constructor(userPatterns: readonly string[] = []) {
    this.rules = [...BUILT_IN_RULES, ...userPatterns.map((p) => ({ name: USER_RULE_NAME, pattern: compileUserPattern(p) }))];
  }

  /** Every secret in `text`, sorted and without overlaps (the earliest wins; then the longest; then the first rule). */
  find(text: string): SecretMatch[] {
    const found: SecretMatch[] = findPrivateKeys(text);
    for (const rule of this.rules) {
      const re = rule.pattern;
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (end === start) {
          re.lastIndex++;
          continue;
        }
        const pre = m.groups?.pre?.length ?? 0;
        const post = m.groups?.post?.length ?? 0;
        found.push({ name: rule.name, start, end, secretStart: start + pre, secretEnd: end - post, unterminated: false });
      }
    }
    if (found.length <= 1) return found;
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: SecretMatch[] = [];
    let reach = -1;
    for (const m of found) {
      if (m.start < reach) continue;
      kept.push(m);
      reach = m.end;
    }
    return kept;
  }

  /** `text` with every secret replaced; an unterminated private key is redacted to the end. */
  redact(text: string): string {
    const matches = this.find(text);
    return matches.length === 0 ? text : applyMatches(text, matches, 0, text.length);
  }

  /** A copy of a JSON-like value with every string in it redacted (keys are kept). */
  redactDeep(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (Array.isArray(value)) return value.map((v) => this.redactDeep(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.redactDeep(v)]));
    }
    return value;
  }
}

/** Text between `from` and `to` with the secrets that lie inside it replaced. Matches must end by `to`. */
function applyMatches(text: string, matches: readonly SecretMatch[], from: number, to: number): string {
  let out = '';
  let pos = from;
  for (const m of matches) {
    if (m.end <= from || m.start >= to) continue;
    out += text.slice(pos, m.secretStart) + placeholder(m.name);
    pos = m.secretEnd;
  }
  return out + text.slice(pos, to);
}

function findPrivateKeys(text: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  const begin = PRIVATE_KEY_BEGIN;
  begin.lastIndex = 0;
  for (let m = begin.exec(text); m !== null; m = begin.exec(text)) {
    const end = PRIVATE_KEY_END;
    end.lastIndex = m.index + m[0].length;
    const close = end.exec(text);
    const stop = close ? close.index + close[0].length : text.length;
    found.push({ name: PRIVATE_KEY_RULE_NAME, start: m.index, end: stop, secretStart: m.index, secretEnd: stop, unterminated: !close });
    if (!close) break;
    begin.lastIndex = stop;
  }
  return found;
}
