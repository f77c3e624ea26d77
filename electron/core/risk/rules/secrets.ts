// Reading credentials: private keys, cloud credentials, tokens in the environment or the keychain.
// Looking at a secret file's name or size is not reading it; printing a token is.
import type { Word } from '../model.ts';
import { classifyPath, isHistoryFile, isSecretPath, where } from '../paths.ts';
import { holdsSecrets } from '../reach.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import { READ_ONLY } from './known.ts';
import {
  finding,
  hasOption,
  operands,
  optionValue,
  programName,
  subcommand,
  word,
  type Rule,
  type RuleInput,
} from './util.ts';

const SECRET_VAR =
  /\$\{?[A-Z0-9_]*(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH)[A-Z0-9_]*\}?/i;
/** Programs whose only job is to print credentials. */
const CREDENTIAL_PRINTERS: Array<[prog: string, test: (args: string[]) => boolean, what: string]> = [
  [
    'security',
    (a) => a.some((x) => /^find-(generic|internet)-password$|^dump-keychain$/.test(x)),
    'reads passwords from the macOS keychain',
  ],
  ['secret-tool', (a) => a[0] === 'lookup', 'reads a password from the keyring'],
  [
    'pass',
    (a) => a[0] === 'show' || (a.length > 0 && !a[0]?.startsWith('-') && a[0] !== 'ls'),
    'reads a password from pass',
  ],
  ['op', (a) => a[0] === 'read' || (a[0] === 'item' && a[1] === 'get'), 'reads a secret from 1Password'],
  ['bw', (a) => a[0] === 'get', 'reads a secret from Bitwarden'],
  [
    'gcloud',
    (a) => a.includes('print-access-token') || a.includes('print-identity-token'),
    'prints a Google Cloud access token',
  ],
  ['gcloud', (a) => a[0] === 'secrets' && a.includes('access'), 'prints a secret from Google Secret Manager'],
  ['az', (a) => a.includes('get-access-token'), 'prints an Azure access token'],
  [
    'az',
    (a) =>
      a[0] === 'keyvault' &&
      /^(secret|key|certificate)$/.test(a[1] ?? '') &&
      /^(show|download|backup)$/.test(a[2] ?? ''),
    'reads a secret from Azure Key Vault',
  ],
  ['doppler', (a) => a[0] === 'secrets' && a.length > 1 && !a.includes('--only-names'), 'prints secrets from Doppler'],
  ['infisical', (a) => a[0] === 'secrets' || a[0] === 'export', 'prints secrets from Infisical'],
  [
    'sops',
    (a) => a.some((x) => /^(-d|--decrypt|decrypt|exec-env|exec-file)$/.test(x)),
    'decrypts a sops file, printing the secrets in it',
  ],
  ['age', (a) => a.some((x) => /^(-d|--decrypt)$/.test(x)), 'decrypts a file, printing what it protects'],
  [
    'git-crypt',
    (a) => a[0] === 'unlock' || a[0] === 'export-key',
    "decrypts the repository's encrypted files or exports its key",
  ],
  [
    'aws',
    (a) =>
      (a[0] === 'configure' && a[1] === 'get') ||
      a.includes('get-session-token') ||
      (a[0] === 'secretsmanager' && a[1] === 'get-secret-value') ||
      (a[0] === 'ecr' && a[1] === 'get-login-password'),
    'prints AWS credentials',
  ],
  [
    'vault',
    (a) => a[0] === 'read' || (a[0] === 'kv' && a[1] === 'get') || a[0] === 'print',
    'reads a secret from Vault',
  ],
  [
    'kubectl',
    (a) =>
      a[0] === 'get' && /^secrets?$/.test(a[1] ?? '') && a.some((x) => /^-o(yaml|json)?$|^--output|^jsonpath/.test(x)),
    'prints Kubernetes secrets',
  ],
  ['heroku', (a) => a[0] === 'auth:token' || a[0] === 'config', 'prints Heroku credentials or config'],
];

