// Containers, clusters, clouds, hosting, remote configuration, databases and migration tools. The rules
// (rules/containers.ts, cloud.ts, data.ts, migrations.ts, publish.ts) give the score; these tables only prove
// every word is known. Written with the agent as the adversary:
// - what loads code or a configuration that names programs is `=load` (`kubectl --kubeconfig`: exec credential
//   plugins; `helm --registry-config`, `docker --config`: credential helpers; `terraform -chdir`/`-plugin-dir`;
//   compose `-f`; `alembic -c`, `knex --knexfile`, `prisma --schema`, `drizzle-kit --config`);
// - a program run on the tool's output is judged as that program and never low (`helm --post-renderer`, checked;
//   its `--post-renderer-args` are left out); SQL and client commands that can reach the shell
//   are checked (`psql -c`, `mysql -e`, `sqlite3 -cmd` and its operands, `mongosh --eval`);
// - what sends data elsewhere or prints credentials is left out, so it stays unknown (medium): `aws --debug`
//   (prints session tokens), `aws sts assume-role`, `gh auth status --show-token`, `fly ssh`, `heroku run`,
//   `netlify env:*`, `wrangler d1 execute`, `ansible -m/-a`, `psql -v`/`-o`, `mysql --init-command`/`--pager`;
// - clouds have more operations than can be listed: read operations are known by their form (`subPattern`), except
//   those that print secrets or write files (`get-secret-value`, `get-login-password`, `s3api get-object OUTFILE`).
import type { ShapeSource } from './spec.ts';

type Table = ShapeSource | string;

const opts = (names: string, kind = ''): string => names.split(/\s+/).filter(Boolean).map((n) => `${n}=${kind}`).join(' ');

// ---------------------------------------------------------------------------------------------------- docker

const D_FORMAT = '-f= --filter= --format= -q --quiet --no-trunc';
const D_RUN =
  '-d --detach --rm -i --interactive -t --tty --name= -e= --env= --env-file= -p= --publish= -P --publish-all -v= --volume= --mount= ' +
  '-w= --workdir= -u= --user= --network= --net= --network-alias= --entrypoint= --platform= --pull= --privileged --cap-add= --cap-drop= ' +
  '--pid= --ipc= --uts= --userns= --cgroupns= --hostname= -h= --add-host= --dns= -l= --label= --restart= -m= --memory= --memory-swap= --cpus= ' +
  '--cpu-shares= -c= --gpus= --init --read-only --tmpfs= --security-opt= --shm-size= --ulimit= --log-driver= --log-opt= --stop-signal= ' +
  '--stop-timeout= --health-cmd= --health-interval= --health-retries= --health-timeout= --no-healthcheck --expose= --link= --sig-proxy=? ' +
  '-a= --attach= --detach-keys= --isolation= --runtime= --group-add= --oom-kill-disable --pids-limit= --quiet -q --volumes-from=';
const D_BUILD =
  '-t= --tag= -f= --file= --build-arg= --target= --no-cache --pull -q --quiet --platform= --progress= --label= --add-host= --cache-from= ' +
  '--cache-to= --iidfile=write --rm --force-rm --load --push --builder= --build-context= --shm-size= --ulimit= --no-cache-filter= ' +
  '--provenance=? --sbom=? --metadata-file=write --annotation=';
const COMPOSE: Record<string, Table> = {
  'ps|ls': '-a --all -q --quiet --services --format= --filter= --status= --no-trunc --orphans=?',
  logs: '-f --follow --since= --until= -n= --tail= -t --timestamps --no-color --no-log-prefix --index=',
  up: '-d --detach --build --no-build --pull= --force-recreate --no-recreate --no-deps --remove-orphans --wait --wait-timeout= --abort-on-container-exit ' +
    '--abort-on-container-failure --exit-code-from= -t= --timeout= --scale= --no-start --no-color --quiet-pull -V --renew-anon-volumes ' +
    '--always-recreate-deps --attach= --no-attach= --attach-dependencies -y --yes -w --watch --menu=?',
  down: '-v --volumes --rmi= --remove-orphans -t= --timeout=',
  build: '--no-cache --pull --build-arg= -q --quiet --parallel --progress= --push --with-dependencies -m= --memory=',
  'config|convert': '--services --volumes --profiles --images -q --quiet --format= --hash= --resolve-image-digests --no-interpolate --no-normalize ' +
    '--no-consistency --no-path-resolution -o=write --output=write --environment --variables',
  exec: { opts: '-d --detach -e= --env= -i --interactive -t --tty -T --no-TTY -u= --user= -w= --workdir= --index= --privileged', stopAt: 'first-operand' },
  run: { opts: `${D_RUN} -T --no-TTY --no-deps --service-ports --use-aliases --build --remove-orphans`, stopAt: 'first-operand' },
  'start|stop|restart|pause|unpause|kill': '-t= --timeout= -s= --signal= --remove-orphans',
  rm: '-f --force -s --stop -v --volumes',
  pull: '-q --quiet --ignore-pull-failures --include-deps --ignore-buildable --policy=',
  push: '-q --quiet --ignore-push-failures --include-deps',
  'images|top|port|version|events|create|wait': '-q --quiet --format= --short --json --build --force-recreate --no-build --no-recreate --pull= --remove-orphans -y --index= --protocol= --down-project',
  watch: '--no-up --prune --quiet',
  cp: '-a --archive -L --follow-link --index=',
};
const COMPOSE_TOP = '--file=load -f=load -p= --project-name= --profile= --env-file= --project-directory= --ansi= --progress= --parallel= --compatibility --dry-run --all-resources';

const DOCKER_CONTAINER: Record<string, Table> = {
  'ps|ls|list': `-a --all ${D_FORMAT} -n= --last= -l --latest -s --size`,
  inspect: '-f= --format= -s --size --type=',
  logs: '--details -f --follow --since= -n= --tail= -t --timestamps --until=',
  'run|create': { opts: D_RUN, stopAt: 'first-operand' },
  exec: { opts: '-d --detach -i --interactive -t --tty -e= --env= --env-file= -u= --user= -w= --workdir= --privileged --detach-keys=', stopAt: 'first-operand' },
  'stop|restart': '-t= --time= --timeout= -s= --signal=',
  start: '-a --attach -i --interactive --detach-keys=',
  kill: '-s= --signal=',
  'pause|unpause|port|diff|wait|rename': '',
  top: { stopAt: 'first-operand' },
  rm: '-f --force -l --link -v --volumes',
  prune: '-f --force --filter=',
  stats: '-a --all --format= --no-stream --no-trunc',
  cp: '-a --archive -L --follow-link -q --quiet',
};
const DOCKER_IMAGE: Record<string, Table> = {
  'ls|list': `-a --all --digests ${D_FORMAT} --tree`,
  inspect: '-f= --format= --platform=',
  history: '-H --human --no-trunc -q --quiet --format= --platform=',
  'rm|remove': '-f --force --no-prune --platform=',
  prune: '-a --all -f --force --filter=',
  pull: '-a --all-tags -q --quiet --platform= --disable-content-trust',
  push: '-a --all-tags -q --quiet --platform= --disable-content-trust',
  tag: '',
  build: D_BUILD,
  save: '-o=write --output=write --platform=',
  load: '-i= --input= -q --quiet --platform=',
};
const DOCKER: ShapeSource = {
  opts: '--config=load -c= --context= -H= --host= -D --debug -l= --log-level= --tls --tlscacert= --tlscert= --tlskey= --tlsverify -v --version',
  globals: '--help',
  subs: {
    ...DOCKER_CONTAINER,
    images: `-a --all --digests ${D_FORMAT} --tree`,
    rmi: '-f --force --no-prune --platform=',
    pull: DOCKER_IMAGE.pull as Table,
    push: DOCKER_IMAGE.push as Table,
    tag: '',
    history: DOCKER_IMAGE.history as Table,
    save: DOCKER_IMAGE.save as Table,
    load: DOCKER_IMAGE.load as Table,
    build: D_BUILD,
    events: '--since= --until= -f= --filter= --format=',
    search: '--limit= -f= --filter= --format= --no-trunc',
    'version|info': '-f= --format=',
    login: '-u= --username= -p= --password= --password-stdin',
    logout: '',
    container: { subs: DOCKER_CONTAINER },
    image: { subs: DOCKER_IMAGE },
    network: { subs: { 'ls|list': D_FORMAT, inspect: '-f= --format= -v --verbose', create: '-d= --driver= --subnet= --gateway= --ip-range= --internal --attachable --label= --ipv6', 'rm|remove': '-f --force', prune: '-f --force --filter=', connect: '--alias= --ip= --ip6=', disconnect: '-f --force' } },
    // `volume create -o`: driver options can bind any host path into a volume, so they are left out.
    volume: { subs: { 'ls|list': `${D_FORMAT} --cluster`, inspect: '-f= --format=', create: '-d= --driver= --label= --name=', 'rm|remove': '-f --force', prune: '-a --all -f --force --filter=' } },
    system: { subs: { df: '-v --verbose --format=', info: '-f= --format=', prune: '-a --all -f --force --volumes --filter=', events: '--since= --until= -f= --filter= --format=' } },
    context: { subs: { 'ls|list': '--format= -q --quiet', show: '', inspect: '-f= --format=', use: '' } },
    builder: { subs: { 'ls|list': '--format=', inspect: '--bootstrap', prune: '-a --all -f --force --filter= --keep-storage=', build: D_BUILD, du: '--filter= --verbose' } },
    buildx: { opts: '--builder=', subs: { build: D_BUILD, 'ls|list': '--format= --no-trunc', inspect: '--bootstrap', du: '--filter= --verbose', prune: '-a --all -f --force --filter= --keep-storage=', version: '', use: '--default --global' } },
    compose: { opts: COMPOSE_TOP, subs: COMPOSE },
  },
};
const COMPOSE_CLI: ShapeSource = { opts: COMPOSE_TOP, globals: '--help', subs: COMPOSE };

