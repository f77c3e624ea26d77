// Containers and Kubernetes: what is removed (and whether data goes with it), what runs with access to
// this machine, what changes a cluster, and production named anywhere in the command or the stage that
// feeds it. Dry runs change nothing.
import type { Word } from '../model.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import {
  finding,
  hasOption,
  isDryRun,
  mentionsProduction,
  operands,
  optionValue,
  subcommand,
  type Rule,
  type RuleInput,
} from './util.ts';

/** Production makes any change worse (never a read). */
export function production(found: Finding[], input: RuleInput): Finding[] {
  const prod = mentionsProduction(input.seg);
  if (!prod) return found;
  return found.map((f) =>
    f.score >= S.medium
      ? { ...f, score: Math.min(100, f.score + 15), reason: `${f.reason}, in what looks like production (${prod})` }
      : f,
  );
}

const DOCKER_GLOBALS = ['-H', '--host', '--context', '-c', '--config', '--log-level', '-l'];
const DOCKER_READS =
  /^(ps|images|logs|version|info|stats|top|port|diff|history|search|events|(compose|container|image|volume|network|context|system|buildx|builder|manifest|plugin|node|service|stack|secret|config) (ps|ls|list|logs|config|images|top|version|inspect|df|info|events|show|history|du))$/;
const DOCKER_LOCAL =
  /^(build|buildx build|builder build|image build|compose build|compose up|compose start|start|tag|image tag|save|load|image save|image load|compose version|login --help|context use|init|scout \w+|sbom|compose watch|compose convert)$/;

/** A container given this machine: privileged, host namespaces, or the host's root, home or Docker socket mounted. */
function hostAccess(rest: readonly Word[]): string | null {
  for (let i = 0; i < rest.length; i++) {
    const t = (rest[i] as Word).text;
    if (
      t === '--privileged' ||
      /^--(pid|network|net|ipc|uts|userns|cgroupns)=host$/.test(t) ||
      /^--cap-add=(ALL|SYS_ADMIN)$/i.test(t)
    )
      return t;
    const mount = /^(-v|--volume|--mount)$/.test(t)
      ? (rest[i + 1]?.text ?? '')
      : /^(-v|--volume=|--mount=)/.test(t)
        ? t.replace(/^(-v|--volume=|--mount=)/, '')
        : '';
    const source = /source=([^,]+)/.exec(mount)?.[1] ?? mount.split(':')[0] ?? '';
    if (mount && HOST_MOUNT.test(source)) return mount;
  }
  return null;
}

/** Host paths whose mount hands the container this machine: its root, a home, system config, keys, the Docker socket. */
const HOST_MOUNT =
  /^(\/|~|\$HOME|\$\{HOME\}|\/home(\/[^/]+)?|\/Users(\/[^/]+)?|\/root(\/.*)?|\/etc(\/.*)?|\/(var\/)?run\/docker\.sock|(~|\$HOME)\/\.(ssh|aws|kube|gnupg|docker|config)(\/.*)?)\/?$/;

