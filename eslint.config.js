// Lint rules, including the import boundaries that keep each layer in its lane and the walls between folders inside
// the core (see ARCHITECTURE.md).
import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** The TypeScript the tsconfig projects cover: the type-aware rules and the cycle check read these. */
const typescriptSources = [
  'electron/**/*.ts',
  'shared/**/*.ts',
  'renderer/**/*.ts',
  'renderer/**/*.tsx',
  'test/**/*.ts',
  'test/**/*.tsx',
];

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'net',
  'http',
  'crypto',
  'stream',
  'util',
  'events',
];

/** Each layer and what it must not import (ARCHITECTURE.md, "Layers"). */
const layers = [
  {
    in: ['shared'],
    forbid: [
      ...nodeBuiltins,
      'electron',
      'electron/*',
      'react',
      'react-dom',
      'zustand',
      '@xterm/*',
      'conf',
      '**/electron/**',
      '**/renderer/**',
    ],
    message: 'shared/ is pure TypeScript: it may import only zod and other shared/ files.',
  },
  {
    in: ['electron/core'],
    // @xterm/headless and its serialize addon are DOM-free: the core keeps hosted screens and replays recordings with
    // them; the DOM ones are the renderer's.
    forbid: [
      'electron',
      'electron/*',
      'react',
      'react-dom',
      'zustand',
      '@xterm/xterm',
      '@xterm/addon-*',
      '!@xterm/addon-serialize',
      '**/renderer/**',
      '**/electron/main/**',
      '**/electron/preload/**',
    ],
    message: 'The core never imports electron, the renderer or the Electron shell: it must run under plain Node.',
  },
  {
    in: ['renderer'],
    forbid: [...nodeBuiltins, 'electron', 'electron/*', '**/electron/**'],
    message: 'The renderer talks only to the API client and shared/.',
  },
  {
    in: ['electron/main', 'electron/preload'],
    forbid: ['react', 'react-dom', 'zustand', '@xterm/*', '**/renderer/**', '**/electron/core/**'],
    message: 'The Electron shell reaches the core only through the API contract in shared/.',
  },
];
const sources = layers.flatMap((layer) => layer.in);

/** Modules each imported in exactly one folder: the native ones, and the DOM terminal (the renderer's terminal surface). */
const owners = [
  { modules: ['better-sqlite3'], folder: 'electron/core/store' },
  { modules: ['@lydell/node-pty'], folder: 'electron/core/pty' },
  { modules: ['electron-store'], folder: 'electron/main' },
  { modules: ['@xterm/xterm', '@xterm/addon-fit', '@xterm/addon-webgl'], folder: 'renderer/terminal' },
];

/**
 * Every boundary: the folders it covers (`in`), folders inside those it spares (`except`), and the imports it forbids:
 * `forbid`, patterns on the import as written, or `leave`, the only folder (from the root) a relative import may reach
 * outside `in` (a folder that imports only itself and that one).
 */
const walls = [
  ...layers,
  ...owners.map((o) => ({
    in: sources,
    except: [o.folder],
    forbid: o.modules,
    message: `${o.modules[0]} is imported only in ${o.folder}/.`,
  })),
  // The risk engine is a closed box: the rest of the core reaches it through its index, and it needs nothing but shared/.
  {
    in: ['electron/core'],
    except: ['electron/core/risk'],
    forbid: ['**/risk/**', '!**/risk/index.ts'],
    message:
      'Outside risk/, the risk engine is reached only through electron/core/risk/index.ts: export what you need there.',
  },
  { in: ['electron/core/risk'], leave: 'shared', message: 'risk/ imports only itself and shared/ (and npm packages).' },
  // The store keeps data for every part of the core; redaction, which the store and recording both use, is in redaction/.
  {
    in: ['electron/core/store'],
    forbid: ['**/recording/**'],
    message: 'store/ never imports recording/ (redaction, which both use, is in redaction/).',
  },
];

const within = (folder, outer) => folder === outer || folder.startsWith(`${outer}/`);
const segments = (folder) => folder.split('/').length;

/** The patterns the files directly in `folder` get from one wall (null when the wall does not cover it). */
function patternsFor(wall, folder) {
  const outer = wall.in.find((f) => within(folder, f));
  if (!outer || (wall.except ?? []).some((f) => within(folder, f))) return null;
  if (wall.forbid) return [{ group: wall.forbid, message: wall.message }];
  // A file `depth` folders below `outer` leaves it with depth+1 `../`; the allowed folder sits at the root.
  const depth = segments(folder) - segments(outer);
  const up = (n) => `(?:\\.\\./){${n}}`;
  return [{ regex: `^${up(depth + 1)}(?!${up(segments(outer) - 1)}${wall.leave}/)`, message: wall.message }];
}

/**
 * One entry per folder of the layers (read from the disk, so a new folder is covered at once), for the files directly
 * in it, carrying every pattern that applies there: ESLint replaces, not merges, a rule's options per file, so each
 * file must match exactly one entry.
 */
function boundaries() {
  const subfolders = (root) =>
    fs
      .readdirSync(path.join(import.meta.dirname, root), { recursive: true, withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) =>
        path
          .relative(import.meta.dirname, path.join(d.parentPath, d.name))
          .split(path.sep)
          .join('/'),
      );
  return sources
    .flatMap((root) => [root, ...subfolders(root)])
    .map((folder) => ({
      files: [`${folder}/*.ts`, `${folder}/*.tsx`],
      rules: {
        'no-restricted-imports': ['error', { patterns: walls.flatMap((wall) => patternsFor(wall, folder) ?? []) }],
      },
    }));
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
    files: typescriptSources,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  // No import cycles among the sources: a cycle makes load order decide what a module sees (an export still undefined
  // at import time), and it means two folders are one. Imports name their `.ts` files, so plain Node resolution finds
  // them; type-only imports are erased and do not count; npm packages are not followed. Tests are left out: nothing
  // imports them, so they cannot close a cycle through the sources, and walking the whole graph again from each of
  // them would double the check's time.
  {
    files: typescriptSources.filter((glob) => !glob.startsWith('test/')),
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.mjs', 'bin/**/*.mjs', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