/** Programs that look at a file's name, size, type or permissions, never at what is in it. */
const METADATA = new Set([
  'ls',
  'll',
  'la',
  'dir',
  'exa',
  'eza',
  'lsd',
  'stat',
  'test',
  '[',
  '[[',
  'file',
  'du',
  'wc',
  'realpath',
  'readlink',
  'basename',
  'dirname',
  'lsattr',
  'getfacl',
  'namei',
  'tree',
  'test-path',
  'get-item',
  'get-acl',
  'chmod',
  'chown',
  'chgrp',
  'icacls',
]);
/** Programs whose arguments are text, not files (a file NAMED .env in an echo is not read). */
const TEXT_ARGS = new Set(['echo', 'printf', 'print', 'write-output', 'write-host', 'export', 'alias', 'git-commit']);
/** Programs whose operands are written or removed, not read: the file rules judge them. */
const WRITES_OPERANDS = new Set([
  'touch',
  'mkdir',
  'tee',
  'truncate',
  'rm',
  'unlink',
  'shred',
  'srm',
  'rmdir',
  'trash',
  'trash-put',
  'set-content',
  'add-content',
  'out-file',
  'new-item',
  'remove-item',
  'del',
]);
/** git subcommands that print a file's contents (the rest only name files: `git rm --cached .env`, `git check-ignore .env`). */
const GIT_PRINTS = new Set([
  'show',
  'diff',
  'log',
  'blame',
  'annotate',
  'cat-file',
  'grep',
  'add',
  'stash',
  'format-patch',
  'archive',
  'bundle',
]);
/** Copies read their sources; the destination is written (judged by the file rules). */
const COPIES = new Set([
  'cp',
  'mv',
  'ln',
  'install',
  'rsync',
  'scp',
  'ditto',
  'copy-item',
  'move-item',
  'copy',
  'move',
  'xcopy',
  'robocopy',
]);

/** The words of a command that name files it reads. */
function readArguments(input: RuleInput): Word[] {
  const { prog, args } = input;
  if (TEXT_ARGS.has(prog) || WRITES_OPERANDS.has(prog)) return [];
  if (prog === 'git') {
    const { sub, rest } = subcommand(args, ['-C', '-c']);
    return GIT_PRINTS.has(sub) ? rest : [];
  }
  if (COPIES.has(prog)) return operands(args).slice(0, -1);
  return args;
}

/** Programs that print what is in the files they are given (as `find -exec … {}` runs them over a tree). */
const CONTENT_PRINTERS = new Set([
  'cat',
  'bat',
  'batcat',
  'head',
  'tail',
  'strings',
  'xxd',
  'od',
  'hexdump',
  'base64',
  'base32',
  'nl',
  'tac',
  'less',
  'more',
  'grep',
  'egrep',
  'fgrep',
  'rg',
  'awk',
  'sed',
  'cp',
  'scp',
  'curl',
]);

/** Content printers whose every operand is a file (not a pattern, a script or a URL first, nor a copy's destination). */
const PRINTS_FILES = new Set([...CONTENT_PRINTERS].filter((p) => !/^(e|f)?grep$|^(rg|awk|sed|cp|scp|curl)$/.test(p)));

