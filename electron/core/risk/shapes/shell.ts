// Shell built-ins and small programs that only print, wait or change the shell itself, and the shells when
// given a script. `bash -c`/`sh -c` strings, `eval` and `source` are read by the parser (parse/unwrap.ts); here a
// shell's options are only those that do not run anything of their own (`--rcfile`, `-O`? listed; `--init-file`
// loads code: a `load`).
import type { ShapeSource } from './spec.ts';

const SHELL_OPTS =
  '-e -u -x -v -n -f -h -k -m -p -t -B -C -E -H -P -T -a -b -l -r -s -i -o= +o= -O= +O= +e +u +x +v -c=code --login --noprofile --norc --posix ' +
  '--restricted --verbose --debugger --dump-strings --dump-po-strings --noediting --rcfile=load --init-file=load --version --help -D --pretty-print';

export const SHELL_SHAPES: Record<string, ShapeSource | string> = {
  cd: { opts: '-L -P -e -@', maxOperands: 1 },
  pushd: { opts: '-n', numeric: true, maxOperands: 1 },
  popd: { opts: '-n', numeric: true, maxOperands: 0 },
  dirs: { flags: 'clpv', numeric: true },
  pwd: { flags: 'LP', maxOperands: 0 },
  echo: { flags: 'neE', textOperands: true, note: 'its operands are text' },
  printf: { opts: '-v=', note: 'its operands are a format and text' },
  true: {},
  false: {},
  ':': {},
  sleep: { note: 'waits' },
  exit: { maxOperands: 1 },
  return: { maxOperands: 1 },
  break: { maxOperands: 1 },
  continue: { maxOperands: 1 },
  shift: { maxOperands: 1 },
  jobs: { flags: 'lnprs', opts: '-x=argv' },
  wait: { opts: '-n -f -p=' },
  fg: {},
  bg: {},
  disown: { flags: 'ahr' },
  type: { flags: 'aftpP' },
  which: {
    flags: 'as',
    opts: '--all --skip-alias --skip-functions --read-alias --read-functions --show-dot --show-tilde --tty-only',
  },
  whereis: { flags: 'bmsulBMSf' },
  hash: { flags: 'rdlt', opts: '-p=' },
  export: {
    flags: 'fnp',
    note: 'what a variable is set to (PATH, LD_PRELOAD, …) is judged by rules/system.ts (environmentChanges)',
  },
  unset: { flags: 'fvn' },
  alias: { flags: 'p', note: 'a definition is judged as the command it will run (rules/system.ts)' },
  unalias: { flags: 'a' },
  test: { textOperands: true, note: 'its operands are an expression (`-x f`, `-n "$s"`)' },
  '[': { textOperands: true },
  '[[': { textOperands: true },
  command: { flags: 'vV', note: '`command cmd…` is peeled by the parser; left here are `-v`/`-V` lookups' },
  read: { flags: 'ers', opts: '-a= -d= -i= -n= -N= -p= -t= -u=' },
  readarray: { flags: 't', opts: '-d= -n= -O= -s= -u= -C= -c=' },
  mapfile: { flags: 't', opts: '-d= -n= -O= -s= -u= -C= -c=' },
  local: { flags: 'aAfFgilnrtux' },
  set: {
    opts: '-e -u -x -v -f -h -k -m -n -p -t -B -C -E -H -P -T -a -b +e +u +x +v +f +h +m +B +C +E +H +a +o -o= --',
  },
  shopt: { flags: 'pqsuo' },
  ulimit: { flags: 'SHabcdefiklmnpqrstuvxPRT' },
  umask: { flags: 'pS', maxOperands: 1 },
  times: {},
  caller: {},
  getopts: {},
  let: { textOperands: true },
  expr: { textOperands: true },
  clear: { flags: 'x', opts: '-T=' },
  reset: {},
  tput: { flags: 'SV', opts: '-T=' },
  tty: { flags: 's', opts: '--silent --quiet' },
  date: {
    flags: 'uRI',
    opts: '-d= --date= -f= --file= -r= --reference= -I=? --iso-8601=? --rfc-3339= --rfc-email -R --utc --universal --debug -j -n -v=',
    note: '`date -s` sets the clock: not listed',
  },
  cal: { flags: '13ymjwhV', opts: '-A= -B= -d= --monday --sunday --julian --year --twelve --week=? --color=?' },
  whoami: { maxOperands: 0 },
  logname: { maxOperands: 0 },
  id: { flags: 'gGnruzaZ', opts: '--group --groups --name --real --user --zero --context' },
  groups: {},
  users: {},
  who: {
    flags: 'abdHlmpqrstTuw',
    opts: '--all --boot --dead --heading --login --lookup --mesg --process --count --runlevel --short --time --users',
  },
  w: { flags: 'hiosuf', opts: '--no-header --ip-addr --short --from --no-current --help' },
  uname: {
    flags: 'asnrvmpio',
    opts: '--all --kernel-name --nodename --kernel-release --kernel-version --machine --processor --hardware-platform --operating-system',
    maxOperands: 0,
  },
  arch: { maxOperands: 0 },
  hostname: {
    flags: 'afiIsdAy',
    opts: '--alias --fqdn --long --ip-address --all-ip-addresses --short --domain --all-fqdns --yp',
    maxOperands: 0,
    note: '`hostname NAME` renames the machine: no operands',
  },
  uptime: { flags: 'psV', opts: '--pretty --since --container --raw', maxOperands: 0 },
  nproc: { opts: '--all --ignore=', maxOperands: 0 },
  getconf: { flags: 'a', opts: '-v=' },
  locale: { flags: 'akmcv', opts: '--all-locales --charmaps --category-name --keyword-name --verbose' },
  env: {
    flags: '0',
    opts: '--null',
    maxOperands: 0,
    note: 'prints the environment (secrets rules judge that); with a command, the parser peels it',
  },
  history: { flags: 'c', opts: '-d= -a -n -r -w -p -s', note: 'secrets rules judge what it prints' },
};

/** Shells given a script file (`bash scripts/test.sh args`): the rest are the script's. */
export const SCRIPT_SHELL_SHAPES: Record<string, ShapeSource | string> = {
  bash: { opts: SHELL_OPTS, stopAt: 'first-operand' },
  sh: { opts: SHELL_OPTS, stopAt: 'first-operand' },
  dash: { opts: SHELL_OPTS, stopAt: 'first-operand' },
  zsh: { opts: `${SHELL_OPTS} -d -g -y -Z -N -L -F -G -I -K -M -R -U -V -W -X`, stopAt: 'first-operand' },
  ksh: { opts: SHELL_OPTS, stopAt: 'first-operand' },
  source: { stopAt: 'first-operand' },
  '.': { stopAt: 'first-operand' },
};
