// "Run it safer", as a service of the core: the offer shown with a held request, and the person's choice of it, worked
// out again from the stored request at decision time (never taken from a client). See docs/undo.md, "Run it safer".
import fs from 'node:fs';
import os from 'node:os';
import { ApiError } from '../../../shared/api.ts';
import type { GateRequest, RiskAssessment, SaferOffer } from '../../../shared/domain.ts';
import { findGitRoot, type ParsedCommand } from '../risk/index.ts';
import type { UndoService } from '../undo/service.ts';
import { saferRewrite, type Rewrite } from './rewrite.ts';
import type { PathFacts } from './trash-move.ts';

export interface SaferServiceOptions {
  /** The shell parser (the risk engine's). */
  read: (command: string) => ParsedCommand;
  /** The risk engine: a rewrite rated riskier than the command is never offered. */
  assess: (command: string, cwd: string) => RiskAssessment;
  /** Whether the request's agent takes a rewritten command with an allow (`AgentPlugin.takesRewrite`). */
  takesRewrite: (request: Pick<GateRequest, 'agent' | 'kind' | 'tool'>) => boolean;
  /** Undo: its snapshots and trash. Without it, no offer needs them. */
  undo: Pick<UndoService, 'before' | 'trash'> | null;
  home?: string;
}

/** What the broker hands the agent for a safer allow: the command to run instead (null: the same), and the reason. */
export interface SaferChoice {
  offer: SaferOffer;
  updatedCommand: string | null;
  reason: string;
}

const REDACTED = '[REDACTED:';

export class SaferService {
  private readonly o: SaferServiceOptions;

  constructor(o: SaferServiceOptions) {
    this.o = o;
  }

  /** The offer for a held request, as the card and `gatehouse pending` show it; null for none. Never throws. */
  offer(request: GateRequest): SaferOffer | null {
    try {
      const r = this.rewrite(request);
      return r ? { kind: r.kind, command: r.command, explanation: r.explanation } : null;
    } catch {
      return null;
    }
  }

  /**
   * The person chose the safer form: worked out again now, the trash's entry prepared or the snapshot made sure of.
   * Throws `conflict` when the request has none (any more), or its agent cannot take it.
   */
  async choose(request: GateRequest): Promise<SaferChoice> {
    if (request.status !== 'pending')
      throw new ApiError('already_decided', `request ${request.id} is already ${request.status}`);
    const r = this.rewrite(request);
    if (!r)
      throw new ApiError(
        'conflict',
        `${request.id} has no safer form Gatehouse can run${this.o.takesRewrite(request) ? '' : ` (${request.agent} cannot take a rewritten command for this call)`}; approve or deny it as it is`,
      );
    const offer: SaferOffer = { kind: r.kind, command: r.command, explanation: r.explanation };
    if (r.kind === 'snapshot') {
      const taken = await this.o.undo?.before(request);
      if (!taken)
        throw new ApiError(
          'conflict',
          `Gatehouse could not take a snapshot of this project, so ${request.id} cannot run with one; approve or deny it as it is`,
        );
    }
    if (r.trash) this.o.undo?.trash.prepare(request.id, r.trash.root, r.trash.files, r.trash.stage);
    const updatedCommand = r.command === request.command ? null : r.command;
    const reason =
      updatedCommand === null
        ? `The user approved it with Gatehouse's snapshot: ${r.explanation}`
        : `The user approved a safer form instead, and that is what runs: ${r.command} — ${r.explanation}`;
    return { offer, updatedCommand, reason };
  }

  private rewrite(request: GateRequest): Rewrite | null {
    if (request.status !== 'pending' || !request.risk || request.command.includes(REDACTED)) return null;
    const cwd = realOrNull(request.cwd);
    if (!cwd) return null;
    const root = realOrNull(findGitRoot(cwd) ?? cwd);
    const home = realOrNull(this.o.home ?? os.homedir());
    if (!root || root === '/' || root === home) return null;
    const r = saferRewrite({
      id: request.id,
      command: request.command,
      parsed: this.o.read(request.command),
      risk: request.risk,
      cwd,
      root,
      fs: FACTS,
    });
    if (!r) return null;
    if ((r.kind === 'snapshot' || r.kind === 'trash') && !this.o.undo) return null;
    if (r.command !== request.command) {
      if (!this.o.takesRewrite(request)) return null;
      // The rule of rules: never riskier than what the agent asked for, by the same engine.
      if (this.o.assess(r.command, request.cwd).score > request.risk.score) return null;
    }
    return r;
  }
}

const FACTS: PathFacts = {
  kind(abs) {
    try {
      const st = fs.lstatSync(abs);
      if (st.isSymbolicLink()) return 'symlink';
      if (st.isDirectory()) return 'dir';
      return st.isFile() ? 'file' : 'other';
    } catch {
      return null;
    }
  },
  real: realOrNull,
};

function realOrNull(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}
