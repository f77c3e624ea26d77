// Schema migration tools and framework database tasks. They share a vocabulary: dropping, cleaning or
// resetting wipes the database; rolling back or downgrading undoes migrations (and their data);
// migrating, seeding and pushing change it; status, history and generate only look or write files.
import type { Word } from '../model.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import { finding, hasOption, isDryRun, mentionsProduction, operands, type Rule, type RuleInput } from './util.ts';

const WIPES = new Set(['drop', 'dropall', 'clean', 'wipe', 'purge', 'reset', 'fresh', 'nuke', 'truncate', 'destroy']);
const REPLACES_SCHEMA = /\b(schema|structure)\b.*\bload\b|\bsetup\b/;
const UNDOES = new Set([
  'downgrade',
  'rollback',
  'undo',
  'revert',
  'down',
  'redo',
  'unapply',
  'rollbackcount',
  'rollbacktodate',
  'rollbacksql',
]);
const EVERYTHING = new Set(['all', 'base', 'zero']);
const APPLIES = new Set([
  'upgrade',
  'migrate',
  'up',
  'update',
  'apply',
  'deploy',
  'latest',
  'run',
  'seed',
  'seeds',
  'loaddata',
  'import',
  'stamp',
  'baseline',
  'repair',
  'force',
  'execute',
  'exec',
  'restore',
  'resolve',
  'create',
  'dbshell',
]);
const READS = new Set([
  'status',
  'current',
  'history',
  'heads',
  'branches',
  'show',
  'info',
  'validate',
  'check',
  'list',
  'generate',
  'make',
  'makemigrations',
  'showmigrations',
  'revision',
  'new',
  'init',
  'diff',
  'studio',
  'version',
  'print',
  'format',
  'inspect',
  'introspect',
  'pull',
  'sqlmigrate',
  'help',
  'lint',
  'hash',
]);

/** What a migration command does, from its words split on `:`, `.` and spaces (`db:migrate:undo:all`, `ecto.reset`). */
function classify(words: readonly string[], args: readonly Word[]): { score: number; what: string } | null {
  const tokens = words.flatMap((w) => w.toLowerCase().split(/[:.]/)).filter(Boolean);
  const has = (set: ReadonlySet<string>) => tokens.some((t) => set.has(t));
  const all =
    has(EVERYTHING) ||
    hasOption(args, null, '--all', '--to-version=0') ||
    args.some((w) => /^(VERSION=0|--to=0)$/i.test(w.text));
  if (hasOption(args, null, '--accept-data-loss', '--force-reset'))
    return { score: S.critical, what: 'accepts data loss to change the schema' };
  if (tokens.includes('drop') && tokens.some((t) => /^(database|db|schema)$/.test(t)))
    return { score: S.catastrophic - 5, what: 'drops the database' };
  if (has(WIPES)) return { score: S.critical, what: `wipes the database (${words.join(' ')})` };
  if (REPLACES_SCHEMA.test(tokens.join(' ')))
    return { score: S.critical, what: `loads the schema over the database, deleting its data (${words.join(' ')})` };
  if (has(UNDOES))
    return {
      score: all ? S.critical : S.high,
      what: `${all ? 'undoes every migration' : 'undoes migrations'}, dropping what they created (${words.join(' ')})`,
    };
  if (tokens.includes('migrate') && tokens.includes('zero'))
    return { score: S.critical, what: 'unapplies every migration of an app' };
  if (tokens.includes('push') || tokens.includes('sync'))
    return { score: S.notable, what: `changes the live schema without a migration (${words.join(' ')})` };
  // `migrate:status`, `db:migrate:status`: the last word says what is done in the `migrate` namespace.
  if (has(READS))
    return { score: S.build, what: `reads migration state or writes migration files (${words.join(' ')})` };
  if (has(APPLIES)) return { score: S.medium, what: `changes the database schema or data (${words.join(' ')})` };
  return null;
}

