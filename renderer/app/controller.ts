// Wires one connection to the stores: core events become store events, and the commands the views call go to the
// core. The views never hold the API; they call these commands and read the stores.
import { ApiError } from '../../shared/api.ts';
import type { CoreEvent, Decision } from '../../shared/domain.ts';
import { QUICK_TRUST_MS } from '../../shared/rules.ts';
import type { SettingsPatch } from '../../shared/settings.ts';
import type { Connection } from '../api/client.ts';
import { historyQuery, useAudit } from '../stores/audit.ts';
import { useApp } from '../stores/connection.ts';
import { canDecide, useInbox } from '../stores/inbox.ts';
import { useReplay } from '../stores/replay.ts';
import { useRules } from '../stores/rules.ts';
import { useSessions } from '../stores/sessions.ts';
import { useAgents } from '../stores/agents.ts';
import { useSettings } from '../stores/settings.ts';
import { useTerminals } from '../stores/terminals.ts';
import { useStoreHealth } from '../stores/store-health.ts';
import { useTamper } from '../stores/tamper.ts';
import { useTrust } from '../stores/trust.ts';
import { LiveTerminals } from '../terminal/live-terminals.ts';
import { exportFile, type ExportFormat } from './history-export.ts';
import { messageOf } from './messages.ts';
import { replayCommands, type ReplayCommands } from './replay-commands.ts';
import { storageCommands, type StorageCommands } from './storage-commands.ts';
import { installCommands, type InstallCommands } from './install-commands.ts';
import { welcomeCommands, type WelcomeCommands } from './welcome-commands.ts';
import { undoCommands, type UndoCommands } from './undo-commands.ts';
import { useUndo } from '../stores/undo.ts';
import { rulesCommands, type RulesCommands } from './rules-commands.ts';
import { terminalCommands, type TerminalCommands } from './terminal-commands.ts';

export { messageOf };

/** How often the running-agents list is asked again (the core scans at most once a second however many ask). */
const AGENTS_REFRESH_MS = 5000;

/** An export walks the history in the largest pages the API allows. */
const EXPORT_PAGE = 500;

export interface CoreCommands {
  /** `safer`: allow the command's safer form (`GateRequest.safer`), which the core works out again. */
  decide(id: string, decision: Decision, reason?: string, safer?: boolean): Promise<void>;
  reloadInbox(): Promise<void>;
  reloadSessions(): Promise<void>;
  loadHistory(): Promise<void>;
  loadMoreHistory(): Promise<void>;
  exportHistory(format: ExportFormat): Promise<{ name: string; text: string } | null>;
  updateSettings(patch: SettingsPatch): Promise<void>;
  /** Trust mode for QUICK_TRUST_MS (everything below high risk allowed). */
  startTrust(): Promise<void>;
  stopTrust(): Promise<void>;
  acknowledgeTamper(): Promise<void>;
}

/** Everything the views can ask for. */
export type Commands = CoreCommands &
  RulesCommands &
  TerminalCommands &
  ReplayCommands &
  StorageCommands &
  WelcomeCommands &
  InstallCommands &
  UndoCommands;

export class Controller implements CoreCommands {
  private readonly connection: Connection;
  private readonly onHeldOrDecided: (event: CoreEvent) => void;
  private readonly disposers: Array<() => void> = [];
  private readonly live: LiveTerminals;

  /** `onHeldOrDecided` is where notifications hook in. */
  constructor(connection: Connection, onHeldOrDecided: (event: CoreEvent) => void = () => {}) {
    this.connection = connection;
    this.onHeldOrDecided = onHeldOrDecided;
    this.live = new LiveTerminals(connection.api, {
      exited: (id, code) => useTerminals.getState().terminalExited(id, code),
      flowChanged: (id, paused) => useTerminals.getState().terminalFlowChanged(id, paused),
      resized: (id, size) => useTerminals.getState().terminalResized(id, size.cols, size.rows),
      failed: (id, message) => useTerminals.getState().attachFailed(id, message),
    });
  }

  /** Every command the views use: this controller's, and the rules, terminal and replay commands on the same connection. */
  commands(): Commands {
    const api = this.connection.api;
    return {
      decide: (id, decision, reason, safer) => this.decide(id, decision, reason, safer),
      reloadInbox: () => this.reloadInbox(),
      reloadSessions: () => this.reloadSessions(),
      loadHistory: () => this.loadHistory(),
      loadMoreHistory: () => this.loadMoreHistory(),
      exportHistory: (format) => this.exportHistory(format),
      updateSettings: (patch) => this.updateSettings(patch),
      startTrust: () => this.startTrust(),
      stopTrust: () => this.stopTrust(),
      acknowledgeTamper: () => this.acknowledgeTamper(),
      ...rulesCommands(api),
      ...terminalCommands(api, this.live),
      ...replayCommands(api),
      ...storageCommands(api),
      ...welcomeCommands(api),
      ...installCommands(api),
      ...undoCommands(api),
    };
  }

