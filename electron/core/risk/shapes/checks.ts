// Values a shape table cannot judge by kind alone: `git -c key=value` is harmless or runs a program depending
// on the key. Each check returns what it found ([] when the value is plain data).
import type { Word } from '../model.ts';
import { overwrite, target } from '../rules/files.ts';
import { finding, word, type RuleInput } from '../rules/util.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';

export type ValueCheck = (value: Word, input: RuleInput, label: string) => Finding[];

/**
 * A value the tool runs as a command line (`helm --post-renderer`, `rg --pre`, `--script-shell`): a finding of `score`
 * that says so, then the command judged as what it is; high when it is only known at run time.
 */
export function runsAsCommand(
  score: number,
  says: (value: Word, input: RuleInput, label: string) => string,
  unknown: (value: Word, label: string) => string,
): ValueCheck {
  return (value, input, label) => {
    if (!value.known) return [finding('remote-code', S.high, unknown(value, label))];
    return [finding('remote-code', score, says(value, input, label)), ...input.shell(value.text, label)];
  };
}

/**
 * git configuration keys that are only data (how output looks, who commits). Any other key may make git run a
 * program (`core.fsmonitor`, `core.pager`, `alias.*`, `diff.*.textconv`, `filter.*`, `credential.helper`,
 * `core.sshCommand`, `protocol.*.allow`, `uploadpack.packObjectsHook`, …): git reads hundreds, so the known
 * data keys are listed, not the dangerous ones.
 */
const GIT_DATA_KEYS =
  /^(color\.[\w.-]+|core\.(quotepath|autocrlf|safecrlf|filemode|ignorecase|precomposeunicode|abbrev|whitespace|longpaths)|user\.(name|email)|author\.(name|email)|committer\.(name|email)|advice\.[\w-]+|init\.defaultbranch|log\.[\w-]+|format\.pretty|pager\.[\w-]+=false|column\.ui|diff\.(noprefix|mnemonicprefix|renames|algorithm|colormoved|context|interhunkcontext|relative|statgraphwidth)|merge\.(conflictstyle|ff)|pull\.(rebase|ff)|push\.(default|autosetupremote)|fetch\.prune|commit\.gpgsign|tag\.gpgsign|gc\.auto|maintenance\.auto|status\.[\w-]+|branch\.sort|rebase\.autosquash|i18n\.[\w-]+|versionsort\.suffix|grep\.[\w-]+|blame\.[\w-]+|http\.sslverify)$/i;

/** Whether a git configuration key (or `key=value`) is only data: how output looks, who commits. */
export function isGitDataKey(key: string): boolean {
  return GIT_DATA_KEYS.test(key);
}

const gitConfig: ValueCheck = (value, _input, label) => {
  if (!value.known)
    return [
      finding('remote-code', S.high, `${label} sets git configuration only known at run time (\`${value.text}\`)`),
    ];
  const eq = value.text.indexOf('=');
  const key = (eq < 0 ? value.text : value.text.slice(0, eq)).toLowerCase();
  const v = eq < 0 ? 'true' : value.text.slice(eq + 1);
  if (GIT_DATA_KEYS.test(key) || GIT_DATA_KEYS.test(`${key}=${v}`)) return [];
  return [
    finding(
      'remote-code',
      S.high,
      `${label} ${key}=${v.length > 60 ? `${v.slice(0, 57)}…` : v}: git may run this setting's value as a program`,
    ),
  ];
};

/** `ssh -o Option=value`: options that run a local command or forward ports and agents. */
const SSH_SAFE_OPTIONS =
  /^(batchmode|connecttimeout|connectionattempts|stricthostkeychecking|userknownhostsfile|loglevel|serveraliveinterval|serveralivecountmax|port|user|identitiesonly|identityfile|compression|tcpkeepalive|addressfamily|hostkeyalgorithms|pubkeyacceptedkeytypes|pubkeyacceptedalgorithms|preferredauthentications|passwordauthentication|updatehostkeys|requesttty|controlmaster|controlpath|controlpersist|visualhostkey|checkhostip|hashknownhosts|kexalgorithms|ciphers|macs|numberofpasswordprompts|setenv|sendenv)$/i;

