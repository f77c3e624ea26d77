// Programs that run another program or code given to them: privilege wrappers (sudo, doas, pkexec, run0, su), nice,
// nohup, xargs, eval, the shells and interpreters not listed with their families, and the package runners bunx, pnpx
// and uvx. The parser peels most of these (parse/wrappers.ts, parse/unwrap.ts) and judges what they run; their
// tables say what their words are, so a rule's words (which may start with `sudo`) are read like any command's.
// Options that run nothing (`sudo -v`, `sudo -l`) are left out: the wrapper alone is not proven ordinary.
import type { ShapeSource } from './spec.ts';

/** The command after the options is run (as another user, at another priority, once per input line). */
const runs = (opts: string): ShapeSource => ({ opts, stopAt: 'first-operand', operandsCarryCode: 'program' });

const SHELL =
  '-e -u -x -v -n -f -h -k -m -p -t -B -C -E -H -P -T -a -b -l -r -s -i -o= +o= -O= +O= +e +u +x +v -c=code --login --noprofile --norc --posix ' +
  '--restricted --verbose --noediting --rcfile=load --init-file=load --version --help';
const PACKAGE_RUNNER = '-y --yes --no --no-install --ignore-existing -q --quiet --prefer-offline -p= --package= --bun';

export const RUNNER_SHAPES: Record<string, ShapeSource | string> = {
  // sudo's table is in system.ts: it lists no command, so every word from the command on carries code.
  doas: runs('-u= -C= -n -s=code'),
  pkexec: runs('--user= --keep-cwd --disable-internal-agent'),
  run0: runs(
    '-u= --user= -g= --group= -D= --chdir= --unit= --property= --description= --slice= --nice= --setenv= --machine= --background=',
  ),
  // `su user`, and in a rule's strict form `su <command>`: every operand is what runs, as that user.
  su: {
    opts: '-c=shell --command=shell -s=shell --shell=shell -l --login -m -p --preserve-environment -g= --group= -G= --supp-group= -P --pty -w= --whitelist-environment=',
    operandsCarryCode: 'all',
  },
  nohup: runs(''),
  nice: runs('-n= --adjustment='),
  xargs: runs(
    '-L= -n= -P= -s= -d= -E= -a= -I= --max-args= --max-procs= --delimiter= --arg-file= --max-lines= --max-chars= --eof= --process-slot-var= -0 --null -r --no-run-if-empty -t --verbose -p --interactive -x --exit -o --open-tty --replace=?',
  ),
  // `eval 'cmd'`: the words are joined and run as shell text, which the parser reads (parse/unwrap.ts); no operand is
  // listed, so none is proven here, and for the learner every one carries code.
  eval: { operandsCarryCode: 'all', maxOperands: 0 },
  pypy: {
    opts: '-B -b -d -E -h --help -i -I -O -OO -q -s -S -u -v -V --version -x -X= -W= -c=code -m=stops',
    stopAt: 'first-operand',
  },
  pypy3: {
    opts: '-B -b -d -E -h --help -i -I -O -OO -q -s -S -u -v -V --version -x -X= -W= -c=code -m=stops',
    stopAt: 'first-operand',
  },
  mksh: { opts: SHELL, stopAt: 'first-operand' },
  ash: { opts: SHELL, stopAt: 'first-operand' },
  fish: {
    opts: '-c=code --command=code -C=code --init-command=code -i --interactive -l --login -n --no-execute -N --no-config -P --private -p= --profile= -d= --debug= -v --version -h --help',
    stopAt: 'first-operand',
  },
  bunx: { opts: PACKAGE_RUNNER, stopAt: 'first-operand', operandsCarryCode: 'program' },
  pnpx: { opts: PACKAGE_RUNNER, stopAt: 'first-operand', operandsCarryCode: 'program' },
  uvx: {
    opts: '--with=load --with-editable=load --with-requirements=load --from=load -w=load --python= -p= -q --quiet',
    stopAt: 'first-operand',
    operandsCarryCode: 'program',
  },
};
