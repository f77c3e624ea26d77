// The person typing in a hosted shell is the reviewer: their own lines run as the session's typing trust says (by
// default low risk at once, the rest asked), on real ptys with the core's own policy. A command that a program started
// in that shell asks about is not typing, whatever it sends, and is decided as any agent's.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/api.ts';
import { hasShell, terminalWorld, type TerminalWorld } from '../../support/terminal.ts';

const worlds: TerminalWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.stop();
});

/** A program in the session asking the gate itself: with the session's token and hook, and a key it guessed. */
const ASK_SCRIPT = [
  `printf '%s' '{"command":"touch from-program.txt","cwd":"'"$PWD"'","typed":"a-guessed-key"}' | sh -c "$GATEHOUSE_GATE_HOOK"`,
  'echo',
  'echo "program done, key file: ${GATEHOUSE_TYPED_KEY_FILE:-not given}"',
].join('\n');

describe.each(['bash', 'zsh', 'fish'])('typed lines in %s', (shell) => {
  it.skipIf(!hasShell(shell))(
    `runs the person's low-risk lines at once, asks about the rest, follows the session's choice, and never counts a program's request as typing (${shell} must be installed)`,
    async () => {
      const w = await terminalWorld({ corePolicy: true });
      worlds.push(w);
      fs.writeFileSync(path.join(w.work, 'ask.sh'), ASK_SCRIPT);
      fs.mkdirSync(path.join(w.work, 'build'));
      const t = await w.start({ agent: 'shell', shell, size: { cols: 160, rows: 30 } });
      expect(t.info.typingTrust).toBe('low');
      await t.prompt();
      const id = t.info.sessionId;
      // What guards it, as the Sessions view shows: the line gate, no sandbox.
      const session = (await w.core.client.api.listSessions()).find((x) => x.id === id);
      expect(session?.protections?.map((p) => `${p.layer} ${p.state}`)).toEqual([
        'shells on',
        'hook-client on',
        'sandbox off',
        'tamper-watch on',
      ]);
      const decided = (command: string) =>
        w.core.next('request.decided', (e) => e.request.command === command).then((e) => e.request);

      // The default: a low-risk line the person types runs at once, decided as typed, with nothing said.
      let from = t.output().length;
      let verdict = decided('touch low.txt');
      await t.type('touch low.txt\r');
      expect((await verdict).decision).toMatchObject({ decision: 'allow', decidedBy: 'typed' });
      await t.nextCommand();
      expect(fs.existsSync(path.join(w.work, 'low.txt'))).toBe(true);
      expect(t.output().slice(from)).not.toContain('Waiting for your decision');
      // In the history it is one of the decisions a setting made, with no person asked.
      const policy = await w.core.client.api.listHistory({ decidedBy: 'policy', sessionId: id });
      expect(policy.items.map((r) => r.command)).toContain('touch low.txt');

      // Medium risk is asked, and the terminal says so while it waits.
      from = t.output().length;
      let held = w.core.next('request.held');
      await t.type('rm -rf build\r');
      const rm = (await held).request;
      expect(rm.command).toBe('rm -rf build');
      await t.waitForOutput(
        /‖ Waiting for your decision in Gatehouse — medium risk: rm -rf build\. Ctrl-C cancels\./,
        from,
      );
      await w.core.client.api.decide({ id: rm.id, decision: 'deny' });
      await t.waitForOutput(/✗ Denied in Gatehouse\./, from);
      expect(fs.existsSync(path.join(w.work, 'build'))).toBe(true);

      // "Ask for everything": even a low-risk line waits. Switched to "run what I type" while it waits, it runs.
      const told = w.core.next('terminal.typing');
      expect((await w.core.client.api.setTypingTrust({ sessionId: id, typingTrust: 'none' })).typingTrust).toBe('none');
      expect(await told).toEqual({ type: 'terminal.typing', sessionId: id, typingTrust: 'none' });
      from = t.output().length;
      held = w.core.next('request.held');
      await t.type('touch asked.txt\r');
      await held;
      await t.waitForOutput(/‖ Waiting for your decision/, from);
      verdict = decided('touch asked.txt');
      await w.core.client.api.setTypingTrust({ sessionId: id, typingTrust: 'all' });
      expect((await verdict).decision).toMatchObject({ decision: 'allow', decidedBy: 'typed' });
      await t.waitForOutput(/✓ Allowed: this shell now runs such lines when you type them; running it\./, from);
      await t.nextCommand();
      expect(fs.existsSync(path.join(w.work, 'asked.txt'))).toBe(true);

      // "Run what I type": medium risk runs at once too.
      verdict = decided('rm -rf build');
      await t.type('rm -rf build\r');
      expect((await verdict).decision?.decidedBy).toBe('typed');
      await t.nextCommand();
      expect(fs.existsSync(path.join(w.work, 'build'))).toBe(false);

      // A deny rule still decides first.
      const rule = await w.core.client.api.addRule({ effect: 'deny', kind: 'prefix', pattern: 'touch forbidden.txt' });
      from = t.output().length;
      verdict = decided('touch forbidden.txt');
      await t.type('touch forbidden.txt\r');
      expect((await verdict).decision).toMatchObject({ decision: 'deny', decidedBy: `rule:${rule.id}` });
      await t.waitForOutput(new RegExp(`✗ Denied by Gatehouse rule ${rule.id}`), from);
      expect(fs.existsSync(path.join(w.work, 'forbidden.txt'))).toBe(false);

      // A program started in the shell is not the person typing: the line that starts it runs (typed, "run what I
      // type"), but what the program asks about waits for a person even with a key of its own making, and the
      // program was given no key file.
      from = t.output().length;
      held = w.core.next('request.held');
      await t.type('sh ask.sh\r');
      const asked = (await held).request;
      expect(asked).toMatchObject({ command: 'touch from-program.txt', sessionId: id, kind: 'check' });
      await w.core.client.api.decide({ id: asked.id, decision: 'deny', reason: 'programs ask' });
      await t.waitForOutput(/program done, key file: not given/, from);
      expect(t.output().slice(from)).toContain('"decision":"deny"');
      expect(fs.existsSync(path.join(w.work, 'from-program.txt'))).toBe(false);
      // The key file the shell was started with is gone.
      const startEnv = fs.readFileSync(`/proc/${t.info.pid}/environ`, 'utf8').split('\0');
      const keyFile = startEnv.find((v) => v.startsWith('GATEHOUSE_TYPED_KEY_FILE='))?.split('=')[1];
      expect(keyFile).toBeTruthy();
      expect(fs.existsSync(keyFile ?? '')).toBe(false);

      // Only a running hosted shell has typed lines.
      const agent = await w.start({ agent: 'shell', argv: ['sleep', '600'] });
      expect(agent.info.typingTrust).toBe(null);
      await expect(
        w.core.client.api.setTypingTrust({ sessionId: agent.info.sessionId, typingTrust: 'all' }),
      ).rejects.toMatchObject({ code: 'invalid_input' } satisfies Partial<ApiError>);
      expect((await w.core.client.api.listTerminals()).find((i) => i.sessionId === id)?.typingTrust).toBe('all');

      // `exit` is low risk: back on the default, it ends the shell at once.
      await w.core.client.api.setTypingTrust({ sessionId: id, typingTrust: 'low' });
      await t.type('exit\r');
      expect(await t.exit).toBe(0);
    },
  );
});
