// Deny with an optional reason the agent reads. Enter denies, Shift+Enter is a new line, Escape cancels.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { MAX_REASON_LENGTH } from '../../../shared/api.ts';

export function DenyForm({
  onDeny,
  onCancel,
  sending,
}: {
  onDeny: (reason: string) => void;
  onCancel: () => void;
  sending: boolean;
}) {
  const [reason, setReason] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
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
        <button type="submit" className="deny" disabled={sending}>
          Deny
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
