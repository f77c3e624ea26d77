// Database shells whose own commands run a shell or native code: sqlite3's `.shell`/`.system`/`.once |cmd`,
// `.load`, `load_extension()`; psql's `\!`, `\o |cmd`, `COPY … PROGRAM`, backticks in meta-commands;
// mysql's `system`/`\!`/`pager`. Files they write (`.output f`, `\o f`, `tee f`) are `tee f`. Readers for
// `escapes.ts`.
import type { Word } from '../model.ts';
import { valuesOf, w, type Escape, type EscapeReader } from './escapes-common.ts';

/** A command's argument, unquoted the way the database shells do it (`.shell "rm -rf x"`). */
const unquote = (s: string): string => s.trim().replace(/^(['"])([\s\S]*)\1$/, '$2');

/** The first argument of a dot-command: a quoted string, or the rest of the line when it is a `|command`. */
function firstArg(s: string): string {
  const t = s.trim();
  const q = /^(['"])((?:(?!\1)[\s\S])*)\1/.exec(t);
  if (q) return q[2] as string;
  return t.startsWith('|') ? t : (t.split(/\s+/)[0] ?? '');
}

const SQLITE_VALUED = new Set([
  '-init',
  '-separator',
  '-newline',
  '-nullvalue',
  '-vfs',
  '-maxsize',
  '-mmap',
  '-pagecache',
  '-lookaside',
  '-heap',
  '-escape',
  '-A',
]);

export const sqlite: EscapeReader = (args, stdin) => {
  if (args.some((a) => /^--?safe$/.test(a.text))) return [];
  const texts: Word[] = valuesOf(args, ['-cmd', '--cmd']);
  const operands: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const t = (args[i] as Word).text;
    if (t === '-cmd' || t === '--cmd' || SQLITE_VALUED.has(t)) i += 1;
    else if (!t.startsWith('-')) operands.push(args[i] as Word);
  }
  texts.push(...operands.slice(1));
  if (stdin !== null) texts.push(w(stdin));
  const out: Escape[] = [];
  for (const text of texts) {
    for (const line of text.text.split('\n')) {
      const m = /^\s*\.(shell|system|once|output|excel|read|import|load)\b\s*(.*)$/s.exec(line);
      if (!m) {
        if (/\bload_extension\s*\(/i.test(line))
          out.push({
            label: 'sqlite3 load_extension',
            call: line.trim(),
            unread: 'sqlite3 loads a native extension, which runs code nobody can read',
          });
        continue;
      }
      const [, dot, rawArg = ''] = m;
      const label = `sqlite3 .${dot as string}`;
      const arg = firstArg(rawArg.replace(/^(?:--?\w+\s+)*/, ''));
      if (dot === 'shell' || dot === 'system')
        out.push({ label, call: line.trim(), shell: w(unquote(rawArg), text.known) });
      else if (dot === 'load')
        out.push({
          label,
          call: line.trim(),
          unread: 'sqlite3 loads a native extension (.load), which runs code nobody can read',
        });
      else if (arg.startsWith('|'))
        out.push({
          label,
          call: line.trim(),
          shell: w(arg.slice(1).trim(), text.known),
          fed: dot === 'once' || dot === 'output' || dot === 'excel',
        });
      else if ((dot === 'once' || dot === 'output') && arg && arg !== 'stdout')
        out.push({ label, call: line.trim(), argv: [w('tee'), w(arg, text.known)] });
    }
  }
  return out;
};

export const psql: EscapeReader = (args, stdin) => {
  const commands = valuesOf(args, ['-c', '--command']);
  const out: Escape[] = [];
  for (const o of valuesOf(args, ['-o', '--output'], true)) {
    if (o.text.startsWith('|'))
      out.push({ label: 'psql -o', call: `-o ${o.text}`, shell: w(o.text.slice(1).trim(), o.known), fed: true });
  }
  const file = valuesOf(args, ['-f', '--file'])[0];
  const texts = [...commands, ...(stdin !== null && (commands.length === 0 || file?.text === '-') ? [w(stdin)] : [])];
  for (const text of texts) {
    for (const line of text.text.split('\n')) {
      let m: RegExpExecArray | null;
      if ((m = /\\!\s*(.*)$/.exec(line))) {
        out.push(
          m[1]
            ? { label: 'psql \\!', call: line.trim(), shell: w(m[1] as string, text.known) }
            : { label: 'psql \\!', call: line.trim(), unread: 'psql starts an interactive shell (\\!)' },
        );
        continue;
      }
      for (const pipe of line.matchAll(/\\(?:o|out|g|gx|w|write)\s+\|\s*(.*)$/g))
        out.push({ label: 'psql \\o |', call: line.trim(), shell: w(pipe[1] as string, text.known), fed: true });
      for (const f of line.matchAll(/\\(?:o|out|w|write)\s+(?!\|)(\S+)/g))
        out.push({ label: 'psql \\o', call: line.trim(), argv: [w('tee'), w(unquote(f[1] as string), text.known)] });
      for (const p of line.matchAll(/\b(?:to|from)\s+program\s+'((?:[^']|'')*)'/gi))
        out.push({
          label: 'psql COPY … PROGRAM',
          call: line.trim(),
          shell: w((p[1] as string).replace(/''/g, "'"), text.known),
        });
      // Backticks in a meta-command's arguments run a shell command (`\set x \`cmd\``).
      if (/\\[a-z]/i.test(line))
        for (const b of line.matchAll(/`([^`]+)`/g))
          out.push({ label: 'psql `…`', call: line.trim(), shell: w(b[1] as string, text.known) });
    }
  }
  return out;
};

export const mysql: EscapeReader = (args, stdin) => {
  const statements = valuesOf(args, ['-e', '--execute'], true);
  const out: Escape[] = [];
  for (const p of valuesOf(args, ['--pager']))
    if (p.text) out.push({ label: 'mysql --pager', call: `--pager=${p.text}`, shell: p, fed: true });
  for (const t of valuesOf(args, ['--tee']))
    out.push({ label: 'mysql --tee', call: `--tee=${t.text}`, argv: [w('tee'), t] });
  const texts = [...statements, ...(stdin !== null && statements.length === 0 ? [w(stdin)] : [])];
  for (const text of texts) {
    // Client commands start a statement: after a newline or a `;`.
    for (const stmt of text.text.split(/[\n;]/)) {
      const m = /^\s*(?:(system|pager|tee)\b|(\\!|\\P|\\T))\s*(.*)$/i.exec(stmt);
      // Backslash commands are case-sensitive (`\p` prints the query, `\P` sets the pager).
      if (!m || (m[2] && !/^\\[!PT]$/.test(m[2]))) continue;
      const verb = m[1]
        ? (m[1] as string).toLowerCase()
        : (({ '\\!': 'system', '\\P': 'pager', '\\T': 'tee' } as Record<string, string>)[m[2] as string] ?? '');
      const arg = (m[3] as string).trim();
      if (verb === 'tee') {
        if (arg) out.push({ label: 'mysql tee', call: stmt.trim(), argv: [w('tee'), w(unquote(arg), text.known)] });
      } else if (arg)
        out.push({ label: `mysql ${verb}`, call: stmt.trim(), shell: w(arg, text.known), fed: verb === 'pager' });
      else if (verb === 'system')
        out.push({ label: 'mysql system', call: stmt.trim(), unread: 'mysql starts an interactive shell' });
    }
  }
  return out;
};
