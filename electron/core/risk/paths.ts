// Where a path argument points, relative to the home, the project and the places that must not be touched.
import path from 'node:path';
import type { RiskContext } from './context.ts';
import { isSystemDir, TEMP_DIRS } from './context.ts';
import type { Word } from './model.ts';
import { expandBraces, expandGlob, hasGlob, secretNamed } from './reach.ts';

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
  | 'home-dotfile'
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

const PROC_ENVIRON = /^\/proc\/[^/]+\/(task\/[^/]+\/)?environ$/;
export const SHELL_STARTUP = [
  '.bashrc',
  '.bash_profile',
  '.bash_login',
  '.profile',
  '.zshrc',
  '.zshenv',
  '.zprofile',
  '.zlogin',
  '.config/fish/config.fish',
  '.inputrc',
];
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
  // `credentials`, `.credentials.json`, `secrets.yaml`; not source code that is merely named so (`secrets.ts`).
  /(^|\/)\.?(credentials|secrets?)(\.(?!(ts|tsx|js|jsx|mjs|cjs|py|rb|go|rs|java|kt|swift|c|h|cc|cpp|cs|php|md|rst|txt|html|css|scss|vue|svelte|test\.\w+|spec\.\w+)$)[\w.]+)?$/i,
  /(^|\/)\.claude\/\.credentials\.json$/,
  /(^|\/)\.config\/(gh|hub)\/hosts\.yml$|(^|\/)\.terraform\.d\/credentials\.tfrc\.json$|(^|\/)\.(vault-token|boto|s3cfg|dockercfg|htpasswd)$/,
  /^\/etc\/(shadow|gshadow|sudoers|master\.passwd)(\.d(\/|$)|-|$)|^\/etc\/ssh\/ssh_host_\w+_key$/,
  // Terraform state holds every secret of the infrastructure; Kubernetes mounts service account tokens here.
  /\.tfstate(\.backup)?$|(^|\/)run\/secrets(\/|$)|serviceaccount\/token$/,
  /(^|\/)Library\/Keychains(\/|$)/,
  /(^|\/)\.password-store(\/|$)/,
  // Browsers' saved passwords and cookies (Chrome, Chromium, Brave, Edge, Firefox, Safari), desktop keyrings, KeePass.
  /(^|\/)(Login Data|Login Data For Account|Cookies|Web Data|Safe Browsing Cookies)(-journal)?$/,
  /(^|\/)(logins\.json|logins-backup\.json|key[34]\.db|cookies\.sqlite|signons\.sqlite|Cookies\.binarycookies)$/,
  /(^|\/)\.local\/share\/(keyrings|kwalletd)(\/|$)|\.kdbx$/,
  // Build tools' and package registries' tokens.
  /(^|\/)\.m2\/settings(-security)?\.xml$|(^|\/)\.gradle\/gradle\.properties$|(^|\/)\.cargo\/credentials(\.toml)?$/,
  /(^|\/)\.gem\/credentials$|(^|\/)\.nuget\/NuGet\/NuGet\.Config$|(^|\/)(\.composer|\.config\/composer)\/auth\.json$/,
  // Hosting, cloud and AI command lines' logins.
  /(^|\/)\.fly\/config\.yml$|(^|\/)\.railway\/config\.json$|(^|\/)\.supabase\/access-token$|(^|\/)\.config\/configstore(\/|$)/,
  /(^|\/)(\.netlify|Library\/Preferences\/netlify)\/config\.json$|(^|\/)(\.vercel|com\.vercel\.cli)\/auth\.json$/,
  /(^|\/)\.wrangler\/config(\/|$)|(^|\/)\.config\/(stripe|doctl|rclone|sops|op|glab-cli|github-copilot|ngrok)(\/|$)/,
  /(^|\/)\.oci\/config$|(^|\/)\.kaggle\/kaggle\.json$|(^|\/)\.?huggingface\/token$|(^|\/)\.ngrok2\/ngrok\.yml$/,
  /(^|\/)io\.datasette\.llm\/keys\.json$|(^|\/)\.codex\/auth\.json$|(^|\/)\.(terraformrc|sentryclirc)$/,
  // Cluster credentials anywhere (`kubeconfig`, `prod.kubeconfig`, `/etc/kubernetes/admin.conf`), OAuth client secrets.
  /(^|\/)([\w.-]*[._-])?kubeconfig(\.ya?ml)?$|^\/etc\/kubernetes\/[\w-]+\.conf$|(^|\/)client_secret[\w.-]*\.json$/i,
  // Private keys named by their algorithm (`deploy_rsa`, `github_ed25519`), not only `id_*`.
  /(^|\/)[\w.-]+_(rsa|dsa|ecdsa|ed25519)$/,
  // Files named for what they hold (`passwords.txt`, `api_key`, `token.json`, `~/.config/openai/token`; not design `tokens.json`).
  /(^|\/)(passwords?|api[-_]?keys?|apikey|access[-_]?tokens?|auth[-_]?tokens?|token)\.(txt|json|csv|ya?ml)$/i,
  /\/\.config\/[\w.-]+\/(token|apikey|api[-_]?key|access[-_]?token|auth[-_]?token)$/i,
  // Older or other tools' logins and histories: gh's old path, hub, SVN's password cache, MongoDB's CLI and shell.
  /(^|\/)\.gh\/hosts\.yml$|(^|\/)\.config\/hub$|(^|\/)\.subversion\/auth(\/|$)|(^|\/)\.(mongocli\.json|dbshell|gemrc)$/,
  // Windows' password hashes and saved logins (the SAM, SYSTEM and SECURITY hives, NTDS, a user's hive).
  /(^|[\\/])[Cc]onfig[\\/](SAM|SYSTEM|SECURITY)$|(^|[\\/])(ntds\.dit|NTUSER\.DAT|ntuser\.dat)$/,
  // macOS: local accounts' password hashes, the privacy (TCC) databases, authorization rules.
  /^\/var\/db\/dslocal\/nodes\/[^/]+\/users(\/|$)|(^|\/)com\.apple\.TCC\/TCC\.db$|^\/etc\/authorization$/,
  // Editors keep extensions' tokens (GitHub, Copilot, cloud sign-ins) here.
  /(^|\/)(Code|Code - Insiders|Cursor|VSCodium|Windsurf)\/User\/globalStorage\/state\.vscdb(\.backup)?$/,
  /(^|\/)\.config\/gh\/hosts\.yml$/,
  // A process's environment (its tokens among it): `/proc/self/environ`, `/proc/$PPID/environ`, `/proc/*/environ`.
  PROC_ENVIRON,
];
const DISK_DEVICE =
  /^\/dev\/(sd[a-z]|hd[a-z]|vd[a-z]|xvd[a-z]|nvme\d|mmcblk\d|disk\d|rdisk\d|md\d|dm-\d|mapper\/|loop\d)/;
