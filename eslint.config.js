// Lint rules, including the import boundaries that keep each layer in its lane (see ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http', 'crypto', 'stream', 'util', 'events'];

/** Native modules: each is imported in exactly one folder. */
const nativeOwners = [
  { name: 'better-sqlite3', folder: 'electron/core/store' },
  { name: '@lydell/node-pty', folder: 'electron/core/pty' },
  { name: 'electron-store', folder: 'electron/main' },
];

/** Each layer and what it must not import (ARCHITECTURE.md, "Layers"). */
const layers = [
  {
    files: ['shared/**/*.ts'],
    forbid: [...nodeBuiltins, 'electron', 'electron/*', 'react', 'react-dom', 'zustand', '@xterm/*', 'conf', '**/electron/**', '**/renderer/**'],
    message: 'shared/ is pure TypeScript: it may import only zod and other shared/ files.',
  },
  {
    files: ['electron/core/**/*.ts'],
    // @xterm/headless and its serialize addon are DOM-free: the core keeps hosted screens and replays recordings with
    // them; the DOM ones are the renderer's.
    forbid: ['electron', 'electron/*', 'react', 'react-dom', 'zustand', '@xterm/xterm', '@xterm/addon-*', '!@xterm/addon-serialize', '**/renderer/**', '**/electron/main/**', '**/electron/preload/**'],
    message: 'The core never imports electron, the renderer or the Electron shell: it must run under plain Node.',
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    forbid: [...nodeBuiltins, 'electron', 'electron/*', '**/electron/**'],
    message: 'The renderer talks only to the API client and shared/.',
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    forbid: ['react', 'react-dom', 'zustand', '@xterm/*', '**/renderer/**', '**/electron/core/**'],
    message: 'The Electron shell reaches the core only through the API contract in shared/.',
  },
];

/** Folders inside a layer that must not import some of its other folders, beyond what their layer forbids. */
const folderBans = [
  {
    folder: 'electron/core/store',
    forbid: ['**/recording/**'],
    message: 'store/ never imports recording/: the store keeps data for every part of the core (redaction, which both use, is in redaction/).',
  },
];

function boundaryRule(groups) {
  return { 'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }] };
}

/**
 * One entry per layer, plus one per folder inside it that owns a native module or has bans of its own, carrying the
 * layer's groups too (ESLint replaces, not merges, a rule's options).
 */
function boundaries() {
  return layers.flatMap((layer) => {
    const prefix = layer.files[0].split('/**')[0];
    const natives = (except) =>
      nativeOwners.filter((n) => n.folder !== except).map((n) => [[n.name], `${n.name} is imported only in ${n.folder}/.`]);
    const bans = (folder) => folderBans.filter((b) => b.folder === folder).map((b) => [b.forbid, b.message]);
    const folders = [...new Set([...nativeOwners, ...folderBans].map((f) => f.folder).filter((f) => f.startsWith(prefix)))];
    return [
      { files: layer.files, rules: boundaryRule([[layer.forbid, layer.message], ...natives(null)]) },
      ...folders.map((folder) => ({ files: [`${folder}/**/*.ts`], rules: boundaryRule([[layer.forbid, layer.message], ...natives(folder), ...bans(folder)]) })),
    ];
  });
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  ...boundaries(),
  {
    files: ['test/**/*.ts', 'scripts/**/*.mjs', 'bin/**/*.mjs', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
