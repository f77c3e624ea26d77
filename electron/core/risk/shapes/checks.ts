// Values a shape table cannot judge by kind alone: `git -c key=value` is harmless or runs a program depending
// on the key. Each check returns what it found ([] when the value is plain data).
import type { Word } from '../model.ts';
import { target } from '../rules/files.ts';
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

/**
 * A file of code a tool loads as its configuration or build script (`webpack --config`, `mvn -f`, `rake -f`): the
 * project's own is what the tool is for, like the script `node` is given; one from anywhere else is code nobody
 * in the project wrote.
 */
const projectCode: ValueCheck = (value, input, label) => {
  if (value.known && target(value, input).kind === 'project') return [];
  return [finding('build-test', S.medium, `${label} loads ${value.text} into ${input.prog}, from outside the project`)];
};

export const VALUE_CHECKS: Readonly<Record<string, ValueCheck>> = { gitconfig: gitConfig, ssh: sshOption, projectcode: projectCode };
