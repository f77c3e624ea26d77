// Deny with an optional reason the agent reads, typed or chosen from chips: a few common ones and the reviewer's own
// recent reasons. A chip puts its words in the field, so what the agent will read is always what the field shows.
// Enter denies, Shift+Enter is a new line, Escape cancels.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { MAX_REASON_LENGTH } from '../../../shared/api.ts';

/** Reasons reviewers give most, in the words the agent reads. */
export const REASON_CHIPS = ['Open a PR instead', 'Not on main', 'Ask me first'] as const;

export function DenyForm({
  onDeny,
  onCancel,
  sending,
  ownReasons = [],
}: {
  onDeny: (reason: string) => void;
  onCancel: () => void;
  sending: boolean;
  /** The reviewer's own recent reasons, newest first. */
  ownReasons?: readonly string[];
}) {
  const [reason, setReason] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const chips = [...REASON_CHIPS, ...ownReasons.filter((r) => !(REASON_CHIPS as readonly string[]).includes(r))];
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      onDeny(reason);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
  return (
    <form
      className="deny-form"
      onSubmit={(e) => {
        e.preventDefault();
        onDeny(reason);
      }}
    >
      <div className="chips" role="group" aria-label="Reasons">
        {chips.map((c) => (
          <button
            key={c}
            type="button"
            className="chip reason-chip"
            aria-pressed={reason === c}
            onClick={() => {
              setReason(c);
              field.current?.focus();
            }}
          >
            {c}
          </button>
        ))}
      </div>
      <label>
        Reason for the agent <span className="hint">(optional; Enter to deny, Esc to cancel)</span>
        <textarea
          ref={field}
          value={reason}
          maxLength={MAX_REASON_LENGTH}
          rows={2}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
      <div className="actions">
        <button type="submit" className="deny primary" disabled={sending}>
          Deny
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
