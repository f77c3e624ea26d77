// Processes and power: stopping a process is never nothing (medium); stopping every process of a kind
// the machine, the agent or its reviewer depends on is high; every process, or init, is catastrophic.
import type { Word } from '../model.ts';
import { S } from '../types.ts';
import { finding, hasOption, operands, type Rule } from './util.ts';

/** Processes the system cannot live without. */
const SYSTEM_PROCESS =
  /^(init|systemd|launchd|kernel_task|WindowServer|loginwindow|csrss|wininit|winlogon|lsass|smss|services)$/i;
/** Processes whose every instance is something people and tools depend on: runtimes, shells, remote access, agents, servers. */
const BROAD_PROCESS =
  /^(\.|\.\*|\*|node|nodejs|bun|deno|python\d*(\.\d+)?|java|ruby|perl|php|dotnet|go|bash|zsh|sh|fish|tmux|screen|ssh|sshd|ssh-agent|gpg-agent|code|cursor|electron|chrome|google-chrome|firefox|safari|Finder|Dock|SystemUIServer|explorer|gnome-shell|plasmashell|Xorg|Xwayland|docker|dockerd|containerd|kubelet|claude|codex|gemini|aider|postgres|postgresql|mysqld|mariadbd|mongod|redis-server|nginx|httpd|apache2|gunicorn|uvicorn|php-fpm|sudo|su)$/i;

/** kill: the first word may be a signal; every other word is a pid, a job (`%1`) or a process group (`-1234`). */
function killTargets(args: readonly Word[]): { signal: string; targets: string[]; lists: boolean } {
  let signal = 'TERM';
  const targets: string[] = [];
  let i = 0;
  const first = args[0]?.text ?? '';
  if (/^-(l|L|-list|-table)$/.test(first)) return { signal, targets, lists: true };
  if (/^-(s|n|-signal)$/.test(first)) {
    signal = args[1]?.text ?? signal;
    i = 2;
  } else if (/^-([A-Za-z][A-Za-z0-9+-]*|\d+)$/.test(first) && args.length > 1) {
    signal = first.slice(1);
    i = 1;
  }
  for (; i < args.length; i++) {
    const t = (args[i] as Word).text;
    if (t !== '--') targets.push(t);
  }
  return { signal: signal.replace(/^SIG/i, '').toUpperCase(), targets, lists: false };
}

