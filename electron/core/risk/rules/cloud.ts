// Clouds, infrastructure as code, hosting and remote configuration. The verb says most of it (any verb
// with delete in it destroys); making something public, opening it to the internet, changing who may
// do what and changing live DNS are high; production makes it worse, an explicit dev or staging target
// makes a deploy milder.
import type { Word } from '../model.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import { production } from './containers.ts';
import {
  finding,
  hasOption,
  isDryRun,
  mentionsProduction,
  operands,
  optionValue,
  subcommand,
  text,
  word,
  type Rule,
} from './util.ts';

const DESTROY_WORDS = new Set([
  'delete',
  'deletion',
  'destroy',
  'terminate',
  'remove',
  'rm',
  'rb',
  'purge',
  'deregister',
  'disable',
  'detach',
  'revoke',
  'drop',
  'wipe',
  'reset',
  'deprovision',
  'release',
  'cancel',
  'disassociate',
  'abandon',
  'decommission',
]);
const CHANGE =
  /^(create|put|update|modify|run|start|stop|restart|reload|redeploy|recreate|swap|upgrade|install|rollback|reboot|attach|deploy|set|add|apply|enable|import|register|associate|authorize|publish|restore|tag|untag|invoke|scale|upload|cp|mv|sync|copy|move|send|change|replace|rotate|reset|resize|promote|failover|execute|submit|patch|grant|login|configure|connect|ssh|tunnel|ch|acl|setmeta|rsync)(-|$)/;
/** Anything that makes something reachable by everyone. */
const PUBLIC =
  /^(public-read|public-read-write|authenticated-read|allUsers|allAuthenticatedUsers|AllUsers(:\w+)?|0\.0\.0\.0\/0|::\/0|\*)$|^(allUsers|allAuthenticatedUsers):|member=allUsers|member=allAuthenticatedUsers|--public(-access)?(=true)?$|--acl=public/;
const DNS = /change-resource-record-sets|record-sets?|dns-record|recordset|(^|-)dns($|-)/;
/**
 * Verbs that only read (`describe-instances`, `list`, `logs`, `env:get`'s `get` aside, which prints secrets and is judged
 * before this): low is given to a cloud or hosting command only when one of its words is such a verb; any other verb
 * (`gcloud functions call`, `vercel dns add`, `aws s3 mb`) is medium, as Gatehouse does not know it only reads.
 */
const READ_VERB =
  /^(list|ls|describe|get|show|view|read|info|status|inspect|print|check|validate|lookup|search|query|whoami|version|help|wait|logs?|tail|history|explain|estimate|preview|simulate|diff|graph|plan|output|summary|quota|usage|ping|open|doctor)(-|$)/;
/** Hosting CLI subcommands that work on this machine only (a local dev server, a local build). */
const LOCAL_WORK = /^(dev|build|serve|init|completion|telemetry)$/;

/** Low when a word is a verb that only reads (or local work); medium otherwise. */
function readsOnly(words: readonly string[], label: string, local?: RegExp): Finding[] {
  // `projects:list`, `env:get`: a colon separates the topic from the verb.
  if (words.some((x) => x.split(':').some((p) => READ_VERB.test(p)) || local?.test(x)))
    return [finding('read-only', S.build, label)];
  return [finding('cloud', S.medium, `${label}: Gatehouse does not know that this only reads`)];
}
const VERB_FIRST = new Set(['eksctl', 'gsutil', 'bq', 'hcloud']);
/** Named targets that are explicitly not production. */
const NON_PRODUCTION =
  /(^|[^a-z])(dev|develop|development|staging|stage|stg|test|testing|qa|sandbox|preview|local|demo)([^a-z]|$)/i;

