import { describe, expect, it } from 'vitest';
import { readShape } from '../../../../../electron/core/risk/shapes/read.ts';
import { compileShape, OptionTable, type ShapeSource } from '../../../../../electron/core/risk/shapes/spec.ts';

const words = (...ws: string[]) => ws.map((text) => ({ text, known: true }));

describe('OptionTable', () => {
  it('finds its own entries before inherited ones, and lists inherited ones first', () => {
    const base = new OptionTable();
    base.set('--a', { value: null, attachedOnly: false });
    base.set('--b', { value: 'value', attachedOnly: false });
    const own = new OptionTable(base);
    own.set('--b', { value: 'write', attachedOnly: false });
    own.set('--c', { value: null, attachedOnly: false });
    expect(own.get('--b')?.value).toBe('write');
    expect(own.has('--a')).toBe(true);
    expect(own.has('--d')).toBe(false);
    expect([...own].map(([name, spec]) => `${name}=${spec.value}`)).toEqual(['--a=null', '--b=write', '--c=null']);
    // The inherited table is not changed by what inherits it.
    expect(base.get('--b')?.value).toBe('value');
  });
});

describe('compileShape', () => {
  const leaf: ShapeSource = { opts: '--id= --out=write', maxOperands: 0 };
  const cli = compileShape(
    {
      globals: '--region= -q',
      subs: {
        start: leaf,
        stop: leaf,
        nested: { globals: '--zone=', subs: { list: leaf } },
        own: { opts: '--region=write' },
      },
    },
    'cli',
  );

  it('compiles a table used under many subcommands once', () => {
    expect(cli.subs?.get('start')).toBe(cli.subs?.get('stop'));
  });

  it('gives every subcommand the globals above it, at every depth', () => {
    expect(readShape('cli', cli, words('start', '--region', 'eu', '-q', '--id', '1')).proven).toBe(true);
    expect(readShape('cli', cli, words('nested', 'list', '--zone', 'a', '--region', 'eu')).proven).toBe(true);
    // A global of a subgroup is not one of its parent's.
    expect(readShape('cli', cli, words('start', '--zone', 'a')).proven).toBe(false);
  });

  it('compiles a shared table separately where it inherits other globals', () => {
    expect(cli.subs?.get('nested')?.subs?.get('list')).not.toBe(cli.subs?.get('start'));
    expect(cli.subs?.get('nested')?.subs?.get('list')?.longs.has('--zone')).toBe(true);
    expect(cli.subs?.get('start')?.longs.has('--zone')).toBe(false);
  });

  it("lets a subcommand's own option override a global of the same name", () => {
    expect(cli.subs?.get('own')?.longs.get('--region')?.value).toBe('write');
    expect(cli.subs?.get('start')?.longs.get('--region')?.value).toBe('value');
  });
});
