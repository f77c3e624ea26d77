// What `make target` runs, read from the Makefile simply: each rule's target line and its tab-indented
// recipe, the recipes of its prerequisites, and the `$(shell …)` that make runs whenever it reads the file.
// Variables set in the same Makefile are put in; anything else (functions, automatic variables, variables
// from elsewhere) stays a shell variable, known only at run time.

export interface Makefile {
  /** Rules by target: prerequisites and recipe lines (prefixes `@`, `-`, `+` removed, nothing expanded). */
  rules: Map<string, { prereqs: string[]; recipe: string[] }>;
  /** Simple variables (`X = …`, `X := …`, `X ?= …`, `X += …`), unexpanded. */
  vars: Map<string, string>;
  /** The first ordinary target: what `make` alone builds. */
  first: string | null;
  /** Whether the Makefile includes others (rules we did not read may live there). */
  includes: boolean;
  /** Shell text make runs while reading the file (`$(shell …)` outside recipes, `X != cmd`), unexpanded. */
  onRead: string[];
}

/** Targets whose recipes are gathered for one goal (its prerequisites, theirs…): enough for real Makefiles. */
const MAX_TARGETS = 32;
/** Recipe lines gathered for one goal. */
const MAX_LINES = 400;
/** Variables inside variables, expanded this deep. */
const MAX_EXPANSION_DEPTH = 8;

