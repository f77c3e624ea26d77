// "New session": Claude Code, Codex or a gated shell, in a directory the reviewer chooses. The core starts it in a
// pty it hosts; it opens in the live terminal pane.
import { useState } from 'react';
import { useCommands } from '../../app/context.ts';
import { useSessions } from '../../stores/sessions.ts';
import { useTerminals } from '../../stores/terminals.ts';

const KINDS = [
  { value: 'shell', label: 'Shell (every line gated)' },
  { value: 'claude', label: 'Claude Code' },
  { value: 'codex', label: 'Codex' },
] as const;
type Kind = (typeof KINDS)[number]['value'];

/** A new pty starts at this size; the terminal pane fits it to the window at once. */
const START_SIZE = { cols: 100, rows: 30 };

export function NewSessionForm() {
  const commands = useCommands();
  // The directory of the newest session is the likeliest next one.
  const lastCwd = useSessions((s) => s.sessions[0]?.cwd ?? '');
  const starting = useTerminals((s) => s.starting);
  const startError = useTerminals((s) => s.startError);
  const [kind, setKind] = useState<Kind>('shell');
  const [cwd, setCwd] = useState<string | null>(null);
  const dir = (cwd ?? lastCwd).trim();
  const absolute = dir.startsWith('/') || /^[A-Za-z]:[\\/]/.test(dir);
  return (
    <form
      className="new-session"
      aria-label="New session"
      onSubmit={(e) => {
        e.preventDefault();
        if (absolute) void commands.startTerminal({ agent: kind, cwd: dir, size: START_SIZE });
      }}
    >
      <label>
        Run
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <label className="grow">
        In directory
        <input
          type="text"
          value={cwd ?? lastCwd}
          placeholder="/home/you/project"
          spellCheck={false}
          aria-invalid={dir !== '' && !absolute}
          onChange={(e) => setCwd(e.target.value)}
        />
      </label>
      <button type="submit" disabled={starting || !absolute}>
        {starting ? 'Starting…' : 'Start session'}
      </button>
      {dir !== '' && !absolute && <p className="send-error">Give the full path of the directory (starting with /).</p>}
      {startError && (
        <p className="send-error" role="alert">
          Could not start: {startError}
        </p>
      )}
    </form>
  );
}
