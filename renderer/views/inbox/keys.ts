// The Inbox's keys: j/k move, a approves, d opens the deny form, w the "Always allow…" panel. They act only on the selected card, which changes
// only when the reviewer moves it, so a key never lands on a card the reviewer has not chosen.
import { useEffect } from 'react';
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
  switch (e.key) {
    case 'j':
      inbox.selectionMoved(1);
      break;
    case 'k':
      inbox.selectionMoved(-1);
      break;
    case 'a':
      // A held-down key repeats: only its first press decides.
      if (e.repeat || !canDecide(inbox, inbox.selectedId)) return;
      void commands.decide(inbox.selectedId, 'allow');
      break;
    case 'd':
      if (e.repeat || !canDecide(inbox, inbox.selectedId)) return;
      inbox.denyFormOpened(inbox.selectedId);
      break;
    case 'w':
      if (e.repeat || !canDecide(inbox, inbox.selectedId)) return;
      inbox.allowFormOpened(inbox.selectedId);
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