const docker: Rule = (input) => {
  const { args, prog } = input;
  let { sub, rest } = subcommand(args, DOCKER_GLOBALS);
  // `docker container rm` = `docker rm`, `docker image prune` = `docker image-prune`.
  if (
    [
      'container',
      'image',
      'volume',
      'network',
      'system',
      'builder',
      'buildx',
      'compose',
      'context',
      'plugin',
      'swarm',
      'node',
      'service',
      'stack',
      'secret',
      'config',
      'manifest',
      'scout',
    ].includes(sub)
  ) {
    const inner = subcommand(rest, [
      '-f',
      '--file',
      '-p',
      '--project-name',
      '--profile',
      '--env-file',
      '--project-directory',
    ]);
    sub = `${sub} ${inner.sub}`;
    rest = inner.rest;
  }
  const all = rest.some((w) => !w.known) || hasOption(rest, 'a', '--all');
  const found = ((): Finding[] => {
    if (/^(system reset|system prune)$/.test(sub) && (sub === 'system reset' || hasOption(rest, null, '--volumes')))
      return [
        finding(
          'containers',
          S.catastrophic - 5,
          `${prog} ${sub}: deletes containers, images and volumes with their data`,
        ),
      ];
    switch (sub) {
      case 'rm':
      case 'container rm':
        return [
          finding(
            'containers',
            all ? S.high : S.notable,
            `removes ${
              all
                ? 'every matching container'
                : `the container ${operands(rest)
                    .map((w) => w.text)
                    .join(' ')}`
            }${hasOption(rest, 'v', '--volumes') ? ' and its volumes' : ''}`,
          ),
        ];
      case 'rmi':
      case 'image rm':
        return [finding('containers', all ? 45 : S.medium, 'removes images')];
      case 'volume rm':
      case 'volume prune':
        return [finding('containers', S.severe, `deletes Docker volumes and the data in them (${prog} ${sub})`)];
      case 'system prune':
        return [
          finding(
            'containers',
            hasOption(rest, 'a', '--all') ? S.high : 45,
            'removes unused containers, networks and images',
          ),
        ];
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
      case 'compose stop':
      case 'compose restart':
      case 'compose kill':
      case 'compose pause':
        return [
          finding(
            'containers',
            all ? S.high : S.medium,
            `${sub.replace('compose ', '')}s ${all ? 'every running container' : 'containers'}`,
          ),
        ];
      case 'compose down':
      case 'compose rm':
        return [
          finding(
            'containers',
            hasOption(rest, 'v', '--volumes') ? S.high : S.medium,
            `stops and removes the compose project's containers${hasOption(rest, 'v', '--volumes') ? ' and deletes its volumes' : ''}`,
          ),
        ];
      case 'run':
      case 'create':
      case 'container run':
      case 'container create':
      case 'compose run': {
        const access = hostAccess(rest);
        if (access)
          return [finding('containers', S.severe, `starts a container with access to this machine (${access})`)];
        return [finding('containers', S.medium, 'runs a container from an image (downloaded if missing)')];
      }
      case 'pull':
      case 'image pull':
      case 'compose pull':
        return [finding('containers', S.medium, 'downloads images')];
      case 'push':
      case 'image push':
      case 'compose push':
      case 'manifest push':
        return [finding('publishing', S.high, `publishes the image ${operands(rest)[0]?.text ?? ''}`)];
      case 'buildx build':
      case 'build':
        return hasOption(rest, null, '--push')
          ? [finding('publishing', S.high, 'builds and publishes an image')]
          : [finding('build-test', S.build, `${prog} ${sub}`)];
      case 'inspect':
      case 'container inspect': {
        // A --format that picks fields other than the configuration prints no environment.
        const format = optionValue(rest, 'f', '--format');
        if (format !== null && !/Config|Env|json \.|^\{\{\s*json\s*\.\s*\}\}$|^\{\{\s*\.\s*\}\}$/.test(format))
          return [finding('read-only', S.build, `${prog} inspect ${format}`)];
        return [
          finding(
            'secrets',
            S.medium,
            'prints container configuration, including environment variables that often hold passwords',
          ),
        ];
      }
      case 'login':
        return [finding('secrets', S.medium, 'stores registry credentials')];
      case 'cp':
      case 'container cp':
        return [
          finding(
            'containers',
            S.medium,
            `copies files between this machine and a container (${operands(rest)
              .map((w) => w.text)
              .join(' ')})`,
          ),
        ];
      case 'swarm leave':
      case 'node rm':
      case 'service rm':
      case 'stack rm':
      case 'secret rm':
        return [finding('containers', S.high, `${prog} ${sub}: removes part of a running cluster`)];
      default:
        if (DOCKER_READS.test(sub) || sub === '') return [finding('read-only', S.build, `${prog} ${sub}`)];
        if (DOCKER_LOCAL.test(sub)) return [finding('build-test', S.build, `${prog} ${sub}`)];
        return [finding('containers', S.medium, `${prog} ${sub} changes containers, images, volumes or networks`)];
    }
  })();
  return production(found, input);
};

const KUBE_READS = new Set([
  'get',
  'describe',
  'logs',
  'top',
  'explain',
  'api-resources',
  'api-versions',
  'version',
  'cluster-info',
  'diff',
  'wait',
  'events',
  'completion',
  'kustomize',
  'plugin',
  'options',
  'can-i',
]);
const KUBE_WRITES = new Set([
  'apply',
  'create',
  'patch',
  'set',
  'scale',
  'autoscale',
  'rollout',
  'edit',
  'label',
  'annotate',
  'expose',
  'run',
  'replace',
  'taint',
  'certificate',
  'uncordon',
  'auth',
]);
const KUBE_GLOBALS = [
  '-n',
  '--namespace',
  '--context',
  '--cluster',
  '--kubeconfig',
  '-l',
  '--selector',
  '-s',
  '--server',
  '--user',
  '-o',
  '--output',
  '-f',
  '--filename',
  '-c',
  '--container',
];

