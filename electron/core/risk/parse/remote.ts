// Commands run somewhere else: `ssh host 'cmd'`, `docker exec ctr cmd`, `kubectl exec pod -- cmd`.
// The wrapper stays a segment of its own (rules judge it), and what it runs is read with `remote` set.
import type { Word } from '../model.ts';
import { commandOf, inside, segmentOf, type CommandInput, type Frame, type Reader, type Step } from './frame.ts';

/** ssh's options that take a value (`man ssh`). */
const SSH_VALUED = new Set('BbcDEeFIiJLlmOopQRSWw'.split(''));

/** Index of the first operand, skipping options; `valued(name)` says whether an option takes a value. */
function firstOperand(args: readonly Word[], from: number, valued: (opt: string) => boolean): number {
  let i = from;
  while (i < args.length) {
    const t = (args[i] as Word).text;
    if (t === '--') return i + 1;
    if (!t.startsWith('-') || t === '-') return i;
    if (t.startsWith('--')) {
      i += !t.includes('=') && valued(t) ? 2 : 1;
      continue;
    }
    let next = i + 1;
    for (let k = 1; k < t.length; k++) {
      if (valued(`-${t[k]}`)) {
        if (k === t.length - 1) next = i + 2;
        break;
      }
    }
    i = next;
  }
  return i;
}

function valueOf(args: readonly Word[], ...names: string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const t = (args[i] as Word).text;
    if (t === '--') return null;
    for (const n of names) {
      if (t === n) return args[i + 1]?.text ?? null;
      if (n.startsWith('--') && t.startsWith(`${n}=`)) return t.slice(n.length + 1);
      if (!n.startsWith('--') && t.startsWith(n) && t.length > n.length) return t.slice(n.length);
    }
  }
  return null;
}

/** `ssh [options] host [command…]`: the words after the host are joined and run by the remote shell. */
export function sshCommand(cmd: CommandInput, frame: Frame, reader: Reader): Step {
  const valued = (o: string) => o.length === 2 && SSH_VALUED.has(o[1] as string);
  const hostAt = firstOperand(cmd.argv, 1, valued);
  const host = cmd.argv[hostAt];
  // OpenSSH reads options after the host too (`ssh host -o ProxyCommand=… cmd`): they are ssh's, not the remote
  // command's. The segment lists them before the host, where the rules and the shape table read ssh's options.
  const commandAt = host ? firstOperand(cmd.argv, hostAt + 1, valued) : hostAt;
  const late = host ? cmd.argv.slice(hostAt + 1, commandAt).filter((w) => w.text !== '--') : [];
  const argv = late.length
    ? [...cmd.argv.slice(0, hostAt), ...late, ...cmd.argv.slice(hostAt, hostAt + 1), ...cmd.argv.slice(commandAt)]
    : cmd.argv;
  const own = segmentOf({ ...cmd, argv }, frame);
  reader.emit(own);
  if (!host) return { out: own };
  const words = cmd.argv.slice(commandAt);
  const user = valueOf(cmd.argv.slice(1, hostAt), '-l') ?? (host.text.includes('@') ? host.text.split('@')[0] : null);
  const label = `ssh ${host.text}`;
  const stdin = cmd.stdin ?? frame.stdin;
  const remote = inside(frame, label, {
    remote: label,
    privileged: user === 'root',
    redirects: [],
    stdin: words.length ? stdin : null,
    stdinKind: cmd.stdinKind ?? frame.stdinKind,
  });
  if (words.length > 0) reader.parseNested(words.map((w) => w.text).join(' '), remote);
  else if (stdin !== null) reader.parseNested(stdin, remote);
  return { out: own };
}

/**
 * The command run inside a container or pod. A here-doc or here-string given to `docker exec -i` /
 * `kubectl exec -i` reaches it (`… -- bash <<EOF`); the local redirections stay with the local client.
 */
function inner(words: Word[], outer: CommandInput): CommandInput {
  return { ...commandOf(words, words.map((w) => w.text).join(' ')), stdin: outer.stdin, stdinKind: outer.stdinKind };
}

