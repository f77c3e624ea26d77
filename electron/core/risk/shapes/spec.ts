// The language of the shape tables: what a program's options and subcommands are, written compactly so a
// table of hundreds of programs stays readable. A table says what is *known*; anything else is unknown,
// and an unknown word is never low (see read.ts). Low is proven, never assumed.

/**
 * What an option's value (or the words after it) is:
 * - `value`: data that changes only what is printed or read (`-n 5`, `--format=json`);
 * - `stops`: a value after which the words are not this program's (`python -m pytest -q`: pytest's, judged as its command);
 * - `write`: a path the program writes (`find -fprint F`, `sort -o F`, `tee`-like options);
 * - `shell`: a shell command line the program runs (`rsync -e`, `git --upload-pack`, `rg --pre`, `watch`);
 * - `argv`: the rest of the words, up to `;` or `+`, are a command it runs (`find -exec`), read by the parser;
 * - `code`: code in the program's own language (`node -e`, `python -c`), read by the language readers;
 * - `load`: a file of code loaded before the program's own (`node --require`, `python -X importtime`? no: `-r`);
 * - `check:NAME`: a value judged by a named check (`git -c key=value` by the config key it sets).
 */
export type ValueKind = 'value' | 'stops' | 'write' | 'shell' | 'argv' | 'code' | 'load' | `check:${string}`;

export interface OptionSpec {
  /** null for a flag; otherwise what its value is. */
  value: ValueKind | null;
  /** The value may only be attached (`--color=always`, `-n5`): the next word is not taken. */
  attachedOnly: boolean;
}

/**
 * One program's (or subcommand's) table.
 * `opts` is a space-separated list: `-l` a flag, `-n=` an option with a value, `--color=?` a value only when
 * attached, `-o=write` a value of that kind, `-lahR` (in `flags`) short flags that may be clustered.
 */
export interface ShapeSource {
  /** Short flags, written together: `'lahRt1'` (each may appear alone or clustered, `-la`). */
  flags?: string;
  opts?: string;
  /** Options accepted here and in every subcommand (`npm --workspace x run`, `npm run x --workspace y`); same syntax as `opts`. */
  globals?: string;
  /** Subcommands: the first operand must be one of them; each has its own table (its options add to the parent's). */
  subs?: Record<string, ShapeSource | string>;
  /**
   * Subcommands known by their form, for CLIs with more than can be listed (`aws ec2 describe-*`): a first operand
   * that is no listed subcommand but matches is read against this one table. Tried after `subs`.
   */
  subPattern?: { match: RegExp; shape: ShapeSource | string };
  /** A subcommand is optional: operands may also be plain (`git` alone, `npm` alone is not). */
  subOptional?: boolean;
  /** Options are written with one dash and may be long (`-name`, `-maxdepth`): find, go, java. */
  singleDash?: boolean;
  /** `-5`, `-20`: a count (head, tail, xargs -n5 no). */
  numeric?: boolean;
  /**
   * Where the program's own words end: after the first operand (`node script.js …`: the rest are the script's),
   * or never (default). What comes after is the script's business, not an option of the program.
   */
  stopAt?: 'first-operand';
  /**
   * The first word may be a cluster of short options written without the dash (`tar xIf zstd a.tar`): the rule learner
   * reads it as `-xIf`, so what such a cluster runs carries code (the risk engine's archive rule reads tar's mode).
   */
  bundledFirst?: boolean;
  /**
   * The operands are a command the program runs: `argv` (`git bisect run make test`: the words, as a program and its
   * arguments) or `shell` (`git submodule foreach '…'`: the words joined, as a shell command line).
   */
  command?: 'argv' | 'shell' | 'shell-each';
  /**
   * The first operand is a value of this kind (`sed 's/a/b/' f`: the script, `script out.log`: a file it writes),
   * unless one of the `unless` options gave it already (`sed -e 's/a/b/' f`: every operand is a file).
   */
  firstOperand?: { kind: ValueKind; unless?: string[] };
  /**
   * A word it does not know as an option is text, not an option (`echo "- fix"`, `test -x f`): the program has no
   * option that runs, loads or writes anything, and prints or compares what it is given.
   */
  textOperands?: boolean;
  /** Every operand must match (`make`: a target, never `VAR=value`, which can replace the recipe's shell or commands). */
  operands?: { match: RegExp; why: string };
  /** What every operand is, judged like an option's value of that kind (`sqlite3 app.db '.shell …'`: `check:sqlite`). */
  operandKind?: ValueKind;
  /** Only this many operands make sense (0: none at all, `pwd`); more is unknown. */
  maxOperands?: number;
  /**
   * Which operands carry code, for the rule learner (risk/rules/code-words.ts): an allow prefix rule must reach them.
   * `first`: the first operand is what runs (a script, a module, a package's task); the words after it are its own.
   * `all`: every operand does (make's targets and `VAR=value` overrides, packages to install, `eval`'s words).
   * `program`: the first operand is a program (or a package's program) run with the words after it, which its own
   * table reads (`npx tsx -e …`, `sudo node x.js`). `remote`: the first operand is where (a host, a container) and
   * every word after it is a command run there (`ssh host uptime`). `none`: the operands are data even though the
   * reading stops at the first (`cargo run -- args`: the built program's arguments).
   * Unset: `first` where `stopAt` is `first-operand`, else none. Options that run code say so by their value kinds.
   */
  operandsCarryCode?: 'first' | 'all' | 'program' | 'remote' | 'none';
  /**
   * Options that make the command a read (`git config --get`, `--list`), space-separated: they decide what the
   * operands are, so for the learner they carry code themselves (a rule must include them) and the operands do not.
   */
  reads?: string;
  /**
   * Options that change what the command does to what it is given (`find -delete`), space-separated: for the learner
   * they and every word after them carry code, so no rule learned without them covers them.
   */
  alters?: string;
  /**
   * Options that take the next word as their value on some systems and not others (`sed -i ''` on macOS,
   * `sed -i 's/…/'` with GNU), space-separated: the learner reads the command both ways, and that word carries code.
   */
  ambiguous?: string;
  /** Note for a person reading the table: why this shape is read-only or ordinary. */
  note?: string;
}

