// The risk engine, assembled: the shell parser (loaded once, WASM) and the rules, with context cached per cwd.
import { ContextProvider, type ContextOptions } from './context.ts';
import { RiskEngine } from './engine.ts';
import { loadShellParser } from './parse/index.ts';

export async function createRiskEngine(opts: ContextOptions = {}): Promise<RiskEngine> {
  const parse = await loadShellParser();
  return new RiskEngine({ parse, context: new ContextProvider(opts) });
}
