// Environment variables that carry code: set before a command (`GIT_SSH_COMMAND='…' git fetch`) or exported for
// the rest of the shell (`export NODE_OPTIONS=…`), they make a harmless-looking command run something else. One
// table: the variable, what its value is, and how it is judged. Variables that only change output, locale or
// where plain files are looked up are not listed.
import type { Word } from '../model.ts';
import { readShape } from '../shapes/read.ts';
import { shapeOf } from '../shapes/index.ts';
import { classifyPath, where } from '../paths.ts';
import { isGitDataKey, runsAsCommand } from '../shapes/checks.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import { finding, type RuleInput } from './util.ts';

/**
 * - `command`: a command line some program runs (`GIT_SSH_COMMAND`, `PAGER`, `EDITOR`): judged as that command;
 * - `program`: a program run by path or name (`CC`, `RUSTC_WRAPPER`, `GIT_ASKPASS`): judged as that program;
 * - `scriptshell`: the program every package script runs through (`npm_config_script_shell`): high, and judged;
 * - `startup`: a file every new shell (or interpreter) runs first (`BASH_ENV`, `ENV`): high;
 * - `options:PROG`: options for PROG, read against PROG's shape table (`NODE_OPTIONS`, `MAKEFLAGS`): what they load or run;
 * - `gitconfig`: git configuration given through the environment (`GIT_CONFIG_PARAMETERS`, `GIT_CONFIG_KEY_0`);
 * - `agent`: a JVM or .NET agent or hook loaded into every program (`JAVA_TOOL_OPTIONS=-javaagent:…`): high;
 * - `path`: the folders searched for programs (`PATH`): a relative or empty entry finds programs here first;
 * - `prompt`: a prompt string, whose command substitutions run each time it is shown (`PS4` on every line `bash -x`
 *   traces): judged as those commands;
 * - `libraries`: folders libraries are loaded from (`LD_LIBRARY_PATH`): outside the project and the system, high;
 * - `loads`: folders code or settings are read from (`PYTHONPATH`, `NODE_PATH`, `GIT_DIR`, `GIT_CONFIG_GLOBAL`, `HOME`): a
 *   settings file can name programs to run (git's `core.fsmonitor`), a module folder shadows the real modules; outside
 *   the project and the system, medium.
 */
type EnvKind =
  | 'command'
  | 'program'
  | 'scriptshell'
  | 'startup'
  | `options:${string}`
  | 'gitconfig'
  | 'agent'
  | 'path'
  | 'libraries'
  | 'loads'
  | 'prompt';

