// A risk engine for tests: a fixed home and project, git state on demand, and (for rule tests) a
// whitespace tokenizer instead of the shell parser, so a rule's test does not depend on the parser.
import { ContextProvider, type ContextOptions, type GitState } from '../../electron/core/risk/context.ts';
import { RiskEngine } from '../../electron/core/risk/engine.ts';
import type { ParsedCommand, Segment, Word } from '../../electron/core/risk/model.ts';

export const HOME = '/home/dev';
export const PROJECT = '/home/dev/project';

const word = (text: string): Word => ({ text, known: !/[$*?`[]/.test(text) });

/** `sudo:` and `ssh host:` prefixes set privileged/remote; `a | b` sets b's pipeFrom; `> f` becomes a redirect. */
export function simpleParse(command: string): ParsedCommand {
  const stages = command.split(' | ');
  const segments: Segment[] = [];
  let prev: Word[] | null = null;
  for (const stage of stages) {
    let rest = stage.trim();
    const seg: Segment = {
      argv: [],
      assignments: [],
      redirects: [],
      stdin: null,
      pipeFrom: prev,
      via: [],
      privileged: false,
      remote: null,
      synthetic: false,
      text: rest,
    };
    if (rest.startsWith('sudo: ')) {
      seg.privileged = true;
      seg.via.push('sudo');
      rest = rest.slice(6);
    }
    const remote = /^ssh (\S+): /.exec(rest);
    if (remote) {
      seg.remote = `ssh ${remote[1]}`;
      rest = rest.slice(remote[0].length);
    }
    const [cmd, target] = rest.split(/ (>>?) /).filter((_, i) => i !== 1);
    const op = /(>>?) /.exec(rest.slice((cmd ?? '').length))?.[1];
    if (target && op) seg.redirects.push({ op, fd: null, target: word(target) });
    seg.argv = (cmd ?? '').split(/\s+/).filter(Boolean).map(word);
    segments.push(seg);
    prev = seg.argv;
  }
  return { segments, complete: true, problems: [] };
}

/** The test machine: a home, Gatehouse's data in it, and one repository (PROJECT) whatever is on disk. */
export function testContextOptions(git: GitState | null = null): ContextOptions {
  return {
    home: HOME,
    protectedPaths: [`${HOME}/.config/Gatehouse`],
    probeGit: () => git,
    findRepository: (dir) => (dir === PROJECT || dir.startsWith(`${PROJECT}/`) ? PROJECT : null),
  };
}

export function testEngine(opts: { git?: GitState | null; parse?: (c: string) => ParsedCommand } = {}): RiskEngine {
  return new RiskEngine({
    context: new ContextProvider(testContextOptions(opts.git ?? null)),
    parse: opts.parse ?? simpleParse,
  });
}
