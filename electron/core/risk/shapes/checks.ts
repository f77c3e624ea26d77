// Values a shape table cannot judge by kind alone: `git -c key=value` is harmless or runs a program depending
// on the key. Each check returns what it found ([] when the value is plain data).
import type { Word } from '../model.ts';
import { finding, type RuleInput } from '../rules/util.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';

export type ValueCheck = (value: Word, input: RuleInput, label: string) => Finding[];

/**
 * git configuration keys that are only data (how output looks, who commits). Any other key may make git run a
 * program (`core.fsmonitor`, `core.pager`, `alias.*`, `diff.*.textconv`, `filter.*`, `credential.helper`,
 * `core.sshCommand`, `protocol.*.allow`, `uploadpack.packObjectsHook`, …): git reads hundreds, so the known
 * data keys are listed, not the dangerous ones.
 */
const GIT_DATA_KEYS = /^(color\.[\w.-]+|core\.(quotepath|autocrlf|safecrlf|filemode|ignorecase|precomposeunicode|abbrev|whitespace|longpaths)|user\.(name|email)|author\.(name|email)|committer\.(name|email)|advice\.[\w-]+|init\.defaultbranch|log\.[\w-]+|format\.pretty|pager\.[\w-]+=false|column\.ui|diff\.(noprefix|mnemonicprefix|renames|algorithm|colormoved|context|interhunkcontext|relative|statgraphwidth)|merge\.(conflictstyle|ff)|pull\.(rebase|ff)|push\.(default|autosetupremote)|fetch\.prune|commit\.gpgsign|tag\.gpgsign|gc\.auto|maintenance\.auto|status\.[\w-]+|branch\.sort|rebase\.autosquash|i18n\.[\w-]+|versionsort\.suffix|grep\.[\w-]+|blame\.[\w-]+|http\.sslverify)$/i;

const gitConfig: ValueCheck = (value, _input, label) => {
  if (!value.known) return [finding('remote-code', S.high, `${label} sets git configuration only known at run time (\`${value.text}\`)`)];
  const eq = value.text.indexOf('=');
  const key = (eq < 0 ? value.text : value.text.slice(0, eq)).toLowerCase();
  const v = eq < 0 ? 'true' : value.text.slice(eq + 1);
  if (GIT_DATA_KEYS.test(key) || GIT_DATA_KEYS.test(`${key}=${v}`)) return [];
  return [finding('remote-code', S.high, `${label} ${key}=${v.length > 60 ? `${v.slice(0, 57)}…` : v}: git may run this setting's value as a program`)];
};

/** `ssh -o Option=value`: options that run a local command or forward ports and agents. */
const SSH_SAFE_OPTIONS = /^(batchmode|connecttimeout|connectionattempts|stricthostkeychecking|userknownhostsfile|loglevel|serveraliveinterval|serveralivecountmax|port|user|identitiesonly|identityfile|compression|tcpkeepalive|addressfamily|hostkeyalgorithms|pubkeyacceptedkeytypes|pubkeyacceptedalgorithms|preferredauthentications|passwordauthentication|updatehostkeys|requesttty|controlmaster|controlpath|controlpersist|visualhostkey|checkhostip|hashknownhosts|kexalgorithms|ciphers|macs|numberofpasswordprompts|setenv|sendenv)$/i;

const sshOption: ValueCheck = (value, input, label) => {
  if (!value.known) return [finding('remote-code', S.high, `${label} sets an ssh option only known at run time`)];
  const [key = '', ...rest] = value.text.split(/[=\s]+/);
  const v = rest.join(' ');
  if (/^(proxycommand|localcommand|knownhostscommand|remotecommand)$/i.test(key)) return [finding('remote-code', S.high, `${label} ${key} runs a command on this machine`), ...input.shell(v, `${label} ${key}`)];
  if (/^permitlocalcommand$/i.test(key)) return [finding('remote-code', S.high, `${label} ${key} lets ssh run local commands`)];
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
    if (meta === '!') found.push(finding('remote-code', S.high, `${label} \\! runs a shell command`), ...input.shell(rest.trim(), `${label} \\!`));
    else if (rest.includes('|')) found.push(finding('remote-code', S.high, `${label} \\${meta} pipes to a shell command`), ...input.shell(rest.slice(rest.indexOf('|') + 1).trim(), `${label} \\${meta}`));
    else if (!PSQL_SAFE_META.test(meta)) found.push(finding('unparsed', S.medium, `Gatehouse does not know what the psql meta-command \\${meta} does here`));
  }
  if (/\bprogram\s+'/i.test(value.text)) found.push(finding('remote-code', S.high, `${label} runs a program through COPY … PROGRAM`));
  return found;
};

