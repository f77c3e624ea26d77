// Codex runs a hook from a config file only once its trust is recorded: `[hooks.state."<key>"] trusted_hash = "<hash>"`
// in the user's config.toml, where the key is `<file>:<event>:<group>:<handler>` and the hash is the one Codex itself
// computes for the hook's definition. Rather than copy Codex's hashing, Gatehouse asks it: `codex app-server` (JSON-RPC
// over stdio), `initialize`, then `hooks/list`, whose entries carry `key` and `currentHash` (measured on 0.169:
// `hooks/list` for a hook in config.toml says `trustStatus: "untrusted"` until the state table holds that hash, then
// "trusted"; the TUI's "Trust all and continue" writes the same table). Only Gatehouse's own hooks are taken.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { isInstalledCommand } from '../install/hook.ts';
import type { InstallEnv } from '../plugin.ts';
import { findExecutable } from '../which.ts';

/** `codex app-server` starts and lists hooks in well under a second; far longer means it is stuck. */
const APP_SERVER_TIMEOUT_MS = 20_000;

interface ListedHook {
  key?: unknown;
  command?: unknown;
  currentHash?: unknown;
  sourcePath?: unknown;
}

/** Gatehouse's hooks in `file` as Codex lists them, with the hash it would trust; or why Codex could not say. */
export async function codexHookTrust(
  file: string,
  env: InstallEnv,
  codex: string | null = findExecutable('codex', { PATH: process.env.PATH }),
): Promise<{ hooks: Array<{ key: string; hash: string }> } | { error: string }> {
  if (!codex) return { error: '`codex` is not on the PATH of Gatehouse’s core' };
  const home = env.HOME ?? env.USERPROFILE ?? path.dirname(path.dirname(file));
  const child = spawn(codex, ['app-server'], {
    env: {
      PATH: process.env.PATH,
      HOME: home,
      CODEX_HOME: path.dirname(file),
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const send = (m: unknown) => child.stdin.write(`${JSON.stringify(m)}\n`);
  try {
    return await new Promise((resolve) => {
      const timer = setTimeout(
        () => resolve({ error: 'codex app-server did not answer in time' }),
        APP_SERVER_TIMEOUT_MS,
      );
      child.on('error', (err) => resolve({ error: `codex app-server did not start: ${err.message}` }));
      child.on('exit', (code) => resolve({ error: `codex app-server exited (${code ?? 'signal'})` }));
      readline.createInterface({ input: child.stdout }).on('line', (line) => {
        let m: { id?: number; result?: { data?: Array<{ hooks?: ListedHook[] }> }; error?: { message?: string } };
        try {
          m = JSON.parse(line) as typeof m;
        } catch {
          return;
        }
        if (m.id === 1) {
          send({ method: 'initialized' });
          send({ id: 2, method: 'hooks/list', params: { cwds: [home] } });
        } else if (m.id === 2) {
          clearTimeout(timer);
          if (m.error) return resolve({ error: `hooks/list: ${m.error.message ?? 'failed'}` });
          const hooks = (m.result?.data ?? [])
            .flatMap((entry) => entry.hooks ?? [])
            .filter((h) => h.sourcePath === file && isInstalledCommand(h.command))
            .flatMap((h) =>
              typeof h.key === 'string' && typeof h.currentHash === 'string'
                ? [{ key: h.key, hash: h.currentHash }]
                : [],
            );
          resolve(hooks.length > 0 ? { hooks } : { error: `hooks/list did not list Gatehouse's hooks in ${file}` });
        }
      });
      send({
        id: 1,
        method: 'initialize',
        params: { clientInfo: { name: 'gatehouse', version: '1' }, capabilities: null },
      });
    });
  } finally {
    child.kill();
  }
}
