// One name for a program however its version is written: `python3.11` is python3, `ruby3.2` ruby, `gcc-12` gcc. The
// parser, the rules and the rule learner all read a program by this name, so a version suffix can neither hide inline
// code from the readers (`ruby3.2 -e 'system(…)'` was an unknown program) nor make a learned prefix (`prefix:pip3.11`)
// stand apart from the program's own table. Pure.

/**
 * Families whose programs are installed under versioned names. The first group keeps its major version, which names a
 * different program (`python2` is not `python3`); the rest lose the whole suffix.
 */
const KEEPS_MAJOR = ['python', 'pypy', 'pip', 'sqlite'];
const FAMILIES = [
  ...KEEPS_MAJOR,
  'ruby',
  'irb',
  'gem',
  'perl',
  'php',
  'lua',
  'luajit',
  'tclsh',
  'wish',
  'jimsh',
  'node',
  'nodejs',
  'java',
  'javac',
  'go',
  'gcc',
  'g\\+\\+',
  'clang',
  'clang\\+\\+',
  'cc',
  'psql',
  'pg_dump',
  'pg_restore',
  'mysql',
  'mysqldump',
  'julia',
  'ghc',
  'ghci',
  'erl',
  'elixir',
  'iex',
  'swift',
  'rscript',
];
/** A family's name with a major version that is another language: `perl6` is Raku. */
const OTHER_LANGUAGE = new Set(['perl6']);
const VERSIONED = new RegExp(`^(${FAMILIES.join('|')})-?(\\d+)(?:\\.\\d+)*$`);

/** `python3.11` → `python3`, `pip3.12` → `pip3`, `ruby3.2` → `ruby`, `gcc-12` → `gcc`; any other name as it is. */
export function canonicalProgram(name: string): string {
  // Nearly every name ends in a letter: the cheap look first (this runs for every word the rules name).
  const last = name.charCodeAt(name.length - 1);
  if (!(last >= 48 && last <= 57)) return name;
  const m = VERSIONED.exec(name);
  if (!m || OTHER_LANGUAGE.has(`${m[1]}${m[2]}`)) return name;
  const stem = m[1] as string;
  return KEEPS_MAJOR.includes(stem) ? `${stem}${(m[2] as string).charAt(0)}` : stem;
}
