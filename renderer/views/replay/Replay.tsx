// Replay: a recorded session in a terminal, with play/pause, speed, idle skipping, a seek bar with a labelled marker
// per interception and the chapter list beside the player (what was asked, its risk, who decided), next/previous
// interception, search inside the recording, export and delete. Opened with nothing chosen, it shows the newest
// recording; the session list in its header switches to another.
import { useEffect, useRef, useState } from 'react';
import type { RecordingInfo } from '../../../shared/recording.ts';
import { useCommands } from '../../app/context.ts';
import { useReplay } from '../../stores/replay.ts';
import { useSessions } from '../../stores/sessions.ts';
import { SPEEDS, type Player, type Speed } from '../../terminal/player.ts';
import { AGENT_NAMES, formatTime, shortId } from '../common/format.ts';
import { EmptyState, ErrorState, Loading } from '../common/states.tsx';
import { saveFile } from '../common/save-file.ts';
import { TerminalBox } from '../common/TerminalBox.tsx';
import { chapterAfter, chapterBefore, chapters, currentChapter } from './chapters.ts';
import { ReplayChapters } from './ReplayChapters.tsx';
import { ReplaySearch } from './ReplaySearch.tsx';
import { SeekBar } from './SeekBar.tsx';
import { formatClock } from './time.ts';

export function Replay() {
  const commands = useCommands();
  const sessionId = useReplay((s) => s.sessionId);
  const load = useReplay((s) => s.load);
  const loadError = useReplay((s) => s.loadError);
  const info = useReplay((s) => s.info);
  const latest = useReplay((s) => s.latest);
  const sessionsLoad = useSessions((s) => s.load);
  const session = useSessions((s) => s.sessions.find((x) => x.id === sessionId));
  // Nothing chosen: the newest recording, once the sessions are known.
  useEffect(() => {
    if (!sessionId && latest === 'idle' && sessionsLoad === 'ready') void commands.openLatestReplay();
  }, [commands, sessionId, latest, sessionsLoad]);
  return (
    <section className="view" aria-labelledby="replay-title">
      <header className="view-head">
        <h2 id="replay-title">Replay</h2>
        <SessionPicker sessionId={sessionId} />
        {session && (
          <p className="hint">
            in <code>{session.cwd}</code>
          </p>
        )}
      </header>
      {!sessionId ? (
        latest === 'none' ? (
          <EmptyState title="No recordings yet">
            <p>
              Sessions started with <code>gatehouse run</code> or from Sessions are recorded, and show here with every
              command Gatehouse held.
            </p>
          </EmptyState>
        ) : sessionsLoad === 'error' ? (
          <ErrorState
            title="Could not list the sessions"
            message={useSessions.getState().loadError ?? ''}
            onRetry={() => void commands.reloadSessions()}
          />
        ) : (
          <Loading label="Opening the newest recording…" />
        )
      ) : load === 'loading' || load === 'idle' ? (
        <Loading label="Loading the recording…" />
      ) : load === 'error' || !info ? (
        <ErrorState
          title="Could not open the recording"
          message={loadError ?? ''}
          onRetry={() => void commands.openReplay(sessionId)}
        />
      ) : (
        <ReplayPlayer key={info.sessionId} info={info} />
      )}
    </section>
  );
}

/** Every session, newest first: choosing one opens its recording. */
function SessionPicker({ sessionId }: { sessionId: string | null }) {
  const commands = useCommands();
  const sessions = useSessions((s) => s.sessions);
  if (sessions.length === 0) return null;
  const newest = [...sessions].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return (
    <label className="session-picker">
      <span className="visually-hidden">Session</span>
      <select value={sessionId ?? ''} onChange={(e) => void commands.openReplay(e.target.value)}>
        {!sessionId && <option value="">Choose a session…</option>}
        {newest.map((s) => (
          <option key={s.id} value={s.id}>
            {AGENT_NAMES[s.agent]} · {shortId(s.id)} · {formatTime(s.startedAt)}
            {s.endedAt ? '' : ' · running'}
          </option>
        ))}
      </select>
    </label>
  );
}

