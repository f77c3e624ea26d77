// Containers, Kubernetes, cloud and infrastructure-as-code.
import type { Word } from '../model.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import { finding, hasOption, mentionsProduction, operands, subcommand, text, type Rule, type RuleInput } from './util.ts';

function production(found: Finding[], input: RuleInput): Finding[] {
  const prod = mentionsProduction(input.seg);
  if (!prod) return found;
  return found.map((f) => (f.score >= S.medium ? { ...f, score: Math.min(100, f.score + 15), reason: `${f.reason}, in what looks like production (${prod})` } : f));
}

const DOCKER_GLOBALS = ['-H', '--host', '--context', '-c', '--config', '--log-level', '-l'];

const docker: Rule = (input) => {
  const { args, prog } = input;
  let { sub, rest } = subcommand(args, DOCKER_GLOBALS);
  // `docker container rm` = `docker rm`, `docker image prune` = `docker image-prune`.
  if (['container', 'image', 'volume', 'network', 'system', 'builder', 'buildx', 'compose'].includes(sub)) {
    const inner = subcommand(rest, ['-f', '--file', '-p', '--project-name', '--profile', '--env-file']);
    sub = `${sub} ${inner.sub}`;
    rest = inner.rest;
  }
  const all = rest.some((w) => !w.known) || hasOption(rest, 'a', '--all');
  const found = ((): Finding[] => {
    switch (sub) {
      case 'rm':
      case 'container rm':
        return [finding('containers', all ? S.high : S.notable, `removes ${all ? 'every matching container' : `the container ${operands(rest).map((w) => w.text).join(' ')}`}${hasOption(rest, 'v', '--volumes') ? ' and its volumes' : ''}`)];
      case 'rmi':
      case 'image rm':
        return [finding('containers', all ? 45 : S.medium, 'removes images')];
      case 'volume rm':
      case 'volume prune':
        return [finding('containers', S.severe, `deletes Docker volumes and the data in them (${prog} ${sub})`)];
      case 'system prune':
        return [finding('containers', hasOption(rest, null, '--volumes') ? S.critical - 5 : hasOption(rest, 'a', '--all') ? S.high : 45, `removes unused containers, networks and images${hasOption(rest, null, '--volumes') ? ' and volumes with their data' : ''}`)];
      case 'image prune':
      case 'container prune':
      case 'network prune':
      case 'builder prune':
      case 'buildx prune':
        return [finding('containers', all ? S.notable : S.medium, `${prog} ${sub}`)];
      case 'kill':
      case 'stop':
      case 'restart':
      case 'pause':
        return [finding('containers', all ? S.high : sub === 'kill' ? S.medium : 25, `${sub}s ${all ? 'every running container' : 'a container'}`)];
      case 'compose down':
        return [finding('containers', hasOption(rest, 'v', '--volumes') ? S.high : 20, `stops the compose project${hasOption(rest, 'v', '--volumes') ? ' and deletes its volumes' : ''}`)];
      case 'run':
      case 'create':
      case 'container run': {
        const hostAccess = rest.find((w) => w.text === '--privileged' || /^--(pid|network|net|ipc|uts|userns)=host$/.test(w.text) || /^(\/|\/:|\/etc|\/var\/run\/docker\.sock|\$HOME|~)(:|$)/.test(w.text) || /^-v$|^--volume$/.test(w.text) && /^(\/|~|\$HOME|\/etc|\/var\/run\/docker\.sock)(:|$)/.test(rest[rest.indexOf(w) + 1]?.text ?? ''));
        if (hostAccess) return [finding('containers', S.severe, `starts a container with access to this machine (${hostAccess.text === '-v' || hostAccess.text === '--volume' ? rest[rest.indexOf(hostAccess) + 1]?.text : hostAccess.text})`)];
        return [finding('containers', 20, 'starts a container')];
      }
      case 'push':
      case 'image push':
        return [finding('publishing', S.high, `publishes the image ${operands(rest)[0]?.text ?? ''}`)];
      case 'login':
        return [finding('secrets', S.medium, 'stores registry credentials')];
      default:
        return [finding(/^(ps|images|logs|inspect|version|info|stats|top|port|diff|history|search|events|compose ps|compose logs|compose config|container ls|image ls|volume ls|network ls|context ls)$/.test(sub) ? 'read-only' : 'build-test', S.build, `${prog} ${sub}`)];
    }
  })();
  return production(found, input);
};

const KUBE_READS = new Set(['get', 'describe', 'logs', 'top', 'explain', 'api-resources', 'api-versions', 'version', 'cluster-info', 'diff', 'auth', 'wait', 'events', 'completion', 'kustomize', 'plugin']);
const KUBE_WRITES = new Set(['apply', 'create', 'patch', 'set', 'scale', 'autoscale', 'rollout', 'edit', 'label', 'annotate', 'expose', 'run', 'replace', 'cp', 'taint', 'certificate']);
const KUBE_GLOBALS = ['-n', '--namespace', '--context', '--cluster', '--kubeconfig', '-l', '--selector', '-s', '--server', '--user', '-o', '--output'];

