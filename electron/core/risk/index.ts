// The risk engine, assembled: the shell parser (loaded once, WASM) and the rules, with context cached per cwd.
import type { RiskAssessment } from '../../../shared/domain.ts';
import { ContextProvider, type ContextOptions } from './context.ts';
import { RiskEngine } from './engine.ts';
import { fileChangeJudge, type FileChange } from './file-change.ts';
import { loadShellParser } from './parse/index.ts';

export type { FileChange } from './file-change.ts';
export { agentDirsFrom, type ContextOptions } from './context.ts';

export async function createRiskEngine(opts: ContextOptions = {}): Promise<RiskEngine> {
  const parse = await loadShellParser();
  return new RiskEngine({ parse, context: new ContextProvider(opts) });
}

/** The file tools' judge (`file-change.ts`): the engine's protected places, without the shell parser it does not need. */
export function createFileChangeJudge(opts: ContextOptions = {}): (change: FileChange) => RiskAssessment | null {
  return fileChangeJudge(new ContextProvider(opts));
}
