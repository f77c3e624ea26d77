// Guards against user redaction patterns that backtrack catastrophically. Every pattern runs over every
// chunk of terminal output, so one like `(a+)+$` could stall the core; such patterns are refused when
// the settings are loaded, by timing them against texts built to trigger exponential backtracking.
import vm from 'node:vm';
import { compileUserPattern } from '../../../shared/settings.ts';

/**
 * A sane pattern scans all probes in well under a millisecond; a catastrophic one needs longer than the age of
 * the universe. A second of wall-clock time separates them even on a loaded machine (the budget is wall time).
 */
const PROBE_BUDGET_MS = 1000;
/** Long enough that exponential backtracking cannot finish, short enough that linear patterns take microseconds. */
const PROBE_LENGTH = 4000;

/** Runs of one character followed by a character that breaks the match: the classic backtracking trigger. */
function probes(pattern: string): string[] {
  const literals = new Set(pattern.replace(/\\./g, '').replace(/[()[\]{}|*+?^$.]/g, ''));
  const chars = new Set(['a', 'A', '0', ' ', '-', '_', '=', '/', '.', ...literals]);
  const texts: string[] = [];
  for (const c of chars) {
    texts.push(c.repeat(PROBE_LENGTH) + '\u0000', c.repeat(PROBE_LENGTH) + '!');
  }
  texts.push('aA0_-. '.repeat(PROBE_LENGTH / 7) + '\n', 'x='.repeat(PROBE_LENGTH / 2));
  return texts;
}

/** Why `pattern` is too slow to run over terminal output, or null when it is fine. It must compile. */
export function patternCostProblem(pattern: string): string | null {
  const context = vm.createContext({ re: compileUserPattern(pattern), texts: probes(pattern) });
  try {
    new vm.Script('for (const t of texts) { re.lastIndex = 0; while (re.exec(t) !== null) {} }').runInContext(context, {
      timeout: PROBE_BUDGET_MS,
    });
    return null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      return `${JSON.stringify(pattern)} backtracks catastrophically (it took over ${PROBE_BUDGET_MS} ms on a ${PROBE_LENGTH}-character line); simplify nested repetition such as (a+)+`;
    }
    throw err;
  }
}