const ASSIGNMENT = /^(?:override\s+|export\s+|private\s+)*([A-Za-z_.][\w.-]*)\s*(:::=|::=|:=|\?=|\+=|!=|=)\s*(.*)$/;
const RULE = /^([^:=#\t][^=#]*?)\s*::?(?!=)\s*(.*)$/;
const CONDITIONAL = /^\s*(ifeq|ifneq|ifdef|ifndef|else|endif)\b/;
const INCLUDE = /^\s*-?(include|sinclude)\s/;

/** Reads a Makefile's rules and variables. */
export function readMakefile(text: string): Makefile {
  const mk: Makefile = { rules: new Map(), vars: new Map(), first: null, includes: false, onRead: [] };
  // Backslash-newline joins lines everywhere (in recipes the shell would see the continuation; the effect is the same).
  const lines = text.replace(/\\\r?\n[ \t]*/g, ' ').split(/\r?\n/);
  // The rules the recipe lines below belong to (every target of the last rule line).
  let current: Array<{ prereqs: string[]; recipe: string[] }> | null = null;
  let inDefine = false;
  for (const raw of lines) {
    if (inDefine) {
      if (/^\s*endef\b/.test(raw)) inDefine = false;
      continue;
    }
    if (raw.startsWith('\t')) {
      for (const rule of current ?? []) rule.recipe.push(raw.slice(1).replace(/^[\s@+-]+/, ''));
      continue;
    }
    const line = raw.replace(/(^|[^\\])#.*$/, '$1').trimEnd();
    if (line.trim() === '') continue;
    if (/^\s*define\s/.test(line)) {
      inDefine = true;
      current = null;
      continue;
    }
    if (CONDITIONAL.test(line)) continue;
    if (INCLUDE.test(line)) {
      mk.includes = true;
      current = null;
      continue;
    }
    const assign = ASSIGNMENT.exec(line.trim());
    if (assign) {
      const [, name, op, value = ''] = assign as unknown as [string, string, string, string];
      if (op === '!=') mk.onRead.push(value);
      else if (op === '+=') mk.vars.set(name, `${mk.vars.get(name) ?? ''} ${value}`.trim());
      else if (op !== '?=' || !mk.vars.has(name)) mk.vars.set(name, value);
      collectShell(value, mk.onRead);
      current = null;
      continue;
    }
    const rule = RULE.exec(line);
    if (rule) {
      const [, targets = '', rest = ''] = rule;
      const [deps = '', inline] = splitOnce(rest, ';');
      // `target: VAR = value` sets a variable for that target; it is not a rule of its own.
      if (/^[\w.-]+\s*(\?|\+|:|!)?=/.test(deps.trim())) {
        current = null;
        continue;
      }
      collectShell(deps, mk.onRead);
      const prereqs = deps.split(/\s+/).filter(Boolean);
      const recipe = inline !== undefined && inline.trim() ? [inline.trim().replace(/^[@+-]+/, '')] : [];
      current = [];
      for (const t of targets.split(/\s+/).filter(Boolean)) {
        // A target named twice (`::` rules, or prerequisites added later) keeps every recipe line.
        const entry = mk.rules.get(t) ?? { prereqs: [], recipe: [] };
        entry.prereqs.push(...prereqs);
        entry.recipe.push(...recipe);
        mk.rules.set(t, entry);
        current.push(entry);
        if (mk.first === null && !t.startsWith('.') && !t.includes('%')) mk.first = t;
      }
      continue;
    }
    collectShell(line, mk.onRead);
    current = null;
  }
  return mk;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

/** `$(shell cmd)` anywhere outside a recipe runs when make reads the file. */
function collectShell(text: string, into: string[]): void {
  for (const m of text.matchAll(/\$[({]shell\s+([^()]*(?:\([^()]*\)[^()]*)*)[)}]/g)) into.push(m[1] as string);
}

/**
 * A recipe line as the shell will get it: `$$` is `$`, variables of the Makefile are put in, `$(MAKE)` is
 * make, `$(shell cmd)` runs cmd; automatic variables, functions and unknown variables become shell variables.
 */
export function expandMake(text: string, vars: ReadonlyMap<string, string>, cwd: string, depth = 0): string {
  const DOLLAR = '\u0000';
  const out = text
    .replace(/\$\$/g, DOLLAR)
    .replace(/\$[({]([^(){}]*(?:[({][^(){}]*[)}][^(){}]*)*)[)}]/g, (_m, inner: string) => {
      const name = inner.trim();
      if (/^shell\s/.test(name)) return `$(${expandMake(name.slice(6), vars, cwd, depth + 1)})`;
      if (name === 'MAKE') return 'make';
      if (name === 'CURDIR') return cwd;
      if (/^[\w.-]+$/.test(name)) {
        const value = vars.get(name);
        if (value !== undefined && depth < MAX_EXPANSION_DEPTH) return expandMake(value, vars, cwd, depth + 1);
        return `\${MAKE_${name.replace(/\W/g, '_')}}`;
      }
      // `$(@D)`, `$(wildcard …)`, `$(patsubst …)`: only make knows.
      return '${MAKE_EXPANSION}';
    })
    .replace(/\$[@<^?+|*%]/g, '${MAKE_AUTOMATIC}')
    .replace(/\$([A-Za-z_])/g, (_m, v: string) => {
      const value = vars.get(v);
      return value !== undefined && depth < MAX_EXPANSION_DEPTH
        ? expandMake(value, vars, cwd, depth + 1)
        : `\${MAKE_${v}}`;
    });
  return out.split(DOLLAR).join('$');
}

export interface Recipes {
  /** The shell text make would run for these goals (prerequisites first), one command per line. */
  text: string;
  /** Goals not found in this Makefile, when it includes others (their recipes may be there). */
  unfound: string[];
}

/** Variables GNU make sets itself (`$(RM)` is `rm -f`), unless the Makefile or the command line sets them. */
const BUILTIN_VARS: ReadonlyArray<[string, string]> = [
  ['RM', 'rm -f'],
  ['CC', 'cc'],
  ['CXX', 'g++'],
  ['CPP', 'cc -E'],
  ['AR', 'ar'],
  ['AS', 'as'],
  ['LD', 'ld'],
  ['FC', 'f77'],
  ['LEX', 'lex'],
  ['YACC', 'yacc'],
  ['ARFLAGS', 'rv'],
  ...['CFLAGS', 'CXXFLAGS', 'CPPFLAGS', 'LDFLAGS', 'LDLIBS', 'ASFLAGS', 'FFLAGS', 'MAKEFLAGS'].map(
    (v): [string, string] => [v, ''],
  ),
];

/** The recipes `make goals…` runs, with `VAR=value` overrides from its command line. */
export function recipesFor(
  mk: Makefile,
  goals: readonly string[],
  overrides: ReadonlyMap<string, string>,
  cwd: string,
): Recipes {
  const vars = new Map([...BUILTIN_VARS, ...mk.vars, ...overrides]);
  const lines: string[] = mk.onRead.map((t) => expandMake(t, vars, cwd));
  const seen = new Set<string>();
  const unfound: string[] = [];
  const visit = (t: string, top: boolean) => {
    if (seen.has(t) || seen.size >= MAX_TARGETS || lines.length >= MAX_LINES) return;
    seen.add(t);
    const rule = mk.rules.get(t);
    if (!rule) {
      if (top && mk.includes) unfound.push(t);
      return;
    }
    for (const p of rule.prereqs) if (p !== '|') visit(expandMake(p, vars, cwd), false);
    for (const r of rule.recipe) if (lines.length < MAX_LINES) lines.push(expandMake(r, vars, cwd));
  };
  const wanted = goals.length ? goals : mk.first ? [mk.first] : [];
  for (const g of wanted) visit(g, true);
  return { text: lines.filter((l) => l.trim()).join('\n'), unfound };
}
