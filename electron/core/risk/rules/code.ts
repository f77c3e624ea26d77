// Code from elsewhere: shells and interpreters fed a download or decoded text, interpreter one-liners
// that fetch and run code or wire a shell to a socket, Deno running a URL, AppleScript doing things as
// administrator. (The parser already turns os.system/subprocess/shutil/fs calls into commands.)
import type { Segment, Word } from '../model.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import { finding, hasOption, operands, optionValue, programName, word, type Rule, type RuleInput } from './util.ts';

export const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'fish', 'csh', 'tcsh', 'ash', 'pwsh', 'powershell', 'iex', 'invoke-expression', 'source', '.']);
export const INTERPRETERS = new Set(['python', 'python2', 'python3', 'py', 'pypy3', 'node', 'nodejs', 'deno', 'bun', 'ruby', 'perl', 'php', 'lua', 'osascript', 'Rscript', 'julia', 'tclsh', 'awk', 'gawk']);
const DOWNLOADERS = new Set(['curl', 'wget', 'fetch', 'http', 'https', 'aria2c', 'irm', 'iwr', 'invoke-webrequest', 'invoke-restmethod', 'lwp-request', 'gh']);
const DECODERS = new Set(['base64', 'base32', 'xxd', 'openssl', 'gunzip', 'zcat', 'rev', 'tr', 'printf', 'echo', 'certutil']);

