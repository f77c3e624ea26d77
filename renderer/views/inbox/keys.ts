// The Inbox's keys: j/k move, a approves, s approves the safer form where the card offers one, d opens the deny
// form, w the "Always allow…" panel. They act only on the
// selected card, which changes only when the reviewer moves it, so a key never lands on a card the reviewer has not
// chosen. On a high or critical card `a` only arms the approval (the card then says what would run); `y` runs it and
// Escape takes it back, so no single key ever approves one.
import { useEffect } from 'react';
import { approvalTakesTwoSteps, whyNoRuleCanAllow } from '../../../shared/rules.ts';
import type { Commands } from '../../app/controller.ts';
import { canDecide, useInbox } from '../../stores/inbox.ts';

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(
    el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable),
  );
}

export function handleInboxKey(
  e: Pick<KeyboardEvent, 'key' | 'repeat' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target' | 'preventDefault'>,
  commands: Commands,
): void {
  if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
  const inbox = useInbox.getState();
  const selected = inbox.cards.find((c) => c.id === inbox.selectedId);
  switch (e.key) {
    case 'j':
      inbox.selectionMoved(1);
      break;
    case 'k':
      inbox.selectionMoved(-1);
      break;
    case 'a':
      // A held-down key repeats: only its first press counts.
      if (e.repeat || !selected || !canDecide(inbox, selected.id)) return;
      if (approvalTakesTwoSteps(selected.risk)) inbox.approveArmed(selected.id);
      else void commands.decide(selected.id, 'allow');
      break;
    case 'y':
      // The second, different key: only after `a` armed this very card.
      if (e.repeat || !selected || inbox.armedId !== selected.id || !canDecide(inbox, selected.id)) return;
      if (inbox.armedSafer) void commands.decide(selected.id, 'allow', undefined, true);
      else void commands.decide(selected.id, 'allow');
      break;
    case 's':
      if (e.repeat || !selected?.safer || !canDecide(inbox, selected.id)) return;
      if (approvalTakesTwoSteps(selected.risk)) inbox.approveArmed(selected.id, true);
      else void commands.decide(selected.id, 'allow', undefined, true);
      break;
    case 'Escape':
      if (!inbox.armedId) return;
      inbox.approveDisarmed();
      break;
    case 'd':
      if (e.repeat || !selected || !canDecide(inbox, selected.id)) return;
      inbox.denyFormOpened(selected.id);
      break;
    case 'w':
      // No panel where no rule can exist: the card already says why.
      if (e.repeat || !selected || !canDecide(inbox, selected.id) || whyNoRuleCanAllow(selected.risk)) return;
      inbox.allowFormOpened(selected.id);
      break;
    default:
      return;
  }
  e.preventDefault();
}

export function useInboxKeys(commands: Commands): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => handleInboxKey(e, commands);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands]);
}
