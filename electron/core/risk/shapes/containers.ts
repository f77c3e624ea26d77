// Containers and clusters: docker and the CLIs shaped like it (podman, nerdctl), compose, kubectl, helm, minikube,
// kind, and the checkers that read Kubernetes manifests. The rules (rules/containers.ts) give the score; these
// tables only prove every word is known. Written with the agent as the adversary:
// - what loads code or a configuration that names programs is `=load` (`kubectl --kubeconfig`: exec credential
//   plugins; `helm --registry-config`, `docker --config`: credential helpers; compose `-f`, `kind --config`);
// - a program run on the tool's output is judged as that program and never low (`helm --post-renderer`, checked;
//   its `--post-renderer-args` are left out);
// - what gives a container or a VM this machine, or passes words on, is left out, so it stays unknown (medium):
//   `docker volume create -o`, `kubectl config set-credentials`, `kubectl kustomize --enable-exec`,
//   `minikube ssh`/`mount`/`kubectl`.
import type { Table } from './common.ts';
import type { ShapeSource } from './spec.ts';

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
  up:
    '-d --detach --build --no-build --pull= --force-recreate --no-recreate --no-deps --remove-orphans --wait --wait-timeout= --abort-on-container-exit ' +
    '--abort-on-container-failure --exit-code-from= -t= --timeout= --scale= --no-start --no-color --quiet-pull -V --renew-anon-volumes ' +
    '--always-recreate-deps --attach= --no-attach= --attach-dependencies -y --yes -w --watch --menu=?',
  down: '-v --volumes --rmi= --remove-orphans -t= --timeout=',
  build: '--no-cache --pull --build-arg= -q --quiet --parallel --progress= --push --with-dependencies -m= --memory=',
  'config|convert':
    '--services --volumes --profiles --images -q --quiet --format= --hash= --resolve-image-digests --no-interpolate --no-normalize ' +
    '--no-consistency --no-path-resolution -o=write --output=write --environment --variables',
  exec: {
    opts: '-d --detach -e= --env= -i --interactive -t --tty -T --no-TTY -u= --user= -w= --workdir= --index= --privileged',
    stopAt: 'first-operand',
  },
  run: {
    opts: `${D_RUN} -T --no-TTY --no-deps --service-ports --use-aliases --build --remove-orphans`,
    stopAt: 'first-operand',
  },
  'start|stop|restart|pause|unpause|kill': '-t= --timeout= -s= --signal= --remove-orphans',
  rm: '-f --force -s --stop -v --volumes',
  pull: '-q --quiet --ignore-pull-failures --include-deps --ignore-buildable --policy=',
  push: '-q --quiet --ignore-push-failures --include-deps',
  'images|top|port|version|events|create|wait':
    '-q --quiet --format= --short --json --build --force-recreate --no-build --no-recreate --pull= --remove-orphans -y --index= --protocol= --down-project',
  watch: '--no-up --prune --quiet',
  cp: '-a --archive -L --follow-link --index=',
};
const COMPOSE_TOP =
  '--file=load -f=load -p= --project-name= --profile= --env-file= --project-directory= --ansi= --progress= --parallel= --compatibility --dry-run --all-resources';

