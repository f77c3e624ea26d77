// Bundles the core (CLI, daemon, and later the utilityProcess entry) and the Node hook client.
// npm packages stay external: they are installed beside the bundle and native ones cannot be bundled.
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
  // The recording thread (a worker) is its own entry; the core finds it next to its own bundle.
  build({ ...common, entryPoints: { gatehouse: 'electron/core/main.ts', 'recording-worker': 'electron/core/recording/worker.ts' }, outdir: 'dist/core', packages: 'external' }),
  // The hook client must start fast and depend on nothing: it is what an agent runs where curl is missing.
  build({ ...common, entryPoints: { 'hook-client': 'electron/core/gate/hook-client.ts' }, outdir: 'dist/core', banner: {} }),
]);
