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

function boundaryRule(groups) {
  return { 'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }] };
}

/** One entry per layer, plus one per native owner folder inside it (ESLint replaces, not merges, a rule's options). */
function boundaries() {
  return layers.flatMap((layer) => {
    const prefix = layer.files[0].split('/**')[0];
    const natives = (except) =>
      nativeOwners.filter((n) => n.folder !== except).map((n) => [[n.name], `${n.name} is imported only in ${n.folder}/.`]);
    const owned = nativeOwners.filter((n) => n.folder.startsWith(prefix));
    return [
      { files: layer.files, rules: boundaryRule([[layer.forbid, layer.message], ...natives(null)]) },
      ...owned.map((n) => ({ files: [`${n.folder}/**/*.ts`], rules: boundaryRule([[layer.forbid, layer.message], ...natives(n.folder)]) })),
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
  // Type-aware rules, only for the sources the tsconfig projects cover (the project service finds each file's
  // project through the references in tsconfig.json): a promise nobody awaits loses its rejection, a promise passed
  // where a void callback is expected is never awaited, and a switch over a union must name every member.
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx', 'test/**/*.ts', 'test/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.mjs', 'bin/**/*.mjs', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
