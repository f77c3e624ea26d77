// Helpers for renderer tests: fresh stores, a request factory, and rendering inside the app context.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { RiskAssessment, RiskLevel } from '../../../shared/domain.ts';
import { AppContext, type WindowMode } from '../../../renderer/app/context.ts';
import type { Commands } from '../../../renderer/app/controller.ts';
import { AGENTS_INITIAL, useAgents } from '../../../renderer/stores/agents.ts';
import { AUDIT_INITIAL, useAudit } from '../../../renderer/stores/audit.ts';
import { APP_INITIAL, useApp } from '../../../renderer/stores/connection.ts';
import { INBOX_INITIAL, useInbox } from '../../../renderer/stores/inbox.ts';
import { SESSIONS_INITIAL, useSessions } from '../../../renderer/stores/sessions.ts';
import { SETTINGS_INITIAL, useSettings } from '../../../renderer/stores/settings.ts';
import { STORAGE_INITIAL, useStorage } from '../../../renderer/stores/storage.ts';
import { REPLAY_INITIAL, useReplay } from '../../../renderer/stores/replay.ts';
import { RULES_INITIAL, useRules } from '../../../renderer/stores/rules.ts';
import { TERMINALS_INITIAL, useTerminals } from '../../../renderer/stores/terminals.ts';
import { TAMPER_INITIAL, useTamper } from '../../../renderer/stores/tamper.ts';
import { STORE_HEALTH_INITIAL, useStoreHealth } from '../../../renderer/stores/store-health.ts';
import { TRUST_INITIAL, useTrust } from '../../../renderer/stores/trust.ts';
import { useUndo } from '../../../renderer/stores/undo.ts';
import type {
  SurfaceFactory,
  SurfaceOptions,
  TerminalSize,
  TerminalSurface,
} from '../../../renderer/terminal/surface.ts';

export function resetStores(): void {
  useReplay.setState(REPLAY_INITIAL, true);
  useRules.setState(RULES_INITIAL, true);
  useTerminals.setState(TERMINALS_INITIAL, true);
  useTrust.setState(TRUST_INITIAL, true);
  useTamper.setState(TAMPER_INITIAL, true);
  useStoreHealth.setState(STORE_HEALTH_INITIAL, true);
  useInbox.setState(INBOX_INITIAL, true);
  useSessions.setState(SESSIONS_INITIAL, true);
  useAgents.setState(AGENTS_INITIAL, true);
  useAudit.setState(AUDIT_INITIAL, true);
  useSettings.setState(SETTINGS_INITIAL, true);
  useStorage.setState(STORAGE_INITIAL, true);
  useApp.setState(APP_INITIAL, true);
  useUndo.setState({ snapshots: {}, steps: {} });
}

// The request factory is shared with the tests of shared/ (which have no DOM), so it lives in test/support/.
export { decided, heldRequest } from '../../support/requests.ts';

/**
 * An assessment of `command` at `level`, read as one segment that spans it all (so a rule could exist below high).
 * `reason` is the first (and only) reason.
 */
export function assessed(level: RiskLevel, command: string, reason = `it is ${level}`): RiskAssessment {
  const score = { low: 5, medium: 35, high: 60, critical: 90 }[level];
  return {
    score,
    level,
    categories: [],
    reasons: [reason],
    segments: [
      {
        text: command,
        argv: command.split(' '),
        synthetic: false,
        via: [],
        score,
        level,
        categories: [],
        reasons: [reason],
        span: { start: 0, end: command.length },
      },
    ],
  };
}

/** A terminal surface that keeps what it was told, for tests (xterm.js needs a real browser). */
export class FakeSurface implements TerminalSurface {
  written: string[] = [];
  size: TerminalSize;
  resets = 0;
  disposed = false;
  fitting: TerminalSize | null = null;
  private readonly inputs = new Set<(data: string) => void>();
  constructor(size: TerminalSize = { cols: 80, rows: 24 }) {
    this.size = size;
  }
  write(data: string, done?: () => void) {
    this.written.push(data);
    done?.();
  }
  reset() {
    this.written = [];
    this.resets += 1;
  }
  resize(size: TerminalSize) {
    this.size = size;
  }
  fittingSize() {
    return this.fitting;
  }
  onInput(listener: (data: string) => void) {
    this.inputs.add(listener);
    return () => this.inputs.delete(listener);
  }
  type(data: string) {
    this.inputs.forEach((l) => l(data));
  }
  focus() {}
  fontSize: number | null = null;
  setFontSize(px: number) {
    this.fontSize = px;
  }
  dispose() {
    this.disposed = true;
  }
  text(): string {
    return this.written.join('');
  }
}