const CODE_VARIABLES: ReadonlyArray<[RegExp, EnvKind]> = [
  [
    /^(GIT_SSH_COMMAND|GIT_PAGER|PAGER|MANPAGER|GIT_EDITOR|EDITOR|VISUAL|GIT_SEQUENCE_EDITOR|LESSOPEN|LESSCLOSE|GIT_EXTERNAL_DIFF|SVN_EDITOR|FCEDIT)$/,
    'command',
  ],
  [
    /^(GIT_SSH|GIT_ASKPASS|SSH_ASKPASS|SUDO_ASKPASS|GIT_PROXY_COMMAND|BROWSER|CC|CXX|LD|AR|RUSTC|RUSTC_WRAPPER|RUSTC_WORKSPACE_WRAPPER|RUSTDOC|CARGO_BUILD_RUSTC_WRAPPER|CARGO_TARGET_\w+_RUNNER|CARGO_TARGET_\w+_LINKER|npm_config_(git|editor|browser)|NPM_CONFIG_(GIT|EDITOR|BROWSER))$/i,
    'program',
  ],
  [/^(npm_config_(script_shell|shell)|NPM_CONFIG_(SCRIPT_SHELL|SHELL))$/, 'scriptshell'],
  [/^(BASH_ENV|ENV|ZDOTDIR|PYTHONSTARTUP|IRBRC|NODE_REPL_EXTERNAL_MODULE)$/, 'startup'],
  [/^(NODE_OPTIONS|npm_config_node_options|NPM_CONFIG_NODE_OPTIONS)$/, 'options:node'],
  [/^(MAKEFLAGS|MFLAGS|GNUMAKEFLAGS)$/, 'options:make'],
  [/^(PERL5OPT)$/, 'options:perl'],
  [/^(RUBYOPT)$/, 'options:ruby'],
  [/^(GIT_CONFIG_PARAMETERS|GIT_CONFIG_VALUE_\d+|GIT_CONFIG_KEY_\d+|GIT_EXEC_PATH|GIT_TEMPLATE_DIR)$/, 'gitconfig'],
  [
    /^(JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS|MAVEN_OPTS|GRADLE_OPTS|DOTNET_STARTUP_HOOKS|CORECLR_PROFILER_PATH\w*|GOFLAGS)$/,
    'agent',
  ],
  [/^PATH$/, 'path'],
  [/^(PS0|PS1|PS2|PS4)$/, 'prompt'],
  [/^(LD_LIBRARY_PATH|DYLD_FALLBACK_LIBRARY_PATH|DYLD_FRAMEWORK_PATH|DYLD_FALLBACK_FRAMEWORK_PATH)$/, 'libraries'],
  [
    /^(PYTHONPATH|PYTHONHOME|PYTHONUSERBASE|NODE_PATH|RUBYLIB|PERL5LIB|PERLLIB|CLASSPATH|GIT_DIR|GIT_COMMON_DIR|GIT_CONFIG_GLOBAL|GIT_CONFIG_SYSTEM|GIT_CONFIG|HOME|XDG_CONFIG_HOME|npm_config_userconfig|NPM_CONFIG_USERCONFIG|npm_config_globalconfig|PIP_CONFIG_FILE|CARGO_HOME|BUNDLE_GEMFILE|CLAUDE_CONFIG_DIR|CODEX_HOME|CURL_HOME|WGETRC|KUBECONFIG|DOCKER_CONFIG|AWS_CONFIG_FILE|AWS_SHARED_CREDENTIALS_FILE|CLOUDSDK_CONFIG|AZURE_CONFIG_DIR|TF_CLI_CONFIG_FILE|TERRAFORM_CONFIG|GEM_HOME|GEM_PATH|BUNDLE_APP_CONFIG|YARN_RC_FILENAME|GNUPGHOME|GOENV)$/,
    'loads',
  ],
];

/**
 * Whether a variable set for a command changes what code or settings it runs or reads (this table): a rule learned for
 * the command without it never covers it with it (`CURL_HOME=. curl …`, `PATH=.:$PATH make`).
 */
export function variableCarriesCode(name: string): boolean {
  return CODE_VARIABLES.some(([re]) => re.test(name)) || TRUST_VARIABLES.test(name);
}

/**
 * Where a program connects through, and whom it trusts there (a proxy sees what is sent; a CA or a switch-off accepts
 * anyone), and the plugins pytest loads (tool-configs.ts reads them).
 */
const TRUST_VARIABLES =
  /^(https?_proxy|HTTPS?_PROXY|all_proxy|ALL_PROXY|no_proxy|NO_PROXY|SSL_CERT_FILE|SSL_CERT_DIR|CURL_CA_BUNDLE|REQUESTS_CA_BUNDLE|NODE_EXTRA_CA_CERTS|NODE_TLS_REJECT_UNAUTHORIZED|GIT_SSL_NO_VERIFY|GIT_SSL_CAINFO|PYTHONHTTPSVERIFY|PYTEST_ADDOPTS|PYTEST_PLUGINS)$/;

/** `npm_config_script_shell=X`: every package script runs through X (the same as `npm --script-shell X`). */
const scriptShell = runsAsCommand(
  S.high,
  (value, _input, label) => `${label}${value.text}: every package script runs through it instead of the shell`,
  (value, label) => `${label}${value.text.slice(0, 40)}: runs a command only known at run time`,
);