function ReplayPlayer({ info }: { info: RecordingInfo }) {
  const commands = useCommands();
  const player = useRef<Player | null>(null);
  const state = useReplay((s) => s.player);
  const speed = useReplay((s) => s.speed);
  const skipIdle = useReplay((s) => s.skipIdle);
  const requests = useReplay((s) => s.requests);
  const story = chapters(info, requests);
  const current = currentChapter(story, state.positionMs);
  const seek = (atMs: number) => void player.current?.seek(atMs);
  const previous = chapterBefore(story, state.positionMs);
  const next = chapterAfter(story, state.positionMs);
  useEffect(() => player.current?.setSpeed(speed), [speed]);
  useEffect(() => player.current?.setSkipIdle(skipIdle), [skipIdle]);
  // A recording still being written is looked at again while it is on screen: the bar, its markers and the player
  // reach further as it grows (the player, its play head and the search stay).
  useEffect(
    () => (info.recording ? commands.followRecording(info.sessionId) : undefined),
    [commands, info.sessionId, info.recording],
  );
  useEffect(() => player.current?.extend(info.durationMs, info.recording), [info.durationMs, info.recording]);
  return (
    <div className="replay">
      <div className="replay-main">
        <div className="replay-controls" role="group" aria-label="Playback">
          <button
            type="button"
            className="primary"
            disabled={state.busy}
            onClick={() => (state.playing ? player.current?.pause() : player.current?.play())}
          >
            {state.playing ? 'Pause' : 'Play'}
          </button>
          <button type="button" disabled={!previous} onClick={() => previous && seek(previous.atMs)}>
            Previous interception
          </button>
          <button type="button" disabled={!next} onClick={() => next && seek(next.atMs)}>
            Next interception
          </button>
          <label>
            Speed
            <select value={speed} onChange={(e) => useReplay.getState().speedChosen(Number(e.target.value) as Speed)}>
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={skipIdle}
              onChange={(e) => useReplay.getState().skipIdleChosen(e.target.checked)}
            />
            Skip idle time
          </label>
          <span className="clock" role="timer" aria-live="off" data-position-ms={Math.round(state.positionMs)}>
            {formatClock(state.positionMs)} / {formatClock(info.durationMs)}
          </span>
        </div>
        <SeekBar
          durationMs={info.durationMs}
          positionMs={state.positionMs}
          chapters={story}
          currentId={current?.requestId ?? null}
          onSeek={seek}
        />
        {state.error && (
          <p className="send-error" role="alert">
            {state.error}
          </p>
        )}
        <p className="hint replay-status" role="status">
          {state.busy ? 'Seeking…' : ''}
          {info.recording ? ' Still recording: the bar and the list grow as it does.' : ''}
        </p>
        <TerminalBox
          label={`Recording of session ${shortId(info.sessionId)}`}
          cols={info.cols}
          rows={info.rows}
          readOnly
          surfaceKey={info.sessionId}
          className="replay-terminal"
          onSurface={(surface) => {
            const p = commands.createPlayer(info, surface);
            p.setSpeed(useReplay.getState().speed);
            p.setSkipIdle(useReplay.getState().skipIdle);
            player.current = p;
            void p.seek(0);
            return () => {
              p.dispose();
              player.current = null;
            };
          }}
        />
        <ReplaySearch sessionId={info.sessionId} onSeek={seek} />
        <ReplayActions info={info} />
      </div>
      <ReplayChapters chapters={story} currentId={current?.requestId ?? null} onSeek={seek} />
    </div>
  );
}

function ReplayActions({ info }: { info: RecordingInfo }) {
  const commands = useCommands();
  const busy = useReplay((s) => s.busy);
  const actionError = useReplay((s) => s.actionError);
  const ended = useSessions((s) => Boolean(s.sessions.find((x) => x.id === info.sessionId)?.endedAt));
  const [confirming, setConfirming] = useState(false);
  const download = async () => {
    const file = await commands.exportRecording(info.sessionId, 'asciicast-v2');
    if (file) saveFile(file, 'application/x-asciicast');
  };
  return (
    <div className="export" role="group" aria-label="Recording">
      <button type="button" disabled={busy !== null} onClick={() => void download()}>
        {busy === 'exporting' ? 'Exporting…' : 'Export (asciicast)'}
      </button>
      {confirming ? (
        <>
          <span>Delete this session, its recording and its requests?</span>
          <button
            type="button"
            className="deny"
            disabled={busy !== null}
            onClick={() => void commands.deleteSession(info.sessionId)}
          >
            {busy === 'deleting' ? 'Deleting…' : 'Delete for good'}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </>
      ) : (
        <button
          type="button"
          disabled={busy !== null || !ended}
          title={ended ? undefined : 'A running session cannot be deleted'}
          onClick={() => setConfirming(true)}
        >
          Delete session…
        </button>
      )}
      {actionError && (
        <span role="alert" className="send-error">
          {actionError}
        </span>
      )}
    </div>
  );
}