/** A surface factory that records every surface it made. */
export function fakeSurfaces() {
  const made: Array<{ surface: FakeSurface; options: SurfaceOptions }> = [];
  const factory: SurfaceFactory = (_el, options) => {
    const surface = new FakeSurface({ cols: options.cols, rows: options.rows });
    made.push({ surface, options });
    return surface;
  };
  return { factory, made };
}

export function fakeCommands() {
  const noPlayer = () => {
    throw new Error('no player in this test');
  };
  return {
    decide: vi.fn<Commands['decide']>(async () => {}),
    reloadInbox: vi.fn<Commands['reloadInbox']>(async () => {}),
    reloadSessions: vi.fn<Commands['reloadSessions']>(async () => {}),
    loadHistory: vi.fn<Commands['loadHistory']>(async () => {}),
    loadMoreHistory: vi.fn<Commands['loadMoreHistory']>(async () => {}),
    exportHistory: vi.fn<Commands['exportHistory']>(async () => null),
    updateSettings: vi.fn<Commands['updateSettings']>(async () => {}),
    loadStorage: vi.fn<Commands['loadStorage']>(async () => {}),
    compactStorage: vi.fn<Commands['compactStorage']>(async () => {}),
    listInstalls: vi.fn<Commands['listInstalls']>(async () => []),
    planInstall: vi.fn<Commands['planInstall']>(async () => {
      throw new Error('no plan in this test');
    }),
    install: vi.fn<Commands['install']>(async () => {
      throw new Error('no install in this test');
    }),
    uninstall: vi.fn<Commands['uninstall']>(async () => {
      throw new Error('no uninstall in this test');
    }),
    startTrust: vi.fn<Commands['startTrust']>(async () => {}),
    stopTrust: vi.fn<Commands['stopTrust']>(async () => {}),
    acknowledgeTamper: vi.fn<Commands['acknowledgeTamper']>(async () => {}),
    loadRules: vi.fn<Commands['loadRules']>(async () => {}),
    saveRule: vi.fn<Commands['saveRule']>(async () => {}),
    setRuleEnabled: vi.fn<Commands['setRuleEnabled']>(async () => {}),
    removeRule: vi.fn<Commands['removeRule']>(async () => {}),
    testCommand: vi.fn<Commands['testCommand']>(async () => {}),
    suggestRules: vi.fn<Commands['suggestRules']>(async (requestId) => ({ requestId, rules: [], notes: [] })),
    backtestRule: vi.fn<Commands['backtestRule']>(async () => {
      throw new Error('no backtest in this test');
    }),
    alwaysAllow: vi.fn<Commands['alwaysAllow']>(async () => {}),
    loadTerminals: vi.fn<Commands['loadTerminals']>(async () => {}),
    startTerminal: vi.fn<Commands['startTerminal']>(async () => {}),
    killTerminal: vi.fn<Commands['killTerminal']>(async () => {}),
    setTypingTrust: vi.fn<Commands['setTypingTrust']>(async () => {}),
    attachTerminal: vi.fn<Commands['attachTerminal']>(() => () => {}),
    fitTerminal: vi.fn<Commands['fitTerminal']>(() => {}),
    openReplay: vi.fn<Commands['openReplay']>(async () => {}),
    openLatestReplay: vi.fn<Commands['openLatestReplay']>(async () => {}),
    followRecording: vi.fn<Commands['followRecording']>(() => () => {}),
    createPlayer: vi.fn<Commands['createPlayer']>(noPlayer),
    createClipPlayer: vi.fn<Commands['createClipPlayer']>(noPlayer),
    searchRecording: vi.fn<Commands['searchRecording']>(async () => {}),
    exportRecording: vi.fn<Commands['exportRecording']>(async () => null),
    deleteSession: vi.fn<Commands['deleteSession']>(async () => {}),
    clipFor: vi.fn<Commands['clipFor']>(async () => null),
    importAgentRules: vi.fn<Commands['importAgentRules']>(async () => ({
      files: [],
      added: [],
      skipped: [],
      errors: [],
    })),
    loadSnapshot: vi.fn<Commands['loadSnapshot']>(async () => {}),
    previewUndo: vi.fn<Commands['previewUndo']>(async () => {}),
    confirmUndo: vi.fn<Commands['confirmUndo']>(async () => {}),
    cancelUndo: vi.fn<Commands['cancelUndo']>(() => {}),
  } satisfies Commands;
}

export function renderInApp(
  ui: ReactElement,
  commands: Commands = fakeCommands(),
  mode: WindowMode = 'browser',
  surfaces: SurfaceFactory = fakeSurfaces().factory,
) {
  return { commands, ...render(<AppContext.Provider value={{ commands, mode, surfaces }}>{ui}</AppContext.Provider>) };
}
