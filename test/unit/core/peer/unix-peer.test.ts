// Reading the control connection's peer off `ss -xpn`: the rows whose peer inode is ours, every holder's pid.
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lookupPeer, peerPidsFromSs, socketInode } from '../../../../electron/core/peer/unix-peer.ts';
import { tempDir } from '../../../support/temp.ts';

// Captured from iproute2 6.1 (Debian 12) with a core (pid 6816) that accepted a connection from a `gatehouse decide` (pid 7001).
const CAPTURED = `Netid State Recv-Q Send-Q             Local Address:Port   Peer Address:Port  Process
u_str ESTAB 0      0                              * 1359              * 1358
u_str ESTAB 0      0                              * 793600            * 793599 users:(("ss",pid=6823,fd=1))
u_str ESTAB 0      0                              * 793591            * 793592 users:(("node",pid=7001,fd=23))
u_str ESTAB 0      0                              * 793599            * 793600 users:(("node",pid=6816,fd=33))
u_str ESTAB 0      0                              * 793251            * 793252 users:(("codex",pid=6673,fd=9),("codex",pid=6673,fd=7))
u_str ESTAB 0      0      /run/user/1000/gatehouse-1000-3f2a/control.sock 793592            * 793591 users:(("node",pid=6816,fd=24))
u_str ESTAB 0      0                              * 793597            * 793598 users:(("node",pid=6816,fd=31))
`;

/** The core's end: its pid and the accepted socket's fd. */
const CORE = { pid: 6816, fd: 24 };

describe('peerPidsFromSs', () => {
  it('finds the client holding the other end of our socket, not the core itself', () => {
    expect(peerPidsFromSs(CAPTURED, 793592, CORE)).toEqual([7001]);
  });

  it('takes every process holding the client socket (a fork after connect shares it)', () => {
    const shared = CAPTURED.replace(
      'users:(("node",pid=7001,fd=23))',
      'users:(("gatehouse",pid=7001,fd=23),("sh",pid=7002,fd=3))',
    );
    expect(peerPidsFromSs(shared, 793592, CORE)).toEqual([7001, 7002]);
  });

  it('finds nobody when the client has gone', () => {
    const gone = CAPTURED.split('\n')
      .filter((l) => !l.includes('pid=7001'))
      .join('\n');
    expect(peerPidsFromSs(gone, 793592, CORE)).toEqual([]);
  });

  it('finds a client in the core process itself (by its other fd)', () => {
    const inProcess = CAPTURED.replace('pid=7001,fd=23', 'pid=6816,fd=23');
    expect(peerPidsFromSs(inProcess, 793592, CORE)).toEqual([6816]);
  });

  it('a path or process name crafted to look like fields adds pids, never hides the real one', () => {
    // The client bound its socket to a path holding a fake inode and holder, and named itself like a holder list.
    const hostile = CAPTURED.replace(
      '                              * 793591            * 793592 users:(("node",pid=7001,fd=23))',
      ' /tmp/x 793592 users:(("bash",pid=1,fd=1)) 793591            * 793592 users:(("x),(\\"y\\",pid=55",pid=7001,fd=23))',
    );
    expect(peerPidsFromSs(hostile, 793592, CORE)).toContain(7001);
  });

  it('does not take an inode that only appears inside a longer number', () => {
    expect(peerPidsFromSs(CAPTURED, 79359, CORE)).toEqual([]);
  });
});

describe('socketInode and lookupPeer on this machine', () => {
  const closers: Array<() => void> = [];
  afterEach(() => closers.splice(0).forEach((c) => c()));

  it.runIf(process.platform === 'linux')('finds this process at the other end of a real connection', async () => {
    const sockPath = path.join(tempDir('gh-peer-'), 'c.sock');
    const accepted = new Promise<net.Socket>((resolve) => {
      const server = net.createServer(resolve);
      server.listen(sockPath);
      closers.push(() => server.close());
    });
    const client = net.connect(sockPath);
    closers.push(() => client.destroy());
    const socket = await accepted;
    closers.push(() => socket.destroy());
    expect(socketInode(socket)).toBeGreaterThan(0);
    // Both ends are in this process: the client's end is found by its own fd.
    expect(await lookupPeer(socket)).toEqual({ kind: 'found', pids: [process.pid] });
    client.destroy();
    await new Promise((resolve) => socket.once('close', resolve));
    expect(await lookupPeer(socket)).toMatchObject({ kind: 'failed' });
  });

  it('says the platform has no lookup elsewhere', async () => {
    expect(await lookupPeer(new net.Socket(), 'darwin')).toEqual({ kind: 'unsupported' });
  });
});
