// The contract's two derived types (checked by the type checker, which `npm test` runs): a client (`CoreApi`) sends
// each call's input as its schema accepts it and gets the answer later; a handler (`ControlApi`) gets the input as the
// schema parsed it. Both come from CONTROL_CALLS alone, so a call declared there is typed everywhere at once.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  CONTROL_CALLS,
  ControlApi,
  CoreApi,
  CoreStatus,
  DecideInput,
  DecideResult,
  StartedSession,
} from '../../../shared/api.ts';
import type { Session } from '../../../shared/domain.ts';
import type { Rule } from '../../../shared/rules.ts';

describe('the types derived from the contract', () => {
  it('has one client method and one handler per declared call', () => {
    expectTypeOf<keyof CoreApi>().toEqualTypeOf<keyof typeof CONTROL_CALLS>();
    expectTypeOf<keyof ControlApi>().toEqualTypeOf<keyof typeof CONTROL_CALLS>();
  });

  it('gives a client the input before parsing and the answer as a Promise', () => {
    expectTypeOf<CoreApi['status']>().toEqualTypeOf<() => Promise<CoreStatus>>();
    expectTypeOf<CoreApi['decide']>().toEqualTypeOf<(input: DecideInput) => Promise<DecideResult>>();
    expectTypeOf<CoreApi['getRequest']>().parameters.toEqualTypeOf<[input: string]>();
    // An input whose every field has a default may be left out.
    expectTypeOf<CoreApi['listRules']>().parameters.toEqualTypeOf<
      [input?: { all?: boolean | undefined } | undefined]
    >();
    expectTypeOf<CoreApi['listRules']>().returns.toEqualTypeOf<Promise<Rule[]>>();
    // A call that answers later is not a Promise of a Promise.
    expectTypeOf<CoreApi['endSession']>().returns.toEqualTypeOf<Promise<Session>>();
  });

  it('gives a handler the parsed input (defaults filled in) and its own result', () => {
    expectTypeOf<Parameters<ControlApi['decide']>[0]['via']>().toEqualTypeOf<
      'cli' | 'window' | 'notification' | 'tray'
    >();
    expectTypeOf<ControlApi['listRules']>().parameters.toEqualTypeOf<[input: { all: boolean }]>();
    expectTypeOf<ControlApi['startSession']>().returns.toEqualTypeOf<StartedSession>();
    expectTypeOf<ControlApi['listPending']>().parameters.toEqualTypeOf<[]>();
  });
});
