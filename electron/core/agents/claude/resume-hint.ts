// Claude Code's resume hint under Gatehouse. On exit it prints "Resume this session with: claude <flags> --resume
// <id>", its flags copied from its own command line, which includes the `--settings` file Gatehouse wrote for the
// session and removed when it ended: a command that fails, and that would run Claude Code without Gatehouse anyway.
// So the launch tells Claude Code which flags to print (CLAUDE_CODE_RELAUNCH_RESUME_HINT_FLAGS: the person's own; it
// prints none it cannot vouch for), and after the exit Gatehouse says how to go on under Gatehouse. Pure.

/** Claude Code reads the flags of its resume hint from this variable, when set, instead of from its argv. */
export const RESUME_HINT_FLAGS_VAR = 'CLAUDE_CODE_RELAUNCH_RESUME_HINT_FLAGS';

/** The person's own arguments (Gatehouse's `--settings` already taken out) as the hint's flags. */
export function resumeHintEnv(userArgs: readonly string[]): Record<string, string> {
  return { [RESUME_HINT_FLAGS_VAR]: userArgs.join(' ') };
}

const HINT = 'Resume this session with:';
const ESC = String.fromCharCode(0x1b);
const BEL = String.fromCharCode(0x07);
/** Colours and cursor moves (CSI), and titles (OSC), which Claude Code draws around the hint. */
const ESCAPES = new RegExp(`${ESC}\\[[0-9;?]*[ -/]*[@-~]|${ESC}\\][^${BEL}${ESC}]*(?:${BEL}|${ESC}\\\\)`, 'g');

/**
 * The line for after Claude Code's exit, when its last words were a resume hint: the same conversation, resumed
 * under Gatehouse. Null when it printed none.
 */
export function claudeExitNote(outputTail: string): string | null {
  const text = outputTail.replace(ESCAPES, '');
  const at = text.lastIndexOf(HINT);
  if (at < 0) return null;
  const id = /--resume(?:\s+([\w-]{8,}))?/.exec(text.slice(at + HINT.length))?.[1];
  const resume = id ? `--resume ${id}` : '--resume';
  return `gatehouse: to go on with this conversation with Gatehouse watching, run \`gatehouse run -- claude ${resume}\` (the command above would start Claude Code without it).`;
}