/** `find ~ -type f -exec cat {} +` reads as `cat ~/*` (find-xargs.ts): every file below the start, hidden ones too. */
function treeReadByFind(w: Word, input: RuleInput): Finding | null {
  const m = /^(.*)\/\*$/.exec(w.text);
  if (!m) return null;
  const start = classifyPath({ text: m[1] || '/', known: !/[$`*?[]/.test(m[1] ?? '') }, input.ctx);
  if (!start.abs || start.kind === 'secret') return null;
  const held = holdsSecrets(start.abs, input.ctx.home, input.ctx.files, isSecretPath);
  return held
    ? finding(
        'secrets',
        S.high,
        `reads every file under ${where(start)}, with the credentials it holds (${held.example})`,
      )
    : null;
}

/** `cp -r ~ /tmp/x`, `rsync -a ~/.config backup/`: a copy of a folder takes the credentials in it along. */
function treeCopied(input: RuleInput): Finding | null {
  const { prog, args, ctx } = input;
  if (prog !== 'cp' && prog !== 'rsync' && prog !== 'ditto') return null;
  const recursive =
    prog === 'ditto' ||
    hasOption(args, 'r', '--recursive') ||
    hasOption(args, 'R') ||
    hasOption(args, 'a', '--archive');
  if (!recursive) return null;
  const ops = operands(args, [
    '-t',
    '--target-directory',
    '-S',
    '--suffix',
    '-e',
    '--rsh',
    '--exclude',
    '--include',
    '--filter',
  ]);
  const dest = optionValue(args, 't', '--target-directory') ?? ops.at(-1)?.text ?? '';
  const sources = optionValue(args, 't', '--target-directory') !== null ? ops : ops.slice(0, -1);
  const destInfo = classifyPath({ text: dest, known: !/[$`*?[]/.test(dest) }, ctx);
  const away = !['project', 'project-root', 'project-git'].includes(destInfo.kind);
  for (const w of sources) {
    const info = classifyPath(w, ctx);
    if (!info.abs || info.kind === 'secret') continue;
    const held = holdsSecrets(info.abs, ctx.home, ctx.files, isSecretPath);
    // A project's own `.env` copied within the project stays where it was; copied elsewhere it spreads.
    if (held?.byPlace)
      return finding('secrets', S.high, `copies ${where(info)} with the credentials it holds (${held.example})`);
    if (held && away)
      return finding(
        'secrets',
        S.notable,
        `copies ${where(info)} with the credentials it holds (${held.example}) out of the project`,
      );
  }
  return null;
}

/** Any argument naming a credential file, for any program (cat, cp, base64, grep, …). */
export function secretArguments(input: RuleInput): Finding[] {
  const found: Finding[] = [];
  const onlyMetadata = METADATA.has(input.prog);
  const copied = treeCopied(input);
  if (copied) found.push(copied);
  const underFind =
    !onlyMetadata &&
    input.seg.via.length > 0 &&
    CONTENT_PRINTERS.has(input.prog) &&
    input.seg.via.some((v) => /^find -(exec|ok)/.test(v));
  for (const w of readArguments(input)) {
    if (w.text.startsWith('-') && !w.text.includes('=')) continue;
    // A bare `secret`/`credentials` is a subcommand (`git secrets`, `kubectl create secret`) unless a reader names it.
    if (/^(secrets?|credentials?)$/i.test(w.text) && !READ_ONLY.has(input.prog)) continue;
    const candidate =
      w.text.includes('=') && w.text.startsWith('-') ? { ...w, text: w.text.split('=').slice(1).join('=') } : w;
    const tree = underFind ? treeReadByFind(candidate, input) : null;
    if (tree) found.push(tree);
    const info = classifyPath(candidate, input.ctx);
    // `cat $F`, `cat $(echo ~/.ssh/id_rsa)`, `f=~/.netrc; cat $f`: a file named only at run time may be any file.
    // (A glob is expanded on disk and judged by what it reaches: `cat src/*.ts` is not this.)
    if (!info.abs && info.kind === 'unknown' && /[$`]/.test(candidate.text) && PRINTS_FILES.has(input.prog)) {
      found.push(
        finding(
          'secrets',
          S.medium,
          `${input.prog} prints ${candidate.text}, a file named only when the command runs, which may hold credentials`,
        ),
      );
      continue;
    }
    if (info.kind === 'secret') {
      const environ = /\/environ\b/.test(info.shown);
      if (onlyMetadata)
        found.push(finding('secrets', S.medium, `looks at ${where(info)}, without reading what is in it`));
      else if (environ)
        found.push(
          finding(
            'secrets',
            S.severe,
            `reads the environment of a process (${info.shown}): the tokens and keys it was started with`,
          ),
        );
      else
        found.push(
          finding(
            'secrets',
            /id_|\.ssh|\.aws|\.gnupg|credentials|\.pem|\.key|Keychains|shadow|sudoers/.test(info.shown) ? S.severe : 55,
            `reads ${where(info)}`,
          ),
        );
    } else if (!onlyMetadata && info.abs && isHistoryFile(info.abs)) {
      found.push(
        finding('secrets', 35, `reads ${info.shown}, a command history that can hold typed passwords and tokens`),
      );
    } else if (
      !onlyMetadata &&
      (info.kind === 'shell-startup' || (info.abs && /\/\.ssh\/[^/]+\.pub$/.test(info.abs)))
    ) {
      found.push(
        finding(
          'secrets',
          S.medium,
          `reads ${where(info)}${info.kind === 'shell-startup' ? ', where tokens are often exported' : ', beside the private keys'}`,
        ),
      );
    }
  }
  const secretVar = input.seg.argv.find((w) => SECRET_VAR.test(w.text));
  if (
    secretVar &&
    ['echo', 'printf', 'print', 'cat', 'write-output', 'write-host'].includes(input.prog) &&
    !silenced(input)
  ) {
    found.push(
      finding('secrets', S.high, `prints ${secretVar.text.match(SECRET_VAR)?.[0] ?? 'a secret'} from the environment`),
    );
  }
  return found;
}

/** Output sent to /dev/null is printed nowhere (`printenv API_KEY > /dev/null && echo set`). */
function silenced(input: RuleInput): boolean {
  return input.seg.redirects.some(
    (r) => /^(>|>\||&>)$/.test(r.op) && (r.fd === null || r.fd === 1) && /^\/dev\/null$|^NUL$/i.test(r.target.text),
  );
}

/** Password stores: whatever they do other than print a secret still handles one. */
const PASSWORD_STORES = new Set([
  'security',
  'secret-tool',
  'pass',
  'op',
  'bw',
  'vault',
  'gopass',
  'keepassxc-cli',
  'lpass',
]);

const credentialPrinter: Rule = ({ prog, args }) => {
  const words = args.map((w) => w.text);
  const hit = CREDENTIAL_PRINTERS.find(
    ([p, test]) =>
      p === prog &&
      test(
        prog === 'kubectl'
          ? [subcommand(args).sub, ...operands(subcommand(args).rest).map((w) => w.text), ...words]
          : words,
      ),
  );
  if (hit) return [finding('secrets', S.severe, hit[2])];
  if (!PASSWORD_STORES.has(prog)) return [];
  if (words.some((w) => /^(delete|rm|remove|destroy|purge)(-|$)/.test(w)))
    return [finding('secrets', S.high, `${prog} ${words[0] ?? ''}: deletes stored passwords or keys`)];
  return [finding('secrets', S.medium, `${prog} ${words[0] ?? ''}: works with a password store`)];
};

/** Patterns that hunt for credentials (`grep -r "PRIVATE KEY" ~`, `env | grep -i token`). */
const SECRET_PATTERN =
  /private.?key|BEGIN [A-Z ]*KEY|passw(or)?d|passwd|secret|token|api.?key|access.?key|credential|auth|aws_|bearer|sk-[a-z]|ghp_|xox[bp]/i;
/** Parts of environment variable names that hold credentials. */
const ENV_SECRET_NAME = /key|secret|token|pass|pwd|auth|cred|api|session|cookie|private|cert/i;
const ENV_PRINTERS = new Set(['env', 'printenv', 'set', 'export', 'declare', 'get-childitem', 'gci', 'dir', 'ls']);

/** grep and friends: what they search for, in what. Hunting credentials across the home or the environment leaks them. */
const search: Rule = (input) => {
  const { prog, args, seg, ctx } = input;
  const explicit = optionValue(args, 'e', '--regexp');
  const ops = operands(args, [
    '-e',
    '--regexp',
    '-f',
    '--file',
    '-m',
    '--max-count',
    '-A',
    '-B',
    '-C',
    '--context',
    '-g',
    '--glob',
    '-t',
    '--type',
    '--include',
    '--exclude',
    '-d',
    '-D',
  ]);
  const pattern = explicit ?? ops[0]?.text ?? '';
  const where_ = explicit !== null ? ops : ops.slice(1);
  const from = seg.pipeFrom ? programName(seg.pipeFrom[0]) : null;
  if (
    from &&
    ENV_PRINTERS.has(from) &&
    ((from !== 'ls' && from !== 'dir' && from !== 'gci') || seg.pipeFrom?.some((w) => /^env:/i.test(w.text)))
  ) {
    if (/GATEHOUSE/i.test(pattern))
      return [
        finding(
          'self-protection',
          S.catastrophic,
          "prints Gatehouse's own session token and socket from the environment",
        ),
      ];
    if (SECRET_PATTERN.test(pattern) || ENV_SECRET_NAME.test(pattern))
      return [
        finding(
          'secrets',
          S.severe - 5,
          `prints the environment's ${pattern} variables: tokens end up in the transcript`,
        ),
      ];
    return [];
  }
  const tree = recursiveRead(input, pattern, explicit !== null ? ops : ops.slice(1));
  if (tree) return [tree];
  if (!SECRET_PATTERN.test(pattern)) return [];
  const wide = where_
    .map((w) => classifyPath(w, ctx))
    .find((i) => ['root', 'home', 'user-home', 'system', 'home-other', 'home-dotfile', 'secret'].includes(i.kind));
  return wide ? [finding('secrets', S.high, `${prog} hunts for credentials (${pattern}) in ${where(wide)}`)] : [];
};

/** Patterns that match (nearly) every line: with them a search prints whole files. */
const EVERY_LINE = /^(|\.|\.\*|\.\+|\^|\$|\^\.\*|\.\*\$|\^\.\*\$|\\w|\\S|\[\^\]\]|\[\\s\\S\]|\w|\s)$/;
/** Searchers that walk folders without being asked to. */
const RECURSIVE_BY_DEFAULT = new Set(['rg', 'ag', 'ack', 'sift']);

