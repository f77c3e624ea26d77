// Claude Code's resume hint under Gatehouse: the launch tells Claude Code to print the person's own flags, never the
// `--settings` file Gatehouse wrote and removed at the end; after the exit Gatehouse's own line says how to go on with
// the same conversation under Gatehouse (`gatehouse run` prints it, a hosted terminal shows it).
import { describe, expect, it } from 'vitest';
import type { TerminalEvent } from '../../../../../shared/domain.ts';
import { claudeAgent } from '../../../../../electron/core/agents/claude/index.ts';
import type { PtyProcess } from '../../../../../electron/core/pty/pty-process.ts';
import { TerminalSession } from '../../../../../electron/core/pty/terminal-session.ts';
import {
  RESUME_HINT_FLAGS_VAR,
  claudeExitNote,
  resumeHintEnv,
} from '../../../../../electron/core/agents/claude/resume-hint.ts';

const ID = '3f1c2a9e-7b4d-4c1e-9a2f-5d6e7f8a9b0c';
/** As Claude Code 2.1 prints it on exit: dimmed, after a blank line (here with the flags Gatehouse now gives it). */
const HINT = `\x1b[2m\nResume this session with:\nclaude --model opus --resume ${ID}\n\x1b[22m`;

describe("Claude Code's resume hint", () => {
  it('is given the person’s own flags to print, not the temporary settings file', () => {
    expect(resumeHintEnv(['--model', 'opus'])).toEqual({ [RESUME_HINT_FLAGS_VAR]: '--model opus' });
    expect(resumeHintEnv([])).toEqual({ [RESUME_HINT_FLAGS_VAR]: '' });
  });

  it('after the exit: the same conversation, resumed under Gatehouse', () => {
    expect(claudeExitNote(`some output\r\n${HINT}`)).toBe(
      `gatehouse: to go on with this conversation with Gatehouse watching, run \`gatehouse run -- claude --resume ${ID}\` (the command above would start Claude Code without it).`,
    );
    expect(claudeExitNote('Resume this session with:\nclaude --resume\n')).toContain(
      '`gatehouse run -- claude --resume`',
    );
  });

  it('says nothing when Claude Code printed no hint', () => {
    expect(claudeExitNote('bye\r\n')).toBeNull();
    expect(claudeExitNote('')).toBeNull();
  });

  it('is the Claude plug-in’s note after the exit', () => {
    expect(claudeAgent.exitNote?.(HINT)).toContain(`gatehouse run -- claude --resume ${ID}`);
  });

  it('a hosted terminal shows the note below what Claude Code printed, once it has exited', async () => {
    const data: Array<(bytes: Buffer) => void> = [];
    const exits: Array<(code: number) => void> = [];
    const pty: PtyProcess = {
      pid: 4242,
      onData: (l) => data.push(l),
      onExit: (l) => exits.push(l),
      write: () => {},
      resize: () => {},
      kill: () => {},
      pause: () => {},
      resume: () => {},
    };
    const s = new TerminalSession({
      sessionId: 'term0001',
      agent: 'claude',
      argv: ['claude'],
      cwd: '/',
      shell: null,
      cols: 80,
      rows: 24,
      startedAtMs: Date.now(),
      pty,
      recorder: null,
      takeCommand: () => null,
      onExit: () => {},
      exitNote: claudeAgent.exitNote,
    });
    const seen: TerminalEvent[] = [];
    await s.attach('v', (e) => seen.push(e));
    data.forEach((l) => l(Buffer.from(HINT)));
    exits.forEach((l) => l(0));
    await s.exited;
    const shown = seen.flatMap((e) => (e.type === 'terminal.output' ? [e.data] : [])).join('');
    expect(shown.endsWith(`\r\n${claudeExitNote(HINT)}\r\n`)).toBe(true);
    expect(seen.at(-1)?.type).toBe('terminal.exit');
    s.dispose();
  });
});
