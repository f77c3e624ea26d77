import { it } from 'vitest';
import { terminalWorld } from '../../support/terminal.ts';
it('dbg', async () => {
  const w = await terminalWorld();
  const t = await w.start({ agent: 'shell', argv: ['sh', '-c', `head -c 300000 /dev/zero | tr '\\000' x; echo; echo FLOW-END`] });
  await new Promise((r) => setTimeout(r, 2000));
  console.log('rec', w.recordings.output(t.info.sessionId).length, 'recv', t.received().length, JSON.stringify(w.recordings.output(t.info.sessionId).slice(0, 300)));
  console.log(JSON.stringify(await w.core.client.api.listTerminals()));
  await w.stop();
}, 20000);