/**
 * A recursive search that prints every line (`grep -r . ~/.config`, `grep -rv x ~`, `rg -uu '' ~`) or hunts for
 * credentials in a folder that holds them (the home, ~/.config, a project with its `.env`) reads them out.
 * ripgrep and ag skip hidden files unless told (`-uu`, `--hidden`); then only what is not hidden counts.
 */
function recursiveRead(input: RuleInput, pattern: string, targets: readonly Word[]): Finding | null {
  const { prog, args, ctx } = input;
  if (hasOption(args, null, '--files')) return null;
  const recursive =
    RECURSIVE_BY_DEFAULT.has(prog) ||
    hasOption(args, 'r', '--recursive') ||
    hasOption(args, 'R', '--dereference-recursive') ||
    optionValue(args, 'd', '--directories') === 'recurse';
  if (!recursive) return null;
  const namesOnly =
    hasOption(args, 'l', '--files-with-matches') ||
    hasOption(args, 'L', '--files-without-match') ||
    hasOption(args, 'c', '--count') ||
    hasOption(args, 'q', '--quiet', '--silent');
  if (namesOnly) return null;
  const everyLine = hasOption(args, 'v', '--invert-match') || EVERY_LINE.test(pattern);
  if (!everyLine && !SECRET_PATTERN.test(pattern)) return null;
  const unrestricted = args.reduce(
    (n, w) =>
      n + (/^-[a-zA-Z]+$/.test(w.text) ? (w.text.match(/u/g)?.length ?? 0) : w.text === '--unrestricted' ? 1 : 0),
    0,
  );
  const hidden =
    !RECURSIVE_BY_DEFAULT.has(prog) ||
    prog === 'ack' ||
    hasOption(args, null, '--hidden') ||
    args.some((w) => w.text === '-.') ||
    unrestricted >= (prog === 'ag' ? 1 : 2);
  for (const w of targets.length ? targets : [word('.')]) {
    const info = classifyPath(w, ctx);
    if (!info.abs || info.kind === 'secret') continue;
    const held = holdsSecrets(info.abs, ctx.home, ctx.files, isSecretPath, hidden);
    if (held)
      return finding(
        'secrets',
        S.high,
        everyLine
          ? `${prog} prints every line of every file under ${where(info)}, with the credentials it holds (${held.example})`
          : `${prog} hunts for credentials (${pattern}) under ${where(info)}, which holds ${held.example}`,
      );
  }
  return null;
}