const HARMLESS_DEVICE = /^\/dev\/(null|zero|random|urandom|stdout|stderr|stdin|tty|fd\/\d+|pts\/\d+)$/;

/** Default data directories of Gatehouse on each platform, and its socket directories, by name. */
const GATEHOUSE_NAMES =
  /([\\/]Gatehouse([\\/]|$)|\/gatehouse-\d+-[0-9a-f]{12}(\/|$)|(^|[\\/])gatehouse\.db|(^|[\\/])admin\.token$|(\$\{?(XDG_RUNTIME_DIR|TMPDIR|TMP|TEMP)\}?|^\/tmp|^\/run\/user\/\d+|^\/var\/folders\/[^/]+\/[^/]+\/T)\/+gatehouse-)/;

/** Public halves that sit beside secrets: public keys, certificates and CA bundles, env templates. */
const PUBLIC_BESIDE_SECRETS =
  /\.pub$|\.env\.(example|sample|template|dist|defaults)$|(^|\/)[^/]*(cert|chain|ca|bundle|public|pubkey)[^/]*\.pem$/i;

export function isSecretPath(p: string): boolean {
  return SECRET_PATTERNS.some((re) => re.test(p)) && !PUBLIC_BESIDE_SECRETS.test(p);
}

/** Files git lists (`$(git ls-files '*.ts')`, `$(git diff --name-only)`): tracked or changed files of the project. */
const PROJECT_LISTING = /^(\$\(|`)\s*git\s+(ls-files|diff\s+(--cached\s+)?--name-only|grep\s+-l)\b[^)`]*(\)|`)$/;

/** Windows variables that name well-known folders, with where they point (relative to the home when they start with `~`). */
const WINDOWS_FOLDERS: Record<string, string> = {
  userprofile: '~',
  home: '~',
  homepath: '~',
  appdata: '~/AppData/Roaming',
  localappdata: '~/AppData/Local',
  temp: '/tmp',
  tmp: '/tmp',
  systemroot: 'C:/Windows',
  windir: 'C:/Windows',
  programfiles: 'C:/Program Files',
  'programfiles(x86)': 'C:/Program Files (x86)',
  programdata: 'C:/ProgramData',
  systemdrive: 'C:',
  public: 'C:/Users/Public',
};
const WINDOWS_VARIABLE = /^(%([\w()]+)%|\$env:([\w()]+)|\$\{env:([\w()]+)\}|\$(HOME)\b)/i;
/** `C:\…`, `%USERPROFILE%\…`, `$env:APPDATA\…`, `.\x`: a path written for Windows. */
const WINDOWS_PATH = /^([A-Za-z]:([\\/]|$|[^\\/\s:]+$)|%[\w()]+%|\$env:|\$\{env:|\.{1,2}\\|~\\)/i;

/**
 * A Windows path in POSIX terms, so it is judged like its counterpart: the user's profile is the home,
 * `C:\Windows` and `C:\Program Files` are system locations, `%TEMP%` is a temporary directory, `C:\` the root.
 */
function fromWindows(text: string, ctx: RiskContext): string | null {
  let t = text;
  const v = WINDOWS_VARIABLE.exec(t);
  if (v) {
    const name = (v[2] ?? v[3] ?? v[4] ?? v[5] ?? '').toLowerCase();
    const dir = WINDOWS_FOLDERS[name];
    if (dir === undefined) return null;
    t = dir + t.slice(v[0].length);
  }
  t = t.replace(/\\/g, '/');
  if (t === '~' || t.startsWith('~/')) return path.posix.normalize(ctx.home + t.slice(1));
  // `C:Usersdev` is `C:\Users\dev` after a POSIX shell ate the backslashes: somewhere on that drive, unknown where.
  if (/^[A-Za-z]:[^/]/.test(t)) return null;
  const drive = /^([A-Za-z]):(\/|$)(.*)$/.exec(t);
  if (!drive) return /[$%]/.test(t) ? null : path.resolve(ctx.cwd, t);
  const rest = drive[3] ?? '';
  // The user's own profile folder is the home; another user's is a user's home.
  const user = /^Users\/([^/]+)(\/.*)?$/i.exec(rest);
  if (user && user[1]?.toLowerCase() === path.basename(ctx.home).toLowerCase()) return ctx.home + (user[2] ?? '');
  if (user && user[1]?.toLowerCase() !== 'public') return `/home/${user[1]}${user[2] ?? ''}`;
  return rest === '' ? '/' : `/${drive[1]?.toUpperCase()}:/${rest}`;
}

/** Absolute path of a word, or null when it depends on something only known at run time. */
export function resolveWord(w: Word, ctx: RiskContext): string | null {
  let t = w.text;
  if (WINDOWS_PATH.test(t)) return fromWindows(t, ctx);
  if (!w.known) {
    // $HOME and ${HOME} are the one expansion whose value we know.
    if (
      !/^(\$HOME|\$\{HOME\})(\/|$)/.test(t) ||
      /\$[^H{]|\$\{(?!HOME\})|`|\*|\?/.test(t.replace(/^(\$HOME|\$\{HOME\})/, ''))
    )
      return null;
    t = t.replace(/^(\$HOME|\$\{HOME\})/, ctx.home);
  }
  if (t === '~' || t.startsWith('~/')) t = ctx.home + t.slice(1);
  else if (t.startsWith('~')) {
    const other = tildeUser(t, ctx);
    if (other === null) return null;
    t = other;
  }
  return path.resolve(ctx.cwd, t);
}