const cloud: Rule = (input) => {
  const { prog, args } = input;
  const ops = operands(args, [
    '--region',
    '--profile',
    '--project',
    '--zone',
    '-g',
    '--resource-group',
    '--subscription',
    '--output',
    '-o',
    '--query',
    '--format',
    '--endpoint-url',
    '--bucket',
    '--key',
    '--key-id',
    '--name',
    '-n',
    '--hosted-zone-id',
    '--change-batch',
    '--queue-url',
    '--message-body',
    '--cidr',
    '--acl',
    '--member',
    '--role',
    '--group-id',
    '--port',
    '--protocol',
    '--location',
    '--vault-name',
  ]);
  const words = ops.map((w) => w.text.toLowerCase());
  const service = words[0] ?? '';
  const isVerb = (w: string) => w.split('-').some((t) => DESTROY_WORDS.has(t)) || CHANGE.test(w);
  // Most CLIs put the verb after the service (`aws ec2 terminate-instances`); some put it first (`eksctl delete cluster`, `gsutil rm`).
  const verbIndex = words.findIndex((w, i) => (i > 0 || VERB_FIRST.has(prog)) && isVerb(w));
  const verb = verbIndex >= 0 ? (words[verbIndex] as string) : (words[words.length > 1 ? words.length - 1 : 0] ?? '');
  const label = `${prog} ${words.slice(0, Math.max(2, verbIndex + 1)).join(' ')}`;
  const destroys = verb.split('-').some((t) => DESTROY_WORDS.has(t)) && !/^(describe|get|list)/.test(verb);
  const publicArg = args.find(
    (w, i) => PUBLIC.test(w.text) && (i === 0 || !/^--(query|filter|filters)$/.test(args[i - 1]?.text ?? '')),
  );
  const found = ((): Finding[] => {
    if (isDryRun(args) || args.some((w) => w.text === '--dryrun'))
      return [finding('build-test', S.lowWrite, `${label} as a dry run`)];
    if (prog === 'aws' && service === 's3') return s3(words, ops, args, label, publicArg);
    if (prog === 'aws' && service === 'configure')
      return [
        finding(
          'secrets',
          words[1] === 'set' || words[1] === undefined ? 35 : S.medium,
          `aws configure ${words[1] ?? ''}: ${words[1] === 'list' ? 'shows (masked) credentials' : 'writes credentials'}`,
        ),
      ];
    if (/^(auth|login|sso)$/.test(service) || (prog === 'az' && service === 'login'))
      return [
        finding(
          'secrets',
          /list|print/.test(verb) ? S.build : 35,
          `${label}: signs in and stores credentials on this machine`,
        ),
      ];
    if (
      (prog === 'gcloud' && service === 'projects' && verb === 'delete') ||
      (prog === 'az' && service === 'group' && verb === 'delete')
    )
      return [
        finding(
          'cloud',
          S.catastrophic,
          `deletes the whole ${prog === 'az' ? 'resource group' : 'project'} ${ops.at(-1)?.text ?? ''}`,
        ),
      ];
    if (destroys)
      return [
        finding(
          'cloud',
          /instance|db|database|cluster|bucket|table|volume|snapshot|stack|vpc|key|user|role|secret|function|backup|vault|zone/.test(
            words.join(' '),
          )
            ? S.severe + 5
            : S.severe,
          `${label}: deletes cloud resources`,
        ),
      ];
    if (publicArg && isVerb(verb))
      return [finding('cloud', S.severe, `${label}: makes it reachable by everyone (${publicArg.text})`)];
    if (DNS.test(words.join(' ')) && CHANGE.test(verb))
      return [finding('cloud', S.high, `${label}: changes live DNS records`)];
    if (/^(iam|sts|organizations|identity|ad|role|kms|secretsmanager|resourcemanager)$/.test(service) && isVerb(verb))
      return [
        finding('cloud', /admin|owner|\*/i.test(text(args)) ? S.critical : S.high, `${label}: changes who can do what`),
      ];
    if (/add-iam-policy-binding|set-iam-policy|create-access-key|attach-\w*-policy|put-\w*-policy/.test(verb))
      return [
        finding(
          'cloud',
          /admin|owner|roles\/editor/i.test(text(args)) ? S.critical : S.high,
          `${label}: changes who can do what`,
        ),
      ];
    if (/^components$/.test(service) || (service === 'config' && /^(set|unset)$/.test(words[1] ?? '')))
      return [finding('cloud', S.medium, `${label}: changes this machine's ${prog} setup`)];
    if (CHANGE.test(verb)) return [finding('cloud', S.notable, `${label}: changes cloud resources`)];
    return readsOnly(words.slice(1), label);
  })();
  return production(found, input);
};

function s3(
  words: readonly string[],
  ops: readonly Word[],
  args: readonly Word[],
  label: string,
  publicArg: Word | undefined,
): Finding[] {
  const op = words[1] ?? '';
  const recursive = hasOption(args, null, '--recursive');
  if (op === 'rm')
    return [
      finding(
        'cloud',
        recursive ? S.critical : S.high,
        `deletes ${recursive ? 'everything under ' : ''}${ops[2]?.text ?? 'objects'} in S3`,
      ),
    ];
  if (op === 'rb')
    return [
      finding(
        'cloud',
        S.critical,
        `deletes the bucket ${ops[2]?.text ?? ''}${hasOption(args, null, '--force') ? ' and everything in it' : ''}`,
      ),
    ];
  if ((op === 'sync' || op === 'mv') && (hasOption(args, null, '--delete') || op === 'mv'))
    return [finding('cloud', S.high, `${label} deletes or moves objects`)];
  if (op === 'cp' || op === 'sync' || op === 'mv') {
    const upload = !/^s3:\/\//.test(ops[2]?.text ?? '');
    if (publicArg)
      return [finding('cloud', S.severe, `${label} uploads files readable by everyone (${publicArg.text})`)];
    const tree = upload && (op === 'sync' || recursive) && /^(\.|\.\/|~.*|\/.*)$/.test(ops[2]?.text ?? '');
    return [
      finding(
        'network-upload',
        tree ? S.high : S.notable,
        `${upload ? 'uploads' : 'copies'} ${tree ? `the whole of ${ops[2]?.text}` : 'files'} with ${label}`,
      ),
    ];
  }
  if (op === 'presign') return [finding('network-upload', S.notable, `${label}: makes a link anyone can use`)];
  return readsOnly([op], label);
}

