// Databases and migration tools: the postgres, mysql, mongo, redis and sqlite clients and their dump tools, and
// the migration tools (alembic, prisma, knex, sequelize, drizzle-kit, flyway, liquibase, dbmate, goose, migrate).
// The rules (rules/data.ts, migrations.ts) give the score; these tables only prove every word is known. Written
// with the agent as the adversary:
// - what loads code or a configuration that names programs is `=load` (`alembic -c`, `knex --knexfile`,
//   `prisma --schema`, `drizzle-kit --config`);
// - SQL and client commands that can reach the shell are checked (`psql -c`, `mysql -e`, `sqlite3 -cmd` and its
//   operands, `mongosh --eval`);
// - what sends data elsewhere or runs what the rules do not see is left out, so it stays unknown (medium):
//   `psql -v`/`-o`, `mysql --init-command`/`--pager`, `redis-cli --eval`.
import type { ShapeSource } from './spec.ts';

// ---------------------------------------------------------------------------------------------------- databases

const PG_CONN =
  '-h= --host= -p= --port= -U= --username= -w --no-password -W --password -d= --dbname= -V --version -? --help';
// `-v`/`--set` (PROMPT variables run backticks), `-o`/`--output` (`|cmd`), `-P` (pager) are left out.
const PSQL =
  `${PG_CONN} -c=check:psql --command=check:psql -f=load --file=load -l --list -X --no-psqlrc -A --no-align -t --tuples-only -x --expanded -q --quiet ` +
  '-F= --field-separator= -R= --record-separator= -H --html -T= -0 -z --csv -e --echo-queries -E --echo-hidden -a --echo-all -b --echo-errors ' +
  '-n --no-readline -1 --single-transaction -s --single-step -S --single-line -L=write --log-file=write';
const PG_DUMP =
  `${PG_CONN} -f=write --file=write -F= --format= -j= --jobs= -a --data-only -s --schema-only -c --clean --if-exists -C --create -n= --schema= ` +
  '-N= --exclude-schema= -t= --table= -T= --exclude-table= --exclude-table-data= -O --no-owner -x --no-privileges --no-acl -v --verbose -Z= --compress= ' +
  '--no-comments --no-publications --no-subscriptions --no-security-labels --no-tablespaces --no-toast-compression --no-unlogged-table-data --inserts ' +
  '--column-inserts --rows-per-insert= --quote-all-identifiers --on-conflict-do-nothing --serializable-deferrable --snapshot= --lock-wait-timeout= ' +
  '--section= -E= --encoding= --role= --disable-triggers --enable-row-security -e= --extension= --exclude-extension= --load-via-partition-root --no-sync ' +
  '--strict-names --use-set-session-authorization -b --blobs -B --no-blobs --large-objects --no-large-objects --include-foreign-data= --table-and-children= ' +
  '--no-table-access-method -g --globals-only -r --roles-only --tablespaces-only -l= --database= --exclude-database= --no-role-passwords';
const PG_RESTORE = `${PG_CONN} -f=write --file=write -F= --format= -c --clean --if-exists -C --create -a --data-only -s --schema-only -n= --schema= -t= --table= -l --list -L= --use-list= -j= --jobs= -1 --single-transaction -O --no-owner -x --no-privileges -v --verbose -e --exit-on-error --no-comments --disable-triggers --role=`;
const CREATEDB = `${PG_CONN} -O= --owner= -T= --template= -E= --encoding= -l= --locale= --lc-collate= --lc-ctype= -D= --tablespace= -e --echo -S= --strategy= --icu-locale= --locale-provider= --maintenance-db=`;
// `--init-command` (SQL the rules do not see), `--pager`, `--defaults-*file`, `--local-infile`, `--plugin-dir`: left out.
const MYSQL_CONN =
  '-h= --host= -P= --port= -u= --user= -p=? --password=? --protocol= -S= --socket= --ssl-mode= --ssl-ca= --ssl-cert= --ssl-key= --default-character-set= --connect-timeout= --compress -C --no-defaults -V --version -? --help';
const MYSQL = `${MYSQL_CONN} -D= --database= -e=check:mysql --execute=check:mysql -B --batch -N --skip-column-names -s --silent -t --table -E --vertical -r --raw -v --verbose -X --xml -H --html --column-names --safe-updates -U --i-am-a-dummy -A --no-auto-rehash --tee=write -f --force`;
const MYSQLDUMP = `${MYSQL_CONN} -r=write --result-file=write --single-transaction --quick -q --no-data -d --no-create-info -t --routines -R --triggers --events -E --databases -B --all-databases -A --add-drop-table --add-drop-database --skip-lock-tables --lock-tables --set-gtid-purged= --column-statistics=? --compact --complete-insert -c --extended-insert --skip-extended-insert --hex-blob --where= -w= --ignore-table= --max-allowed-packet= --skip-comments --no-tablespaces --order-by-primary -v --verbose --skip-add-locks --add-locks`;
const MONGO_CONN =
  '--host= --port= -u= --username= -p= --password= --authenticationDatabase= --authenticationMechanism= --tls --tlsCAFile= --tlsCertificateKeyFile= --uri= --quiet -v --verbose --version -h --help';
