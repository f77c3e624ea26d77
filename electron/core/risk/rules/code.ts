// Code from elsewhere and code nobody can read: shells and interpreters fed by a pipe (anything but a
// literal is unreviewed code; critical when the pipeline reaches the network), a download or decoded
// text, interpreter code that fetches and runs code or wires a shell to a socket, inline code that is
// not fully read (run from text, names built at run time, decoded on the spot: parse/unread.ts), what
// sed/vim/gdb/database shells run that cannot be read, Deno running a URL, AppleScript doing things as
// administrator. (The parser already turns os.system/subprocess/shutil/fs calls into commands.)
import path from 'node:path';
import type { Segment, Word } from '../model.ts';
import { escapesOf, type Escapes } from '../parse/escapes.ts';
import { inlineCode, interpreterFor, readsCodeFromStdin } from '../parse/one-liners.ts';
import { unreadCode } from '../parse/unread.ts';
import { S } from '../types.ts';
import { SCRIPT_RUNNERS } from './benign.ts';
import { BUILD_TEST } from './known.ts';
import type { Finding } from '../types.ts';
import { finding, hasOption, operands, optionValue, programName, word, type Rule, type RuleInput } from './util.ts';

export const SHELLS = new Set([
  'sh',
  'bash',
  'zsh',
  'dash',
  'ksh',
  'fish',
  'csh',
  'tcsh',
  'ash',
  'pwsh',
  'powershell',
  'iex',
  'invoke-expression',
  'source',
  '.',
]);
export const INTERPRETERS = new Set([
  'python',
  'python2',
  'python3',
  'py',
  'pypy3',
  'node',
  'nodejs',
  'deno',
  'bun',
  'ruby',
  'perl',
  'php',
  'lua',
  'osascript',
  'Rscript',
  'julia',
  'tclsh',
  'awk',
  'gawk',
]);
const DOWNLOADERS = new Set([
  'curl',
  'wget',
  'fetch',
  'http',
  'https',
  'aria2c',
  'irm',
  'iwr',
  'invoke-webrequest',
  'invoke-restmethod',
  'lwp-request',
  'gh',
]);
const DECODERS = new Set([
  'base64',
  'base32',
  'xxd',
  'openssl',
  'gunzip',
  'zcat',
  'rev',
  'tr',
  'printf',
  'echo',
  'certutil',
]);
/** Programs whose output comes over the network: downloaders, raw sockets, DNS answers, remote shells and copies, cluster and cloud CLIs. */
const NETWORK = new Set([
  ...DOWNLOADERS,
  'xh',
  'curlie',
  'httpie',
  'nc',
  'ncat',
  'netcat',
  'socat',
  'telnet',
  'host',
  'dig',
  'nslookup',
  'drill',
  'kdig',
  'delv',
  'whois',
  'ssh',
  'sftp',
  'ftp',
  'tftp',
  'lftp',
  'gsutil',
  'rclone',
  's3cmd',
  'smbclient',
  'websocat',
  'wscat',
  'grpcurl',
  'kubectl',
  'oc',
  'aws',
  'gcloud',
  'az',
]);
/** A word that names something on the network: a URL, or a cloud storage address. */
const REMOTE_ADDRESS = /^(?:https?|ftp|s3|gs|wss?|tcp|udp):\/\//i;

