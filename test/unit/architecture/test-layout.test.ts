// Unit tests mirror the source tree, so the test of a module is found where the module is and a file's name says what
// it covers: the test of electron/core/X/y.ts is test/unit/core/X/y.test.ts, of renderer/views/Z.tsx is
// test/unit/renderer/views/Z.test.tsx, of shared/x.ts is test/unit/shared/x.test.ts. A test that follows one theme
// across many modules by design (the risk corpus, metamorphic properties, bypass classes, fuzzing) is a named suite: it
// sits in a folder `suites/` and its first line says why it is one. Files get added and moved in commits that never
// think of the layout; this test is what makes them notice.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Each tree of unit tests and the source it mirrors. */
const MIRRORS: ReadonlyArray<{ tests: string; source: string }> = [
  { tests: 'test/unit/core', source: 'electron/core' },
  { tests: 'test/unit/shared', source: 'shared' },
  { tests: 'test/unit/renderer', source: 'renderer' },
];

/** What a tested source file may be: TypeScript, or a script the code ships and runs (the shell integration). */
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.bash'];
const TEST_FILE = /\.test\.tsx?$/;
const SUITES = 'suites';

/**
 * Test files still named by theme at the top of test/unit/core/ because the agents work (agents as plug-ins, issue 15)
 * is moving them into agents/<agent>/ and cli/ as it splits their modules. Each must still be there and still not
 * mirror a source file; once one has moved, take it off this list.
 */
const PENDING: Record<string, string> = {};

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...testFiles(rel));
    else if (TEST_FILE.test(entry.name)) out.push(rel);
  }
  return out;
}

const inSuites = (file: string) => file.split('/').includes(SUITES);

/** The source files a test file's name could stand for, or null when it is not in a mirrored tree. */
function mirrored(file: string): string[] | null {
  const tree = MIRRORS.find((m) => file.startsWith(`${m.tests}/`));
  if (!tree) return null;
  const base = `${tree.source}/${file.slice(tree.tests.length + 1).replace(TEST_FILE, '')}`;
  return SOURCE_EXTENSIONS.map((ext) => `${base}${ext}`);
}

const exists = (rel: string) => fs.existsSync(path.join(ROOT, rel));
const mirrorsSource = (file: string) => (mirrored(file) ?? []).some(exists);

/** The first comment line of a file, after the `// @vitest-environment` pragma a DOM test starts with. */
function firstComment(file: string): string {
  const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  return lines.find((l) => l.startsWith('//') && !l.startsWith('// @vitest-')) ?? '';
}

const ALL = MIRRORS.flatMap((m) => testFiles(m.tests));

describe('unit tests mirror the source tree', () => {
  it('finds the unit tests of the core, shared/ and the renderer', () => {
    // A guard on the walk itself: an empty list would let every other check pass.
    for (const m of MIRRORS) expect(ALL.filter((f) => f.startsWith(`${m.tests}/`)).length, m.tests).toBeGreaterThan(0);
  });

  it('names every unit test after a source file that exists (same path, .test.ts or .test.tsx), unless it is a named suite', () => {
    const astray = ALL.filter((f) => !inSuites(f) && !(f in PENDING) && !mirrorsSource(f)).map(
      (f) => `${f}: no ${(mirrored(f) ?? []).join(' or ')}`,
    );
    expect(
      astray,
      'Name a test after the module it tests, in the same folders (the core without electron/core/), or put a test ' +
        'that crosses modules by design in a suites/ folder with a first line saying why.',
    ).toEqual([]);
  });

  it('keeps every named suite in a suites/ folder with a first line saying why it is one', () => {
    const unexplained = ALL.filter(inSuites).filter((f) => !/^\/\/ A named suite\b.*: \S/.test(firstComment(f)));
    expect(unexplained, 'Start a suite with "// A named suite, not one module\'s test: <why>".').toEqual([]);
  });

  it('lists as pending only files that are still there and still do not mirror a source file', () => {
    const done = Object.keys(PENDING).filter((f) => !exists(f) || mirrorsSource(f));
    expect(done, 'These have moved or now mirror a module: take them off PENDING in this file.').toEqual([]);
  });
});
