// The core's event bus (electron/core/events/bus.ts): what services publish reaches every subscriber, in order, and
// one subscriber failing never keeps an event from the others.
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../../electron/core/events/bus.ts';

type Note = { type: string };
const note = (type: string): Note => ({ type });

describe('EventBus', () => {
  it('delivers each event to every subscriber, in the order they subscribed, before publish returns', () => {
    const bus = new EventBus<Note>();
    const heard: string[] = [];
    bus.subscribe((e) => heard.push(`a:${e.type}`));
    bus.subscribe((e) => heard.push(`b:${e.type}`));
    bus.publish(note('one'));
    bus.publish(note('two'));
    expect(heard).toEqual(['a:one', 'b:one', 'a:two', 'b:two']);
  });

  it('stops delivering to a subscriber once it unsubscribes, and leaves the others subscribed', () => {
    const bus = new EventBus<Note>();
    const heard: string[] = [];
    const off = bus.subscribe((e) => heard.push(`a:${e.type}`));
    bus.subscribe((e) => heard.push(`b:${e.type}`));
    bus.publish(note('one'));
    off();
    off();
    bus.publish(note('two'));
    expect(heard).toEqual(['a:one', 'b:one', 'b:two']);
  });

  it('counts the same function subscribed twice as two subscriptions, each with its own unsubscribe', () => {
    const bus = new EventBus<Note>();
    const heard: string[] = [];
    const listen = (e: Note) => heard.push(e.type);
    const first = bus.subscribe(listen);
    bus.subscribe(listen);
    bus.publish(note('one'));
    first();
    bus.publish(note('two'));
    expect(heard).toEqual(['one', 'one', 'two']);
  });

  it('reports a subscriber that throws, with the event, and still delivers to the subscribers after it', () => {
    const reported: Array<[unknown, Note]> = [];
    const bus = new EventBus<Note>({ onError: (err, e) => reported.push([err, e]) });
    const heard: string[] = [];
    bus.subscribe((e) => heard.push(`a:${e.type}`));
    bus.subscribe(() => {
      throw new Error('client went away');
    });
    bus.subscribe((e) => heard.push(`c:${e.type}`));
    bus.publish(note('one'));
    bus.publish(note('two'));
    expect(heard).toEqual(['a:one', 'c:one', 'a:two', 'c:two']);
    expect(reported.map(([err, e]) => `${(err as Error).message} on ${e.type}`)).toEqual([
      'client went away on one',
      'client went away on two',
    ]);
  });

  it('survives an error reporter that throws too', () => {
    const bus = new EventBus<Note>({
      onError: () => {
        throw new Error('the log is gone');
      },
    });
    const heard: string[] = [];
    bus.subscribe(() => {
      throw new Error('boom');
    });
    bus.subscribe((e) => heard.push(e.type));
    expect(() => bus.publish(note('one'))).not.toThrow();
    expect(heard).toEqual(['one']);
  });

  it('delivers an event published by a subscriber after the one being delivered has reached everyone', () => {
    // Rules changed → held requests decided again → request.decided: a client hears the cause before its effects.
    const bus = new EventBus<Note>();
    const heard: string[] = [];
    bus.subscribe((e) => {
      heard.push(`policy:${e.type}`);
      if (e.type === 'rules.changed') bus.publish(note('request.decided'));
    });
    bus.subscribe((e) => heard.push(`client:${e.type}`));
    bus.publish(note('rules.changed'));
    expect(heard).toEqual([
      'policy:rules.changed',
      'client:rules.changed',
      'policy:request.decided',
      'client:request.decided',
    ]);
  });

  it('gives a subscriber added during a delivery the next event, and skips one removed during it', () => {
    const bus = new EventBus<Note>();
    const heard: string[] = [];
    let offB: () => void = () => {};
    bus.subscribe((e) => {
      heard.push(`a:${e.type}`);
      if (e.type === 'one') {
        offB();
        bus.subscribe((x) => heard.push(`late:${x.type}`));
      }
    });
    offB = bus.subscribe((e) => heard.push(`b:${e.type}`));
    bus.publish(note('one'));
    bus.publish(note('two'));
    expect(heard).toEqual(['a:one', 'a:two', 'late:two']);
  });

  it('tells nobody anything once closed', () => {
    const bus = new EventBus<Note>();
    const heard: string[] = [];
    bus.subscribe((e) => heard.push(e.type));
    bus.close();
    bus.publish(note('after'));
    expect(heard).toEqual([]);
  });
});