// ---------------------------------------------------------------------------------------------------- kubernetes

const K_GLOBAL =
  '-n= --namespace= --context= --cluster= --user= -s= --server= --kubeconfig=load --as= --as-group= --as-uid= --insecure-skip-tls-verify ' +
  '--certificate-authority= --request-timeout= -v= --match-server-version --cache-dir= --tls-server-name= --warnings-as-errors --disable-compression --help -h';
const K_SELECT = '-l= --selector= --field-selector= -A --all-namespaces --all -f= --filename= -R --recursive -k= --kustomize=';
const K_OUT = '-o= --output= --template= --allow-missing-template-keys --show-managed-fields --no-headers';
const K_WRITE = `${K_SELECT} ${K_OUT} --dry-run=? --field-manager= --validate=? --record --save-config --overwrite --local --resource-version= --subresource=`;
const K_CREATE =
  '--image= --replicas= --port= --from-file= --from-literal= --from-env-file= --type= --tcp= --clusterrole= --role= --serviceaccount= --group= ' +
  '--verb= --resource= --resource-name= --schedule= --from= --edit --windows-line-endings --docker-server= --docker-username= --docker-password= ' +
  '--docker-email= --cert= --key= --rule= --class= --default-backend= --annotation= --duration= --bound-object-kind= --bound-object-name= ' +
  '--description= --value= --hard= --scopes= --min-available= --max-unavailable= --external-name= --node-port= --clusterip= --append-hash ' +
  '--aggregation-rule= --non-resource-url= --global-default --preemption-policy= --restart=';
const KUBECTL: ShapeSource = {
  globals: K_GLOBAL,
  subs: {
    get: `${K_SELECT} ${K_OUT} -w --watch --watch-only --output-watch-events --show-labels -L= --label-columns= --sort-by= --show-kind --chunk-size= --ignore-not-found --raw= --subresource=`,
    describe: `${K_SELECT} --show-events=? --chunk-size=`,
    logs: '-c= --container= -f --follow -p --previous --since= --since-time= --tail= --timestamps --prefix --all-containers=? --all-pods=? --max-log-requests= --limit-bytes= --pod-running-timeout= --ignore-errors -l= --selector=',
    top: { opts: '--containers --use-protocol-buffers --sort-by= --no-headers --sum -l= --selector= -A --all-namespaces --field-selector= --show-capacity' },
    explain: '--recursive --api-version= --output=',
    'api-resources': '--namespaced=? --api-group= --verbs= --no-headers -o= --output= --sort-by= --cached --categories=',
    'api-versions': '',
    version: '--client --short -o= --output=',
    'cluster-info': { maxOperands: 0 },
    events: '-A --all-namespaces --for= --types= -w --watch -o= --output= --no-headers --chunk-size=',
    config: {
      // `config set`/`set-credentials` can give a user an exec credential plugin: left out.
      subs: {
        view: '--raw --minify --flatten -o= --output= --template=',
        'get-contexts': '-o= --output= --no-headers',
        'current-context|get-clusters|get-users': '',
        'use-context|use|rename-context|delete-context|delete-cluster|delete-user': '',
        'set-context': '--current --cluster= --user= --namespace=',
      },
    },
    rollout: { subs: { status: '-w --watch --revision= --timeout= -l= --selector= -f= -R', history: '--revision= -o= -l= -f= -R', 'restart|pause|resume': `${K_WRITE}`, undo: `--to-revision= ${K_WRITE}` } },
    auth: { subs: { 'can-i': '--list --no-headers -q --quiet --subresource= -A --all-namespaces', whoami: '-o= --output=' } },
    'port-forward': '--address= --pod-running-timeout=',
    apply: `${K_WRITE} --server-side --force-conflicts --prune --prune-allowlist= --force --grace-period= --wait --timeout= --cascade=?`,
    delete: `${K_WRITE} --cascade=? --force --grace-period= --now --wait=? --timeout= --ignore-not-found -i --interactive --raw=`,
    create: `${K_WRITE} ${K_CREATE}`,
    edit: `${K_WRITE} --output-patch --windows-line-endings`,
    replace: `${K_WRITE} --force --grace-period= --cascade=? --wait --timeout= --raw=`,
    patch: `${K_WRITE} -p= --patch= --patch-file= --type=`,
    scale: `${K_WRITE} --replicas= --current-replicas= --timeout=`,
    autoscale: `${K_WRITE} --min= --max= --cpu-percent= --name=`,
    'label|annotate': `${K_WRITE} --list`,
    expose: `${K_WRITE} --port= --target-port= --type= --name= --protocol= --external-ip= --load-balancer-ip= --selector= --cluster-ip= --labels=`,
    set: { subs: { 'image|env|resources|selector|serviceaccount|subject': `${K_WRITE} -c= --containers= -e= --env= --from= --keys= --list --prefix= --resolve --limits= --requests= --serviceaccount= --group= --user=` } },
    'taint|cordon|uncordon': `${K_WRITE}`,
    drain: `${K_WRITE} --force --ignore-daemonsets --delete-emptydir-data --delete-local-data --grace-period= --timeout= --disable-eviction --pod-selector= --skip-wait-for-delete-timeout= --chunk-size=`,
    wait: `${K_SELECT} ${K_OUT} --for= --timeout=`,
    diff: `${K_SELECT} --server-side --force-conflicts --field-manager= --prune --prune-allowlist= --concurrency= --show-managed-fields`,
    exec: '-c= --container= -i --stdin -t --tty -q --quiet --pod-running-timeout= -f= --filename=',
    attach: '-c= --container= -i --stdin -t --tty -q --quiet --pod-running-timeout=',
    run: `${K_WRITE} --image= --restart= --rm -i --stdin -t --tty --env= --port= --labels= --command --overrides= --privileged --expose --attach=? --image-pull-policy= --annotations= --pod-running-timeout= --leave-stdin-open -q --quiet --timeout=`,
    debug: '-i --stdin -t --tty --image= --target= --profile= --copy-to= --replace --share-processes=? -c= --container= --env= --set-image= --attach=? -q --quiet --arguments-only --custom= --image-pull-policy=',
    cp: '-c= --container= --no-preserve --retries=',
    proxy: '-p= --port= --address= --accept-hosts= --api-prefix= --reject-paths=',
    certificate: { subs: { 'approve|deny': '--force -o= -f= -R' } },
    // `--enable-alpha-plugins`, `--enable-exec`, `--enable-helm`, `--helm-command`: programs kustomize runs, left out.
    kustomize: '-o=write --output=write --load-restrictor= --reorder= --enable-managedby-label',
    completion: '',
    plugin: { subs: { list: '--name-only' } },
  },
};

