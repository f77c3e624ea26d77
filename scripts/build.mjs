// Bundles the core (CLI, daemon, and later the utilityProcess entry) and the Node hook client.
// npm packages stay external: they are installed beside the bundle and native ones cannot be bundled.
import fs from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  sourcemap: 'linked',
  logLevel: 'warning',
  outExtension: { '.js': '.mjs' },
  // ESM bundles have no require(); some dependencies still call it.
  banner: { js: "import { createRequire as __gatehouseRequire } from 'node:module'; const require = __gatehouseRequire(import.meta.url);" },
};

await Promise.all([
  build({ ...common, entryPoints: { gatehouse: 'electron/core/main.ts' }, outdir: 'dist/core', packages: 'external' }),
  // The hook client must start fast and depend on nothing: it is what an agent runs where curl is missing.
  build({ ...common, entryPoints: { 'hook-client': 'electron/core/gate/hook-client.ts' }, outdir: 'dist/core', banner: {} }),
]);

// The shell integration scripts are read by the shells themselves: they sit beside the bundle, as beside the sources.
fs.rmSync('dist/core/shell-integration', { recursive: true, force: true });
fs.cpSync('electron/core/pty/shell-integration', 'dist/core/shell-integration', { recursive: true });
