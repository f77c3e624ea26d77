// "Run it safer": the safer form of a held command, when it has a known one (docs/undo.md, "Run it safer"). Pure: the
// command's reading and assessment come in, the file system is asked through `PathFacts`. When in doubt, none.
import type { RiskAssessment, SaferOffer } from '../../../shared/domain.ts';
import type { ParsedCommand } from '../risk/index.ts';
import { forceWithLease, withSnapshot } from './git-forms.ts';
import { transactionPreview } from './sql-preview.ts';
import { trashMove, type PathFacts } from './trash-move.ts';
import { plainWords } from './words.ts';

export interface RewriteInput {
  /** The request's id: it names the trash entry and the snapshot. */
  id: string;
  command: string;
  /** The shell parser's reading of `command` (the risk engine's, with which words are literal). */
  parsed: ParsedCommand;
  risk: RiskAssessment | null;
  /** Real paths: where it runs, and its project (the git root, or the cwd outside git). */
  cwd: string;
  root: string;
  fs: PathFacts;
}

/** An offer, with what the core needs to carry out a move into the trash. */
export type Rewrite = SaferOffer & { trash?: { root: string; stage: string; files: string[] } };

export function saferRewrite(input: RewriteInput): Rewrite | null {
  const words = plainWords(input.command, input.parsed, input.risk);
  if (!words) return null;
  const move = trashMove(words, input.cwd, input.root, input.id, input.fs);
  if (move) {
    const { stage, files, ...offer } = move;
    return { kind: 'trash', ...offer, trash: { root: input.root, stage, files } };
  }
  const lease = forceWithLease(words);
  if (lease) return { kind: 'force-with-lease', ...lease };
  const snapshot = withSnapshot(words, input.id);
  if (snapshot) return { kind: 'snapshot', command: input.command, ...snapshot };
  const preview = transactionPreview(words);
  if (preview) return { kind: 'transaction-preview', ...preview };
  return null;
}