const DOCKER_GLOBALS = new Set([
  '-H',
  '--host',
  '-c',
  '--context',
  '--config',
  '-l',
  '--log-level',
  '--tlscacert',
  '--tlscert',
  '--tlskey',
]);
const COMPOSE_GLOBALS = new Set([
  '-f',
  '--file',
  '-p',
  '--project-name',
  '--profile',
  '--env-file',
  '--project-directory',
  '--ansi',
  '--parallel',
]);
const EXEC_VALUED = new Set([
  '-e',
  '--env',
  '--env-file',
  '-u',
  '--user',
  '-w',
  '--workdir',
  '--detach-keys',
  '--index',
]);

/** `docker exec [options] ctr cmd…`, `docker container exec`, `docker compose exec svc cmd…` (and podman, nerdctl). */
export function containerExec(cmd: CommandInput, frame: Frame, reader: Reader): Step {
  const own = segmentOf(cmd, frame);
  reader.emit(own);
  const argv = cmd.argv;
  const prog = (argv[0]?.text.split('/').pop() ?? '').toLowerCase();
  let i =
    prog === 'docker-compose'
      ? firstOperand(argv, 1, (o) => COMPOSE_GLOBALS.has(o))
      : firstOperand(argv, 1, (o) => DOCKER_GLOBALS.has(o));
  let label = prog === 'docker-compose' ? 'docker compose exec' : `${prog} exec`;
  if (argv[i]?.text === 'container') i += 1;
  else if (argv[i]?.text === 'compose' && prog !== 'docker-compose') {
    i = firstOperand(argv, i + 1, (o) => COMPOSE_GLOBALS.has(o));
    label = `${prog} compose exec`;
  }
  if (argv[i]?.text !== 'exec') return { out: own };
  const ctrAt = firstOperand(argv, i + 1, (o) => EXEC_VALUED.has(o));
  const ctr = argv[ctrAt];
  const words = argv.slice(ctrAt + 1);
  if (!ctr || words.length === 0) return { out: own };
  const where = `${label} ${ctr.text}`;
  const user = valueOf(argv.slice(i + 1, ctrAt), '-u', '--user');
  reader.runCommand(
    inner(words, cmd),
    inside(frame, where, {
      remote: where,
      privileged: user === 'root' || user === '0',
      redirects: [],
      pipeFrom: frame.pipeFrom,
    }),
  );
  return { out: own };
}

const KUBE_VALUED = new Set([
  '-n',
  '--namespace',
  '--context',
  '--kubeconfig',
  '--cluster',
  '--user',
  '-s',
  '--server',
  '--token',
  '--as',
  '--as-group',
  '-c',
  '--container',
  '-f',
  '--filename',
  '--pod-running-timeout',
  '--request-timeout',
  '-l',
  '--selector',
]);

/** `kubectl [globals] exec [options] pod [-c ctr] -- cmd…` (and `oc exec`). */
export function kubeExec(cmd: CommandInput, frame: Frame, reader: Reader): Step {
  const own = segmentOf(cmd, frame);
  reader.emit(own);
  const argv = cmd.argv;
  const subAt = firstOperand(argv, 1, (o) => KUBE_VALUED.has(o));
  if (argv[subAt]?.text !== 'exec') return { out: own };
  const dashes = argv.findIndex((w, k) => k > subAt && w.text === '--');
  const head = dashes > 0 ? argv.slice(0, dashes) : argv;
  const podAt = firstOperand(head, subAt + 1, (o) => KUBE_VALUED.has(o));
  const pod = head[podAt];
  const words =
    dashes > 0 ? argv.slice(dashes + 1) : argv.slice(firstOperand(argv, podAt + 1, (o) => KUBE_VALUED.has(o)));
  if (!pod || words.length === 0) return { out: own };
  const ns = valueOf(head.slice(1), '-n', '--namespace');
  const ctx = valueOf(head.slice(1), '--context');
  const prog = (argv[0]?.text.split('/').pop() ?? 'kubectl').toLowerCase();
  const where = `${prog} exec ${pod.text}${ns ? ` -n ${ns}` : ''}${ctx ? ` --context ${ctx}` : ''}`;
  reader.runCommand(
    inner(words, cmd),
    inside(frame, where, { remote: where, privileged: false, redirects: [], pipeFrom: frame.pipeFrom }),
  );
  return { out: own };
}