const IAC_DESTROY: Record<string, RegExp> = {
  terraform: /^destroy$/,
  tofu: /^destroy$/,
  pulumi: /^destroy$/,
  cdk: /^destroy$/,
  cdktf: /^destroy$/,
  serverless: /^remove$/,
  sls: /^remove$/,
  sam: /^delete$/,
  terragrunt: /^(destroy|run-all destroy)$/,
};
const IAC_APPLY: Record<string, RegExp> = {
  terraform: /^apply$/,
  tofu: /^apply$/,
  pulumi: /^(up|update)$/,
  cdk: /^deploy$/,
  cdktf: /^deploy$/,
  serverless: /^deploy$/,
  sls: /^deploy$/,
  sam: /^(deploy|sync)$/,
  terragrunt: /^(apply|run-all)$/,
};

const iac: Rule = (input) => {
  const { prog, args } = input;
  const { sub, rest } = subcommand(args, ['-chdir', '--stack', '-s', '--cwd', '--profile', '--region', '--config-env']);
  const next = operands(rest)[0]?.text ?? '';
  const auto = rest.some((w) =>
    /^-?-auto-approve$|^--yes$|^-y$|^--require-approval(=|$)|^--force$|^--skip-preview$|^--no-confirm-changeset$/.test(
      w.text,
    ),
  );
  const found = ((): Finding[] => {
    if (IAC_DESTROY[prog]?.test(sub) || (sub === 'apply' && hasOption(rest, null, '-destroy')))
      return [
        finding(
          'cloud',
          S.catastrophic - 5,
          `destroys the infrastructure this ${prog} project manages${auto ? ', without asking' : ''}`,
        ),
      ];
    if (IAC_APPLY[prog]?.test(sub)) {
      const gentle = NON_PRODUCTION.test(text(args)) && !mentionsProduction(input.seg);
      return [
        finding(
          'cloud',
          gentle ? S.notable : auto ? S.severe : S.high,
          `applies infrastructure changes with ${prog} ${sub}${auto ? ' without review' : ''}${gentle ? ' to a non-production environment' : ''}`,
        ),
      ];
    }
    if (sub === 'state' && /^(rm|mv|push|replace-provider)$/.test(next))
      return [finding('cloud', S.high, `edits the ${prog} state (${text(rest.slice(0, 2))})`)];
    if ((sub === 'workspace' || sub === 'stack') && /^(delete|rm)$/.test(next))
      return [finding('cloud', S.high, `${prog} ${sub} ${next}: deletes a ${sub} and its state`)];
    if ((sub === 'workspace' || sub === 'stack') && /^(select|new|init|change)$/.test(next))
      return [
        finding('cloud', S.medium, `${prog} ${sub} ${next} ${operands(rest)[1]?.text ?? ''}: later commands act on it`),
      ];
    if (sub === 'stack' && next === 'output' && hasOption(rest, null, '--show-secrets'))
      return [finding('secrets', S.severe, 'prints stack secrets')];
    if (sub === 'output' && hasOption(rest, null, '-json', '-raw', '--json'))
      return [finding('secrets', S.medium, `${prog} output: may print sensitive outputs`)];
    if (['import', 'taint', 'untaint', 'force-unlock', 'refresh', 'bootstrap', 'cancel'].includes(sub))
      return [finding('cloud', S.notable, `${prog} ${sub}`)];
    if (sub === 'init' || sub === 'get' || sub === 'login' || (sub === 'providers' && next === 'lock'))
      return [
        finding('package-install', S.medium, `${prog} ${sub}: downloads providers and modules, or stores credentials`),
      ];
    return [finding('build-test', S.build, `${prog} ${sub}`)];
  })();
  return production(found, input);
};