const MONGOSH = `${MONGO_CONN} --eval=check:mongo --json=? --norc --nodb --retryWrites=? --apiVersion= -f=load --file=load`;
const MONGODUMP = `${MONGO_CONN} -d= --db= -c= --collection= -q= --query= -o=write --out=write --archive=write --gzip --oplog --readPreference= -f= --fields= --type= --jsonArray --pretty --limit= --skip= --sort= --excludeCollection= --numParallelCollections= -j=`;
// `--eval` (Lua on the server), `--pipe` (raw protocol from stdin), `--cluster` (runs commands on every node): left out.
const REDIS_CLI =
  '-h= -p= -s= -a= --user= --pass= --askpass -u= -n= -r= -i= -x -d= -D= -c -e --tls --sni= --cacert= --cacertdir= --cert= --key= --insecure --raw ' +
  '--no-raw --csv --json --quoted-json --resp2 --resp3 -2 -3 --stat --latency --latency-history --latency-dist --bigkeys --memkeys --memkeys-samples= ' +
  '--hotkeys --scan --pattern= --count= --quoted-pattern= --intrinsic-latency= --no-auth-warning --verbose --version --help --rdb=write --functions-rdb=write';
// sqlite3's later operands are SQL or dot-commands: `.shell`, `.load`, `.output` and SQL functions that load code or
// touch files (`load_extension`, `writefile`, `edit`) are unknown.
const SQLITE3: ShapeSource = {
  singleDash: true,
  opts: '-bail -batch -box -column -csv -echo -header -noheader -html -json -line -list -markdown -table -tabs -readonly -nullvalue= -separator= -newline= -cmd=check:sqlite -init=load -interactive -version -help -ascii -quote -safe -nofollow -stats -A=?',
  operandKind: 'check:sqlite',
};

// ---------------------------------------------------------------------------------------------------- migration tools

const ALEMBIC: ShapeSource = {
  // The config names the migration environment (env.py): another config runs other code.
  globals: '-c=load --config=load -n= --name= -x= --raiseerr -q --quiet -h --help',
  subs: {
    current: '-v --verbose --check-heads',
    history: '-r= --rev-range= -v --verbose -i --indicate-current',
    'heads|branches': '-v --verbose --resolve-dependencies',
    show: '',
    'upgrade|downgrade': '--sql --tag=',
    revision:
      '-m= --message= --autogenerate --sql --head= --splice --branch-label= --version-path= --rev-id= --depends-on=',
    stamp: '--sql --tag= --purge',
    check: '',
    merge: '-m= --message= --branch-label= --rev-id=',
    init: '-t= --template= --package',
    list_templates: '',
  },
};
const PRISMA: ShapeSource = {
  // The schema's generators are programs prisma runs (`provider = "node ./gen.js"`): another schema is code.
  globals: '--schema=load -h --help -v --version',
  subs: {
    generate: '--watch --generator= --no-engine --data-proxy --accelerate --no-hints --allow-no-models --sql',
    'validate|version|debug': '--json',
    format: '--check',
    init: '--datasource-provider= --url= --output= --generator-provider= --preview-feature= --with-model',
    db: {
      subs: {
        push: '--accept-data-loss --force-reset --skip-generate',
        pull: '--force --print --composite-type-depth=',
        seed: '',
        execute: '--file= --stdin --url=',
      },
    },
    migrate: {
      subs: {
        dev: '-n= --name= --create-only --skip-generate --skip-seed',
        reset: '-f --force --skip-generate --skip-seed',
        'deploy|status': '',
        resolve: '--applied= --rolled-back=',
        diff: '--from-empty --from-schema-datasource= --from-schema-datamodel= --from-url= --from-migrations= --to-empty --to-schema-datasource= --to-schema-datamodel= --to-url= --to-migrations= --shadow-database-url= --script --exit-code -o=write --output=write',
      },
    },
    studio: '-p= --port= -b= --browser= -n= --hostname=',
  },
};
const KNEX: ShapeSource = {
  // The knexfile is code; `--require` loads modules before it.
  globals:
    '--knexfile=load --knexpath=load --require=load --cwd= --env= --esm --client= --connection= --migrations-directory= --migrations-table-name= --timestamp-filename-prefix --debug -x= --stub= -h --help -V --version',
  subs: {
    init: '',
    'migrate:make|seed:make': '',
    'migrate:latest|migrate:up|migrate:down|migrate:rollback|migrate:currentVersion|migrate:list|migrate:status|migrate:unlock':
      '--all --name= --disable-migrations-list-validation',
    'seed:run': '--specific=',
  },
};
const SEQUELIZE: ShapeSource = {
  globals:
    '--env= --config=load --options-path=load --migrations-path= --seeders-path= --models-path= --url= --debug -h --help -v --version',
  subs: {
    'db:migrate|db:migrate:status|db:migrate:undo|db:migrate:undo:all|db:seed|db:seed:all|db:seed:undo|db:seed:undo:all|db:create|db:drop':
      '--to= --from= --name= --seed= --charset= --collate= --encoding= --ctype= --template=',
    'init|init:config|init:migrations|init:models|init:seeders': '--force',
    'migration:generate|migration:create|model:generate|model:create|seed:generate|seed:create':
      '--name= --attributes= --force --underscored',
  },
};
const DRIZZLE: ShapeSource = {
  // drizzle.config.ts is code.
  globals:
    '--config=load --dialect= --schema= --out= --url= --host= --port= --user= --password= --database= --ssl --verbose --strict --force --breakpoints -h --help',
  subs: {
    generate: '--name= --custom --prefix=',
    'migrate|push|up|check|studio|drop|export': '--port= --host=',
    'pull|introspect': '--introspect-casing= --tablesFilter= --schemaFilter= --extensionsFilters=',
  },
};
const FLYWAY: ShapeSource = {
  singleDash: true,
  // `-jarDirs`, `-callbacks`, `-resolvers`: Java code to load: left out; another config file is loaded.
  globals:
    '-url= -user= -password= -schemas= -defaultSchema= -table= -target= -locations= -baselineVersion= -baselineOnMigrate= -outOfOrder= -validateOnMigrate= -cleanDisabled= -connectRetries= -environment= -outputType= -configFiles=load -X -q -n -v -?',
  subs: { 'info|validate|migrate|clean|baseline|repair|undo|check|version|help': '' },
};
const LIQUIBASE: ShapeSource = {
  globals:
    '--changelog-file= --changeLogFile= --url= --username= --password= --defaults-file=load --classpath=load --driver= --log-level= --search-path= --contexts= --labels= --output-file=write --show-banner=? -h --help -v --version',
  subs: {
    'status|history|validate|update|update-sql|updateSQL|update-count|rollback|rollback-count|rollbackCount|rollback-to-date|rollback-sql|drop-all|dropAll|diff|changelog-sync|changelogSync|clear-checksums|clearCheckSums|tag|tag-exists|list-locks|release-locks|releaseLocks|unexpected-changesets|calculate-checksum|future-rollback-sql':
      '--verbose --count= --tag= --date= --reference-url= --reference-username= --reference-password= --force',
  },
};
const DBMATE: ShapeSource = {
  globals:
    '-u= --url= -e= --env= --env-file= -d= --migrations-dir= --migrations-table= -s= --schema-file= --no-dump-schema --strict --wait --wait-timeout= -v --verbose -h --help',
  subs: { 'new|n|up|create|drop|migrate|rollback|down|dump|load|wait|version': '', status: '--exit-code --quiet' },
};
const GOOSE: ShapeSource = {
  singleDash: true,
  opts: '-dir= -table= -v -s -allow-missing -no-versioning -certfile= -ssl-cert= -ssl-key= -timeout= -h -version -env= -no-color -c',
};
const MIGRATE: ShapeSource = {
  singleDash: true,
  opts: '-path= -database= -source= -verbose -version -help -prefetch= -lock-timeout= -f -ext= -dir= -seq -digits= -format= -tz= -all',
};

