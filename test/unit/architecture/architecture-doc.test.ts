// ARCHITECTURE.md and docs/ are a map a newcomer trusts: every file and every code name they give in backticks must
// exist, and every section they (or the README, or a comment in the code) point at by name must be there. Files get
// moved and names renamed in commits that never open the docs; this test is what makes them notice.
//
// The convention, as ARCHITECTURE.md, "Conventions of these docs" states it:
// - A backticked token is a **path** when it has no blank and either ends in a source extension (`.ts`, `.tsx`,
//   `.mjs`, `.js`, `.bash`, `.css`, `.html`, `.md`) or starts with a folder or file at the top of the repository
//   (`electron/`, `test/`, `package.json`, …) or of the core (`risk/`, `store/`, …, the core's folders being named
//   without `electron/core/`). It must name a file or folder in the tree, whole or by its tail: `risk/engine.ts` is
//   `electron/core/risk/engine.ts`, a bare `wire.ts` is a file of that name somewhere. `*` and `<name>` stand for any
//   part of one name. Tokens that start with `/`, `~`, `$`, `./` or `../`, or hold `://`, are places on the user's
//   machine, not in the repository, and are not checked (`~/.claude/settings.json`, `/usr/bin/curl`); nor is what
//   the build and the tests write (`dist/`, `test/e2e/screenshots/`).
// - A backticked `@scope/name` is an npm package: it must be one of package.json's dependencies.
// - A backticked **symbol** is a name as code writes it: an identifier, or a dotted chain (`Broker.reconsider`),
//   optionally called (`requestCorePort()`, `startCore({recordings})`), that is called, or camelCase, PascalCase or
//   CONSTANT_CASE. Every such name in it must occur as a whole word in the source (electron/, shared/, renderer/,
//   test/, scripts/, bin/, the configuration files). Names of other programs that Gatehouse's code never spells
//   (`SO_PEERCRED`) are listed below in OUTSIDE_NAMES with what they are.
// - A **section reference** is a file and a quoted heading: `ARCHITECTURE.md, "Layers"`, `docs/sandbox.md,
//   "Honest status"`. The file must have a heading that starts with the quoted text. Markdown links to files and
//   headings must resolve too.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const THIS_FILE = path.relative(ROOT, fileURLToPath(import.meta.url));

/** Never part of the map: dependencies, build output, version control, what the tests leave behind. */
const NOT_THE_TREE = new Set(['node_modules', 'dist', '.git', '.gatehouse-test', 'test/e2e/screenshots']);
const PATH_EXTENSIONS = /\.(ts|tsx|mjs|js|bash|css|html|md)$/;
/** Where the code is, for symbols: everything in the tree except prose (the shell integration's dotfiles included). */
const SOURCE = /\.(ts|tsx|mts|mjs|cjs|js|json|bash|sh|fish|css|html|yml|yaml)$|^\.ci\/|\/shell-integration\//;

/**
 * Names the docs use that belong to other programs and that Gatehouse's code never spells: each with what it is, so
 * a reader of this list sees it is no stale name of ours.
 */
const OUTSIDE_NAMES: Record<string, string> = {
  getsockopt: "the system call that would read a Unix socket peer's pid on macOS (LOCAL_PEERPID)",
  IN_ACCESS: "inotify's read event, which Node's fs.watch does not ask for",
  SCM_RIGHTS: 'the Unix socket message that hands a file descriptor to another process',
  allowedEnvVars: "Claude Code's http hook setting: the environment variables its headers may carry",
  httpHookAllowedEnvVars: "Claude Code's managed setting that limits allowedEnvVars",
  minMatch: "a zstd compression parameter (tried for the recording thread's compression and dropped)",
};

interface Tree {
  /** Every file and folder, relative to the root, with `/` separators. */
  entries: string[];
  /** Whole words of the source. */
  words: Set<string>;
  /** Each source file's text, to find where a type is defined. */
  sources: Map<string, string>;
  /** Names at the top of the repository and of the core, which make a token a path. */
  tops: Set<string>;
}

function walk(rel: string, out: string[]): void {
  for (const entry of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (NOT_THE_TREE.has(entry.name) || NOT_THE_TREE.has(child)) continue;
    out.push(entry.isDirectory() ? `${child}/` : child);
    if (entry.isDirectory()) walk(child, out);
  }
}

