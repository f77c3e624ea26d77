// Hosted terminals: a tab per terminal, the open one live (snapshot, then output as it comes; typing goes to the
// pty; the pty follows the pane's size), with Kill and, once it ended, Replay.
import { useCommands } from '../../app/context.ts';
import { useTerminals } from '../../stores/terminals.ts';
import { AGENT_NAMES, shortId } from '../common/format.ts';
import { EmptyState, ErrorState, Loading } from '../common/states.tsx';
import { TerminalBox } from '../common/TerminalBox.tsx';

export function LiveTerminals() {
  const commands = useCommands();
  const load = useTerminals((s) => s.load);
  const loadError = useTerminals((s) => s.loadError);
  const terminals = useTerminals((s) => s.terminals);
  const openId = useTerminals((s) => s.openId);
  if (load === 'loading') return <Loading label="Loading terminals…" />;
  if (load === 'error')
    return (
      <ErrorState
        title="Could not load terminals"
        message={loadError ?? ''}
        onRetry={() => void commands.loadTerminals()}
      />
    );
  if (terminals.length === 0) {
    return (
      <EmptyState title="No terminals yet">
        <p>Start a session above: Gatehouse hosts it, records it, and asks you before each command runs.</p>
      </EmptyState>
    );
  }
  return (
    <div className="live">
      <div className="tabs" role="tablist" aria-label="Terminals">
        {terminals.map((t) => (
          <button
            key={t.sessionId}
            type="button"
            role="tab"
            id={`tab-${t.sessionId}`}
            aria-selected={t.sessionId === openId}
            aria-controls="terminal-pane"
            onClick={() => useTerminals.getState().terminalOpened(t.sessionId)}
          >
            {t.shell ?? AGENT_NAMES[t.agent]} <span className="hint">{shortId(t.sessionId)}</span>
            {t.exitCode !== null && <span className="state-ended"> (exited {t.exitCode})</span>}
          </button>
        ))}
      </div>
      {openId && <TerminalPane key={openId} sessionId={openId} />}
    </div>
  );
}

function TerminalPane({ sessionId }: { sessionId: string }) {
  const commands = useCommands();
  const info = useTerminals((s) => s.terminals.find((t) => t.sessionId === sessionId));
  const attachError = useTerminals((s) => s.attachErrors[sessionId]);
  if (!info) return null;
  const running = info.exitCode === null;
  const name = `${info.shell ?? AGENT_NAMES[info.agent]} in ${info.cwd}`;
  return (
    <div id="terminal-pane" className="terminal-pane" role="tabpanel" aria-labelledby={`tab-${sessionId}`}>
      <div className="pane-head">
        <code title={info.argv.join(' ')}>{info.cwd}</code>
        <span className="hint">
          {info.cols}×{info.rows}
          {info.paused ? ' · paused: waiting for a viewer or the recording to catch up' : ''}
        </span>
        {running ? (
          <button type="button" className="deny" onClick={() => void commands.killTerminal(sessionId)}>
            Kill
          </button>
        ) : (
          <>
            <span className="state-ended">exited with code {info.exitCode}</span>
            <button type="button" onClick={() => void commands.openReplay(sessionId)}>
              Replay
            </button>
          </>
        )}
      </div>
      {attachError && (
        <p className="send-error" role="alert">
          {attachError}
        </p>
      )}
      <TerminalBox
        label={`Terminal: ${name}`}
        cols={info.cols}
        rows={info.rows}
        readOnly={false}
        surfaceKey={sessionId}
        className="live-terminal"
        onSurface={(surface) => {
          const detach = commands.attachTerminal(sessionId, surface);
          surface.focus();
          return detach;
        }}
        onResize={() => commands.fitTerminal(sessionId)}
      />
    </div>
  );
}