export const DATA_SHAPES: Record<string, ShapeSource | string> = {
  psql: { opts: PSQL, maxOperands: 2 },
  pg_dump: { opts: PG_DUMP, maxOperands: 1 },
  pg_dumpall: { opts: PG_DUMP, maxOperands: 0 },
  pg_restore: { opts: PG_RESTORE, maxOperands: 1 },
  pg_isready: {
    opts: '-d= --dbname= -h= --host= -p= --port= -U= --username= -t= --timeout= -q --quiet -V --version -? --help',
    maxOperands: 0,
  },
  createdb: { opts: CREATEDB, maxOperands: 2 },
  dropdb: { opts: `${PG_CONN} -e --echo -i --interactive --if-exists -f --force --maintenance-db=`, maxOperands: 1 },
  createuser: {
    opts: `${PG_CONN} -e --echo -s --superuser -S --no-superuser -d --createdb -D --no-createdb -r --createrole -R --no-createrole -l --login -L --no-login -P --pwprompt -i --inherit -I --no-inherit -c= --connection-limit= -g= --role= --interactive --replication --no-replication`,
    maxOperands: 1,
  },
  dropuser: { opts: `${PG_CONN} -e --echo -i --interactive --if-exists`, maxOperands: 1 },
  mysql: { opts: MYSQL, maxOperands: 1 },
  mariadb: { opts: MYSQL, maxOperands: 1 },
  mysqldump: MYSQLDUMP,
  mongosh: MONGOSH,
  mongo: MONGOSH,
  mongodump: { opts: MONGODUMP, maxOperands: 0 },
  mongoexport: { opts: MONGODUMP, maxOperands: 0 },
  'redis-cli': REDIS_CLI,
  'valkey-cli': REDIS_CLI,
  sqlite3: SQLITE3,
  alembic: ALEMBIC,
  prisma: PRISMA,
  knex: KNEX,
  sequelize: SEQUELIZE,
  'sequelize-cli': SEQUELIZE,
  'drizzle-kit': DRIZZLE,
  flyway: FLYWAY,
  liquibase: LIQUIBASE,
  dbmate: DBMATE,
  goose: GOOSE,
  migrate: MIGRATE,
};
