// A fresh machine, as the README's Set up leaves it: until `npm link` has put `gatehouse` on PATH, the daemon's
// "start an agent" line gives the command by its full path (what works now), and names `npm link`; after it, just
// `gatehouse`.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, startDaemon } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';

const stops: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** PATH as a fresh shell has it: the system's directories, and Node's (npm run adds node_modules/.bin). */
const systemPath = [path.dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':');

describe('the daemon on a fresh machine', () => {
  it('gives the command to start an agent by its path until gatehouse is on PATH', async () => {
    const daemon = await startDaemon(tempDir('gh-home-'), [], { PATH: systemPath });
    stops.push(daemon.stop);
    expect(daemon.output()).toContain(
      `Start an agent in another terminal with \`${BIN} run -- claude\` (or codex); \`npm link\` in the Gatehouse folder makes that \`gatehouse\`.`,
    );
  });

  it('says plain `gatehouse` once it is on PATH', async () => {
    const linked = tempDir('gh-linked-');
    fs.symlinkSync(BIN, path.join(linked, 'gatehouse'));
    const daemon = await startDaemon(tempDir('gh-home-'), [], { PATH: `${linked}:${systemPath}` });
    stops.push(daemon.stop);
    expect(daemon.output()).toContain('Start an agent in another terminal with `gatehouse run -- claude` (or codex).');
  });
});