function readTree(): Tree {
  const entries: string[] = [];
  walk('', entries);
  const words = new Set<string>();
  const sources = new Map<string, string>();
  for (const file of entries) {
    if (file.endsWith('/') || file === THIS_FILE || file.startsWith('docs/') || !SOURCE.test(file)) continue;
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    sources.set(file, text);
    for (const word of text.split(/[^\w$]+/)) if (word) words.add(word);
  }
  const topOf = (dir: string) => fs.readdirSync(path.join(ROOT, dir)).filter((name) => !NOT_THE_TREE.has(name));
  const tops = new Set([...topOf('.'), ...topOf('electron/core')]);
  return { entries: entries.map((e) => e.replace(/\/$/, '')), words, sources, tops };
}

/**
 * `Type.member` where Gatehouse defines `Type` (a class, interface, type, enum or constant of ours): the member must be
 * in a file that defines it, so a method renamed or moved to another class is noticed. Types from elsewhere
 * (`Buffer.from`) are only checked as words.
 */
function memberMissing(names: string[], tree: Tree): string | null {
  const [owner, member] = names;
  if (names.length < 2 || !/^[A-Z]/.test(owner!)) return null;
  const defines = new RegExp(`\\b(class|interface|type|enum|namespace|const|function) ${owner}\\b`);
  const word = new RegExp(`\\b${member!.replace(/\$/g, '\\$')}\\b`);
  const definers = [...tree.sources.values()].filter((text) => defines.test(text));
  return definers.length > 0 && !definers.some((text) => word.test(text)) ? `${owner} has no ${member}` : null;
}

/** The markdown files these rules hold for: the map and everything under docs/. */
function docFiles(): string[] {
  const out: string[] = [];
  if (fs.existsSync(path.join(ROOT, 'docs'))) walk('docs', out);
  return ['ARCHITECTURE.md', ...out.filter((f) => f.endsWith('.md')).sort()];
}

interface Span {
  text: string;
  line: number;
}

/**
 * The inline code spans of a markdown text (CommonMark: a run of N backticks up to the next run of exactly N), with
 * the line each starts on. Fenced blocks are drawings and examples, not names.
 */
function codeSpans(markdown: string): Span[] {
  const spans: Span[] = [];
  const lines = markdown.split('\n');
  let fenced = false;
  // Paragraphs are read whole: a span may wrap onto the next line.
  let para: string[] = [];
  let paraStart = 0;
  const flush = () => {
    const text = para.join('\n');
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
    const lineAt = (offset: number) => paraStart + lineStarts.filter((s) => s <= offset).length;
    for (let i = 0; i < text.length;) {
      if (text[i] !== '`') {
        i++;
        continue;
      }
      let n = 0;
      while (text[i + n] === '`') n++;
      const ticks = '`'.repeat(n);
      let close = text.indexOf(ticks, i + n);
      while (close !== -1 && text[close + n] === '`') close = text.indexOf(ticks, close + n + 1);
      if (close === -1) {
        i += n;
        continue;
      }
      let inner = text.slice(i + n, close).replace(/\n/g, ' ');
      if (/^ .*[^ ] $/.test(inner)) inner = inner.slice(1, -1);
      spans.push({ text: inner, line: lineAt(i) });
      i = close + n;
    }
    para = [];
  };
  lines.forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) {
      flush();
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    if (line.trim() === '') {
      flush();
      return;
    }
    if (para.length === 0) paraStart = index;
    para.push(line);
  });
  flush();
  return spans;
}

/** What the build and the tests write: named for where things land, there only after a build or a test run. */
const OUTPUTS = ['dist/', 'test/e2e/screenshots/'];

/** Places outside the repository (the user's machine, URLs, command-line fragments) and outputs. */
function isElsewhere(token: string): boolean {
  return /^[/~$<>-]|^\.\.?\/|:\/\//.test(token) || OUTPUTS.some((o) => token.startsWith(o));
}

function isPathToken(token: string, tops: Set<string>): boolean {
  if (/\s/.test(token) || isElsewhere(token) || !/^[\w.@*<>/-]+$/.test(token)) return false;
  const first = token.split('/')[0]!;
  if (PATH_EXTENSIONS.test(token)) return !first.startsWith('.') || tops.has(first);
  return tops.has(first) && (token.includes('/') || /\.\w+$/.test(token));
}

