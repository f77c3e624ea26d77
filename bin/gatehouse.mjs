#!/usr/bin/env node
// The `gatehouse` command. Needs Node 22.15+; on an older Node it hands over to the Node 22 that
// `npm install` put in node_modules (the `node` package), so `npm link`ed installs work anywhere.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 15)) {
  const root = path.dirname(path.dirname(fs.realpathSync(fileURLToPath(import.meta.url))));
  const bundled = path.join(root, 'node_modules', 'node', 'bin', 'node');
  if (!fs.existsSync(bundled) || process.env.GATEHOUSE_REEXEC) {
    console.error(
      `gatehouse: Node ${process.versions.node} is too old; Gatehouse needs Node 22.15 or newer ` +
        '(its SQLite driver crashes on older versions, and recordings are zstd-compressed). Run `npm install` in the Gatehouse folder, or install Node 22.',
    );
    process.exit(1);
  }
  const child = spawn(bundled, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, GATEHOUSE_REEXEC: '1' },
  });
  // Ctrl-C reaches the child from the terminal; stay alive to pass on its exit code.
  process.on('SIGINT', () => {});
  for (const sig of ['SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
} else {
  try {
    await import('../dist/core/gatehouse.mjs');
  } catch (err) {
    if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/core/gatehouse.mjs')) {
      console.error(
        'gatehouse: the core is not built; run `npm install` (or `npm run build`) in the Gatehouse folder.',
      );
      process.exit(1);
    }
    throw err;
  }
}