const kubectl: Rule = (input) => {
  const { args } = input;
  const { sub, rest } = subcommand(args, KUBE_GLOBALS);
  const all = hasOption(args, 'A', '--all', '--all-namespaces');
  const ops = operands(rest, KUBE_GLOBALS);
  const kind = ops[0]?.text ?? '';
  const dry = isDryRun(args);
  const found = ((): Finding[] => {
    if (dry && sub !== 'get' && sub !== 'describe')
      return [finding('build-test', S.lowWrite, `kubectl ${sub} ${kind} as a dry run: nothing changes`)];
    if (sub === 'delete') {
      if (
        /^(ns|namespaces?|nodes?|no|pv|persistentvolumes?|pvc|persistentvolumeclaims?|crd|customresourcedefinitions?)$/.test(
          kind.split('/')[0] ?? '',
        ) ||
        all
      ) {
        return [
          finding(
            'kubernetes',
            S.critical,
            `deletes ${all ? 'every' : 'the'} ${kind || 'resource'}${all ? '' : ` ${ops[1]?.text ?? ''}`} and everything in it`,
          ),
        ];
      }
      return [
        finding('kubernetes', S.high, `deletes ${ops.map((w) => w.text).join(' ') || 'resources'} from the cluster`),
      ];
    }
    if (sub === 'rollout') {
      const action = kind;
      if (/^(status|history)$/.test(action)) return [finding('read-only', S.readOnly, `kubectl rollout ${action}`)];
      return [
        finding(
          'kubernetes',
          S.notable,
          `kubectl rollout ${action} ${ops[1]?.text ?? ''}: restarts or rolls back workloads`,
        ),
      ];
    }
    const role = optionValue(rest, null, '--clusterrole', '--role');
    if (sub === 'create' && /binding$/.test(kind) && /^(cluster-admin|admin)$/.test(role ?? ''))
      return [
        finding(
          'kubernetes',
          S.high + 5,
          `grants ${role} over the ${kind === 'clusterrolebinding' ? 'whole cluster' : 'namespace'}`,
        ),
      ];
    if (
      sub === 'scale' &&
      rest.some(
        (w) => /^--replicas=0$/.test(w.text) || (w.text === '--replicas' && rest[rest.indexOf(w) + 1]?.text === '0'),
      )
    )
      return [finding('kubernetes', S.high, `scales ${ops.map((w) => w.text).join(' ')} to zero: the service stops`)];
    if (sub === 'expose' && rest.some((w) => /^--type=(LoadBalancer|NodePort)$/i.test(w.text)))
      return [finding('kubernetes', 55, `exposes ${ops.map((w) => w.text).join(' ')} outside the cluster`)];
    if (sub === 'drain' || sub === 'cordon' || (sub === 'replace' && hasOption(rest, null, '--force')))
      return [finding('kubernetes', 55, `kubectl ${sub} ${kind}`)];
    if (sub === 'exec' || sub === 'attach' || sub === 'debug')
      return [finding('remote-exec', 35, `runs commands inside ${kind || 'a pod'}`)];
    if (sub === 'port-forward' || sub === 'proxy')
      return [finding('kubernetes', S.medium, `kubectl ${sub}: opens a tunnel into the cluster`)];
    if (sub === 'cp')
      return [
        finding(
          'kubernetes',
          S.medium,
          `copies files between this machine and a pod (${ops.map((w) => w.text).join(' ')})`,
        ),
      ];
    if (sub === 'config') {
      if (
        /^(use-context|use|set-context|set-cluster|set-credentials|set|unset|delete-context|delete-cluster|rename-context)$/.test(
          kind,
        )
      )
        return [
          finding(
            'kubernetes',
            S.medium,
            `kubectl config ${kind} ${ops[1]?.text ?? ''}: changes which cluster later commands reach`,
          ),
        ];
      return [
        finding(
          'read-only',
          /view/.test(kind) && hasOption(rest, null, '--raw') ? S.high : S.build,
          `kubectl config ${kind}`,
        ),
      ];
    }
    if ((sub === 'get' || sub === 'describe') && /^secrets?(\/|$)/.test(kind))
      return [finding('secrets', S.medium, `kubectl ${sub} ${kind}: looks at Kubernetes secrets`)];
    if (sub === 'auth' && /^(can-i|whoami)$/.test(kind))
      return [finding('read-only', S.readOnly, `kubectl auth ${kind}`)];
    if (KUBE_WRITES.has(sub)) return [finding('kubernetes', S.notable, `changes the cluster (kubectl ${sub} ${kind})`)];
    if (KUBE_READS.has(sub)) return [finding('read-only', S.readOnly, `reads the cluster (kubectl ${sub} ${kind})`)];
    return [finding('kubernetes', S.medium, `kubectl ${sub}`)];
  })();
  return production(found, input);
};

