// gatehouse desktop-core: the core as the desktop app's utilityProcess. Same services and sockets as `gatehouse
// daemon` (agents and the CLI reach it the same way); the app's windows reach the control API over MessagePorts that
// the main process sends on the parent port. Not in the help: only the desktop app starts it.
import { portChannel, type PortLike } from '../../../shared/carrier.ts';
import { ToCoreMessageSchema, type FromCoreMessage } from '../../../shared/desktop.ts';
import { startCore } from '../core.ts';
import { keepServing } from '../last-resort.ts';
import { resolveHome } from '../paths.ts';
import { CliError, type CliContext } from './context.ts';

/** `process.parentPort` in an Electron utility process, as far as the core uses it. */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown; ports: PortLike[] }) => void): unknown;
  postMessage(message: FromCoreMessage): void;
}

export async function desktopCoreCommand(ctx: CliContext, _argv: string[], signal: AbortSignal): Promise<number> {
  const parent = ctx.parentPort;
  if (!parent)
    throw new CliError('desktop-core is started by the Gatehouse desktop app; run `gatehouse daemon` instead', 2);
  let core;
  try {
    core = await startCore({ home: resolveHome(ctx.env), onError: (err) => ctx.err(`gatehouse: ${String(err)}`) });
  } catch (err) {
    parent.postMessage({ type: 'failed', message: (err as Error).message });
    return 1;
  }
  const stopGuard = keepServing(process, ctx.err);
  const connections = new Set<() => void>();
  const stopped = new Promise<void>((resolve) => {
    signal.addEventListener('abort', () => resolve(), { once: true });
    parent.on('message', (event) => {
      const message = ToCoreMessageSchema.safeParse(event.data);
      if (!message.success) return;
      if (message.data.type === 'stop') return resolve();
      const port = event.ports[0];
      if (!port) return;
      let dispose = () => {};
      const channel = portChannel(port, () => {
        dispose();
        connections.delete(dispose);
      });
      dispose = core.serve(channel);
      connections.add(dispose);
    });
  });
  parent.postMessage({ type: 'ready', status: core.status() });
  await stopped;
  for (const dispose of connections) dispose();
  await core.close();
  stopGuard();
  parent.postMessage({ type: 'stopped' });
  return 0;
}