const HELM_CHART = '--version= --repo= --username= --password= --ca-file= --cert-file= --key-file= --insecure-skip-tls-verify --plain-http --pass-credentials --verify --keyring= --devel';
const HELM_RENDER =
  `${HELM_CHART} -f= --values= --set= --set-string= --set-file= --set-json= --set-literal= --dry-run=? --wait --wait-for-jobs --timeout= --atomic ` +
  '--create-namespace --install -i --reuse-values --reset-values --reset-then-reuse-values --force --cleanup-on-fail --description= --dependency-update ' +
  '--disable-openapi-validation --skip-crds --skip-schema-validation --no-hooks --render-subchart-notes --history-max= --labels= -l= --enable-dns ' +
  '--take-ownership --hide-notes --hide-secret -g --generate-name --name-template= --replace -o= --output= --post-renderer=check:program';
const HELM: ShapeSource = {
  globals: '-n= --namespace= --kube-context= --kubeconfig=load --kube-apiserver= --kube-as-user= --kube-as-group= --kube-ca-file= --kube-insecure-skip-tls-verify --kube-tls-server-name= --burst-limit= --qps= --debug --registry-config=load --repository-config= --repository-cache= --help -h',
  subs: {
    'install|upgrade': HELM_RENDER,
    template: `${HELM_RENDER} --output-dir=write -s= --show-only= -a= --api-versions= --kube-version= --is-upgrade --include-crds --release-name --validate --skip-tests`,
    lint: `${HELM_RENDER} --strict --with-subcharts --quiet`,
    'list|ls': '-a --all -A --all-namespaces -d --date -m= --max= -o= --output= -q --short -r --reverse --deployed --failed --pending --superseded --uninstalled --uninstalling --filter= -f= --offset= --no-headers --time-format= -l= --selector=',
    status: '--revision= -o= --output= --show-desc --show-resources',
    'history|hist': '--max= -o= --output=',
    get: { subs: { 'all|values|manifest|hooks|notes|metadata': '--revision= -a --all -o= --output= --template=' } },
    'show|inspect': { subs: { 'all|chart|readme|values|crds': `${HELM_CHART} --jsonpath=` } },
    search: { subs: { 'repo|hub': '-r --regexp --versions -l --devel --version= -o= --output= --max-col-width= --endpoint= --list-repo-url --fail-on-no-result' } },
    repo: { subs: { add: '--username= --password= --pass-credentials --force-update --no-update --insecure-skip-tls-verify --ca-file= --cert-file= --key-file= --allow-deprecated-repos', 'list|ls': '-o= --output=', 'update|up': '--fail-on-repo-update-fail', 'remove|rm': '', index: '--url= --merge=' } },
    'dependency|dep': { subs: { build: '--skip-refresh --verify --keyring=', 'update|up': '--skip-refresh --verify --keyring=', 'list|ls': '--max-col-width=' } },
    'uninstall|delete|del|un': '--dry-run --keep-history --no-hooks --timeout= --wait --cascade= --description= --ignore-not-found',
    rollback: '--dry-run --force --no-hooks --recreate-pods --timeout= --wait --wait-for-jobs --cleanup-on-fail --history-max=',
    test: '--filter= --logs --timeout=',
    'pull|fetch': `${HELM_CHART} --untar --untardir=write -d=write --destination=write --prov`,
    package: '-d=write --destination=write --version= --app-version= -u --dependency-update --sign --key= --keyring=',
    push: '--insecure-skip-tls-verify --plain-http --ca-file= --cert-file= --key-file=',
    version: '--short --template=',
    env: '',
    create: '-p= --starter=',
    verify: '--keyring=',
    plugin: { subs: { 'list|ls': '', install: '--version=', 'uninstall|rm|remove': '', update: '' } },
    registry: { subs: { login: '-u= --username= -p= --password= --password-stdin --insecure --ca-file= --cert-file= --key-file=', logout: '' } },
    completion: '',
  },
};

const MINIKUBE: ShapeSource = {
  globals: '-p= --profile= --alsologtostderr -v= --logtostderr --help -h',
  // `minikube kubectl`, `ssh`, `mount`, `tunnel`: they pass words on, or give the VM this machine: left out.
  subs: {
    start: '--driver= --cpus= --memory= --disk-size= --kubernetes-version= --nodes= -n= --addons= --container-runtime= --image-mirror-country= --vm-driver= --force --wait= --listen-address= --ports= --cni= --extra-config= --feature-gates= --insecure-registry= --registry-mirror= --base-image= --iso-url= --apiserver-ips= --apiserver-names= --dns-domain= --keep-context --delete-on-failure --interactive=? --preload=? --gpus=',
    'stop|pause|unpause': '--all --keep-context-active -A --all-namespaces',
    delete: '--all --purge',
    status: '-o= --output= -f= --format= -l= --layout= -n= --node=',
    'ip|logs|version|update-context|update-check|docker-env|podman-env': '-n= --node= -f --follow --length= --problems --file=write --short -o= --output= --shell= -u --unset --no-proxy',
    dashboard: '--url --port=',
    service: { subOptional: true, opts: '--url -n= --namespace= --https --format= --interval= --wait=', subs: { list: '-n= --namespace= -o=' } },
    addons: { subs: { 'list|ls': '-o= --output=', 'enable|disable': '--images= --registries= --force', configure: '', open: '--url --https' } },
    image: { subs: { 'ls|list': '--format=', load: '--daemon --remote --overwrite --pull', build: '-t= --tag= -f= --file= --build-env= --build-opt= --push --all', rm: '' } },
    profile: { subOptional: true, subs: { list: '-o= --output= -l --light' } },
    config: { subs: { view: '--format=', get: '', set: '', unset: '' } },
  },
};
const KIND: ShapeSource = {
  globals: '-v= --verbosity= -q --quiet --help -h',
  subs: {
    create: { subs: { cluster: '--name= -n= --config=load --image= --wait= --kubeconfig=write --retain' } },
    delete: { subs: { 'cluster|clusters': '--name= -n= --all --kubeconfig=write' } },
    get: { subs: { clusters: '', nodes: '--name= -n= --all-clusters', kubeconfig: '--name= -n= --internal' } },
    load: { subs: { 'docker-image|image-archive': '--name= -n= --nodes=' } },
    export: { subs: { logs: '--name= -n=', kubeconfig: '--name= -n= --internal --kubeconfig=write' } },
    build: { subs: { 'node-image': '--image= --base-image= --type= --arch=' } },
    version: '',
    completion: '',
  },
};

// ---------------------------------------------------------------------------------------------------- terraform

const TF_VARS = '-var= -var-file= -no-color -input=? -lock=? -lock-timeout= -parallelism= -compact-warnings -json';
const TF_PLAN = `${TF_VARS} -refresh=? -refresh-only -replace= -target= -destroy -detailed-exitcode -out=write -state= -state-out=write -backup=write -generate-config-out=write -concise`;
const TERRAFORM: ShapeSource = {
  singleDash: true,
  // `-chdir` is `make -C`: the configuration there is code the way the project's is. Provider binaries from a
  // directory of one's choosing (`init -plugin-dir`) are loaded code.
  opts: '-chdir= -version -v -help -h',
  subs: {
    init: `${TF_VARS} -upgrade -reconfigure -migrate-state -force-copy -backend=? -backend-config= -get=? -plugin-dir=load -lockfile= -from-module= -test-directory= -cloud=?`,
    validate: '-json -no-color -no-tests -test-directory=',
    plan: TF_PLAN,
    apply: `${TF_PLAN} -auto-approve`,
    destroy: `${TF_PLAN} -auto-approve`,
    refresh: `${TF_VARS} -target= -state= -state-out=write -backup=write`,
    fmt: '-list=? -write=? -diff -check -recursive -no-color',
    show: '-json -no-color',
    output: '-json -raw -no-color -state=',
    state: { subs: { list: '-state= -id=', show: '-state=', pull: '', mv: '-dry-run -lock=? -lock-timeout= -backup=write -state= -state-out=write', rm: '-dry-run -lock=? -lock-timeout= -backup=write -state=', push: '-force -lock=? -lock-timeout=', 'replace-provider': '-auto-approve -lock=? -lock-timeout=' } },
    providers: { subOptional: true, subs: { lock: '-platform= -fs-mirror= -net-mirror= -provider= -enable-plugin-cache', schema: '-json', mirror: '-platform=' } },
    version: '-json',
    import: `${TF_VARS} -config= -allow-missing-config -state= -state-out=write -backup=write`,
    workspace: { subs: { list: '', show: '', select: '-or-create', new: '-state= -lock=? -lock-timeout=', delete: '-force -lock=? -lock-timeout=' } },
    graph: '-type= -plan= -draw-cycles -module-depth=',
    console: `${TF_VARS} -state= -plan`,
    get: '-update -no-color -test-directory=',
    'taint|untaint': '-allow-missing -lock=? -lock-timeout= -state= -state-out=write -backup=write',
    'force-unlock': '-force',
    'login|logout': '',
    test: `${TF_VARS} -filter= -verbose -test-directory= -junit-xml=write`,
    modules: '-json',
    metadata: { subs: { functions: '-json' } },
  },
};