/**
 * `~user/…` is that user's home (`~root` root's, the person's own name their home, another name beside it), `~+` the
 * working folder; null for what is only known at run time (`~-`, `~$x`).
 */
function tildeUser(t: string, ctx: RiskContext): string | null {
  const m = /^~([A-Za-z_][\w.-]*|\+)(\/.*)?$/.exec(t);
  if (!m) return null;
  const who = m[1] as string;
  const rest = m[2] ?? '';
  if (who === '+') return ctx.cwd + rest;
  if (who === path.basename(ctx.home)) return ctx.home + rest;
  if (who === 'root') return `/root${rest}`;
  // Root's home is not where the others' are.
  return path.join(ctx.home === '/root' ? '/home' : path.dirname(ctx.home), who) + rest;
}

export const inside = (p: string, dir: string) => p === dir || p.startsWith(dir.endsWith('/') ? dir : `${dir}/`);

/** Distinct words remembered per directory; beyond this the memory starts over (a flood of odd paths cannot grow it). */
const MAX_PLACES = 5000;

/** Where a word points from `ctx.cwd`. Remembered per directory: nothing it depends on changes while the core runs. */
export function classifyPath(w: Word, ctx: RiskContext): PathInfo {
  if (!w.known && GLOB_OR_BRACE.test(w.text)) return classifyGlob(w, ctx);
  const key = `${w.known ? 'k' : 'u'}${w.text}`;
  const known = ctx.places.get(key) as PathInfo | undefined;
  if (known) return known;
  const info = classifyUncached(w, ctx);
  if (ctx.places.size >= MAX_PLACES) ctx.places.clear();
  ctx.places.set(key, info);
  return info;
}