/** `NAME=value` as written (quotes and all): the name and the value as the shell would set it, when it can be known. */
function parseAssignment(written: string): { name: string; value: Word } | null {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\+?=([\s\S]*)$/.exec(written);
  if (!m) return null;
  const raw = m[2] ?? '';
  const single = /^'([^']*)'$/.exec(raw);
  if (single) return { name: m[1] as string, value: { text: single[1] ?? '', known: true } };
  const double = /^"((?:[^"\\]|\\.)*)"$/.exec(raw);
  const text = double ? (double[1] ?? '').replace(/\\(["\\$`])/g, '$1') : raw.replace(/\\(.)/g, '$1');
  return { name: m[1] as string, value: { text, known: !/[$`]/.test(double ? (double[1] ?? '') : raw) } };
}

const split = (text: string): Word[] =>
  text
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => ({ text: t, known: true }));

function judgeVariable(name: string, kind: EnvKind, value: Word, input: RuleInput): Finding[] {
  const label = `${name}=`;
  const unknown = (what: string): Finding[] => [
    finding('remote-code', S.high, `${label}${value.text.slice(0, 40)}: ${what} only known at run time`),
  ];
  if (kind === 'path') {
    const entries = value.text.split(':');
    const relative = entries.filter(
      (e) => e === '' || (!e.startsWith('/') && !e.startsWith('$') && !e.startsWith('~')),
    );
    return relative.length
      ? [
          finding(
            'system-config',
            S.medium,
            `${label}: programs in ${relative.map((e) => e || '(the current folder)').join(', ')} are found before the real ones`,
          ),
        ]
      : [];
  }
  if (kind === 'libraries' || kind === 'loads') return loadedFrom(name, kind, value, input);
  if (kind === 'prompt') return promptCommands(name, value, input);
  if (!value.known) return unknown(kind === 'command' || kind === 'program' ? 'runs a command' : 'sets what runs');
  if (value.text === '') return [];
  switch (kind) {
    case 'command':
    case 'program':
      return input.shell(value.text, label);
    case 'scriptshell':
      return scriptShell(value, input, label);
    case 'startup':
      return [
        finding('remote-code', S.high, `${label}${value.text}: every new shell or interpreter runs that file first`),
      ];
    case 'gitconfig': {
      if (/^GIT_(EXEC_PATH|TEMPLATE_DIR)$/.test(name))
        return [
          finding('remote-code', S.high, `${label}${value.text}: git runs its programs or copies its hooks from there`),
        ];
      const keys =
        name === 'GIT_CONFIG_PARAMETERS'
          ? // `'core.pager=less'` (older git) and `'core.pager'='less'` (newer): each key is quoted.
            [...value.text.matchAll(/'([^'=]+)'?=/g)].map((k) => k[1] ?? '')
          : [value.text.split('=')[0] ?? ''];
      const bad = keys.filter((k) => name.startsWith('GIT_CONFIG_VALUE') || !isGitDataKey(k));
      return bad.length && !name.startsWith('GIT_CONFIG_VALUE')
        ? [
            finding(
              'remote-code',
              S.high,
              `${label}: sets git configuration (${bad.join(', ')}) that may make git run a program`,
            ),
          ]
        : [];
    }
    case 'agent': {
      // A startup hook or profiler is code by definition; JVM and Go options carry code only through these flags.
      const loads =
        /^(DOTNET_STARTUP_HOOKS|CORECLR_PROFILER_PATH\w*)$/.test(name) ||
        /(^|\s)-(javaagent|agentpath|agentlib|toolexec|exec)\b/.test(value.text);
      return loads
        ? [
            finding(
              'remote-code',
              S.high,
              `${label}${value.text.slice(0, 60)}: loads or runs code in every program it starts`,
            ),
          ]
        : [];
    }
    default: {
      const prog = kind.slice('options:'.length);
      const shape = shapeOf(prog);
      if (!shape) return [finding('unparsed', S.medium, `${label}: options for ${prog} Gatehouse cannot read`)];
      const reading = readShape(prog, shape, split(value.text));
      const found: Finding[] = reading.payloads
        .filter((p) => p.kind !== 'write')
        .map((p) =>
          finding(
            'remote-code',
            S.high,
            `${label}${value.text.slice(0, 60)}: makes every ${prog} ${p.kind === 'load' ? 'load' : 'run'} ${p.value.text}`,
          ),
        );
      if (!reading.proven)
        found.push(
          finding('unparsed', S.medium, `${label}: ${reading.unknown ?? `options for ${prog} Gatehouse cannot read`}`),
        );
      return found;
    }
  }
}

/**
 * `PS4='$(rm -rf ~)' bash -x -c true`: the shell expands a prompt each time it shows it, command substitutions
 * included. Each `$(…)` or backquoted part is judged as the command it is; a prompt of plain text and variables is
 * nothing; one that cannot be read (nested or unclosed) is high.
 */
function promptCommands(name: string, value: Word, input: RuleInput): Finding[] {
  const label = `${name}=${value.text.slice(0, 40)}`;
  if (!/\$\(|`/.test(value.text)) return [];
  const parts = [...value.text.matchAll(/\$\(([^()]*)\)|`([^`]*)`/g)].map((m) => m[1] ?? m[2] ?? '');
  const rest = value.text.replace(/\$\(([^()]*)\)|`([^`]*)`/g, '');
  if (parts.length === 0 || /\$\(|`/.test(rest))
    return [finding('remote-code', S.high, `${label}: a prompt that runs commands Gatehouse cannot read`)];
  return parts.flatMap((p) => input.shell(p, `${name} prompt`));
}

/** Where code or settings may come from without changing what is run: the project's own folders and the system's. */
const OWN_PLACES = new Set(['project', 'project-root', 'project-git', 'system', 'harmless-device']);

/**
 * `PYTHONPATH=/tmp/x pytest`, `GIT_CONFIG_GLOBAL=/tmp/c git status`, `HOME=/tmp/h git log`, `LD_LIBRARY_PATH=/tmp/l ls`:
 * the program runs as written, but loads its modules, libraries or settings from there, and a settings file can name
 * programs to run. Inside the project or the system's folders it is the ordinary case (`PYTHONPATH=src`).
 */
function loadedFrom(name: string, kind: 'libraries' | 'loads', value: Word, input: RuleInput): Finding[] {
  const label = `${name}=${value.text.slice(0, 60)}`;
  const what =
    kind === 'libraries' ? 'loads libraries into the programs it starts from' : 'reads code or settings from';
  if (!value.known) return [finding('unparsed', S.medium, `${label}: ${what} folders only known at run time`)];
  const entries = /^(HOME|XDG_CONFIG_HOME|GIT_\w+|\w*CONFIG\w*|CARGO_HOME|BUNDLE_GEMFILE|PYTHONHOME|CODEX_HOME)$/i.test(
    name,
  )
    ? [value.text]
    : value.text.split(':');
  const away = entries
    .filter((e) => e !== '')
    .map((e) => classifyPath({ text: e, known: true }, input.ctx))
    .find((info) => !OWN_PLACES.has(info.kind));
  if (!away) return [];
  return [
    finding(
      kind === 'libraries' ? 'remote-code' : 'system-config',
      kind === 'libraries' ? S.high : S.notable,
      `${label}: ${what} ${where(away)}`,
    ),
  ];
}

/** Every assignment before the command, and every `export`/`declare -x` of one. */
export function codeInEnvironment(input: RuleInput): Finding[] {
  const written = [
    ...input.seg.assignments,
    ...(/^(export|declare|typeset|setenv|local)$/.test(input.prog) ? input.args.map((w) => w.text) : []),
  ];
  const found: Finding[] = [];
  for (const w of written) {
    const a = parseAssignment(w);
    if (!a) continue;
    const kind = CODE_VARIABLES.find(([re]) => re.test(a.name))?.[1];
    if (kind) found.push(...judgeVariable(a.name, kind, a.value, input));
  }
  return found;
}