/** helm subcommands that only read (or render without the cluster, judged first). */
const HELM_READS = /^(list|ls|status|history|show|inspect|search|version|env|help|completion|verify)$/;

const helm: Rule = (input) => {
  const { args } = input;
  const { sub, rest } = subcommand(args, ['-n', '--namespace', '--kube-context', '--kubeconfig']);
  const verb = operands(rest)[0]?.text ?? '';
  const found = ((): Finding[] => {
    if (isDryRun(args) || sub === 'template' || sub === 'lint' || sub === 'diff')
      return [finding('build-test', S.lowWrite, `helm ${sub}: renders without changing the cluster`)];
    if (['uninstall', 'delete', 'del', 'un'].includes(sub))
      return [finding('kubernetes', S.high, `uninstalls the release ${verb}`)];
    if (['install', 'upgrade', 'rollback'].includes(sub))
      return [finding('kubernetes', S.notable, `helm ${sub} changes the cluster`)];
    if (sub === 'get') return [finding('secrets', S.medium, `helm get ${verb}: release values often hold passwords`)];
    if (sub === 'push') return [finding('publishing', S.high, 'publishes a chart')];
    if ((sub === 'plugin' && verb === 'install') || (sub === 'repo' && verb === 'add'))
      return [finding('package-install', S.medium, `helm ${sub} ${verb}`)];
    // Low is proven: only what is known to read (`helm repo update`, `helm registry login`, `helm pull` are not).
    if (HELM_READS.test(sub) || (/^(repo|plugin|dependency|dep)$/.test(sub) && /^(list|ls)$/.test(verb)))
      return [finding('read-only', S.readOnly, `helm ${sub}`)];
    return [
      finding('kubernetes', S.medium, `helm ${sub} ${verb}: Gatehouse does not know that this only reads`.trim()),
    ];
  })();
  return production(found, input);
};

/** Local clusters: creating and deleting them changes this machine, not production. */
const localCluster: Rule = ({ prog, args }) => {
  const words = operands(args).map((w) => w.text);
  if (words.some((w) => /^(delete|destroy|rm)$/.test(w)))
    return [finding('containers', S.notable, `${prog} deletes a local cluster`)];
  if (words.some((w) => /^(create|start|up|stop|load|restart)$/.test(w)))
    return [finding('containers', S.medium, `${prog} ${words.join(' ')}: changes a local cluster`)];
  if (words.length === 0 || words.some((w) => LOCAL_CLUSTER_READS.test(w)))
    return [finding('read-only', S.build, `${prog} ${words.join(' ')}`)];
  return [finding('containers', S.medium, `${prog} ${words.join(' ')}: Gatehouse does not know that this only reads`)];
};

/** What `kind`, `minikube`, `k3d` and the like do that only reads. */
const LOCAL_CLUSTER_READS = /^(get|list|ls|status|version|ip|logs|help|view|info|describe)$/;

export const CONTAINER_RULES: Record<string, Rule> = {
  docker,
  podman: docker,
  nerdctl: docker,
  'docker-compose': (input) => docker({ ...input, args: [{ text: 'compose', known: true }, ...input.args] }),
  'podman-compose': (input) => docker({ ...input, args: [{ text: 'compose', known: true }, ...input.args] }),
  kubectl,
  oc: kubectl,
  k: kubectl,
  helm,
  kind: localCluster,
  minikube: localCluster,
  k3d: localCluster,
  colima: localCluster,
};
