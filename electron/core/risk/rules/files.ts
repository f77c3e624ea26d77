// File deletion, overwriting and permissions: judged by where each target is. Writing where an agent keeps
// its settings, a shell its startup files, git its hooks or ssh its keys is critical however it is done.
import path from 'node:path';
import type { RiskContext } from '../context.ts';
import { guardedPlace, type Guarded } from '../guarded.ts';
import { lookOnDisk, physicalPath, type LinkLook } from '../links.ts';
import type { Word } from '../model.ts';
import { classifyPath, where, type PathInfo, type PathKind } from '../paths.ts';
import type { Category, Finding } from '../types.ts';
import { S } from '../types.ts';
import { finding, hasOption, operands, optionValue, type Rule, type RuleInput } from './util.ts';

const GLOB = /[*?[]/;

/**
 * A glob names the contents of its directory: `*` and `.*` all of it (judged as the directory),
 * `*.log` some files in it (judged as a file inside it).
 */
export function target(w: Word, input: RuleInput): PathInfo {
  const windows = /^([A-Za-z]:\\|\.{1,2}\\|%\w+%\\)/.test(w.text);
  if ((!w.known || windows) && GLOB.test(w.text) && !/[$`]/.test(w.text)) {
    const parts = (windows ? w.text.replace(/\\/g, '/') : w.text).split('/');
    const firstGlob = parts.findIndex((p) => GLOB.test(p));
    const dir = parts.slice(0, firstGlob).join('/') || (w.text.startsWith('/') ? '/' : '.');
    const whole = parts.slice(firstGlob).every((p) => p === '*' || p === '.*' || p === '');
    const info = classifyPath({ text: whole ? dir : `${dir}/__glob__`, known: true }, input.ctx);
    // `rm .e*` where that is `.env`: a glob is as bad as the worst file it reaches.
    const reached = windows ? null : classifyPath(w, input.ctx);
    if (reached && (reached.kind === 'protected' || (reached.kind === 'secret' && info.kind !== 'protected')))
      return reached;
    // `rm -rf .[!.]*`, `rm -rf .g*` where that is `.git`: the repository's history.
    if (reached?.kind === 'project-git' && reached.abs && info.kind === 'project') return reached;
    return { ...info, shown: w.text };
  }
  return classifyPath(w, input.ctx);
}

/**
 * Writing a place that is Gatehouse's own, hands control to an agent, a shell, git or ssh, or stands in for a program
 * on PATH: the one judgement of a protected place, shared by the shell rules (`overwrite`) and the file tools Gatehouse
 * gates (`risk/file-change.ts`). Null for any other place.
 */
export function protectedWrite(info: PathInfo, ctx: RiskContext, action: string): Finding | null {
  if (info.kind === 'protected') return finding('self-protection', S.catastrophic, `${action} ${where(info)}`);
  return guardedWrite(info, ctx, action) ?? programFolderWrite(info, ctx, action);
}

/** Links as the engine's file view sees them (remembered briefly), or the disk itself for a view without them. */
const linkLook =
  (ctx: RiskContext): LinkLook =>
  (p) =>
    ctx.files.link ? ctx.files.link(p) : lookOnDisk(p);

/** A protected place `abs` reaches through symbolic links, as a finding; null when it reaches none. */
function throughLinks(abs: string, ctx: RiskContext, action: string): Finding | null {
  const real = physicalPath(abs, linkLook(ctx));
  return real === abs ? null : protectedWrite(classifyPath({ text: real, known: true }, ctx), ctx, action);
}

/** Where writing `info` hands control to an agent, a shell, git or ssh (paths.ts), as a finding; null elsewhere. */
function guardedWrite(info: PathInfo, ctx: RiskContext, action: string): Finding | null {
  if (!info.abs || info.kind === 'protected' || info.kind === 'disk-device') return null;
  const guard = guardedPlace(info.abs, ctx);
  if (!guard) return null;
  const reason = `${action} ${info.shown}, ${/authorized_keys/.test(info.abs) ? 'letting another key log in as you' : guard.what}`;
  return finding(GUARD_CATEGORY[guard.kind], guard.kind === 'project-hooks' ? S.high : S.critical, reason);
}

/** Folders on the usual PATH that a user can write: a file put there can stand in for a real program (`curl`, `git`). */
const HOME_PROGRAM_DIRS =
  /^(\.local\/bin|bin|go\/bin|\.cargo\/bin|\.npm-global\/bin|\.bun\/bin|\.deno\/bin|\.volta\/bin|\.yarn\/bin|\.pnpm|Library\/pnpm|\.nix-profile\/bin|\.pyenv\/shims|\.rbenv\/shims|\.asdf\/shims|\.local\/share\/mise\/shims)(\/|$)/;
/** Writing into a program folder on PATH: later commands, and hooks that run `curl`, may run it instead of the real one. */
function programFolderWrite(info: PathInfo, ctx: RiskContext, action: string): Finding | null {
  if (!info.abs) return null;
  const home = ctx.home.replace(/\/+$/, '');
  // (System program folders such as /usr/local/bin are system places, judged as such.)
  if (!info.abs.startsWith(`${home}/`) || !HOME_PROGRAM_DIRS.test(info.abs.slice(home.length + 1))) return null;
  return finding(
    'file-overwrite',
    S.high,
    `${action} ${info.shown}, in a folder searched for programs: later commands (and hooks that run curl or git) may run it instead of the real one`,
  );
}

const GUARD_CATEGORY: Record<Guarded['kind'], Category> = {
  agent: 'self-protection',
  startup: 'system-config',
  'git-hooks': 'system-config',
  'project-hooks': 'system-config',
  ssh: 'secrets',
};

/** Deleting: how bad, by where the target is. */
const DELETE_SCORES: Record<PathKind, [recursive: number, single: number, category: Category]> = {
  root: [S.catastrophic, S.catastrophic, 'file-deletion'],
  system: [S.catastrophic, S.critical, 'file-deletion'],
  home: [S.catastrophic, S.catastrophic, 'file-deletion'],
  'user-home': [S.catastrophic, S.critical, 'file-deletion'],
  protected: [S.catastrophic, S.catastrophic, 'self-protection'],
  'disk-device': [S.catastrophic, S.catastrophic, 'disk'],
  secret: [S.severe, S.severe, 'file-deletion'],
  'shell-startup': [S.severe, S.severe, 'file-deletion'],
  'home-dotfile': [S.severe, 55, 'file-deletion'],
  'home-other': [S.severe, 55, 'file-deletion'],
  outside: [S.severe, 55, 'file-deletion'],
  unknown: [S.severe, 55, 'file-deletion'],
  'project-root': [S.severe, S.severe, 'file-deletion'],
  'project-git': [S.severe, S.high, 'file-deletion'],
  project: [35, S.medium, 'file-deletion'],
  temp: [S.medium, S.medium, 'file-deletion'],
  'harmless-device': [S.lowWrite, S.lowWrite, 'file-deletion'],
};

export function deletion(words: readonly Word[], recursive: boolean, input: RuleInput, verb = 'deletes'): Finding[] {
  return words.map((w) => {
    const named = target(w, input);
    // `rm cfg/settings.json`, `rm -rf cfg/` with `cfg` a link to ~/.claude: what goes is where the links lead (a link
    // itself, named without a trailing slash, is only the link).
    const real =
      named.abs && !/device$/.test(named.kind)
        ? w.text.endsWith('/')
          ? physicalPath(named.abs, linkLook(input.ctx))
          : path.join(physicalPath(path.dirname(named.abs), linkLook(input.ctx)), path.basename(named.abs))
        : null;
    const info = real && real !== named.abs ? classifyPath({ text: real, known: true }, input.ctx) : named;
    const [rec, single, category] = DELETE_SCORES[info.kind];
    let score = recursive ? rec : single;
    let reason = `${verb} ${where(info)}${recursive ? ' recursively' : ''}`;
    // `rm -rf .claude`, `mv ~/.codex /tmp`: an agent without its settings runs without Gatehouse's hooks.
    const guard = info.abs && info.kind !== 'protected' ? guardedPlace(info.abs, input.ctx) : null;
    if (guard?.kind === 'agent' && score < S.critical)
      return finding('self-protection', S.critical, `${verb} ${info.shown}, ${guard.what}`);
    // `rm -rf ..` from the project, `cd .. && rm -rf app`: the project the command started in, or a folder that holds it.
    const holdsProject = (root: string | null | undefined, self: boolean) =>
      !!root && !!info.abs && (root.startsWith(`${info.abs}/`) || (self && root === info.abs));
    if (
      recursive &&
      score < S.high &&
      (holdsProject(input.ctx.projectRoot, false) || holdsProject(input.ctx.startedIn, true))
    )
      return finding('file-deletion', S.high, `${verb} ${info.shown}, which holds the whole project`);
    // `rm -rf "$DIR"/` is `rm -rf /` when DIR is empty or unset.
    if (info.kind === 'unknown' && recursive && /^["']?\$\{?\w+\}?["']?\/\*?$/.test(w.text)) {
      score = S.critical;
      reason += ` (if ${w.text.replace(/\/\*?$/, '')} is empty, that is /)`;
    }
    return finding(category, score, reason);
  });
}

/**
 * How a file is written: `append` adds to it; `truncate` replaces its contents in place (`>`, `truncate`,
 * `dd of=`, `sed -i`, `tee`); `copy` puts another file there (cp, mv, install, ln, extraction), which
 * for an ordinary file outside the project is usually a new file.
 */
export type WriteMode = 'append' | 'truncate' | 'copy';

/** Writing: how bad, by where the target is and how it is written. */
export function overwrite(w: Word, input: RuleInput, mode: WriteMode | boolean, verb?: string): Finding {
  const how: WriteMode = mode === true ? 'append' : mode === false ? 'truncate' : mode;
  const append = how === 'append';
  const info = target(w, input);
  const action = verb ?? (append ? 'appends to' : 'overwrites');
  const f = (category: Category, score: number, extra = '') =>
    finding(category, score, `${action} ${where(info)}${extra}`);
  const guarded = guardedWrite(info, input.ctx, action) ?? programFolderWrite(info, input.ctx, action);
  if (guarded) return guarded;
  // `echo x > cfg/settings.json` where `cfg` is a link to ~/.claude: the write lands where the links lead.
  const through = info.abs && !/device$/.test(info.kind) ? throughLinks(info.abs, input.ctx, action) : null;
  if (through) return { ...through, reason: `${through.reason} (${info.shown} is a symbolic link that leads there)` };
  switch (info.kind) {
    case 'disk-device':
      return f('disk', S.catastrophic, ', destroying what is on it');
    case 'protected':
      return f('self-protection', S.catastrophic);
    case 'root':
    case 'system':
      return f('system-config', S.critical);
    case 'secret':
      if (/authorized_keys/.test(info.shown)) return f('secrets', S.critical, ', letting another key log in as you');
      return info.shown.startsWith('/etc/')
        ? f('privilege', S.critical, ', which decides who may log in or become root')
        : f('secrets', S.severe);
    case 'shell-startup':
      return append ? f('system-config', 55, ', which runs in every new shell') : f('file-overwrite', S.severe);
    case 'home-dotfile':
      return f('file-overwrite', append ? 55 : S.high, ' (settings or history you built up; some run code)');
    case 'project-git':
      return f('file-overwrite', S.high, ' (hooks and config there run code and change history)');
    case 'user-home':
    case 'home':
      return f('file-overwrite', S.high);
    case 'home-other':
    case 'outside':
      return f(
        'file-overwrite',
        how === 'truncate' ? 55 : S.notable,
        how === 'truncate' ? ', replacing what is there' : '',
      );
    case 'unknown':
      return f('file-overwrite', 45);
    case 'temp':
      return f('file-overwrite', 25);
    case 'harmless-device':
      return f('read-only', S.none);
    case 'project-root':
    case 'project':
      return f('file-overwrite', S.lowWrite);
  }
}

const rm: Rule = (input) => {
  const { args } = input;
  const recursive = hasOption(args, 'r', '--recursive') || hasOption(args, 'R');
  const found = deletion(operands(args), recursive, input);
  if (hasOption(args, null, '--no-preserve-root'))
    found.push(finding('file-deletion', S.catastrophic, 'disables the protection against deleting /'));
  return found;
};

/** POSIX rmdir removes only empty folders; cmd's `rmdir /s` (and `rd /s`) removes a whole tree. */
/** rimraf and del-cli delete recursively, like `rm -rf`. */
const rimraf: Rule = (input) => deletion(operands(input.args, ['--glob', '-G']), true, input);

/** Moving to the trash can be undone from the trash, so it is milder than deleting, but never nothing. */
const trash: Rule = (input) =>
  deletion(operands(input.args), false, input, 'moves to the trash').map((f) => ({
    ...f,
    score: Math.max(S.medium, f.score - 15),
  }));

const rmdir: Rule = (input) => {
  const tree = input.args.some((w) => /^\/s$/i.test(w.text));
  const targets = operands(input.args.filter((w) => !/^\/[sq]$/i.test(w.text)));
  if (tree) return deletion(targets, true, input);
  // An empty folder inside the project holds nothing to lose.
  return deletion(targets, false, input).map((f, i) => ({
    ...f,
    score: target(targets[i] as Word, input).kind === 'project' ? S.lowWrite : Math.min(f.score, 55),
  }));
};

/** shred and srm overwrite before deleting: nothing can bring the file back, not even git or a backup of the disk. */
const shred: Rule = (input) =>
  deletion(operands(input.args, ['-n', '-s', '--iterations', '--size']), false, input, 'destroys beyond recovery').map(
    (f) => ({ ...f, score: Math.max(f.score, 55) }),
  );

/** `mv SRC… DEST`: the sources leave their place (a deletion there), the destination is overwritten. */
/** Options of cp, mv, ln and install that take a value. */
const COPY_VALUED = ['-t', '--target-directory', '-S', '--suffix', '-m', '--mode', '-o', '--owner', '-g', '--group'];

/** Sources and destination of a copy: the last operand, or the folder `-t DIR` names (`cp -t .claude x`). */
export function copyTargets(
  input: RuleInput,
  valued: readonly string[] = COPY_VALUED,
): { sources: Word[]; dest: Word } | null {
  const ops = operands(input.args, valued);
  const into = optionValue(input.args, 't', '--target-directory');
  if (into !== null) return ops.length ? { sources: ops, dest: { text: into, known: !/[$`*?[]/.test(into) } } : null;
  return ops.length >= 2 ? { sources: ops.slice(0, -1), dest: ops.at(-1) as Word } : null;
}

/** Names that, landing in a project or a home, are an agent's settings, a git hook or a shell startup file. */
const PLANTED =
  /^\.(claude|codex|gemini|cursor|windsurf|qwen|continue|mcp\.json|vscode|git|husky|ssh|config|bashrc|bash_profile|bash_login|profile|zshrc|zshenv|zprofile|zlogin|bash_aliases|claude\.json|aider\.conf\.yml)$|^opencode\.jsonc?$/;

/**
 * A folder copied into the project or the home (`cp -r template/. .`, `cp -r dotfiles ~`) brings its own
 * `.claude/`, `.git/hooks` or `.bashrc` with it. Seen on disk when the source is there; null when it plants nothing.
 */
export function plants(sources: readonly Word[], dest: Word, input: RuleInput, verb: string): Finding | null {
  const info = target(dest, input);
  if (!info.abs || !['project-root', 'home', 'user-home', 'project'].includes(info.kind)) return null;
  for (const src of sources) {
    const from = classifyPath(src, input.ctx).abs;
    if (!from) continue;
    const name = path.basename(from);
    // `cp -r x/.claude .` lands as ./.claude; `cp -r x/. .` and a folder copied to a new name land as their entries.
    const landing = PLANTED.test(name)
      ? [name]
      : (input.ctx.files.list(from) ?? []).map((e) => e.name).filter((n) => PLANTED.test(n));
    for (const n of landing) {
      const at = path.join(info.abs, n);
      const guard =
        guardedPlace(at, input.ctx) ??
        guardedPlace(path.join(at, 'settings.json'), input.ctx) ??
        guardedPlace(path.join(at, 'hooks'), input.ctx);
      if (guard)
        return finding(
          GUARD_CATEGORY[guard.kind],
          guard.kind === 'project-hooks' ? S.high : S.critical,
          `${verb} ${src.text} into ${info.shown}, bringing ${n} with it: ${guard.what}`,
        );
    }
  }
  return null;
}

const mv: Rule = (input) => {
  const targets = copyTargets(input);
  if (!targets) return [];
  const { sources, dest } = targets;
  const planted = plants(sources, dest, input, 'moves');
  // A rename inside the project (`mv tmp.json package.json`) deletes nothing: git still has it.
  const renameOnly =
    [...sources, dest].every((w) => target(w, input).kind === 'project') &&
    !guardedWrite(target(dest, input), input.ctx, 'moves files into');
  if (renameOnly && !planted)
    return [
      finding(
        'file-overwrite',
        S.lowWrite,
        `renames ${sources.map((w) => w.text).join(' ')} to ${dest.text} inside the project`,
      ),
    ];
  const found = deletion(sources, true, input, 'moves away').map((f) => ({
    ...f,
    score: f.category === 'self-protection' ? f.score : Math.max(S.lowWrite, f.score - 10),
  }));
  if (planted) found.push(planted);
  if (dest.text === '/dev/null')
    return [
      ...found,
      finding('file-deletion', S.severe, `throws ${sources.map((w) => w.text).join(' ')} away into /dev/null`),
    ];
  return [...found, overwrite(dest, input, 'copy', 'moves files into')];
};

/** rsync's copy is judged with the network tools (network.ts); here only what a local copy brings into a project or home. */
const rsyncPlants: Rule = (input) => {
  const ops = operands(input.args, [
    '-e',
    '--rsh',
    '--exclude',
    '--include',
    '--filter',
    '-f',
    '--exclude-from',
    '--include-from',
    '--files-from',
    '-T',
    '--temp-dir',
    '--backup-dir',
    '--suffix',
    '--chmod',
    '--chown',
    '-B',
    '--block-size',
    '--port',
    '--password-file',
    '--log-file',
  ]);
  const dest = ops.at(-1);
  if (!dest || ops.length < 2 || /^[^/]*:/.test(dest.text)) return [];
  const planted = plants(ops.slice(0, -1), dest, input, 'copies');
  return planted ? [planted] : [];
};

/** `.env.example` → `.env`: a file made from the project's template. */
const TEMPLATE = /\.(example|sample|template|dist|defaults?|tmpl|tpl)$/;

const cp: Rule = (input) => {
  const targets = copyTargets(input);
  if (!targets) return [];
  const { sources, dest } = targets;
  const ops = [...sources, dest];
  const [first] = ops;
  if (first?.text === '/dev/null') return [overwrite(dest, input, 'truncate', 'empties')];
  const planted =
    hasOption(input.args, 'r', '--recursive') || hasOption(input.args, 'R') || hasOption(input.args, 'a', '--archive')
      ? plants(sources, dest, input, 'copies')
      : null;
  if (planted) return [planted];
  const noClobber = hasOption(input.args, 'n', '--no-clobber') || input.args.some((w) => w.text === '--update=none');
  const destKind = target(dest, input).kind;
  if (ops.length === 2 && first && TEMPLATE.test(first.text) && destKind === 'secret') {
    return [
      noClobber
        ? finding('file-overwrite', S.lowWrite, `creates ${dest.text} from the template ${first.text} if it is missing`)
        : finding(
            'file-overwrite',
            S.notable,
            `writes ${dest.text} from the template ${first.text}, replacing the values in it if it exists`,
          ),
    ];
  }
  // Installing the project's own git hook is a reviewed change, not an unknown hook.
  const fromProject = ops.slice(0, -1).every((w) => target(w, input).kind === 'project');
  if (destKind === 'project-git' && fromProject && /\.git\/hooks(\/|$)/.test(target(dest, input).shown))
    return [finding('file-overwrite', S.notable, `installs the project's own git hook into ${dest.text}`)];
  const found = overwrite(dest, input, 'copy', noClobber ? 'copies (without replacing) into' : 'copies over');
  return [
    noClobber && found.category === 'file-overwrite' ? { ...found, score: Math.min(found.score, S.notable) } : found,
  ];
};

const dd: Rule = (input) => {
  const found: Finding[] = [];
  for (const w of input.args) {
    if (w.text.startsWith('of='))
      found.push(overwrite({ text: w.text.slice(3), known: w.known }, input, false, 'writes raw bytes over'));
    if (w.text.startsWith('if=/dev/') && !/^if=\/dev\/(zero|urandom|random)$/.test(w.text))
      found.push(finding('disk', 45, `reads the raw device ${w.text.slice(3)}`));
  }
  return found;
};

const truncate: Rule = (input) =>
  operands(input.args, ['-s', '--size', '-r', '--reference']).map((w) => overwrite(w, input, false, 'truncates'));
const tee: Rule = (input) =>
  operands(input.args).map((w) => overwrite(w, input, hasOption(input.args, 'a', '--append')));

/** `sed -i` and `perl -i` edit the files named after the script. */
const inPlace: Rule = (input) => {
  const { args, prog } = input;
  const edits = args.some((w) => /^-[a-zA-Z]*i/.test(w.text) || w.text.startsWith('--in-place'));
  if (!edits) return [];
  const explicitScript = args.some((w) => w.text === '-e' || w.text === '-f' || w.text.startsWith('--expression'));
  const ops = operands(args, ['-e', '-f', '--expression', '--file']);
  const files = explicitScript || prog === 'perl' ? ops : ops.slice(1);
  return files.map((w) => overwrite(w, input, false, 'edits'));
};

const linkOrInstall: Rule = (input) => {
  // `install -d dir…` only makes folders.
  if (input.prog === 'install' && hasOption(input.args, 'd', '--directory')) return create(input);
  const targets = copyTargets(input);
  // `ln -sf x ~/.gitconfig` replaces what is there; plain `ln -s`/`install` usually make something new.
  const replaces = hasOption(input.args, 'f', '--force') && input.prog === 'ln';
  const found = targets ? [overwrite(targets.dest, input, replaces ? 'truncate' : 'copy', 'replaces')] : [];
  // `ln -s ~/.claude cfg`, `ln ~/.bashrc notes.txt`: whatever later writes to the link writes there, under an ordinary
  // name (a symbolic link to a folder reaches everything in it). Judged as a write to where it points.
  if (input.prog === 'ln' && targets)
    for (const source of targets.sources) {
      // The system's folders are root's to write: a link to /usr/bin/python3 writes nothing there as the person.
      if (['root', 'system'].includes(target(source, input).kind)) continue;
      const through = overwrite(source, input, 'truncate', `links ${targets.dest.text} to`);
      if (through.score >= S.medium && through.category !== 'file-overwrite')
        found.push({ ...through, reason: `${through.reason}: writing to the link writes there` });
    }
  // `install -m 4755 /bin/bash /tmp/rootsh`: a copy that runs as its owner (root, if root installs it).
  const mode = input.prog === 'install' ? (optionValue(input.args, 'm', '--mode') ?? '') : '';
  if (/^[2-7][0-7]{3}$/.test(mode) || /[ug]\+\w*s/.test(mode))
    found.push(
      finding(
        'permissions',
        S.severe,
        `installs ${targets?.dest.text ?? 'a program'} to run as its owner (setuid/setgid, mode ${mode})`,
      ),
    );
  return found;
};

/**
 * touch and mkdir make an empty file or folder: nothing in it runs, so even in an agent's settings or a
 * hooks folder it is at most medium (what is written there later is judged then).
 */
const create: Rule = (input) => {
  const mode = hasOption(input.args, 'm', '--mode');
  return operands(input.args, ['-m', '--mode', '-d', '--date', '-r', '--reference', '-t']).map((w) => {
    const info = target(w, input);
    const guard = info.abs && info.kind !== 'protected' ? guardedPlace(info.abs, input.ctx) : null;
    if (input.prog === 'mkdir' && !mode && !guard && info.abs && ORDINARY_FOLDER_PLACES.has(info.kind))
      return finding('file-overwrite', S.lowWrite, `creates the folder ${info.shown}, ${EMPTY_FOLDER}`);
    const f = overwrite(w, input, false, 'creates');
    // An empty file in ~/.ssh is still judged as before (`touch ~/.ssh/authorized_keys` readies a key).
    if (guard && guard.kind !== 'ssh') return { ...f, score: Math.min(f.score, S.notable) };
    return f.category === 'file-overwrite' ? { ...f, score: Math.min(f.score, S.medium) } : f;
  });
};

/**
 * Where `mkdir` of a folder is low: an ordinary place (a scratch folder, somewhere under the home that is neither a
 * dotfile nor a secret, elsewhere outside the system's folders). A new empty folder holds nothing that runs, and
 * `mkdir` never replaces what is there (with `-p` an existing folder is left as it is). Not with `-m`: a folder made
 * writable by others is a place others can plant files. Guarded places (an agent's settings, git hooks, ~/.ssh) and
 * the system's folders stay as `overwrite` judges them.
 */
export const ORDINARY_FOLDER_PLACES: ReadonlySet<PathKind> = new Set<PathKind>(['temp', 'home-other', 'outside']);
const EMPTY_FOLDER = 'which is empty and replaces nothing';

/** `uniq in out`: the second operand is written; `shuf -o out`: so is the output named. */
const namedOutput: Rule = (input) => {
  const { args, prog } = input;
  if (prog === 'shuf') {
    const out = optionValue(args, 'o', '--output');
    return out === null ? [] : [overwrite({ text: out, known: true }, input, false, 'shuf -o writes')];
  }
  const out = operands(args, ['-f', '--skip-fields', '-s', '--skip-chars', '-w', '--check-chars'])[1];
  return out && out.text !== '-' ? [overwrite(out, input, false, `${prog} writes`)] : [];
};

/** chmod, chown, chgrp, chattr, setfacl. */
const permissions: Rule = (input) => {
  const { args, prog } = input;
  const recursive = hasOption(args, 'R', '--recursive');
  // chattr's attributes look like options (`-i`, `+i`, `=ai`); chmod's symbolic modes can too (`-x`).
  const attribute = (w: Word) =>
    (prog === 'chattr' && /^[-+=][aAcCdDeEFijmPsStTux]+$/.test(w.text)) ||
    (prog === 'chmod' && /^-[rwxXst]+$/.test(w.text));
  const aclOptions = [
    '-m',
    '-M',
    '-x',
    '-X',
    '--modify',
    '--modify-file',
    '--remove',
    '--remove-file',
    '--set',
    '--set-file',
  ];
  const ops = [
    ...args.filter(attribute),
    ...operands(
      args.filter((w) => !attribute(w)),
      prog === 'setfacl' ? aclOptions : ['--reference', '--from', '-p', '-v'],
    ),
  ];
  if (prog === 'setfacl') ops.unshift({ text: optionValue(args, null, ...aclOptions) ?? 'acl', known: true });
  // The first operand is the mode, owner or attribute; the rest are the files.
  const mode = ops.shift()?.text ?? '';
  const worldWritable =
    prog === 'chmod' && (/^[0-7]?[0-7][0-7][2367]$/.test(mode) || /(a|o)[+=]\w*w/.test(mode) || /^\+?w$/.test(mode));
  const setuid = prog === 'chmod' && (/^[4-7][0-7]{3}$/.test(mode) || /[ug]\+\w*s/.test(mode));
  const lockout = prog === 'chmod' && /^0?00$|^0{3,4}$/.test(mode);
  return ops.map((w) => {
    const info = target(w, input);
    const place = where(info);
    const change = `${prog} ${mode}`;
    if (info.kind === 'protected') return finding('self-protection', S.catastrophic, `changes permissions of ${place}`);
    // Locking an agent's settings away (or opening them to every user) changes which hooks it loads.
    const guard = info.abs ? guardedPlace(info.abs, input.ctx) : null;
    if (guard?.kind === 'agent')
      return finding('self-protection', S.critical, `${change} on ${info.shown}, ${guard.what}`);
    if (['root', 'system', 'home', 'user-home'].includes(info.kind)) {
      return finding(
        'permissions',
        recursive || info.kind === 'root' ? S.catastrophic : S.critical,
        `${change} on ${place}${recursive ? ' recursively' : ''}`,
      );
    }
    if (info.kind === 'secret')
      return finding('permissions', worldWritable || lockout ? S.critical : S.high, `${change} on ${place}`);
    if (setuid) return finding('permissions', S.severe, `makes ${info.shown} run as its owner (setuid/setgid)`);
    const inProject = info.kind === 'project' || info.kind === 'project-root' || info.kind === 'temp';
    if (worldWritable) return finding('permissions', inProject ? 35 : S.high, `lets every user write ${place}`);
    if (lockout)
      return finding(
        'permissions',
        inProject ? 35 : S.high,
        `${change} locks everyone out of ${place}, you and your tools included`,
      );
    if (prog === 'chown' || prog === 'chgrp')
      return finding('permissions', inProject ? S.medium : 55, `changes the owner of ${place}`);
    if (prog === 'chattr' || prog === 'chflags')
      return finding('permissions', inProject ? S.medium : 55, `changes file attributes of ${place}`);
    return finding('permissions', inProject ? S.lowWrite : 45, `${change} on ${place}`);
  });
};

export const FILE_RULES: Record<string, Rule> = {
  rm,
  unlink: rm,
  rmdir,
  rimraf,
  'del-cli': rimraf,
  trash,
  'trash-put': trash,
  gtrash: trash,
  shred,
  srm: shred,
  mv,
  cp,
  dd,
  truncate,
  tee,
  sed: inPlace,
  gsed: inPlace,
  perl: inPlace,
  ln: linkOrInstall,
  install: linkOrInstall,
  rsync: rsyncPlants,
  touch: create,
  mkdir: create,
  uniq: namedOutput,
  shuf: namedOutput,
  chmod: permissions,
  chown: permissions,
  chgrp: permissions,
  chattr: permissions,
  chflags: permissions,
  setfacl: permissions,
};