function hostOf(args: readonly Word[]): string | null {
  const url = args.find((w) => /^(https?|ftp|s3|gs):\/\//i.test(w.text) || /^[\w.-]+\.[a-z]{2,}(\/|:|$)/i.test(w.text));
  if (!url) return null;
  return url.text.replace(/^\w+:\/\//, '').split(/[/?#]/)[0] ?? null;
}

/**
 * A shell or interpreter that runs what arrives on its stdin: `curl … | python3 script.py` gives the
 * download to a script as data; without a script (or with `-`) the download is the code.
 */
function runsItsInput(prog: string, args: readonly Word[]): boolean {
  if (!SHELLS.has(prog) && !INTERPRETERS.has(prog)) return false;
  return SHELLS.has(prog) ? !args.some((w) => /\.(sh|bash|zsh|ps1)$/.test(w.text)) : operands(args, ['-c', '-e', '-m', '-W', '-X']).every((w) => w.text === '-');
}

/** A shell or interpreter that runs what arrives on its stdin or from a process substitution. */
export const runsFetchedCode: Rule = ({ seg, prog, args }) => {
  if (!SHELLS.has(prog) && !INTERPRETERS.has(prog)) return [];
  const from = seg.pipeFrom ? programName(seg.pipeFrom[0]) : null;
  if (from && DOWNLOADERS.has(from) && runsItsInput(prog, args)) {
    return [finding('remote-code', S.catastrophic - 5, `runs a script downloaded from ${hostOf(seg.pipeFrom ?? []) ?? 'the network'} without anyone reading it (${from} | ${prog})`)];
  }
  if (from && DECODERS.has(from) && seg.pipeFrom?.some((w) => /^-(d|D|-decode)$|^-r$|^base64$/.test(w.text) || from === 'echo' || from === 'printf')) {
    if ((from !== 'echo' && from !== 'printf') || seg.pipeFrom?.some((w) => /^[A-Za-z0-9+/=]{16,}$/.test(w.text))) {
      return [finding('remote-code', S.critical, `runs decoded or hidden code (${from} | ${prog})`)];
    }
  }
  const fetchedArg = args.find((w) => /^[<>]\(\s*(curl|wget|fetch|http|iwr|irm)\b|\$\(\s*(curl|wget|fetch|http)\b|`\s*(curl|wget)\b/.test(w.text));
  if (fetchedArg) return [finding('remote-code', S.catastrophic - 5, `runs code downloaded at run time (${fetchedArg.text.slice(0, 60)})`)];
  return [];
};

/** Where a download is saved: `curl -o f`, `curl -O URL` (its last path part), `wget -O f`, `wget URL`, `curl URL > f`. */
function savedAs(seg: Segment): string | null {
  const prog = programName(seg.argv[0]);
  const args = seg.argv.slice(1);
  if (!DOWNLOADERS.has(prog)) return null;
  const redirected = seg.redirects.find((r) => r.op === '>' || r.op === '>|' || r.op === '&>');
  if (redirected && (redirected.fd === null || redirected.fd === 1)) return redirected.target.text;
  const url = args.find((w) => /^https?:\/\//.test(w.text))?.text;
  const named = optionValue(args, 'o', '--output', '--output-document', '-OutFile') ?? (prog === 'wget' ? optionValue(args, 'O') : null);
  if (named && named !== '-') return named;
  const remoteName = url?.split(/[?#]/)[0]?.split('/').pop();
  return (prog === 'wget' && !named) || hasOption(args, 'O', '--remote-name') ? remoteName || null : null;
}

/** Filters that pass what they read on (perhaps changed): a download piped through them is still the download. */
const PASS_THROUGH = new Set(['tee', 'cat', 'head', 'tail', 'sed', 'grep', 'tr', 'dos2unix', 'iconv', 'gunzip', 'zcat', 'gzip', 'xz', 'bzip2', 'base64', 'openssl', 'rev', 'awk', 'cut', 'sort', 'uniq', 'xxd', 'fold', 'stdbuf', 'pv', 'buffer']);

/** A download piped through filters into a shell (`curl URL | tee i.sh | sh`). */
function downloadUpstream(seg: Segment, segments: readonly Segment[]): Word[] | null {
  let from = seg.pipeFrom;
  for (let hops = 0; from && hops < segments.length; hops++) {
    const prog = programName(from[0]);
    if (DOWNLOADERS.has(prog)) return from;
    if (!PASS_THROUGH.has(prog)) return null;
    const stage = from;
    from = segments.find((s) => s.argv === stage)?.pipeFrom ?? null;
  }
  return null;
}

/** A file the same command downloaded and then runs (`curl -o i.sh URL && bash i.sh`): remote code, one step removed. */
export function runsDownloaded(segments: readonly Segment[]): Finding | null {
  return filteredIntoShell(segments) ?? savedThenRun(segments);
}

function filteredIntoShell(segments: readonly Segment[]): Finding | null {
  for (const seg of segments) {
    const prog = programName(seg.argv[0]);
    if (!runsItsInput(prog, seg.argv.slice(1))) continue;
    const download = seg.pipeFrom && !DOWNLOADERS.has(programName(seg.pipeFrom[0])) ? downloadUpstream(seg, segments) : null;
    if (download) return finding('remote-code', S.catastrophic - 5, `runs a download from ${hostOf(download) ?? 'the network'} passed through ${programName(seg.pipeFrom?.[0])} (${prog} reads it)`);
  }
  return null;
}

function savedThenRun(segments: readonly Segment[]): Finding | null {
  const saved = new Set<string>();
  for (const seg of segments) {
    const file = savedAs(seg);
    if (file) {
      saved.add(file.replace(/^\.\//, ''));
      continue;
    }
    const prog = programName(seg.argv[0]);
    const direct = (seg.argv[0]?.text ?? '').replace(/^\.\//, '');
    const script = SHELLS.has(prog) || INTERPRETERS.has(prog) ? operands(seg.argv.slice(1), ['-c', '-e', '-m'])[0]?.text.replace(/^\.\//, '') : undefined;
    const ran = [direct, script].find((f) => f !== undefined && saved.has(f));
    if (ran) return finding('remote-code', S.critical, `runs ${ran}, which the same command just downloaded, without anyone reading it`);
  }
  return null;
}

/** Where an interpreter's inline code is: `-c`, `-e`, `-r`, `--eval`, or a here-doc/pipe on stdin. */
function inlineCode(prog: string, args: readonly Word[], stdin: string | null): string | null {
  const flags = prog.startsWith('php') ? ['-r'] : prog === 'osascript' ? ['-e'] : prog.startsWith('python') || prog === 'py' || prog === 'pypy3' ? ['-c'] : ['-e', '-E', '--eval', '-p', '--print', '-c', '-r'];
  const parts: string[] = [];
  args.forEach((w, i) => {
    if (flags.includes(args[i - 1]?.text ?? '') && !(flags.includes(w.text))) parts.push(w.text);
  });
  if (parts.length) return parts.join('\n');
  return operands(args).every((w) => w.text === '-') ? stdin : null;
}

/** Fetching code from the network, in the languages agents write one-liners in. */
const FETCHES = /urlopen|urllib|requests\.(get|post)|httpx\.|http\.client|fetch\s*\(|https?\.get\s*\(|axios|Net::HTTP|open-uri|URI\.(open|parse)|LWP::|HTTP::Tiny|file_get_contents\s*\(\s*['"]https?:|curl_exec|Invoke-WebRequest|DownloadString|socket\.recv/i;
/** Running text as code. */
const EXECUTES = /\bexec\s*\(|\beval\s*\(|\(\s*eval\s*\)|\bnew\s+Function\s*\(|\bFunction\s*\(|\binstance_eval\b|\bload\s*\(|\brequire\s*\(\s*['"]https?:|\bimport\s*\(\s*['"]https?:|\bmarshal\.loads|\bpickle\.loads|\bcompile\s*\(|\bvm\.run|`\s*\$\(|\beval\s+\$/;
/** A socket wired to a shell: the shape of every reverse shell. */
const SOCKET = /socket\s*\.\s*socket|socket\s*\(|\bnet\.(connect|Socket|createConnection)|TCPSocket|IO::Socket|fsockopen|\bSocket\.new|new\s+Socket|\/dev\/tcp\//i;
const SHELL_WIRING = /dup2|pty\.spawn|\/bin\/(ba|z|da)?sh\b|\b(ba|z)?sh\s+-i\b|spawn\s*\(\s*['"](\/bin\/)?(ba)?sh|child_process|proc_open|popen|subprocess|exec\s*\(\s*['"]\/bin|cmd\.exe/i;

/** Interpreter code that downloads and runs code, or hands a shell to a remote host. */
export const interpreterCode: Rule = ({ prog, args, seg }) => {
  if (!INTERPRETERS.has(prog) || prog === 'osascript') return [];
  const code = inlineCode(prog, args, seg.stdin);
  if (!code) return [];
  if (SOCKET.test(code) && SHELL_WIRING.test(code)) return [finding('remote-code', S.catastrophic, `connects a shell to a remote host (a reverse shell, in ${prog})`)];
  if (FETCHES.test(code) && EXECUTES.test(code)) return [finding('remote-code', S.catastrophic - 5, `downloads code and runs it (${prog}), without anyone reading it`)];
  return [];
};

/** A shell started interactively from inside another program's code: what a reverse shell runs. */
export const interactiveShellInCode: Rule = ({ seg, prog, args }) => {
  if (!seg.synthetic || !['sh', 'bash', 'zsh', 'dash', 'ksh'].includes(prog)) return [];
  return hasOption(args, 'i') || args.length === 0 ? [finding('remote-code', S.high + 5, `starts an interactive ${prog} from inside a program (${seg.via.at(-1) ?? 'code'}), which is how reverse shells work`)] : [];
};

/** `deno run https://…`: remote code, sandboxed unless permissions are granted. */
const deno: Rule = ({ args }) => {
  const { 0: sub } = operands(args).map((w) => w.text);
  const url = args.find((w) => /^(https?:|npm:|jsr:)/.test(w.text));
  if (!url || !/^(run|install|compile|x)$/.test(sub ?? '') && sub !== url.text) return [];
  const open = hasOption(args, 'A', '--allow-all') || args.some((w) => /^--allow-(run|write|ffi|sys|env)(=|$)/.test(w.text));
  return [finding('remote-code', open ? S.high + 5 : 35, `runs ${url.text} from the network${open ? ' with permission to run programs or write files' : ', sandboxed by Deno'}`)];
};

/** AppleScript: administrator privileges, power, and shell scripts it runs. */
const osascript: Rule = (input: RuleInput): Finding[] => {
  const code = inlineCode('osascript', input.args, input.seg.stdin) ?? '';
  const found: Finding[] = [];
  const admin = /with administrator privileges/i.test(code);
  const shell = /do shell script\s+"((?:[^"\\]|\\.)*)"/i.exec(code)?.[1];
  if (shell) found.push(...input.nested(shell.split(/\s+/).filter(Boolean).map(word), 'osascript do shell script', { privileged: admin }));
  else if (admin) found.push(finding('privilege', S.elevated, 'asks for administrator privileges (osascript)'));
  if (/\b(shut down|restart|log out)\b/i.test(code) && /System Events|Finder/i.test(code)) found.push(finding('process', S.critical, 'shuts down, restarts or logs out the Mac (osascript)'));
  if (/keystroke|key code/i.test(code)) found.push(finding('system-config', 45, 'types keystrokes into other applications (osascript)'));
  if (found.length === 0) found.push(/^\s*display (notification|dialog|alert)/i.test(code) ? finding('read-only', S.readOnly, 'shows a notification or dialog') : finding('unknown-program', S.medium, 'runs AppleScript, which can control other applications'));
  return found;
};

/** awk programs run shell commands through `system("…")` and `print | "sh"`. */
const awk: Rule = (input) => {
  const program = input.args.find((w, i) => !w.text.startsWith('-') && !/^-[fvF]$/.test(input.args[i - 1]?.text ?? ''))?.text ?? '';
  const found: Finding[] = [];
  for (const m of program.matchAll(/system\s*\(\s*"((?:[^"\\]|\\.)*)"\s*\)/g)) found.push(...input.nested((m[1] ?? '').split(/\s+/).filter(Boolean).map(word), 'awk system()'));
  if (/\|\s*"\s*(\/bin\/)?(ba|z|da)?sh\b/.test(program) || (/system\s*\(\s*[^"\s)]/.test(program))) found.push(finding('remote-code', S.high, `${input.prog} runs shell commands built at run time`));
  if (/\|\s*getline/.test(program) && /"[^"]*\b(curl|wget|nc)\b/.test(program)) found.push(finding('remote-code', S.high, `${input.prog} reads the output of a network command`));
  return found;
};

export const CODE_RULES: Record<string, Rule> = { deno, osascript, awk, gawk: awk, mawk: awk, nawk: awk };
