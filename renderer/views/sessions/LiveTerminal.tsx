// Hosted terminals: a tab per terminal, the open one live (snapshot, then output as it comes; typing goes to the
// pty; the pty follows the pane's size), with Kill (and what it did) and, once it ended, Replay. A hosted shell's
// header says which of the lines typed in it run without asking, and changes it.
import { TypingTrustSchema, type TypingTrust } from '../../../shared/domain.ts';
import { TYPING_TRUST_WORDS } from '../../../shared/typing-trust.ts';
import { useCommands } from '../../app/context.ts';
import { useTerminals } from '../../stores/terminals.ts';
import { AGENT_NAMES, shortId } from '../common/format.ts';
import { EmptyState, ErrorState, Loading } from '../common/states.tsx';
import { TerminalBox } from '../common/TerminalBox.tsx';
import { describeKill } from './kill-report.ts';

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
  const kill = useTerminals((s) => s.kills[sessionId]);
  if (!info) return null;
  const running = info.exitCode === null;
  const name = `${info.shell ?? AGENT_NAMES[info.agent]} in ${info.cwd}`;
  const ending = kill?.state === 'ending';
  return (
    <div id="terminal-pane" className="terminal-pane" role="tabpanel" aria-labelledby={`tab-${sessionId}`}>
      <div className="pane-head">
        <code title={info.argv.join(' ')}>{info.cwd}</code>
        <span className="hint">
          {info.cols}×{info.rows}
          {info.paused ? ' · paused: waiting for a viewer or the recording to catch up' : ''}
        </span>
        {running ? (
          <button
            type="button"
            className="deny"
            disabled={ending}
            title="Sends SIGHUP, then SIGTERM, then SIGKILL, until it ends"
            onClick={() => void commands.killTerminal(sessionId)}
          >
            {ending ? 'Ending…' : 'Kill'}
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
      {running && info.typingTrust !== null && (
        <TypingTrustChoice
          typingTrust={info.typingTrust}
          onChange={(t) => void commands.setTypingTrust(sessionId, t)}
        />
      )}
      {kill && kill.state !== 'ending' && (
        <p className={kill.state === 'failed' || kill.result.endedBy === null ? 'send-error' : 'hint'} role="status">
          {kill.state === 'failed' ? `Kill failed: ${kill.message}` : describeKill(kill.result)}
        </p>
      )}
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

/**
 * The person typing in a hosted shell is its reviewer: which of their lines run without asking. The choice shown is
 * the core's (it follows `terminal.typing`), not the click; what it does is said beside it.
 */
function TypingTrustChoice({
  typingTrust,
  onChange,
}: {
  typingTrust: TypingTrust;
  onChange: (typingTrust: TypingTrust) => void;
}) {
  return (
    <label className="typing-trust">
      Your typing
      <select
        value={typingTrust}
        aria-describedby="typing-trust-effect"
        onChange={(e) => onChange(TypingTrustSchema.parse(e.target.value))}
      >
        {TypingTrustSchema.options.map((t) => (
          <option key={t} value={t}>
            {TYPING_TRUST_WORDS[t].label}
          </option>
        ))}
      </select>
      <span id="typing-trust-effect" className="hint">
        {TYPING_TRUST_WORDS[typingTrust].effect}
      </span>
    </label>
  );
}
