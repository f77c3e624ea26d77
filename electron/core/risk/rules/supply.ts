// What comes in (packages, downloaded scripts) and what goes out (uploads, published packages).
import type { Word } from '../model.ts';
import { classifyPath, isSecretPath } from '../paths.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import { finding, hasOption, mentionsProduction, operands, programName, subcommand, type Rule, type RuleInput } from './util.ts';

export const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'fish', 'csh', 'tcsh', 'ash', 'pwsh', 'powershell', 'iex']);
export const INTERPRETERS = new Set(['python', 'python2', 'python3', 'node', 'nodejs', 'deno', 'bun', 'ruby', 'perl', 'php', 'lua', 'osascript']);
const DOWNLOADERS = new Set(['curl', 'wget', 'fetch', 'http', 'https', 'aria2c', 'irm', 'iwr', 'invoke-webrequest', 'invoke-restmethod']);
const DECODERS = new Set(['base64', 'xxd', 'openssl', 'gunzip', 'zcat', 'rev', 'tr', 'printf', 'echo']);
const LOCAL_HOST = /^(https?:\/\/)?(localhost|127\.\d+\.\d+\.\d+|\[?::1\]?|0\.0\.0\.0)([:/]|$)/;

function hostOf(args: readonly Word[]): string | null {
  const url = args.find((w) => /^(https?|ftp|s3|gs):\/\//i.test(w.text) || /^[\w.-]+\.[a-z]{2,}(\/|:|$)/i.test(w.text));
  if (!url) return null;
  return url.text.replace(/^\w+:\/\//, '').split(/[/?#]/)[0] ?? null;
}

/** A shell or interpreter that runs what arrives on its stdin or from a process substitution. */
export const runsFetchedCode: Rule = ({ seg, prog, args }) => {
  if (!SHELLS.has(prog) && !INTERPRETERS.has(prog)) return [];
  const from = seg.pipeFrom ? programName(seg.pipeFrom[0]) : null;
  if (from && DOWNLOADERS.has(from)) {
    return [finding('remote-code', S.catastrophic - 5, `runs a script downloaded from ${hostOf(seg.pipeFrom ?? []) ?? 'the network'} without anyone reading it (${from} | ${prog})`)];
  }
  if (from && DECODERS.has(from) && seg.pipeFrom?.some((w) => /^-(d|D|-decode)$|^-r$|^base64$/.test(w.text) || from === 'echo' || from === 'printf')) {
    if (from !== 'echo' && from !== 'printf' || seg.pipeFrom?.some((w) => /^[A-Za-z0-9+/=]{16,}$/.test(w.text))) {
      return [finding('remote-code', S.critical, `runs decoded or hidden code (${from} | ${prog})`)];
    }
  }
  const fetchedArg = args.find((w) => /^<\(\s*(curl|wget)|\$\(\s*(curl|wget)|`\s*(curl|wget)/.test(w.text));
  if (fetchedArg) return [finding('remote-code', S.catastrophic - 5, `runs code downloaded at run time (${fetchedArg.text.slice(0, 60)})`)];
  return [];
};

const PUBLISHERS: Record<string, string[]> = {
  npm: ['publish', 'unpublish', 'deprecate', 'dist-tag'],
  yarn: ['publish', 'npm'],
  pnpm: ['publish'],
  bun: ['publish'],
  cargo: ['publish', 'yank'],
  gem: ['push', 'yank'],
  twine: ['upload'],
  poetry: ['publish'],
  flit: ['publish'],
  hatch: ['publish'],
  uv: ['publish'],
  dotnet: ['nuget'],
  nuget: ['push', 'delete'],
  vsce: ['publish', 'unpublish'],
  ovsx: ['publish'],
  mvn: ['deploy'],
  gradle: ['publish'],
};

const INSTALL_VERBS = new Set(['install', 'i', 'add', 'isntall', 'update', 'upgrade', 'up']);
const LOCKFILE_INSTALL = new Set(['ci', 'install', 'i', 'sync']);

/** npm, pip, cargo, brew, apt…: installing runs other people's code (install scripts), so it is worth a look. */
const packages: Rule = ({ prog, args, seg }) => {
  const { sub, rest } = subcommand(args, ['--prefix', '-C', '--cwd', '--dir', '--filter', '-w', '--workspace']);
  const publishVerbs = PUBLISHERS[prog];
  if (publishVerbs?.includes(sub)) {
    const severe = sub === 'unpublish' || sub === 'yank' || sub === 'delete';
    return [finding('publishing', severe ? S.critical : S.high, `${severe ? 'withdraws' : 'publishes'} a package with ${prog} ${sub}, visible to everyone who installs it`)];
  }
  if (['npx', 'pnpx', 'bunx', 'uvx', 'pipx'].includes(prog) || (['pnpm', 'yarn', 'bun'].includes(prog) && sub === 'dlx') || (prog === 'npm' && sub === 'exec')) {
    const pkg = operands(prog === 'npx' || prog === 'bunx' || prog === 'uvx' || prog === 'pnpx' ? args : rest, ['-p', '--package', '--from'])[0]?.text ?? 'a package';
    if (prog === 'pipx' && sub !== 'run') return [finding('package-install', S.medium, `pipx ${sub}`)];
    return [finding('package-install', 35, `downloads and runs ${pkg} from the registry`)];
  }
  if (!INSTALL_VERBS.has(sub) && !(prog === 'pip' || prog === 'pip3') && !['apt', 'apt-get', 'brew', 'dnf', 'yum', 'pacman', 'apk', 'snap', 'port', 'choco', 'winget', 'scoop'].includes(prog)) return [];
  const names = operands(rest, ['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-t', '--target', '--registry', '-f']);
  const fromUrl = rest.find((w) => /^(git\+|https?:\/\/|git@|github:)/.test(w.text) || w.text.endsWith('.whl') || w.text.endsWith('.tgz'));
  const global = hasOption(args, 'g', '--global', '--user') || ['apt', 'apt-get', 'brew', 'dnf', 'yum', 'pacman', 'apk', 'snap', 'port', 'choco', 'winget', 'scoop'].includes(prog) || seg.privileged;
  if (fromUrl) return [finding('package-install', 55, `installs code straight from ${fromUrl.text}`)];
  if (prog === 'pip' || prog === 'pip3' || prog === 'uv' || prog === 'poetry') {
    if (sub === 'uninstall' || sub === 'remove') return [finding('package-install', S.medium, `removes Python packages`)];
    if (sub !== 'install' && sub !== 'add' && sub !== 'sync') return [finding('build-test', S.build, `${prog} ${sub}`)];
  }
  if (names.length === 0 && LOCKFILE_INSTALL.has(sub) && !global) return [finding('build-test', S.build, `installs the project's locked dependencies (${prog} ${sub})`)];
  if (hasOption(rest, 'r', '--requirement') && !global) return [finding('build-test', S.build, `installs the project's listed dependencies`)];
  const what = names.map((w) => w.text).join(' ') || 'packages';
  return [finding('package-install', global ? S.notable : S.medium, `installs ${what}${global ? ' system-wide' : ''} (${prog} ${sub}); install scripts run with your rights`)];
};

/** curl/wget/scp/rsync/nc: sending data off the machine. */
const egress: Rule = (input: RuleInput): Finding[] => {
  const { prog, args } = input;
  const host = hostOf(args) ?? (prog === 'scp' || prog === 'rsync' || prog === 'sftp' ? remoteHost(args) : null);
  const local = host !== null && LOCAL_HOST.test(host);
  const uploadsFile = args.filter((w) => /^@/.test(w.text) || /=@/.test(w.text) || /^-[TF]$|^--upload-file$|^--form$/.test(w.text));
  const fileWords = args
    .flatMap((w, i) => (w.text.startsWith('@') ? [{ ...w, text: w.text.slice(1) }] : /=@/.test(w.text) ? [{ ...w, text: w.text.split('=@')[1] ?? '' }] : /^(-T|--upload-file|--post-file)$/.test(w.text) && args[i + 1] ? [args[i + 1] as Word] : []))
    .filter((w) => w.text && w.text !== '-');
  if (prog === 'curl' || prog === 'wget' || prog === 'http' || prog === 'https') {
    const secret = fileWords.find((w) => isSecretPath(w.text) || isSecretPath(classifyPath(w, input.ctx).shown));
    if (secret) return [finding('secrets', S.catastrophic, `uploads ${secret.text}, which holds credentials, to ${host ?? 'a remote host'}`)];
    const sends = uploadsFile.length > 0 || args.some((w) => /^(-d|--data(-\w+)?|--json|-X|--request|--post-data|--post-file|--method)$/.test(w.text) && !/^(GET|HEAD)$/i.test(args[args.indexOf(w) + 1]?.text ?? ''));
    if (local) return [finding('build-test', S.build, `talks to a local server (${host})`)];
    if (sends) return [finding('network-upload', fileWords.length ? 45 : S.notable, `sends ${fileWords.length ? fileWords.map((w) => w.text).join(', ') : 'data'} to ${host ?? 'a remote host'}`)];
    return [finding('read-only', S.build, `downloads from ${host ?? 'the network'}`)];
  }
  if (prog === 'nc' || prog === 'ncat' || prog === 'netcat' || prog === 'socat' || prog === 'telnet') {
    if (hasOption(args, 'e') || hasOption(args, 'c') || args.some((w) => /exec:|system:/i.test(w.text))) return [finding('remote-code', S.catastrophic, `opens a shell over the network with ${prog}`)];
    return [finding('network-upload', 55, `opens a raw connection with ${prog}${host ? ` to ${host}` : ''}`)];
  }
  // scp, rsync, sftp, rclone: copies that cross to another machine.
  const ops = operands(args, ['-i', '-P', '-p', '-e', '-o', '-F', '--rsh', '-J', '--exclude', '--include', '--filter']);
  const dest = ops.at(-1);
  if (!dest || !/^[^/]*:/.test(dest.text) || /^\w:\\/.test(dest.text)) return [finding('build-test', S.build, `${prog} from another machine or locally`)];
  const secret = ops.slice(0, -1).find((w) => isSecretPath(classifyPath(w, input.ctx).shown) || isSecretPath(w.text));
  if (secret) return [finding('secrets', S.catastrophic, `copies ${secret.text}, which holds credentials, to ${dest.text}`)];
  const deletes = hasOption(args, null, '--delete', '--delete-after', '--delete-before', '--delete-during');
  return [finding('network-upload', deletes ? S.high : 45, `copies ${ops.slice(0, -1).map((w) => w.text).join(' ')} to ${dest.text}${deletes ? ', deleting what is not in the source' : ''}`)];
};

function remoteHost(args: readonly Word[]): string | null {
  const remote = args.find((w) => /^[\w.@-]+:/.test(w.text) && !/^\w+:\/\//.test(w.text));
  return remote ? remote.text.split(':')[0] ?? null : null;
}

/** gh: most of it reads; some of it publishes or deletes on GitHub. */
const gh: Rule = ({ args }) => {
  const { sub, rest } = subcommand(args, ['-R', '--repo']);
  const verb = operands(rest)[0]?.text ?? '';
  if (sub === 'auth' && verb === 'token') return [finding('secrets', S.severe, 'prints your GitHub token')];
  if (verb === 'delete' || (sub === 'api' && /^(DELETE)$/i.test(rest.find((_w, i) => rest[i - 1]?.text === '-X' || rest[i - 1]?.text === '--method')?.text ?? ''))) {
    return [finding('publishing', sub === 'repo' ? S.critical : S.high, `deletes on GitHub (gh ${sub} ${verb})`)];
  }
  if (sub === 'release' && verb === 'create') return [finding('publishing', 55, 'publishes a GitHub release')];
  if (['create', 'merge', 'comment', 'edit', 'close', 'review', 'upload'].includes(verb)) return [finding('publishing', 25, `posts to GitHub (gh ${sub} ${verb})`)];
  if (sub === 'secret' || sub === 'variable') return [finding('secrets', verb === 'list' ? S.medium : 55, `gh ${sub} ${verb}`)];
  return [finding('read-only', S.build, `reads from GitHub (gh ${sub} ${verb})`)];
};

/** ssh options that take a value (so the host is the first word after them). */
const SSH_OPTS_WITH_VALUE = ['-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-p', '-Q', '-R', '-S', '-W', '-w', '-B'];

/** ssh/mosh: a shell or a command on another machine (the command itself is judged as its own segment). */
const ssh: Rule = ({ prog, args, seg }) => {
  const ops = operands(args, SSH_OPTS_WITH_VALUE);
  const host = ops[0]?.text ?? 'a host';
  const prod = mentionsProduction(seg);
  const bump = prod ? 15 : 0;
  if (prog === 'ssh-copy-id') return [finding('secrets', S.medium + bump, `lets your key log in to ${host}`)];
  if (hasOption(args, 'L') || hasOption(args, 'R') || hasOption(args, 'D')) return [finding('remote-exec', S.medium + bump, `forwards ports through ${host}`)];
  if (ops.length <= 1) return [finding('remote-exec', 35 + bump, `opens a shell on ${host}${prod ? ', which looks like production' : ''}; what runs there is not seen by Gatehouse`)];
  // The command itself is its own segment, judged (production included) where it runs.
  return [finding('remote-exec', 35, `runs a command on ${host}`)];
};

export const SUPPLY_RULES: Record<string, Rule> = {
  ...Object.fromEntries(['npm', 'yarn', 'pnpm', 'bun', 'cargo', 'gem', 'twine', 'poetry', 'flit', 'hatch', 'uv', 'nuget', 'vsce', 'ovsx', 'pip', 'pip3', 'npx', 'pnpx', 'bunx', 'uvx', 'pipx', 'apt', 'apt-get', 'brew', 'dnf', 'yum', 'pacman', 'apk', 'snap', 'port', 'choco', 'winget', 'scoop', 'go', 'composer', 'bundle', 'conda', 'mamba', 'deno'].map((p) => [p, packages])),
  ...Object.fromEntries(['curl', 'wget', 'http', 'https', 'nc', 'ncat', 'netcat', 'socat', 'telnet', 'scp', 'rsync', 'sftp', 'rclone'].map((p) => [p, egress])),
  gh,
  ssh,
  mosh: ssh,
  'ssh-copy-id': ssh,
};