// ---------------------------------------------------------------------------------------------------- clouds

/** Words a read operation's name may not have: they print secrets or credentials, or write files. */
const SECRETISH = '(?![a-z0-9-]*(secret|password|passwd|token|credential|key|auth|login|sas|connection-string|publishing|decrypt|export|sdk|job-output|media|object$|object-torrent|console|session))';
const AWS_READ = new RegExp(`^(describe|list|get)-${SECRETISH}[a-z0-9-]+$`);
const GCLOUD_READ = new RegExp(`^(list|describe)(-${SECRETISH}[a-z0-9-]+)?$|^get-iam-policy$`);
const AZ_READ = new RegExp(`^(list|show)(-${SECRETISH}[a-z0-9-]+)?$`);

type Group = string | [string, Record<string, Group>];

/** A cloud CLI's command group: the listed verbs and subgroups, and read verbs by their form. */
function group(g: Group, leaf: ShapeSource, read: RegExp): ShapeSource {
  const [verbs, children] = typeof g === 'string' ? [g, {}] : g;
  const subs: Record<string, Table> = {};
  for (const verb of verbs.split(/\s+/).filter(Boolean)) subs[verb] = leaf;
  for (const [name, child] of Object.entries(children)) subs[name] = group(child, leaf, read);
  return { subs, subPattern: { match: read, shape: leaf } };
}

const AWS_PARAMS = opts(
  '--instance-ids --instance-id --filters --filter --max-results --next-token --bucket --key --prefix --delimiter --function-name --cluster --clusters ' +
    '--cluster-name --service --services --service-name --task-definition --tasks --task --names --name --stack-name --log-group-name --log-group-name-prefix ' +
    '--log-stream-name --log-stream-name-prefix --log-group-names --start-time --end-time --filter-pattern --limit --db-instance-identifier --db-cluster-identifier ' +
    '--table-name --queue-url --queue-name --topic-arn --secret-id --role-name --user-name --group-name --policy-arn --repository-name --repository-names ' +
    '--image-ids --registry-id --vpc-ids --vpc-id --subnet-ids --group-ids --group-id --security-group-ids --owners --load-balancer-arns --target-group-arn ' +
    '--target-group-arns --hosted-zone-id --id --arn --resource-arn --resource-arns --distribution-id --rest-api-id --api-id --state-machine-arn --execution-arn ' +
    '--alarm-names --namespace --metric-name --dimensions --statistics --period --stack-status-filter --logical-resource-id --change-set-name --volume-ids ' +
    '--snapshot-ids --key-id --alias-name --auto-scaling-group-names --launch-template-ids --nodegroup-name --fargate-profile-name --addon-name --region-names ' +
    '--query-string --type --status --protocol --port --cidr --instance-ids --image-id --instance-type --count --tags --tag-specifications --user-data ' +
    '--key-name --subnet-id --zone-id --acl --change-batch --message-body --capabilities --parameters --parameter-overrides --template-body --template-url ' +
    '--template-file --s3-bucket --s3-key --zip-file --runtime --handler --role --desired-count --force-new-deployment --pending-window-in-days ' +
    '--recovery-point-arn --backup-vault-name --policy-document --policy --assume-role-policy-document --description --region-name --path --path-prefix ' +
    '--scope --stage-name --invalidation-batch --paths --max-items --starting-token --page-size --cli-input-json --cli-input-yaml --sort-by ' +
    '--include-deprecated --statistic --threshold --comparison-operator --evaluation-periods',
  'check:arg',
);
const AWS_OP: ShapeSource = { opts: `${AWS_PARAMS} --dry-run --no-dry-run --all-regions --include-all-instances --no-include-all-instances --force --generate-cli-skeleton=?`, maxOperands: 0 };
const AWS_SERVICES: Record<string, string> = {
  ec2: 'run-instances start-instances stop-instances reboot-instances terminate-instances create-tags delete-tags create-security-group delete-security-group authorize-security-group-ingress revoke-security-group-ingress create-snapshot delete-snapshot create-volume delete-volume attach-volume detach-volume modify-instance-attribute create-image deregister-image allocate-address release-address associate-address',
  s3api: 'create-bucket delete-bucket put-bucket-acl put-bucket-policy delete-bucket-policy put-object-acl delete-object delete-objects put-public-access-block put-bucket-versioning head-object head-bucket',
  iam: 'create-user delete-user create-role delete-role attach-role-policy detach-role-policy attach-user-policy detach-user-policy put-role-policy create-access-key delete-access-key create-policy delete-policy add-user-to-group remove-user-from-group',
  sts: 'get-caller-identity decode-authorization-message',
  lambda: 'invoke update-function-code update-function-configuration create-function delete-function publish-version add-permission remove-permission',
  ecs: 'update-service create-service delete-service run-task stop-task register-task-definition deregister-task-definition create-cluster delete-cluster',
  eks: 'create-cluster delete-cluster update-cluster-config create-nodegroup delete-nodegroup update-nodegroup-config',
  ecr: 'create-repository delete-repository batch-delete-image put-image put-lifecycle-policy',
  rds: 'create-db-instance delete-db-instance modify-db-instance reboot-db-instance start-db-instance stop-db-instance create-db-snapshot delete-db-snapshot restore-db-instance-from-db-snapshot',
  dynamodb: 'scan query create-table delete-table update-table put-item update-item delete-item batch-write-item',
  cloudformation: 'create-stack update-stack delete-stack deploy create-change-set execute-change-set delete-change-set validate-template',
  cloudwatch: 'put-metric-alarm delete-alarms put-metric-data set-alarm-state',
  logs: 'tail filter-log-events start-query stop-query create-log-group delete-log-group put-retention-policy',
  route53: 'change-resource-record-sets create-hosted-zone delete-hosted-zone',
  sqs: 'send-message receive-message delete-message purge-queue create-queue delete-queue',
  sns: 'publish subscribe unsubscribe create-topic delete-topic',
  secretsmanager: 'create-secret delete-secret update-secret put-secret-value rotate-secret',
  ssm: 'put-parameter delete-parameter send-command start-automation-execution',
  kms: 'schedule-key-deletion cancel-key-deletion disable-key enable-key create-key create-alias delete-alias',
  elbv2: 'create-load-balancer delete-load-balancer create-target-group delete-target-group register-targets deregister-targets modify-listener',
  autoscaling: 'update-auto-scaling-group set-desired-capacity delete-auto-scaling-group',
  cloudfront: 'create-invalidation create-distribution update-distribution delete-distribution',
  apigateway: 'create-deployment delete-rest-api',
  backup: 'delete-recovery-point delete-backup-vault start-backup-job',
  elasticache: 'create-cache-cluster delete-cache-cluster reboot-cache-cluster',
  organizations: '',
  cloudtrail: 'lookup-events',
  'resourcegroupstaggingapi': '',
  'application-autoscaling': '',
  elb: '',
  kinesis: '',
  firehose: '',
  glue: '',
  athena: 'start-query-execution',
  stepfunctions: 'start-execution stop-execution',
  events: 'put-rule delete-rule put-targets remove-targets',
  acm: 'request-certificate delete-certificate',
  codebuild: 'start-build stop-build batch-get-builds batch-get-projects',
  codepipeline: 'start-pipeline-execution',
  budgets: '',
  ce: '',
  pricing: '',
  'service-quotas': '',
  efs: '',
  redshift: '',
  sesv2: '',
  wafv2: '',
  guardduty: '',
  securityhub: '',
  'cognito-idp': '',
  amplify: 'start-job',
  batch: 'submit-job cancel-job terminate-job',
  opensearch: '',
  sagemaker: '',
  xray: '',
  health: '',
  account: '',
  ram: '',
};
const S3_COPY = '--recursive --exclude= --include= --acl= --content-type= --cache-control= --metadata= --storage-class= --sse= --sse-kms-key-id= --dryrun --quiet --only-show-errors --no-progress --follow-symlinks --no-follow-symlinks --expires= --size-only --exact-timestamps --grants= --website-redirect= --request-payer= --source-region= --page-size= --checksum-algorithm=';
const AWS: ShapeSource = {
  // `--debug` prints the signed requests, session token included; `--endpoint-url` elsewhere sends them there.
  globals: '--region= --profile= --output= --query= --no-cli-pager --cli-auto-prompt --no-cli-auto-prompt --endpoint-url=check:endpoint --no-verify-ssl --no-paginate --color= --no-sign-request --ca-bundle= --cli-read-timeout= --cli-connect-timeout= --cli-binary-format=',
  opts: '--version',
  subs: {
    ...Object.fromEntries(Object.entries(AWS_SERVICES).map(([service, verbs]) => [service, group(verbs, AWS_OP, AWS_READ)])),
    s3: {
      subs: {
        ls: { opts: '--recursive --human-readable --summarize --page-size= --request-payer=', maxOperands: 1 },
        'cp|mv|sync': `${S3_COPY} --delete`,
        rm: '--recursive --exclude= --include= --dryrun --quiet --only-show-errors --request-payer=',
        mb: '',
        rb: '--force',
        presign: '--expires-in=',
        website: '--index-document= --error-document=',
      },
    },
    // `configure export-credentials`, `sso`: print or fetch credentials: left out.
    configure: { subs: { list: '', 'list-profiles': '', get: { maxOperands: 1 }, set: { maxOperands: 2 } } },
  },
};

