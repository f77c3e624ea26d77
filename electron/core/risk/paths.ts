// Where a path argument points, relative to the home, the project and the places that must not be touched.
import path from 'node:path';
import type { RiskContext } from './context.ts';
import { isSystemDir } from './context.ts';
import type { Word } from './model.ts';

export type PathKind =
  | 'root'
  | 'system'
  | 'disk-device'
  | 'harmless-device'
  | 'protected'
  | 'home'
  | 'user-home'
  | 'secret'
  | 'shell-startup'
  | 'home-other'
  | 'project-root'
  | 'project-git'
  | 'project'
  | 'temp'
  | 'outside'
  | 'unknown';

export interface PathInfo {
  kind: PathKind;
  /** Absolute path when known; the word as written otherwise. */
  shown: string;
  abs: string | null;
}

const SHELL_STARTUP = ['.bashrc', '.bash_profile', '.bash_login', '.profile', '.zshrc', '.zshenv', '.zprofile', '.zlogin', '.config/fish/config.fish', '.inputrc'];
/** Files and folders whose contents are credentials. */
const SECRET_PATTERNS: readonly RegExp[] = [
  /(^|\/)\.ssh(\/|$)/,
  /(^|\/)id_(rsa|dsa|ecdsa|ed25519)(?!\.pub)[^/]*$/,
  /(^|\/)\.aws\/(credentials|config)$/,
  /(^|\/)\.aws(\/|$)/,
  /(^|\/)\.gnupg(\/|$)/,
  /(^|\/)\.kube\/config$/,
  /(^|\/)\.docker\/config\.json$/,
  /(^|\/)\.config\/gcloud(\/|$)/,
  /(^|\/)\.azure(\/|$)/,
  /(^|\/)\.(npmrc|pypirc|netrc|git-credentials|pgpass|my\.cnf)$/,
  /(^|\/)\.env(\.[\w-]+)?$/,
  /\.(pem|key|p12|pfx|keystore|jks)$/,
  /(^|\/)(credentials|secrets?)(\.[\w]+)?$/i,
  /(^|\/)Library\/Keychains(\/|$)/,
  /(^|\/)\.password-store(\/|$)/,
  /(^|\/)\.config\/gh\/hosts\.yml$/,
];
const DISK_DEVICE = /^\/dev\/(sd[a-z]|hd[a-z]|vd[a-z]|xvd[a-z]|nvme\d|mmcblk\d|disk\d|rdisk\d|md\d|dm-\d|mapper\/|loop\d)/;
const HARMLESS_DEVICE = /^\/dev\/(null|zero|random|urandom|stdout|stderr|stdin|tty|fd\/\d+|pts\/\d+)$/;
const TEMP_DIRS = ['/tmp', '/var/tmp', '/private/tmp', '/dev/shm'];
/** Default data directories of Gatehouse on each platform, and its socket directories, by name. */
const GATEHOUSE_NAMES = /(\/Gatehouse(\/|$)|\/gatehouse-\d+-[0-9a-f]{12}(\/|$)|(^|\/)gatehouse\.db|(^|\/)admin\.token$)/;

export function isSecretPath(p: string): boolean {
  return SECRET_PATTERNS.some((re) => re.test(p)) && !p.endsWith('.pub') && !/\.env\.(example|sample|template|dist)$/.test(p);
}

/** Absolute path of a word, or null when it depends on something only known at run time. */
export function resolveWord(w: Word, ctx: RiskContext): string | null {
  let t = w.text;
  if (!w.known) {
    // $HOME and ${HOME} are the one expansion whose value we know.
    if (!/^(\$HOME|\$\{HOME\})(\/|$)/.test(t) || /\$[^H{]|\$\{(?!HOME\})|`|\*|\?/.test(t.replace(/^(\$HOME|\$\{HOME\})/, ''))) return null;
    t = t.replace(/^(\$HOME|\$\{HOME\})/, ctx.home);
  }
  if (t === '~' || t.startsWith('~/')) t = ctx.home + t.slice(1);
  else if (t.startsWith('~')) return null;
  return path.resolve(ctx.cwd, t);
}

const inside = (p: string, dir: string) => p === dir || p.startsWith(dir.endsWith('/') ? dir : `${dir}/`);

export function classifyPath(w: Word, ctx: RiskContext): PathInfo {
  const abs = resolveWord(w, ctx);
  if (abs === null) {
    const protectedByName = GATEHOUSE_NAMES.test(w.text) || /GATEHOUSE_/.test(w.text);
    return { kind: protectedByName ? 'protected' : 'unknown', shown: w.text, abs: null };
  }
  return { kind: kindOf(abs, ctx), shown: abs, abs };
}

function kindOf(abs: string, ctx: RiskContext): PathKind {
  if (ctx.protectedPaths.some((p) => inside(abs, p)) || GATEHOUSE_NAMES.test(abs)) return 'protected';
  if (abs === '/') return 'root';
  if (HARMLESS_DEVICE.test(abs)) return 'harmless-device';
  if (DISK_DEVICE.test(abs)) return 'disk-device';
  const { home, projectRoot } = ctx;
  if (abs === home) return 'home';
  // A project (or a home) that lives in a temporary directory is still that project (or home).
  if (projectRoot && inside(abs, projectRoot)) {
    if (isSecretPath(abs.slice(projectRoot.length))) return 'secret';
    if (abs === projectRoot) return 'project-root';
    return inside(abs, path.join(projectRoot, '.git')) ? 'project-git' : 'project';
  }
  // The temporary directory itself holds every user's sockets and work (Gatehouse's too).
  if (TEMP_DIRS.includes(abs)) return 'system';
  if (isSecretPath(abs)) return 'secret';
  if (inside(abs, home)) {
    const rel = abs.slice(home.length + 1);
    if (SHELL_STARTUP.includes(rel)) return 'shell-startup';
    return 'home-other';
  }
  if (TEMP_DIRS.some((d) => inside(abs, d))) return 'temp';
  if (/^\/(home|Users)\/[^/]+\/?$/.test(abs)) return 'user-home';
  if (isSystemDir(abs) || /^[A-Za-z]:\\(Windows|Program Files)/i.test(abs)) return 'system';
  return 'outside';
}

/** How a person would say where a path is. */
export function where(info: PathInfo): string {
  switch (info.kind) {
    case 'root':
      return 'the whole filesystem (/)';
    case 'home':
      return `your home directory (${info.shown})`;
    case 'user-home':
      return `a user's home directory (${info.shown})`;
    case 'project-root':
      return `the whole project (${info.shown})`;
    case 'project-git':
      return `the repository's history (${info.shown})`;
    case 'project':
      return `${info.shown}, inside the project`;
    case 'temp':
      return `${info.shown}, in a temporary directory`;
    case 'unknown':
      return `${info.shown}, a path only known at run time`;
    case 'protected':
      return `${info.shown}, Gatehouse's own data or an agent's hook settings`;
    case 'secret':
      return `${info.shown}, which holds credentials`;
    case 'system':
      return `${info.shown}, a system location`;
    case 'shell-startup':
      return `${info.shown}, a shell startup file`;
    case 'disk-device':
      return `the disk device ${info.shown}`;
    default:
      return `${info.shown}, outside the project`;
  }
}
