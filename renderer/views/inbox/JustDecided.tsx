// "Just decided": each card decided since the window opened, folded to one line (what, how it ended, when), newest
// first. A timed-out one also says what the agent was told, and stays shown even when the strip is folded to its
// newest few: nobody decided it, so it is the one a reviewer comes looking for.
import { useState } from 'react';
import type { GateRequest } from '../../../shared/domain.ts';
import { shownLine, shownText } from '../../../shared/visible-text.ts';
import { useInbox } from '../../stores/inbox.ts';
import { Ago } from '../common/Ago.tsx';
import { AGENT_NAMES } from '../common/format.ts';
import { outcomeOf } from './outcome.ts';

/** Shown before "Show all": a glance's worth. */
const FOLDED = 5;
const LINE_CHARS = 100;

export function JustDecided() {
  const recent = useInbox((s) => s.recent);
  // The card decided while selected is still shown in place: it joins the strip once the reviewer moves on.
  const inPlace = useInbox((s) => s.cards.find((c) => c.id === s.selectedId && c.status !== 'pending')?.id);
  const [all, setAll] = useState(false);
  const rows = recent.filter((r) => r.id !== inPlace);
  if (rows.length === 0) return null;
  const shown = all ? rows : rows.filter((r, i) => i < FOLDED || r.decision?.decidedBy === 'timeout');
  return (
    <section className="just-decided" aria-labelledby="just-decided-title">
      <h3 id="just-decided-title">Just decided</h3>
      <ol aria-label="Decided, newest first">
        {shown.map((r) => (
          <DecidedRow key={r.id} request={r} />
        ))}
      </ol>
      {rows.length > shown.length && (
        <button type="button" className="link" onClick={() => setAll(true)}>
          Show all {rows.length}
        </button>
      )}
    </section>
  );
}

function DecidedRow({ request }: { request: GateRequest }) {
  const o = outcomeOf(request);
  return (
    <li className="decided-row" data-decided-id={request.id}>
      <span className={`outcome-word outcome-${o.kind}`}>{o.word}</span>{' '}
      <code className="line" title={shownText(request.command)}>
        {shownLine(request.command, LINE_CHARS)}
      </code>{' '}
      <span className="hint">
        {AGENT_NAMES[request.agent]} · <Ago iso={request.decision?.decidedAt ?? request.createdAt} />
      </span>
      {o.detail && <p className="hint">{o.detail.charAt(0).toUpperCase() + o.detail.slice(1)}</p>}
      {o.toldAgent && <p className="told">The agent was told: “{o.toldAgent}”</p>}
    </li>
  );
}
