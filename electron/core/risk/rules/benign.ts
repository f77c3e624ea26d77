// Commands that only look, build or test: what most of an agent's day is made of.
import { classifyPath, isDownloaded } from '../paths.ts';
import { S } from '../types.ts';
import { BUILD_TEST, READ_ONLY } from './known.ts';
import { finding, operands, subcommand, type Rule } from './util.ts';

/** Script names that usually reach beyond the project. */
const RISKY_SCRIPT =
  /(^|[:/_.-])(deploy|publish|release|destroy|drop|reset|nuke|prod|production|migrate|seed|wipe|purge|rollback|teardown|uninstall)([:/_.-]|$)/i;
/** Task runners whose first operand names a project script. */
const TASK_RUNNERS = [
  'npm',
  'yarn',
  'pnpm',
  'bun',
  'make',
  'gmake',
  'just',
  'task',
  'rake',
  'mix',
  'composer',
  'turbo',
  'nx',
  'lerna',
  'gradle',
  'gradlew',
  'mvn',
  'mvnw',
];
const IN_PROJECT = new Set(['project', 'project-root']);

/** Running something from the Downloads folder runs code from the network that nobody reviewed. */
const downloadedCode = (file: string) => finding('remote-code', S.high, `runs ${file}, a download nobody has reviewed`);

export const benign: Rule = ({ prog, args, ctx }) => {
  if (READ_ONLY.has(prog)) return [finding('read-only', S.readOnly, `${prog} only reads`)];
  if (!BUILD_TEST.has(prog)) return [];
  const { sub, rest } = subcommand(args, [
    '--prefix',
    '-C',
    '--cwd',
    '--dir',
    '--filter',
    '-w',
    '--workspace',
    '-p',
    '--project',
    '-f',
    '--file',
  ]);
  const script = sub === 'run' || sub === 'run-script' ? (operands(rest)[0]?.text ?? '') : sub;
  if (TASK_RUNNERS.includes(prog) && RISKY_SCRIPT.test(script)) {
    return [finding('build-test', 35, `runs the project's "${script}" task, which may reach beyond this machine`)];
  }
  // `python other/place/script.py`: running code from outside the project is worth a look.
  const file = operands(args, ['-m', '-c', '-e', '-W', '-X'])[0];
  if (file && /\.(py|js|mjs|cjs|ts|mts|rb|pl|php|sh|lua|jar)$/.test(file.text)) {
    const info = classifyPath(file, ctx);
    if (info.abs && isDownloaded(info.abs, ctx.home)) return [downloadedCode(file.text)];
    if (!IN_PROJECT.has(info.kind) && info.kind !== 'unknown')
      return [finding('build-test', 25, `runs ${file.text}, from outside the project`)];
  }
  return [finding('build-test', S.build, `${prog}${sub ? ` ${sub}` : ''} builds, tests or runs project code`)];
};

/** A shell or interpreter started on a script file. */
export const SCRIPT_RUNNERS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'fish', 'source', '.']);
export const runsScript: Rule = ({ prog, args, ctx }) => {
  if (!SCRIPT_RUNNERS.has(prog)) return [];
  const file = operands(args, ['-o', '-O', '+o', '+O'])[0];
  if (!file) return [];
  // `bash -c X` with X only known at run time (`xargs bash -c`, `bash -c "$CMD"`): shell code nobody can read.
  // (A known string is read by the parser as commands of its own.)
  if (args.some((w) => /^-[a-zA-Z]*c[a-zA-Z]*$/.test(w.text)) && !file.known)
    return [
      finding('remote-code', S.high, `${prog} -c runs shell code only known at run time (${file.text.slice(0, 40)})`),
    ];
  const info = classifyPath(file, ctx);
  const inProject = IN_PROJECT.has(info.kind);
  if (info.abs && isDownloaded(info.abs, ctx.home)) return [downloadedCode(file.text)];
  if (inProject && RISKY_SCRIPT.test(file.text))
    return [
      finding(
        'build-test',
        35,
        `runs the project's script ${file.text}, whose name says it reaches beyond this machine`,
      ),
    ];
  return [
    finding(
      'build-test',
      inProject ? 15 : S.medium,
      `runs the script ${file.text}${inProject ? '' : ', from outside the project'}`,
    ),
  ];
};

/**
 * A program run by its path (`./scripts/test.sh`, `bin/setup`, `~/.local/bin/tool`): inside the project it
 * is the project's own code, like `npm test`; anywhere else it is a program Gatehouse does not know.
 */
export const runsByPath: Rule = ({ seg, ctx }) => {
  const argv0 = seg.argv[0];
  if (!argv0 || !argv0.text.includes('/')) return [];
  const info = classifyPath(argv0, ctx);
  if (info.abs && isDownloaded(info.abs, ctx.home)) return [downloadedCode(argv0.text)];
  if (!IN_PROJECT.has(info.kind)) return [];
  if (RISKY_SCRIPT.test(argv0.text))
    return [
      finding('build-test', 35, `runs the project's ${argv0.text}, whose name says it reaches beyond this machine`),
    ];
  return [finding('build-test', 15, `runs the project's own ${argv0.text}`)];
};