/**
 * A table of options: its own, then those it inherits (a subcommand inherits its parents' globals). The inherited
 * table is shared by every subcommand, not copied into each: the cloud CLIs have thousands of subcommands, and copies
 * of their globals took ~14 MB of the core's memory.
 */
export class OptionTable {
  private readonly own = new Map<string, OptionSpec>();
  private readonly base: OptionTable | null;

  constructor(base: OptionTable | null = null) {
    this.base = base;
  }

  /** Its own entry wins over an inherited one. */
  set(name: string, spec: OptionSpec): void {
    this.own.set(name, spec);
  }

  get(name: string): OptionSpec | undefined {
    return this.own.get(name) ?? this.base?.get(name);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Inherited entries first (with this table's value where it has its own), then its own new ones. */
  *entries(): IterableIterator<[string, OptionSpec]> {
    if (this.base) for (const [name, spec] of this.base.entries()) yield [name, this.own.get(name) ?? spec];
    for (const entry of this.own) if (!this.base?.has(entry[0])) yield entry;
  }

  [Symbol.iterator](): IterableIterator<[string, OptionSpec]> {
    return this.entries();
  }

  *values(): IterableIterator<OptionSpec> {
    for (const [, spec] of this.entries()) yield spec;
  }
}

/** The options a table passes down to its subcommands: the globals it inherited and its own. */
interface Globals {
  shorts: OptionTable | null;
  longs: OptionTable | null;
}

export interface Shape {
  /** The options every subcommand inherits (null: none). */
  globals: Globals;
  shorts: OptionTable;
  longs: OptionTable;
  subs: Map<string, Shape> | null;
  subPattern: { match: RegExp; shape: Shape } | null;
  subOptional: boolean;
  singleDash: boolean;
  numeric: boolean;
  stopAt: 'first-operand' | null;
  bundledFirst: boolean;
  maxOperands: number | null;
  command: 'argv' | 'shell' | 'shell-each' | null;
  firstOperand: { kind: ValueKind; unless: string[] } | null;
  textOperands: boolean;
  operands: { match: RegExp; why: string } | null;
  operandKind: ValueKind | null;
  /** For the rule learner (see ShapeSource): null where no operand carries code. */
  operandsCarryCode: 'first' | 'all' | 'program' | 'remote' | null;
  reads: ReadonlySet<string>;
  alters: ReadonlySet<string>;
  ambiguous: ReadonlySet<string>;
  /** Long options known by their start (`--coverage.*`: a test runner's nested settings). */
  prefixes: Array<[string, OptionSpec]>;
}

const KINDS = new Set(['value', 'stops', 'write', 'shell', 'argv', 'code', 'load']);

function optionOf(token: string, where: string): [string, OptionSpec] {
  const eq = token.indexOf('=');
  if (eq < 0) return [token, { value: null, attachedOnly: false }];
  const name = token.slice(0, eq);
  const kind = token.slice(eq + 1);
  if (kind === '' || kind === '?') return [name, { value: 'value', attachedOnly: kind === '?' }];
  // `--exec-path=?check:gitexecpath`: a value only when attached, of that kind (`git --exec-path` alone prints it).
  const attachedOnly = kind.startsWith('?');
  const valueKind = attachedOnly ? kind.slice(1) : kind;
  if (!KINDS.has(valueKind) && !valueKind.startsWith('check:'))
    throw new Error(`shape table ${where}: unknown value kind in "${token}"`);
  return [name, { value: valueKind as ValueKind, attachedOnly }];
}

const names = (list: string | undefined): ReadonlySet<string> => new Set((list ?? '').split(/\s+/).filter(Boolean));

/** What a program's own table inherits: nothing. */
const NO_GLOBALS: Globals = { shorts: null, longs: null };

/**
 * Tables compiled already, by what they inherit and their source: a table written once and used in many places (a
 * cloud CLI's one verb table under each of its hundreds of verbs) is compiled once. Compiling it for each place took
 * ~12 MB of the core's memory. A compiled table is never changed after compiling, so sharing it is safe.
 */
const COMPILED = new WeakMap<Globals, Map<ShapeSource | string, Shape>>();

/** Turns a table as written into the lookup the reader uses; a malformed table fails at load, not at run. */
export function compileShape(src: ShapeSource | string, where: string, inherited: Globals = NO_GLOBALS): Shape {
  let cache = COMPILED.get(inherited);
  if (!cache) COMPILED.set(inherited, (cache = new Map()));
  const known = cache.get(src);
  if (known) return known;
  const shape = compileNew(src, where, inherited);
  cache.set(src, shape);
  return shape;
}

function compileNew(src: ShapeSource | string, where: string, inherited: Globals): Shape {
  const source: ShapeSource = typeof src === 'string' ? { opts: src } : src;
  const carries = source.operandsCarryCode ?? (source.stopAt === 'first-operand' ? 'first' : 'none');
  // Only a table with globals of its own makes a new level for its subcommands; the others pass theirs on as is.
  const ownGlobals = Boolean(source.globals?.trim());
  const globals: Globals = ownGlobals
    ? { shorts: new OptionTable(inherited.shorts), longs: new OptionTable(inherited.longs) }
    : inherited;
  const shape: Shape = {
    globals,
    shorts: new OptionTable(globals.shorts),
    longs: new OptionTable(globals.longs),
    subs: null,
    subPattern: null,
    subOptional: source.subOptional === true,
    singleDash: source.singleDash ?? false,
    numeric: source.numeric ?? false,
    stopAt: source.stopAt ?? null,
    bundledFirst: source.bundledFirst === true,
    maxOperands: source.maxOperands ?? null,
    command: source.command ?? null,
    firstOperand: source.firstOperand
      ? { kind: source.firstOperand.kind, unless: source.firstOperand.unless ?? [] }
      : null,
    textOperands: source.textOperands === true,
    operands: source.operands ?? null,
    operandKind: source.operandKind ?? null,
    operandsCarryCode: carries === 'none' ? null : carries,
    reads: names(source.reads),
    alters: names(source.alters),
    ambiguous: names(source.ambiguous),
    prefixes: [],
  };
  const add = (name: string, spec: OptionSpec, global: boolean) => {
    if (name.endsWith('*')) {
      shape.prefixes.push([name.slice(0, -1), spec]);
      return;
    }
    const short = /^-[^-]$/.test(name) && !shape.singleDash;
    // A global goes in the level its subcommands inherit, which this table's own options also sit on.
    const table = global ? (short ? globals.shorts : globals.longs) : short ? shape.shorts : shape.longs;
    if (short) table?.set(name.slice(1), spec);
    else table?.set(name, spec);
  };
  for (const letter of source.flags ?? '') shape.shorts.set(letter, { value: null, attachedOnly: false });
  for (const [list, global] of [
    [source.opts, false],
    [source.globals, true],
  ] as const) {
    for (const token of (list ?? '').split(/\s+/).filter(Boolean)) {
      if (!token.startsWith('-') && !token.startsWith('+'))
        throw new Error(`shape table ${where}: "${token}" is not an option`);
      const [name, spec] = optionOf(token, where);
      add(name, spec, global);
    }
  }
  if (source.subs) {
    shape.subs = new Map();
    for (const [name, sub] of Object.entries(source.subs)) {
      const compiled = compileShape(sub, `${where} ${name.split('|')[0]}`, shape.globals);
      for (const alias of name.split('|')) shape.subs.set(alias, compiled);
    }
  }
  if (source.subPattern) {
    shape.subs ??= new Map();
    shape.subPattern = {
      match: source.subPattern.match,
      shape: compileShape(source.subPattern.shape, `${where} ${String(source.subPattern.match)}`, shape.globals),
    };
  }
  return shape;
}