const DOCKER_CONTAINER: Record<string, Table> = {
  'ps|ls|list': `-a --all ${D_FORMAT} -n= --last= -l --latest -s --size`,
  inspect: '-f= --format= -s --size --type=',
  logs: '--details -f --follow --since= -n= --tail= -t --timestamps --until=',
  'run|create': { opts: D_RUN, stopAt: 'first-operand' },
  exec: {
    opts: '-d --detach -i --interactive -t --tty -e= --env= --env-file= -u= --user= -w= --workdir= --privileged --detach-keys=',
    stopAt: 'first-operand',
  },
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
    network: {
      subs: {
        'ls|list': D_FORMAT,
        inspect: '-f= --format= -v --verbose',
        create: '-d= --driver= --subnet= --gateway= --ip-range= --internal --attachable --label= --ipv6',
        'rm|remove': '-f --force',
        prune: '-f --force --filter=',
        connect: '--alias= --ip= --ip6=',
        disconnect: '-f --force',
      },
    },
    // `volume create -o`: driver options can bind any host path into a volume, so they are left out.
    volume: {
      subs: {
        'ls|list': `${D_FORMAT} --cluster`,
        inspect: '-f= --format=',
        create: '-d= --driver= --label= --name=',
        'rm|remove': '-f --force',
        prune: '-a --all -f --force --filter=',
      },
    },
    system: {
      subs: {
        df: '-v --verbose --format=',
        info: '-f= --format=',
        prune: '-a --all -f --force --volumes --filter=',
        events: '--since= --until= -f= --filter= --format=',
      },
    },
    context: { subs: { 'ls|list': '--format= -q --quiet', show: '', inspect: '-f= --format=', use: '' } },
    builder: {
      subs: {
        'ls|list': '--format=',
        inspect: '--bootstrap',
        prune: '-a --all -f --force --filter= --keep-storage=',
        build: D_BUILD,
        du: '--filter= --verbose',
      },
    },
    buildx: {
      opts: '--builder=',
      subs: {
        build: D_BUILD,
        'ls|list': '--format= --no-trunc',
        inspect: '--bootstrap',
        du: '--filter= --verbose',
        prune: '-a --all -f --force --filter= --keep-storage=',
        version: '',
        use: '--default --global',
      },
    },
    compose: { opts: COMPOSE_TOP, subs: COMPOSE },
  },
};
const COMPOSE_CLI: ShapeSource = { opts: COMPOSE_TOP, globals: '--help', subs: COMPOSE };

// ---------------------------------------------------------------------------------------------------- kubernetes

const K_GLOBAL =
  '-n= --namespace= --context= --cluster= --user= -s= --server= --kubeconfig=load --as= --as-group= --as-uid= --insecure-skip-tls-verify ' +
  '--certificate-authority= --request-timeout= -v= --match-server-version --cache-dir= --tls-server-name= --warnings-as-errors --disable-compression --help -h';
const K_SELECT =
  '-l= --selector= --field-selector= -A --all-namespaces --all -f= --filename= -R --recursive -k= --kustomize=';
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
    top: {
      opts: '--containers --use-protocol-buffers --sort-by= --no-headers --sum -l= --selector= -A --all-namespaces --field-selector= --show-capacity',
    },
    explain: '--recursive --api-version= --output=',
    'api-resources':
      '--namespaced=? --api-group= --verbs= --no-headers -o= --output= --sort-by= --cached --categories=',
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
    rollout: {
      subs: {
        status: '-w --watch --revision= --timeout= -l= --selector= -f= -R',
        history: '--revision= -o= -l= -f= -R',
        'restart|pause|resume': `${K_WRITE}`,
        undo: `--to-revision= ${K_WRITE}`,
      },
    },
    auth: {
      subs: { 'can-i': '--list --no-headers -q --quiet --subresource= -A --all-namespaces', whoami: '-o= --output=' },
    },
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
    set: {
      subs: {
        'image|env|resources|selector|serviceaccount|subject': `${K_WRITE} -c= --containers= -e= --env= --from= --keys= --list --prefix= --resolve --limits= --requests= --serviceaccount= --group= --user=`,
      },
    },
    'taint|cordon|uncordon': `${K_WRITE}`,
    drain: `${K_WRITE} --force --ignore-daemonsets --delete-emptydir-data --delete-local-data --grace-period= --timeout= --disable-eviction --pod-selector= --skip-wait-for-delete-timeout= --chunk-size=`,
    wait: `${K_SELECT} ${K_OUT} --for= --timeout=`,
    diff: `${K_SELECT} --server-side --force-conflicts --field-manager= --prune --prune-allowlist= --concurrency= --show-managed-fields`,
    exec: '-c= --container= -i --stdin -t --tty -q --quiet --pod-running-timeout= -f= --filename=',
    attach: '-c= --container= -i --stdin -t --tty -q --quiet --pod-running-timeout=',
    run: `${K_WRITE} --image= --restart= --rm -i --stdin -t --tty --env= --port= --labels= --command --overrides= --privileged --expose --attach=? --image-pull-policy= --annotations= --pod-running-timeout= --leave-stdin-open -q --quiet --timeout=`,
    debug:
      '-i --stdin -t --tty --image= --target= --profile= --copy-to= --replace --share-processes=? -c= --container= --env= --set-image= --attach=? -q --quiet --arguments-only --custom= --image-pull-policy=',
    cp: '-c= --container= --no-preserve --retries=',
    proxy: '-p= --port= --address= --accept-hosts= --api-prefix= --reject-paths=',
    certificate: { subs: { 'approve|deny': '--force -o= -f= -R' } },
    // `--enable-alpha-plugins`, `--enable-exec`, `--enable-helm`, `--helm-command`: programs kustomize runs, left out.
    kustomize: '-o=write --output=write --load-restrictor= --reorder= --enable-managedby-label',
    completion: '',
    plugin: { subs: { list: '--name-only' } },
  },
};

