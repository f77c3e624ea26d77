// Keeps the shell's view of held requests (for the tray and notifications) in step with the core, and turns tray and
// notification clicks into decisions recorded with where they came from.
import type { Decision, DecisionChannel, GateRequest } from '../../shared/domain.ts';
import type { CoreClient } from './core-client.ts';
import type { HeldNotifier } from './notifications.ts';

export interface HeldCommandsDeps {
  client: CoreClient;
  notifier: HeldNotifier;
  /** Called with the held requests, oldest first, whenever they change. */
  show(pending: readonly GateRequest[]): void;
  onError(err: unknown): void;
}

export class HeldCommands {
  private readonly deps: HeldCommandsDeps;
  private pending: GateRequest[] = [];
  private stopListening: () => void = () => {};

  constructor(deps: HeldCommandsDeps) {
    this.deps = deps;
  }

  /** Subscribes first, then loads, so a request held in between is not missed. */
  async start(): Promise<void> {
    this.stopListening = this.deps.client.onEvent((e) => {
      if (e.type === 'request.held') this.held(e.request);
      if (e.type === 'request.decided') this.decided(e.request);
    });
    await this.deps.client.api.subscribe();
    for (const r of await this.deps.client.api.listPending())
      if (!this.pending.some((p) => p.id === r.id)) this.pending.push(r);
    this.pending.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    this.deps.show(this.pending);
  }

  list(): readonly GateRequest[] {
    return this.pending;
  }

  decide(id: string, decision: Decision, via: Extract<DecisionChannel, 'tray' | 'notification'>): void {
    this.deps.client.api.decide({ id, decision, via }).catch((err: unknown) => this.deps.onError(err));
  }

  dispose(): void {
    this.stopListening();
    this.deps.notifier.dispose();
  }

  private held(r: GateRequest): void {
    if (this.pending.some((p) => p.id === r.id)) return;
    this.pending = [...this.pending, r];
    this.deps.show(this.pending);
    this.deps.notifier.held(r);
  }

  private decided(r: GateRequest): void {
    this.pending = this.pending.filter((p) => p.id !== r.id);
    this.deps.show(this.pending);
    this.deps.notifier.decided(r);
  }
}
