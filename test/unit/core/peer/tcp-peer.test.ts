// Reading browser mode's WebSocket peer off `ss -tnpH state established …`: the row whose local end is the client and
// whose peer is the core, every holder's pid; and a real lookup finding a separate process that holds a connection.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { lookupTcpPeer, tcpPeerPidsFromSs } from '../../../../electron/core/peer/tcp-peer.ts';

// As iproute2 prints it here for the filter `state established sport = :40414 and dport = :7345` (no State column),
// plus the core's own end and an unrelated row for the parse to pass over.
const CAPTURED = `0      0      127.0.0.1:40414 127.0.0.1:7345 users:(("chromium",pid=5120,fd=61))
0      0      127.0.0.1:7345 127.0.0.1:40414 users:(("node",pid=4001,fd=24))
0      0      127.0.0.1:40999 127.0.0.1:7345 users:(("curl",pid=6000,fd=5))
`;
const CLIENT = { address: '127.0.0.1', port: 40414 };
const SERVER = { address: '127.0.0.1', port: 7345 };

describe('tcpPeerPidsFromSs', () => {
  it("finds the process holding the client's end, not the core's end or another connection", () => {
    expect(tcpPeerPidsFromSs(CAPTURED, CLIENT, SERVER)).toEqual([5120]);
  });

  it('takes every process holding it', () => {
    const shared = CAPTURED.replace('("chromium",pid=5120,fd=61)', '("chromium",pid=5120,fd=61),("sh",pid=5121,fd=3)');
    expect(tcpPeerPidsFromSs(shared, CLIENT, SERVER)).toEqual([5120, 5121]);
  });

  it('a process named like an address cannot stand in for the columns compared', () => {
    const hostile = `0 0 127.0.0.1:1 127.0.0.1:2 users:(("127.0.0.1:40414 127.0.0.1:7345",pid=9,fd=1))\n${CAPTURED}`;
    expect(tcpPeerPidsFromSs(hostile, CLIENT, SERVER)).toEqual([5120]);
  });

  it('reads IPv6 addresses in brackets, and finds nobody when the client has gone', () => {
    const v6 = '0 0 [::1]:40414 [::1]:7345 users:(("node",pid=77,fd=3))';
    expect(tcpPeerPidsFromSs(v6, { address: '::1', port: 40414 }, { address: '::1', port: 7345 })).toEqual([77]);
    expect(tcpPeerPidsFromSs(CAPTURED.split('\n').slice(1).join('\n'), CLIENT, SERVER)).toEqual([]);
  });
});

const servers: net.Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

describe.runIf(process.platform === 'linux')('lookupTcpPeer', () => {
  it('finds the separate process at the other end of an accepted loopback connection', async () => {
    const accepted = new Promise<net.Socket>((resolve) => {
      const server = net.createServer(resolve);
      servers.push(server);
      server.listen(0, '127.0.0.1');
    });
    await new Promise((r) => setImmediate(r));
    const port = (servers[0]?.address() as net.AddressInfo).port;
    const child = spawn(process.execPath, [
      '-e',
      `require('net').connect(${port}, '127.0.0.1'); setTimeout(() => {}, 10000)`,
    ]);
    try {
      const socket = await accepted;
      expect(await lookupTcpPeer(socket)).toEqual({ kind: 'found', pids: [child.pid] });
      socket.destroy();
    } finally {
      child.kill();
    }
  });

  it('is not available off Linux, where only the other checks apply', async () => {
    expect(await lookupTcpPeer(new net.Socket(), 'darwin')).toEqual({ kind: 'unsupported' });
  });
});
