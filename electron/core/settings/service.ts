// The one owner of the settings in the core: the value in force, validated updates (saved to settings.json through
// `SettingsFile`), and change events. Everything that acts on a setting asks `current()` when it acts (the policy's
// auto-allow, upkeep's retention) or subscribes here and applies the change (the redactor, the hold timeout), so a
// setting saved in the UI takes effect at once, without a restart; clients hear `settings.changed` on the event bus.
import type { Settings } from '../../../shared/settings.ts';
import { EventBus, type Publisher, type Subscribable } from '../events/bus.ts';
import type { SettingsFile } from './file.ts';

/** What one update did: the settings in force after it and before it, and the keys the patch named. */
export interface SettingsChange {
  settings: Settings;
  previous: Settings;
  patched: ReadonlyArray<keyof Settings>;
}

/** Values given when the core started (`gatehouse daemon --hold-timeout`): in force over the file's. */
export type SettingsOverrides = Partial<Pick<Settings, 'holdTimeoutMs'>>;

export interface SettingsServiceOptions {
  file: Pick<SettingsFile, 'read' | 'update'>;
  overrides?: SettingsOverrides;
  /** Where `settings.changed` goes, for control clients (the renderer, the desktop shell, `gatehouse daemon`). */
  events?: Publisher;
  /** Told of a subscriber that throws (the others still hear of the change). */
  onError?: (err: unknown) => void;
}

export class SettingsService implements Subscribable<SettingsChange> {
  private readonly file: Pick<SettingsFile, 'read' | 'update'>;
  private readonly events: Publisher | null;
  private readonly changes: EventBus<SettingsChange>;
  private readonly overrides: SettingsOverrides;
  private onFile: Settings;
  /** `onFile` with the overrides on top; kept, not rebuilt, because the policy reads it for every request. */
  private inForce: Settings;

  /** Reads the file once (throws SettingsError when it is not valid: the core does not start on settings it cannot read). */
  constructor(opts: SettingsServiceOptions) {
    this.file = opts.file;
    this.events = opts.events ?? null;
    this.changes = new EventBus<SettingsChange>({ onError: opts.onError });
    // Only the keys given: `{ holdTimeoutMs: undefined }` overrides nothing.
    this.overrides = Object.fromEntries(Object.entries(opts.overrides ?? {}).filter(([, v]) => v !== undefined));
    this.onFile = opts.file.read();
    this.inForce = { ...this.onFile, ...this.overrides };
  }

  /**
   * The settings as saved: what the API answers (`getSettings`) and what `settings.changed` carries. The core is the
   * only writer of the file, so this is the file as it is (a hand edit while the core runs counts from the next start).
   */
  saved(): Settings {
    return this.onFile;
  }

  /** The settings in force: the saved ones, with the start's overrides on top (until the same key is saved). */
  current(): Settings {
    return this.inForce;
  }

  /**
   * Validates and saves `patch` (throws ApiError `invalid_input` and changes nothing when it is not valid), tells the
   * subscribers, then the clients, and returns the saved settings.
   */
  update(patch: unknown): Settings {
    const previous = this.current();
    const next = this.file.update(patch);
    // Validated by the file: the patch's keys are settings keys.
    const patched = Object.keys(patch as object) as Array<keyof Settings>;
    this.onFile = next;
    // A key saved through the API is the person's latest word: it now wins over the value the core started with.
    for (const key of patched) delete this.overrides[key as keyof SettingsOverrides];
    this.inForce = { ...next, ...this.overrides };
    this.changes.publish({ settings: this.inForce, previous, patched });
    this.events?.publish({ type: 'settings.changed', settings: next });
    return next;
  }

  /** Called after every update with what changed; returns the unsubscribe. */
  subscribe(subscriber: (change: SettingsChange) => void): () => void {
    return this.changes.subscribe(subscriber);
  }
}