/** Hosting CLIs: deploys (some go live by default), deletes, secrets. */
const PREVIEW_BY_DEFAULT = new Set(['vercel', 'netlify']);
const hosting: Rule = (input) => {
  const { prog, args } = input;
  const w = args.map((x: Word) => x.text).join(' ');
  const sub = subcommand(args).sub;
  if (/(^|[\s:])(destroy|delete|remove|rm|reset|wipe|purge|kill)(\s|:|$)/.test(w))
    return production(
      [finding('cloud', S.severe, `${prog} ${w.slice(0, 40)}: deletes a deployed app or its data`)],
      input,
    );
  const toProd = hasOption(args, null, '--prod', '--production') || /\b--?env(ironment)?[= ]prod/.test(w);
  const deploys =
    /^(deploy|up|publish|promote|release|rollback|alias|redeploy)$/.test(sub) ||
    (PREVIEW_BY_DEFAULT.has(prog) && (sub === '' || sub.startsWith('-') || toProd));
  if (deploys) {
    const live = toProd || (!PREVIEW_BY_DEFAULT.has(prog) && !NON_PRODUCTION.test(w));
    return [
      finding(
        'cloud',
        live ? S.high + 5 : S.notable,
        `${prog} ${w.slice(0, 40)}: deploys${live ? ' to the live, production site' : ' a preview or non-production version'}`,
      ),
    ];
  }
  // Removing a deployed app's variables or secrets breaks it where it runs.
  if (/\b(secrets? unset|env (rm|remove)|env:(unset|rm)|config:unset|variables? (delete|rm))\b/.test(w))
    return [finding('cloud', S.high, `${prog} ${w.slice(0, 40)}: removes settings a deployed app runs with`)];
  if (
    /\b(secrets? (set|unset)|env (add|rm|pull)|env:(set|import|clone)|config:(set|unset)|scale|restart|ps:stop|maintenance)\b/.test(
      w,
    )
  )
    return production([finding('cloud', S.notable, `${prog} ${w.slice(0, 40)}`)], input);
  if (/\b(login|link|env pull)\b/.test(w))
    return [finding('secrets', S.medium, `${prog} ${sub}: stores credentials or secrets on this machine`)];
  return readsOnly(
    args.filter((x) => !x.text.startsWith('-')).map((x) => x.text.toLowerCase()),
    `${prog} ${w.slice(0, 40)}`,
    LOCAL_WORK,
  );
};

/** Ansible runs modules on every host of an inventory; `-m shell -a '…'` runs that command there. */
const ansible: Rule = (input) => {
  const { prog, args } = input;
  if (prog === 'ansible-vault')
    return /^(view|decrypt)$/.test(operands(args)[0]?.text ?? '')
      ? [finding('secrets', S.high, `ansible-vault ${operands(args)[0]?.text}: prints or decrypts secrets`)]
      : [finding('secrets', S.medium, `ansible-vault ${operands(args)[0]?.text ?? ''}`)];
  if (prog === 'ansible-galaxy')
    return [
      finding(
        'package-install',
        S.medium,
        `ansible-galaxy ${operands(args)
          .map((x) => x.text)
          .join(' ')}`,
      ),
    ];
  if (hasOption(args, null, '--check', '--syntax-check', '--list-hosts', '--list-tasks'))
    return [finding('build-test', S.lowWrite, `${prog} checks without changing hosts`)];
  const become = hasOption(args, 'b', '--become');
  const module = optionValue(args, 'm', '--module-name');
  const command = optionValue(args, 'a', '--args');
  const found: Finding[] = [
    finding(
      'remote-exec',
      S.notable,
      `${prog} changes the hosts of ${optionValue(args, 'i', '--inventory') ?? 'the inventory'}${become ? ' as root' : ''}`,
    ),
  ];
  if (command && (!module || /^(shell|command|raw|ansible\.builtin\.(shell|command|raw))$/.test(module)))
    found.push(
      ...input.nested(command.split(/\s+/).filter(Boolean).map(word), `${prog} -m ${module ?? 'command'}`, {
        privileged: become,
      }),
    );
  return production(found, input);
};

export const CLOUD_RULES: Record<string, Rule> = {
  ...Object.fromEntries(
    [
      'aws',
      'gcloud',
      'az',
      'doctl',
      'linode',
      'linode-cli',
      'ibmcloud',
      'oci',
      'hcloud',
      'scw',
      'vultr-cli',
      'exo',
      'aliyun',
      'eksctl',
      'gsutil',
      'bq',
      'awslocal',
    ].map((p) => [p, cloud]),
  ),
  ...Object.fromEntries(
    ['terraform', 'tofu', 'terragrunt', 'pulumi', 'cdk', 'cdktf', 'serverless', 'sls', 'sam'].map((p) => [p, iac]),
  ),
  ...Object.fromEntries(
    [
      'flyctl',
      'fly',
      'heroku',
      'vercel',
      'netlify',
      'railway',
      'wrangler',
      'firebase',
      'render',
      'surge',
      'amplify',
      'eb',
      'appcenter',
      'deployctl',
      'now',
    ].map((p) => [p, hosting]),
  ),
  ...Object.fromEntries(
    ['ansible', 'ansible-playbook', 'ansible-pull', 'ansible-vault', 'ansible-galaxy'].map((p) => [p, ansible]),
  ),
};