const kubectl: Rule = (input) => {
  const { sub, rest } = subcommand(input.args, KUBE_GLOBALS);
  const all = hasOption(input.args, 'A', '--all', '--all-namespaces');
  const kind = operands(rest, KUBE_GLOBALS)[0]?.text ?? '';
  const found = ((): Finding[] => {
    if (sub === 'delete') {
      if (/^(ns|namespaces?|nodes?|no|pv|persistentvolumes?|pvc|persistentvolumeclaims?|crd|customresourcedefinitions?)$/.test(kind.split('/')[0] ?? '') || all) {
        return [finding('kubernetes', S.critical, `deletes ${all ? 'every' : 'the'} ${kind || 'resource'}${all ? '' : ` ${operands(rest, KUBE_GLOBALS)[1]?.text ?? ''}`} and everything in it`)];
      }
      return [finding('kubernetes', S.high, `deletes ${operands(rest, KUBE_GLOBALS).map((w) => w.text).join(' ') || 'resources'} from the cluster`)];
    }
    if (sub === 'drain' || sub === 'cordon' || (sub === 'replace' && hasOption(rest, null, '--force'))) return [finding('kubernetes', 55, `kubectl ${sub} ${kind}`)];
    if (sub === 'exec' || sub === 'attach' || sub === 'debug') return [finding('remote-exec', 35, `runs commands inside ${kind || 'a pod'}`)];
    if (sub === 'port-forward' || sub === 'proxy') return [finding('kubernetes', 15, `kubectl ${sub}`)];
    if (sub === 'config') return [finding(/^(view|get-contexts|current-context|get-clusters)$/.test(kind) ? 'read-only' : 'kubernetes', /view/.test(kind) && hasOption(rest, null, '--raw') ? S.high : S.build, `kubectl config ${kind}`)];
    if (KUBE_WRITES.has(sub)) return [finding('kubernetes', S.notable, `changes the cluster (kubectl ${sub} ${kind})`)];
    if (KUBE_READS.has(sub)) return [finding('read-only', S.readOnly, `reads the cluster (kubectl ${sub} ${kind})`)];
    return [finding('kubernetes', S.medium, `kubectl ${sub}`)];
  })();
  return production(found, input);
};

const helm: Rule = (input) => {
  const { sub } = subcommand(input.args, ['-n', '--namespace', '--kube-context', '--kubeconfig']);
  const found = ['uninstall', 'delete', 'del', 'un'].includes(sub)
    ? [finding('kubernetes', S.high, `uninstalls the release ${operands(input.args, ['-n', '--namespace', '--kube-context'])[1]?.text ?? ''}`)]
    : ['install', 'upgrade', 'rollback'].includes(sub)
      ? [finding('kubernetes', S.notable, `helm ${sub} changes the cluster`)]
      : [finding('read-only', S.readOnly, `helm ${sub}`)];
  return production(found, input);
};

/** Cloud CLIs: the verb says it. */
const DESTROY = /^(delete|destroy|terminate|remove|rm|rb|purge|deregister|disable|detach|revoke|drop|wipe|reset|deprovision|release)(-|$)/;
const CHANGE = /^(create|put|update|modify|run|start|stop|reboot|attach|deploy|set|add|apply|enable|import|register|associate|authorize|publish|restore|tag|untag|invoke|scale|upload|cp|mv|sync|copy|move)(-|$)/;

const cloud: Rule = (input) => {
  const { prog, args } = input;
  const ops = operands(args, ['--region', '--profile', '--project', '--zone', '-g', '--resource-group', '--subscription', '--output', '-o', '--query', '--format', '--endpoint-url', '--bucket', '--key']);
  const words = ops.map((w) => w.text.toLowerCase());
  const service = words[0] ?? '';
  const verbIndex = words.findIndex((w, i) => i > 0 && (DESTROY.test(w) || CHANGE.test(w)));
  const verb = verbIndex >= 0 ? (words[verbIndex] as string) : (words[words.length > 1 ? words.length - 1 : 0] ?? '');
  const label = `${prog} ${words.slice(0, Math.max(2, verbIndex + 1)).join(' ')}`;
  const found = ((): Finding[] => {
    if (prog === 'aws' && service === 's3') {
      const op = words[1] ?? '';
      if (op === 'rm') return [finding('cloud', hasOption(args, null, '--recursive') ? S.critical : S.high, `deletes ${hasOption(args, null, '--recursive') ? 'everything under ' : ''}${ops[2]?.text ?? 'objects'} in S3`)];
      if (op === 'rb') return [finding('cloud', S.critical, `deletes the bucket ${ops[2]?.text ?? ''}${hasOption(args, null, '--force') ? ' and everything in it' : ''}`)];
      if ((op === 'sync' || op === 'mv') && (hasOption(args, null, '--delete') || op === 'mv')) return [finding('cloud', S.high, `${label} deletes or moves objects`)];
      if (op === 'cp' || op === 'sync') return [finding('network-upload', S.notable, `copies files with ${label}`)];
      return [finding('read-only', S.build, label)];
    }
    if ((prog === 'gcloud' && service === 'projects' && verb === 'delete') || (prog === 'az' && service === 'group' && verb === 'delete')) return [finding('cloud', S.catastrophic, `deletes the whole ${prog === 'az' ? 'resource group' : 'project'} ${ops.at(-1)?.text ?? ''}`)];
    if (DESTROY.test(verb)) return [finding('cloud', /instance|db|database|cluster|bucket|table|volume|snapshot|stack|vpc|key|user|role|secret|function/.test(words.join(' ')) ? S.severe + 5 : S.severe, `${label}: deletes cloud resources`)];
    if (service === 'iam' && CHANGE.test(verb)) return [finding('cloud', S.high, `${label}: changes who can do what`)];
    if (CHANGE.test(verb)) return [finding('cloud', S.notable, `${label}: changes cloud resources`)];
    return [finding('read-only', S.build, label)];
  })();
  return production(found, input);
};

