// A held card's decision, weighted by how risky it is. Low and medium: Approve is the primary action, one step.
// High, critical and unscored: Deny is the primary action and comes first; "Approve…" only arms the approval, the
// card then says in one line what would run and why it is risky, and "Run it" (or `y`) approves, so no single click or
// key ever approves one. "Always allow…" is offered only where a rule could exist; elsewhere one line says why not.
// "Run it safer" (`s`) is offered where the core found a safer form the agent can take, with the exact command.
import type { MouseEvent } from 'react';
import type { GateRequest } from '../../../shared/domain.ts';
import { approvalTakesTwoSteps, whyNoRuleCanAllow } from '../../../shared/rules.ts';
import { shownLine, shownText } from '../../../shared/visible-text.ts';
import { useCommands } from '../../app/context.ts';
import { useInbox } from '../../stores/inbox.ts';
import { AlwaysAllow } from './AlwaysAllow.tsx';
import { DenyForm, REASON_CHIPS } from './DenyForm.tsx';
import { SaferForm } from './Safer.tsx';

/** The command in the confirmation line, on one line and cut to what a glance reads. */
const CONSEQUENCE_CHARS = 120;

/** "Runs `git push --force origin main`: force-pushes main, replacing the remote history of a shared branch". */
function Consequence({ request, safer }: { request: GateRequest; safer: boolean }) {
  const why = request.risk?.reasons[0];
  if (safer && request.safer)
    return (
      <p className="consequence">
        Runs <code>{shownLine(request.safer.command, CONSEQUENCE_CHARS)}</code> instead:{' '}
        {shownText(request.safer.explanation)}
      </p>
    );
  return (
    <p className="consequence">
      Runs <code>{shownLine(request.command, CONSEQUENCE_CHARS)}</code>:{' '}
      {why ? shownText(why) : 'Gatehouse has not judged it, so read it first'}
    </p>
  );
}

export function Decide({ request }: { request: GateRequest }) {
  const id = request.id;
  const commands = useCommands();
  const sending = useInbox((s) => s.sending[id]);
  const denying = useInbox((s) => s.denyingId === id);
  const allowing = useInbox((s) => s.allowingId === id);
  const armed = useInbox((s) => s.armedId === id);
  const armedSafer = useInbox((s) => s.armedSafer);
  const ownReasons = useInbox((s) => s.ownReasons);
  const twoSteps = approvalTakesTwoSteps(request.risk);
  const noRule = whyNoRuleCanAllow(request.risk);
  const busy = Boolean(sending);

  if (denying)
    return (
      <DenyForm
        sending={busy}
        ownReasons={ownReasons}
        onDeny={(reason) => {
          if (!(REASON_CHIPS as readonly string[]).includes(reason)) useInbox.getState().ownReasonUsed(reason);
          void commands.decide(id, 'deny', reason);
        }}
        onCancel={() => useInbox.getState().denyFormClosed()}
      />
    );
  if (allowing && !noRule) return <AlwaysAllow request={request} />;

  const deny = (
    <button
      type="button"
      className={`deny${twoSteps ? ' primary' : ''}`}
      aria-keyshortcuts="D"
      disabled={busy}
      onClick={() => useInbox.getState().denyFormOpened(id)}
    >
      {sending === 'deny' ? 'Denying…' : 'Deny…'} <kbd aria-hidden="true">d</kbd>
    </button>
  );
  const always = !noRule && (
    <button
      type="button"
      className="always"
      aria-keyshortcuts="W"
      disabled={busy}
      onClick={() => useInbox.getState().allowFormOpened(id)}
    >
      Always allow… <kbd aria-hidden="true">w</kbd>
    </button>
  );
  const whyNot = noRule && <p className="hint no-rule">“Always allow” is not offered: {noRule}.</p>;
  const offer = request.safer ? <SaferForm offer={request.safer} /> : null;
  const safer = request.safer && (
    <button
      type="button"
      className="approve safer-run secondary"
      aria-keyshortcuts="S"
      disabled={busy}
      onClick={() =>
        twoSteps ? useInbox.getState().approveArmed(id, true) : void commands.decide(id, 'allow', undefined, true)
      }
    >
      {twoSteps ? 'Run it safer…' : 'Run it safer'} <kbd aria-hidden="true">s</kbd>
    </button>
  );

  if (!twoSteps)
    return (
      <>
        {offer}
        <div className="actions">
          <button
            type="button"
            // Filled (the primary action here) in the approve colour, not the accent `button.primary` gives.
            className="approve"
            aria-keyshortcuts="A"
            disabled={busy}
            onClick={() => void commands.decide(id, 'allow')}
          >
            {sending === 'allow' ? 'Approving…' : 'Approve'} <kbd aria-hidden="true">a</kbd>
          </button>
          {safer}
          {deny}
          {always}
        </div>
        {whyNot}
      </>
    );

  // The second click of a double click lands wherever the first one made something appear: it never confirms.
  const confirm = (e: MouseEvent) => {
    if (e.detail > 1) return;
    if (armedSafer) void commands.decide(id, 'allow', undefined, true);
    else void commands.decide(id, 'allow');
  };
  return (
    <>
      {offer}
      {armed && (
        <div className="armed" role="group" aria-label="Confirm the approval">
          <Consequence request={request} safer={armedSafer} />
          <div className="actions">
            <button type="button" className="approve confirm" aria-keyshortcuts="Y" disabled={busy} onClick={confirm}>
              {sending === 'allow' ? 'Approving…' : 'Run it'} <kbd aria-hidden="true">y</kbd>
            </button>
            <button type="button" onClick={() => useInbox.getState().approveDisarmed()}>
              Cancel <kbd aria-hidden="true">Esc</kbd>
            </button>
          </div>
        </div>
      )}
      <div className="actions">
        {deny}
        {!armed && (
          <button
            type="button"
            className="approve secondary"
            aria-keyshortcuts="A"
            disabled={busy}
            onClick={() => useInbox.getState().approveArmed(id)}
          >
            Approve… <kbd aria-hidden="true">a</kbd>
          </button>
        )}
        {!armed && safer}
        {always}
      </div>
      {whyNot}
    </>
  );
}
