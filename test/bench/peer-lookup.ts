// peer.lookup_ms_*: what finding a control connection's peer costs (`ss -xpn` by the socket's inode, then the peer's
// ancestry and environment read from /proc). It runs once per control connection, when the first decision (or
// `startSession`) arrives. Measured as the machine is, and again with 400 more processes each holding Unix sockets
// (their stdio pipes), since `ss -p` reads every process's file descriptors.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { agentOrigin } from '../../electron/core/peer/agent-origin.ts';
import { linuxProc } from '../../electron/core/peer/proc.ts';
import { lookupPeer } from '../../electron/core/peer/unix-peer.ts';
import { percentile, round } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const EXTRA_PROCESSES = 400;
const NO_SESSIONS = { roots: () => [], sessionById: () => null, sessionByToken: () => null };

async function measure(socket: net.Socket): Promise<number[]> {
  const samples: number[] = [];
  const ns = linuxProc.pidNamespace('self');
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const found = await lookupPeer(socket);
    if (found.kind !== 'found') throw new Error(`peer lookup failed: ${JSON.stringify(found)}`);
    for (const pid of found.pids) agentOrigin(pid, linuxProc, NO_SESSIONS, ns);
    samples.push(performance.now() - started);
  }
  return samples;
}

export async function peerLookup(): Promise<Record<string, number>> {
  if (process.platform !== 'linux') return {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-bench-peer-'));
  const sockPath = path.join(dir, 'c.sock');
  const server = net.createServer();
  const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
  await new Promise<void>((resolve) => server.listen(sockPath, resolve));
  // The client is another process, as `gatehouse decide` is.
  const client = spawn(
    process.execPath,
    ['-e', `require('net').connect(${JSON.stringify(sockPath)}); setInterval(() => {}, 1000)`],
    { stdio: 'ignore' },
  );
  const extra: ChildProcess[] = [];
  try {
    const socket = await accepted;
    const quiet = await measure(socket);
    for (let i = 0; i < EXTRA_PROCESSES; i++) extra.push(spawn('sleep', ['600'], { stdio: 'pipe' }));
    const busy = await measure(socket);
    const processes = fs.readdirSync('/proc').filter((f) => /^\d+$/.test(f)).length;
    return {
      'peer.lookup_ms_p50': round(percentile(quiet, 50)),
      'peer.lookup_ms_p95': round(percentile(quiet, 95)),
      'peer.lookup_busy_ms_p50': round(percentile(busy, 50)),
      'peer.lookup_busy_ms_p95': round(percentile(busy, 95)),
      'peer.lookup_busy_processes': processes,
    };
  } finally {
    for (const child of extra) child.kill();
    client.kill();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
