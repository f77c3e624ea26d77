// The core's event bus: services publish what happened (a request held, a session ended, a rule added, settings
// saved…), and whoever cares subscribes, wired in the composition root (core.ts). It is here, not in the Broker, so a
// service announces things without depending on the service that used to carry them; the events are the wire events
// control clients see (`CoreEvent` in shared/), so pushing them to clients is one more subscriber.
import type { CoreEvent } from '../../../shared/domain.ts';

export type Subscriber<E> = (event: E) => void;

/** What a service needs to announce things: only `publish`, so it cannot listen in or clear the bus. */
export interface Publisher<E = CoreEvent> {
  publish(event: E): void;
}

/** What a subscriber needs: `subscribe`, which returns the unsubscribe. */
export interface Subscribable<E = CoreEvent> {
  subscribe(subscriber: Subscriber<E>): () => void;
}

export interface EventBusOptions<E> {
  /**
   * Told of each subscriber that throws. The other subscribers still get the event: one that fails (a client that went
   * away, a recording that cannot be written) must never stop a decision from reaching the rest.
   */
  onError?: (err: unknown, event: E) => void;
}

export class EventBus<E = CoreEvent> implements Publisher<E>, Subscribable<E> {
  private readonly subscribers = new Set<Subscriber<E>>();
  private readonly onError: (err: unknown, event: E) => void;
  /** Events published while one is being delivered: they wait for it (see `publish`). */
  private readonly queue: E[] = [];
  private delivering = false;

  constructor(opts: EventBusOptions<E> = {}) {
    this.onError = opts.onError ?? ((err) => console.error('gatehouse: an event subscriber failed:', err));
  }

  /**
   * Delivers the event to every subscriber, in the order they subscribed, before returning. An event published by a
   * subscriber (rules changed → held requests decided again → `request.decided`) is delivered after the one being
   * delivered has reached everyone: so every subscriber sees events in the order they were published, and a client
   * hears `rules.changed` before the decisions it caused, as it did when the Broker carried the events.
   */
  publish(event: E): void {
    this.queue.push(event);
    if (this.delivering) return;
    this.delivering = true;
    try {
      for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) this.deliver(next);
    } finally {
      this.delivering = false;
    }
  }

  subscribe(subscriber: Subscriber<E>): () => void {
    // A wrapper per call: the same function subscribed twice is two subscriptions, each with its own unsubscribe.
    const entry: Subscriber<E> = (event) => subscriber(event);
    this.subscribers.add(entry);
    return () => {
      this.subscribers.delete(entry);
    };
  }

  /** Drops every subscriber: once the core is stopping, what it does while closing is told to nobody. */
  close(): void {
    this.subscribers.clear();
    this.queue.length = 0;
  }

  private deliver(event: E): void {
    // A copy: subscribing during delivery takes effect from the next event; one unsubscribed during it is skipped.
    for (const subscriber of [...this.subscribers]) {
      if (!this.subscribers.has(subscriber)) continue;
      try {
        subscriber(event);
      } catch (err) {
        this.report(err, event);
      }
    }
  }

  private report(err: unknown, event: E): void {
    try {
      this.onError(err, event);
    } catch {
      // The error reporter itself failing must not stop the delivery either.
    }
  }
}
