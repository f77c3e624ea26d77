// The Redactor: each built-in rule finds its secret and keeps the text around it; the rules run as one scan that
// finds what they find separately, and text lacking what every match contains is skipped.
import { describe, expect, it } from 'vitest';
import { Redactor, type SecretMatch } from '../../../../electron/core/redaction/redaction.ts';
import {
  BUILT_IN_RULES,
  PRIVATE_KEY_BEGIN,
  PRIVATE_KEY_BEGIN_NEEDS,
} from '../../../../electron/core/redaction/secret-rules.ts';
import { SECRET_SAMPLES } from '../../../support/secrets.ts';
import { capturedProgramOutput } from '../../../support/terminal-streams.ts';

const redactor = new Redactor();

describe('Redactor', () => {
  it.each(SECRET_SAMPLES.map((s) => [s.rule, s] as const))(
    'redacts %s and keeps the text around it',
    (rule, sample) => {
      const out = redactor.redact(sample.text);
      expect(out).not.toContain(sample.secret);
      expect(out).toContain(`[REDACTED:${rule}]`);
      const [before] = sample.text.split(sample.secret);
      expect(out.startsWith((before ?? '').slice(0, 4))).toBe(true);
    },
  );

  it('keeps the key names, quotes and URL users that announce a secret', () => {
    expect(redactor.redact('password=hunter2hunter2 next')).toBe('password=[REDACTED:secret-assignment] next');
    expect(redactor.redact('{"token": "abc123"}')).toBe('{"token": "[REDACTED:secret-assignment]"}');
    expect(redactor.redact('https://bob:pa55@host/x')).toBe('https://bob:[REDACTED:url-credentials]@host/x');
    expect(redactor.redact('Authorization: Bearer abcdefghijklmnopqrstuvwxyz')).toBe(
      'Authorization: Bearer [REDACTED:bearer-token]',
    );
  });

  it('redacts a private key that never ends, to the end of the text', () => {
    const out = redactor.redact('key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow...');
    expect(out).toBe('key:\n[REDACTED:private-key]');
  });

  it('leaves ordinary terminal output alone, escape sequences included', () => {
    const output = capturedProgramOutput();
    expect(redactor.redact(output)).toBe(output);
    expect(redactor.redact('Tokens: 1.2k in, 300 out; token usage 5%; password: \r\nnext')).toBe(
      'Tokens: 1.2k in, 300 out; token usage 5%; password: \r\nnext',
    );
  });

  it('does not let a value run into the escape sequence after it', () => {
    expect(redactor.redact('password=abc\x1b[0m rest')).toBe('password=[REDACTED:secret-assignment]\x1b[0m rest');
  });

  it('adds the user patterns from settings, with (?i) for case-insensitive ones', () => {
    const custom = new Redactor(['ACME-[0-9]{6}', '(?i)internal-[a-z]+']);
    expect(custom.redact('ticket ACME-123456 and INTERNAL-Build')).toBe(
      'ticket [REDACTED:custom] and [REDACTED:custom]',
    );
    expect(redactor.redact('ticket ACME-123456')).toBe('ticket ACME-123456');
  });

  it('redacts every string inside a JSON value and keeps its shape', () => {
    const payload = {
      tool_input: { command: 'export T=ghp_' + 'a'.repeat(36) },
      list: ['password=x1', 3, null],
      ok: true,
    };
    expect(redactor.redactDeep(payload)).toEqual({
      tool_input: { command: 'export T=[REDACTED:github-token]' },
      list: ['password=[REDACTED:secret-assignment]', 3, null],
      ok: true,
    });
  });
});