const GCLOUD_PARAMS = opts(
  '--zone --region --location --cluster --service --platform --instance --database --member --role --image --image-family --image-project --machine-type ' +
    '--network --subnet --source --tag --tags --labels --port --ports --memory --cpu --min-instances --max-instances --topic --subscription --bucket ' +
    '--repository --keyring --key --version --config --description --display-name --type --allow --rules --source-ranges --target-tags --condition ' +
    '--num-nodes --node-pool --revision --job --execution --freshness --order --log --severity --env-vars-file --set-env-vars --runtime --trigger-http ' +
    '--entry-point --tier --storage-size --name',
  'check:arg',
);
const GCLOUD_LEAF: ShapeSource = { opts: `${GCLOUD_PARAMS} --async --no-async --quiet --recursive --long -l --allow-unauthenticated --no-allow-unauthenticated --all --internal-ip` };
const GCLOUD_GROUPS: Record<string, Group> = {
  // `compute ssh`/`scp`, `sql connect`, `auth print-access-token`, `secrets versions access`, `container clusters get-credentials`: left out.
  compute: ['', { instances: 'create delete start stop reset suspend resume add-metadata add-tags remove-tags set-machine-type', disks: 'create delete resize snapshot', 'firewall-rules': 'create delete update', networks: 'create delete', zones: '', regions: '', images: 'create delete', addresses: 'create delete', 'machine-types': '', 'instance-groups': ['', { managed: 'resize rolling-action', unmanaged: '' }], 'forwarding-rules': 'create delete', 'backend-services': '', snapshots: 'delete', operations: '' }],
  container: ['', { clusters: 'create delete resize upgrade update', 'node-pools': 'create delete update', images: 'delete', operations: '' }],
  run: ['deploy', { services: 'delete update update-traffic add-iam-policy-binding', revisions: 'delete', jobs: 'create delete execute update', regions: '' }],
  functions: ['deploy delete call logs', {}],
  projects: 'create delete add-iam-policy-binding remove-iam-policy-binding',
  config: ['get-value set unset', { configurations: 'activate create delete' }],
  auth: 'login revoke',
  iam: ['', { 'service-accounts': 'create delete add-iam-policy-binding', roles: 'create delete update' }],
  storage: ['ls cat cp mv rm', { buckets: 'create delete update add-iam-policy-binding', objects: 'delete update' }],
  sql: ['', { instances: 'create delete patch restart', databases: 'create delete', users: 'create delete', backups: 'create delete', operations: '' }],
  logging: ['read', { logs: 'delete', sinks: 'create delete update' }],
  pubsub: ['', { topics: 'create delete publish', subscriptions: 'create delete pull' }],
  secrets: ['create delete', { versions: 'add destroy disable' }],
  artifacts: ['', { repositories: 'create delete', docker: ['', { images: 'delete' }], packages: 'delete' }],
  builds: 'submit cancel log',
  app: ['deploy browse logs', { versions: 'delete stop start', services: 'delete set-traffic' }],
  dns: ['', { 'managed-zones': 'create delete', 'record-sets': 'create delete update' }],
  kms: ['encrypt', { keyrings: 'create', keys: 'create', locations: '' }],
  services: 'enable disable',
  organizations: '',
  billing: ['', { accounts: '', projects: 'link unlink' }],
  components: 'install update remove',
};
const GCLOUD: ShapeSource = {
  globals: '--project= --account= --configuration= --format= --filter= --limit= --page-size= --sort-by= --uri --quiet -q --verbosity= --impersonate-service-account= --billing-project= --flatten= --no-user-output-enabled --help -h',
  subs: { ...Object.fromEntries(Object.entries(GCLOUD_GROUPS).map(([name, g]) => [name, group(g, GCLOUD_LEAF, GCLOUD_READ)])), info: '--run-diagnostics', version: '' },
};

const AZ_PARAMS = opts(
  '-g --resource-group -n --name -l --location --ids --tags --account-name --vault-name --top --plan --slot --image --size --sku --cluster-name --kind ' +
    '--namespace-name --server -s --database-name --container-name --prefix --num-results --assignee --role --scope --filter --display-name --id --app-id ' +
    '--expand --resource-type --namespace --parent --vnet-name --nsg-name --admin-username --node-count --settings --runtime --deployment-container-image-name ' +
    '--template-file --parameters --mode --subscription-id --query-examples',
  'check:arg',
);
const AZ_LEAF: ShapeSource = { opts: `${AZ_PARAMS} --show-details -d --all --include-inherited --yes -y --no-wait --generate-ssh-keys --force` };
const AZ_GROUPS: Record<string, Group> = {
  // `account get-access-token`, `aks get-credentials`, `keyvault secret show`, `storage account keys`, `webapp config appsettings`: left out.
  group: 'create delete exists update wait',
  vm: 'create delete start stop restart deallocate resize open-port run-command',
  webapp: ['create delete start stop restart up browse', { deployment: ['', { slot: 'swap create delete' }], log: 'tail download' }],
  functionapp: 'create delete start stop restart',
  aks: 'create delete scale upgrade start stop nodepool',
  acr: ['create delete login', { repository: 'delete' }],
  storage: ['', { account: 'create delete update', container: 'create delete', blob: 'upload download delete' }],
  keyvault: ['create delete', {}],
  account: 'set',
  network: ['', { vnet: 'create delete', nsg: ['create delete', { rule: 'create delete update' }], 'public-ip': 'create delete', lb: 'create delete' }],
  sql: ['', { server: 'create delete', db: 'create delete' }],
  monitor: ['', { metrics: '', 'activity-log': '' }],
  role: ['', { assignment: 'create delete', definition: 'create delete' }],
  ad: ['', { sp: 'create-for-rbac delete', user: 'create delete', group: 'create delete', app: 'create delete' }],
  deployment: ['', { group: 'create delete validate what-if', sub: 'create delete' }],
  extension: 'add remove update',
  resource: 'delete tag',
};
const AZ: ShapeSource = {
  globals: '--subscription= -o= --output= --query= --only-show-errors --verbose --help -h',
  subs: { ...Object.fromEntries(Object.entries(AZ_GROUPS).map(([name, g]) => [name, group(g, AZ_LEAF, AZ_READ)])), version: '', login: '--use-device-code --tenant= -t= --identity --allow-no-subscriptions', logout: '' },
};

// ---------------------------------------------------------------------------------------------------- GitHub and hosting

