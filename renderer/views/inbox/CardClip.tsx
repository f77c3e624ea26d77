// What the agent was doing just before it asked: the last ~30 seconds of its session's terminal, ending at the
// interception, playable. Open only on the selected card (one lead-up open at a time: selecting another card closes
// it), loaded when the card is selected; the bytes stay in the player. The agent's banner and Gatehouse's own lines
// are left out (renderer/terminal/lead-up.ts); when nothing else is left, one line says so instead of an empty
// terminal, and the terminal as recorded is a click away.
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_CLIP_MS } from '../../../shared/recording.ts';
import type { GateRequest } from '../../../shared/domain.ts';
import { shownText } from '../../../shared/visible-text.ts';
import type { CardClipSource } from '../../app/replay-commands.ts';
import { useCommands } from '../../app/context.ts';
import { messageOf } from '../../app/messages.ts';
import type { PlaybackSource, Player, PlayerState } from '../../terminal/player.ts';
import { AGENT_NAMES } from '../common/format.ts';
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
  | { state: 'ready'; clip: CardClipSource; asRecorded: boolean };

/** "Claude Code printed nothing but its banner before it asked." */
export function quietLine(agent: string, clip: Pick<CardClipSource, 'banner' | 'gatehouse'>): string {
  const only =
    clip.banner && clip.gatehouse
      ? " but its banner and Gatehouse's own notes"
      : clip.banner
        ? ' but its banner'
        : clip.gatehouse
          ? " but Gatehouse's own notes"
          : '';
  return `${agent} printed nothing${only} before it asked.`;
}

export function CardClip({ request, open }: { request: GateRequest; open: boolean }) {
  const commands = useCommands();
  const [clip, setClip] = useState<ClipState>({ state: 'closed' });
  const seconds = Math.round(DEFAULT_CLIP_MS / 1000);
  useEffect(() => {
    if (!open) {
      setClip({ state: 'closed' });
      return;
    }
    let live = true;
    setClip({ state: 'loading' });
    commands.clipFor(request).then(
      (c) => live && setClip(c ? { state: 'ready', clip: c, asRecorded: false } : { state: 'none' }),
      (err: unknown) => live && setClip({ state: 'error', message: messageOf(err) }),
    );
    return () => {
      live = false;
    };
    // Once per opening: a card's request does not change while it is open.
  }, [open]);
  if (clip.state === 'closed') {
    // Selecting the card (the click reaches it) opens its lead-up.
    return (
      <button type="button" className="clip-open">
        Show the last {seconds} seconds of the terminal
      </button>
    );
  }
  const agent = AGENT_NAMES[request.agent];
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
      {clip.state === 'ready' && clip.clip.quiet && !clip.asRecorded && (
        <p className="lead-up-quiet">
          {quietLine(agent, clip.clip)}{' '}
          <button type="button" className="link" onClick={() => setClip({ ...clip, asRecorded: true })}>
            Show the terminal anyway
          </button>
        </p>
      )}
      {clip.state === 'ready' && (!clip.clip.quiet || clip.asRecorded) && (
        <ClipPlayer
          request={request}
          source={clip.asRecorded ? clip.clip.asRecorded : clip.clip.source}
          surfaceKey={`${request.id}${clip.asRecorded ? ':recorded' : ''}`}
        />
      )}
    </div>
  );
}

function ClipPlayer({
  request,
  source,
  surfaceKey,
}: {
  request: GateRequest;
  source: PlaybackSource;
  surfaceKey: string;
}) {
  const commands = useCommands();
  const player = useRef<Player | null>(null);
  const [playerState, setPlayerState] = useState<PlayerState | null>(null);
  return (
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
        surfaceKey={surfaceKey}
        className="clip-terminal"
        onSurface={(surface) => {
          const p = commands.createClipPlayer(source, surface, setPlayerState);
          p.setSpeed(CLIP_SPEED);
          p.setSkipIdle(true);
          player.current = p;
          // First the moment it asked; Play shows how it got there.
          void p.seek(source.durationMs);
          return () => {
            p.dispose();
            player.current = null;
          };
        }}
      />
    </>
  );
}

async function replayFromStart(p: Player | null): Promise<void> {
  if (!p) return;
  await p.seek(0);
  p.play();
}
