// Which process is at the other end of an accepted Unix socket. Node has no SO_PEERCRED, so on Linux: the socket's
// inode from /proc/self/fd, then `ss -xpn` (iproute2, sock_diag underneath), which lists every Unix socket with its
// own inode, its peer's inode and the processes holding it. The rows whose peer is our socket are the client's.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type net from 'node:net';

/** `ss` answers in milliseconds; a second means something is wrong, and the caller then refuses what it guards. */
const SS_TIMEOUT_MS = 2000;
/** `ss -xpn` on a busy desktop is a few hundred KB; far more is not an answer we can trust. */
const SS_MAX_OUTPUT = 16 * 1024 * 1024;
/** Where Debian, Fedora, Arch and Alpine put ss: absolute, so a directory the user (or an agent) can write is never searched. */
const SS_PATHS = ['/usr/bin/ss', '/usr/sbin/ss', '/bin/ss', '/sbin/ss'];

export type PeerLookup =
  | { kind: 'found'; pids: number[] }
  /** The platform has no lookup (macOS and Windows for now): only the CLI's own check applies. */
  | { kind: 'unsupported' }
  /** A lookup that should work did not: whoever relies on it fails closed. */
  | { kind: 'failed'; why: string };

/**
 * The pids holding the socket whose peer is `inode`, read off `ss -xpn` output. `own` is the core's end (its pid
 * and the accepted socket's fd), which is left out; a client in the core's own process (tests) is still found.
 * Read to err on the side of more pids: a row counts when `inode` is any of its words, and every `pid=N` in it is
 * taken. A client may bind its socket to a path, and name its process, with text that looks like another row's
 * fields; that can only add pids (each is then checked, and any one inside a session refuses), never hide the
 * real ones, which ss prints in full for every holder.
 */
export function peerPidsFromSs(output: string, inode: number, own: { pid: number; fd: number }): number[] {
  const wanted = String(inode);
  const pids = new Set<number>();
  for (const line of output.split('\n')) {
    if (!line.split(/\s+/).includes(wanted)) continue;
    for (const m of line.matchAll(/pid=(\d+),fd=(\d+)\)/g)) {
      const pid = Number(m[1]);
      if (pid !== own.pid || Number(m[2]) !== own.fd) pids.add(pid);
    }
  }
  return [...pids].sort((a, b) => a - b);
}

function socketFd(socket: net.Socket): number | null {
  const fd = (socket as unknown as { _handle?: { fd?: unknown } })._handle?.fd;
  return typeof fd === 'number' && fd >= 0 ? fd : null;
}

/** The inode of a socket's file descriptor (`socket:[N]`), or null where there is none to read. */
export function socketInode(socket: net.Socket, readlink: (p: string) => string = fs.readlinkSync): number | null {
  const fd = socketFd(socket);
  if (fd === null) return null;
  try {
    const m = /^socket:\[(\d+)\]$/.exec(readlink(`/proc/self/fd/${fd}`));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Where `ss` is, looked for in system directories only; null when iproute2 is not installed. */
export function findSs(exists: (p: string) => boolean = fs.existsSync): string | null {
  return SS_PATHS.find((p) => exists(p)) ?? null;
}

function runSs(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      ['-xpn'],
      { timeout: SS_TIMEOUT_MS, maxBuffer: SS_MAX_OUTPUT, env: { LC_ALL: 'C' } },
      (err, stdout) => (err ? reject(err) : resolve(stdout)),
    );
  });
}

/** Finds the client processes of an accepted control connection. Runs `ss` once: call it once per connection. */
export async function lookupPeer(
  socket: net.Socket,
  platform: NodeJS.Platform = process.platform,
): Promise<PeerLookup> {
  if (platform !== 'linux') return { kind: 'unsupported' };
  const fd = socketFd(socket);
  const inode = socketInode(socket);
  if (fd === null || inode === null) return { kind: 'failed', why: 'the connection has no socket inode to look up' };
  const ss = findSs();
  if (!ss) return { kind: 'failed', why: '`ss` (iproute2) is not installed' };
  let output: string;
  try {
    output = await runSs(ss);
  } catch (err) {
    return { kind: 'failed', why: `\`ss -xpn\` failed: ${(err as Error).message}` };
  }
  const pids = peerPidsFromSs(output, inode, { pid: process.pid, fd });
  return pids.length > 0
    ? { kind: 'found', pids }
    : { kind: 'failed', why: 'no process holds the other end of the connection (it has gone)' };
}