/** Whether a path token names something in the tree, from the root or by its tail. */
function pathExists(token: string, entries: string[]): boolean {
  const body = token
    .replace(/\/$/, '')
    .split(/(\*|<[^>]*>)/)
    .map((part) =>
      part === '*' ? '[^/]*' : part.startsWith('<') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  const re = new RegExp(`(^|/)${body}$`);
  return entries.some((e) => re.test(e));
}

const IDENT = /[A-Za-z_$][\w$]*/;
const CHAIN = new RegExp(`^${IDENT.source}(?:\\(\\))?(?:\\.${IDENT.source}(?:\\(\\))?)*$`);

/** The names in a symbol token that must be found in the source, or null when the token is no symbol. */
function symbolNames(token: string): string[] | null {
  let chain = token;
  let called = false;
  const call = /^([^(\s]+)\((.*)\)$/s.exec(token);
  if (call) {
    chain = call[1]!;
    called = true;
  }
  if (!CHAIN.test(chain)) return null;
  if (chain.includes('()')) called = true;
  const parts = chain.replace(/\(\)/g, '').split('.');
  const distinctive = (p: string) =>
    /[a-z][A-Z]/.test(p) || /^[A-Z][a-z]/.test(p) || /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(p);
  if (!called && !parts.some(distinctive)) return null;
  return parts;
}

interface Problem {
  where: string;
  what: string;
}

function checkNames(file: string, tree: Tree, packages: Set<string>): Problem[] {
  const problems: Problem[] = [];
  for (const { text, line } of codeSpans(fs.readFileSync(path.join(ROOT, file), 'utf8'))) {
    const where = `${file}:${line}`;
    if (/^@[\w-]+\/[\w.-]+$/.test(text)) {
      if (!packages.has(text)) problems.push({ where, what: `\`${text}\` is not a dependency in package.json` });
    } else if (isPathToken(text, tree.tops)) {
      if (!pathExists(text, tree.entries)) problems.push({ where, what: `\`${text}\` names no file or folder` });
    } else {
      const names = symbolNames(text);
      if (!names) continue;
      const missing = names.filter((n) => !tree.words.has(n) && !(n in OUTSIDE_NAMES));
      const member = missing.length ? null : memberMissing(names, tree);
      if (missing.length) problems.push({ where, what: `\`${text}\`: ${missing.join(', ')} not found in the source` });
      else if (member) problems.push({ where, what: `\`${text}\`: ${member}` });
    }
  }
  return problems;
}

/** A heading's text as a reference quotes it: without its `#`s and backticks. */
function headings(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/^#{1,6} +(.+)$/gm)].map((m) => m[1]!.replace(/`/g, '').trim());
}

/** GitHub's anchor for a heading. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** `ARCHITECTURE.md, "Layers"`: a file named from the root, then the heading. */
const REFERENCE = /(?<![\w/.-])((?:docs\/[\w/.-]+?|ARCHITECTURE|README)\.md),? "([^"]+)"/g;
/** `[sandbox.md](sandbox.md), "Honest status"`: a markdown link, resolved from the linking file, then the heading. */
const LINKED_REFERENCE = /\]\(([^)\s#]+\.md)\),? "([^"]+)"/g;
const LINK = /\]\(([^)\s]+)\)/g;

function checkReferences(file: string): Problem[] {
  const problems: Problem[] = [];
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const linked = file.endsWith('.md') ? [...text.matchAll(LINKED_REFERENCE)] : [];
  const references = [
    ...[...text.matchAll(REFERENCE)].map((m) => ({ m, target: m[1]! })),
    ...linked.map((m) => ({ m, target: path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!)) })),
  ];
  for (const { m, target } of references) {
    // A quoted heading may wrap onto the next line (of a paragraph or a comment).
    const heading = m[2]!.replace(/\s*\n\s*(?:\/\/|\*)?\s*/g, ' ');
    const where = `${file}:${lineOf(m.index)}`;
    if (!fs.existsSync(path.join(ROOT, target))) problems.push({ where, what: `${target} does not exist` });
    else if (!headings(target).some((h) => h.startsWith(heading)))
      problems.push({ where, what: `${target} has no section "${heading}"` });
  }
  if (!file.endsWith('.md')) return problems;
  for (const m of text.matchAll(LINK)) {
    const link = m[1]!;
    if (/^[a-z]+:/.test(link)) continue;
    const where = `${file}:${lineOf(m.index)}`;
    const [target, anchor] = link.split('#');
    const resolved = target ? path.posix.normalize(path.posix.join(path.posix.dirname(file), target)) : file;
    if (!fs.existsSync(path.join(ROOT, resolved))) problems.push({ where, what: `link to ${link}: no such file` });
    else if (anchor && resolved.endsWith('.md') && !headings(resolved).some((h) => slug(h) === anchor)) {
      problems.push({ where, what: `link to ${link}: no such heading` });
    }
  }
  return problems;
}

