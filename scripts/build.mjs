// Bundles the core (CLI, daemon, desktop-core), the Node hook client, the renderer (dist/renderer/), and the desktop
// shell (dist/main/, dist/preload/). npm packages stay external for Node bundles: they are installed beside the bundle
// and native ones cannot be bundled. The renderer and the preload bundle everything they use.
import { build } from 'esbuild';
import fs from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  sourcemap: 'linked',
  logLevel: 'warning',
  outExtension: { '.js': '.mjs' },
  // ESM bundles have no require(); some dependencies still call it.
  banner: {
    js: "import { createRequire as __gatehouseRequire } from 'node:module'; const require = __gatehouseRequire(import.meta.url);",
  },
};

fs.rmSync('dist/renderer', { recursive: true, force: true });
fs.mkdirSync('dist/renderer', { recursive: true });
fs.copyFileSync('renderer/index.html', 'dist/renderer/index.html');
fs.mkdirSync('dist/main', { recursive: true });
for (const icon of ['tray.png', 'trayTemplate.png']) fs.copyFileSync(`build/${icon}`, `dist/main/${icon}`);

await Promise.all([
  // The recording thread (a worker) is its own entry; the core finds it next to its own bundle.
  build({
    ...common,
    entryPoints: { gatehouse: 'electron/core/main.ts', 'recording-worker': 'electron/core/recording/thread/worker.ts' },
    outdir: 'dist/core',
    packages: 'external',
  }),
  // The hook client must start fast and depend on nothing: it is what an agent runs where curl is missing.
  build({
    ...common,
    entryPoints: { 'hook-client': 'electron/core/gate/hook-client.ts' },
    outdir: 'dist/core',
    banner: {},
  }),
  // The renderer: one script and one stylesheet, loaded by index.html (CSP: script-src 'self', no inline code).
  build({
    entryPoints: { app: 'renderer/main.tsx' },
    outdir: 'dist/renderer',
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    format: 'esm',
    jsx: 'automatic',
    minify: true,
    sourcemap: 'linked',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  }),
  build({
    entryPoints: { app: 'renderer/styles.css' },
    outdir: 'dist/renderer',
    bundle: true,
    minify: true,
    logLevel: 'warning',
  }),
  // The desktop shell's main process (ESM; Electron and electron-store stay external).
  build({ ...common, entryPoints: { index: 'electron/main/index.ts' }, outdir: 'dist/main', packages: 'external' }),
  // A sandboxed preload must be one CommonJS file that requires nothing but electron.
  build({
    entryPoints: { preload: 'electron/preload/preload.ts' },
    outdir: 'dist/preload',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['electron'],
    sourcemap: 'linked',
    logLevel: 'warning',
  }),
]);

// The shell integration scripts are read by the shells themselves: they sit beside the bundle, as beside the sources.
fs.rmSync('dist/core/shell-integration', { recursive: true, force: true });
fs.cpSync('electron/core/pty/shell-integration', 'dist/core/shell-integration', { recursive: true });
