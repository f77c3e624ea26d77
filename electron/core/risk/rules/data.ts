// Databases: what the SQL (or Mongo, or Redis) sent through a client would do, and to which database.
import type { Word } from '../model.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import {
  finding,
  hasOption,
  mentionsProduction,
  operands,
  optionValue,
  programName,
  type Rule,
  type RuleInput,
} from './util.ts';

/** A WHERE that every row satisfies is no WHERE at all (`WHERE 1=1`, `WHERE true`, `WHERE 'a'='a'`). */
const REAL_WHERE =
  /\bwhere\b(?!\s+(1\s*=\s*1|true|1|not\s+false|'(\w*)'\s*=\s*'\2'|(\w+)\s*=\s*\3|\w+\s+is\s+not\s+null|1\s*<>\s*0)\s*($|;|\)|order|limit|returning))/i;

/** Judges SQL text statement by statement; the worst one counts. */
export function judgeSql(sql: string): Finding[] {
  const found: Finding[] = [];
  const statements = sql
    .replace(/--[^\n]*/g, ' ')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const st of statements) {
    // `EXPLAIN ANALYZE <statement>` runs the statement; plain EXPLAIN only plans it.
    const s = st.replace(/\s+/g, ' ').replace(/^explain\s+(\(\s*analy[sz]e[^)]*\)|analy[sz]e(\s+verbose)?)\s+/i, '');
    let m: RegExpExecArray | null;
    if ((m = /^drop\s+(database|schema|keyspace)\b(?:\s+if\s+exists)?\s+([\w."`-]+)/i.exec(s)))
      found.push(finding('database', S.catastrophic, `drops the ${m[1]?.toLowerCase()} ${m[2]}`));
    else if (
      (m = /^drop\s+(table|materialized view|collection|column ?family)\b(?:\s+if\s+exists)?\s+([\w."`, -]+)/i.exec(s))
    )
      found.push(finding('database', S.critical, `drops the ${m[1]?.toLowerCase()} ${m[2]?.trim()}`));
    else if ((m = /^drop\s+(\w+)/i.exec(s)))
      found.push(finding('database', S.high, `drops a ${m[1]?.toLowerCase()} (${s.slice(0, 60)})`));
    else if ((m = /^truncate\b(?:\s+table)?\s+([\w."`]+)/i.exec(s)))
      found.push(finding('database', S.critical, `empties the table ${m[1]} (TRUNCATE)`));
    else if ((m = /^delete\s+(?:from\s+)?([\w."`]+)/i.exec(s)))
      found.push(
        REAL_WHERE.test(s)
          ? finding('database', S.medium, `deletes rows from ${m[1]} (with a WHERE clause)`)
          : finding('database', S.critical, `deletes every row of ${m[1]} (DELETE without a WHERE that limits it)`),
      );
    else if ((m = /^update\s+([\w."`]+)\s+set\b/i.exec(s)))
      found.push(
        REAL_WHERE.test(s)
          ? finding('database', S.medium, `updates rows of ${m[1]} (with a WHERE clause)`)
          : finding('database', S.critical - 5, `changes every row of ${m[1]} (UPDATE without a WHERE that limits it)`),
      );
    else if (/^alter\s+table\b.*\bdrop\b/i.test(s))
      found.push(finding('database', S.high, `drops part of a table (${s.slice(0, 60)})`));
    else if (/\b(to|from)\s+program\b/i.test(s) && /^copy\b/i.test(s))
      found.push(finding('remote-code', S.critical, 'runs a shell command from the database server (COPY … PROGRAM)'));
    else if (
      /^(alter|create)\s+(user|role)\b.*\b(superuser|createrole|bypassrls)\b|^grant\s+all\b.*\bto\s+public\b/i.test(s)
    )
      found.push(finding('database', S.high, `gives broad database rights (${s.slice(0, 50)})`));
    else if (/^(grant|revoke|alter\s+(user|role)|create\s+(user|role))\b/i.test(s))
      found.push(finding('database', 45, `changes database permissions (${s.slice(0, 40)})`));
    else if (
      /^(insert|create|alter|copy|merge|replace|upsert|call|exec|execute|vacuum|reindex|cluster|refresh)\b/i.test(s)
    )
      found.push(finding('database', 25, `changes the database (${s.split(' ')[0]?.toUpperCase()})`));
    else found.push(finding('read-only', S.build, `queries the database (${s.split(' ')[0]?.toUpperCase() ?? ''})`));
  }
  return found;
}

/** A query that prints only counts, versions or plans (no rows of personal data) even on production. */
export function printsNoRows(sql: string): boolean {
  return sql
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .every((s) =>
      /^(select\s+((count|sum|avg|min|max)\s*\([^)]*\)|version\(\)|now\(\)|current_\w+|1)(\s*(as\s+)?\w*)?(\s*,\s*((count|sum|avg|min|max)\s*\([^)]*\)|\w+))*\s*(from\b[^;]*)?$|explain\s+(?!analy)|show\b|describe\b|\\d\w*|\\l|\.schema|\.tables|info\b|ping\b|dbsize\b)/i.test(
        s,
      ),
    );
}

/** MongoDB shell code. */
export function judgeMongo(js: string): Finding[] {
  if (/\.dropDatabase\s*\(/.test(js)) return [finding('database', S.catastrophic, 'drops a MongoDB database')];
  if (/\.drop\s*\(|\.dropCollection\s*\(/.test(js))
    return [finding('database', S.critical, 'drops a MongoDB collection')];
  if (/\.(deleteMany|remove)\s*\(\s*\{\s*\}\s*\)/.test(js))
    return [finding('database', S.critical, 'deletes every document of a collection')];
  if (/\.updateMany\s*\(\s*\{\s*\}/.test(js))
    return [finding('database', S.critical - 5, 'updates every document of a collection')];
  if (/\.(delete|remove|update|insert|replace)\w*\s*\(/.test(js))
    return [finding('database', S.medium, 'changes MongoDB documents')];
  const command =
    /\b(runCommand|adminCommand)\s*\(\s*\{\s*['"]?(dropDatabase|drop|shutdown|delete|dropAllUsersFromDatabase|dropUser|dropIndexes)\b/.exec(
      js,
    );
  if (command) return [finding('database', S.critical, `runs the MongoDB command ${command[2]}`)];
  // Low is proven: every method called is one known to read (runCommand, adminCommand, bulkWrite, findOneAndDelete,
  // an aggregation into $out or $merge, … may change anything).
  const calls = [...js.matchAll(/\.\s*([A-Za-z_$][\w$]*)\s*\(/g)].map((m) => m[1] as string);
  const unknown = calls.find((c) => !MONGO_READS.has(c));
  if (unknown !== undefined || /\$(out|merge)\b/.test(js) || /\b(eval|Function)\s*\(/.test(js))
    return [
      finding(
        'database',
        S.medium,
        `MongoDB code Gatehouse does not know only reads${unknown ? ` (\`${unknown}\`)` : ''}`,
      ),
    ];
  return [finding('read-only', S.build, 'queries MongoDB')];
}

/** MongoDB shell methods that only read (and the cursor and printing helpers around them). */
const MONGO_READS = new Set(
  (
    'find findOne countDocuments count estimatedDocumentCount distinct aggregate getCollection getCollectionNames ' +
    'getCollectionInfos listCollections getSiblingDB getName getIndexes getIndexKeys stats dataSize totalSize ' +
    'storageSize serverStatus hostInfo version isMaster hello ping getMongo getDBNames explain toArray forEach map ' +
    'limit skip sort project projection batchSize hint comment maxTimeMS collation next hasNext itcount size pretty ' +
    'printjson print log stringify parse keys values entries length'
  ).split(' '),
);

function redis(args: readonly Word[]): Finding[] {
  const ops = operands(args, ['-h', '-p', '-a', '-n', '-u', '--user', '--pass', '-s', '--tls-cert']).map((w) =>
    w.text.toUpperCase(),
  );
  const cmd = ops[0] ?? '';
  if (cmd === 'FLUSHALL' || cmd === 'FLUSHDB')
    return [finding('database', S.catastrophic - 5, `deletes every key (${cmd})`)];
  if (cmd === 'SHUTDOWN' || cmd === 'DEBUG') return [finding('database', S.critical, `redis ${cmd}`)];
  if (cmd === 'CONFIG' && ops[1] === 'SET') return [finding('database', 55, 'changes the Redis server configuration')];
  if (['DEL', 'UNLINK', 'EXPIRE', 'SET', 'HSET', 'RENAME', 'MIGRATE'].includes(cmd))
    return [finding('database', S.medium, `changes keys (${cmd})`)];
  if (cmd === '') return [finding('database', S.medium, 'opens an interactive Redis session')];
  // Low is proven: only commands known to read (EVAL runs a Lua script that may write anything; FUNCTION, MODULE,
  // CLIENT KILL, BGSAVE, … change the server).
  if (REDIS_READS.has(cmd) || (cmd === 'CONFIG' && ops[1] === 'GET'))
    return [finding('read-only', S.build, `reads from Redis (${cmd})`)];
  return [finding('database', S.medium, `redis ${cmd}: Gatehouse does not know it only reads`)];
}

/** Redis commands that only read. */
const REDIS_READS = new Set(
  (
    'GET MGET GETRANGE STRLEN EXISTS TTL PTTL EXPIRETIME TYPE KEYS SCAN RANDOMKEY DBSIZE ' +
    'HGET HMGET HGETALL HKEYS HVALS HLEN HEXISTS HSTRLEN HSCAN LRANGE LLEN LINDEX LPOS ' +
    'SMEMBERS SISMEMBER SMISMEMBER SCARD SSCAN SINTER SUNION SDIFF ZRANGE ZRANGEBYSCORE ZRANGEBYLEX ZREVRANGE ' +
    'ZREVRANGEBYSCORE ZSCORE ZMSCORE ZCARD ZCOUNT ZLEXCOUNT ZRANK ZREVRANK ZSCAN XRANGE XREVRANGE XLEN XINFO XREAD ' +
    'PFCOUNT GEOPOS GEODIST GEOHASH GEOSEARCH BITCOUNT BITPOS GETBIT INFO PING ECHO TIME LASTSAVE ROLE ' +
    'MEMORY OBJECT SLOWLOG LATENCY COMMAND MONITOR SUBSCRIBE PSUBSCRIBE PUBSUB JSON.GET FT.SEARCH FT.INFO'
  ).split(' '),
);

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
      return (
        operands(args, ['-cmd', '-separator', '-init'])
          .slice(1)
          .map((w) => w.text)
          .join(' ') ||
        opt(['-cmd']) ||
        stdin
      );
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

const SQL_CLIENTS = [
  'psql',
  'mysql',
  'mariadb',
  'sqlite3',
  'duckdb',
  'clickhouse-client',
  'clickhouse',
  'sqlcmd',
  'cqlsh',
  'pgcli',
  'mycli',
  'litecli',
  'usql',
  'mysqlsh',
];

const sqlClient: Rule = ({ prog, args, seg }) => {
  const sql = queryText(prog, args, seg.stdin);
  if (sql !== null) return withProduction(judgeSql(sql), seg, printsNoRows(sql));
  const file =
    optionValue(args, 'f', '--file') ??
    seg.redirects.find((r) => r.op === '<')?.target.text ??
    (seg.pipeFrom ? `what ${programName(seg.pipeFrom[0])} prints` : null);
  if (/^(-l|--list)$/.test(args[0]?.text ?? ''))
    return withProduction([finding('read-only', S.build, `${prog} lists databases`)], seg, true);
  return withProduction(
    [
      finding(
        'database',
        S.medium,
        file ? `runs the SQL in ${file} with ${prog}` : `opens an interactive ${prog} session`,
      ),
    ],
    seg,
    false,
  );
};

const mongo: Rule = ({ args, seg }) => {
  const code = args.find((_w, i) => args[i - 1]?.text === '--eval')?.text ?? seg.stdin;
  return withProduction(
    code ? judgeMongo(code) : [finding('database', S.medium, 'opens a MongoDB shell')],
    seg,
    code !== null && /\.(stats|count\w*|getCollectionNames|version|serverStatus)\s*\(/.test(code),
  );
};

/** Redis commands come as arguments, or through a pipe (`echo FLUSHALL | redis-cli`). */
const redisCli: Rule = ({ args, seg }) => {
  const given = operands(args, ['-h', '-p', '-a', '-n', '-u', '--user', '--pass', '-s', '--tls-cert']).length > 0;
  const echoed =
    seg.pipeFrom && /^(echo|printf)$/.test(programName(seg.pipeFrom[0]))
      ? seg.pipeFrom
          .slice(1)
          .map((w) => w.text)
          .join(' ')
      : null;
  const piped = seg.stdin ?? echoed;
  const words =
    !given && piped
      ? piped
          .trim()
          .split(/\s+/)
          .map((text): Word => ({ text, known: true }))
      : args;
  const found = redis(words);
  return withProduction(
    found,
    seg,
    found.every((f) => f.score <= S.build),
  );
};

/** Dumping copies the data to this machine; restoring replaces what is in the database. */
const dumpTools: Rule = ({ prog, args, seg }) => {
  const restore = /restore|import|load/.test(prog);
  if (restore) {
    const drops = hasOption(args, 'c', '--clean', '--drop');
    return withProduction(
      [
        finding(
          'database',
          drops ? S.high : S.medium,
          `${prog} ${drops ? 'drops and replaces' : 'writes'} database contents${drops ? '' : ' from a dump or file'}`,
        ),
      ],
      seg,
      false,
    );
  }
  const schemaOnly = hasOption(args, 's', '--schema-only', '--no-data');
  const prod = mentionsProduction(seg);
  // Without a file (-f, --out, a redirect) the dump is printed: every row goes into the transcript.
  const toTerminal =
    optionValue(args, 'f', '--file', '-o', '--out', '--result-file', '--archive') === null &&
    !seg.redirects.some((r) => r.op.includes('>')) &&
    seg.pipeFrom === null &&
    !/mongodump/.test(prog);
  if (prod && toTerminal && !schemaOnly)
    return [
      finding(
        'database',
        S.high,
        `${prog} prints the data of a production database (${prod}): its rows end up in the transcript`,
      ),
    ];
  if (prod)
    return [
      finding(
        'database',
        schemaOnly ? S.medium : 45,
        `${prog} copies ${schemaOnly ? 'the schema' : 'the data'} of a production database (${prod}) to this machine`,
      ),
    ];
  return [finding('database', S.lowWrite, `${prog} writes a ${schemaOnly ? 'schema' : 'database'} dump`)];
};

/** Tools that drop whole databases or users by name. */
const dropTools: Rule = ({ prog, args, seg }) => {
  if (prog === 'dropdb')
    return withProduction(
      [finding('database', S.catastrophic, `drops the database ${operands(args).at(-1)?.text ?? ''}`)],
      seg,
      false,
    );
  if (prog === 'dropuser') return [finding('database', S.high, 'drops a database user')];
  if (prog === 'createdb' || prog === 'createuser')
    return withProduction(
      [finding('database', S.lowWrite, `${prog} ${operands(args).at(-1)?.text ?? ''}`)],
      seg,
      false,
    );
  const words = args.map((w) => w.text).join(' ');
  if (/\bdrop\b/.test(words))
    return withProduction([finding('database', S.catastrophic, 'drops a MySQL database')], seg, false);
  if (/\b(shutdown|kill|flush-\w+|password)\b/.test(words))
    return withProduction([finding('database', S.high, `mysqladmin ${words}`)], seg, false);
  return [];
};

/**
 * Production makes any change worse, and reading it matters too: rows printed from a production
 * database land in the transcript (high); counts and plans do not (medium).
 */
function withProduction(found: Finding[], seg: RuleInput['seg'], noRows: boolean): Finding[] {
  const prod = mentionsProduction(seg);
  if (!prod) return found;
  return found.map((f) => {
    if (f.category === 'database' && f.score >= S.medium)
      return {
        ...f,
        score: Math.min(100, Math.max(f.score + 15, S.high)),
        reason: `${f.reason}, on what looks like production (${prod})`,
      };
    if (f.score < S.medium)
      return noRows
        ? { ...f, score: S.medium, reason: `${f.reason}, on production (${prod})` }
        : {
            ...f,
            category: 'database' as const,
            score: S.high,
            reason: `${f.reason} from production (${prod}): its rows end up in the transcript`,
          };
    return f;
  });
}

/** Backup tools and event logs: what they delete is the copy kept for when everything else is lost. */
const BACKUP_DELETES: Readonly<Record<string, RegExp>> = {
  restic: /^(forget|prune)$/,
  borg: /^(delete|prune|compact)$/,
  velero: /^(backup|restore|schedule)$/,
};
const backups: Rule = ({ prog, args }) => {
  const ops = args.filter((w) => !w.text.startsWith('-')).map((w) => w.text);
  const deletes =
    prog === 'velero'
      ? (BACKUP_DELETES[prog]?.test(ops[0] ?? '') ?? false) && ops[1] === 'delete'
      : BACKUP_DELETES[prog]?.test(ops[0] ?? '');
  return deletes
    ? [finding('file-deletion', S.high, `${prog} ${ops.slice(0, 2).join(' ')}: deletes backups for good`)]
    : [];
};
/** `kafka-topics --delete`: the topic goes, with every message in it. */
const kafkaTopics: Rule = ({ args }) =>
  hasOption(args, null, '--delete')
    ? [finding('file-deletion', S.high, 'kafka-topics --delete: deletes a topic and every message in it')]
    : [];

export const DATA_RULES: Record<string, Rule> = {
  restic: backups,
  borg: backups,
  velero: backups,
  'kafka-topics': kafkaTopics,
  'kafka-topics.sh': kafkaTopics,
  ...Object.fromEntries(SQL_CLIENTS.map((p) => [p, sqlClient])),
  mongosh: mongo,
  mongo,
  'redis-cli': redisCli,
  'valkey-cli': redisCli,
  'keydb-cli': redisCli,
  dropdb: dropTools,
  dropuser: dropTools,
  createdb: dropTools,
  createuser: dropTools,
  mysqladmin: dropTools,
  ...Object.fromEntries(
    [
      'pg_dump',
      'pg_dumpall',
      'mysqldump',
      'mariadb-dump',
      'mongodump',
      'mongoexport',
      'pg_restore',
      'mongorestore',
      'mongoimport',
      'mysqlimport',
    ].map((p) => [p, dumpTools]),
  ),
};