const IAC_DESTROY: Record<string, RegExp> = { terraform: /^destroy$/, tofu: /^destroy$/, pulumi: /^destroy$/, cdk: /^destroy$/, cdktf: /^destroy$/, serverless: /^remove$/, sls: /^remove$/ };
const IAC_APPLY: Record<string, RegExp> = { terraform: /^apply$/, tofu: /^apply$/, pulumi: /^up$|^update$/, cdk: /^deploy$/, cdktf: /^deploy$/, serverless: /^deploy$/, sls: /^deploy$/ };

const iac: Rule = (input) => {
  const { prog, args } = input;
  const { sub, rest } = subcommand(args, ['-chdir', '--stack', '-s', '--cwd']);
  const auto = rest.some((w) => /^-?-auto-approve$|^--yes$|^-y$|^--require-approval(=|$)|^--force$|^--skip-preview$/.test(w.text));
  const found = ((): Finding[] => {
    if (IAC_DESTROY[prog]?.test(sub) || (sub === 'apply' && hasOption(rest, null, '-destroy'))) return [finding('cloud', S.catastrophic - 5, `destroys the infrastructure this ${prog} project manages${auto ? ', without asking' : ''}`)];
    if (IAC_APPLY[prog]?.test(sub)) return [finding('cloud', auto ? S.severe : S.high, `applies infrastructure changes with ${prog} ${sub}${auto ? ' without review' : ''}`)];
    if (sub === 'state' && /^(rm|mv|push|replace-provider)$/.test(operands(rest)[0]?.text ?? '')) return [finding('cloud', S.high, `edits the ${prog} state (${text(rest.slice(0, 2))})`)];
    if (['import', 'taint', 'untaint', 'force-unlock', 'refresh'].includes(sub)) return [finding('cloud', S.notable, `${prog} ${sub}`)];
    return [finding('build-test', S.build, `${prog} ${sub}`)];
  })();
  return production(found, input);
};

/** Hosting CLIs whose delete verbs remove live apps. */
const hosting: Rule = (input) => {
  const w = input.args.map((x: Word) => x.text).join(' ');
  if (/\b(destroy|apps:destroy|delete|remove|rm)\b/.test(w)) return production([finding('cloud', S.severe, `${input.prog} ${w.slice(0, 40)}: deletes a deployed app or its data`)], input);
  if (/\b(deploy|scale|restart|secrets set|config:set)\b/.test(w)) return production([finding('cloud', S.notable, `${input.prog} ${w.slice(0, 40)}`)], input);
  return [finding('read-only', S.build, `${input.prog} ${w.slice(0, 40)}`)];
};

export const INFRA_RULES: Record<string, Rule> = {
  docker,
  podman: docker,
  nerdctl: docker,
  'docker-compose': (input) => docker({ ...input, args: [{ text: 'compose', known: true }, ...input.args] }),
  kubectl,
  oc: kubectl,
  k: kubectl,
  helm,
  aws: cloud,
  gcloud: cloud,
  gsutil: (input) => (/^(rm|rb)$/.test(operands(input.args)[0]?.text ?? '') ? [finding('cloud', hasOption(input.args, 'r') || hasOption(input.args, 'a') ? S.critical : S.high, `gsutil ${text(input.args.slice(0, 3))}`)] : [finding('read-only', S.build, `gsutil ${operands(input.args)[0]?.text ?? ''}`)]),
  az: cloud,
  doctl: cloud,
  linode: cloud,
  ibmcloud: cloud,
  oci: cloud,
  terraform: iac,
  tofu: iac,
  pulumi: iac,
  cdk: iac,
  cdktf: iac,
  serverless: iac,
  sls: iac,
  flyctl: hosting,
  fly: hosting,
  heroku: hosting,
  vercel: hosting,
  netlify: hosting,
  railway: hosting,
  wrangler: hosting,
  firebase: hosting,
};