/** `mysql -e`: client commands `system`/`\!` run shell commands; `pager`, `tee`, `source` run, write or read files. */
const mysqlCommand: ValueCheck = (value, input, label) => {
  if (!value.known) return [finding('database', S.medium, `${label} runs SQL only known at run time`)];
  const found: Finding[] = [];
  for (const st of value.text.split(/[;\n]/)) {
    const sys = /^\s*system\s+(.*)$/i.exec(st) ?? /\\!\s*(.*)$/.exec(st);
    if (sys) {
      found.push(finding('remote-code', S.high, `${label} runs a shell command`), ...input.shell((sys[1] ?? '').trim(), `${label} system`));
    } else if (/^\s*(pager|tee|source|edit|connect|prompt)\b|\\[PTe.]/i.test(st)) {
      found.push(finding('unparsed', S.medium, `Gatehouse does not know what the mysql client command in \`${st.trim().slice(0, 40)}\` does here`));
    }
  }
  return found;
};

/**
 * sqlite3 dot-commands that only describe or format; others run shell commands (`.shell`, `.system`), load code
 * (`.load`), or read and write files (`.output`, `.import`, `.read`, `.backup`); so do some SQL functions of the
 * sqlite3 shell (`load_extension`, `writefile`, `edit`, which runs an editor it is given).
 */
const SQLITE_SAFE_ARG = /^(?![\s\S]*\b(load_extension|writefile|readfile|edit|fts3_tokenizer)\s*\()(?![\s\S]*\b(attach|vacuum\s+into)\b)(?!\.[a-zA-Z])|^\.(tables|schema|indexes|indices|headers?|mode|dbinfo|databases|show|width|fullschema|timer|nullvalue|separator|echo|bail|eqp|print|help|version|stats|changes|lint|dump|quit|exit)\b[^\n]*$/i;

/** `sqlite3 -cmd` and sqlite3's operands (the database, then SQL or dot-commands); what the SQL does is the rules' business. */
const sqliteCommand: ValueCheck = (value, input, label) => {
  if (!value.known) return [finding('database', S.medium, `${label} is only known at run time`)];
  const shell = /^\.(shell|system)\s+([\s\S]*)$/i.exec(value.text);
  if (shell) return [finding('remote-code', S.high, `${label} runs a shell command`), ...input.shell(shell[2] ?? '', `${label} .${shell[1]}`)];
  if (!SQLITE_SAFE_ARG.test(value.text)) return [finding('unparsed', S.medium, `Gatehouse does not know what \`${value.text.slice(0, 40)}\` does in sqlite3: it may load code or read and write files`)];
  return [];
};

/** `mongosh --eval`: JavaScript that may reach this machine (`require`, `process`, `load`, `runProgram`); queries are the rules' business. */
const mongoEval: ValueCheck = (value, _input, label) => {
  if (!value.known) return [finding('remote-code', S.high, `${label} runs JavaScript only known at run time`)];
  if (/\b(require|process|child_process|load|runProgram|runMongoProgram|_runMongoProgram|run|startMongoProgram|fs|import|eval|Function|exec\w*|spawn\w*)\s*[.(]/.test(value.text)) return [finding('remote-code', S.high, `${label} runs JavaScript that can reach this machine (\`${value.text.slice(0, 60)}\`)`)];
  return [];
};

/**
 * A program the tool runs on its own output (`helm --post-renderer ./p.sh`): judged as that program, and never low,
 * since it is given everything the tool renders (secrets included) and is named only here.
 */
const program: ValueCheck = (value, input, label) => {
  if (!value.known) return [finding('remote-code', S.high, `${label} runs a program only known at run time (\`${value.text}\`)`)];
  return [finding('remote-code', S.medium, `${label} runs ${value.text} on what ${input.prog} renders`), ...input.shell(value.text, label)];
};

/** An endpoint other than this machine: signed requests, and any file a parameter reads (`file://…`), go there. */
const localEndpoint: ValueCheck = (value, _input, label) => {
  if (value.known && /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\]|host\.docker\.internal)(:\d+)?(\/|$)/i.test(value.text)) return [];
  return [finding('network-upload', S.medium, `${label} sends requests to ${value.known ? value.text : 'an endpoint only known at run time'} instead of the cloud's own`)];
};

/** A value an argparse CLI (aws, gcloud, az) would read as an option of its own, not as this option's value. */
const notOption: ValueCheck = (value, _input, label) => {
  if (!value.known) return [];
  if (/^-[^\d]/.test(value.text)) return [finding('unparsed', S.medium, `Gatehouse does not know what \`${value.text}\` does: ${label} would not take it as its value`)];
  return [];
};

export const VALUE_CHECKS: Readonly<Record<string, ValueCheck>> = {
  gitconfig: gitConfig,
  ssh: sshOption,
  psql: psqlCommand,
  mysql: mysqlCommand,
  sqlite: sqliteCommand,
  mongo: mongoEval,
  endpoint: localEndpoint,
  program,
  arg: notOption,
};