  /** Subscribes, then loads: an event that races the first load is merged, never lost. */
  async start(): Promise<void> {
    this.disposers.push(this.connection.onEvent((e) => this.onEvent(e)));
    this.disposers.push(this.connection.onTerminalEvent((e) => this.live.onEvent(e)));
    void this.connection.closed.then((why) => useApp.getState().connectionLost(why));
    await this.connection.api.subscribe();
    useApp.getState().connected();
    // The rules too: the status line counts them (and `rules.changed` keeps them current from then on).
    // An agent started outside Gatehouse sends no event: the running-agents list is asked again every few seconds.
    const every = setInterval(() => void this.reloadAgents(), AGENTS_REFRESH_MS);
    this.disposers.push(() => clearInterval(every));
    await Promise.all([
      this.reloadInbox(),
      this.reloadSessions(),
      this.reloadAgents(),
      this.loadSettings(),
      this.loadTrust(),
      rulesCommands(this.connection.api).loadRules(),
    ]);
  }

  dispose(): void {
    this.disposers.splice(0).forEach((d) => d());
    this.live.dispose();
  }

  /** A session started or ended anywhere may be a hosted terminal: the list follows once it has been loaded. */
  private refreshTerminals(): void {
    if (useTerminals.getState().load === 'loading') return;
    this.connection.api.listTerminals().then(
      (terminals) => useTerminals.getState().terminalsLoaded(terminals),
      () => {},
    );
  }

  /** Trust mode, tampering and the store's health, from one status call. */
  private async loadTrust(): Promise<void> {
    try {
      const status = await this.connection.api.status();
      useTrust.getState().trustLoaded(status.trust.active ? status.trust.endsAt : null);
      useTamper.getState().tamperLoaded(status.tamper);
      useStoreHealth.getState().storeHealthChanged(status.store);
    } catch (err) {
      useTrust.getState().changeFailed(messageOf(err));
    }
  }

  /** The person has read the banner: rules, trust and auto-allow decide again. */
  async acknowledgeTamper(): Promise<void> {
    useTamper.getState().acknowledgeStarted();
    try {
      await this.connection.api.acknowledgeTamper({ via: 'window' });
      useTamper.getState().tamperAcknowledged((await this.connection.api.status()).tamper);
    } catch (err) {
      useTamper.getState().acknowledgeFailed(messageOf(err));
    }
  }

  async startTrust(): Promise<void> {
    useTrust.getState().changeStarted();
    try {
      const status = await this.connection.api.startTrust({ durationMs: QUICK_TRUST_MS });
      if (status.endsAt) useTrust.getState().trustStarted(status.endsAt);
    } catch (err) {
      useTrust.getState().changeFailed(messageOf(err));
    }
  }

  async stopTrust(): Promise<void> {
    useTrust.getState().changeStarted();
    try {
      await this.connection.api.stopTrust();
      useTrust.getState().trustEnded();
    } catch (err) {
      useTrust.getState().changeFailed(messageOf(err));
    }
  }

  private onEvent(e: CoreEvent): void {
    switch (e.type) {
      case 'request.held':
        useInbox.getState().requestHeld(e.request);
        break;
      case 'request.decided':
        useInbox.getState().requestDecided(e.request);
        useAudit.getState().requestDecided(e.request);
        break;
      case 'request.outcome':
        useInbox.getState().outcomeRecorded(e.request);
        useAudit.getState().outcomeRecorded(e.request);
        break;
      case 'request.changes':
        useUndo.getState().snapshotKnown(e.snapshot.requestId, e.snapshot);
        break;
      case 'session.started':
        useSessions.getState().sessionStarted(e.session);
        this.refreshTerminals();
        void this.reloadAgents();
        break;
      case 'session.protections':
        useSessions.getState().sessionUpdated(e.session);
        // A hosted agent's terminal is listed from the moment its launcher has said this (after the gate's canary,
        // which can outlast the list asked for at session.started).
        this.refreshTerminals();
        void this.reloadAgents();
        break;
      case 'session.ended':
        useSessions.getState().sessionEnded(e.session);
        this.refreshTerminals();
        void this.reloadAgents();
        break;
      case 'settings.changed':
        useSettings.getState().settingsChanged(e.settings);
        break;
      case 'rules.changed':
        // Hit counts, expiries and edits from anywhere (the CLI, learning): the Rules view shows the core's list.
        if (useRules.getState().load !== 'loading' || useApp.getState().view === 'rules')
          void rulesCommands(this.connection.api).loadRules();
        break;
      case 'trust.started':
        useTrust.getState().trustStarted(e.endsAt);
        break;
      case 'trust.ended':
        useTrust.getState().trustEnded();
        break;
      case 'store.health':
        useStoreHealth.getState().storeHealthChanged(e.problem);
        break;
      case 'gate.tampered':
        useTamper.getState().tamperReported(e.status);
        break;
      case 'gate.tamper-acknowledged':
        useTamper.getState().tamperAcknowledged(e.status);
        break;
      case 'terminal.typing':
        useTerminals.getState().typingTrustChanged(e.sessionId, e.typingTrust);
        break;
      case 'agent.notification':
        break;
    }
    if (e.type === 'request.held' || e.type === 'request.decided') {
      // The Replay view's chapter for it, when its session is the one open there.
      useReplay.getState().requestsSeen([e.request]);
      this.onHeldOrDecided(e);
    }
  }

