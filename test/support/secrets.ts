// Fake secrets in each shape Gatehouse redacts. Built from pieces so no scanner mistakes this file for a leak.
const alnum = (n: number, seed = 7): string => {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < n; i++) s += chars[(i * seed + 11) % chars.length];
  return s;
};

export interface SecretSample {
  /** The rule expected to redact it. */
  rule: string;
  /** Text as it would be printed, secret included. */
  text: string;
  /** The part that must never be stored. */
  secret: string;
}

const pem = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  ...Array.from({ length: 12 }, (_, i) => alnum(70, i + 3)),
  '-----END OPENSSH PRIVATE KEY-----',
].join('\r\n');

export const SECRET_SAMPLES: readonly SecretSample[] = [
  {
    rule: 'aws-access-key',
    secret: 'AKIA' + 'IOSFODNN7EXAMPLE',
    text: 'export AWS_ACCESS_KEY_ID=AKIA' + 'IOSFODNN7EXAMPLE',
  },
  { rule: 'github-token', secret: 'ghp_' + alnum(36), text: 'remote: using ghp_' + alnum(36) + ' for push' },
  {
    rule: 'github-token',
    secret: 'github_pat_' + alnum(22) + '_' + alnum(59, 5),
    text: 'GH=github_pat_' + alnum(22) + '_' + alnum(59, 5),
  },
  { rule: 'github-token', secret: 'gho_' + alnum(36, 3), text: 'oauth gho_' + alnum(36, 3) },
  { rule: 'npm-token', secret: 'npm_' + alnum(36, 5), text: 'publishing with npm_' + alnum(36, 5) + ' now' },
  {
    rule: 'slack-token',
    secret: 'xoxb-' + '123456789012-1234567890123-' + alnum(24),
    text: 'SLACK xoxb-' + '123456789012-1234567890123-' + alnum(24) + ' ok',
  },
  {
    rule: 'anthropic-key',
    secret: 'sk-ant-' + 'api03-' + alnum(80, 9),
    text: 'ANTHROPIC_API_KEY is sk-ant-' + 'api03-' + alnum(80, 9),
  },
  {
    rule: 'openai-key',
    secret: 'sk-' + 'proj-' + alnum(48, 13),
    text: 'using key sk-' + 'proj-' + alnum(48, 13) + '\r\n',
  },
  { rule: 'google-api-key', secret: 'AIza' + alnum(35, 17), text: 'maps key: AIza' + alnum(35, 17) + ' (browser)' },
  { rule: 'stripe-key', secret: 'sk_' + 'live_' + alnum(24, 19), text: 'stripe sk_' + 'live_' + alnum(24, 19) },
  {
    rule: 'jwt',
    secret: 'eyJ' + 'hbGciOiJIUzI1NiJ9.eyJ' + 'zdWIiOiIxMjM0NTY3ODkwIn0.' + alnum(43, 23),
    text: 'cookie session=eyJ' + 'hbGciOiJIUzI1NiJ9.eyJ' + 'zdWIiOiIxMjM0NTY3ODkwIn0.' + alnum(43, 23) + '; Path=/',
  },
  { rule: 'private-key', secret: alnum(70, 5), text: `$ cat ~/.ssh/id_ed25519\r\n${pem}\r\n$ ` },
  { rule: 'secret-assignment', secret: 'hunter2hunter2', text: 'mysql -u root password=hunter2hunter2 db' },
  { rule: 'secret-assignment', secret: 'c0rrect-h0rse', text: '{"name": "x", "token": "c0rrect-h0rse"}' },
  { rule: 'secret-assignment', secret: 's3cr3tvalue', text: 'DB_SECRET: s3cr3tvalue\r\n' },
  { rule: 'secret-flag', secret: 'Tr0ub4dor', text: 'login --password Tr0ub4dor --user bob' },
  { rule: 'url-credentials', secret: 'pa55w0rd', text: 'git clone https://bob:pa55w0rd@git.example.com/repo.git' },
  {
    rule: 'bearer-token',
    secret: alnum(40, 29),
    text: 'curl -H "Authorization: Bearer ' + alnum(40, 29) + '" https://api',
  },
];