/**
 * `ps e`, `ps auxe`, `ps eww` (BSD style) and `ps -E` (macOS) print each process's environment after its
 * command: every token any running program was given. (`ps -e` is "every process", not this.)
 */
const processEnvironment: Rule = ({ args }) => {
  const words = args.map((w) => w.text);
  const env = words.some(
    (w, i) =>
      (/^[a-zA-Z]+$/.test(w) && w.includes('e') && (i === 0 || !words[i - 1]?.startsWith('-'))) ||
      /^-[a-zA-Z]*E[a-zA-Z]*$/.test(w),
  );
  return env
    ? [
        finding(
          'secrets',
          S.high,
          `ps ${words.join(' ')}: prints the environment of every process it lists, tokens included`,
        ),
      ]
    : [];
};

/** find: setuid hunts and credential hunts across the machine are reconnaissance. */
const find: Rule = ({ args }) => {
  if (
    args.some((w, i) => /^-perm$/.test(args[i - 1]?.text ?? '') && /^[-/+]?(4000|2000|6000|u=s|g=s|u\+s)/.test(w.text))
  )
    return [finding('privilege', 35, 'looks for programs that run as root (setuid), a privilege-escalation search')];
  const name = args.find((_w, i) => /^-i?(name|path|regex)$/.test(args[i - 1]?.text ?? ''))?.text ?? '';
  if (
    /id_(rsa|dsa|ecdsa|ed25519)|\.pem|\.key\b|\.env\b|credentials|\.kdbx|wallet|\.pfx|\.p12/i.test(name) &&
    operands(args).some((w) => /^(\/|~|\$HOME)/.test(w.text))
  ) {
    return [finding('secrets', S.notable, `lists credential files (${name}) across the machine`)];
  }
  return [];
};

