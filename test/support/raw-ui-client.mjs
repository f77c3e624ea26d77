// A browser-mode client written the way an agent's helper would: plain Node and `ws`, the UI token read from its file
// in the data directory, the page's Origin claimed (any program can send it), one birpc call by hand. Used by the
// tests of "no decisions from inside an agent" as a separate process, so the core sees a real peer.
//
//   node raw-ui-client.mjs <port> <ui token file> <method> <JSON argument>
// Prints the answer as one JSON line: {"r": result} or {"e": {"code", "message"}}.
import fs from 'node:fs';
import process from 'node:process';
import { WebSocket } from 'ws';

const [port, tokenFile, method, argJson] = process.argv.slice(2);
const token = fs.readFileSync(tokenFile, 'utf8').trim();
const origin = `http://127.0.0.1:${port}`;

const answer = await new Promise((resolve, reject) => {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${encodeURIComponent(token)}`, { origin });
  ws.on('error', reject);
  ws.on('open', () => ws.send(JSON.stringify({ t: 'q', i: 'raw-1', m: method, a: [JSON.parse(argJson)] })));
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString());
    if (message.t !== 's' || message.i !== 'raw-1') return;
    ws.close();
    resolve(message.e ? { e: message.e.$error ?? message.e } : { r: message.r });
  });
});
process.stdout.write(`${JSON.stringify(answer)}\n`);