const kill: Rule = ({ args }) => {
  const { signal, targets, lists } = killTargets(args);
  if (lists) return [finding('read-only', S.readOnly, 'lists signals')];
  const force = signal === '9' || signal === 'KILL';
  if (signal === '0') return [finding('read-only', S.readOnly, `checks whether process ${targets.join(' ')} exists`)];
  if (targets.some((t) => t === '-1')) return [finding('process', S.catastrophic, 'kills every process you can reach')];
  if (targets.some((t) => t === '1'))
    return [finding('process', S.catastrophic, 'kills init, taking the whole system down')];
  if (targets.some((t) => t === '0' || /^-\d+$/.test(t)))
    return [
      finding(
        'process',
        S.high,
        `kills a whole process group (${targets.join(' ')}), which can include this shell and the agent`,
      ),
    ];
  const found = targets.find((t) => /\$\(\s*(pgrep|pidof)\s+(-\w+\s+)*['"]?([\w.-]+)/.test(t));
  const named = found ? (/\$\(\s*(pgrep|pidof)\s+(-\w+\s+)*['"]?([\w.-]+)/.exec(found)?.[3] ?? '') : '';
  if (named && (BROAD_PROCESS.test(named) || SYSTEM_PROCESS.test(named)))
    return [finding('process', S.high, `${force ? 'force-kills' : 'stops'} every ${named} process`)];
  return [
    finding('process', force ? 35 : S.medium, `${force ? 'force-kills' : 'stops'} ${targets.join(' ') || 'a process'}`),
  ];
};

/** pkill, killall: by name or pattern. */
const killByName: Rule = ({ prog, args }) => {
  const patterns = operands(args, ['-s', '--signal', '-u', '-U', '-g', '-G', '-t', '-P', '--parent', '-n', '-o']).map(
    (w) => w.text,
  );
  const force =
    args.some((w) => /^-(9|KILL|SIGKILL)$/i.test(w.text)) ||
    (args.some((w) => w.text === '-s') && args.some((w) => /^(9|KILL|SIGKILL)$/i.test(w.text)));
  const what = patterns.join(' ') || '(nothing)';
  if (patterns.some((p) => SYSTEM_PROCESS.test(p)))
    return [finding('process', S.critical, `${prog} kills ${what}, which the system needs`)];
  if ((hasOption(args, 'u') || hasOption(args, 'U')) && patterns.length === 0)
    return [finding('process', S.critical, `${prog} kills every process of a user`)];
  if (patterns.some((p) => BROAD_PROCESS.test(p)))
    return [
      finding(
        'process',
        S.high,
        `${prog} ${force ? '-9 ' : ''}kills every ${what} process, the agent's and its reviewer's included`,
      ),
    ];
  return [
    finding('process', force ? 45 : S.notable, `${prog} ${force ? '-9 ' : ''}kills every process matching ${what}`),
  ];
};

/**
 * A fork bomb, judged on what runs (text that merely spells one is harmless): a function that calls
 * itself more than once (`:(){ :|:& };:`, `bomb() { bomb | bomb & }; bomb`), and is called.
 */
export function forkBomb(segments: ReadonlyArray<{ argv: readonly string[]; via: readonly string[] }>): boolean {
  const selfCalls = new Map<string, number>();
  const called = new Set<string>();
  for (const s of segments) {
    const name = s.argv[0];
    if (name === undefined) continue;
    if (s.via.includes(`function ${name}`)) selfCalls.set(name, (selfCalls.get(name) ?? 0) + 1);
    else called.add(name);
  }
  return [...selfCalls].some(([name, n]) => n >= 2 && called.has(name));
}

/** A body that starts a background job (`… & done`). */
const SPAWNING_BODY = String.raw`\s*do\b(?:(?!\bdone\b)[\s\S])*?[^&|>]&(?![&>])(?:(?!\bdone\b)[\s\S])*\bdone\b`;
/** `while COND; do … & done`, `until COND; …`: the condition is checked against the segments (see below). */
const CONDITIONAL_SPAWNING_LOOP = new RegExp(String.raw`\b(while|until)\s+([^;\n]*?)\s*[;\n]` + SPAWNING_BODY, 'g');
const ENDLESS_FOR_SPAWNING_LOOP = new RegExp(String.raw`\bfor\s*\(\(\s*;\s*;\s*\)\)\s*;?` + SPAWNING_BODY);
/** Redirections, which do not change what a condition returns (`while true 2>/dev/null`). */
const REDIRECTION = /(?:^|\s)\d*(?:>>?|<|&>>?|>&|<&|>\|)\s*[^\s;&|]+/g;
const bare = (text: string) => text.replace(REDIRECTION, ' ').trim();

/**
 * A loop that never ends and backgrounds a job each time round fills the process table like a fork bomb.
 * Judged on what runs: the loop's condition must be a segment that always succeeds (`true`, `:`) or
 * fails (`until false`), however it is written (`'true'`, `command true`, `env true`, `true 2>/dev/null`),
 * so text that only spells such a loop is harmless.
 */
export function endlessSpawningLoop(
  command: string,
  segments: ReadonlyArray<{ argv: readonly string[]; text?: string }>,
): boolean {
  if (ENDLESS_FOR_SPAWNING_LOOP.test(command)) return true;
  for (const m of command.matchAll(CONDITIONAL_SPAWNING_LOOP)) {
    const forever = m[1] === 'while' ? ['true', ':'] : ['false'];
    const condition = bare(m[2] ?? '');
    if (m[1] === 'while' && /^\[\s*1\s*\]$/.test(condition)) return true;
    if (
      segments.some(
        (s) =>
          s.argv.length === 1 &&
          forever.includes(s.argv[0] ?? '') &&
          s.text !== undefined &&
          bare(s.text) === condition,
      )
    )
      return true;
  }
  return false;
}

const power: Rule = ({ prog }) => [
  finding(
    'process',
    S.critical,
    `${prog === 'shutdown' || prog === 'halt' || prog === 'poweroff' ? 'shuts down' : 'restarts'} the machine (${prog})`,
  ),
];

export const PROCESS_RULES: Record<string, Rule> = {
  kill,
  pkill: killByName,
  killall: killByName,
  skill: killByName,
  fuser: ({ args }) =>
    hasOption(args, 'k', '--kill')
      ? [
          finding(
            'process',
            35,
            `kills whatever uses ${operands(args)
              .map((w) => w.text)
              .join(' ')}`,
          ),
        ]
      : [finding('read-only', S.readOnly, 'shows which processes use a file or port')],
  renice: () => [finding('process', S.medium, 'changes the priority of running processes')],
  shutdown: power,
  reboot: power,
  halt: power,
  poweroff: power,
  init: (i) => (/^[06]$/.test(operands(i.args)[0]?.text ?? '') ? power(i) : []),
  telinit: (i) => (/^[06]$/.test(operands(i.args)[0]?.text ?? '') ? power(i) : []),
};
