// `npm install`'s one Node check instead of 45 lines of engine warnings: nothing on a Node that will do; on an older
// one, one line saying that the install brings Node 22 and that the scripts and `gatehouse` run on it (or, if that
// Node is missing, what to install). Run as npm runs it, under the system's own older Node where there is one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

interface CheckNode {
  npmNodeVersion(env: NodeJS.ProcessEnv, fallback: string): string;
  nodeCheckMessage(version: string, bundled: boolean): string | null;
}

const SCRIPT = path.resolve('scripts/check-node.mjs');
let check: CheckNode;
beforeAll(async () => {
  check = (await import(pathToFileURL(SCRIPT).href)) as CheckNode;
});

const NODE20_NPM = 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false';

describe('the Node check of npm install', () => {
  it('says nothing on Node 22.15 or newer', () => {
    expect(check.nodeCheckMessage('22.15.0', true)).toBeNull();
    expect(check.nodeCheckMessage('24.1.0', false)).toBeNull();
  });

  it('on an older Node: one line saying what this install does about it', () => {
    expect(check.nodeCheckMessage('20.20.2', true)).toBe(
      'gatehouse: Node 20.20.2 runs npm here and Gatehouse needs Node 22.15 or newer, so this install brings Node 22 (the `node` package); `npm start`, `npm run …` and `gatehouse` run on it, nothing else to do.',
    );
    expect(check.nodeCheckMessage('22.14.0', false)).toContain(
      'is missing: install Node 22 from https://nodejs.org, then run `npm install` again.',
    );
  });

  it('reads the Node that runs npm from npm’s user agent, not the `node` its scripts find first', () => {
    expect(check.npmNodeVersion({ npm_config_user_agent: NODE20_NPM }, '22.23.3')).toBe('20.20.2');
    expect(check.npmNodeVersion({}, '22.23.3')).toBe('22.23.3');
  });

  it('run as npm runs it: one line, never a failed install', () => {
    const r = spawnSync(process.execPath, [SCRIPT], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, npm_config_user_agent: NODE20_NPM },
    });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain('gatehouse: Node 20.20.2 runs npm here');
  });

  it.runIf(fs.existsSync('/usr/bin/node'))('runs under the system’s own Node too', () => {
    const r = spawnSync('/usr/bin/node', [SCRIPT], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
    expect([r.status, r.stderr]).toEqual([0, '']);
    const version = spawnSync('/usr/bin/node', ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
    expect(r.stdout).toBe(
      check.nodeCheckMessage(version, true) === null ? '' : `${check.nodeCheckMessage(version, true)}\n`,
    );
  });
});
