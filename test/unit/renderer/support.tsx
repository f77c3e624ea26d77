// Helpers for renderer tests: fresh stores, a request factory, and rendering inside the app context.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { GateRequest } from '../../../shared/domain.ts';
import { AppContext, type WindowMode } from '../../../renderer/app/context.ts';
import type { Commands } from '../../../renderer/app/controller.ts';
import { AUDIT_INITIAL, useAudit } from '../../../renderer/stores/audit.ts';
import { APP_INITIAL, useApp } from '../../../renderer/stores/connection.ts';
import { INBOX_INITIAL, useInbox } from '../../../renderer/stores/inbox.ts';
import { SESSIONS_INITIAL, useSessions } from '../../../renderer/stores/sessions.ts';
import { SETTINGS_INITIAL, useSettings } from '../../../renderer/stores/settings.ts';

export function resetStores(): void {
  useInbox.setState(INBOX_INITIAL, true);
  useSessions.setState(SESSIONS_INITIAL, true);
  useAudit.setState(AUDIT_INITIAL, true);
  useSettings.setState(SETTINGS_INITIAL, true);
  useApp.setState(APP_INITIAL, true);
}

let seq = 0;
export function heldRequest(over: Partial<GateRequest> = {}): GateRequest {
  seq += 1;
  const created = new Date(Date.UTC(2026, 0, 1, 12, 0, seq)).toISOString();
  return {
    id: `req${String(seq).padStart(5, '0')}`,
    sessionId: 'sess0001',
    agent: 'claude',
    kind: 'pre-tool-use',
    tool: 'Bash',
    command: `echo ${seq}`,
    cwd: '/home/dev/project',
    risk: null,
    status: 'pending',
    createdAt: created,
    expiresAt: new Date(Date.parse(created) + 600_000).toISOString(),
    decision: null,
    ...over,
  };
}

export function decided(r: GateRequest, decision: 'allow' | 'deny', reason: string | null = null): GateRequest {
  return { ...r, status: decision === 'allow' ? 'allowed' : 'denied', decision: { decision, reason, decidedBy: 'human:cli', ruleIds: [], decidedAt: new Date().toISOString() } };
}

export function fakeCommands() {
  return {
    decide: vi.fn<Commands['decide']>(async () => {}),
    reloadInbox: vi.fn<Commands['reloadInbox']>(async () => {}),
    reloadSessions: vi.fn<Commands['reloadSessions']>(async () => {}),
    loadHistory: vi.fn<Commands['loadHistory']>(async () => {}),
    loadMoreHistory: vi.fn<Commands['loadMoreHistory']>(async () => {}),
    exportHistory: vi.fn<Commands['exportHistory']>(async () => null),
    updateSettings: vi.fn<Commands['updateSettings']>(async () => {}),
  };
}

export function renderInApp(ui: ReactElement, commands: Commands = fakeCommands(), mode: WindowMode = 'browser') {
  return { commands, ...render(<AppContext.Provider value={{ commands, mode }}>{ui}</AppContext.Provider>) };
}
