// Reading credentials: private keys, cloud credentials, tokens in the environment or the keychain.
import { classifyPath, where } from '../paths.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import { finding, operands, subcommand, type Rule, type RuleInput } from './util.ts';

const SECRET_VAR = /\$\{?[A-Z0-9_]*(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH)[A-Z0-9_]*\}?/i;
/** Programs whose only job is to print credentials. */
const CREDENTIAL_PRINTERS: Array<[prog: string, test: (args: string[]) => boolean, what: string]> = [
  ['security', (a) => a.some((x) => /^find-(generic|internet)-password$|^dump-keychain$/.test(x)), 'reads passwords from the macOS keychain'],
  ['secret-tool', (a) => a[0] === 'lookup', 'reads a password from the keyring'],
  ['pass', (a) => a[0] === 'show' || (a.length > 0 && !a[0]?.startsWith('-') && a[0] !== 'ls'), 'reads a password from pass'],
  ['op', (a) => a[0] === 'read' || (a[0] === 'item' && a[1] === 'get'), 'reads a secret from 1Password'],
  ['bw', (a) => a[0] === 'get', 'reads a secret from Bitwarden'],
  ['gcloud', (a) => a.includes('print-access-token') || a.includes('print-identity-token'), 'prints a Google Cloud access token'],
  ['az', (a) => a.includes('get-access-token'), 'prints an Azure access token'],
  ['aws', (a) => (a[0] === 'configure' && a[1] === 'get') || a.includes('get-session-token') || (a[0] === 'secretsmanager' && a[1] === 'get-secret-value') || a[0] === 'ecr' && a[1] === 'get-login-password', 'prints AWS credentials'],
  ['vault', (a) => a[0] === 'read' || (a[0] === 'kv' && a[1] === 'get') || a[0] === 'print', 'reads a secret from Vault'],
  ['kubectl', (a) => a[0] === 'get' && /^secrets?$/.test(a[1] ?? '') && a.some((x) => /^-o(yaml|json)?$|^--output|^jsonpath/.test(x)), 'prints Kubernetes secrets'],
  ['heroku', (a) => a[0] === 'auth:token' || a[0] === 'config', 'prints Heroku credentials or config'],
];

/** Any argument naming a credential file, for any program (cat, cp, base64, grep, …). */
export function secretArguments(input: RuleInput): Finding[] {
  const found: Finding[] = [];
  for (const w of input.args) {
    if (w.text.startsWith('-') && !w.text.includes('=')) continue;
    const candidate = w.text.includes('=') && w.text.startsWith('-') ? { ...w, text: w.text.split('=').slice(1).join('=') } : w;
    const info = classifyPath(candidate, input.ctx);
    if (info.kind === 'secret') found.push(finding('secrets', /id_|\.ssh|\.aws|\.gnupg|credentials|\.pem|\.key|Keychains/.test(info.shown) ? S.severe : 55, `reads ${where(info)}`));
  }
  const secretVar = input.seg.argv.find((w) => SECRET_VAR.test(w.text));
  if (secretVar && ['echo', 'printf', 'print', 'cat'].includes(input.prog)) found.push(finding('secrets', S.high, `prints ${secretVar.text.match(SECRET_VAR)?.[0] ?? 'a secret'} from the environment`));
  return found;
}

const credentialPrinter: Rule = ({ prog, args }) => {
  const words = args.map((w) => w.text);
  const hit = CREDENTIAL_PRINTERS.find(([p, test]) => p === prog && test(prog === 'kubectl' ? [subcommand(args).sub, ...operands(subcommand(args).rest).map((w) => w.text), ...words] : words));
  return hit ? [finding('secrets', S.severe, hit[2])] : [];
};

/** `env` / `printenv` / `set` with nothing to run print every variable, tokens included. */
const environment: Rule = ({ prog, args }) => {
  const named = operands(args).map((w) => w.text);
  if (prog === 'printenv' && named.length) {
    const secret = named.find((n) => SECRET_VAR.test(`$${n}`));
    return secret ? [finding('secrets', S.high, `prints ${secret} from the environment`)] : [finding('read-only', S.readOnly, 'prints an environment variable')];
  }
  if (named.length === 0 || prog === 'export' || prog === 'declare' || prog === 'set') {
    return prog === 'export' || prog === 'declare' || prog === 'set' ? (named.length === 0 || named.every((n) => n.startsWith('-')) ? [finding('secrets', S.medium, `prints every variable, which may include tokens (${prog})`)] : []) : [finding('secrets', S.medium, `prints the whole environment, which may include tokens (${prog})`)];
  }
  return [];
};

export const SECRET_RULES: Record<string, Rule> = {
  ...Object.fromEntries(CREDENTIAL_PRINTERS.map(([p]) => [p, credentialPrinter])),
  env: environment,
  printenv: environment,
  set: environment,
  export: environment,
  declare: environment,
};
