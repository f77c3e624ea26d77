// `gatehouse run` with the sandbox (bubblewrap here) and without it, with a real `gatehouse daemon`: every way an
// agent without hooks starts a shell is held (nobody decides, so each times out) and its marker never appears; the
// sandboxed agent cannot change Gatehouse's files or the agents' settings; and the real Claude Code still builds,
// tests, commits and serves in the sandbox.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/domain.ts';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { connectControl } from '../../electron/core/control/client.ts';
import { corePaths } from '../../electron/core/paths.ts';
import { BIN_DIR, claudeInvocation } from '../support/agents.ts';
import { startCli, startDaemon, type CliResult } from '../support/cli.ts';
import { startMockAnthropic } from '../support/mock-anthropic.ts';
import { tempDir } from '../support/temp.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function canSandbox(): boolean {
  try {
    execFileSync('bwrap', ['--dev-bind', '/', '/', '--unshare-pid', '--proc', '/proc', '--', 'true'], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}
const SANDBOX = process.platform === 'linux' && canSandbox();
const HAS = (shell: string) => fs.existsSync(`/usr/bin/${shell}`) || fs.existsSync(`/bin/${shell}`);

async function world(holdTimeout: string) {
  const root = tempDir('gh-sbx-');
  const ghHome = path.join(root, 'gatehouse');
  const work = path.join(root, 'work');
  const home = path.join(root, 'home');
  fs.mkdirSync(work);
  fs.mkdirSync(path.join(home, '.claude'), { recursive: true });
  const daemon = await startDaemon(ghHome, ['--hold-timeout', holdTimeout]);
  cleanups.push(() => daemon.stop());
  const paths = corePaths(ghHome);
  const client = await connectControl(paths.controlSocket, readAdminToken(paths.adminTokenFile));
  cleanups.push(async () => client.close());
  const events: CoreEvent[] = [];
  await client.events((e) => events.push(e));
  const held = () => events.flatMap((e) => (e.type === 'request.held' ? [e.request.command] : []));
  return { root, ghHome, work, home, client, events, held };
}

function runAgent(w: Awaited<ReturnType<typeof world>>, script: string, flags: string[]): Promise<CliResult> {
  fs.writeFileSync(path.join(w.work, 'agent.sh'), script);
  const env = {
    PATH: [BIN_DIR, '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    HOME: w.home,
    LANG: 'C.UTF-8',
    GATEHOUSE_HOME: w.ghHome,
  };
  return startCli(['run', ...flags, '--agent', 'shell', '--', 'sh', 'agent.sh'], env, { cwd: w.work, input: null })
    .done;
}

/** Each way to start a shell: the line the agent runs, and what the person is asked about. */
const FORMS: Array<{
  name: string;
  line: string;
  asked: string;
  askedInSandbox?: string;
  only?: string;
  sandboxOnly?: true;
}> = [
  { name: 'sh', line: `sh -c 'touch m-sh'`, asked: 'touch m-sh' },
  { name: 'bash-p', line: `bash -p -c 'touch m-bash-p'`, asked: 'touch m-bash-p' },
  { name: 'bash-posix', line: `bash --posix -c 'touch m-bash-posix'`, asked: 'touch m-bash-posix' },
  { name: 'bash-norc', line: `bash --norc -c 'touch m-bash-norc'`, asked: 'touch m-bash-norc' },
  { name: 'fish', line: `fish -c 'touch m-fish'`, asked: 'touch m-fish', only: 'fish' },
  { name: 'zsh-f', line: `zsh -f -c 'touch m-zsh-f'`, asked: 'touch m-zsh-f', only: 'zsh' },
  // By the path PATH found: the wrapper on PATH stands for the name, the one in the shell's place for its path.
  { name: 'script', line: `bash script.sh`, asked: 'bash script.sh', askedInSandbox: '/usr/bin/bash script.sh' },
  { name: 'env-u', line: `env -u BASH_ENV -u ZDOTDIR bash -c 'touch m-env-u'`, asked: 'touch m-env-u' },
  { name: 'spoof', line: `GATEHOUSE_GATED=1 sh -c 'touch m-spoof'`, asked: 'touch m-spoof' },
  // The wrapper carries its hook, socket and token itself: ones from the environment are not used.
  {
    name: 'fake-hook',
    line: `GATEHOUSE_GATE_HOOK='printf {}' GATEHOUSE_SOCKET=/nonexistent PATH=/tmp:$PATH sh -c 'touch m-fake-hook'`,
    asked: 'touch m-fake-hook',
  },
  { name: 'abs-bash', line: `/usr/bin/bash -c 'touch m-abs-bash'`, asked: 'touch m-abs-bash' },
  // Only the sandbox puts a wrapper at the shells' own paths.
  { name: 'abs-sh', line: `/bin/sh -c 'touch m-abs-sh'`, asked: 'touch m-abs-sh', sandboxOnly: true },
  {
    name: 'abs-dash',
    line: `env -i /usr/bin/dash -c 'touch m-abs-dash'`,
    asked: 'touch m-abs-dash',
    sandboxOnly: true,
  },
  {
    name: 'abs-bash-p',
    line: `env -i /bin/bash -p -c 'touch m-abs-bash-p'`,
    asked: 'touch m-abs-bash-p',
    sandboxOnly: true,
  },
  {
    name: 'python',
    line: `/usr/bin/python3 -c "import os, sys; sys.exit(os.system('touch m-python') >> 8)"`,
    asked: 'touch m-python',
    only: 'python3',
    sandboxOnly: true,
  },
  {
    name: 'node',
    line: `node -e "require('child_process').execSync('touch m-node')"`,
    asked: 'touch m-node',
    sandboxOnly: true,
  },
];

describe.each([
  { mode: 'sandbox', flags: [] as string[], enabled: SANDBOX },
  { mode: 'no sandbox', flags: ['--no-sandbox'], enabled: true },
])('gatehouse run --agent shell ($mode)', ({ mode, flags, enabled }) => {
  it.skipIf(!enabled)('holds every way of starting a shell, and none of them runs when nobody decides', async () => {
    const w = await world('1s');
    fs.writeFileSync(path.join(w.work, 'script.sh'), 'touch m-script\n');
    const forms = FORMS.filter((f) => (!f.only || HAS(f.only)) && (mode === 'sandbox' || !f.sandboxOnly));
    const script = [...forms.map((f) => `${f.line}; echo "${f.name}-exit=$?"`), 'echo AGENT-DONE'].join('\n');
    const result = await runAgent(w, script, flags);
    expect(result.stdout).toContain('AGENT-DONE');
    for (const f of forms) {
      expect(result.stdout, f.name).toContain(`${f.name}-exit=`);
      expect(result.stdout, f.name).not.toContain(`${f.name}-exit=0`);
    }
    expect(fs.readdirSync(w.work).filter((f) => f.startsWith('m-'))).toEqual([]);
    expect(w.held().sort()).toEqual(forms.map((f) => (mode === 'sandbox' && f.askedInSandbox) || f.asked).sort());
    const decided = w.events.flatMap((e) => (e.type === 'request.decided' ? [e.request.decision?.decidedBy] : []));
    expect(decided.every((by) => by === 'timeout')).toBe(true);
  });
});

describe.skipIf(!SANDBOX)('the sandbox (bubblewrap)', () => {
  it("keeps the agent away from Gatehouse's files and the agents' settings, and keeps the gate connectable", async () => {
    const w = await world('1s');
    const userSettings = path.join(w.home, '.claude', 'settings.json');
    fs.writeFileSync(userSettings, '{"theme":"dark"}\n');
    const snapshot = path.join(w.home, '.claude', 'shell-snapshots', 'snapshot-bash-1.sh');
    fs.mkdirSync(path.dirname(snapshot));
    fs.writeFileSync(snapshot, 'alias ll="ls -l"\n');
    const script = [
      `printf 'touch m-snap' >> "$HOME/.claude/shell-snapshots/snapshot-bash-1.sh" 2>/dev/null; echo "snapshot-write=$?"`,
      `touch "$HOME/.claude/shell-snapshots/new.sh" 2>/dev/null; echo "snapshot-new=$?"`,
      'echo "data:[$(ls -A "$GATEHOUSE_HOME" 2>/dev/null)]"',
      'touch "$GATEHOUSE_HOME/evil" 2>/dev/null; echo "data-write=$?"',
      `printf '{"disableAllHooks":true}' > .claude/settings.local.json 2>/dev/null; echo "project-write=$?"`,
      `printf x >> "$HOME/.claude/settings.json" 2>/dev/null; echo "user-write=$?"`,
      'echo "sockets:[$(ls -A "$(dirname "$GATEHOUSE_SOCKET")")]"',
      'rm -f "$GATEHOUSE_SOCKET" 2>/dev/null; echo "socket-rm=$?"',
      `sh -c 'touch m-after'; echo "after-exit=$?"`,
    ].join('\n');
    const result = await runAgent(w, script, []);
    expect(result.stderr).toContain('sandboxed (bwrap)');
    expect(result.stdout).toContain('data:[]');
    for (const what of ['snapshot-write', 'snapshot-new', 'data-write', 'project-write', 'user-write', 'socket-rm'])
      expect(result.stdout).toMatch(new RegExp(`${what}=[1-9]`));
    expect(fs.readFileSync(snapshot, 'utf8')).toBe('alias ll="ls -l"\n');
    expect(result.stdout).toContain('sockets:[gate.sock]');
    // The gate still answered (a timeout, nobody decided) after the attempt to remove its socket.
    expect(result.stdout).toContain('after-exit=126');
    expect(w.held()).toEqual(['touch m-after']);
    expect(fs.existsSync(path.join(w.ghHome, 'evil'))).toBe(false);
    expect(fs.readFileSync(userSettings, 'utf8')).toBe('{"theme":"dark"}\n');
    // The placeholder the sandbox made for the missing project settings is gone with the run.
    expect(fs.existsSync(path.join(w.work, '.claude'))).toBe(false);
  });

  it('says why it cannot start and starts nothing, unless the person opts out', async () => {
    const w = await world('1s');
    const noBwrap = { PATH: `${BIN_DIR}:/nonexistent`, HOME: w.home, GATEHOUSE_HOME: w.ghHome };
    // A PATH without bwrap (nor anything else of /usr/bin): the agent names its one program by path.
    fs.writeFileSync(path.join(w.work, 'agent.sh'), '/usr/bin/touch started\n');
    const node = path.join(BIN_DIR, 'node');
    const refused = await startCli(
      ['run', '--agent', 'shell', '--', '/bin/sh', 'agent.sh'],
      { ...noBwrap, PATH: path.dirname(fs.realpathSync(node)) },
      { cwd: w.work, input: null },
    ).done;
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('cannot start the sandbox: bubblewrap (bwrap) is not installed');
    expect(refused.stderr).toContain('--no-sandbox');
    expect(fs.existsSync(path.join(w.work, 'started'))).toBe(false);
    const optedOut = await startCli(
      ['run', '--agent', 'shell', '--', '/bin/sh', 'agent.sh'],
      { ...noBwrap, PATH: path.dirname(fs.realpathSync(node)), GATEHOUSE_SANDBOX: 'off' },
      { cwd: w.work, input: null },
    ).done;
    expect(optedOut.stderr).toContain('sandbox off');
    expect(fs.existsSync(path.join(w.work, 'started'))).toBe(true);
  });
});

describe.skipIf(!SANDBOX)('the real Claude Code in the sandbox', () => {
  async function claudeWorld(command: (w: Awaited<ReturnType<typeof world>>) => string) {
    const w = await world('60s');
    const mock = await startMockAnthropic({ command: command(w) });
    cleanups.push(() => mock.close());
    const inv = claudeInvocation({ mockUrl: mock.url, home: w.home, prompt: 'do it' });
    const run = () =>
      startCli(
        ['run', '--', inv.command, ...inv.args],
        { ...inv.env, GATEHOUSE_HOME: w.ghHome },
        { cwd: w.work, input: null },
      ).done;
    const next = (type: CoreEvent['type']) =>
      new Promise<CoreEvent>((resolve) => {
        const poll = setInterval(() => {
          const found = w.events.find((e) => e.type === type);
          if (found) {
            clearInterval(poll);
            resolve(found);
          }
        }, 20);
      });
    return { ...w, mock, run, next };
  }

  it("cannot change its own settings or Gatehouse's data, even with a command a person allowed", async () => {
    const w = await claudeWorld(
      (w) =>
        `printf '{"disableAllHooks":true}' > .claude/settings.local.json; printf x >> "$CLAUDE_CONFIG_DIR/settings.json"; ` +
        `touch ${w.ghHome}/evil; ls -A ${w.ghHome} | wc -l; echo "done-$((6*7))"`,
    );
    const userSettings = path.join(w.home, '.claude', 'settings.json');
    fs.writeFileSync(userSettings, '{"theme":"dark"}\n');
    const done = w.run();
    const held = await w.next('request.held');
    if (held.type !== 'request.held') throw new Error('unreachable');
    // A person allows it: the sandbox is what still stands.
    await w.client.api.decide({ id: held.request.id, decision: 'allow' });
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    const out = w.mock.toolResults.join('\n');
    expect(out).toContain('done-42');
    expect(out).toContain('Read-only file system');
    expect(fs.readFileSync(userSettings, 'utf8')).toBe('{"theme":"dark"}\n');
    expect(fs.existsSync(path.join(w.work, '.claude', 'settings.local.json'))).toBe(false);
    expect(fs.existsSync(path.join(w.ghHome, 'evil'))).toBe(false);
  });

  it('still builds, tests, commits and serves on a port, with trust on so nobody has to decide', async () => {
    // A port of its own per test process; a command whose port is only known at run time is not fully read, and
    // trust mode lets through only what Gatehouse read.
    const port = 20_000 + (process.pid % 20_000);
    const w = await claudeWorld(
      () =>
        'make build && npm test && git init -q && git add -A && git -c user.name=t -c user.email=t@example.com commit -qm init && git log --oneline && ' +
        `{ node server.js ${port} > server.log 2>&1 & } && sleep 1 && curl -s http://127.0.0.1:${port}/ && kill %1`,
    );
    fs.writeFileSync(path.join(w.work, 'Makefile'), 'build:\n\tprintf built > out.txt\n');
    fs.writeFileSync(
      path.join(w.work, 'package.json'),
      JSON.stringify({ name: 'p', version: '1.0.0', scripts: { test: 'node test.js' } }),
    );
    fs.writeFileSync(
      path.join(w.work, 'test.js'),
      "const fs = require('fs'); if (fs.readFileSync('out.txt', 'utf8') !== 'built') process.exit(1); console.log('tests-passed');\n",
    );
    fs.writeFileSync(
      path.join(w.work, 'server.js'),
      "require('http').createServer((q, r) => r.end('served-' + (6 * 7))).listen(Number(process.argv[2]), '127.0.0.1');\n",
    );
    await w.client.api.startTrust({ durationMs: 10 * 60_000 });
    const result = await w.run();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('sandboxed (bwrap)');
    const out = w.mock.toolResults.join('\n');
    expect(out).toContain('tests-passed');
    expect(out).toContain('served-42');
    expect(fs.readFileSync(path.join(w.work, 'out.txt'), 'utf8')).toBe('built');
    expect(fs.existsSync(path.join(w.work, '.git', 'HEAD'))).toBe(true);
    expect(w.events.some((e) => e.type === 'request.held')).toBe(false);
  });
});