const HELM_CHART =
  '--version= --repo= --username= --password= --ca-file= --cert-file= --key-file= --insecure-skip-tls-verify --plain-http --pass-credentials --verify --keyring= --devel';
const HELM_RENDER =
  `${HELM_CHART} -f= --values= --set= --set-string= --set-file= --set-json= --set-literal= --dry-run=? --wait --wait-for-jobs --timeout= --atomic ` +
  '--create-namespace --install -i --reuse-values --reset-values --reset-then-reuse-values --force --cleanup-on-fail --description= --dependency-update ' +
  '--disable-openapi-validation --skip-crds --skip-schema-validation --no-hooks --render-subchart-notes --history-max= --labels= -l= --enable-dns ' +
  '--take-ownership --hide-notes --hide-secret -g --generate-name --name-template= --replace -o= --output= --post-renderer=check:program';
const HELM: ShapeSource = {
  globals:
    '-n= --namespace= --kube-context= --kubeconfig=load --kube-apiserver= --kube-as-user= --kube-as-group= --kube-ca-file= --kube-insecure-skip-tls-verify --kube-tls-server-name= --burst-limit= --qps= --debug --registry-config=load --repository-config= --repository-cache= --help -h',
  subs: {
    'install|upgrade': HELM_RENDER,
    template: `${HELM_RENDER} --output-dir=write -s= --show-only= -a= --api-versions= --kube-version= --is-upgrade --include-crds --release-name --validate --skip-tests`,
    lint: `${HELM_RENDER} --strict --with-subcharts --quiet`,
    'list|ls':
      '-a --all -A --all-namespaces -d --date -m= --max= -o= --output= -q --short -r --reverse --deployed --failed --pending --superseded --uninstalled --uninstalling --filter= -f= --offset= --no-headers --time-format= -l= --selector=',
    status: '--revision= -o= --output= --show-desc --show-resources',
    'history|hist': '--max= -o= --output=',
    get: { subs: { 'all|values|manifest|hooks|notes|metadata': '--revision= -a --all -o= --output= --template=' } },
    'show|inspect': { subs: { 'all|chart|readme|values|crds': `${HELM_CHART} --jsonpath=` } },
    search: {
      subs: {
        'repo|hub':
          '-r --regexp --versions -l --devel --version= -o= --output= --max-col-width= --endpoint= --list-repo-url --fail-on-no-result',
      },
    },
    repo: {
      subs: {
        add: '--username= --password= --pass-credentials --force-update --no-update --insecure-skip-tls-verify --ca-file= --cert-file= --key-file= --allow-deprecated-repos',
        'list|ls': '-o= --output=',
        'update|up': '--fail-on-repo-update-fail',
        'remove|rm': '',
        index: '--url= --merge=',
      },
    },
    'dependency|dep': {
      subs: {
        build: '--skip-refresh --verify --keyring=',
        'update|up': '--skip-refresh --verify --keyring=',
        'list|ls': '--max-col-width=',
      },
    },
    'uninstall|delete|del|un':
      '--dry-run --keep-history --no-hooks --timeout= --wait --cascade= --description= --ignore-not-found',
    rollback:
      '--dry-run --force --no-hooks --recreate-pods --timeout= --wait --wait-for-jobs --cleanup-on-fail --history-max=',
    test: '--filter= --logs --timeout=',
    'pull|fetch': `${HELM_CHART} --untar --untardir=write -d=write --destination=write --prov`,
    package: '-d=write --destination=write --version= --app-version= -u --dependency-update --sign --key= --keyring=',
    push: '--insecure-skip-tls-verify --plain-http --ca-file= --cert-file= --key-file=',
    version: '--short --template=',
    env: '',
    create: '-p= --starter=',
    verify: '--keyring=',
    plugin: { subs: { 'list|ls': '', install: '--version=', 'uninstall|rm|remove': '', update: '' } },
    registry: {
      subs: {
        login: '-u= --username= -p= --password= --password-stdin --insecure --ca-file= --cert-file= --key-file=',
        logout: '',
      },
    },
    completion: '',
  },
};

