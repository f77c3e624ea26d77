// The risk engine, assembled: the shell parser (loaded once, WASM) and the rules, with context cached per cwd.
// The only way into risk/ from the rest of the core (lint enforces it): what other folders use is exported here.
import type { RiskAssessment } from '../../../shared/domain.ts';
import { ContextProvider, type ContextOptions } from './context.ts';
import { RiskEngine } from './engine.ts';
import { fileChangeJudge, type FileChange } from './file-change.ts';
import { loadShellParser } from './parse/index.ts';

export type { FileChange } from './file-change.ts';
export type { RiskEngine } from './engine.ts';
// The parser's reading, with which words are literal: what `safer/` builds a rewritten command from.
export type { ParsedCommand } from './model.ts';
export { loadShellParser } from './parse/index.ts';
export { agentConfigDirs, agentDirsFrom, findGitRoot, type ContextOptions } from './context.ts';
export { GitBranches } from './git-branch.ts';
// The learner and the rule set read commands with the engine's own vocabulary, so a learned rule and a risk score agree.
export { READ_ONLY } from './rules/known.ts';
export { canonicalProgram } from './program-names.ts';
export { plainFlagAfter } from './rules/shapes.ts';
export { codeCarryingIndex, lastCodeCarryingIndex, runsWhatFollows } from './rules/code-words.ts';
export { variableCarriesCode } from './rules/environment.ts';

export async function createRiskEngine(opts: ContextOptions = {}): Promise<RiskEngine> {
  const parse = await loadShellParser();
  return new RiskEngine({ parse, context: new ContextProvider(opts) });
}

/** The file tools' judge (`file-change.ts`): the engine's protected places, without the shell parser it does not need. */
export function createFileChangeJudge(opts: ContextOptions = {}): (change: FileChange) => RiskAssessment | null {
  return fileChangeJudge(new ContextProvider(opts));
}
