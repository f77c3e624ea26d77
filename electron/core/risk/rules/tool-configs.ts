// Code a tool loads by itself before it does anything asked of it: pytest's conftest.py, the JavaScript config files
// of vite, vitest, jest, eslint, prettier, next, webpack, rollup and playwright. An agent can write one with a file tool
// (an ordinary project write), and the next `npm test` or `npx vitest run` would run it unseen; so the file is read
// like a script the command runs, and judged by what its code does. Benign configs add nothing.
import path from 'node:path';
import type { Lang } from '../parse/literals.ts';
import type { Finding } from '../types.ts';
import { scriptFile } from './scripts.ts';
import { optionValue, type RuleInput } from './util.ts';

const js = (...names: string[]) =>
  names.flatMap((n) => ['js', 'mjs', 'cjs', 'ts', 'mts', 'cts'].map((e) => `${n}.${e}`));
const VITE = js('vite.config');
const CONFTESTS = ['conftest.py', 'tests/conftest.py', 'test/conftest.py'];
const VITEST = [...js('vitest.config', 'vitest.workspace'), ...VITE];

/** The files each tool loads from the folder it runs in (and its config option), and their language. */
const CONFIGS: Readonly<
  Record<string, { files: readonly string[]; lang: Lang; option?: [string | null, ...string[]] }>
> = {
  // pytest's `-c` names its ini file, not code: conftest.py is loaded either way.
  pytest: { files: CONFTESTS, lang: 'python' },
  'py.test': { files: CONFTESTS, lang: 'python' },
  vite: { files: VITE, lang: 'js', option: ['c', '--config'] },
  vitest: { files: VITEST, lang: 'js', option: ['c', '--config'] },
  jest: { files: js('jest.config'), lang: 'js', option: ['c', '--config'] },
  eslint: { files: [...js('eslint.config'), '.eslintrc.js', '.eslintrc.cjs'], lang: 'js', option: ['c', '--config'] },
  prettier: {
    files: [...js('prettier.config'), '.prettierrc.js', '.prettierrc.cjs', '.prettierrc.mjs'],
    lang: 'js',
    option: [null, '--config'],
  },
  next: { files: js('next.config'), lang: 'js' },
  webpack: { files: js('webpack.config'), lang: 'js', option: ['c', '--config'] },
  rollup: { files: js('rollup.config'), lang: 'js', option: ['c', '--config'] },
  playwright: { files: js('playwright.config'), lang: 'js', option: ['c', '--config'] },
};

export function toolConfigs(input: RuleInput): Finding[] {
  const spec = CONFIGS[input.prog];
  if (!spec || input.seg.remote) return [];
  const [short, ...long] = spec.option ?? [null];
  const named = spec.option ? optionValue(input.args, short, ...long) : null;
  const files = named !== null ? [named] : spec.files;
  return files.flatMap((f) => {
    const abs = path.resolve(input.ctx.cwd, f);
    if (named === null && !input.ctx.files.stat(abs)?.file) return [];
    return scriptFile({ text: f, known: true }, spec.lang, input).map((found) => ({
      ...found,
      reason: found.reason.replace(/^runs /, `${input.prog} loads `),
    }));
  });
}
