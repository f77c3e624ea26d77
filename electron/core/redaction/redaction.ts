// Finds and replaces secrets in text before it is stored: recordings, request commands and payloads.
// The live view is never redacted; only what goes to disk is.
import { compileUserPattern } from '../../../shared/settings.ts';
import {
  BUILT_IN_RULES,
  PRIVATE_KEY_BEGIN,
  PRIVATE_KEY_BEGIN_NEEDS,
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

/**
 * Several rules scanned as one regular expression: `(?<r0>rule0)|(?<r1>rule1)|…`, each rule's `pre` and `post`
 * groups renamed to `r<i>pre` and `r<i>post`. One pass over the text instead of one per rule (measured on
 * `ls -la --color` output: 11 case-sensitive built-in rules 7.5 → 3.7 ms/MB, the two key-name rules 3.6 → 3.0, and
 * 1.6 tried only where their anchor points).
 * At a given start the first rule that matches wins, as it does among separate rules of equal length; the
 * built-in rules never match at the same start with different lengths (test/unit: combined equals separate).
 */
interface Scanner {
  pattern: RegExp;
  names: readonly string[];
  /** The group's shared anchor (see SecretRule.anchor), with the pattern made sticky to be tried where it points. */
  anchor?: { pattern: RegExp; reach: number; sticky: RegExp };
  /** A string every match contains (a rule scanned alone, see SecretRule.needs): text without it is skipped. */
  needs?: string;
  /**
   * An anchored scanner whose anchor this scanner's pattern also finds, as its last alternative `(?<anchor>…)`: one
   * pass over the text serves both (measured on `ls -la --color` output: 5.6 → 3.7 ms/MB for the two).
   */
  carries?: AnchoredScanner;
}

type AnchoredScanner = Scanner & { anchor: NonNullable<Scanner['anchor']> };
const isAnchored = (sc: Scanner): sc is AnchoredScanner => sc.anchor !== undefined;

/**
 * Built-in rules grouped by flags, each group one scanner; a rule marked `alone` is a scanner of its own. An anchored
 * group whose anchor has the flags of another group rides that group's pass.
 */
function combine(rules: readonly SecretRule[]): Scanner[] {
  const groups = new Map<string, SecretRule[]>();
  rules.forEach((rule, i) => {
    const key = rule.alone ? `alone ${i}` : rule.pattern.flags;
    groups.set(key, [...(groups.get(key) ?? []), rule]);
  });
  const scanners = [...groups.values()].map((group): Scanner => {
    const first = group[0] as SecretRule;
    const pattern =
      group.length === 1
        ? first.pattern
        : new RegExp(
            group.map((r, i) => `(?<r${i}>${r.pattern.source.replace(/\(\?<(pre|post)>/g, `(?<r${i}$1>`)})`).join('|'),
            first.pattern.flags,
          );
    const anchor = first.anchor && group.every((r) => r.anchor === first.anchor) ? first.anchor : undefined;
    return {
      pattern,
      names: group.map((r) => r.name),
      needs: group.length === 1 ? first.needs : undefined,
      anchor: anchor && { ...anchor, sticky: new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`) },
    };
  });
  const carried = scanners.find(isAnchored);
  const carrier =
    carried &&
    scanners.find(
      (sc) => !sc.anchor && !sc.needs && sc.names.length > 1 && sc.pattern.flags === carried.anchor.pattern.flags,
    );
  if (!carried || !carrier) return scanners;
  carrier.pattern = new RegExp(
    `${carrier.pattern.source}|(?<anchor>${carried.anchor.pattern.source})`,
    carrier.pattern.flags,
  );
  carrier.carries = carried;
  return scanners.filter((sc) => sc !== carried);
}

type Each = (m: RegExpExecArray, sc: Scanner) => void;

/**
 * An anchored scanner's matches, tried where each anchor hit allows, earliest first: every match contains a hit within
 * `reach` of its start, so no match is missed, and the first start that matches is the leftmost. Hits come in order;
 * one that overlaps the last (which the anchor's own global scan would step over) is ignored.
 */
class AnchorWalk {
  private readonly sc: AnchoredScanner;
  private readonly text: string;
  private readonly each: Each;
  /** Text before it belongs to a match already found. */
  private taken = 0;
  /** Where the anchor's own global scan would look next. */
  private next = 0;

  constructor(sc: AnchoredScanner, text: string, each: Each) {
    this.sc = sc;
    this.text = text;
    this.each = each;
  }

  hit(index: number, length: number): void {
    if (index < this.next) return;
    this.next = index + length;
    const { reach, sticky } = this.sc.anchor;
    for (let start = Math.max(this.taken, index - reach); start <= index; start++) {
      sticky.lastIndex = start;
      const m = sticky.exec(this.text);
      if (m === null || m[0].length === 0) continue;
      this.each(m, this.sc);
      this.taken = start + m[0].length;
      this.next = Math.max(this.next, this.taken);
      return;
    }
  }

  /** Every hit starting in `[from, to)`, by the anchor's own pattern. */
  hitsIn(from: number, to: number): void {
    const hits = this.sc.anchor.pattern;
    hits.lastIndex = Math.max(from, this.next);
    for (let hit = hits.exec(this.text); hit !== null && hit.index < to; hit = hits.exec(this.text)) {
      this.hit(hit.index, hit[0].length);
      hits.lastIndex = Math.max(hits.lastIndex, this.next);
    }
  }
}

/**
 * A scanner's matches, leftmost first and not overlapping, as its pattern's own global scan finds them; and those of
 * the anchored scanner it carries, as if scanned on their own. The carried anchor is the pattern's last alternative, so
 * the other rules match where they would without it; after an anchor hit the scan goes on from the next character,
 * and hits inside another rule's match are looked for there.
 */
function scan(sc: Scanner, text: string, each: Each): void {
  if (sc.needs !== undefined && !text.includes(sc.needs)) return;
  if (isAnchored(sc)) {
    new AnchorWalk(sc, text, each).hitsIn(0, text.length);
    return;
  }
  const walk = sc.carries && new AnchorWalk(sc.carries, text, each);
  const re = sc.pattern;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
    } else if (walk && m.groups?.anchor !== undefined) {
      walk.hit(m.index, m[0].length);
      re.lastIndex = m.index + 1;
    } else {
      each(m, sc);
      walk?.hitsIn(m.index, m.index + m[0].length);
    }
  }
}

const BUILT_IN_SCANNERS: readonly Scanner[] = combine(BUILT_IN_RULES);

export class Redactor {
  private scanners: readonly Scanner[] = BUILT_IN_SCANNERS;
  /** The user's patterns in force: another thread builds the same redactor from them. */
  userPatterns: readonly string[] = [];

  /** `userPatterns` come from settings and were checked there (they compile and do not match empty text). */
  constructor(userPatterns: readonly string[] = []) {
    this.setUserPatterns(userPatterns);
  }

  /**
   * The user's patterns changed in Settings: everything redacted from now on uses them, with no restart (streams read
   * the redactor at every piece of text).
   */
  setUserPatterns(userPatterns: readonly string[]): void {
    this.userPatterns = [...userPatterns];
    // User patterns are scanned one by one: they may use numbered groups or backreferences, which combining would shift.
    this.scanners = [
      ...BUILT_IN_SCANNERS,
      ...userPatterns.map((p) => ({ pattern: compileUserPattern(p), names: [USER_RULE_NAME] })),
    ];
  }

  /** Every secret in `text`, sorted and without overlaps (the earliest wins; then the longest; then the first rule). */
  find(text: string): SecretMatch[] {
    const found: SecretMatch[] = findPrivateKeys(text);
    for (const scanner of this.scanners) {
      scan(scanner, text, (m, sc) => {
        const names = sc.names;
        const start = m.index;
        const end = start + m[0].length;
        const groups = m.groups;
        let rule = 0;
        if (names.length > 1) while (groups?.[`r${rule}`] === undefined && rule < names.length - 1) rule++;
        const prefix = names.length > 1 ? `r${rule}` : '';
        const pre = groups?.[`${prefix}pre`]?.length ?? 0;
        const post = groups?.[`${prefix}post`]?.length ?? 0;
        found.push({
          name: names[rule] as string,
          start,
          end,
          secretStart: start + pre,
          secretEnd: end - post,
          unterminated: false,
        });
      });
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
  if (!text.includes(PRIVATE_KEY_BEGIN_NEEDS)) return found;
  const begin = PRIVATE_KEY_BEGIN;
  begin.lastIndex = 0;
  for (let m = begin.exec(text); m !== null; m = begin.exec(text)) {
    const end = PRIVATE_KEY_END;
    end.lastIndex = m.index + m[0].length;
    const close = end.exec(text);
    const stop = close ? close.index + close[0].length : text.length;
    found.push({
      name: PRIVATE_KEY_RULE_NAME,
      start: m.index,
      end: stop,
      secretStart: m.index,
      secretEnd: stop,
      unterminated: !close,
    });
    if (!close) break;
    begin.lastIndex = stop;
  }
  return found;
}