/** The built-in rules run one at a time, as the redactor did before it combined them (private keys left out). */
function separately(text: string): Omit<SecretMatch, 'unterminated'>[] {
  const found: Omit<SecretMatch, 'unterminated'>[] = [];
  for (const rule of BUILT_IN_RULES) {
    const re = new RegExp(rule.pattern.source, rule.pattern.flags);
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      found.push({
        name: rule.name,
        start,
        end,
        secretStart: start + (m.groups?.pre?.length ?? 0),
        secretEnd: end - (m.groups?.post?.length ?? 0),
      });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  let reach = -1;
  return found.filter((m) => (m.start < reach ? false : ((reach = m.end), true)));
}

describe('Redactor: rules combined into one scan', () => {
  it('finds exactly what the rules find one at a time, on every sample, side by side and run together', () => {
    const texts = [
      ...SECRET_SAMPLES.filter((s) => s.rule !== 'private-key').map((s) => s.text),
      SECRET_SAMPLES.filter((s) => s.rule !== 'private-key')
        .map((s) => s.text)
        .join(' '),
      SECRET_SAMPLES.filter((s) => s.rule !== 'private-key')
        .map((s) => s.secret)
        .join(''),
      `Authorization: Bearer eyJ${'a'.repeat(20)}.eyJ${'b'.repeat(20)}.${'c'.repeat(20)} sk-ant-${'x'.repeat(30)} sk-${'y'.repeat(30)}`,
      `https://u:sk-${'z'.repeat(24)}@host --token ghp_${'q'.repeat(36)} api_key="AKIA${'Q'.repeat(16)}"`,
      // Key names: within longer words, one inside another, flags and assignments side by side, values that never come.
      'DB_PASSWORD=x1 mysecret_key=abc secret_token=z apikey:1 "auth_token": "t0k" CLIENT_SECRET = y passwordkey=q',
      '--password foo --api-key\tval --Token=v --secret "quoted" --passphrase\t\t"x y"',
      'password: \r\n token=abc key: \r\npasswd=; token = ,secret:=v private-key: pk access_key\t:\tak',
      `token: key: v ${'secret '.repeat(30)}password=${'p'.repeat(600)} end`,
      // Key names inside a token's match (the anchor rides the token rules' pass), next to one, and overlapping.
      `sk-${'a'.repeat(20)}token=${'f'.repeat(20)}:password=bar sk-${'a'.repeat(20)}token=secretvalue AKIA${'A'.repeat(12)}TOKEN=x Bearer ${'t'.repeat(20)}key: value`,
      `xoxb-${'1'.repeat(12)}-password: hunter2 ghp_${'k'.repeat(36)}_secret=1 eyJ${'a'.repeat(9)}.eyJ${'b'.repeat(9)}.${'c'.repeat(9)}key=z`,
      'keykey: v token token=1 PassWord = two SECRET\t"x" --TOKEN\tval key',
      capturedProgramOutput().slice(0, 50_000),
    ];
    for (const text of texts) {
      const combined = redactor
        .find(text)
        .map((m) => ({ name: m.name, start: m.start, end: m.end, secretStart: m.secretStart, secretEnd: m.secretEnd }));
      expect(combined, text.slice(0, 60)).toEqual(separately(text));
    }
  });
});

describe('Redactor: text skipped for lacking what every match contains', () => {
  it('skips only text in which no match can be', () => {
    const texts = [
      ...SECRET_SAMPLES.map((s) => s.text),
      SECRET_SAMPLES.map((s) => s.text).join('\n'),
      capturedProgramOutput().slice(0, 50_000),
    ];
    const rules = BUILT_IN_RULES.filter((r) => r.needs !== undefined);
    expect(rules.map((r) => r.name)).toEqual(['url-credentials']);
    for (const rule of rules) {
      const matches = texts.flatMap((t) =>
        [...t.matchAll(new RegExp(rule.pattern.source, rule.pattern.flags))].map((m) => m[0]),
      );
      expect(matches.length, rule.name).toBeGreaterThan(0);
      for (const m of matches) expect(m, rule.name).toContain(rule.needs);
    }
    expect(PRIVATE_KEY_BEGIN.source).toContain(PRIVATE_KEY_BEGIN_NEEDS);
    // With and without what the rule needs, side by side.
    expect(redactor.redact('git clone https://me:hunter2hunter2@example.com/r.git and no at sign here')).toBe(
      'git clone https://me:[REDACTED:url-credentials]@example.com/r.git and no at sign here',
    );
    expect(redactor.redact('see https://example.com:8443/path?q=1 for details')).toBe(
      'see https://example.com:8443/path?q=1 for details',
    );
  });
});
