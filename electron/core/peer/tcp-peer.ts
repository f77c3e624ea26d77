// Which process is at the other end of an accepted loopback TCP connection: browser mode's WebSocket. Its token is
// a file in the data directory, which an agent running without the sandbox can read like the admin token, so the
// calls that decide are judged by who holds the connection, as on the control socket (unix-peer.ts). On Linux,
// `ss -tnpH state established` filtered to the connection's two ports lists the client's socket with the processes
// holding it: the row whose local end is the client's address and whose peer is ours.
import { execFile } from 'node:child_process';
import type net from 'node:net';
import { findSs, type PeerLookup } from './unix-peer.ts';

const SS_TIMEOUT_MS = 2000;
const SS_MAX_OUTPUT = 1024 * 1024;

export interface Endpoint {
  address: string;
  port: number;
}

/** `127.0.0.1:80` or `[::1]:80` as ss prints it; null for anything else. */
function endpointOf(text: string): Endpoint | null {
  const m = /^\[?([^\]]*?)\]?:(\d+)$/.exec(text);
  return m?.[1] && m[2] ? { address: m[1], port: Number(m[2]) } : null;
}

const same = (a: Endpoint | null, b: Endpoint) => a !== null && a.address === b.address && a.port === b.port;

/**
 * The pids holding the client's end, read off `ss -tnpH state established …` output: rows are `Recv-Q Send-Q
 * Local Peer users:(("name",pid=N,fd=M),…)`, and the client's row has the client as Local and the server as Peer.
 * The process column comes last, so a name that looks like an address cannot move the columns that are compared.
 */
export function tcpPeerPidsFromSs(output: string, client: Endpoint, server: Endpoint): number[] {
  const pids = new Set<number>();
  for (const line of output.split('\n')) {
    const [, , local, peer, ...rest] = line.trim().split(/\s+/);
    if (!local || !peer || !same(endpointOf(local), client) || !same(endpointOf(peer), server)) continue;
    for (const m of rest.join(' ').matchAll(/pid=(\d+),fd=\d+\)/g)) pids.add(Number(m[1]));
  }
  return [...pids].sort((a, b) => a - b);
}

function runSs(file: string, client: Endpoint, server: Endpoint): Promise<string> {
  const filter = ['state', 'established', 'sport', '=', `:${client.port}`, 'and', 'dport', '=', `:${server.port}`];
  return new Promise((resolve, reject) => {
    execFile(
      file,
      ['-tnpH', ...filter],
      { timeout: SS_TIMEOUT_MS, maxBuffer: SS_MAX_OUTPUT, env: { LC_ALL: 'C' } },
      (err, stdout) => (err ? reject(err) : resolve(stdout)),
    );
  });
}

/** Finds the client processes of an accepted loopback connection. Runs `ss` once: call it once per connection. */
export async function lookupTcpPeer(
  socket: net.Socket,
  platform: NodeJS.Platform = process.platform,
): Promise<PeerLookup> {
  if (platform !== 'linux') return { kind: 'unsupported' };
  const { remoteAddress, remotePort, localAddress, localPort } = socket;
  if (!remoteAddress || !remotePort || !localAddress || !localPort)
    return { kind: 'failed', why: 'the connection has closed' };
  const ss = findSs();
  if (!ss) return { kind: 'failed', why: '`ss` (iproute2) is not installed' };
  const client = { address: remoteAddress, port: remotePort };
  const server = { address: localAddress, port: localPort };
  let output: string;
  try {
    output = await runSs(ss, client, server);
  } catch (err) {
    return { kind: 'failed', why: `\`ss -tnp\` failed: ${(err as Error).message}` };
  }
  const pids = tcpPeerPidsFromSs(output, client, server);
  return pids.length > 0
    ? { kind: 'found', pids }
    : { kind: 'failed', why: 'no process holds the other end of the connection (it has gone)' };
}
