// Learning past a payload: an agent trying its own app sends the same request again and again with another message
// in it (`curl -s -X POST https://app.example/api/chat -H 'Content-Type: application/json' -d '{"message":"hi"}'`), and
// an exact rule teaches nothing. For a curl request of this form the learner proposes the same request (method, URL,
// headers, in that order) with any literal JSON body, and nothing else: no other option, no body read from a file
// (`-d @.env`), no body made at run time (`$(…)`, `$VAR`), no second URL. Flags that change only what curl prints
// (`-s`, `-sS`, `-i`, `-v`, `-f`) may come and go right after `curl`; elsewhere they stay as approved. A body that is code for the server (GraphQL, SQL, JSON-RPC: the keys below) is not data, and
// gets the exact rule as before.
import type { RuleScope } from '../../../shared/rules.ts';
import type { Candidate } from './backtest.ts';
import { quoteWord } from './words.ts';

/** Flags that change only what curl prints (or its exit status): `-s`, `-sS`, `-fsS`, `--silent`, … */
const OUTPUT_FLAG = /^(?:-[sSfiv]{1,5}|--silent|--show-error|--fail|--include|--verbose)$/;
const OUTPUT_FLAGS_RE = String.raw`(?: (?:-[sSfiv]{1,5}|--silent|--show-error|--fail|--include|--verbose))*`;
/** Options kept as approved, with their value. */
const FIXED_VALUED = new Set(['-X', '--request', '-H', '--header']);
/** Options whose value is the body. */
const BODY_OPTIONS = new Set(['-d', '--data', '--data-raw', '--data-binary', '--json']);
/** Top-level keys of a body that is a program for the server, not data. */
const CODE_KEYS =
  /^(query|mutation|subscription|operationname|sql|statement|statements|command|commands|cmd|script|code|exec|eval|expression|jsonrpc|method|procedure)$/i;
/** Endpoints that run what they are sent. */
const CODE_ENDPOINT = /graphql|\/rpc\b|\/sql\b|\/query\b|\/exec|\/eval|\/command|\/run\b|\/admin\b/i;

/**
 * A literal body as the canonical text writes it, starting as JSON does (`{`, `[`): no expansion, no `@file`, no quote or
 * backslash inside (RE2). Its keys are checked when the rule is learned, not when it matches.
 */
const BODY = String.raw`(?:'[{[][^'$` + '`' + String.raw`\\]*')`;
const PLAIN = /^[^$`\\'\n]*$/;

const reEscape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, (c) => `\\${c}`);

function isJsonData(body: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  if (parsed === null || typeof parsed !== 'object') return false;
  const records = Array.isArray(parsed) ? parsed : [parsed];
  return records.every(
    (r) => r !== null && typeof r === 'object' && !Object.keys(r as object).some((k) => CODE_KEYS.test(k)),
  );
}

/** The rule for `words` with any literal JSON body in the body's place, and the sentence that says so; null when the form does not fit. */
export function payloadCandidate(
  words: readonly string[],
  scope: RuleScope,
): { candidate: Candidate; note: string } | null {
  if (words[0] !== 'curl') return null;
  const fixed: string[] = [];
  let url: string | null = null;
  let body = false;
  let i = 1;
  while (i < words.length && OUTPUT_FLAG.test(words[i] as string)) i++;
  for (; i < words.length; i++) {
    const w = words[i] as string;
    if (OUTPUT_FLAG.test(w)) {
      fixed.push(reEscape(w));
      continue;
    }
    if (FIXED_VALUED.has(w) || BODY_OPTIONS.has(w)) {
      const value = words[++i];
      if (value === undefined || !PLAIN.test(value) || value.startsWith('@')) return null;
      if (BODY_OPTIONS.has(w)) {
        if (body || !isJsonData(value)) return null;
        body = true;
        fixed.push(reEscape(quoteWord(w)), BODY);
      } else fixed.push(reEscape(quoteWord(w)), reEscape(quoteWord(value)));
      continue;
    }
    if (url !== null || !/^https?:\/\/[^\s'"$`\\@]+$/.test(w) || CODE_ENDPOINT.test(w)) return null;
    url = w;
    fixed.push(reEscape(quoteWord(w)));
  }
  if (!body || url === null) return null;
  const pattern = `curl${OUTPUT_FLAGS_RE}${fixed.map((f) => ` ${f}`).join('')}`;
  return {
    candidate: { effect: 'allow', kind: 'regex', pattern, scope },
    note: `\`curl … ${url} … <any JSON>\`: the same request to ${url} with any literal JSON body and nothing else added; a body read from a file or made when it runs is not covered`,
  };
}