function hostOf(args: readonly Word[]): string | null {
  const url =
    args.find((w) => /^(https?|ftp|s3|gs):\/\//i.test(w.text)) ??
    args.find((w) => /^[\w.-]+\.[a-z]{2,}(\/|:|$)/i.test(w.text));
  if (!url) return null;
  return url.text.replace(/^\w+:\/\//, '').split(/[/?#]/)[0] ?? null;
}

/** Whether a pipeline stage gets what it prints from the network (`curl`, `nc`, `openssl s_client`, `dig txt`, `ssh host cat`, a URL). */
function reachesNetwork(argv: readonly Word[], remote: string | null = null): boolean {
  const prog = programName(argv[0]);
  if (remote !== null || NETWORK.has(prog)) return true;
  if (prog === 'openssl') return argv.some((w) => /^s_(client|server)$/.test(w.text));
  return argv.slice(1).some((w) => REMOTE_ADDRESS.test(w.text));
}

const stage = (argv: readonly Word[]): string => {
  const text = argv.map((w) => w.text).join(' ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** `echo "…$X…"`, `printf '%s' "$(…)"`: text a literal producer gives only at run time. */
const echoesUnknown = (argv: readonly Word[]): boolean =>
  /^(echo|printf)$/.test(programName(argv[0])) && argv.slice(1).some((w) => !w.known);

/**
 * A shell or interpreter that runs what arrives on its stdin (`… | sh`, `… | python3`, `sh < <(…)`):
 * unless a literal (`echo`/`printf` of a constant, a here-doc) feeds it, nobody read that code: high,
 * critical when the producer reaches the network or decodes hidden text. A script named
 * (`curl … | python3 parse.py`) reads its stdin as data.
 */
export const runsFetchedCode: Rule = ({ seg, prog, args }) => {
  const fetchedArg =
    SHELLS.has(prog) || INTERPRETERS.has(prog)
      ? args.find((w) =>
          /^[<>]\(\s*(curl|wget|fetch|http|iwr|irm)\b|\$\(\s*(curl|wget|fetch|http)\b|`\s*(curl|wget)\b/.test(w.text),
        )
      : undefined;
  if (fetchedArg)
    return [
      finding('remote-code', S.catastrophic - 5, `runs code downloaded at run time (${fetchedArg.text.slice(0, 60)})`),
    ];
  const from = seg.pipeFrom;
  if (!from) return [];
  // `echo "ls $DIR" | sh`: the shell's commands were read from text the outer shell fills in at run time.
  const fedShell = /^(\S+) \|$/.exec(seg.via.at(-1) ?? '')?.[1];
  if (fedShell && echoesUnknown(from))
    return [
      finding(
        'remote-code',
        S.high + 5,
        `runs text the shell fills in at run time as ${fedShell} commands (${stage(from)} | ${fedShell})`,
      ),
    ];
  if (!readsCodeFromStdin(prog, args)) return [];
  const producer = programName(from[0]);
  if (DOWNLOADERS.has(producer))
    return [
      finding(
        'remote-code',
        S.catastrophic - 5,
        `runs a script downloaded from ${hostOf(from) ?? 'the network'} without anyone reading it (${producer} | ${prog})`,
      ),
    ];
  if (reachesNetwork(from))
    return [
      finding(
        'remote-code',
        S.catastrophic - 5,
        `runs what ${producer} receives from ${hostOf(from.slice(1)) ?? 'the network'} as ${prog} code, without anyone reading it (${stage(from)} | ${prog})`,
      ),
    ];
  if (
    DECODERS.has(producer) &&
    from.some((w) => /^-(d|D|-decode)$|^-r$|^base64$/.test(w.text) || producer === 'echo' || producer === 'printf')
  ) {
    if ((producer !== 'echo' && producer !== 'printf') || from.some((w) => /^[A-Za-z0-9+/=]{16,}$/.test(w.text))) {
      return [finding('remote-code', S.critical, `runs decoded or hidden code (${producer} | ${prog})`)];
    }
  }
  if (seg.stdin === null)
    return [
      finding('remote-code', S.high + 5, `runs what \`${stage(from)}\` prints as ${prog} code, which nobody has read`),
    ];
  if (echoesUnknown(from))
    return [
      finding(
        'remote-code',
        S.high + 5,
        `runs text the shell fills in at run time as ${prog} code (${stage(from)} | ${prog})`,
      ),
    ];
  // A literal the shell was handed but the parser did not read as commands (`echo … | source /dev/stdin`).
  if (/^(sh|bash|zsh|dash|ksh|mksh|ash|yash|fish|csh|tcsh|source|\.)$/.test(prog))
    return [finding('remote-code', S.high + 5, `runs text piped into ${prog} that Gatehouse did not read as commands`)];
  return [];
};

/** Where a download is saved: `curl -o f`, `curl -O URL` (its last path part), `wget -O f`, `wget URL`, `curl URL > f`. */
export function savedAs(seg: Segment): string | null {
  const prog = programName(seg.argv[0]);
  const args = seg.argv.slice(1);
  if (!DOWNLOADERS.has(prog)) return null;
  const redirected = seg.redirects.find((r) => r.op === '>' || r.op === '>|' || r.op === '&>');
  if (redirected && (redirected.fd === null || redirected.fd === 1)) return redirected.target.text;
  const url = args.find((w) => /^https?:\/\//.test(w.text))?.text;
  // `-so f`, `-sSLo f` (curl), `-qO f` (wget): the value letter last in a cluster of flags takes the next word.
  const cluster = prog === 'wget' ? /^-[A-Za-z]+O$/ : /^-[A-Za-z]+o$/;
  const clustered = args.findIndex((w) => cluster.test(w.text));
  const named =
    optionValue(args, 'o', '--output', '--output-document', '-OutFile') ??
    (prog === 'wget' ? optionValue(args, 'O') : null) ??
    (clustered >= 0 ? (args[clustered + 1]?.text ?? null) : null);
  if (named && named !== '-') return named;
  const remoteName = url?.split(/[?#]/)[0]?.split('/').pop();
  return (prog === 'wget' && !named) || hasOption(args, 'O', '--remote-name') ? remoteName || null : null;
}

/** Stages before this one in its pipeline, nearest first, each found by the argv its successor's pipeFrom names. */
function upstream(seg: Segment, segments: readonly Segment[]): Segment[] {
  const chain: Segment[] = [];
  let from = seg.pipeFrom;
  for (let hops = 0; from && hops < segments.length; hops++) {
    const argv = from;
    const producer = segments.find((s) => s.argv === argv);
    if (!producer) break;
    chain.push(producer);
    from = producer.pipeFrom;
  }
  return chain;
}

/** A file the same command downloaded and then runs (`curl -o i.sh URL && bash i.sh`): remote code, one step removed. */
export function runsDownloaded(segments: readonly Segment[]): Finding | null {
  return networkIntoShell(segments) ?? savedThenRun(segments) ?? clonedThenRun(segments);
}

/**
 * Programs that run the code of the folder they run in: every build, test and run tool (its Makefile, package scripts,
 * build scripts, tests and configs are code) and the shells, as known.ts and benign.ts list them; the package runners,
 * which run the folder's own bins first; and `pip install .` and `docker build`, which run its setup and Dockerfile.
 */
const FOLDER_RUNNERS = new Set(['npx', 'bunx', 'pnpx', 'pip', 'pip3', 'docker']);
export const runsTheFolder = (prog: string): boolean =>
  BUILD_TEST.has(prog) || SCRIPT_RUNNERS.has(prog) || FOLDER_RUNNERS.has(prog);

/** `git clone URL dir`: the folder it makes (the URL's last part without `.git` when none is named). */
function clonedInto(seg: Segment): { dir: string; url: string } | null {
  const prog = programName(seg.argv[0]);
  const args = seg.argv.slice(1);
  const isClone =
    (prog === 'git' && operands(args, ['-C', '-c'])[0]?.text === 'clone') ||
    (prog === 'gh' && args[0]?.text === 'repo' && args[1]?.text === 'clone');
  if (!isClone) return null;
  const ops = operands(args, [
    '-C',
    '-c',
    '-b',
    '--branch',
    '--depth',
    '-o',
    '--origin',
    '--config',
    '--reference',
    '-j',
    '--jobs',
    '--filter',
    '-u',
    '--upload-pack',
  ])
    .map((w) => w.text)
    .filter((t) => t !== 'clone' && t !== 'repo');
  const url = ops[0];
  if (!url) return null;
  const dir =
    ops[1] ??
    url
      .replace(/\/+$/, '')
      .split(/[/:]/)
      .pop()
      ?.replace(/\.git$/, '') ??
    '';
  return dir ? { dir: dir.replace(/^\.\//, '').replace(/\/+$/, ''), url } : null;
}

/**
 * `git clone URL r && cd r && make`, `git clone URL && ./r/install.sh`: code from a repository nobody has read yet,
 * run in the same command (its Makefile, package scripts, build scripts and tests are all its code).
 */
function clonedThenRun(segments: readonly Segment[]): Finding | null {
  const cloned: Array<{ dir: string; url: string }> = [];
  let inside: { dir: string; url: string } | null = null;
  for (const seg of segments) {
    const c = clonedInto(seg);
    if (c) {
      cloned.push(c);
      continue;
    }
    if (cloned.length === 0) continue;
    const prog = programName(seg.argv[0]);
    const argv0 = (seg.argv[0]?.text ?? '').replace(/^\.\//, '');
    if (prog === 'cd') {
      const to = (seg.argv[1]?.text ?? '').replace(/^\.\//, '').replace(/\/+$/, '');
      inside =
        cloned.find((c) => to === c.dir || to.startsWith(`${c.dir}/`)) ??
        (to === '' || to.startsWith('/') || to === '..' ? null : inside);
      continue;
    }
    const byPath = cloned.find(
      (c) =>
        argv0.startsWith(`${c.dir}/`) ||
        seg.argv.slice(1, 2).some((w) => w.text.replace(/^\.\//, '').startsWith(`${c.dir}/`) && runsTheFolder(prog)),
    );
    const from =
      byPath ??
      (inside && (runsTheFolder(prog) || argv0.includes('/') || seg.argv[0]?.text.startsWith('./')) ? inside : null);
    if (from)
      return finding(
        'remote-code',
        S.high + 5,
        `runs code from ${from.url}, a repository this command just cloned, before anyone has read it`,
      );
  }
  return null;
}

/**
 * Anything up a pipeline that reaches the network, feeding a shell or interpreter through other stages
 * (`curl URL | tr a b | sh`, `dig +short txt x | base64 -d | bash`, `ssh h cat x | jq -r .cmd | sh`).
 */
function networkIntoShell(segments: readonly Segment[]): Finding | null {
  for (const seg of segments) {
    const prog = programName(seg.argv[0]);
    if (!seg.pipeFrom) continue;
    // `… | while read l; do echo "$l"; done | sh`: the shell read text echoed at run time (its commands carry `sh |`).
    const fedShell = /^(\S+) \|$/.exec(seg.via.at(-1) ?? '') !== null && echoesUnknown(seg.pipeFrom);
    if (!fedShell && !readsCodeFromStdin(prog, seg.argv.slice(1))) continue;
    const chain = upstream(seg, segments);
    // The stage right before is judged by the segment's own rule (runsFetchedCode).
    const network =
      chain.slice(1).find((s) => reachesNetwork(s.argv, s.remote)) ?? (chain[0]?.remote ? chain[0] : undefined);
    if (!network) continue;
    const through = programName(seg.pipeFrom[0]);
    const host = hostOf(network.argv.slice(1)) ?? network.remote ?? 'the network';
    return finding(
      'remote-code',
      S.catastrophic - 5,
      `runs ${DOWNLOADERS.has(programName(network.argv[0])) ? 'a download' : `what ${programName(network.argv[0])} receives`} from ${host} passed through ${through} (${prog} reads it)`,
    );
  }
  return null;
}

function savedThenRun(segments: readonly Segment[]): Finding | null {
  const saved = new Set<string>();
  const decoded = new Set<string>();
  for (const seg of segments) {
    const file = savedAs(seg);
    if (file) {
      saved.add(file.replace(/^\.\//, ''));
      continue;
    }
    const written = decodedInto(seg);
    if (written) {
      decoded.add(written.replace(/^\.\//, ''));
      continue;
    }
    const prog = programName(seg.argv[0]);
    const direct = (seg.argv[0]?.text ?? '').replace(/^\.\//, '');
    const script =
      SHELLS.has(prog) || INTERPRETERS.has(prog)
        ? operands(seg.argv.slice(1), ['-c', '-e', '-m'])[0]?.text.replace(/^\.\//, '')
        : undefined;
    const ran = [direct, script].find((f) => f !== undefined && saved.has(f));
    if (ran)
      return finding(
        'remote-code',
        S.critical,
        `runs ${ran}, which the same command just downloaded, without anyone reading it`,
      );
    const ranDecoded = [direct, script].find((f) => f !== undefined && decoded.has(f));
    if (ranDecoded)
      return finding(
        'remote-code',
        S.high + 5,
        `runs ${ranDecoded}, which the same command just wrote from encoded text nobody can read`,
      );
  }
  return null;
}

/** Decoding options: `base64 -d`, `xxd -r`, `openssl enc -d`/`base64 -d`. */
const DECODES = /^(-d|-D|--decode|-r|-revert)$/;

/** Where a decoder writes what it decoded (`echo … | base64 -d > x.sh`), or null. */
function decodedInto(seg: Segment): string | null {
  const prog = programName(seg.argv[0]);
  if (!DECODERS.has(prog) || !seg.argv.slice(1).some((w) => DECODES.test(w.text))) return null;
  const out = seg.redirects.find(
    (r) => (r.op === '>' || r.op === '>|' || r.op === '>>') && (r.fd === null || r.fd === 1),
  );
  return out ? out.target.text : (optionValue(seg.argv.slice(1), 'o', '--output', '-out') ?? null);
}

/** Fetching code from the network, in the languages agents write one-liners in. */
const FETCHES =
  /urlopen|urllib|requests\.(get|post)|httpx\.|http\.client|fetch\s*\(|https?\.get\s*\(|axios|Net::HTTP|open-uri|URI\.(open|parse)|LWP::|HTTP::Tiny|file_get_contents\s*\(\s*['"]https?:|curl_exec|Invoke-WebRequest|DownloadString|socket\.recv/i;
/** Running text as code. */
const EXECUTES =
  /\bexec\s*\(|\beval\s*\(|\(\s*eval\s*\)|\bnew\s+Function\s*\(|\bFunction\s*\(|\binstance_eval\b|\bload\s*\(|\brequire\s*\(\s*['"]https?:|\bimport\s*\(\s*['"]https?:|\bmarshal\.loads|\bpickle\.loads|\bcompile\s*\(|\bvm\.run|`\s*\$\(|\beval\s+\$/;
/** A socket wired to a shell: the shape of every reverse shell. */
const SOCKET =
  /socket\s*\.\s*socket|socket\s*\(|\bnet\.(connect|Socket|createConnection)|TCPSocket|IO::Socket|fsockopen|\bSocket\.new|new\s+Socket|\/dev\/tcp\//i;
const SHELL_WIRING =
  /dup2|pty\.spawn|\/bin\/(ba|z|da)?sh\b|\b(ba|z)?sh\s+-i\b|spawn\s*\(\s*['"](\/bin\/)?(ba)?sh|child_process|proc_open|popen|subprocess|exec\s*\(\s*['"]\/bin|cmd\.exe/i;
/** Code that is one expansion and nothing else (`python3 -c "$CODE"`, `node -e "$(cat x)"`). */
const ONLY_EXPANSION = /^\s*(?:\$\{?\w+\}?|\$\([\s\S]*\)|`[\s\S]*`|\$\{[^}]*\})\s*$/;

/**
 * Interpreter code (`-c`, `-e`, `-r`, `--eval`, a here-doc or a literal on stdin): code that downloads
 * and runs code or hands a shell to a remote host, and code that is not fully read (parse/unread.ts):
 * at least medium, high when it can reach processes, files or the network. Code the shell fills in at
 * run time is not what was read either. sed, vim, gdb and the database shells: what they run that
 * cannot be read is high.
 */
export const interpreterCode: Rule = (input) => {
  const { prog, seg } = input;
  const kind = interpreterFor(prog);
  if (!kind) return [];
  if (isEscapes(kind)) return unreadEscapes(kind, seg);
  const source = inlineCode(seg.argv, seg.stdin);
  if (!source) return [];
  const code = source.code.text;
  const found: Finding[] = [];
  if (source.lang !== 'applescript') {
    if (SOCKET.test(code) && SHELL_WIRING.test(code))
      return [
        finding('remote-code', S.catastrophic, `connects a shell to a remote host (a reverse shell, in ${prog})`),
      ];
    if (FETCHES.test(code) && EXECUTES.test(code))
      return [
        finding('remote-code', S.catastrophic - 5, `downloads code and runs it (${prog}), without anyone reading it`),
      ];
  }
  // `python3 <<< "$CODE"`: the here-string is one expansion (a here-doc of only `$CODE` would not even parse).
  if (!source.code.known || (source.stdin && ONLY_EXPANSION.test(code))) {
    const whole = ONLY_EXPANSION.test(code);
    found.push(
      finding(
        'unparsed',
        whole ? S.high : S.notable,
        whole
          ? `not fully read: the ${source.label} code is only known at run time (${code.trim().slice(0, 40)})`
          : `not fully read: the shell fills in part of the ${source.label} code at run time`,
      ),
    );
  }
  const unread = unreadCode(code, source.lang);
  if (unread.what.length > 0) {
    const high = unread.anything || unread.reaches !== null;
    found.push(
      finding(
        'unparsed',
        high ? S.high : S.notable,
        `not fully read: the ${source.label} code ${unread.what.slice(0, 3).join('; ')}${unread.reaches ? `, and can reach ${unread.reaches}` : ''}`,
      ),
    );
  }
  // `python3 -c 'import tool'`, `node -e 'require("./tool")'`: a module of the project runs as it loads, as its script would.
  for (const file of localModules(code, source.lang, input))
    found.push(...input.nested([word(prog), word(file)], `${prog} loads ${path.basename(file)}`));
  return found;
};

/** Extensions a relative `require`/`import` may leave off. */
const JS_EXTENSIONS = ['', '.js', '.mjs', '.cjs', '.ts', '.mts', '/index.js', '/index.ts'];

/** Files of the project that inline code imports (Python modules beside it, relative JavaScript requires), that exist. */
function localModules(code: string, lang: string, input: RuleInput): string[] {
  const { cwd, files } = input.ctx;
  const exists = (p: string) => files.stat(p)?.file === true;
  const out = new Set<string>();
  if (lang === 'python')
    for (const m of code.matchAll(/(?:^|[;\n])\s*(?:from\s+([A-Za-z_][\w.]*)\s+import|import\s+([A-Za-z_][\w.]*))/g)) {
      const base = path.join(cwd, ...(m[1] ?? m[2] ?? '').split('.'));
      const file = [`${base}.py`, path.join(base, '__init__.py')].find(exists);
      if (file) out.add(file);
    }
  if (lang === 'js')
    for (const m of code.matchAll(
      /\b(?:require|import)\s*\(\s*['"`](\.{1,2}\/[^'"`]+)['"`]\s*\)|\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g,
    )) {
      const base = path.resolve(cwd, m[1] ?? m[2] ?? '');
      const file = JS_EXTENSIONS.map((e) => base + e).find(exists);
      if (file) out.add(file);
    }
  return [...out].slice(0, 5);
}

const ESCAPE_KINDS = new Set<string>(['sed', 'dc', 'vim', 'gdb', 'lldb', 'emacs', 'sqlite', 'psql', 'mysql']);
const isEscapes = (kind: string): kind is Escapes => ESCAPE_KINDS.has(kind);

/** What sed, dc, vim, gdb, lldb, emacs and the database shells run that cannot be read, and code they run that is not fully read. */
function unreadEscapes(kind: Escapes, seg: Segment): Finding[] {
  const found: Finding[] = [];
  for (const e of escapesOf(kind, seg.argv, seg.stdin)) {
    if (e.unread) found.push(finding('unparsed', S.high, `not fully read: ${e.unread}`));
    if (e.code) {
      const unread = unreadCode(e.code.text.text, e.code.lang);
      if (unread.what.length > 0)
        found.push(
          finding(
            'unparsed',
            unread.anything || unread.reaches ? S.high : S.notable,
            `not fully read: the ${e.label} code ${unread.what.slice(0, 3).join('; ')}`,
          ),
        );
    }
  }
  return found;
}

/** A shell started interactively from inside another program's code: what a reverse shell runs. */
export const interactiveShellInCode: Rule = ({ seg, prog, args }) => {
  if (!seg.synthetic || !['sh', 'bash', 'zsh', 'dash', 'ksh'].includes(prog)) return [];
  return hasOption(args, 'i') || args.length === 0
    ? [
        finding(
          'remote-code',
          S.high + 5,
          `starts an interactive ${prog} from inside a program (${seg.via.at(-1) ?? 'code'}), which is how reverse shells work`,
        ),
      ]
    : [];
};

/** `deno run https://…`: remote code, sandboxed unless permissions are granted. */
const deno: Rule = ({ args }) => {
  const { 0: sub } = operands(args).map((w) => w.text);
  const url = args.find((w) => /^(https?:|npm:|jsr:)/.test(w.text));
  if (!url || (!/^(run|install|compile|x)$/.test(sub ?? '') && sub !== url.text)) return [];
  const open =
    hasOption(args, 'A', '--allow-all') || args.some((w) => /^--allow-(run|write|ffi|sys|env)(=|$)/.test(w.text));
  return [
    finding(
      'remote-code',
      open ? S.high + 5 : 35,
      `runs ${url.text} from the network${open ? ' with permission to run programs or write files' : ', sandboxed by Deno'}`,
    ),
  ];
};

/** AppleScript: administrator privileges, power, and shell scripts it runs. */
const osascript: Rule = (input: RuleInput): Finding[] => {
  const code = inlineCode(input.seg.argv, input.seg.stdin)?.code.text ?? '';
  const found: Finding[] = [];
  const admin = /with administrator privileges/i.test(code);
  const shell = /do shell script\s+"((?:[^"\\]|\\.)*)"/i.exec(code)?.[1];
  if (shell)
    found.push(
      ...input.nested(shell.split(/\s+/).filter(Boolean).map(word), 'osascript do shell script', { privileged: admin }),
    );
  else if (admin) found.push(finding('privilege', S.elevated, 'asks for administrator privileges (osascript)'));
  if (/\b(shut down|restart|log out)\b/i.test(code) && /System Events|Finder/i.test(code))
    found.push(finding('process', S.critical, 'shuts down, restarts or logs out the Mac (osascript)'));
  if (/keystroke|key code/i.test(code))
    found.push(finding('system-config', 45, 'types keystrokes into other applications (osascript)'));
  if (found.length === 0)
    found.push(
      /^\s*display (notification|dialog|alert)/i.test(code)
        ? finding('read-only', S.readOnly, 'shows a notification or dialog')
        : finding('unknown-program', S.medium, 'runs AppleScript, which can control other applications'),
    );
  return found;
};

/** awk programs run shell commands through `system("…")` and `print | "sh"`. */
const awk: Rule = (input) => {
  const program =
    input.args.find((w, i) => !w.text.startsWith('-') && !/^-[fvF]$/.test(input.args[i - 1]?.text ?? ''))?.text ?? '';
  const found: Finding[] = [];
  for (const m of program.matchAll(/system\s*\(\s*"((?:[^"\\]|\\.)*)"\s*\)/g))
    found.push(...input.nested((m[1] ?? '').split(/\s+/).filter(Boolean).map(word), 'awk system()'));
  if (/\|\s*"\s*(\/bin\/)?(ba|z|da)?sh\b/.test(program) || /system\s*\(\s*[^"\s)]/.test(program))
    found.push(finding('remote-code', S.high, `${input.prog} runs shell commands built at run time`));
  if (/\|\s*getline/.test(program) && /"[^"]*\b(curl|wget|nc)\b/.test(program))
    found.push(finding('remote-code', S.high, `${input.prog} reads the output of a network command`));
  return found;
};

export const CODE_RULES: Record<string, Rule> = { deno, osascript, awk, gawk: awk, mawk: awk, nawk: awk };