function judgeMigration(input: RuleInput, words: readonly string[], tool: string): Finding[] {
  if (words.length === 0) return [];
  const verdict = classify(words, input.args);
  if (!verdict)
    return [finding('database', S.medium, `${tool} ${words.join(' ')}: a database task Gatehouse does not know`)];
  if (isDryRun(input.args) && verdict.score > S.build)
    return [finding('database', S.lowWrite, `${tool} ${words.join(' ')} as a dry run`)];
  const found = finding(verdict.score > S.build ? 'database' : 'read-only', verdict.score, `${tool}: ${verdict.what}`);
  const prod =
    mentionsProduction(input.seg) ?? input.seg.assignments.find((a) => /=(prod|production)$/i.test(a)) ?? null;
  return [
    prod && verdict.score >= S.medium
      ? {
          ...found,
          score: Math.min(100, Math.max(found.score + 15, S.high)),
          reason: `${found.reason}, on what looks like production (${prod})`,
        }
      : found,
  ];
}

/** Tools whose operands are the migration command (`alembic downgrade base`, `knex migrate:rollback`). */
const tool: Rule = (input) =>
  judgeMigration(
    input,
    operands(input.args, [
      '-c',
      '--config',
      '-x',
      '--env',
      '--knexfile',
      '--url',
      '--schema',
      '-n',
      '--name',
      '--database-url',
      '-d',
      '--dir',
      '--source',
      '--path',
      '--database',
      '-p',
      '--connection',
      '-path',
      '-database',
      '-source',
      '-url',
      '-user',
      '-password',
      '-locations',
      '--changelog-file',
      '--changeLogFile',
    ])
      .map((w) => w.text)
      .filter((t) => !t.includes('=') || /^db:/.test(t)),
    input.prog,
  );

/** Framework task runners, judged only on their database tasks. */
const framework: Rule = (input) => {
  const ops = operands(input.args).map((w) => w.text);
  const { prog } = input;
  if (prog === 'rails' || prog === 'rake')
    return ops[0]?.startsWith('db:') ? judgeMigration(input, [ops[0]], prog) : [];
  if (prog === 'mix') return ops[0]?.startsWith('ecto.') ? judgeMigration(input, [ops[0]], 'mix') : [];
  if ((prog === 'php' && ops[0] === 'artisan') || prog === 'artisan') {
    const task = prog === 'artisan' ? ops[0] : ops[1];
    return task && /^(migrate|db)(:|$)/.test(task) ? judgeMigration(input, [task], 'artisan') : [];
  }
  // python manage.py migrate, django-admin flush
  const at = prog === 'django-admin' ? 0 : ops.findIndex((o) => /(^|\/)manage\.py$/.test(o)) + 1;
  const task = at > 0 || prog === 'django-admin' ? ops[at] : undefined;
  if (
    !task ||
    !/^(migrate|flush|sqlflush|reset_db|loaddata|dbshell|makemigrations|showmigrations|sqlmigrate|squashmigrations)$/.test(
      task,
    )
  )
    return [];
  const words =
    task === 'flush' || task === 'reset_db'
      ? ['reset']
      : task === 'migrate' && ops[at + 2] === 'zero'
        ? ['migrate', 'zero']
        : [task];
  return judgeMigration(input, words, 'manage.py');
};

const MIGRATION_TOOLS = [
  'alembic',
  'flyway',
  'liquibase',
  'knex',
  'sequelize',
  'sequelize-cli',
  'typeorm',
  'typeorm-ts-node-commonjs',
  'prisma',
  'drizzle-kit',
  'diesel',
  'sqlx',
  'goose',
  'dbmate',
  'migrate',
  'atlas',
  'mikro-orm',
  'node-pg-migrate',
  'db-migrate',
  'sqitch',
  'skeema',
  'ecto',
  'refinery',
  'yoyo',
  'pgroll',
  'sqlmesh',
  'dbt',
  'supabase',
  'turso',
  'pscale',
  'neonctl',
  'hasura',
];

export const MIGRATION_RULES: Record<string, Rule> = {
  ...Object.fromEntries(MIGRATION_TOOLS.map((p) => [p, tool])),
  ...Object.fromEntries(
    ['rails', 'rake', 'mix', 'php', 'artisan', 'python', 'python3', 'django-admin'].map((p) => [p, framework]),
  ),
};
