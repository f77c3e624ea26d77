// The secret shapes Gatehouse redacts before anything is stored. Each rule's `(?<pre>…)` and `(?<post>…)`
// groups are kept as they are (the key name, the `=`, a URL's user); the rest of the match is the secret.

export interface SecretRule {
  /** Shown in the placeholder: `[REDACTED:<name>]`. */
  name: string;
  /** Global; matched against terminal text, so value classes stop at whitespace, quotes and control characters. */
  pattern: RegExp;
  /**
   * Scanned on its own rather than in one pass with the other rules of its flags (see redaction.ts): its first
   * character is common in terminal output, and trying every other rule there too made the combined pass slower
   * than the two apart (measured: 3.7 ms/MB without it, 6.3 with it, 0.6 for it alone).
   */
  alone?: true;
  /**
   * A string every match contains. A rule scanned `alone` is skipped on text without it: finding a rare character is
   * a native search (measured on `ls -la --color` output: 0.05 ms/MB for `@`, against 0.5 for the url-credentials scan).
   */
  needs?: string;
  /**
   * A cheaper pattern (global) that finds every place a match can be: each match contains a hit of it that starts at
   * most `reach` characters after the match does. The rule's own pattern is then tried only there. Rules scanned
   * together must share the same anchor object for the pass to use it.
   */
  anchor?: { pattern: RegExp; reach: number };
}

/** The first and last line of a PEM private key; whatever lies between them is the secret. */
export const PRIVATE_KEY_BEGIN = /-----BEGIN[A-Z0-9 ]{0,40} PRIVATE KEY-----/g;
/** What every BEGIN line contains: text without it is not scanned for one (a native search, ~0.05 ms/MB, against ~0.3). */
export const PRIVATE_KEY_BEGIN_NEEDS = ' PRIVATE KEY-----';
export const PRIVATE_KEY_END = /-----END[A-Z0-9 ]{0,40} PRIVATE KEY-----/g;
/** The longest END line PRIVATE_KEY_END accepts: how much of a swallowed key to keep to find an END split across chunks. */
export const PRIVATE_KEY_END_MAX_LENGTH = 80;
export const PRIVATE_KEY_RULE_NAME = 'private-key';
/**
 * The longest key block a stream drops while waiting for its END line (an 8192-bit RSA key in PEM is ~6.5 KB).
 * Past it, a BEGIN line was not a key being printed (a grep hit, a truncated file): recording goes on.
 */
export const PRIVATE_KEY_MAX_LENGTH = 16 * 1024;

/**
 * A word in either case, letter by letter (`[Kk][Ee][Yy]`): what `/i` matches for ASCII letters, written so that a
 * pattern can join a case-sensitive scan (see redaction.ts, where the key-name anchor rides the token rules' pass).
 */
const anyCase = (word: string): string => word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);

/** Characters a secret value never contains when it is printed: whitespace, quotes, separators, control characters. */
const VALUE = String.raw`[^\s"'\x60\x00-\x1f\x7f,;]`;
/** Key names that announce a secret in `name=value`, `name: value`, `"name": "value"` and `--name=value`. */
const SECRET_KEYS = String.raw`(?:password|passwd|passphrase|secret|token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|auth[_-]?token|client[_-]?secret|private[_-]?key)`;
/**
 * Every key name ends in one of these, followed by what comes after a key (a quote, `:` or `=`; or the blank after a
 * flag). A case-insensitive scan for the whole key list tries a dozen names at every a, c, p, s and t of the text;
 * this finds the few places worth trying (measured on `ls -la --color` output: 3.0 → 1.6 ms/MB). The longest name
 * before its ending (`client_`, `private_`) and a flag's `--` put a match's start at most 10 characters before it.
 */
const SECRET_KEY_ANCHOR = {
  pattern: new RegExp(
    String.raw`(?:${anyCase('pass')}(?:${anyCase('word')}|${anyCase('wd')}|${anyCase('phrase')})|${anyCase('secret')}|${anyCase('token')}|${anyCase('key')})(?=["']?[ \t]*[:=]|[ \t])`,
    'g',
  ),
  reach: 10,
};

/** Order matters only when two rules match the same text: the first wins (Anthropic before OpenAI). */
export const BUILT_IN_RULES: readonly SecretRule[] = [
  { name: 'aws-access-key', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}/g },
  { name: 'github-token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g },
  { name: 'npm-token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { name: 'slack-token', pattern: /\b(?:xox[abposre]-[A-Za-z0-9-]{10,250}|xapp-\d-[A-Za-z0-9-]{10,250})/g },
  { name: 'slack-webhook', pattern: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9_/-]{20,200}/g },
  { name: 'anthropic-key', pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}/g },
  { name: 'openai-key', pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g },
  { name: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}/g },
  { name: 'stripe-key', pattern: /\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,247}\b/g },
  { name: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  {
    name: 'url-credentials',
    pattern: new RegExp(String.raw`(?<pre>:\/\/[^\s:@/?#\x00-\x1f]{1,256}:)[^\s@/?#\x00-\x1f]{1,256}(?<post>@)`, 'g'),
    alone: true,
    needs: '@',
  },
  { name: 'bearer-token', pattern: /(?<pre>\b(?:Bearer|Basic)[ \t]+)[A-Za-z0-9._~+/-]{16,}=*/g },
  {
    name: 'secret-assignment',
    pattern: new RegExp(String.raw`(?<pre>${SECRET_KEYS}["']?[ \t]*[:=][ \t]*["']?)${VALUE}{1,512}`, 'gi'),
    anchor: SECRET_KEY_ANCHOR,
  },
  {
    name: 'secret-flag',
    pattern: new RegExp(String.raw`(?<pre>--${SECRET_KEYS}[ \t]+["']?)${VALUE}{1,512}`, 'gi'),
    anchor: SECRET_KEY_ANCHOR,
  },
];