const sshOption: ValueCheck = (value, input, label) => {
  if (!value.known) return [finding('remote-code', S.high, `${label} sets an ssh option only known at run time`)];
  const [key = '', ...rest] = value.text.split(/[=\s]+/);
  const v = rest.join(' ');
  if (/^(proxycommand|localcommand|knownhostscommand|remotecommand)$/i.test(key))
    return [
      finding('remote-code', S.high, `${label} ${key} runs a command on this machine`),
      ...input.shell(v, `${label} ${key}`),
    ];
  if (/^permitlocalcommand$/i.test(key))
    return [finding('remote-code', S.high, `${label} ${key} lets ssh run local commands`)];
  if (SSH_SAFE_OPTIONS.test(key)) return [];
  return [finding('unparsed', S.medium, `Gatehouse does not know what the ssh option ${key} does`)];
};

/** psql meta-commands that only describe or format (`\dt`, `\l+`, `\x`); any other may read, write or run something. */
const PSQL_SAFE_META = /^(d[a-zA-Z]*S?\+?|l\+?|x|conninfo|timing|encoding|echo|q|\?|sf\+?|sv\+?|z)$/;

/** `psql -c`: SQL is the rules' business (rules/data.ts); meta-commands can run shell commands (`\!`, `\o |cmd`, `\copy … program`). */
const psqlCommand: ValueCheck = (value, input, label) => {
  if (!value.known) return [finding('database', S.medium, `${label} runs SQL only known at run time`)];
  const found: Finding[] = [];
  for (const m of value.text.matchAll(/\\([a-zA-Z]+\+?|[!?.])([^\\\n]*)/g)) {
    const [, meta = '', rest = ''] = m;
    if (meta === '!')
      found.push(
        finding('remote-code', S.high, `${label} \\! runs a shell command`),
        ...input.shell(rest.trim(), `${label} \\!`),
      );
    else if (rest.includes('|'))
      found.push(
        finding('remote-code', S.high, `${label} \\${meta} pipes to a shell command`),
        ...input.shell(rest.slice(rest.indexOf('|') + 1).trim(), `${label} \\${meta}`),
      );
    else if (!PSQL_SAFE_META.test(meta))
      found.push(
        finding('unparsed', S.medium, `Gatehouse does not know what the psql meta-command \\${meta} does here`),
      );
  }
  if (/\bprogram\s+'/i.test(value.text))
    found.push(finding('remote-code', S.high, `${label} runs a program through COPY … PROGRAM`));
  return found;
};

/** `mysql -e`: client commands `system`/`\!` run shell commands; `pager`, `tee`, `source` run, write or read files. */
const mysqlCommand: ValueCheck = (value, input, label) => {
  if (!value.known) return [finding('database', S.medium, `${label} runs SQL only known at run time`)];
  const found: Finding[] = [];
  for (const st of value.text.split(/[;\n]/)) {
    const sys = /^\s*system\s+(.*)$/i.exec(st) ?? /\\!\s*(.*)$/.exec(st);
    if (sys) {
      found.push(
        finding('remote-code', S.high, `${label} runs a shell command`),
        ...input.shell((sys[1] ?? '').trim(), `${label} system`),
      );
    } else if (/^\s*(pager|tee|source|edit|connect|prompt)\b|\\[PTe.]/i.test(st)) {
      found.push(
        finding(
          'unparsed',
          S.medium,
          `Gatehouse does not know what the mysql client command in \`${st.trim().slice(0, 40)}\` does here`,
        ),
      );
    }
  }
  return found;
};

/** A sed script's `e` command, `s///e` flag (run a shell command), and `w`/`W` commands, `s///w` flag (write a file). */
interface SedEffects {
  runs: string[];
  writes: string[];
  /** The script could not be read to its end (an unknown command): what it does is unknown. */
  unread: string | null;
}

/** Reads a sed script command by command (GNU and BSD syntax), keeping only what runs or writes. */
export function sedEffects(script: string): SedEffects {
  const out: SedEffects = { runs: [], writes: [], unread: null };
  let i = 0;
  const n = script.length;
  const restOfLine = () => {
    const end = script.indexOf('\n', i);
    const text = script.slice(i, end < 0 ? n : end);
    i = end < 0 ? n : end + 1;
    return text;
  };
  /** Reads up to an unescaped `delim` (the delimiter of `s`, `y` and `\cREGEXc`); false when it is missing. */
  const until = (delim: string): boolean => {
    while (i < n) {
      const c = script[i] as string;
      if (c === '\\') i += 2;
      else if (c === delim) {
        i++;
        return true;
      } else i++;
    }
    return false;
  };
  const address = (): boolean => {
    const c = script[i];
    if (c === undefined) return true;
    if (/[\d$]/.test(c)) {
      while (i < n && /[\d$~]/.test(script[i] as string)) i++;
      return true;
    }
    if (c === '/') {
      i++;
      if (!until('/')) return false;
    } else if (c === '\\') {
      const d = script[i + 1];
      if (d === undefined) return false;
      i += 2;
      if (!until(d)) return false;
    } else return true;
    while (i < n && /[IM]/.test(script[i] as string)) i++;
    return true;
  };
  while (i < n) {
    while (i < n && /[\s;]/.test(script[i] as string)) i++;
    if (i >= n) break;
    if (!address()) return { ...out, unread: 'an address is not closed' };
    while (i < n && script[i] === ' ') i++;
    if (script[i] === ',') {
      i++;
      if (script[i] === '+' || script[i] === '~') i++;
      if (!address()) return { ...out, unread: 'an address is not closed' };
    }
    while (i < n && /[\s!]/.test(script[i] as string)) i++;
    const cmd = script[i];
    if (cmd === undefined) break;
    i++;
    if ('{}=dDgGhHlnNpPxzF'.includes(cmd)) {
      if (cmd === 'l') while (i < n && /\d/.test(script[i] as string)) i++;
      continue;
    }
    if ('qQL'.includes(cmd)) {
      while (i < n && /[\d\s]/.test(script[i] as string) && script[i] !== '\n') i++;
      continue;
    }
    if (cmd === '#') {
      restOfLine();
      continue;
    }
    if (cmd === ':' || 'btTv'.includes(cmd)) {
      // A label: up to `;` or the end of the line.
      while (i < n && script[i] !== ';' && script[i] !== '\n' && script[i] !== '}') i++;
      continue;
    }
    if ('aic'.includes(cmd)) {
      // Text to the end of the line (and on, while lines end in `\`).
      let text = restOfLine();
      while (text.endsWith('\\') && i < n) text = restOfLine();
      continue;
    }
    if ('rR'.includes(cmd)) {
      restOfLine();
      continue;
    }
    if ('wW'.includes(cmd)) {
      out.writes.push(restOfLine().trim());
      continue;
    }
    if (cmd === 'e') {
      out.runs.push(restOfLine().trim());
      continue;
    }
    if (cmd === 's' || cmd === 'y') {
      const delim = script[i];
      if (delim === undefined || delim === '\n' || delim === '\\')
        return { ...out, unread: `\`${cmd}\` has no delimiter` };
      i++;
      if (!until(delim) || !until(delim)) return { ...out, unread: `\`${cmd}\` is not closed` };
      if (cmd === 'y') continue;
      while (i < n && /[gipIMmex\d]/.test(script[i] as string)) {
        if (script[i] === 'e') out.runs.push('');
        i++;
      }
      if (script[i] === 'w') {
        i++;
        out.writes.push(restOfLine().trim());
      }
      continue;
    }
    return { ...out, unread: `\`${cmd}\` is not a sed command Gatehouse knows` };
  }
  return out;
}

/** `sed 'script'`, `sed -e script`: the commands it runs and the files it writes. */
const sedScript: ValueCheck = (value, input, label) => {
  if (!value.known)
    return [
      finding(
        'remote-code',
        S.high,
        `${label}: the sed script is only known at run time, and sed scripts can run commands`,
      ),
    ];
  if (value.text === '') {
    // BSD `sed -i '' 'script' f`: the empty word is the backup suffix, the script is the next one.
    const at = input.args.findIndex((w) => w.text === '' && w.known);
    const next = at >= 0 ? input.args[at + 1] : undefined;
    return next && next.text !== '' ? sedScript(next, input, label) : [];
  }
  const { runs, writes, unread } = sedEffects(value.text);
  const found: Finding[] = [];
  for (const cmd of runs) {
    if (cmd === '')
      found.push(finding('remote-code', S.high, `${label} runs the text it edits as shell commands (sed \`e\`)`));
    else found.push(...input.shell(cmd, `${label} e`));
  }
  for (const file of writes) {
    if (file === '/dev/stdout' || file === '/dev/stderr') continue;
    found.push(
      file === ''
        ? finding('unparsed', S.medium, `${label} writes a file it does not name`)
        : overwrite(word(file), input, false, `${label} writes`),
    );
  }
  if (unread) found.push(finding('unparsed', S.medium, `Gatehouse could not read this sed script: ${unread}`));
  return found;
};

/**
 * sqlite3 dot-commands that only describe or format; others run shell commands (`.shell`, `.system`), load code
 * (`.load`), or read and write files (`.output`, `.import`, `.read`, `.backup`); so do some SQL functions of the
 * sqlite3 shell (`load_extension`, `writefile`, `edit`, which runs an editor it is given).
 */
const SQLITE_SAFE_ARG =
  /^(?![\s\S]*\b(load_extension|writefile|readfile|edit|fts3_tokenizer)\s*\()(?![\s\S]*\b(attach|vacuum\s+into)\b)(?!\.[a-zA-Z])|^\.(tables|schema|indexes|indices|headers?|mode|dbinfo|databases|show|width|fullschema|timer|nullvalue|separator|echo|bail|eqp|print|help|version|stats|changes|lint|dump|quit|exit)\b[^\n]*$/i;

/** `sqlite3 -cmd` and sqlite3's operands (the database, then SQL or dot-commands); what the SQL does is the rules' business. */
const sqliteCommand: ValueCheck = (value, input, label) => {
  if (!value.known) return [finding('database', S.medium, `${label} is only known at run time`)];
  const shell = /^\.(shell|system)\s+([\s\S]*)$/i.exec(value.text);
  if (shell)
    return [
      finding('remote-code', S.high, `${label} runs a shell command`),
      ...input.shell(shell[2] ?? '', `${label} .${shell[1]}`),
    ];
  if (!SQLITE_SAFE_ARG.test(value.text))
    return [
      finding(
        'unparsed',
        S.medium,
        `Gatehouse does not know what \`${value.text.slice(0, 40)}\` does in sqlite3: it may load code or read and write files`,
      ),
    ];
  return [];
};

/** `mongosh --eval`: JavaScript that may reach this machine (`require`, `process`, `load`, `runProgram`); queries are the rules' business. */
const mongoEval: ValueCheck = (value, _input, label) => {
  if (!value.known) return [finding('remote-code', S.high, `${label} runs JavaScript only known at run time`)];
  if (
    /\b(require|process|child_process|load|runProgram|runMongoProgram|_runMongoProgram|run|startMongoProgram|fs|import|eval|Function|exec\w*|spawn\w*)\s*[.(]/.test(
      value.text,
    )
  )
    return [
      finding(
        'remote-code',
        S.high,
        `${label} runs JavaScript that can reach this machine (\`${value.text.slice(0, 60)}\`)`,
      ),
    ];
  return [];
};

/**
 * A program the tool runs on its own output (`helm --post-renderer ./p.sh`): judged as that program, and never low,
 * since it is given everything the tool renders (secrets included) and is named only here.
 */
const program = runsAsCommand(
  S.medium,
  (value, input, label) => `${label} runs ${value.text} on what ${input.prog} renders`,
  (value, label) => `${label} runs a program only known at run time (\`${value.text}\`)`,
);

/** An endpoint other than this machine: signed requests, and any file a parameter reads (`file://…`), go there. */
const localEndpoint: ValueCheck = (value, _input, label) => {
  if (
    value.known &&
    /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\]|host\.docker\.internal)(:\d+)?(\/|$)/i.test(value.text)
  )
    return [];
  return [
    finding(
      'network-upload',
      S.medium,
      `${label} sends requests to ${value.known ? value.text : 'an endpoint only known at run time'} instead of the cloud's own`,
    ),
  ];
};

/** A value an argparse CLI (aws, gcloud, az) would read as an option of its own, not as this option's value. */
const notOption: ValueCheck = (value, _input, label) => {
  if (!value.known) return [];
  if (/^-[^\d]/.test(value.text))
    return [
      finding(
        'unparsed',
        S.medium,
        `Gatehouse does not know what \`${value.text}\` does: ${label} would not take it as its value`,
      ),
    ];
  return [];
};

/**
 * Ex commands that only move, show or set how the editor looks, and save or quit (`vim -c`, `--cmd`). Anything
 * else (`:source`, `:py`, `:lua`, `:exe`, `:let`, `:call`, `:normal`, `:s` with `\=`) may run code.
 */
const PLAIN_EX =
  /^(\d+|\$|[wx]|wq?a?!?|xa(ll)?!?|q(a|all|uit)?!?|wqa(ll)?!?|up(date)?|se(t|tl|tlocal)?\s+[\w\s=.,:+^-]*|syn(tax)?\s+(on|off|enable)|filetype\s+[\w\s]+|colo(rscheme)?\s+[\w-]+|noh(lsearch)?|e(dit)?!?\s+[\w./~-]+|tabe(dit)?\s+[\w./~-]+|sp(lit)?\s+[\w./~-]+|vs(plit)?\s+[\w./~-]+|\/[^/|]*\/?|help\s+[\w.:-]+|version|ve|redraw!?|norm(al)?!?\s+[\w$^{}<>gGjkhlwbeWBE0-9]*|diffthis|diffoff|foldopen!?|zR|%?s\/[^\\|]*\/[^\\|]*\/[gic]*)$/;

/** `vim -c cmd`, `vim --cmd cmd`: an Ex command. `!cmd`, `:r !cmd`, `:w !cmd`, `call system(…)` and `:terminal` run a shell command. */
const exCommand: ValueCheck = (value, input, label) => {
  if (!value.known) return [finding('remote-code', S.high, `${label} runs an editor command only known at run time`)];
  const found: Finding[] = [];
  for (const raw of value.text.split('|')) {
    const cmd = raw.trim().replace(/^:+\s*/, '');
    if (cmd === '' || PLAIN_EX.test(cmd)) continue;
    // A range before a filter (`%!sort`, `1,5!fmt`) or a bang command.
    const bang =
      /^[%.$\d,'<>+\-\s]*!(.*)$/s.exec(cmd) ??
      /^(?:r(?:ead)?|w(?:rite)?)\s*!(.*)$/s.exec(cmd) ??
      /^(?:ter(?:m(?:inal)?)?)!?\s+(?:\+\+\w+\s+)*(.*)$/s.exec(cmd);
    if (bang) {
      found.push(
        finding('remote-code', S.medium, `${label} runs a shell command from the editor`),
        ...input.shell(bang[1] ?? '', label),
      );
      continue;
    }
    const call =
      /^(?:call?\s+|echo\s+|let\s+\S+\s*=\s*)?system(?:list)?\s*\(\s*(['"])((?:(?!\1)[^\\]|\\.)*)\1\s*\)\s*$/s.exec(
        cmd,
      );
    if (call) {
      found.push(
        finding('remote-code', S.medium, `${label} runs a shell command from the editor`),
        ...input.shell(call[2] ?? '', label),
      );
      continue;
    }
    if (
      /\bsystem(list)?\s*\(|\bjob_start\b|\bjobstart\b|\bterm(inal)?\b|^(py|pyt|python|py3|python3|pyx|lua|luado|luafile|perl|ruby|rub|tcl|mz|so|source|exe|execute|runtime|ru|pa|packadd)\b/.test(
        cmd,
      )
    ) {
      found.push(
        finding(
          'remote-code',
          S.high,
          `${label} ${cmd.length > 60 ? `${cmd.slice(0, 57)}…` : cmd}: runs code or a program from the editor`,
        ),
      );
      continue;
    }
    found.push(
      finding(
        'unparsed',
        S.medium,
        `Gatehouse does not know what the editor command \`${cmd.length > 60 ? `${cmd.slice(0, 57)}…` : cmd}\` does`,
      ),
    );
  }
  return found;
};

/** `ssh-keygen -f FILE`: read when it only prints a key (`-l`, `-y`, `-F`, `-L`, `-e`, `-B`), written when it makes or changes one. */
const keygenFile: ValueCheck = (value, input, label) => {
  const reads = input.args.some((w) => /^-[a-zA-Z]*[lyFLeB]/.test(w.text));
  const makes = input.args.some((w) => /^-[a-zA-Z]*[tpcNPb]/.test(w.text));
  if (reads && !makes) return [];
  return [overwrite(value, input, false, `${label}: ssh-keygen writes a key to`)];
};

/**
 * `rg --pre CMD`, `zip -TT CMD`: a program run in place of one the tool would run itself, on every file it reads, an
 * option an agent has no ordinary need for. Never low, and judged as the command line it is.
 */
const runsInstead = runsAsCommand(
  S.medium,
  (value, _input, label) =>
    `${label} runs ${value.text.length > 60 ? `${value.text.slice(0, 57)}…` : value.text} in place of its own work`,
  (value, label) => `${label} runs a command only known at run time (\`${value.text}\`)`,
);

/**
 * A file of code a tool loads as its configuration or build script (`webpack --config`, `mvn -f`, `rake -f`): the
 * project's own is what the tool is for, like the script `node` is given; one from anywhere else is code nobody
 * in the project wrote.
 */
const projectCode: ValueCheck = (value, input, label) => {
  if (value.known && target(value, input).kind === 'project') return [];
  return [finding('build-test', S.medium, `${label} loads ${value.text} into ${input.prog}, from outside the project`)];
};

/** `tar --checkpoint-action=exec=CMD` runs CMD at every checkpoint; `echo`, `dot`, `bell`, `sleep=`, `ttyout=`, `totals`, `wait=` only print or wait. */
const tarCheckpoint: ValueCheck = (value, input, label) => {
  if (!value.known)
    return [finding('remote-code', S.high, `${label} is only known at run time, and can run a command`)];
  const exec = /^exec=([\s\S]*)$/.exec(value.text);
  if (exec)
    return [
      finding('remote-code', S.high, `${label} runs ${exec[1]} at every checkpoint`),
      ...input.shell(exec[1] ?? '', label),
    ];
  if (/^(echo|dot|\.|bell|totals|(sleep|ttyout|wait)=.*|echo=.*)$/.test(value.text)) return [];
  return [finding('unparsed', S.medium, `Gatehouse does not know what the checkpoint action ${value.text} does`)];
};

/** `npm --script-shell X`, `yarn --script-shell X`: every script the project runs goes through X instead of the shell. */
const replacesShell = runsAsCommand(
  S.high,
  (value, _input, label) => `${label} runs every script through ${value.text} instead of the shell`,
  (_value, label) => `${label} runs every script through a program only known at run time`,
);

/** `make --eval=TEXT`: make code; `$(shell CMD)` and recipe lines (`t: ; CMD`) run CMD. Never low. */
const makeEval: ValueCheck = (value, input, label) => {
  if (!value.known) return [finding('remote-code', S.high, `${label} runs make code only known at run time`)];
  const asShell = value.text.replace(/\$[({]shell\s+/g, '$(').replace(/^[^:\n]*::?\s*;?/gm, '');
  return [
    finding('remote-code', S.medium, `${label} adds make code from the command line`),
    ...input.shell(asShell, label),
  ];
};

/** `cargo --config KEY=VALUE`: a runner, linker, wrapper or alias runs a program; other keys are settings; a file is loaded. */
const cargoConfig: ValueCheck = (value, input, label) => {
  if (!value.known) return [finding('remote-code', S.high, `${label} sets cargo configuration only known at run time`)];
  const eq = value.text.indexOf('=');
  if (eq < 0) return [finding('build-test', S.medium, `${label} loads ${value.text} as cargo configuration`)];
  const key = value.text.slice(0, eq).trim();
  if (
    /(runner|linker|rustc|rustc-wrapper|rustc-workspace-wrapper|rustdoc|\bar$|credential-provider|alias\.|\.command|build-std|target-applies-to-host)/.test(
      key,
    )
  ) {
    const program = value.text
      .slice(eq + 1)
      .trim()
      .replace(/^['"[]+|['"\]]+$/g, '');
    return [
      finding('remote-code', S.high, `${label} ${key}: makes cargo run ${program}`),
      ...input.shell(program, label),
    ];
  }
  return [];
};

/** `git --exec-path=DIR`: git runs its own subcommands (`git-status`…) from DIR. */
const gitExecPath: ValueCheck = (value, _input, label) => [
  finding('remote-code', S.high, `${label}=${value.text}: git runs its own programs from there`),
];

export const VALUE_CHECKS: Readonly<Record<string, ValueCheck>> = {
  makeeval: makeEval,
  cargoconfig: cargoConfig,
  gitexecpath: gitExecPath,
  checkpoint: tarCheckpoint,
  scriptshell: replacesShell,
  gitconfig: gitConfig,
  ssh: sshOption,
  psql: psqlCommand,
  mysql: mysqlCommand,
  sqlite: sqliteCommand,
  mongo: mongoEval,
  endpoint: localEndpoint,
  program,
  arg: notOption,
  sed: sedScript,
  excommand: exCommand,
  keygenfile: keygenFile,
  runs: runsInstead,
  projectcode: projectCode,
};