const MINIKUBE: ShapeSource = {
  globals: '-p= --profile= --alsologtostderr -v= --logtostderr --help -h',
  // `minikube kubectl`, `ssh`, `mount`, `tunnel`: they pass words on, or give the VM this machine: left out.
  subs: {
    start:
      '--driver= --cpus= --memory= --disk-size= --kubernetes-version= --nodes= -n= --addons= --container-runtime= --image-mirror-country= --vm-driver= --force --wait= --listen-address= --ports= --cni= --extra-config= --feature-gates= --insecure-registry= --registry-mirror= --base-image= --iso-url= --apiserver-ips= --apiserver-names= --dns-domain= --keep-context --delete-on-failure --interactive=? --preload=? --gpus=',
    'stop|pause|unpause': '--all --keep-context-active -A --all-namespaces',
    delete: '--all --purge',
    status: '-o= --output= -f= --format= -l= --layout= -n= --node=',
    'ip|logs|version|update-context|update-check|docker-env|podman-env':
      '-n= --node= -f --follow --length= --problems --file=write --short -o= --output= --shell= -u --unset --no-proxy',
    dashboard: '--url --port=',
    service: {
      subOptional: true,
      opts: '--url -n= --namespace= --https --format= --interval= --wait=',
      subs: { list: '-n= --namespace= -o=' },
    },
    addons: {
      subs: {
        'list|ls': '-o= --output=',
        'enable|disable': '--images= --registries= --force',
        configure: '',
        open: '--url --https',
      },
    },
    image: {
      subs: {
        'ls|list': '--format=',
        load: '--daemon --remote --overwrite --pull',
        build: '-t= --tag= -f= --file= --build-env= --build-opt= --push --all',
        rm: '',
      },
    },
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

export const CONTAINER_SHAPES: Record<string, ShapeSource | string> = {
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
  // Checkers that only read manifests and print (what they read is judged by the secrets rules).
  kubeconform: {
    singleDash: true,
    opts: '-strict -summary -verbose -skip= -reject= -schema-location= -kubernetes-version= -output= -n= -ignore-missing-schemas -ignore-filename-pattern= -insecure-skip-tls-verify -exit-on-error -debug -v -h',
  },
  kubeval:
    '--strict --ignore-missing-schemas --kubernetes-version= -v= --schema-location= --additional-schema-locations= -o= --output= --skip-kinds= --exit-on-error -d= --directories= --quiet --force-color --insecure-skip-tls-verify',
  'kube-linter': {
    subs: {
      lint: '--config= --format= --fail-on-invalid-resource --add-all-built-in --do-not-auto-add-defaults --include= --exclude= -v --verbose',
      checks: { subs: { list: '--format=' } },
      version: '',
    },
  },
};