const GH_JSON = '--json= -q= --jq= -t= --template= -w --web';
const GH_BODY = '-t= --title= -b= --body= -F= --body-file= -l= --label= -a= --assignee= -m= --milestone= -p= --project= -e --editor -w --web';
/** `gh repo clone r -- …` passes the rest to git clone (`--template`, `--config core.fsmonitor=…`): those stay unknown. */
const GH_CLONE_OPERANDS = { match: /^[^-]/, why: 'gh passes words after `--` to git clone, where options can run programs' };
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
        merge: '-m --merge -r --rebase -s --squash -d --delete-branch --auto --disable-auto --admin -b= --body= -F= --body-file= -t= --subject= --match-head-commit= -A= --author-email=',
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
    workflow: { subs: { 'list|ls': `-a --all -L= --limit= ${GH_JSON}`, view: `-r= --ref= -y --yaml ${GH_JSON}`, run: '-f= --raw-field= -F= --field= -r= --ref= --json', 'enable|disable': '' } },
    repo: {
      subs: {
        view: `-b= --branch= ${GH_JSON}`,
        'list|ls': `-L= --limit= --visibility= --fork --source --archived --no-archived -l= --language= --topic= ${GH_JSON}`,
        clone: { opts: '-u= --upstream-remote-name= --no-upstream', operands: GH_CLONE_OPERANDS },
        fork: { opts: '--clone=? --remote=? --remote-name= --org= --fork-name= --default-branch-only', operands: GH_CLONE_OPERANDS },
        create: '--public --private --internal -d= --description= -h= --homepage= --team= -p= --template= --clone -c --source= -s= --remote= -r= --push --add-readme -g= --gitignore= -l= --license= --disable-issues --disable-wiki --include-all-branches',
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
    auth: { subs: { status: '-h= --hostname= -a --active --json=', token: '-h= --hostname= -u= --user=', login: '-h= --hostname= -w --web --with-token -p= --git-protocol= -s= --scopes= --insecure-storage --skip-ssh-key --clipboard', logout: '-h= --hostname= -u= --user=', refresh: '-h= --hostname= -s= --scopes= -r= --remove-scopes= --reset-scopes --insecure-storage --clipboard', 'setup-git': '-h= --hostname= -f --force', switch: '-h= --hostname= -u= --user=' } },
    release: {
      subs: {
        'list|ls': `-L= --limit= --exclude-drafts --exclude-pre-releases -O= --order= ${GH_JSON}`,
        view: GH_JSON,
        download: '-p= --pattern= -A= --archive= -D=write --dir=write -O=write --output=write --clobber --skip-existing',
        create: '-t= --title= -n= --notes= -F= --notes-file= -d --draft -p --prerelease --target= --generate-notes --notes-start-tag= --latest=? --verify-tag --discussion-category= --fail-on-no-commits',
        edit: '-t= --title= -n= --notes= -F= --notes-file= --draft=? --prerelease=? --target= --tag= --latest=? --verify-tag --discussion-category=',
        upload: '--clobber',
        'delete|delete-asset': '-y --yes --cleanup-tag',
      },
    },
    gist: { subs: { 'list|ls': '-L= --limit= --public --secret --filter= --include-content', view: '-f= --filename= --files -r --raw -w --web', create: '-d= --desc= -f= --filename= -p --public -w --web', edit: '-a= --add= -d= --desc= -f= --filename= -r= --remove=', delete: '--yes', clone: { operands: GH_CLONE_OPERANDS } } },
    search: { subs: { 'repos|issues|prs|code|commits': `-L= --limit= ${GH_JSON} --owner= --repo= --language= --sort= --order= --state= --match= --include-forks= --archived=? --visibility= --topic= --stars= --forks= --created= --updated= --author= --assignee= --label= --filename= --extension= --size= --merged --draft --review= --checks= --base= --head= --app= --hash= --committer= --parent= --tree= --author-date= --committer-date= --mentions= --involves= --no-label --no-assignee --no-milestone --comments= --reactions= --interactions= --team-mentions= --language= --license= --good-first-issues= --help-wanted-issues= --number-topics= --followers= --locked --closed= --visibility=` } },
    status: '-o= --org= -e= --exclude=',
    browse: '-b= --branch= -c --commit=? -n --no-browser -p --projects -r --releases -s --settings -w --wiki -a --actions',
    label: { subs: { 'list|ls': `-L= --limit= -S= --search= --sort= --order= ${GH_JSON}`, create: '-c= --color= -d= --description= -f --force', edit: '-c= --color= -d= --description= -n= --name=', delete: '--yes', clone: '-f --force' } },
    secret: { subs: { 'list|ls': '-o= --org= -e= --env= -u --user -a= --app= --json= -q= -t=', set: '-b= --body= -o= --org= -e= --env= -u --user -a= --app= -v= --visibility= -r= --repos= -f= --env-file= --no-store --no-repos-selected', 'delete|remove': '-o= --org= -e= --env= -u --user -a= --app=' } },
    variable: { subs: { 'list|ls': '-o= --org= -e= --env= --json= -q= -t=', get: '-o= --org= -e= --env= --json= -q= -t=', set: '-b= --body= -o= --org= -e= --env= -v= --visibility= -r= --repos= -f= --env-file=', 'delete|remove': '-o= --org= -e= --env=' } },
    cache: { subs: { 'list|ls': `-L= --limit= -S= --sort= -O= --order= -k= --key= -r= --ref= ${GH_JSON}`, delete: '-a --all' } },
    // `extension exec`, `alias set`, `config set editor|browser|pager`: programs to run: left out.
    extension: { subs: { 'list|ls': '', 'install': '--force --pin=', upgrade: '--all --force --dry-run', 'remove|rm': '', search: `-L= --limit= --license= --order= --owner= --sort= ${GH_JSON}`, browse: '' } },
    alias: { subs: { list: '' } },
    config: { subs: { get: '-h= --host=', list: '-h= --host=' } },
    ruleset: { subs: { 'list|ls': '-L= --limit= -o= --org= -p --parents -w --web', view: '-o= --org= -p --parents -w --web', check: '--default -w --web' } },
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
  globals: '--cwd= --debug -d --global-config= -Q= --local-config=load -A=load --scope= -S= --token= -t= --no-color -h --help -v --version -y --yes',
  opts: '--prod --prebuilt --target= -e= --env= -b= --build-env= --force -f --with-cache --archive= --no-wait --public -p --regions= -m= --meta= --skip-domain --logs -l',
  subs: {
    'ls|list': '-m= --meta= --prod --environment= -s= --status= --next= -N=',
    inspect: '--logs -l --wait --timeout= --json',
    logs: '-f --follow -j --json -n= --limit= -o= --output= --since= --until= -x= --query= --level= --source= --status-code= --environment= --deployment=',
    whoami: '',
    env: { subs: { 'ls|list': '--environment=', add: '--sensitive --force', 'rm|remove': '', pull: '--environment= --git-branch=' } },
    deploy: '--prod --prebuilt --target= -e= --env= -b= --build-env= --force -f --with-cache --archive= --no-wait --public -p --regions= -m= --meta= --skip-domain --logs -l',
    build: '--prod --target= --output=write',
    dev: '--listen= -l= --port= -p=',
    pull: '--environment= --git-branch= --prod',
    link: '-p= --project= --repo',
    'domains|domain': { subs: { 'ls|list': '--limit= --next=', inspect: '', add: '--force', 'rm|remove': '', buy: '', move: '', verify: '' } },
    dns: { subs: { 'ls|list': '--limit= --next=', add: '', 'rm|remove': '', import: '' } },
    certs: { subs: { 'ls|list': '--limit= --next=', add: '--crt= --key= --ca=', 'rm|remove': '', issue: '--challenge-only' } },
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
    deploy: '--prod --prod-if-unlocked --alias= --branch= -b= --dir= -d= --functions= -f= --message= -m= --open -o --site= -s= --timeout= --trigger --build --no-build --skip-functions-cache --context=',
    build: '--context= --dry --offline -o',
    'dev|serve': '-p= --port= --target-port= -c= --command= --dir= -d= --functions= --offline --context= --live --framework=',
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
    logs: '-d --deployment -b --build -s= --service= -e= --environment=',
    'up|deploy': '-d --detach -c --ci -s= --service= -e= --environment= --verbose -m= --message=',
    run: { command: 'argv' },
    'link|init|login|domain|environment|service|redeploy|down|add': '-p= --project= -e= --environment= -s= --service= -n= --name= -d= --database= -y --yes -b --browserless',
  },
};
const FLY_APP = '-a= --app= -c= --config=';
const FLY: ShapeSource = {
  globals: '-t= --access-token= --verbose --debug -j --json -h --help',
  // `ssh`, `proxy`, `console`, `postgres connect`, `launch`, `auth token`, `secrets import`: left out.
  subs: {
    status: `${FLY_APP} --all -w --watch --rate=`,
    logs: `${FLY_APP} -n --no-tail -r= --region= -i= --instance= -m= --machine=`,
    apps: { subs: { 'list|ls': '-o= --org= -q --quiet', destroy: '-y --yes', restart: `${FLY_APP} --force-stop`, open: FLY_APP } },
    'machine|machines|m': { subs: { 'list|ls': `${FLY_APP} -q --quiet`, status: `${FLY_APP} -d --display-config`, 'start|stop|restart': `${FLY_APP} -s= --signal= --timeout= --skip-health-checks`, 'destroy|remove|rm': `${FLY_APP} -f --force` } },
    deploy: `${FLY_APP} --image= -i= --remote-only --local-only --strategy= --dockerfile= --build-arg= --env= -e= --ha=? --detach --now -y --yes --no-cache --wait-timeout= --build-only --push`,
    secrets: { subs: { 'list|ls': FLY_APP, set: `${FLY_APP} --stage --detach`, unset: `${FLY_APP} --stage --detach` } },
    scale: { subs: { show: FLY_APP, count: `${FLY_APP} -y --yes --region= -r= --process-group=`, 'vm|memory': `${FLY_APP} --vm-memory= --process-group=` } },
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
  globals: '--workdir= --debug --experimental -o= --output= --profile= --yes --create-ticket --network-id= --dns-resolver= -h --help',
  subs: {
    'status|start|stop|init|link|login|logout|unlink': '--project-ref= -p= --password= --no-backup --ignore-health-check -x= --exclude= --token= --name= --with-vscode-settings --with-intellij-settings --force',
    migration: { subs: { 'list|ls': '--db-url= --linked --local -p= --password=', new: '', 'up|repair|squash|fetch': '--db-url= --linked --local --status= --version= --include-all' } },
    db: { subs: { diff: '-f=write --file=write --db-url= --linked --local --schema= -s= --use-migra --use-pgadmin --use-pg-schema', lint: '--db-url= --linked --local --level= --fail-on= -s= --schema=', reset: '--db-url= --linked --local --version= --no-seed', 'push|pull': '--db-url= --linked --local --dry-run --include-all --include-roles --include-seed -s= --schema= -p= --password=', dump: '-f=write --file=write --db-url= --linked --local --data-only --role-only --schema-only -s= --schema= -x= --exclude= --use-copy --keep-comments --dry-run', start: '' } },
    gen: { subs: { types: { subs: { 'typescript|go|swift': '--local --linked --project-id= --db-url= -s= --schema= --postgrest-v9-compat' } } } },
    projects: { subs: { 'list|ls': '' } },
    functions: { subs: { 'list|ls': '--project-ref=', new: '', serve: '--env-file= --no-verify-jwt --import-map= --inspect --inspect-mode= --inspect-main', deploy: '--project-ref= --no-verify-jwt --import-map= --use-api --use-docker', 'delete|download': '--project-ref=' } },
    secrets: { subs: { 'list|ls': '--project-ref=' } },
  },
};
const FIREBASE: ShapeSource = {
  // firebase.json's predeploy hooks are shell commands: another one is code.
  globals: '-P= --project= --token= --non-interactive -j --json --debug --config=load -i --interactive -h --help',
  subs: {
    'projects:list|apps:list|hosting:channel:list|functions:list|use|login:list|open|target': '--add --alias= --unalias= --clear',
    deploy: '--only= --except= -m= --message= --force',
    'emulators:start|serve': '--only= --except= --import= --export-on-exit=write --inspect-functions=? --host= -p= --port= --log-verbosity=',
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
    'deploy|publish': '--name= --dry-run --outdir=write --minify --var= --define= --triggers= --routes= --compatibility-date= --keep-vars --no-bundle -x=',
    whoami: '--account=',
    tail: '--format= --status= --header= --method= --sampling-rate= --search= --ip= --version-id=',
    kv: { subs: { namespace: { subs: { 'list|ls': '' } }, key: { subs: { 'list|ls': '--binding= --namespace-id= --prefix= --local --remote --preview', get: '--binding= --namespace-id= --local --remote --preview --text' } } } },
    d1: { subs: { 'list|ls': '--json', info: '--json', migrations: { subs: { 'list|ls': '--local --remote --preview', apply: '--local --remote --preview' } } } },
    secret: { subs: { 'list|ls': '--name=' } },
    pages: { subs: { deployment: { subs: { 'list|ls': '--project-name= --environment=' } }, project: { subs: { 'list|ls': '' } }, dev: '--port= --ip= --local-protocol= --compatibility-date=', deploy: '--project-name= --branch= --commit-hash= --commit-message= --commit-dirty=?' } },
    r2: { subs: { bucket: { subs: { 'list|ls': '' } } } },
    'deployments|versions': { subs: { 'list|ls': '--name= --json', view: '--json' } },
    'types|login|logout|init|docs': '--browser=? --scopes= --yes -y',
  },
};

// ---------------------------------------------------------------------------------------------------- ansible

// `-m`/`-a` (a module and its arguments, `-m shell -a '…'`), `--ssh-common-args`/`--ssh-extra-args` (ssh
// `-o ProxyCommand=…`) and a vault password file (run when it is executable) are left out or loaded.
const ANSIBLE_COMMON =
  '-i= --inventory= -l= --limit= -e= --extra-vars= -C --check -D --diff -v -vv -vvv -vvvv --verbose -f= --forks= -u= --user= -k --ask-pass ' +
  '-K --ask-become-pass -b --become --become-user= --become-method= -c= --connection= -T= --timeout= --vault-id= --vault-password-file=load ' +
  '--ask-vault-pass -J --ask-vault-password --private-key= --key-file= --list-hosts --playbook-dir= --version -h --help';
const ANSIBLE_PLAYBOOK = `${ANSIBLE_COMMON} --syntax-check --list-tasks --list-tags -t= --tags= --skip-tags= --step --start-at-task= --flush-cache --force-handlers`;

// ---------------------------------------------------------------------------------------------------- databases

const PG_CONN = '-h= --host= -p= --port= -U= --username= -w --no-password -W --password -d= --dbname= -V --version -? --help';
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
const MYSQL_CONN = '-h= --host= -P= --port= -u= --user= -p=? --password=? --protocol= -S= --socket= --ssl-mode= --ssl-ca= --ssl-cert= --ssl-key= --default-character-set= --connect-timeout= --compress -C --no-defaults -V --version -? --help';
const MYSQL = `${MYSQL_CONN} -D= --database= -e=check:mysql --execute=check:mysql -B --batch -N --skip-column-names -s --silent -t --table -E --vertical -r --raw -v --verbose -X --xml -H --html --column-names --safe-updates -U --i-am-a-dummy -A --no-auto-rehash --tee=write -f --force`;
const MYSQLDUMP = `${MYSQL_CONN} -r=write --result-file=write --single-transaction --quick -q --no-data -d --no-create-info -t --routines -R --triggers --events -E --databases -B --all-databases -A --add-drop-table --add-drop-database --skip-lock-tables --lock-tables --set-gtid-purged= --column-statistics=? --compact --complete-insert -c --extended-insert --skip-extended-insert --hex-blob --where= -w= --ignore-table= --max-allowed-packet= --skip-comments --no-tablespaces --order-by-primary -v --verbose --skip-add-locks --add-locks`;
const MONGO_CONN = '--host= --port= -u= --username= -p= --password= --authenticationDatabase= --authenticationMechanism= --tls --tlsCAFile= --tlsCertificateKeyFile= --uri= --quiet -v --verbose --version -h --help';
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
    revision: '-m= --message= --autogenerate --sql --head= --splice --branch-label= --version-path= --rev-id= --depends-on=',
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
    db: { subs: { push: '--accept-data-loss --force-reset --skip-generate', pull: '--force --print --composite-type-depth=', seed: '', execute: '--file= --stdin --url=' } },
    migrate: { subs: { dev: '-n= --name= --create-only --skip-generate --skip-seed', reset: '-f --force --skip-generate --skip-seed', 'deploy|status': '', resolve: '--applied= --rolled-back=', diff: '--from-empty --from-schema-datasource= --from-schema-datamodel= --from-url= --from-migrations= --to-empty --to-schema-datasource= --to-schema-datamodel= --to-url= --to-migrations= --shadow-database-url= --script --exit-code -o=write --output=write' } },
    studio: '-p= --port= -b= --browser= -n= --hostname=',
  },
};
const KNEX: ShapeSource = {
  // The knexfile is code; `--require` loads modules before it.
  globals: '--knexfile=load --knexpath=load --require=load --cwd= --env= --esm --client= --connection= --migrations-directory= --migrations-table-name= --timestamp-filename-prefix --debug -x= --stub= -h --help -V --version',
  subs: {
    init: '',
    'migrate:make|seed:make': '',
    'migrate:latest|migrate:up|migrate:down|migrate:rollback|migrate:currentVersion|migrate:list|migrate:status|migrate:unlock': '--all --name= --disable-migrations-list-validation',
    'seed:run': '--specific=',
  },
};
const SEQUELIZE: ShapeSource = {
  globals: '--env= --config=load --options-path=load --migrations-path= --seeders-path= --models-path= --url= --debug -h --help -v --version',
  subs: {
    'db:migrate|db:migrate:status|db:migrate:undo|db:migrate:undo:all|db:seed|db:seed:all|db:seed:undo|db:seed:undo:all|db:create|db:drop': '--to= --from= --name= --seed= --charset= --collate= --encoding= --ctype= --template=',
    'init|init:config|init:migrations|init:models|init:seeders': '--force',
    'migration:generate|migration:create|model:generate|model:create|seed:generate|seed:create': '--name= --attributes= --force --underscored',
  },
};
const DRIZZLE: ShapeSource = {
  // drizzle.config.ts is code.
  globals: '--config=load --dialect= --schema= --out= --url= --host= --port= --user= --password= --database= --ssl --verbose --strict --force --breakpoints -h --help',
  subs: { generate: '--name= --custom --prefix=', 'migrate|push|up|check|studio|drop|export': '--port= --host=', 'pull|introspect': '--introspect-casing= --tablesFilter= --schemaFilter= --extensionsFilters=' },
};
const FLYWAY: ShapeSource = {
  singleDash: true,
  // `-jarDirs`, `-callbacks`, `-resolvers`: Java code to load: left out; another config file is loaded.
  globals: '-url= -user= -password= -schemas= -defaultSchema= -table= -target= -locations= -baselineVersion= -baselineOnMigrate= -outOfOrder= -validateOnMigrate= -cleanDisabled= -connectRetries= -environment= -outputType= -configFiles=load -X -q -n -v -?',
  subs: { 'info|validate|migrate|clean|baseline|repair|undo|check|version|help': '' },
};
const LIQUIBASE: ShapeSource = {
  globals: '--changelog-file= --changeLogFile= --url= --username= --password= --defaults-file=load --classpath=load --driver= --log-level= --search-path= --contexts= --labels= --output-file=write --show-banner=? -h --help -v --version',
  subs: {
    'status|history|validate|update|update-sql|updateSQL|update-count|rollback|rollback-count|rollbackCount|rollback-to-date|rollback-sql|drop-all|dropAll|diff|changelog-sync|changelogSync|clear-checksums|clearCheckSums|tag|tag-exists|list-locks|release-locks|releaseLocks|unexpected-changesets|calculate-checksum|future-rollback-sql':
      '--verbose --count= --tag= --date= --reference-url= --reference-username= --reference-password= --force',
  },
};
const DBMATE: ShapeSource = {
  globals: '-u= --url= -e= --env= --env-file= -d= --migrations-dir= --migrations-table= -s= --schema-file= --no-dump-schema --strict --wait --wait-timeout= -v --verbose -h --help',
  subs: { 'new|n|up|create|drop|migrate|rollback|down|dump|load|wait|version': '', status: '--exit-code --quiet' },
};
const GOOSE: ShapeSource = { singleDash: true, opts: '-dir= -table= -v -s -allow-missing -no-versioning -certfile= -ssl-cert= -ssl-key= -timeout= -h -version -env= -no-color -c' };
const MIGRATE: ShapeSource = { singleDash: true, opts: '-path= -database= -source= -verbose -version -help -prefetch= -lock-timeout= -f -ext= -dir= -seq -digits= -format= -tz= -all' };

