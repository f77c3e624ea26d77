// The real-trace fatigue benchmark's pieces: the traces loader, and the simulated person over a small
// hand-written trace scored by a stand-in engine (so the expected numbers can be worked out by hand).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RiskLevel } from '../../../shared/domain.ts';
import {
  agentTracesPath,
  checkoutRoots,
  loadAgentTraces,
  parseAgentTraces,
  repositoryOf,
  traceSteps,
  TRACES_ENV,
} from '../../bench/agent-traces.ts';
import { measureTraces } from '../../bench/fatigue-traces.ts';
import type { Assessor } from '../../bench/reviewer.ts';
import { assessment, segment } from '../../support/rules.ts';

const SAMPLE = fileURLToPath(new URL('../../fixtures/agent-traces/sample.jsonl', import.meta.url));
const line = (o: unknown) => JSON.stringify(o);

describe('the traces loader', () => {
  it('reads every line of a traces file', () => {
    const lines = loadAgentTraces(SAMPLE);
    expect(lines).toHaveLength(10);
    expect(lines?.[0]).toEqual({ trace: 'acme/one/.specstory/history/2030-01-01_a.md', seq: 1, cmd: 'cat README.md' });
    expect([...new Set(lines?.map((l) => repositoryOf(l.trace)))]).toEqual(['acme/one', 'zed/two']);
  });

  it('fails naming the file, the line and what is wrong', () => {
    const good = line({ trace: 'a/b/s.md', seq: 1, cmd: 'ls' });
    expect(() => parseAgentTraces(`${good}\n{"trace": "a/b/s.md", `, 't.jsonl')).toThrow(/^t\.jsonl:2: not JSON/);
    expect(() => parseAgentTraces(`${good}\n${good}\n${line({ trace: 'a/b/s.md', seq: 3 })}\n`, 't.jsonl')).toThrow(
      /^t\.jsonl:3: cmd: /,
    );
    expect(() => parseAgentTraces(line({ trace: 'no-repo', seq: 1, cmd: 'ls' }), 't.jsonl')).toThrow(
      /^t\.jsonl:1: trace: must be "<owner>\/<repo>\/<session file>"/,
    );
    expect(() => parseAgentTraces(line({ trace: 'a/b/s.md', seq: 0, cmd: 'ls' }), 't.jsonl')).toThrow(
      /^t\.jsonl:1: seq: /,
    );
    expect(() => parseAgentTraces(`${good}\n\n${good}`, 't.jsonl')).toThrow(/^t\.jsonl:2: not JSON/);
  });

  it('is absent (null) when the file is not there, and the path can be overridden', () => {
    expect(loadAgentTraces(path.join(path.dirname(SAMPLE), 'none.jsonl'))).toBeNull();
    expect(agentTracesPath({}, '/work/gatehouse')).toBe('/work/shared/data/agent-traces.jsonl');
    expect(agentTracesPath({ [TRACES_ENV]: SAMPLE }, '/work/gatehouse')).toBe(SAMPLE);
    expect(fs.existsSync(SAMPLE)).toBe(true);
  });

  it('gives each repository a project under the fake home, and each trace a session', () => {
    const { steps, projectOf } = traceSteps(loadAgentTraces(SAMPLE) ?? []);
    expect(steps[0]).toEqual({
      command: 'cat README.md',
      cwd: '/home/dev/one',
      sessionId: 'acme/one/.specstory/history/2030-01-01_a.md',
    });
    expect(steps[6]?.cwd).toBe('/home/dev/two');
    expect(projectOf('/home/dev/one/src/x')).toBe('/home/dev/one');
    expect(projectOf('/home/dev/onex')).toBeNull();
  });

  it('takes the checkouts agents cd into, by the segment that names the repository, as projects too', () => {
    const line = (trace: string, cmd: string) => ({ trace, seq: 1, cmd });
    const lines = [
      line('acme/one/s.md', 'cd /Users/a/src/one/web && npm test'),
      line('acme/one/s.md', 'cd /Users/a/src/one'),
      line('acme/one/s.md', 'ls; cd /Users/a/My\\ Drive/one/api'),
      line('acme/one/s.md', 'cd /Users/a/.state/one/sessions/t1 && cd /tmp'),
      line('acme/two/s.md', 'cd /Users/b/elsewhere'),
    ];
    expect(checkoutRoots(lines)).toEqual(['/Users/a/.state/one', '/Users/a/My Drive/one', '/Users/a/src/one']);
    expect(traceSteps(lines).projectOf('/Users/a/src/one/web')).toBe('/Users/a/src/one');
    expect(traceSteps(lines).projectOf('/Users/b/elsewhere')).toBeNull();
  });
});

/** Stand-in engine, one segment per `&&` part: rm is critical, npm medium, everything else low. */
const stub: Assessor = {
  assess: (command) =>
    assessment(
      command.split(' && ').map((part) => {
        const argv = part.trim().split(/\s+/);
        const level: RiskLevel = argv[0] === 'rm' ? 'critical' : argv[0] === 'npm' ? 'medium' : 'low';
        return segment(argv, { level });
      }),
    ),
};

describe('the simulated person on a hand-written trace', () => {
  const lines = loadAgentTraces(SAMPLE) ?? [];

  it('with auto-allow of low risk: low runs unasked, medium is learned per project, critical is denied', () => {
    // one: cat (auto), npm test (learned), cat, npm test (rule), rm -rf (held, denied), npm run lint (held, learned);
    // two: ls, ls (auto), npm test (held: one's rule is for one only), ls -la (auto). After 2 per project: 3 of 6 held.
    expect(measureTraces(stub, lines, { autoAllowLowRisk: true, warmUp: 2 })).toEqual({
      commands: 10,
      low: 5,
      denied: 1,
      afterWarmUp: 6,
      heldAfterWarmUp: 3,
      rulesLearned: 3,
    });
  });

  it('with rules alone: the low commands are learned too', () => {
    // one: cat, npm test learned, then covered; rm -rf and npm run lint held. two: ls learned (covers ls -la), npm test held.
    expect(measureTraces(stub, lines, { autoAllowLowRisk: false, warmUp: 2 })).toEqual({
      commands: 10,
      low: 5,
      denied: 1,
      afterWarmUp: 6,
      heldAfterWarmUp: 3,
      rulesLearned: 5,
    });
  });

  it('counts every command once the warm-up is over', () => {
    expect(measureTraces(stub, lines, { autoAllowLowRisk: false, warmUp: 0 })).toMatchObject({
      afterWarmUp: 10,
      heldAfterWarmUp: 6,
    });
  });
});
