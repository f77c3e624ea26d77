// GitHub and hosting: gh, and the CLIs of hosting platforms (vercel, netlify, railway, fly, heroku, supabase,
// firebase, wrangler). The rules (rules/cloud.ts, publish.ts) give the score; these tables only prove every word
// is known. Written with the agent as the adversary:
// - what loads code or a configuration that names programs is `=load` (`vercel --local-config`, `firebase
//   --config` and `wrangler --config`, whose build and predeploy commands are shell commands);
// - what sends data elsewhere, prints credentials or runs commands remotely is left out, so it stays unknown
//   (medium): `gh auth status --show-token`, `gh repo clone -- …` (options to git clone), `fly ssh`, `heroku run`,
//   `netlify env:*`, `wrangler d1 execute`.
import type { ShapeSource } from './spec.ts';

// ---------------------------------------------------------------------------------------------------- GitHub and hosting

const GH_JSON = '--json= -q= --jq= -t= --template= -w --web';
const GH_BODY =
  '-t= --title= -b= --body= -F= --body-file= -l= --label= -a= --assignee= -m= --milestone= -p= --project= -e --editor -w --web';
/** `gh repo clone r -- …` passes the rest to git clone (`--template`, `--config core.fsmonitor=…`): those stay unknown. */
const GH_CLONE_OPERANDS = {
  match: /^[^-]/,
  why: 'gh passes words after `--` to git clone, where options can run programs',
};
const GH: ShapeSource = {
  globals: '-R= --repo= --help',
  subs: {
    pr: {
      subs: {
        view: `-c --comments ${GH_JSON}`,
        'list|ls': `-s= --state= -L= --limit= -B= --base= -H= --head= -l= --label= -a= --assignee= -A= --author= -S= --search= -d --draft --app= ${GH_JSON}`,
        checks: `--watch -i= --interval= --fail-fast --required ${GH_JSON}`,
        diff: '--color= --patch --name-only -w --web',
        status: `-c --conflict-status ${GH_JSON}`,
        create: `${GH_BODY} -B= --base= -H= --head= -d --draft -f --fill --fill-first --fill-verbose -r= --reviewer= -T= --template= --dry-run --no-maintainer-edit --recover=`,
        merge:
          '-m --merge -r --rebase -s --squash -d --delete-branch --auto --disable-auto --admin -b= --body= -F= --body-file= -t= --subject= --match-head-commit= -A= --author-email=',
        'checkout|co': '-b= --branch= -f --force --detach --recurse-submodules',
        comment: '-b= --body= -F= --body-file= -e --editor -w --web --edit-last --delete-last --yes --create-if-none',
        review: '-a --approve -r --request-changes -c --comment -b= --body= -F= --body-file=',
        close: '-c= --comment= -d --delete-branch',
        'reopen|lock|unlock|revert': '-c= --comment= -r= --reason= -t= --title= -b= --body=',
        ready: '--undo',
        edit: `${GH_BODY} -B= --base= --add-label= --remove-label= --add-assignee= --remove-assignee= --add-reviewer= --remove-reviewer= --add-project= --remove-project= --remove-milestone`,
        'update-branch': '--rebase',
      },
    },
    issue: {
      subs: {
        view: `-c --comments ${GH_JSON}`,
        'list|ls': `-s= --state= -L= --limit= -l= --label= -a= --assignee= -A= --author= --mention= -m= --milestone= -S= --search= --app= ${GH_JSON}`,
        create: `${GH_BODY} -T= --template= --recover=`,
        comment: '-b= --body= -F= --body-file= -e --editor -w --web --edit-last --delete-last --yes --create-if-none',
        close: '-c= --comment= -r= --reason= --duplicate-of=',
        'reopen|pin|unpin|lock|unlock': '-c= --comment= -r= --reason=',
        edit: `${GH_BODY} --add-label= --remove-label= --add-assignee= --remove-assignee= --add-project= --remove-project= --remove-milestone`,
        status: GH_JSON,
        develop: '-b= --base= -n= --name= -c --checkout -l --list --branch-repo=',
        transfer: '',
        delete: '--yes',
      },
    },
    run: {
      subs: {
        'list|ls': `-L= --limit= -w= --workflow= -b= --branch= -u= --user= -e= --event= -s= --status= -c= --commit= --created= -a --all ${GH_JSON}`,
        view: `-j= --job= --log --log-failed -v --verbose --exit-status -a= --attempt= ${GH_JSON}`,
        watch: '-i= --interval= --exit-status --compact',
        rerun: '--failed -j= --job= -d --debug',
        cancel: '--force',
        delete: '',
        download: '-D=write --dir=write -n= --name= -p= --pattern=',
      },
    },
    workflow: {
      subs: {
        'list|ls': `-a --all -L= --limit= ${GH_JSON}`,
        view: `-r= --ref= -y --yaml ${GH_JSON}`,
        run: '-f= --raw-field= -F= --field= -r= --ref= --json',
        'enable|disable': '',
      },
    },
    repo: {
      subs: {
        view: `-b= --branch= ${GH_JSON}`,
        'list|ls': `-L= --limit= --visibility= --fork --source --archived --no-archived -l= --language= --topic= ${GH_JSON}`,
        clone: { opts: '-u= --upstream-remote-name= --no-upstream', operands: GH_CLONE_OPERANDS },
        fork: {
          opts: '--clone=? --remote=? --remote-name= --org= --fork-name= --default-branch-only',
          operands: GH_CLONE_OPERANDS,
        },
        create:
          '--public --private --internal -d= --description= -h= --homepage= --team= -p= --template= --clone -c --source= -s= --remote= -r= --push --add-readme -g= --gitignore= -l= --license= --disable-issues --disable-wiki --include-all-branches',
        edit: '--visibility= --accept-visibility-change-consequences -d= --description= -h= --homepage= --default-branch= --add-topic= --remove-topic= --enable-issues=? --enable-wiki=? --enable-projects=? --delete-branch-on-merge=? --allow-forking=? --template=?',
        delete: '--yes',
        'archive|unarchive': '-y --yes',
        rename: '-y --yes',
        sync: '--force -b= --branch= --source=',
        'set-default': '-v --view -u --unset',
      },
    },
    api: '-X= --method= -f= --raw-field= -F= --field= -H= --header= --input= -q= --jq= -t= --template= -i --include --paginate --slurp --silent --verbose --cache= -p= --preview= --hostname=',
    // `auth status --show-token` prints the token: left out.
    auth: {
      subs: {
        status: '-h= --hostname= -a --active --json=',
        token: '-h= --hostname= -u= --user=',
        login:
          '-h= --hostname= -w --web --with-token -p= --git-protocol= -s= --scopes= --insecure-storage --skip-ssh-key --clipboard',
        logout: '-h= --hostname= -u= --user=',
        refresh: '-h= --hostname= -s= --scopes= -r= --remove-scopes= --reset-scopes --insecure-storage --clipboard',
        'setup-git': '-h= --hostname= -f --force',
        switch: '-h= --hostname= -u= --user=',
      },
    },
    release: {
      subs: {
        'list|ls': `-L= --limit= --exclude-drafts --exclude-pre-releases -O= --order= ${GH_JSON}`,
        view: GH_JSON,
        download:
          '-p= --pattern= -A= --archive= -D=write --dir=write -O=write --output=write --clobber --skip-existing',
        create:
          '-t= --title= -n= --notes= -F= --notes-file= -d --draft -p --prerelease --target= --generate-notes --notes-start-tag= --latest=? --verify-tag --discussion-category= --fail-on-no-commits',
        edit: '-t= --title= -n= --notes= -F= --notes-file= --draft=? --prerelease=? --target= --tag= --latest=? --verify-tag --discussion-category=',
        upload: '--clobber',
        'delete|delete-asset': '-y --yes --cleanup-tag',
      },
    },
    gist: {
      subs: {
        'list|ls': '-L= --limit= --public --secret --filter= --include-content',
        view: '-f= --filename= --files -r --raw -w --web',
        create: '-d= --desc= -f= --filename= -p --public -w --web',
        edit: '-a= --add= -d= --desc= -f= --filename= -r= --remove=',
        delete: '--yes',
        clone: { operands: GH_CLONE_OPERANDS },
      },
    },
    search: {
      subs: {
        'repos|issues|prs|code|commits': `-L= --limit= ${GH_JSON} --owner= --repo= --language= --sort= --order= --state= --match= --include-forks= --archived=? --visibility= --topic= --stars= --forks= --created= --updated= --author= --assignee= --label= --filename= --extension= --size= --merged --draft --review= --checks= --base= --head= --app= --hash= --committer= --parent= --tree= --author-date= --committer-date= --mentions= --involves= --no-label --no-assignee --no-milestone --comments= --reactions= --interactions= --team-mentions= --language= --license= --good-first-issues= --help-wanted-issues= --number-topics= --followers= --locked --closed= --visibility=`,
      },
    },
    status: '-o= --org= -e= --exclude=',
    browse:
      '-b= --branch= -c --commit=? -n --no-browser -p --projects -r --releases -s --settings -w --wiki -a --actions',
    label: {
      subs: {
        'list|ls': `-L= --limit= -S= --search= --sort= --order= ${GH_JSON}`,
        create: '-c= --color= -d= --description= -f --force',
        edit: '-c= --color= -d= --description= -n= --name=',
        delete: '--yes',
        clone: '-f --force',
      },
    },
    secret: {
      subs: {
        'list|ls': '-o= --org= -e= --env= -u --user -a= --app= --json= -q= -t=',
        set: '-b= --body= -o= --org= -e= --env= -u --user -a= --app= -v= --visibility= -r= --repos= -f= --env-file= --no-store --no-repos-selected',
        'delete|remove': '-o= --org= -e= --env= -u --user -a= --app=',
      },
    },
    variable: {
      subs: {
        'list|ls': '-o= --org= -e= --env= --json= -q= -t=',
        get: '-o= --org= -e= --env= --json= -q= -t=',
        set: '-b= --body= -o= --org= -e= --env= -v= --visibility= -r= --repos= -f= --env-file=',
        'delete|remove': '-o= --org= -e= --env=',
      },
    },
    cache: {
      subs: { 'list|ls': `-L= --limit= -S= --sort= -O= --order= -k= --key= -r= --ref= ${GH_JSON}`, delete: '-a --all' },
    },
    // `extension exec`, `alias set`, `config set editor|browser|pager`: programs to run: left out.
    extension: {
      subs: {
        'list|ls': '',
        install: '--force --pin=',
        upgrade: '--all --force --dry-run',
        'remove|rm': '',
        search: `-L= --limit= --license= --order= --owner= --sort= ${GH_JSON}`,
        browse: '',
      },
    },
    alias: { subs: { list: '' } },
    config: { subs: { get: '-h= --host=', list: '-h= --host=' } },
    ruleset: {
      subs: {
        'list|ls': '-L= --limit= -o= --org= -p --parents -w --web',
        view: '-o= --org= -p --parents -w --web',
        check: '--default -w --web',
      },
    },
    org: { subs: { list: '-L= --limit=' } },
    'ssh-key': { subs: { list: '', add: '-t= --title= --type=', delete: '-y --yes' } },
    'gpg-key': { subs: { list: '', add: '-t= --title=', delete: '-y --yes' } },
    'completion|version': '-s= --shell=',
  },
};