function report(problems: Problem[]): string[] {
  return problems.map((p) => `${p.where}: ${p.what}`);
}

describe('the convention the check applies', () => {
  const tops = new Set(['electron', 'test', 'package.json', 'risk', 'store']);

  it('takes source files and folders of the repository or the core as paths, and places elsewhere as not', () => {
    for (const p of [
      'electron/core/core.ts',
      'risk/engine.ts',
      'wire.ts',
      'store/',
      'rules/<family>.ts',
      'risk/rules/windows*.ts',
      'package.json',
      'README.md',
    ]) {
      expect.soft(isPathToken(p, new Set([...tops, 'rules'])), p).toBe(true);
    }
    for (const p of [
      '~/.claude/settings.json',
      '/usr/bin/curl',
      '$CODEX_HOME/config.toml',
      '.claude/settings.json',
      'settings.json',
      'kit/real/N-name',
      '-o/-O',
      'http://127.0.0.1:PORT/',
      '../shared/data/agent-traces.jsonl',
      'node x.js',
    ]) {
      expect.soft(isPathToken(p, tops), p).toBe(false);
    }
  });

  it('takes called names and camelCase, PascalCase and CONSTANT_CASE names as symbols, and plain words as not', () => {
    expect(symbolNames('requestCorePort()')).toEqual(['requestCorePort']);
    expect(symbolNames('Broker.reconsider')).toEqual(['Broker', 'reconsider']);
    expect(symbolNames('startCore({recordings})')).toEqual(['startCore']);
    expect(symbolNames('status().tamper')).toEqual(['status', 'tamper']);
    expect(symbolNames('MAX_HELD_PER_SESSION')).toEqual(['MAX_HELD_PER_SESSION']);
    expect(symbolNames('PtyHost')).toEqual(['PtyHost']);
    for (const plain of [
      'decide',
      'status',
      'low',
      'HEAD',
      'tool_input',
      'rm -rf /',
      'gatehouse run',
      '{"ok": true}',
    ]) {
      expect.soft(symbolNames(plain), plain).toBeNull();
    }
  });

  it('reads spans of one or more backticks, across a line break, and skips fenced blocks', () => {
    const spans = codeSpans('a `x` and ``y `z` w``\nand `p\nq`\n\n```\n`not`\n```\n`last`');
    expect(spans.map((s) => s.text)).toEqual(['x', 'y `z` w', 'p q', 'last']);
    expect(spans.map((s) => s.line)).toEqual([1, 1, 2, 8]);
  });
});

describe('ARCHITECTURE.md and docs/', () => {
  const tree = readTree();
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<
    string,
    Record<string, string> | undefined
  >;
  const packages = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);

  it.each(docFiles())('%s names only files, folders, packages and symbols that exist', (file) => {
    expect(report(checkNames(file, tree, packages))).toEqual([]);
  });

  it('every section named by file and heading, in the docs, the README or the code, exists, and every link resolves', () => {
    const files = [
      ...docFiles(),
      'README.md',
      ...tree.entries.filter((e) =>
        /^(electron|shared|renderer|test|scripts)\/.*\.(ts|tsx|mjs)$|^[\w.]+\.(js|ts)$/.test(e),
      ),
    ];
    expect(report(files.flatMap(checkReferences))).toEqual([]);
  });

  it('the outside names are still used by the docs and still absent from the source', () => {
    const used = new Set(
      docFiles().flatMap((f) =>
        codeSpans(fs.readFileSync(path.join(ROOT, f), 'utf8')).flatMap((s) => symbolNames(s.text) ?? []),
      ),
    );
    for (const name of Object.keys(OUTSIDE_NAMES)) {
      expect.soft(used.has(name), `${name} is used by the docs`).toBe(true);
      expect.soft(tree.words.has(name), `${name} is absent from the source`).toBe(false);
    }
  });
});
