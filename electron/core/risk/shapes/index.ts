// The shape tables: for every program Gatehouse can prove ordinary, what each of its words may be. A program
// missing here can still be judged by the rules, but never rated low: low is proven, never assumed.
//
// To add a program: (1) write its table in the family's file (`shapes/<family>.ts`): its flags, its options
// and what their values are (`=` data, `=write`, `=shell`, `=argv`, `=code`, `=load`, `=check:NAME`), its
// subcommands; (2) add cases to the family's shape tests under test/unit/core/risk/shapes/ (a known form is low, an
// unknown option is medium, a code-carrying option is judged as what it runs).
import { BUILD_SHAPES } from './build.ts';
import { CLOUD_SHAPES } from './cloud.ts';
import { COMPILED_SHAPES } from './compiled.ts';
import { CONTAINER_SHAPES } from './containers.ts';
import { DATA_SHAPES } from './data.ts';
import { DEV_TOOL_SHAPES } from './devtools.ts';
import { FILE_SHAPES } from './files.ts';
import { GIT_SHAPES } from './git.ts';
import { HOSTING_SHAPES } from './hosting.ts';
import { JS_TOOL_SHAPES } from './js-tools.ts';
import { JS_SHAPES } from './js.ts';
import { PYTHON_SHAPES } from './python.ts';
import { SCRIPTING_SHAPES } from './scripting.ts';
import { SCRIPT_SHELL_SHAPES, SHELL_SHAPES } from './shell.ts';
import { compileShape, type Shape, type ShapeSource } from './spec.ts';
import { SYSTEM_SHAPES } from './system.ts';
import { TEXT_SHAPES } from './text.ts';
import { RUNNER_SHAPES } from './runners.ts';

const FAMILIES: ReadonlyArray<Record<string, ShapeSource | string>> = [
  SHELL_SHAPES,
  SCRIPT_SHELL_SHAPES,
  TEXT_SHAPES,
  FILE_SHAPES,
  GIT_SHAPES,
  JS_SHAPES,
  BUILD_SHAPES,
  CONTAINER_SHAPES,
  CLOUD_SHAPES,
  HOSTING_SHAPES,
  DATA_SHAPES,
  SYSTEM_SHAPES,
  SCRIPTING_SHAPES,
  COMPILED_SHAPES,
  JS_TOOL_SHAPES,
  PYTHON_SHAPES,
  DEV_TOOL_SHAPES,
  RUNNER_SHAPES,
];

const SHAPES = new Map<string, Shape>();
for (const family of FAMILIES) {
  for (const [prog, source] of Object.entries(family)) {
    if (SHAPES.has(prog)) throw new Error(`shape table: ${prog} is described twice`);
    SHAPES.set(prog, compileShape(source, prog));
  }
}

/** The table for a program (by its base name, as the rules know it), or null when Gatehouse has none. */
export function shapeOf(prog: string): Shape | null {
  return SHAPES.get(prog) ?? null;
}

/** Every program with a table (for tests and the docs). */
export function programsWithShapes(): string[] {
  return [...SHAPES.keys()];
}
