// The Node hook client, for machines without curl (and Windows named pipes). Bundled alone into
// dist/core/hook-client.mjs; it imports only Node built-ins so it starts as fast as Node can.
// Usage: hook-client.mjs [--blocking] [--stream] [--max-time SECONDS] <endpoint>   (payload on stdin)
// Blocking: prints the gate's answer and exits 0, or prints why on stderr and exits 2 (the agent does not run the command).
// Stream: a successful answer is printed as it arrives (a hosted shell's line gate shows the gate's `say:` lines at once).
import http from 'node:http';

const args = process.argv.slice(2);
const blocking = args.includes('--blocking');
const stream = args.includes('--stream');
const maxTimeIndex = args.indexOf('--max-time');
const maxTimeS = maxTimeIndex >= 0 ? Number(args[maxTimeIndex + 1]) : 60;
const endpoint = args.filter((a, i) => !a.startsWith('--') && i !== maxTimeIndex + 1).at(-1);

function block(why: string): never {
  if (blocking) {
    process.stderr.write(`Gatehouse blocked this command: ${why}\n`);
    process.exit(2);
  }
  process.exit(0);
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function main(): Promise<void> {
  const socketPath = process.env.GATEHOUSE_SOCKET;
  const token = process.env.GATEHOUSE_TOKEN;
  if (!endpoint?.startsWith('/')) block('the hook client was started without an endpoint');
  if (!socketPath || !token)
    block('GATEHOUSE_SOCKET or GATEHOUSE_TOKEN is not set; start the agent with `gatehouse run`');
  const body = await readStdin();
  const req = http.request({
    socketPath,
    path: endpoint,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': body.length },
    timeout: maxTimeS * 1000,
  });
  req.on('timeout', () => req.destroy(new Error(`no answer within ${maxTimeS} s`)));
  req.on('error', (err) => block(`the Gatehouse gate did not answer (${err.message}); is Gatehouse running?`));
  req.on('response', (res) => {
    const chunks: Buffer[] = [];
    const ok = (res.statusCode ?? 500) < 400;
    res.on('data', (c: Buffer) => (stream && ok ? process.stdout.write(c) : chunks.push(c)));
    res.on('error', (err) => block(`the answer was cut off (${err.message})`));
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if ((res.statusCode ?? 500) >= 400) block(`${res.statusCode}: ${text}`);
      process.stdout.write(text);
      process.exit(0);
    });
  });
  req.end(body);
}

main().catch((err: unknown) => block(String(err)));
