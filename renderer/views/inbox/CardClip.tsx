// What the agent was doing just before it asked: the last ~30 seconds of its session's terminal, ending at the
// interception, playable. Loaded when the reviewer asks (or selects the card); the bytes stay in a ref and the player.
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_CLIP_MS } from '../../../shared/recording.ts';
import type { GateRequest } from '../../../shared/domain.ts';
import { shownText } from '../../../shared/visible-text.ts';
import { useCommands } from '../../app/context.ts';
import { messageOf } from '../../app/messages.ts';
import type { PlaybackSource, Player, PlayerState } from '../../terminal/player.ts';
import { TerminalBox } from '../common/TerminalBox.tsx';

/** A clip plays faster than life: thirty seconds of context in a few. */
const CLIP_SPEED = 4;
/** The size a clip is drawn at until its recording says otherwise. */
const CLIP_SIZE = { cols: 100, rows: 16 };

type ClipState =
  | { state: 'closed' }
  | { state: 'loading' }
  | { state: 'none' }
  | { state: 'error'; message: string }
  | { state: 'ready' };

export function CardClip({ request, autoOpen }: { request: GateRequest; autoOpen: boolean }) {
  const commands = useCommands();
  const [clip, setClip] = useState<ClipState>({ state: 'closed' });
  const source = useRef<PlaybackSource | null>(null);
  const player = useRef<Player | null>(null);
  const [playerState, setPlayerState] = useState<PlayerState | null>(null);
  const seconds = Math.round(DEFAULT_CLIP_MS / 1000);
  const open = () => {
    if (clip.state !== 'closed' && clip.state !== 'error') return;
    setClip({ state: 'loading' });
    commands.clipFor(request).then(
      (s) => {
        source.current = s;
        setClip(s ? { state: 'ready' } : { state: 'none' });
      },
      (err: unknown) => setClip({ state: 'error', message: messageOf(err) }),
    );
  };
  useEffect(() => {
    if (autoOpen) open();
    // Opening is once per card; later renders must not reload it.
  }, [autoOpen]);
  if (clip.state === 'closed') {
    return (
      <button type="button" className="clip-open" onClick={open}>
        Show the last {seconds} seconds of the terminal
      </button>
    );
  }
  return (
    <div className="clip" role="group" aria-label={`Terminal in the ${seconds} seconds before this request`}>
      {clip.state === 'loading' && (
        <p role="status" className="hint">
          Loading the terminal…
        </p>
      )}
      {clip.state === 'none' && (
        <p className="hint">This session has no recording (only terminals that go through Gatehouse are recorded).</p>
      )}
      {clip.state === 'error' && (
        <p role="alert" className="send-error">
          Could not load the terminal: {clip.message}
        </p>
      )}
      {clip.state === 'ready' && source.current && (
        <>
          <div className="clip-controls">
            <button
              type="button"
              disabled={!playerState || playerState.busy}
              onClick={() => (playerState?.playing ? player.current?.pause() : void replayFromStart(player.current))}
            >
              {playerState?.playing ? 'Pause' : 'Play the lead-up'}
            </button>
            <span className="hint">{playerState?.playing ? 'playing…' : 'ends where the agent asked'}</span>
          </div>
          <TerminalBox
            label={`Terminal before: ${shownText(request.command)}`}
            cols={CLIP_SIZE.cols}
            rows={CLIP_SIZE.rows}
            readOnly
            surfaceKey={request.id}
            className="clip-terminal"
            onSurface={(surface) => {
              const p = commands.createClipPlayer(source.current as PlaybackSource, surface, setPlayerState);
              p.setSpeed(CLIP_SPEED);
              p.setSkipIdle(true);
              player.current = p;
              // First the moment it asked; Play shows how it got there.
              void p.seek((source.current as PlaybackSource).durationMs);
              return () => {
                p.dispose();
                player.current = null;
              };
            }}
          />
        </>
      )}
    </div>
  );
}

async function replayFromStart(p: Player | null): Promise<void> {
  if (!p) return;
  await p.seek(0);
  p.play();
}
