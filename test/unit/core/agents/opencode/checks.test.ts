// What refuses an OpenCode launch: the ways it would run tools without Gatehouse's plug-in (opencode-ai 1.18.33).
import { describe, expect, it } from 'vitest';
import { opencodeArgFindings, opencodeEnvFindings } from '../../../../../electron/core/agents/opencode/checks.ts';

const keys = (f: Array<{ key: string }>) => f.map((x) => x.key);

describe('OpenCode launch checks', () => {
  it('refuses --pure, which loads no external plug-in', () => {
    expect(keys(opencodeArgFindings(['--pure']))).toEqual(['--pure']);
    expect(keys(opencodeArgFindings(['run', '--pure', 'fix it']))).toEqual(['--pure']);
    expect(opencodeArgFindings(['run', '--', '--pure'])).toEqual([]);
  });

  it('refuses attaching to a server started elsewhere', () => {
    expect(keys(opencodeArgFindings(['attach', 'http://localhost:4096']))).toEqual(['attach']);
    expect(keys(opencodeArgFindings(['--log-level', 'INFO', 'attach', 'http://x']))).toEqual(['attach']);
    expect(keys(opencodeArgFindings(['run', '--attach', 'http://x', 'hi']))).toEqual(['--attach']);
    expect(keys(opencodeArgFindings(['run', '--attach=http://x', 'hi']))).toEqual(['--attach']);
  });

  it('lets ordinary starts through, a message naming "attach" too', () => {
    expect(opencodeArgFindings([])).toEqual([]);
    expect(opencodeArgFindings(['run', 'attach the file'])).toEqual([]);
    expect(opencodeArgFindings(['-m', 'attach', 'run', 'hi'])).toEqual([]);
  });

  it('refuses OPENCODE_PURE, and an OPENCODE_CONFIG_CONTENT Gatehouse cannot add its plug-in to', () => {
    expect(keys(opencodeEnvFindings({ OPENCODE_PURE: '1' }))).toEqual(['OPENCODE_PURE=1']);
    expect(keys(opencodeEnvFindings({ OPENCODE_PURE: 'TRUE' }))).toEqual(['OPENCODE_PURE=TRUE']);
    expect(opencodeEnvFindings({ OPENCODE_PURE: '0' })).toEqual([]);
    expect(keys(opencodeEnvFindings({ OPENCODE_CONFIG_CONTENT: '{ // c\n}' }))).toEqual(['OPENCODE_CONFIG_CONTENT']);
    expect(keys(opencodeEnvFindings({ OPENCODE_CONFIG_CONTENT: '[1]' }))).toEqual(['OPENCODE_CONFIG_CONTENT']);
    expect(opencodeEnvFindings({ OPENCODE_CONFIG_CONTENT: '{"model":"a/b"}' })).toEqual([]);
  });

  it('says what to do, naming where it came from', () => {
    const [f] = opencodeEnvFindings({ OPENCODE_PURE: '1' });
    expect(f).toMatchObject({ agent: 'opencode', layer: 'environment', fix: 'Unset OPENCODE_PURE' });
  });
});
