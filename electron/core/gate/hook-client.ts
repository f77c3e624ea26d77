// The Node hook client, for machines without curl (and Windows named pipes). Bundled alone into
// dist/core/hook-client.mjs; it imports only Node built-ins so it starts as fast as Node can.
// Usage: hook-client.mjs [--blocking] [--stream] [--max-time SECONDS] <endpoint>   (payload on stdin)
// Blocking: prints the gate's answer and exits 0, or prints why on stderr and exits 2 (the agent does not run the command).
// Stream: a successful answer is printed as it arrives (a hosted shell's line gate shows the gate's `say:` lines at once).
import http from 'node:http';

// Installed (`gatehouse install`): `--installed --socket PATH --agent-pid PID`, no token; when nothing listens at the
// socket it exits 3 at once and prints nothing, and the hook command prints the agent's fallback answer
// (agents/install/hook.ts).
const args = process.argv.slice(2);
const blocking = args.includes('--blocking');
const stream = args.includes('--stream');
const installed = args.includes('--installed');
const valued = ['--max-time', '--socket', '--agent-pid'];
const value = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const maxTimeS = Number(value('--max-time') ?? 60);
const endpoint = args.filter((a, i) => !a.startsWith('--') && !valued.includes(args[i - 1] ?? '')).at(-1);
/** Exit status for "nothing listens at the socket" (Gatehouse is not running), as `CLIENT_COULD_NOT_CONNECT`. */
const COULD_NOT_CONNECT = 3;

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
  const socketPath = installed ? value('--socket') : process.env.GATEHOUSE_SOCKET;
  const token = process.env.GATEHOUSE_TOKEN;
  if (!endpoint?.startsWith('/')) block('the hook client was started without an endpoint');
  if (!socketPath || (!installed && !token))
    block('GATEHOUSE_SOCKET or GATEHOUSE_TOKEN is not set; start the agent with `gatehouse run`');
  const body = await readStdin();
  const auth = installed
    ? { 'x-gatehouse-hook': 'installed', 'x-gatehouse-agent-pid': value('--agent-pid') ?? '' }
    : { authorization: `Bearer ${token}` };
  const req = http.request({
    socketPath,
    path: endpoint,
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json', 'content-length': body.length },
    timeout: maxTimeS * 1000,
  });
  req.on('timeout', () => req.destroy(new Error(`no answer within ${maxTimeS} s`)));
  req.on('error', (err) => {
    const code = (err as NodeJS.ErrnoException).code;
    if (installed && (code === 'ENOENT' || code === 'ECONNREFUSED')) process.exit(COULD_NOT_CONNECT);
    block(`the Gatehouse gate did not answer (${err.message}); is Gatehouse running?`);
  });
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
