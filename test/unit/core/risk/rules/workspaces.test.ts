// The packages of a JavaScript workspace as npm, yarn and pnpm find them, read from folders on disk: the root's
// `workspaces` (a list or `{ packages }`) and pnpm-workspace.yaml, with `*`, `**` and `{a,b}`; what Gatehouse cannot
// follow (a `[ab]` class, too many packages, an unreadable file) answers null.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFiles } from '../../../../../electron/core/risk/disk.ts';
import {
  findWorkspaceRoot,
  pnpmWorkspaceGlobs,
  workspacePackages,
} from '../../../../../electron/core/risk/rules/workspaces.ts';
import { tempDir } from '../../../../support/temp.ts';

function layout(files: Record<string, string>): string {
  const root = tempDir();
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}
const pkg = '{"name":"x"}';
const rel = (root: string, dirs: string[] | null) => dirs?.map((d) => path.relative(root, d)) ?? null;

describe('pnpm-workspace.yaml', () => {
  it('reads the packages list, quoted or not, with comments', () => {
    expect(
      pnpmWorkspaceGlobs(
        'packages:\n  - \'apps/*\'\n  # tools\n  - "tools/**"\n  - libs/core # one\ncatalog:\n  x: 1\n',
      ),
    ).toEqual(['apps/*', 'tools/**', 'libs/core']);
    expect(pnpmWorkspaceGlobs('catalog:\n  react: 18\n')).toBeNull();
  });
});

describe('workspacePackages', () => {
  it('finds the packages of a package.json workspaces list, with * and {a,b}, never the root or node_modules', () => {
    const root = layout({
      'package.json': JSON.stringify({ workspaces: ['packages/*', 'apps/{web,api}', '!packages/skip'] }),
      'packages/a/package.json': pkg,
      'packages/b/package.json': pkg,
      'packages/skip/package.json': pkg,
      'packages/no-manifest/README.md': '',
      'apps/web/package.json': pkg,
      'apps/api/package.json': pkg,
      'apps/docs/package.json': pkg,
      'node_modules/x/package.json': pkg,
    });
    // Exclusions are not applied: reading more packages only ever finds more.
    expect(rel(root, workspacePackages(root, nodeFiles()))).toEqual([
      'apps/api',
      'apps/web',
      'packages/a',
      'packages/b',
      'packages/skip',
    ]);
  });

  it('follows ** a few levels down, and yarn’s { packages } form', () => {
    const root = layout({
      'package.json': JSON.stringify({ workspaces: { packages: ['libs/**'] } }),
      'libs/a/package.json': pkg,
      'libs/group/b/package.json': pkg,
      'libs/node_modules/c/package.json': pkg,
    });
    expect(rel(root, workspacePackages(root, nodeFiles()))).toEqual(['libs/a', 'libs/group/b']);
  });

  it('follows ** to the last folder, and reads list items written at the key’s column', () => {
    const deep = layout({
      'package.json': JSON.stringify({ workspaces: ['pkgs/**'] }),
      'pkgs/a/b/c/d/e/package.json': pkg,
    });
    expect(rel(deep, workspacePackages(deep, nodeFiles()))).toEqual(['pkgs/a/b/c/d/e']);
    const flush = layout({ 'pnpm-workspace.yaml': 'packages:\n- packages/*\n', 'packages/a/package.json': pkg });
    expect(rel(flush, workspacePackages(flush, nodeFiles()))).toEqual(['packages/a']);
  });

  it('reads pnpm-workspace.yaml first', () => {
    const root = layout({
      'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n",
      'package.json': JSON.stringify({ workspaces: ['other/*'] }),
      'apps/a/package.json': pkg,
      'other/b/package.json': pkg,
    });
    expect(rel(root, workspacePackages(root, nodeFiles()))).toEqual(['apps/a']);
    expect(findWorkspaceRoot(path.join(root, 'apps', 'a'), nodeFiles())).toBe(root);
  });

  it('is null for what it cannot follow: a class, a path out of the root, a broken manifest, too many packages', () => {
    expect(
      workspacePackages(layout({ 'pnpm-workspace.yaml': "packages:\n  - 'apps/[ab]'\n" }), nodeFiles()),
    ).toBeNull();
    expect(workspacePackages(layout({ 'package.json': '{"workspaces":["../x"]}' }), nodeFiles())).toBeNull();
    expect(workspacePackages(layout({ 'package.json': '{"workspaces":' }), nodeFiles())).toBeNull();
    const many: Record<string, string> = { 'package.json': '{"workspaces":["p/*"]}' };
    for (let i = 0; i < 70; i++) many[`p/${i}/package.json`] = pkg;
    expect(workspacePackages(layout(many), nodeFiles())).toBeNull();
  });

  it('is empty for a folder that is no workspace root, which findWorkspaceRoot does not find', () => {
    const root = layout({ 'package.json': pkg });
    expect(workspacePackages(root, nodeFiles())).toEqual([]);
    expect(findWorkspaceRoot(root, nodeFiles())).toBeNull();
  });
});
