// A control client written the way an agent's helper would: plain Node, the admin token read from its file, one
// birpc call by hand. Used by the tests of "no decisions from inside an agent" as a separate process, so the core
// sees a real peer.
//
//   node raw-control-client.mjs <control socket> <admin token file> <method> <JSON argument>
//        [--then <program> <args…>]   after the answer, read one line from stdin and run the program with every
//                                      `{line}` in its arguments replaced, in an environment holding only PATH
// Prints the answer as one JSON line: {"r": result} or {"e": {"code", "message"}}.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import process from 'node:process';
import readline from 'node:readline';

const [socketPath, tokenFile, method, argJson, thenFlag, ...then] = process.argv.slice(2);

function call() {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    const lines = readline.createInterface({ input: socket });
    let greeted = false;
    socket.on('error', reject);
    socket.on('connect', () =>
      socket.write(`${JSON.stringify({ token: fs.readFileSync(tokenFile, 'utf8').trim() })}\n`),
    );
    lines.on('line', (line) => {
      const message = JSON.parse(line);
      if (!greeted) {
        greeted = true;
        if (!message.ok) return reject(new Error(line));
        socket.write(`${JSON.stringify({ t: 'q', i: 'raw-1', m: method, a: [JSON.parse(argJson)] })}\n`);
        return;
      }
      if (message.t !== 's' || message.i !== 'raw-1') return;
      socket.end();
      resolve(message.e ? { e: message.e.$error ?? message.e } : { r: message.r });
    });
  });
}

const answer = await call();
process.stdout.write(`${JSON.stringify(answer)}\n`);
if (thenFlag === '--then') {
  const input = readline.createInterface({ input: process.stdin });
  const line = await new Promise((resolve) => input.once('line', resolve));
  input.close();
  const [program, ...args] = then.map((a) => a.replaceAll('{line}', line));
  const child = spawn(program, args, {
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await new Promise((resolve) => child.on('exit', resolve));
}
