// A hosted shell's commands as its OSC 133 marks delimit them: the gated line that started each, its exit status, and
// the end of what it printed between its C and D marks (for the outcome of an allowed line), however the output is
// cut into pieces; and the working directory it reports (OSC 7).
import { describe, expect, it } from 'vitest';
import type { ShellCommandRecord } from '../../../../shared/domain.ts';
import { OUTCOME_SUMMARY_CHARS } from '../../../../shared/outcome.ts';
import { parseCwd, ShellMarks } from '../../../../electron/core/pty/shell-marks.ts';

function marks(lines: Array<{ command: string; requestId: string }>) {
  const ended: Array<{ c: ShellCommandRecord; output: string }> = [];
  let now = 0;
  const m = new ShellMarks({
    now: () => (now += 100),
    takeCommand: () => lines.shift() ?? null,
    onCommand: (c, output) => ended.push({ c, output }),
  });
  return { m, ended };
}

const PROMPT = '\x1b]133;A\x07$ \x1b]133;B\x07';

describe('ShellMarks', () => {
  it("keeps what a command printed between its C and D marks, not the prompt or the next one's echo", () => {
    const { m, ended } = marks([{ command: 'make test', requestId: 'r1' }]);
    m.read(`${PROMPT}make test\r\n\x1b]133;C\x07building\r\n2 failed\r\n\x1b]133;D;2\x07${PROMPT}ls`);
    expect(ended).toHaveLength(1);
    expect(ended[0]?.c).toMatchObject({ command: 'make test', requestId: 'r1', exitCode: 2 });
    expect(ended[0]?.output).toBe('building\r\n2 failed\r\n\x1b]133;D;2\x07');
  });

  it('across pieces cut anywhere, marks included', () => {
    const stream = `${PROMPT}x\r\n\x1b]133;C\x07one\r\ntwo\r\n\x1b]133;D;0\x07${PROMPT}`;
    for (const size of [1, 2, 3, 7, 16]) {
      const { m, ended } = marks([{ command: 'x', requestId: 'r' }]);
      for (let i = 0; i < stream.length; i += size) m.read(stream.slice(i, i + size));
      // The D mark ends what is kept (it is taken out with the other escape sequences later).
      expect(ended.map((e) => [e.c.exitCode, e.output])).toEqual([[0, 'one\r\ntwo\r\n\x1b]133;D;0\x07']]);
    }
  });

  it('a command still running when the shell ends (`exit` itself) ends with the shell and its status', () => {
    const { m, ended } = marks([{ command: 'exit 3', requestId: 'r9' }]);
    m.read(`${PROMPT}exit 3\r\n\x1b]133;C\x07bye\r\n`);
    m.end(3);
    m.end(3);
    expect(ended.map((e) => [e.c.requestId, e.c.exitCode, e.output])).toEqual([['r9', 3, 'bye\r\n']]);
  });

  it('keeps only the end of a long output', () => {
    const { m, ended } = marks([]);
    m.read('\x1b]133;C\x07');
    for (let i = 0; i < 200; i++) m.read(`line ${i} ${'x'.repeat(100)}\r\n`);
    m.read('the end\r\n\x1b]133;D;0\x07');
    const output = ended[0]?.output ?? '';
    expect(output.length).toBeLessThanOrEqual(OUTCOME_SUMMARY_CHARS * 16);
    expect(output).toContain('the end');
    expect(output).not.toContain('line 0 ');
    // A command the gate never saw is still a record, named by nothing.
    expect(ended[0]?.c).toMatchObject({ command: null, requestId: null });
  });
});

describe('parseCwd', () => {
  it('reads OSC 7 file URLs', () => {
    expect(parseCwd('file://vm/home/u/my%20project')).toBe('/home/u/my project');
    expect(parseCwd('file:///tmp/a%23b')).toBe('/tmp/a#b');
    expect(parseCwd('http://x/y')).toBeNull();
    expect(parseCwd('file://%zz')).toBeNull();
  });
});
