// gatehouse ui [--rotate-token] [--no-open]: the browser UI's URL, printed and opened. The URL stays the same across
// restarts (the port from settings, the token in the data directory), so it can be bookmarked; --rotate-token
// replaces the token, and the old URL (every bookmark and open page with it) stops working at once.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ensureTokenFile, replaceTokenFile } from '../admin-token.ts';
import { isAlive, readLock } from '../lock.ts';
import { corePaths, resolveHome } from '../paths.ts';
import { SettingsError, SettingsFile } from '../settings/file.ts';
import { CliError, withCore, type CliContext } from './context.ts';
import { openBrowser } from './open-browser.ts';

const USAGE = 'usage: gatehouse ui [--rotate-token] [--no-open]';

/** The URL a core started now with `--ui` would serve, from the same settings and token file it would read. */
function urlOfNextStart(home: string, token: string): string {
  let port: number;
  try {
    port = new SettingsFile(home).read().uiPort;
  } catch (err) {
    if (err instanceof SettingsError) throw new CliError(err.message);
    throw err;
  }
  return `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`;
}

export async function uiCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'rotate-token': { type: 'boolean' }, 'no-open': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new CliError(USAGE, 2);
  const rotate = values['rotate-token'] === true;
  const home = resolveHome(ctx.env);
  const paths = corePaths(home, ctx.env);
  if (!fs.existsSync(paths.adminTokenFile))
    throw new CliError(`no Gatehouse core has run for ${home}. Start one with \`gatehouse daemon --ui\`.`);
  const replaced = 'The token is replaced: the old URL, and every page and bookmark with it, no longer works.';

  const lock = readLock(paths.lockFile);
  if (!lock || !isAlive(lock.pid)) {
    const token = rotate ? replaceTokenFile(paths.uiTokenFile) : ensureTokenFile(paths.uiTokenFile);
    if (rotate) ctx.out(replaced);
    ctx.err(
      `gatehouse: the Gatehouse core is not running. Start it with \`gatehouse daemon --ui\` (or \`npm run daemon\` in the Gatehouse folder); the reviewer will be at:\n${urlOfNextStart(home, token)}`,
    );
    return rotate ? 0 : 1;
  }

  const { url } = await withCore(ctx, (c) => c.api.browserUi({ rotateToken: rotate }));
  if (rotate) ctx.out(replaced);
  if (!url) {
    throw new CliError(
      `the running core (pid ${lock.pid}) does not serve the browser UI: it was started without --ui, or it is the desktop app's. Use its window, or stop it and start \`gatehouse daemon --ui\`.`,
    );
  }
  ctx.out(url);
  if (values['no-open']) return 0;
  const notOpened = await openBrowser(url, ctx.env);
  if (notOpened) ctx.err(`gatehouse: not opening a browser (${notOpened}); open the URL above yourself.`);
  return 0;
}
