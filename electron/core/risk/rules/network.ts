// What leaves the machine: uploads (a file is high, credentials critical, inline JSON medium), tokens
// sent to hosts, HTTP deletes, copies to and from other machines, servers and tunnels that expose this
// one; and ssh, a shell somewhere else.
import type { Word } from '../model.ts';
import { classifyPath, isSecretPath } from '../paths.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import { deletion, overwrite } from './files.ts';
import {
  finding,
  hasOption,
  mentionsProduction,
  operands,
  optionValue,
  programName,
  word,
  type Rule,
  type RuleInput,
} from './util.ts';

const LOCAL_HOST = /^(https?:\/\/)?(localhost|127\.\d+\.\d+\.\d+|\[?::1\]?|0\.0\.0\.0|host\.docker\.internal)([:/]|$)/i;
/** Environment variables holding credentials; the first word often names their service (`GITHUB_TOKEN`). */
const SECRET_VAR =
  /\$\{?([A-Z0-9]+)_[A-Z0-9_]*(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|PAT)\}?|\$\{?(TOKEN|API_?KEY|SECRET|PASSWORD)\}?/;

function hostOf(args: readonly Word[]): string | null {
  const url = args.find(
    (w) =>
      /^(https?|ftp|s3|gs|wss?):\/\//i.test(w.text) ||
      /^[\w.-]+\.[a-z]{2,}(\/|:|$)/i.test(w.text) ||
      /^(localhost|127\.0\.0\.1)(:|\/|$)/.test(w.text),
  );
  if (!url) return null;
  return url.text.replace(/^\w+:\/\//, '').split(/[/?#]/)[0] ?? null;
}

/** Words that name a file curl or wget sends: `-d @f`, `-F x=@f`, `-T f`, `--post-file=f`; `-` is stdin. */
function uploadedFiles(args: readonly Word[]): Word[] {
  return args
    .flatMap((w, i): Word[] => {
      const t = w.text;
      if (/^--(post|body)-file=/.test(t)) return [word(t.slice(t.indexOf('=') + 1))];
      if (/^(-T|--upload-file|--post-file|--body-file)$/.test(t) && args[i + 1]) return [args[i + 1] as Word];
      const prev = args[i - 1]?.text ?? '';
      if (
        /^(-d|--data|--data-binary|--data-raw|--data-urlencode|--json|-F|--form)$/.test(prev) ||
        /^(-d|-F)./.test(t)
      ) {
        const value = /^(-d|-F)./.test(t) ? t.slice(2) : t;
        const at = /^@(.+)$/.exec(value) ?? /^[^=]*=[@<](.+)$/.exec(value);
        return at ? [word(at[1] ?? '')] : [];
      }
      return [];
    })
    .filter((w) => w.text !== '');
}

/** Whether a token variable goes to its own service (`$GITHUB_TOKEN` to api.github.com). */
function ownService(variable: string, host: string | null): boolean {
  const service = SECRET_VAR.exec(variable)?.[1]?.toLowerCase();
  const alias: Record<string, string> = {
    gh: 'github',
    hf: 'huggingface',
    cf: 'cloudflare',
    do: 'digitalocean',
    aws: 'amazonaws',
  };
  return !!service && !!host && host.toLowerCase().includes(alias[service] ?? service);
}

const http: Rule = (input) => {
  const { prog, args, seg, ctx } = input;
  const host = hostOf(args);
  const local = host !== null && LOCAL_HOST.test(host);
  const method = (
    optionValue(args, 'X', '--request', '--method') ??
    (prog === 'wget' && args.some((w) => /^--post-(data|file)/.test(w.text)) ? 'POST' : '')
  ).toUpperCase();
  const files = uploadedFiles(args);
  const found: Finding[] = [];
  const folder =
    prog === 'wget' ? optionValue(args, 'P', '--directory-prefix') : optionValue(args, null, '--output-dir');
  const output =
    optionValue(args, 'o', '--output') ??
    (prog === 'wget' ? optionValue(args, 'O', '--output-document') : null) ??
    (folder ? `${folder}/__download__` : null);
  if (output && output !== '-' && output !== '/dev/null') {
    const saved = overwrite(word(output), input, 'copy', 'saves a download to');
    // A download saved where programs are found (`~/.local/bin`, `/usr/local/bin`) is a program installed unreviewed.
    found.push(
      /(^|\/)(\.local\/bin|bin|sbin)\/[^/]+$/.test(output) && saved.score > S.lowWrite
        ? {
            ...saved,
            category: 'remote-code',
            score: Math.max(saved.score, S.high),
            reason: `${saved.reason}, a folder programs are run from`,
          }
        : saved,
    );
  }
  const credentials = optionValue(args, 'u', '--user');
  if (credentials?.includes(':') && !local)
    found.push(finding('secrets', S.notable, `sends a user name and password to ${host ?? 'a remote host'}`));
  const secret = files.find(
    (w) => w.text !== '-' && (isSecretPath(w.text) || isSecretPath(classifyPath(w, ctx).shown)),
  );
  if (secret)
    return [
      finding(
        'secrets',
        S.catastrophic,
        `uploads ${secret.text}, which holds credentials, to ${host ?? 'a remote host'}`,
      ),
    ];
  const tokenWord = args.find((w) => SECRET_VAR.test(w.text));
  if (tokenWord && !local) {
    const header = /^(Authorization|X-[\w-]*(Token|Key|Auth)[\w-]*|PRIVATE-TOKEN|Api-Key):/i.test(tokenWord.text);
    const own = header && ownService(tokenWord.text, host);
    found.push(
      finding(
        own ? 'network-upload' : 'secrets',
        own ? S.medium : S.high + 5,
        `sends ${tokenWord.text.match(SECRET_VAR)?.[0] ?? 'a token'} to ${host ?? 'a remote host'}${own ? ', its own service' : ''}`,
      ),
    );
  }
  if (method === 'DELETE') {
    const wide = args.some((w) => /^https?:\/\/.*(\*|_all\b|\/\s*$)/.test(w.text));
    found.push(
      finding(
        'network-upload',
        wide || !local ? S.high : S.medium,
        `deletes ${wide ? 'every matching resource' : 'a resource'} at ${host ?? 'a server'} (HTTP DELETE)`,
      ),
    );
    return found;
  }
  if (local) {
    found.push(
      /^(PUT|PATCH)$/.test(method)
        ? finding('network-upload', S.medium, `changes a resource on a local server (${method} ${host})`)
        : finding('build-test', S.build, `talks to a local server (${host})`),
    );
    return found;
  }
  if (files.length) {
    const piped =
      files.some((w) => w.text === '-') && seg.pipeFrom ? ` what ${programName(seg.pipeFrom[0])} produces` : '';
    found.push(
      finding(
        'network-upload',
        S.high,
        `uploads${piped || ` ${files.map((w) => w.text).join(', ')}`} to ${host ?? 'a remote host'}`,
      ),
    );
  } else if (
    /^(POST|PUT|PATCH)$/.test(method) ||
    args.some((w) => /^(-d|--data(-\w+)?|--json|--post-data|-F|--form)$/.test(w.text))
  ) {
    found.push(finding('network-upload', S.notable, `sends data to ${host ?? 'a remote host'}`));
  } else found.push(finding('read-only', S.build, `downloads from ${host ?? 'the network'}`));
  return found;
};

/** nc, ncat, socat, telnet: raw connections, listeners, port checks. */
const rawSocket: Rule = ({ prog, args, seg }) => {
  const words = args.map((w) => w.text);
  if (
    hasOption(args, 'e') ||
    hasOption(args, 'c') ||
    hasOption(args, null, '--exec', '--sh-exec', '--lua-exec') ||
    words.some((w) => /exec:|system:|^--(sh-|lua-)?exec=/i.test(w))
  )
    return [finding('remote-code', S.catastrophic, `opens a shell over the network with ${prog}`)];
  const host = words.find((w) => !w.startsWith('-') && !/^\d+$/.test(w) && !/^(TCP|UDP|OPENSSL)/i.test(w)) ?? null;
  const local = host === null || LOCAL_HOST.test(host);
  if (hasOption(args, 'l') || words.some((w) => /^(TCP|UDP)\d?-LISTEN/i.test(w))) {
    const everywhere = words.some((w) => /^0\.0\.0\.0$|bind=0\.0\.0\.0/.test(w));
    return [
      finding(
        'network-upload',
        everywhere ? S.high : 35,
        `listens for connections from the network${everywhere ? ' on every interface' : ''} (${prog})`,
      ),
    ];
  }
  if (hasOption(args, 'z'))
    return [
      finding(
        local ? 'read-only' : 'network-upload',
        local ? S.build : S.medium,
        `checks whether ports are open on ${host ?? 'this machine'}`,
      ),
    ];
  const sendsFile = seg.redirects.some((r) => r.op === '<') || seg.pipeFrom !== null;
  if (local) return [finding('network-upload', 25, `talks to a local port (${prog})`)];
  return [
    finding(
      'network-upload',
      sendsFile ? S.high : 45,
      `${sendsFile ? 'sends data over' : 'opens'} a raw connection to ${host} (${prog})`,
    ),
  ];
};

/** A whole folder, the home, or the project: copying it sends everything in it, secrets included. */
function isTree(w: Word, input: RuleInput, recursive: boolean): boolean {
  const kind = classifyPath(w, input.ctx).kind;
  return (
    recursive || w.text.endsWith('/') || ['home', 'project-root', 'user-home', 'root'].includes(kind) || w.text === '.'
  );
}

/** scp, rsync, sftp, rclone: copies to or from another machine, or mirrors between folders. */
const copyAcross: Rule = (input) => {
  const { prog, args } = input;
  const ops = operands(args, [
    '-i',
    '-P',
    '-p',
    '-e',
    '-o',
    '-F',
    '--rsh',
    '-J',
    '--exclude',
    '--include',
    '--filter',
    '-c',
    '-l',
    '-S',
  ]);
  const dest = ops.at(-1);
  const sources = ops.slice(0, -1);
  if (!dest || sources.length === 0) return [];
  const remote = (w: Word) => /^[^/]*:/.test(w.text) && !/^\w:\\/.test(w.text);
  const deletes =
    hasOption(
      args,
      null,
      '--delete',
      '--delete-after',
      '--delete-before',
      '--delete-during',
      '--delete-excluded',
      '--mirror',
    ) ||
    (prog === 'rclone' && /^(sync|delete|purge)$/.test(sources[0]?.text ?? ''));
  const recursive = hasOption(args, 'r', '--recursive') || hasOption(args, 'a', '--archive') || hasOption(args, 'R');
  if (!remote(dest)) {
    if (sources.some(remote))
      return [
        finding(
          'network-upload',
          S.medium,
          `copies ${sources.map((w) => w.text).join(' ')} from another machine into ${dest.text}`,
        ),
      ];
    // A local copy: the destination is overwritten, or mirrored (what the source lacks is deleted).
    return deletes
      ? deletion([dest], true, input, 'mirrors a folder over')
      : [overwrite(dest, input, 'copy', 'copies into')];
  }
  const secret = sources.find((w) => isSecretPath(classifyPath(w, input.ctx).shown) || isSecretPath(w.text));
  if (secret)
    return [finding('secrets', S.catastrophic, `copies ${secret.text}, which holds credentials, to ${dest.text}`)];
  const tree = sources.find((w) => isTree(w, input, recursive));
  const prod = mentionsProduction(input.seg);
  const score = deletes || tree ? S.high : 45;
  return [
    finding(
      'network-upload',
      prod ? score + 10 : score,
      `copies ${tree ? `the whole of ${tree.text}` : sources.map((w) => w.text).join(' ')} to ${dest.text}${deletes ? ', deleting what is not in the source' : ''}`,
    ),
  ];
};

/** Tunnels that put a local port on the internet. */
const tunnel: Rule = ({ prog, args }) => {
  const words = args.map((w) => w.text);
  if (/^(config|authtoken|version|help|update|login)$/.test(words[0] ?? ''))
    return [
      finding('secrets', words[0] === 'version' || words[0] === 'help' ? S.readOnly : S.medium, `${prog} ${words[0]}`),
    ];
  const remoteShell = words.some((w) => /^(tcp|ssh)$/.test(w)) && words.some((w) => /^(22|3389|5900)$/.test(w));
  return [
    finding(
      'network-upload',
      remoteShell ? S.high : S.notable,
      `exposes a local ${remoteShell ? 'remote-login port' : 'server'} to the internet (${prog})`,
    ),
  ];
};

const STATIC_SERVERS = new Set(['serve', 'http-server', 'live-server']);
const STATIC_SERVER_VALUED = [
  '-l',
  '--listen',
  '-p',
  '--port',
  '-a',
  '--address',
  '-c',
  '--config',
  '--host',
  '--cors',
  '-o',
  '--open',
  '-e',
  '--ext',
  '-P',
  '--proxy',
  '-C',
  '--cert',
  '-K',
  '--key',
  '--entry-file',
  '--wait',
  '--mount',
  '--ignore',
  '--watch',
];

/** `python -m http.server`: serves the current folder, on every interface unless bound to one. */
export const fileServer: Rule = ({ args, ctx, prog }) => {
  // `serve dir`, `http-server dir`, `live-server dir`: the folder is the operand; they too listen on every interface.
  const named = STATIC_SERVERS.has(prog) ? operands(args, STATIC_SERVER_VALUED)[0]?.text : undefined;
  const bind = STATIC_SERVERS.has(prog) ? null : optionValue(args, 'b', '--bind');
  const folder = classifyPath(word(named ?? optionValue(args, 'd', '--directory') ?? '.'), ctx);
  // Serving the filesystem, a home or credentials hands them to whoever connects.
  if (['root', 'home', 'user-home', 'system', 'secret'].includes(folder.kind))
    return [finding('network-upload', S.high + 5, `serves ${folder.shown} to the network`)];
  if (bind && LOCAL_HOST.test(bind) && bind !== '0.0.0.0')
    return [finding('build-test', 15, `serves this folder on ${bind} only`)];
  return [
    finding(
      'network-upload',
      bind === '0.0.0.0' || bind === '::' ? S.high : 35,
      `serves this folder to ${bind === '0.0.0.0' || bind === '::' ? 'every machine that can reach this one' : 'the network (every interface by default)'}`,
    ),
  ];
};

/** A command's output put into a host name or URL (`dig $(whoami).x.example`) leaves the machine in the lookup itself. */
export function outputInAddress(input: RuleInput): Finding[] {
  if (!/^(dig|nslookup|host|ping|ping6|curl|wget|nc|ncat|traceroute|drill|http|https)$/.test(input.prog)) return [];
  // An HTTP client sends every word it is given somewhere (a header, a form field, the query): `curl -H "X: $(cat f)" URL`.
  const http = /^(curl|wget|http|https|xh)$/.test(input.prog);
  const carrier = input.args.find((w) =>
    http ? /\$\(|`/.test(w.text) : /(\$\(|`)[^)`]*(\)|`)[\w.-]*\.[a-z]{2,}|^https?:\/\/[^ ]*(\$\(|`)/i.test(w.text),
  );
  return carrier
    ? [
        finding(
          'network-upload',
          S.notable,
          http && !/^https?:\/\//i.test(carrier.text)
            ? `sends the output of a command off the machine in what ${input.prog} sends (${carrier.text.slice(0, 50)})`
            : `sends the output of a command to a server inside an address (${carrier.text.slice(0, 50)})`,
        ),
      ]
    : [];
}

/** Port scanners: this machine is its own business; scanning others is reconnaissance. */
const scanner: Rule = ({ prog, args }) => {
  const targets = operands(args, ['-p', '-o', '-oN', '-oX', '-oG', '-iL', '--script', '-e', '--exclude']).map(
    (w) => w.text,
  );
  const local = targets.length > 0 && targets.every((t) => LOCAL_HOST.test(t));
  return [
    finding(
      local ? 'read-only' : 'network-upload',
      local ? S.build : S.notable,
      `${prog} scans ${local ? 'ports on this machine' : `${targets.join(' ') || 'the network'} for open ports`}`,
    ),
  ];
};

/** ssh options that take a value (so the host is the first word after them). */
const SSH_OPTS_WITH_VALUE = [
  '-b',
  '-c',
  '-D',
  '-E',
  '-e',
  '-F',
  '-I',
  '-i',
  '-J',
  '-L',
  '-l',
  '-m',
  '-O',
  '-o',
  '-p',
  '-Q',
  '-R',
  '-S',
  '-W',
  '-w',
  '-B',
];

/** ssh/mosh: a shell or a command on another machine (the command itself is judged as its own segment). */
const ssh: Rule = ({ prog, args, seg }) => {
  const ops = operands(args, SSH_OPTS_WITH_VALUE);
  const host = ops[0]?.text ?? 'a host';
  const prod = mentionsProduction(seg);
  const bump = prod ? 15 : 0;
  if (prog === 'ssh-copy-id') return [finding('secrets', S.medium + bump, `lets your key log in to ${host}`)];
  if (hasOption(args, 'R'))
    return [finding('network-upload', S.high + bump, `opens a reverse tunnel: ${host} can reach into this machine`)];
  if (hasOption(args, 'L') || hasOption(args, 'D'))
    return [finding('remote-exec', S.medium + bump, `forwards ports through ${host}`)];
  if (ops.length <= 1)
    return [
      finding(
        'remote-exec',
        35 + bump,
        `opens a shell on ${host}${prod ? ', which looks like production' : ''}; what runs there is not seen by Gatehouse`,
      ),
    ];
  // The command itself is its own segment, judged (production included) where it runs.
  return [finding('remote-exec', 35, `runs a command on ${host}`)];
};

/** Arguments that bind a server to every interface: the machine is reachable from the network. */
export function exposesEverywhere(input: RuleInput): Finding[] {
  const { args } = input;
  const all = args.find(
    (w, i) =>
      /^(--host|--hostname|-H|--bind|-b|--ip|--listen|--address|--addr)(=0\.0\.0\.0|=::|=\*)?$/.test(w.text) &&
      (/=/.test(w.text) || /^(0\.0\.0\.0|::|\*)$/.test(args[i + 1]?.text ?? '')),
  );
  const glued = args.find(
    (w) => /^0\.0\.0\.0:\d+$/.test(w.text) && !/^-p$|^--publish$/.test(args[args.indexOf(w) - 1]?.text ?? ''),
  );
  const hit = all ?? glued;
  return hit
    ? [
        finding(
          'network-upload',
          35,
          `listens on every network interface (${hit.text}${all && !/=/.test(all.text) ? ` ${args[args.indexOf(all) + 1]?.text}` : ''}), not only this machine`,
        ),
      ]
    : [];
}

export const NETWORK_RULES: Record<string, Rule> = {
  ...Object.fromEntries(['curl', 'wget', 'wget2', 'http', 'https', 'xh', 'httpie', 'curlie'].map((p) => [p, http])),
  ...Object.fromEntries(['nc', 'ncat', 'netcat', 'socat', 'telnet'].map((p) => [p, rawSocket])),
  ...Object.fromEntries(['scp', 'rsync', 'sftp', 'rclone'].map((p) => [p, copyAcross])),
  ...Object.fromEntries(
    ['ngrok', 'cloudflared', 'lt', 'localtunnel', 'bore', 'localxpose', 'serveo'].map((p) => [p, tunnel]),
  ),
  nmap: scanner,
  masscan: scanner,
  rustscan: scanner,
  'http.server': fileServer,
  serve: fileServer,
  'http-server': fileServer,
  'live-server': fileServer,
  simplehttpserver: fileServer,
  ssh,
  mosh: ssh,
  'ssh-copy-id': ssh,
};
