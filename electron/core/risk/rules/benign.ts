// Commands that only look, build or test: what most of an agent's day is made of.
import { classifyPath } from '../paths.ts';
import { S } from '../types.ts';
import { finding, operands, subcommand, type Rule } from './util.ts';

/** Programs that only read (given arguments that are not themselves a concern, which other rules check). */
export const READ_ONLY = new Set([
  'ls', 'll', 'la', 'dir', 'cat', 'bat', 'less', 'more', 'head', 'tail', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack', 'find', 'fd', 'fdfind',
  'tree', 'pwd', 'echo', 'printf', 'wc', 'sort', 'uniq', 'cut', 'paste', 'join', 'comm', 'column', 'tr', 'nl', 'fold', 'fmt', 'expand',
  'awk', 'gawk', 'mawk', 'diff', 'cmp', 'colordiff', 'delta', 'file', 'stat', 'du', 'df', 'which', 'whereis', 'type', 'command', 'man',
  'help', 'info', 'tldr', 'date', 'cal', 'whoami', 'id', 'groups', 'uname', 'hostname', 'uptime', 'ps', 'pgrep', 'top', 'htop', 'free',
  'vmstat', 'iostat', 'jq', 'yq', 'xq', 'xxd', 'hexdump', 'od', 'strings', 'basename', 'dirname', 'realpath', 'readlink', 'test', '[',
  '[[', 'true', 'false', 'sleep', 'wait', 'cd', 'pushd', 'popd', 'history', 'lsof', 'netstat', 'ss', 'ping', 'dig', 'nslookup', 'host',
  'traceroute', 'md5sum', 'sha1sum', 'sha256sum', 'shasum', 'cksum', 'tac', 'rev', 'seq', 'yes', 'lsblk', 'blkid', 'sw_vers',
  'system_profiler', 'lscpu', 'lsusb', 'lspci', 'nproc', 'getconf', 'locale', 'tput', 'clear', 'reset', 'alias', 'unalias', 'hash',
  'local', 'read', 'shift', 'return', 'exit', 'break', 'continue', 'getopts', 'trap', 'ulimit', 'umask', 'jobs', 'fg', 'bg',
  'disown', 'times', 'shopt', 'setopt', 'unset', 'typeset', 'let', 'expr', 'bc', 'dc', 'zipinfo', 'unzip', 'tar', 'zip', 'gzip', 'gunzip',
  'zcat', 'bzip2', 'xz', 'unxz', '7z', 'open', 'xdg-open', 'pbcopy', 'pbpaste', 'xclip', 'wl-copy', 'code', 'vim', 'vi', 'nvim', 'nano',
  'emacs', 'watch', 'tmux', 'screen', 'ssh-add', 'ssh-keygen', 'gpg', 'openssl', 'mktemp', 'xargs', 'timeout', 'time', 'nice',
  'nohup', 'env', 'printenv', 'tee', 'column', 'iconv', 'dos2unix', 'unix2dos', 'csvlook', 'sqlformat', 'tokei', 'cloc', 'scc',
]);

/** Build, test, lint, format and run tools: they change files inside the project, which is their job. */
export const BUILD_TEST = new Set([
  'npm', 'yarn', 'pnpm', 'bun', 'node', 'deno', 'tsc', 'tsx', 'ts-node', 'esbuild', 'vite', 'webpack', 'rollup', 'parcel', 'turbo', 'nx',
  'jest', 'vitest', 'mocha', 'ava', 'playwright', 'cypress', 'eslint', 'prettier', 'biome', 'oxlint', 'stylelint', 'next', 'nuxt',
  'python', 'python3', 'pytest', 'tox', 'nox', 'mypy', 'pyright', 'ruff', 'black', 'isort', 'flake8', 'pylint', 'bandit', 'coverage',
  'uv', 'poetry', 'pipenv', 'hatch', 'pdm', 'cargo', 'rustc', 'rustfmt', 'clippy-driver', 'go', 'gofmt', 'golangci-lint', 'make',
  'cmake', 'ninja', 'meson', 'bazel', 'buck', 'gradle', 'gradlew', 'mvn', 'mvnw', 'ant', 'sbt', 'javac', 'java', 'kotlinc', 'dotnet',
  'msbuild', 'swift', 'swiftc', 'xcodebuild', 'xcrun', 'pod', 'gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'ld', 'ar', 'ruby',
  'bundle', 'rake', 'rspec', 'rubocop', 'irb', 'php', 'composer', 'phpunit', 'mix', 'elixir', 'iex', 'erl', 'rebar3', 'ghc', 'cabal',
  'stack', 'zig', 'nim', 'dart', 'flutter', 'lua', 'luarocks', 'R', 'Rscript', 'julia', 'perl', 'prove', 'shellcheck', 'shfmt',
  'hadolint', 'actionlint', 'pre-commit', 'husky', 'lint-staged', 'storybook', 'jupyter', 'ipython', 'direnv', 'nvm', 'fnm', 'volta',
  'pyenv', 'rbenv', 'asdf', 'mise', 'corepack', 'changeset', 'lerna', 'just', 'task', 'air', 'nodemon', 'pm2', 'air', 'protoc', 'buf',
  'sqlc', 'swag', 'wire', 'mockgen', 'graphql-codegen', 'openapi-generator', 'docker-compose', 'skaffold', 'tilt', 'act', 'git-lfs',
]);

/** Script names that usually reach beyond the project. */
const RISKY_SCRIPT = /(^|[:-])(deploy|publish|release|destroy|drop|reset|nuke|prod|production|migrate|seed|wipe|purge)([:-]|$)/i;

export const benign: Rule = ({ prog, args, ctx }) => {
  if (READ_ONLY.has(prog)) return [finding('read-only', S.readOnly, `${prog} only reads`)];
  if (!BUILD_TEST.has(prog)) return [];
  const { sub, rest } = subcommand(args, ['--prefix', '-C', '--cwd', '--dir', '--filter', '-w', '--workspace', '-p', '--project', '-f', '--file']);
  const script = sub === 'run' || sub === 'run-script' ? operands(rest)[0]?.text ?? '' : sub;
  if (['npm', 'yarn', 'pnpm', 'bun', 'make', 'just', 'task', 'rake', 'mix', 'composer'].includes(prog) && RISKY_SCRIPT.test(script)) {
    return [finding('build-test', 35, `runs the project's "${script}" task, which may reach beyond this machine`)];
  }
  // `python other/place/script.py`: running code from outside the project is worth a look.
  const file = operands(args, ['-m', '-c', '-e', '-W', '-X'])[0];
  if (file && /\.(py|js|mjs|cjs|ts|rb|pl|php|sh)$/.test(file.text)) {
    const kind = classifyPath(file, ctx).kind;
    if (kind !== 'project' && kind !== 'project-root' && kind !== 'unknown') return [finding('build-test', 25, `runs ${file.text}, from outside the project`)];
  }
  return [finding('build-test', S.build, `${prog}${sub ? ` ${sub}` : ''} builds, tests or runs project code`)];
};

/** A shell or interpreter started on a script file. */
export const SCRIPT_RUNNERS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'fish', 'source', '.']);
export const runsScript: Rule = ({ prog, args, ctx }) => {
  if (!SCRIPT_RUNNERS.has(prog)) return [];
  const file = operands(args, ['-o', '-O', '+o', '+O'])[0];
  if (!file) return [];
  const kind = classifyPath(file, ctx).kind;
  const inProject = kind === 'project' || kind === 'project-root';
  return [finding('build-test', inProject ? 15 : S.medium, `runs the script ${file.text}${inProject ? '' : ', from outside the project'}`)];
};
