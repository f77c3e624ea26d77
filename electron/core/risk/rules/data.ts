// Databases: what the SQL (or Mongo, or Redis) sent through a client would do, and to which database.
import type { Word } from '../model.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import { finding, mentionsProduction, operands, type Rule, type RuleInput } from './util.ts';

/** Judges SQL text statement by statement; the worst one counts. */
export function judgeSql(sql: string): Finding[] {
  const found: Finding[] = [];
  const statements = sql.replace(/--[^\n]*/g, ' ').split(';').map((s) => s.trim()).filter(Boolean);
  for (const st of statements) {
    const s = st.replace(/\s+/g, ' ');
    let m: RegExpExecArray | null;
    if ((m = /^drop\s+(database|schema)\b(?:\s+if\s+exists)?\s+([\w."`-]+)/i.exec(s))) found.push(finding('database', S.catastrophic, `drops the ${m[1]?.toLowerCase()} ${m[2]}`));
    else if ((m = /^drop\s+(table|view|materialized view|index|function|user|role)\b(?:\s+if\s+exists)?\s+([\w."`, -]+)/i.exec(s))) found.push(finding('database', /table/i.test(m[1] ?? '') ? S.critical : S.high, `drops the ${m[1]?.toLowerCase()} ${m[2]?.trim()}`));
    else if ((m = /^truncate\b(?:\s+table)?\s+([\w."`]+)/i.exec(s))) found.push(finding('database', S.critical, `empties the table ${m[1]} (TRUNCATE)`));
    else if ((m = /^delete\s+from\s+([\w."`]+)/i.exec(s))) found.push(/\bwhere\b/i.test(s) ? finding('database', S.medium, `deletes rows from ${m[1]} (with a WHERE clause)`) : finding('database', S.critical, `deletes every row of ${m[1]} (DELETE without WHERE)`));
    else if ((m = /^update\s+([\w."`]+)\s+set\b/i.exec(s))) found.push(/\bwhere\b/i.test(s) ? finding('database', S.medium, `updates rows of ${m[1]} (with a WHERE clause)`) : finding('database', S.critical - 5, `changes every row of ${m[1]} (UPDATE without WHERE)`));
    else if (/^alter\s+table\b.*\bdrop\b/i.test(s)) found.push(finding('database', S.high, `drops part of a table (${s.slice(0, 60)})`));
    else if (/^(grant|revoke|alter\s+(user|role))\b/i.test(s)) found.push(finding('database', 45, `changes database permissions (${s.slice(0, 40)})`));
    else if (/^(insert|create|alter|copy|merge|replace|upsert)\b/i.test(s)) found.push(finding('database', 25, `changes the database (${s.split(' ')[0]?.toUpperCase()})`));
    else found.push(finding('read-only', S.build, `queries the database (${s.split(' ')[0]?.toUpperCase() ?? ''})`));
  }
  return found;
}

/** MongoDB shell code. */
export function judgeMongo(js: string): Finding[] {
  if (/\.dropDatabase\s*\(/.test(js)) return [finding('database', S.catastrophic, 'drops a MongoDB database')];
  if (/\.drop\s*\(|\.dropCollection\s*\(/.test(js)) return [finding('database', S.critical, 'drops a MongoDB collection')];
  if (/\.(deleteMany|remove)\s*\(\s*\{\s*\}\s*\)/.test(js)) return [finding('database', S.critical, 'deletes every document of a collection')];
  if (/\.updateMany\s*\(\s*\{\s*\}/.test(js)) return [finding('database', S.critical - 5, 'updates every document of a collection')];
  if (/\.(delete|remove|update|insert|replace)\w*\s*\(/.test(js)) return [finding('database', S.medium, 'changes MongoDB documents')];
  return [finding('read-only', S.build, 'queries MongoDB')];
}

function redis(args: readonly Word[]): Finding[] {
  const ops = operands(args, ['-h', '-p', '-a', '-n', '-u', '--user', '--pass', '-s', '--tls-cert']).map((w) => w.text.toUpperCase());
  const cmd = ops[0] ?? '';
  if (cmd === 'FLUSHALL' || cmd === 'FLUSHDB') return [finding('database', S.catastrophic - 5, `deletes every key (${cmd})`)];
  if (cmd === 'SHUTDOWN' || cmd === 'DEBUG') return [finding('database', S.critical, `redis ${cmd}`)];
  if (cmd === 'CONFIG' && ops[1] === 'SET') return [finding('database', 55, 'changes the Redis server configuration')];
  if (['DEL', 'UNLINK', 'EXPIRE', 'SET', 'HSET', 'RENAME', 'MIGRATE'].includes(cmd)) return [finding('database', S.medium, `changes keys (${cmd})`)];
  if (cmd === '') return [finding('database', S.medium, 'opens an interactive Redis session')];
  return [finding('read-only', S.build, `reads from Redis (${cmd})`)];
}

/** Where the query text is for each client: an option, a positional, or stdin. */
function queryText(prog: string, args: readonly Word[], stdin: string | null): string | null {
  const opt = (names: string[]) => {
    for (let i = 0; i < args.length; i++) {
      const t = (args[i] as Word).text;
      if (names.includes(t)) return args[i + 1]?.text ?? null;
      const eq = names.find((n) => n.startsWith('--') && t.startsWith(`${n}=`));
      if (eq) return t.slice(eq.length + 1);
      const glued = names.find((n) => !n.startsWith('--') && t.startsWith(n) && t.length > n.length);
      if (glued) return t.slice(glued.length);
    }
    return null;
  };
  switch (prog) {
    case 'psql':
      return opt(['-c', '--command']) ?? stdin;
    case 'mysql':
    case 'mariadb':
      return opt(['-e', '--execute']) ?? stdin;
    case 'sqlite3':
    case 'duckdb':
      return operands(args, ['-cmd', '-separator', '-init']).slice(1).map((w) => w.text).join(' ') || opt(['-cmd']) || stdin;
    case 'clickhouse-client':
    case 'clickhouse':
      return opt(['-q', '--query']) ?? stdin;
    case 'sqlcmd':
      return opt(['-Q', '-q']) ?? stdin;
    case 'cqlsh':
      return opt(['-e', '--execute']) ?? stdin;
    default:
      return stdin;
  }
}

const SQL_CLIENTS = ['psql', 'mysql', 'mariadb', 'sqlite3', 'duckdb', 'clickhouse-client', 'clickhouse', 'sqlcmd', 'cqlsh'];

const sqlClient: Rule = ({ prog, args, seg }) => {
  const sql = queryText(prog, args, seg.stdin);
  const found = sql === null ? [finding('database', 25, `opens ${prog}${args.some((w) => /^(-f|--file)/.test(w.text)) ? ' to run a SQL file' : ''}`)] : judgeSql(sql);
  return withProduction(found, seg);
};

const mongo: Rule = ({ args, seg }) => {
  const code = args.find((_w, i) => args[i - 1]?.text === '--eval')?.text ?? seg.stdin;
  return withProduction(code ? judgeMongo(code) : [finding('database', 25, 'opens a MongoDB shell')], seg);
};

const redisCli: Rule = ({ args, seg }) => withProduction(redis(args), seg);

/** Tools that drop or reset whole databases by name. */
const dropTools: Rule = (input: RuleInput) => {
  const { prog, args } = input;
  const words = args.map((w) => w.text).join(' ');
  if (prog === 'dropdb') return withProduction([finding('database', S.catastrophic, `drops the database ${operands(args).at(-1)?.text ?? ''}`)], input.seg);
  if (prog === 'dropuser') return [finding('database', S.high, 'drops a database user')];
  if (prog === 'mysqladmin' && /\bdrop\b/.test(words)) return withProduction([finding('database', S.catastrophic, 'drops a MySQL database')], input.seg);
  if (/\bdb:(drop|reset|purge|schema:load|setup)\b|\bdatabase:(drop|reset)\b/.test(words)) return withProduction([finding('database', S.critical, `resets the database (${words.match(/db:\w+|database:\w+/)?.[0]})`)], input.seg);
  if (/\bmigrate\s+reset\b|\bdb\s+push\b.*--force-reset|\bmigrate:(fresh|reset|refresh)\b/.test(words)) return withProduction([finding('database', S.critical, 'resets the database and deletes its data')], input.seg);
  if (/\b(flush|sqlflush|reset_db)\b/.test(words) && /manage\.py|django-admin/.test(`${prog} ${words}`)) return withProduction([finding('database', S.critical, 'deletes every row of the Django database (flush)')], input.seg);
  return [];
};

/** A production-looking host, namespace or database name makes any database change worse. */
function withProduction(found: Finding[], seg: RuleInput['seg']): Finding[] {
  const prod = mentionsProduction(seg);
  if (!prod) return found;
  return found.map((f) => (f.category === 'database' && f.score >= S.medium ? { ...f, score: Math.min(100, f.score + 15), reason: `${f.reason}, on what looks like production (${prod})` } : f));
}

export const DATA_RULES: Record<string, Rule> = {
  ...Object.fromEntries(SQL_CLIENTS.map((p) => [p, sqlClient])),
  mongosh: mongo,
  mongo,
  'redis-cli': redisCli,
  'valkey-cli': redisCli,
  dropdb: dropTools,
  dropuser: dropTools,
  mysqladmin: dropTools,
  rails: dropTools,
  rake: dropTools,
  bin: dropTools,
  prisma: dropTools,
  artisan: dropTools,
  php: dropTools,
  python: dropTools,
  python3: dropTools,
  'manage.py': dropTools,
  'django-admin': dropTools,
  npx: dropTools,
};
