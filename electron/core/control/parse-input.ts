// The control API's one input check. serveControl (serve.ts) puts every call through `withParsedInput` before its
// handler runs: the input is parsed with the schema the call declares in shared/api.ts (CONTROL_CALLS), the same for
// every carrier, so handlers receive typed, parsed input and check nothing by hand. A failure is an `invalid_input`
// ApiError naming each field at fault; a name the contract does not declare is not served at all.
import type { z } from 'zod';
import { ApiError, CONTROL_CALLS, type ApiCallName } from '../../../shared/api.ts';

/** Whether the contract declares `name` (own keys only: `constructor` or `toString` are not calls). */
export function isDeclaredCall(name: string): name is ApiCallName {
  return Object.hasOwn(CONTROL_CALLS, name);
}

/** A call's input, parsed by its schema, from the arguments as birpc delivers them: none, or the one input. */
export function parseInput(name: ApiCallName, args: readonly unknown[]): unknown {
  // Every call takes at most one input: a second argument is a client's mistake, not something to drop silently.
  if (args.length > 1) throw new ApiError('invalid_input', `${name} takes one input, not ${args.length}`);
  const schema: z.ZodType = CONTROL_CALLS[name].input;
  const parsed = schema.safeParse(args[0]);
  if (parsed.success) return parsed.data;
  throw new ApiError(
    'invalid_input',
    parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
  );
}

/** `handler` as the dispatch calls it: with the parsed input in place of what the client sent. */
export function withParsedInput(
  name: ApiCallName,
  handler: (input: unknown) => unknown,
): (...args: unknown[]) => unknown {
  return (...args) => handler(parseInput(name, args));
}