  async decide(id: string, decision: Decision, reason?: string, safer?: boolean): Promise<void> {
    const inbox = useInbox.getState();
    if (!canDecide(inbox, id)) return;
    inbox.decisionSent(id, decision);
    try {
      const decided = await this.connection.api.decide({
        id,
        decision,
        reason: reason?.trim() || undefined,
        via: 'window',
        ...(safer ? { safer: true } : {}),
      });
      useInbox.getState().requestDecided(decided);
    } catch (err) {
      // Someone else decided first: the event shows the outcome; anything else is worth saying.
      if (err instanceof ApiError && err.code === 'already_decided') {
        useInbox.getState().requestDecided(await this.connection.api.getRequest(id));
      } else {
        useInbox.getState().decisionFailed(id, messageOf(err));
      }
    }
  }

  async reloadInbox(): Promise<void> {
    try {
      useInbox.getState().pendingLoaded(await this.connection.api.listPending());
    } catch (err) {
      useInbox.getState().pendingFailed(messageOf(err));
    }
  }

  async reloadSessions(): Promise<void> {
    try {
      useSessions.getState().sessionsLoaded(await this.connection.api.listSessions());
    } catch (err) {
      useSessions.getState().sessionsFailed(messageOf(err));
    }
  }

  private async reloadAgents(): Promise<void> {
    try {
      useAgents.getState().agentsLoaded(await this.connection.api.agentStatus());
    } catch (err) {
      useAgents.getState().agentsFailed(messageOf(err));
    }
  }

  private async loadSettings(): Promise<void> {
    try {
      useSettings.getState().settingsLoaded(await this.connection.api.getSettings());
    } catch (err) {
      useSettings.getState().settingsFailed(messageOf(err));
    }
  }

  async loadHistory(): Promise<void> {
    const audit = useAudit.getState();
    const filter = audit.filter;
    audit.filterChanged(filter);
    try {
      const page = await this.connection.api.listHistory(historyQuery(filter));
      // A newer filter may have been chosen meanwhile; its own load wins.
      if (useAudit.getState().filter === filter) useAudit.getState().firstPageLoaded(page.items, page.nextCursor);
    } catch (err) {
      useAudit.getState().historyFailed(messageOf(err));
    }
  }

  async loadMoreHistory(): Promise<void> {
    const audit = useAudit.getState();
    if (!audit.nextCursor || audit.loadingMore) return;
    audit.morePageLoading();
    try {
      const page = await this.connection.api.listHistory({ ...historyQuery(audit.filter), cursor: audit.nextCursor });
      useAudit.getState().morePageLoaded(page.items, page.nextCursor);
    } catch (err) {
      useAudit.getState().historyFailed(messageOf(err));
    }
  }

  /** Every decision matching the filter, as a file; null (and the error in the store) if the core failed. */
  async exportHistory(format: ExportFormat): Promise<{ name: string; text: string } | null> {
    const { filter } = useAudit.getState();
    useAudit.getState().exportStarted();
    try {
      const items = [];
      let cursor: string | undefined;
      do {
        const page = await this.connection.api.listHistory({ ...historyQuery(filter), limit: EXPORT_PAGE, cursor });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      useAudit.getState().exportFinished(null);
      return exportFile(items, format, new Date());
    } catch (err) {
      useAudit.getState().exportFinished(messageOf(err));
      return null;
    }
  }

  async updateSettings(patch: SettingsPatch): Promise<void> {
    useSettings.getState().saveStarted();
    try {
      useSettings.getState().settingsChanged(await this.connection.api.updateSettings(patch));
    } catch (err) {
      useSettings.getState().saveFailed(messageOf(err));
    }
  }
}