// Hosting CLIs. Reading and deploying are listed (the rules judge deploys); commands that print secret values, run
// commands remotely or call arbitrary API methods are left out.
const VERCEL: ShapeSource = {
  subOptional: true,
  globals:
    '--cwd= --debug -d --global-config= -Q= --local-config=load -A=load --scope= -S= --token= -t= --no-color -h --help -v --version -y --yes',
  opts: '--prod --prebuilt --target= -e= --env= -b= --build-env= --force -f --with-cache --archive= --no-wait --public -p --regions= -m= --meta= --skip-domain --logs -l',
  subs: {
    'ls|list': '-m= --meta= --prod --environment= -s= --status= --next= -N=',
    inspect: '--logs -l --wait --timeout= --json',
    logs: '-f --follow -j --json -n= --limit= -o= --output= --since= --until= -x= --query= --level= --source= --status-code= --environment= --deployment=',
    whoami: '',
    env: {
      subs: {
        'ls|list': '--environment=',
        add: '--sensitive --force',
        'rm|remove': '',
        pull: '--environment= --git-branch=',
      },
    },
    deploy:
      '--prod --prebuilt --target= -e= --env= -b= --build-env= --force -f --with-cache --archive= --no-wait --public -p --regions= -m= --meta= --skip-domain --logs -l',
    build: '--prod --target= --output=write',
    dev: '--listen= -l= --port= -p=',
    pull: '--environment= --git-branch= --prod',
    link: '-p= --project= --repo',
    'domains|domain': {
      subs: {
        'ls|list': '--limit= --next=',
        inspect: '',
        add: '--force',
        'rm|remove': '',
        buy: '',
        move: '',
        verify: '',
      },
    },
    dns: { subs: { 'ls|list': '--limit= --next=', add: '', 'rm|remove': '', import: '' } },
    certs: {
      subs: { 'ls|list': '--limit= --next=', add: '--crt= --key= --ca=', 'rm|remove': '', issue: '--challenge-only' },
    },
    'alias|aliases': { subs: { 'ls|list': '--limit= --next=', set: '', 'rm|remove': '' } },
    'project|projects': { subs: { 'ls|list': '--update-required --next=', add: '', 'rm|remove': '', inspect: '' } },
    teams: { subs: { 'ls|list': '--next=', switch: '' } },
    'rollback|promote|redeploy': '--timeout= --no-wait --target=',
    'remove|rm': '--safe -s',
    'login|logout|switch|help|init': '--github --gitlab --bitbucket --email=',
  },
};
// netlify `env:get`/`env:list` print secret values; `env:set`/`env:unset` change them without a word the rules
// know; `api` calls any API method: left out.
const NETLIFY: ShapeSource = {
  globals: '--debug --auth= --filter= --json -h --help',
  subs: {
    status: '--verbose',
    'sites:list': '--json',
    'functions:list': '--json --functions=',
    'logs|logs:function|logs:deploy': '-f --follow --level=',
    deploy:
      '--prod --prod-if-unlocked --alias= --branch= -b= --dir= -d= --functions= -f= --message= -m= --open -o --site= -s= --timeout= --trigger --build --no-build --skip-functions-cache --context=',
    build: '--context= --dry --offline -o',
    'dev|serve':
      '-p= --port= --target-port= -c= --command= --dir= -d= --functions= --offline --context= --live --framework=',
    'open|open:site|open:admin': '--site= --admin',
    link: '--id= --name= --git-remote-name=',
    'unlink|login|logout|switch|init|watch': '--new --new-account --manual --force',
    'sites:create': '-n= --name= -a= --account-slug= --with-ci --manual --disable-linking',
    'sites:delete': '-f --force',
    completion: '',
  },
};
const RAILWAY: ShapeSource = {
  globals: '--json -h --help -V --version',
  // `variables` prints secret values; `shell`, `connect`, `ssh` open sessions: left out. `run` runs a local program.
  subs: {
    'status|whoami|list|open|docs|unlink|logout': '',
    logs: '-d --deployment -b --build -s= --service= -e= --environment= -n= --lines= --filter=',
    'up|deploy': '-d --detach -c --ci -s= --service= -e= --environment= --verbose -m= --message=',
    run: { command: 'argv' },
    'link|init|login|domain|environment|service|redeploy|down|add':
      '-p= --project= -e= --environment= -s= --service= -n= --name= -d= --database= -y --yes -b --browserless',
  },
};
const FLY_APP = '-a= --app= -c= --config=';
const FLY: ShapeSource = {
  globals: '-t= --access-token= --verbose --debug -j --json -h --help',
  // `ssh`, `proxy`, `console`, `postgres connect`, `launch`, `auth token`, `secrets import`: left out.
  subs: {
    status: `${FLY_APP} --all -w --watch --rate=`,
    logs: `${FLY_APP} -n --no-tail -r= --region= -i= --instance= -m= --machine=`,
    apps: {
      subs: {
        'list|ls': '-o= --org= -q --quiet',
        destroy: '-y --yes',
        restart: `${FLY_APP} --force-stop`,
        open: FLY_APP,
      },
    },
    'machine|machines|m': {
      subs: {
        'list|ls': `${FLY_APP} -q --quiet`,
        status: `${FLY_APP} -d --display-config`,
        'start|stop|restart': `${FLY_APP} -s= --signal= --timeout= --skip-health-checks`,
        'destroy|remove|rm': `${FLY_APP} -f --force`,
      },
    },
    deploy: `${FLY_APP} --image= -i= --remote-only --local-only --strategy= --dockerfile= --build-arg= --env= -e= --ha=? --detach --now -y --yes --no-cache --wait-timeout= --build-only --push`,
    secrets: { subs: { 'list|ls': FLY_APP, set: `${FLY_APP} --stage --detach`, unset: `${FLY_APP} --stage --detach` } },
    scale: {
      subs: {
        show: FLY_APP,
        count: `${FLY_APP} -y --yes --region= -r= --process-group=`,
        'vm|memory': `${FLY_APP} --vm-memory= --process-group=`,
      },
    },
    config: { subs: { show: FLY_APP, validate: `${FLY_APP} --strict`, env: FLY_APP } },
    version: '--saveinstall=',
    auth: { subs: { whoami: '', login: '--email= --password= --otp=', logout: '' } },
    ips: { subs: { 'list|ls': FLY_APP } },
    regions: { subs: { 'list|ls': FLY_APP } },
    volumes: { subs: { 'list|ls': `${FLY_APP} --all` } },
    releases: `${FLY_APP} --image`,
    doctor: '',
    orgs: { subs: { 'list|ls': '' } },
    checks: { subs: { 'list|ls': `${FLY_APP} --check-name=` } },
    certs: { subs: { 'list|ls|show': FLY_APP } },
    dashboard: FLY_APP,
  },
};
const HEROKU_APP = '-a= --app= -r= --remote=';
const HEROKU: ShapeSource = {
  globals: '-h --help',
  // `config`, `config:get` print secret values; `run`, `pg:psql`, `ps:exec` run commands remotely: left out.
  subs: {
    'apps|apps:list': '-A --all -p --personal -s= --space= -t= --team= --json',
    'apps:info|info': `${HEROKU_APP} -s --shell -j --json`,
    logs: `${HEROKU_APP} -t --tail -n= --num= -d= --dyno= -s= --source= --dyno-name= --process-type= --force-colors`,
    'ps|releases|addons|domains|access|features|buildpacks|regions|stack|maintenance|pipelines|spaces|pg:info|pg|redis:info': `${HEROKU_APP} -j --json -x --extended --all -n= --num=`,
    'auth:whoami|status|whoami': '--json',
    'ps:scale|ps:restart|restart|config:set|config:unset|maintenance:on|maintenance:off|apps:destroy|pg:reset': `${HEROKU_APP} --confirm= -d= --dyno=`,
  },
};
const SUPABASE: ShapeSource = {
  globals:
    '--workdir= --debug --experimental -o= --output= --profile= --yes --create-ticket --network-id= --dns-resolver= -h --help',
  subs: {
    'status|start|stop|init|link|login|logout|unlink':
      '--project-ref= -p= --password= --no-backup --ignore-health-check -x= --exclude= --token= --name= --with-vscode-settings --with-intellij-settings --force',
    migration: {
      subs: {
        'list|ls': '--db-url= --linked --local -p= --password=',
        new: '',
        'up|repair|squash|fetch': '--db-url= --linked --local --status= --version= --include-all',
      },
    },
    db: {
      subs: {
        diff: '-f=write --file=write --db-url= --linked --local --schema= -s= --use-migra --use-pgadmin --use-pg-schema',
        lint: '--db-url= --linked --local --level= --fail-on= -s= --schema=',
        reset: '--db-url= --linked --local --version= --no-seed',
        'push|pull':
          '--db-url= --linked --local --dry-run --include-all --include-roles --include-seed -s= --schema= -p= --password=',
        dump: '-f=write --file=write --db-url= --linked --local --data-only --role-only --schema-only -s= --schema= -x= --exclude= --use-copy --keep-comments --dry-run',
        start: '',
      },
    },
    gen: {
      subs: {
        types: {
          subs: {
            'typescript|go|swift': '--local --linked --project-id= --db-url= -s= --schema= --postgrest-v9-compat',
          },
        },
      },
    },
    projects: { subs: { 'list|ls': '' } },
    functions: {
      subs: {
        'list|ls': '--project-ref=',
        new: '',
        serve: '--env-file= --no-verify-jwt --import-map= --inspect --inspect-mode= --inspect-main',
        deploy: '--project-ref= --no-verify-jwt --import-map= --use-api --use-docker',
        'delete|download': '--project-ref=',
      },
    },
    secrets: { subs: { 'list|ls': '--project-ref=' } },
  },
};
const FIREBASE: ShapeSource = {
  // firebase.json's predeploy hooks are shell commands: another one is code.
  globals: '-P= --project= --token= --non-interactive -j --json --debug --config=load -i --interactive -h --help',
  subs: {
    'projects:list|apps:list|hosting:channel:list|functions:list|use|login:list|open|target':
      '--add --alias= --unalias= --clear',
    deploy: '--only= --except= -m= --message= --force',
    'emulators:start|serve':
      '--only= --except= --import= --export-on-exit=write --inspect-functions=? --host= -p= --port= --log-verbosity=',
    'functions:log': '--only= -n= --lines= --open',
    'login|logout|init': '--no-localhost --reauth --email=',
  },
};
const WRANGLER: ShapeSource = {
  // wrangler.toml's build command is a shell command: another one is code. `d1 execute` runs SQL the rules do not
  // see; `secret put` changes a secret: left out.
  globals: '-c=load --config=load -e= --env= --cwd= -h --help -v --version --experimental-json-config',
  subs: {
    dev: '--port= --ip= --local --remote --inspector-port= --live-reload --var= --define= --persist-to= --test-scheduled --log-level=',
    'deploy|publish':
      '--name= --dry-run --outdir=write --minify --var= --define= --triggers= --routes= --compatibility-date= --keep-vars --no-bundle -x=',
    whoami: '--account=',
    tail: '--format= --status= --header= --method= --sampling-rate= --search= --ip= --version-id=',
    kv: {
      subs: {
        namespace: { subs: { 'list|ls': '' } },
        key: {
          subs: {
            'list|ls': '--binding= --namespace-id= --prefix= --local --remote --preview',
            get: '--binding= --namespace-id= --local --remote --preview --text',
          },
        },
      },
    },
    d1: {
      subs: {
        'list|ls': '--json',
        info: '--json',
        migrations: { subs: { 'list|ls': '--local --remote --preview', apply: '--local --remote --preview' } },
      },
    },
    secret: { subs: { 'list|ls': '--name=' } },
    pages: {
      subs: {
        deployment: { subs: { 'list|ls': '--project-name= --environment=' } },
        project: { subs: { 'list|ls': '' } },
        dev: '--port= --ip= --local-protocol= --compatibility-date=',
        deploy: '--project-name= --branch= --commit-hash= --commit-message= --commit-dirty=?',
      },
    },
    r2: { subs: { bucket: { subs: { 'list|ls': '' } } } },
    'deployments|versions': { subs: { 'list|ls': '--name= --json', view: '--json' } },
    'types|login|logout|init|docs': '--browser=? --scopes= --yes -y',
  },
};

export const HOSTING_SHAPES: Record<string, ShapeSource | string> = {
  gh: GH,
  vercel: VERCEL,
  netlify: NETLIFY,
  railway: RAILWAY,
  fly: FLY,
  flyctl: FLY,
  heroku: HEROKU,
  supabase: SUPABASE,
  firebase: FIREBASE,
  wrangler: WRANGLER,
};