export const INFRA_SHAPES: Record<string, ShapeSource | string> = {
  docker: DOCKER,
  podman: DOCKER,
  nerdctl: DOCKER,
  'docker-compose': COMPOSE_CLI,
  'podman-compose': COMPOSE_CLI,
  kubectl: KUBECTL,
  k: KUBECTL,
  helm: HELM,
  minikube: MINIKUBE,
  kind: KIND,
  terraform: TERRAFORM,
  tofu: TERRAFORM,
  aws: AWS,
  gcloud: GCLOUD,
  az: AZ,
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
  ansible: { opts: `${ANSIBLE_COMMON} -o --one-line -t=write --tree=write -B= --background= -P= --poll=` },
  'ansible-playbook': { opts: ANSIBLE_PLAYBOOK },
  'ansible-inventory': { opts: '-i= --inventory= --list --graph --host= -y --yaml --toml --vars --export --output=write --playbook-dir= --limit= -l= --vault-id= --ask-vault-pass -v -vv -vvv --version -h --help' },
  'ansible-doc': '-l --list -t= --type= -s --snippet -j --json -F --list_files -M= --module-path= -h --help --version',
  'ansible-vault': { globals: '--vault-id= --vault-password-file=load --ask-vault-pass -v -h --help', subs: { 'view|encrypt|decrypt|create|edit|rekey|encrypt_string': '--output=write --encrypt-vault-id= --new-vault-id= --new-vault-password-file=load -n= --name= -p --prompt --stdin-name=' } },
  psql: { opts: PSQL, maxOperands: 2 },
  pg_dump: { opts: PG_DUMP, maxOperands: 1 },
  pg_dumpall: { opts: PG_DUMP, maxOperands: 0 },
  pg_restore: { opts: PG_RESTORE, maxOperands: 1 },
  pg_isready: { opts: '-d= --dbname= -h= --host= -p= --port= -U= --username= -t= --timeout= -q --quiet -V --version -? --help', maxOperands: 0 },
  createdb: { opts: CREATEDB, maxOperands: 2 },
  dropdb: { opts: `${PG_CONN} -e --echo -i --interactive --if-exists -f --force --maintenance-db=`, maxOperands: 1 },
  createuser: { opts: `${PG_CONN} -e --echo -s --superuser -S --no-superuser -d --createdb -D --no-createdb -r --createrole -R --no-createrole -l --login -L --no-login -P --pwprompt -i --inherit -I --no-inherit -c= --connection-limit= -g= --role= --interactive --replication --no-replication`, maxOperands: 1 },
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
  // Infrastructure checkers that only read manifests and print (what they read is judged by the secrets rules).
  kubeconform: { singleDash: true, opts: '-strict -summary -verbose -skip= -reject= -schema-location= -kubernetes-version= -output= -n= -ignore-missing-schemas -ignore-filename-pattern= -insecure-skip-tls-verify -exit-on-error -debug -v -h' },
  kubeval: '--strict --ignore-missing-schemas --kubernetes-version= -v= --schema-location= --additional-schema-locations= -o= --output= --skip-kinds= --exit-on-error -d= --directories= --quiet --force-color --insecure-skip-tls-verify',
  'kube-linter': { subs: { lint: '--config= --format= --fail-on-invalid-resource --add-all-built-in --do-not-auto-add-defaults --include= --exclude= -v --verbose', checks: { subs: { list: '--format=' } }, version: '' } },
  tflint: '--init --recursive --chdir= --format= -f= --config= -c= --force --minimum-failure-severity= --no-color --color --only= --enable-rule= --disable-rule= --module --no-module --call-module-type= --var-file= --var= --fix --loglevel= -v --version -h --help',
  tfsec: '--format= -f= --out=write -O=write --soft-fail -s --minimum-severity= -m= --exclude= -e= --concise-output --no-color --include-passed --exclude-downloaded-modules --tfvars-file= --config-file= --force-all-dirs --verbose --version',
  checkov: '-d= --directory= -f= --file= --framework= --skip-framework= -c= --check= --skip-check= -o= --output= --output-file-path= --quiet --compact --soft-fail --download-external-modules= --var-file= --skip-path= --config-file= --repo-id= -v --version --list',
  terrascan: { subs: { scan: '-d= --iac-dir= -f= --iac-file= -i= --iac-type= -t= --policy-type= -o= --output= --verbose --skip-rules= --non-recursive', version: '' } },
  'terraform-docs': { subs: { 'markdown|md|json|yaml|table|asciidoc': '--output-file= --output-mode= --config= --recursive' }, subOptional: true },
  // `cdk synth`/`diff`/`ls` render or compare locally; deploy and destroy are judged by rules/cloud.ts (iac).
  cdk: { globals: '--app= -a= --context= -c= --profile= --region= --verbose -v --json -j --quiet -q --no-color --ci --output= -o= --strict --lookups --no-lookups --debug --version --help', subs: { 'synth|synthesize': '--exclusively -e --validation --no-validation --quiet -q', diff: '--exclusively -e --context-lines= --template= --strict --security-only --fail --no-change-set --processed', 'ls|list': '--long -l --show-dependencies -d', doctor: '', docs: '', 'deploy|destroy': '--all --require-approval= --force -f --exclusively -e --hotswap --no-rollback --outputs-file= --parameters= --tags= --method= --concurrency=' } },
};
