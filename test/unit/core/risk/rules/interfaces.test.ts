// open and xdg-open hand what they are given to an app, which may run it: low only for a web page, a document that
// is only shown, or a folder, in the default app. Scored through the whole engine, never run.
import { beforeAll, describe, expect, it } from 'vitest';
import { machine } from '../../../../support/risk-machine.ts';
import type { RiskEngine } from '../../../../../electron/core/risk/engine.ts';
import { createRiskEngine } from '../../../../../electron/core/risk/index.ts';
import { PROJECT, testContextOptions } from '../../../../support/risk.ts';

let engine: RiskEngine;
beforeAll(async () => {
  engine = await createRiskEngine(testContextOptions());
});
const level = (cmd: string) => engine.assess(cmd, PROJECT).level;

describe('open and xdg-open', () => {
  it.each([
    'open http://localhost:3000',
    'open -a "Google Chrome" http://localhost:3000',
    'open coverage/index.html',
    'open playwright-report/index.html docs/diagram.png',
    'open .',
    'open docs/',
    'xdg-open report.pdf',
    'xdg-open https://github.com/acme/widget/pull/7',
  ])('%s is low: only shown', (cmd) => expect(level(cmd)).toBe('low'));

  it.each([
    // An app, a script, a launcher: the app that opens it runs it.
    'open Evil.app',
    'open ./Evil.app/',
    'open run.command',
    'open /tmp/x.sh',
    'open -a Terminal /tmp/x.sh',
    'open -a Terminal README.md',
    'open -b com.apple.Terminal notes.txt',
    'xdg-open x.desktop',
    'xdg-open ./install.sh',
    // An app alone, arguments or environment for it, something only known when it runs, a file URL.
    'open -a Safari',
    'open -n -a Evil',
    'open README.md --args --load-extension=/tmp/x',
    'open --env DYLD_INSERT_LIBRARIES=/tmp/x.dylib index.html',
    'open "$URL"',
    'open file:///home/dev/.ssh/id_rsa',
  ])('%s is not low', (cmd) => expect(level(cmd)).not.toBe('low'));
});

describe('a script open hands to an app', () => {
  it('is read like sh would read it', async () => {
    const m = await machine({ 'project/x.command': 'rm -rf ~\n', 'project/ok.sh': 'echo hi\n' });
    expect(m.assess('open x.command').level).toBe('critical');
    expect(m.assess('open -a Terminal x.command').level).toBe('critical');
    expect(m.assess('open -a Terminal ok.sh').level).toBe('medium');
  });
});
