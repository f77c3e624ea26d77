// Infrastructure as code, clouds and remote configuration: terraform (and tofu), the aws, gcloud and az CLIs, cdk,
// the checkers that read IaC, and ansible. The rules (rules/cloud.ts) give the score; these tables only prove
// every word is known. Written with the agent as the adversary:
// - what loads code is `=load` (`terraform -chdir`/`-plugin-dir`, an ansible vault password file);
// - what sends data elsewhere or prints credentials is left out, so it stays unknown (medium): `aws --debug`
//   (prints session tokens), `aws sts assume-role`, `ansible -m/-a`;
// - clouds have more operations than can be listed: read operations are known by their form (`subPattern`), except
//   those that print secrets or write files (`get-secret-value`, `get-login-password`, `s3api get-object OUTFILE`).
import type { Table } from './common.ts';
import type { ShapeSource } from './spec.ts';

const opts = (names: string, kind = ''): string =>
  names
    .split(/\s+/)
    .filter(Boolean)
    .map((n) => `${n}=${kind}`)
    .join(' ');

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
    state: {
      subs: {
        list: '-state= -id=',
        show: '-state=',
        pull: '',
        mv: '-dry-run -lock=? -lock-timeout= -backup=write -state= -state-out=write',
        rm: '-dry-run -lock=? -lock-timeout= -backup=write -state=',
        push: '-force -lock=? -lock-timeout=',
        'replace-provider': '-auto-approve -lock=? -lock-timeout=',
      },
    },
    providers: {
      subOptional: true,
      subs: {
        lock: '-platform= -fs-mirror= -net-mirror= -provider= -enable-plugin-cache',
        schema: '-json',
        mirror: '-platform=',
      },
    },
    version: '-json',
    import: `${TF_VARS} -config= -allow-missing-config -state= -state-out=write -backup=write`,
    workspace: {
      subs: {
        list: '',
        show: '',
        select: '-or-create',
        new: '-state= -lock=? -lock-timeout=',
        delete: '-force -lock=? -lock-timeout=',
      },
    },
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
const SECRETISH =
  '(?![a-z0-9-]*(secret|password|passwd|token|credential|key|auth|login|sas|connection-string|publishing|decrypt|export|sdk|job-output|media|object$|object-torrent|console|session))';
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
const AWS_OP: ShapeSource = {
  opts: `${AWS_PARAMS} --dry-run --no-dry-run --all-regions --include-all-instances --no-include-all-instances --force --generate-cli-skeleton=?`,
  maxOperands: 0,
};
const AWS_SERVICES: Record<string, string> = {
  ec2: 'run-instances start-instances stop-instances reboot-instances terminate-instances create-tags delete-tags create-security-group delete-security-group authorize-security-group-ingress revoke-security-group-ingress create-snapshot delete-snapshot create-volume delete-volume attach-volume detach-volume modify-instance-attribute create-image deregister-image allocate-address release-address associate-address',
  s3api:
    'create-bucket delete-bucket put-bucket-acl put-bucket-policy delete-bucket-policy put-object-acl delete-object delete-objects put-public-access-block put-bucket-versioning head-object head-bucket',
  iam: 'create-user delete-user create-role delete-role attach-role-policy detach-role-policy attach-user-policy detach-user-policy put-role-policy create-access-key delete-access-key create-policy delete-policy add-user-to-group remove-user-from-group',
  sts: 'get-caller-identity decode-authorization-message',
  lambda:
    'invoke update-function-code update-function-configuration create-function delete-function publish-version add-permission remove-permission',
  ecs: 'update-service create-service delete-service run-task stop-task register-task-definition deregister-task-definition create-cluster delete-cluster',
  eks: 'create-cluster delete-cluster update-cluster-config create-nodegroup delete-nodegroup update-nodegroup-config',
  ecr: 'create-repository delete-repository batch-delete-image put-image put-lifecycle-policy',
  rds: 'create-db-instance delete-db-instance modify-db-instance reboot-db-instance start-db-instance stop-db-instance create-db-snapshot delete-db-snapshot restore-db-instance-from-db-snapshot',
  dynamodb: 'scan query create-table delete-table update-table put-item update-item delete-item batch-write-item',
  cloudformation:
    'create-stack update-stack delete-stack deploy create-change-set execute-change-set delete-change-set validate-template',
  cloudwatch: 'put-metric-alarm delete-alarms put-metric-data set-alarm-state',
  logs: 'tail filter-log-events start-query stop-query create-log-group delete-log-group put-retention-policy',
  route53: 'change-resource-record-sets create-hosted-zone delete-hosted-zone',
  sqs: 'send-message receive-message delete-message purge-queue create-queue delete-queue',
  sns: 'publish subscribe unsubscribe create-topic delete-topic',
  secretsmanager: 'create-secret delete-secret update-secret put-secret-value rotate-secret',
  ssm: 'put-parameter delete-parameter send-command start-automation-execution',
  kms: 'schedule-key-deletion cancel-key-deletion disable-key enable-key create-key create-alias delete-alias',
  elbv2:
    'create-load-balancer delete-load-balancer create-target-group delete-target-group register-targets deregister-targets modify-listener',
  autoscaling: 'update-auto-scaling-group set-desired-capacity delete-auto-scaling-group',
  cloudfront: 'create-invalidation create-distribution update-distribution delete-distribution',
  apigateway: 'create-deployment delete-rest-api',
  backup: 'delete-recovery-point delete-backup-vault start-backup-job',
  elasticache: 'create-cache-cluster delete-cache-cluster reboot-cache-cluster',
  organizations: '',
  cloudtrail: 'lookup-events',
  resourcegroupstaggingapi: '',
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
const S3_COPY =
  '--recursive --exclude= --include= --acl= --content-type= --cache-control= --metadata= --storage-class= --sse= --sse-kms-key-id= --dryrun --quiet --only-show-errors --no-progress --follow-symlinks --no-follow-symlinks --expires= --size-only --exact-timestamps --grants= --website-redirect= --request-payer= --source-region= --page-size= --checksum-algorithm=';
const AWS: ShapeSource = {
  // `--debug` prints the signed requests, session token included; `--endpoint-url` elsewhere sends them there.
  globals:
    '--region= --profile= --output= --query= --no-cli-pager --cli-auto-prompt --no-cli-auto-prompt --endpoint-url=check:endpoint --no-verify-ssl --no-paginate --color= --no-sign-request --ca-bundle= --cli-read-timeout= --cli-connect-timeout= --cli-binary-format=',
  opts: '--version',
  subs: {
    ...Object.fromEntries(
      Object.entries(AWS_SERVICES).map(([service, verbs]) => [service, group(verbs, AWS_OP, AWS_READ)]),
    ),
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
const GCLOUD_LEAF: ShapeSource = {
  opts: `${GCLOUD_PARAMS} --async --no-async --quiet --recursive --long -l --allow-unauthenticated --no-allow-unauthenticated --all --internal-ip`,
};
const GCLOUD_GROUPS: Record<string, Group> = {
  // `compute ssh`/`scp`, `sql connect`, `auth print-access-token`, `secrets versions access`, `container clusters get-credentials`: left out.
  compute: [
    '',
    {
      instances: 'create delete start stop reset suspend resume add-metadata add-tags remove-tags set-machine-type',
      disks: 'create delete resize snapshot',
      'firewall-rules': 'create delete update',
      networks: 'create delete',
      zones: '',
      regions: '',
      images: 'create delete',
      addresses: 'create delete',
      'machine-types': '',
      'instance-groups': ['', { managed: 'resize rolling-action', unmanaged: '' }],
      'forwarding-rules': 'create delete',
      'backend-services': '',
      snapshots: 'delete',
      operations: '',
    },
  ],
  container: [
    '',
    {
      clusters: 'create delete resize upgrade update',
      'node-pools': 'create delete update',
      images: 'delete',
      operations: '',
    },
  ],
  run: [
    'deploy',
    {
      services: 'delete update update-traffic add-iam-policy-binding',
      revisions: 'delete',
      jobs: 'create delete execute update',
      regions: '',
    },
  ],
  functions: ['deploy delete call logs', {}],
  projects: 'create delete add-iam-policy-binding remove-iam-policy-binding',
  config: ['get-value set unset', { configurations: 'activate create delete' }],
  auth: 'login revoke',
  iam: ['', { 'service-accounts': 'create delete add-iam-policy-binding', roles: 'create delete update' }],
  storage: ['ls cat cp mv rm', { buckets: 'create delete update add-iam-policy-binding', objects: 'delete update' }],
  sql: [
    '',
    {
      instances: 'create delete patch restart',
      databases: 'create delete',
      users: 'create delete',
      backups: 'create delete',
      operations: '',
    },
  ],
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
  globals:
    '--project= --account= --configuration= --format= --filter= --limit= --page-size= --sort-by= --uri --quiet -q --verbosity= --impersonate-service-account= --billing-project= --flatten= --no-user-output-enabled --help -h',
  subs: {
    ...Object.fromEntries(Object.entries(GCLOUD_GROUPS).map(([name, g]) => [name, group(g, GCLOUD_LEAF, GCLOUD_READ)])),
    info: '--run-diagnostics',
    version: '',
  },
};

const AZ_PARAMS = opts(
  '-g --resource-group -n --name -l --location --ids --tags --account-name --vault-name --top --plan --slot --image --size --sku --cluster-name --kind ' +
    '--namespace-name --server -s --database-name --container-name --prefix --num-results --assignee --role --scope --filter --display-name --id --app-id ' +
    '--expand --resource-type --namespace --parent --vnet-name --nsg-name --admin-username --node-count --settings --runtime --deployment-container-image-name ' +
    '--template-file --parameters --mode --subscription-id --query-examples',
  'check:arg',
);
const AZ_LEAF: ShapeSource = {
  opts: `${AZ_PARAMS} --show-details -d --all --include-inherited --yes -y --no-wait --generate-ssh-keys --force`,
};
const AZ_GROUPS: Record<string, Group> = {
  // `account get-access-token`, `aks get-credentials`, `keyvault secret show`, `storage account keys`, `webapp config appsettings`: left out.
  group: 'create delete exists update wait',
  vm: 'create delete start stop restart deallocate resize open-port run-command',
  webapp: [
    'create delete start stop restart up browse',
    { deployment: ['', { slot: 'swap create delete' }], log: 'tail download' },
  ],
  functionapp: 'create delete start stop restart',
  aks: 'create delete scale upgrade start stop nodepool',
  acr: ['create delete login', { repository: 'delete' }],
  storage: ['', { account: 'create delete update', container: 'create delete', blob: 'upload download delete' }],
  keyvault: ['create delete', {}],
  account: 'set',
  network: [
    '',
    {
      vnet: 'create delete',
      nsg: ['create delete', { rule: 'create delete update' }],
      'public-ip': 'create delete',
      lb: 'create delete',
    },
  ],
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
  subs: {
    ...Object.fromEntries(Object.entries(AZ_GROUPS).map(([name, g]) => [name, group(g, AZ_LEAF, AZ_READ)])),
    version: '',
    login: '--use-device-code --tenant= -t= --identity --allow-no-subscriptions',
    logout: '',
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

export const CLOUD_SHAPES: Record<string, ShapeSource | string> = {
  terraform: TERRAFORM,
  tofu: TERRAFORM,
  aws: AWS,
  gcloud: GCLOUD,
  az: AZ,
  ansible: { opts: `${ANSIBLE_COMMON} -o --one-line -t=write --tree=write -B= --background= -P= --poll=` },
  'ansible-playbook': { opts: ANSIBLE_PLAYBOOK },
  'ansible-inventory': {
    opts: '-i= --inventory= --list --graph --host= -y --yaml --toml --vars --export --output=write --playbook-dir= --limit= -l= --vault-id= --ask-vault-pass -v -vv -vvv --version -h --help',
  },
  'ansible-doc': '-l --list -t= --type= -s --snippet -j --json -F --list_files -M= --module-path= -h --help --version',
  'ansible-vault': {
    globals: '--vault-id= --vault-password-file=load --ask-vault-pass -v -h --help',
    subs: {
      'view|encrypt|decrypt|create|edit|rekey|encrypt_string':
        '--output=write --encrypt-vault-id= --new-vault-id= --new-vault-password-file=load -n= --name= -p --prompt --stdin-name=',
    },
  },
  // Infrastructure checkers that only read manifests and print (what they read is judged by the secrets rules).
  tflint:
    '--init --recursive --chdir= --format= -f= --config= -c= --force --minimum-failure-severity= --no-color --color --only= --enable-rule= --disable-rule= --module --no-module --call-module-type= --var-file= --var= --fix --loglevel= -v --version -h --help',
  tfsec:
    '--format= -f= --out=write -O=write --soft-fail -s --minimum-severity= -m= --exclude= -e= --concise-output --no-color --include-passed --exclude-downloaded-modules --tfvars-file= --config-file= --force-all-dirs --verbose --version',
  checkov:
    '-d= --directory= -f= --file= --framework= --skip-framework= -c= --check= --skip-check= -o= --output= --output-file-path= --quiet --compact --soft-fail --download-external-modules= --var-file= --skip-path= --config-file= --repo-id= -v --version --list',
  terrascan: {
    subs: {
      scan: '-d= --iac-dir= -f= --iac-file= -i= --iac-type= -t= --policy-type= -o= --output= --verbose --skip-rules= --non-recursive',
      version: '',
    },
  },
  'terraform-docs': {
    subs: { 'markdown|md|json|yaml|table|asciidoc': '--output-file= --output-mode= --config= --recursive' },
    subOptional: true,
  },
  // `cdk synth`/`diff`/`ls` render or compare locally; deploy and destroy are judged by rules/cloud.ts (iac).
  cdk: {
    globals:
      '--app= -a= --context= -c= --profile= --region= --verbose -v --json -j --quiet -q --no-color --ci --output= -o= --strict --lookups --no-lookups --debug --version --help',
    subs: {
      'synth|synthesize': '--exclusively -e --validation --no-validation --quiet -q',
      diff: '--exclusively -e --context-lines= --template= --strict --security-only --fail --no-change-set --processed',
      'ls|list': '--long -l --show-dependencies -d',
      doctor: '',
      docs: '',
      'deploy|destroy':
        '--all --require-approval= --force -f --exclusively -e --hotswap --no-rollback --outputs-file= --parameters= --tags= --method= --concurrency=',
    },
  },
};