function classifyUncached(w: Word, ctx: RiskContext): PathInfo {
  const abs = resolveWord(w, ctx);
  if (abs === null) {
    const protectedByName = GATEHOUSE_NAMES.test(w.text) || /GATEHOUSE_/.test(w.text);
    if (!protectedByName && ctx.projectRoot && PROJECT_LISTING.test(w.text))
      return { kind: 'project', shown: w.text, abs: null };
    // `/proc/$PPID/environ`: whichever process it is, what it shows is an environment, tokens included.
    if (!protectedByName && PROC_ENVIRON.test(w.text.replace(/\$\{?\w+\}?|\$\([^)]*\)/g, 'x')))
      return { kind: 'secret', shown: w.text, abs: null };
    return { kind: protectedByName ? 'protected' : 'unknown', shown: w.text, abs: null };
  }
  // A Windows path is shown as written: its POSIX counterpart is only how it is judged.
  return { kind: kindOf(abs, ctx), shown: WINDOWS_PATH.test(w.text) ? w.text : abs, abs };
}

/** An unquoted glob or brace: the shell turns it into the paths it matches. */
const GLOB_OR_BRACE = /[*?[]|\{[^{}\s]*(,|\.\.)[^{}\s]*\}/;
/** What a glob matched (and the project's `core.hooksPath`, `guarded.ts`) is trusted this long: files come and go as the agent works. */
export const GLOB_TTL_MS = 2000;
/**
 * Kinds a glob is judged by when it reaches one, worst first; otherwise it is judged as before (by its folder).
 * `rm -rf .[!.]*` reaches `.git`: the repository's history.
 */
const GLOB_RANK: Partial<Record<PathKind, number>> = { protected: 3, secret: 2, 'shell-startup': 1, 'project-git': 1 };
const rank = (kind: PathKind | undefined) => (kind ? (GLOB_RANK[kind] ?? 0) : 0);

/**
 * A glob is judged like the files it reaches: `cat ~/.ssh/id_*` like `cat ~/.ssh/id_rsa`. It is expanded
 * on disk (bounded); when it cannot be (no such folder, too many entries), its text is judged instead, so
 * `~/.ssh/*` holds credentials whatever is there and `.en?` may be `.env`. Remembered for a moment only.
 */
function classifyGlob(w: Word, ctx: RiskContext): PathInfo {
  const key = `g${w.text}`;
  const now = Date.now();
  const hit = ctx.places.get(key) as { at: number; info: PathInfo } | undefined;
  if (hit && now - hit.at < GLOB_TTL_MS) return hit.info;
  const info = globUncached(w, ctx);
  if (ctx.places.size >= MAX_PLACES) ctx.places.clear();
  ctx.places.set(key, { at: now, info });
  return info;
}

function globUncached(w: Word, ctx: RiskContext): PathInfo {
  const plain = classifyUncached(w, ctx);
  if (WINDOWS_PATH.test(w.text) || plain.kind === 'protected') return plain;
  let best: PathInfo | null = null;
  const consider = (info: PathInfo) => {
    if (rank(info.kind) > rank(best?.kind)) best = info;
  };
  for (const alt of expandBraces(w.text)) {
    const pattern = globAbsolute(alt, ctx);
    if (pattern === null) {
      // `$DIR/.e*`: where is only known at run time; what the name could be is still written.
      const cut = alt.lastIndexOf('/');
      const named = hasGlob(alt.slice(cut + 1))
        ? secretNamed(alt.slice(0, Math.max(cut, 0)), alt.slice(cut + 1), isSecretPath)
        : null;
      if (named) consider({ kind: 'secret', shown: w.text, abs: null });
      continue;
    }
    for (const { at, matched } of reached(pattern, ctx)) {
      const kind = kindOf(at, ctx);
      consider({ kind, shown: matched ? `${w.text} (${at})` : w.text, abs: matched ? at : null });
    }
  }
  return best !== null && rank((best as PathInfo).kind) > rank(plain.kind) ? best : plain;
}

/** A glob as an absolute pattern (`~`, `$HOME` and the working directory resolved), or null when it holds other expansions. */
function globAbsolute(text: string, ctx: RiskContext): string | null {
  let t = text.replace(/^(\$HOME|\$\{HOME\})(?=\/|$)/, ctx.home);
  if (t === '~' || t.startsWith('~/')) t = ctx.home + t.slice(1);
  if (/[$`~]/.test(t)) return null;
  return path.resolve(ctx.cwd, t);
}

/** The paths a glob reaches: its matches on disk, or (when it cannot be expanded) what its text could name. */
function reached(pattern: string, ctx: RiskContext): Array<{ at: string; matched: boolean }> {
  if (!hasGlob(pattern)) return [{ at: pattern, matched: false }];
  const out: Array<{ at: string; matched: boolean }> = [];
  const parts = pattern.split('/');
  const first = parts.findIndex((p) => hasGlob(p));
  const base = parts.slice(0, first).join('/') || '/';
  // A glob inside a folder of credentials reaches credentials, whatever is there today.
  if (isSecretPath(base)) out.push({ at: base, matched: false });
  const expansion = expandGlob(pattern, ctx.files);
  for (const m of expansion?.matches ?? []) out.push({ at: m, matched: true });
  if (expansion === null || !expansion.complete) {
    // Each wildcard as one letter, or `*` as nothing (`.env*` is `.env`); never a leading dot where bash would not match one.
    for (const fill of ['x', '']) {
      const filled = parts.map((p) => {
        const t = p
          .replace(/\[[^\]]*\]/g, 'x')
          .replace(/\*+/g, fill)
          .replace(/\?/g, 'x');
        return t.startsWith('.') && !p.startsWith('.') ? `x${t}` : t;
      });
      out.push({ at: path.resolve(filled.join('/')), matched: false });
    }
    const last = parts[parts.length - 1] ?? '';
    const dir =
      parts
        .slice(0, -1)
        .join('/')
        .replace(/\[[^\]]*\]|\*+|\?/g, 'x') || '/';
    const named = hasGlob(last) ? secretNamed(dir, last, isSecretPath) : null;
    if (named) out.push({ at: named, matched: false });
  }
  return out;
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
    if (isHomeDotfile(rel)) return 'home-dotfile';
    return 'home-other';
  }
  if (TEMP_DIRS.some((d) => inside(abs, d))) return 'temp';
  if (/^\/(home|Users)\/[^/]+\/?$/.test(abs)) return 'user-home';
  if (isSystemDir(abs) || /^\/[A-Za-z]:\/(Windows|Program Files|ProgramData)( \(x86\))?(\/|$)/i.test(abs))
    return 'system';
  return 'outside';
}

/** Hidden folders in the home that hold caches, tools and app data rather than one personal setting. */
const HOME_DATA_DIRS =
  /^\.(cache|local|config|npm|yarn|pnpm-store|bun|deno|cargo|rustup|m2|gradle|ivy2|sbt|nvm|pyenv|rbenv|nodenv|gem|bundle|conda|vscode|vscode-server|cursor|Trash|thumbnails|mozilla|zoom|android|dotnet|nuget|terraform\.d|minikube|ollama|vim|emacs\.d|tmux|oh-my-zsh|docker|kube|cocoapods|swiftpm|node-gyp|pub-cache|composer|cpan|cpanm|stack|ghcup|opam|julia|jupyter|ipython|matplotlib|keras|cache-\w+)$/;

/**
 * One personal file directly in the home (`~/.gitconfig`, `~/.bash_history`, `~/.vimrc`), or the git and
 * ssh client configs: settings and history a person built up, some of which run code.
 */
function isHomeDotfile(rel: string): boolean {
  if (/^\.config\/git\/(config|ignore|attributes)$/.test(rel)) return true;
  return /^\.[^/]+$/.test(rel) && !HOME_DATA_DIRS.test(rel);
}

/** A file in the Downloads folder: code from there came from the network, and nobody has reviewed it. */
export function isDownloaded(abs: string, home: string): boolean {
  return abs.startsWith(`${home}/Downloads/`) || /[\\/]Downloads[\\/]/i.test(abs);
}

/** A shell's or a REPL's command history: it often holds secrets people typed. */
export function isHistoryFile(p: string): boolean {
  return /(^|\/)\.(bash|zsh|sh|ksh|fish|python|psql|mysql|sqlite|node_repl|irb|pry|rediscli|lesshst|mongosh|dbshell)_?history$|(^|\/)\.local\/share\/fish\/fish_history$|(^|\/)ConsoleHost_history\.txt$/.test(
    p,
  );
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
    case 'home-dotfile':
      return `${info.shown}, a personal settings or history file`;
    case 'disk-device':
      return `the disk device ${info.shown}`;
    case 'harmless-device':
    case 'home-other':
    case 'outside':
      return `${info.shown}, outside the project`;
  }
}
