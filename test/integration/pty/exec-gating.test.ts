// An agent without hooks (`--agent shell`) in a hosted pty: its `bash -c` / `zsh -c` strings go to the gate first,
// and shells nested inside an allowed command are not asked again.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasShell, terminalWorld, type TerminalWorld } from '../../support/terminal.ts';

const worlds: TerminalWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.stop();
});

describe.each(['bash', 'zsh'])('%s -c under an agent without hooks', (shell) => {
  it.skipIf(!hasShell(shell))(
    `asks the gate once per command string and never runs a denied one (${shell} must be installed)`,
    async () => {
      const w = await terminalWorld();
      worlds.push(w);
      // The "agent" is a plain sh script (sh itself is not gated) that starts shells the way agents do.
      const agent = [
        `${shell} -c 'touch a.txt; ${shell} -c "touch b.txt"'`,
        `${shell} -c 'touch c-held.txt'; echo "denied-exit=$?"`,
        `${shell} -c 'touch d-held.txt'`,
        'echo AGENT-DONE',
      ].join('\n');
      fs.writeFileSync(path.join(w.work, 'agent.sh'), agent);
      const t = await w.start({ agent: 'shell', argv: ['sh', 'agent.sh'] });

      const deny = await w.core.next('request.held', (e) => e.request.command === 'touch c-held.txt');
      await w.core.client.api.decide({ id: deny.request.id, decision: 'deny', reason: 'no c for you' });
      const allow = await w.core.next('request.held', (e) => e.request.command === 'touch d-held.txt');
      await w.core.client.api.decide({ id: allow.request.id, decision: 'allow' });
      expect(await t.exit).toBe(0);

      const out = w.recordings.output(t.info.sessionId);
      expect(out).toContain('The user denied this command in Gatehouse: no c for you');
      expect(out).not.toContain('Gatehouse: The user');
      expect(out).toContain('denied-exit=126');
      expect(out).toContain('AGENT-DONE');
      expect(w.requests.map((r) => r.command)).toEqual([
        `touch a.txt; ${shell} -c "touch b.txt"`,
        'touch c-held.txt',
        'touch d-held.txt',
      ]);
      expect(
        w.requests.every((r) => r.sessionId === t.info.sessionId && r.kind === 'check' && r.agent === 'shell'),
      ).toBe(true);
      for (const f of ['a.txt', 'b.txt', 'd-held.txt']) expect(fs.existsSync(path.join(w.work, f))).toBe(true);
      expect(fs.existsSync(path.join(w.work, 'c-held.txt'))).toBe(false);
    },
  );
});

it.skipIf(!hasShell('zsh'))("keeps the user's own zsh and bash startup files working under the gate", async () => {
  const w = await terminalWorld({ env: (home) => ({ BASH_ENV: path.join(home, '.bashenv') }) });
  worlds.push(w);
  fs.writeFileSync(path.join(w.home, '.zshenv'), 'export FROM_ZSHENV=zshenv-ran\n');
  fs.writeFileSync(path.join(w.home, '.bashenv'), 'export FROM_BASH_ENV=bashenv-ran\n');
  const t = await w.start({
    agent: 'shell',
    argv: ['sh', '-c', 'zsh -c \'echo "[$FROM_ZSHENV]"\'; bash -c \'echo "[$FROM_BASH_ENV]"\''],
  });
  expect(await t.exit).toBe(0);
  const out = w.recordings.output(t.info.sessionId);
  expect(out).toContain('[zshenv-ran]');
  expect(out).toContain('[bashenv-ran]');
  expect(w.requests.map((r) => r.command)).toEqual(['echo "[$FROM_ZSHENV]"', 'echo "[$FROM_BASH_ENV]"']);
});