/** ssh-keygen: writing a key file replaces what is there; -R edits known_hosts. Reading keys is judged as a read. */
const sshKeygen: Rule = (input) => {
  const { args } = input;
  if (hasOption(args, 'R'))
    return [finding('secrets', S.medium, `removes ${optionValue(args, 'R') ?? 'a host'} from known_hosts`)];
  const file = optionValue(args, 'f');
  const generates =
    hasOption(args, 't') || hasOption(args, 'b') || hasOption(args, 'p') || hasOption(args, 'N') || args.length === 0;
  if (file && generates) {
    const info = classifyPath({ text: file, known: !/[$`*?]/.test(file) }, input.ctx);
    if (info.kind === 'secret' || info.kind === 'home-other' || info.kind === 'home-dotfile')
      return [finding('secrets', S.severe, `writes the key ${where(info)}, replacing any key there`)];
  }
  return [];
};

/** gpg: exporting or deleting secret keys. */
const gpg: Rule = ({ args }) => {
  const words = args.map((w) => w.text);
  if (words.some((w) => /^--export-secret-(sub)?keys$|^--export-ssh-key$/.test(w)))
    return [finding('secrets', S.severe, 'exports private keys')];
  if (words.some((w) => /^--delete-secret(-and-public)?-keys?$/.test(w)))
    return [finding('secrets', S.severe, 'deletes private keys')];
  if (words.some((w) => /^(-d|--decrypt)$/.test(w)))
    return [finding('secrets', S.medium, 'decrypts a file, printing what it protects')];
  return [];
};

/** `env` / `printenv` / `set` with nothing to run print every variable, tokens included. */
const environment: Rule = (input) => {
  const { prog, args } = input;
  const named = operands(args).map((w) => w.text);
  if (prog === 'printenv' && named.length) {
    const secret = named.find((n) => SECRET_VAR.test(`$${n}`) || /GATEHOUSE_/.test(n));
    if (secret && silenced(input))
      return [finding('read-only', S.readOnly, `checks that ${secret} is set without printing it`)];
    return secret
      ? [finding('secrets', S.high, `prints ${secret} from the environment`)]
      : [finding('read-only', S.readOnly, 'prints an environment variable')];
  }
  if (silenced(input)) return [finding('read-only', S.readOnly, `${prog} to /dev/null prints nothing`)];
  if (named.length === 0 || prog === 'export' || prog === 'declare' || prog === 'set') {
    return prog === 'export' || prog === 'declare' || prog === 'set'
      ? named.length === 0 || named.every((n) => n.startsWith('-'))
        ? [finding('secrets', S.medium, `prints every variable, which may include tokens (${prog})`)]
        : []
      : [finding('secrets', S.medium, `prints the whole environment, which may include tokens (${prog})`)];
  }
  return [];
};

export const SECRET_RULES: Record<string, Rule> = {
  ...Object.fromEntries(
    [...CREDENTIAL_PRINTERS.map(([p]) => p), ...PASSWORD_STORES].map((p) => [p, credentialPrinter]),
  ),
  ...Object.fromEntries(
    ['grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack', 'ugrep', 'findstr', 'select-string', 'sls'].map((p) => [p, search]),
  ),
  find,
  ps: processEnvironment,
  'ssh-keygen': sshKeygen,
  gpg,
  gpg2: gpg,
  history: ({ args }) => {
    if (hasOption(args, 'c')) return [finding('file-deletion', 55, "erases the shell's command history")];
    if (hasOption(args, 'd') || hasOption(args, 'w') || hasOption(args, 'a'))
      return [
        finding(
          'file-overwrite',
          S.notable,
          `history ${args.map((w) => w.text).join(' ')}: changes the saved command history`,
        ),
      ];
    return [finding('secrets', S.medium, 'prints the shell history, which can hold typed passwords and tokens')];
  },
  env: environment,
  printenv: environment,
  set: environment,
  export: environment,
  declare: environment,
};
