// A SQL `DELETE` or `UPDATE` as a transaction preview: the statement runs inside a transaction that is rolled back,
// and the number of rows it would change is printed. Only where the database rolls every table back (SQLite through
// `sqlite3 <db> '<sql>'`, PostgreSQL through `psql … -c '<sql>'`; not MySQL, whose MyISAM tables ignore a rollback),
// and only for one statement read fully: no second statement, comment, dollar quote or escape, and no function call
// but the plain ones below (sqlite3's `writefile()` or a PostgreSQL `dblink()` would act outside the transaction). Pure.
import { commandOf } from './words.ts';

/** Calls that only compute (and the keywords written like calls); any other `name(` means no offer. */
const PLAIN_CALLS = new Set(
  'in exists not and or values where set from select on when then else case is as by having using returning join between into coalesce ifnull nullif lower upper length abs substr substring trim ltrim rtrim replace instr round date time datetime julianday strftime unixepoch now max min count sum avg typeof cast like glob any all'.split(
    ' ',
  ),
);

/** The statement without its trailing `;`, when it is one plain DELETE or UPDATE; null otherwise. */
export function oneWrite(sql: string): string | null {
  const text = sql.trim().replace(/;\s*$/, '').trimEnd();
  if (!/^(delete|update)\b/i.test(text) || /[$\\`]/.test(text)) return null;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "'" || c === '"') {
      const end = closing(text, i, c);
      if (end < 0) return null;
      i = end + 1;
    } else if (c === ';' || text.startsWith('--', i) || text.startsWith('/*', i)) return null;
    else if (/[A-Za-z_]/.test(c)) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))?.[0] ?? c;
      i += name.length;
      if (/^\s*\(/.test(text.slice(i)) && !PLAIN_CALLS.has(name.toLowerCase())) return null;
    } else i += 1;
  }
  return text;
}

/** Where a quoted string or identifier that opens at `start` closes (a doubled quote is one inside it), or -1. */
function closing(text: string, start: number, q: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === q) {
      if (text[i + 1] === q) i += 2;
      else return i;
    } else i += 1;
  }
  return -1;
}

/** `psql` options kept as they are (with their values); anything else means no offer. */
const PSQL_VALUED = new Set(['-h', '--host', '-p', '--port', '-U', '--username', '-d', '--dbname']);
const PSQL_FLAGS = new Set(['-X', '--no-psqlrc', '-w', '--no-password', '-q', '--quiet']);
const PLAIN_VALUE = /^[A-Za-z0-9._:/@=+-]+$/;

export function transactionPreview(words: readonly string[]): { command: string; explanation: string } | null {
  if (words[0] === 'sqlite3') return sqlitePreview(words);
  if (words[0] === 'psql') return psqlPreview(words);
  return null;
}

function sqlitePreview(words: readonly string[]) {
  if (words.length !== 3) return null;
  const [, db, sql] = words as [string, string, string];
  if (db.startsWith('-') || !PLAIN_VALUE.test(db)) return null;
  const statement = oneWrite(sql);
  if (!statement) return null;
  return {
    command: commandOf(['sqlite3', db, `BEGIN; ${statement}; SELECT changes() AS rows_that_would_change; ROLLBACK;`]),
    explanation:
      'A preview: the statement runs inside a transaction that is rolled back, and prints how many rows it would change. Nothing in the database changes; approve the command itself to make the change.',
  };
}

function psqlPreview(words: readonly string[]) {
  const kept: string[] = [];
  let statement: string | null = null;
  let database = false;
  for (let i = 1; i < words.length; i += 1) {
    const w = words[i] as string;
    const next = words[i + 1];
    if (w === '-c' || w === '--command') {
      if (statement !== null || next === undefined) return null;
      statement = oneWrite(next);
      if (!statement) return null;
      i += 1;
    } else if (PSQL_VALUED.has(w)) {
      if (next === undefined || !PLAIN_VALUE.test(next) || next.startsWith('-')) return null;
      kept.push(w, next);
      i += 1;
    } else if (PSQL_FLAGS.has(w)) kept.push(w);
    else if (!w.startsWith('-') && !database && PLAIN_VALUE.test(w)) {
      database = true;
      kept.push(w);
    } else return null;
  }
  if (statement === null) return null;
  return {
    // One -c each: psql prints each one's result (`DELETE 3`), and the transaction spans them.
    command: commandOf(['psql', ...kept, '-c', 'BEGIN', '-c', statement, '-c', 'ROLLBACK']),
    explanation:
      'A preview: the statement runs inside a transaction that is rolled back, and psql prints how many rows it would change (`DELETE 3`, `UPDATE 3`). Nothing in the database changes; approve the command itself to make the change.',
  };
}
