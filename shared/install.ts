// `gatehouse install <agent>` over the control API: what the CLI and the Settings view ask, and what they are told.
import { z } from 'zod';

/**
 * The person's environment, as far as it says where an agent keeps its user settings. The CLI sends its own; the UI
 * sends none, and the core's own is used.
 */
export const InstallEnvSchema = z.object({
  HOME: z.string().min(1).optional(),
  USERPROFILE: z.string().min(1).optional(),
  CLAUDE_CONFIG_DIR: z.string().min(1).optional(),
  CODEX_HOME: z.string().min(1).optional(),
  XDG_CONFIG_HOME: z.string().min(1).optional(),
});
export type InstallEnvInput = z.infer<typeof InstallEnvSchema>;

export const InstallTargetSchema = z.object({ agent: z.string().min(1), env: InstallEnvSchema.optional() });
export const InstallStatusInputSchema = z.object({ env: InstallEnvSchema.optional() });

/** Install what was shown: the file's sha256 when the plan was made (null: there was no file), so nothing unseen is written. */
export const InstallInputSchema = InstallTargetSchema.extend({ beforeSha256: z.string().nullable() });

/** What an install would change, to show before it is made. */
export interface InstallPlan {
  agent: string;
  name: string;
  file: string;
  /** Each change in a sentence; empty when it is installed already, exactly so. */
  changes: string[];
  alreadyInstalled: boolean;
  beforeSha256: string | null;
  /** Where the file as it is now is kept (the first install's copy is kept over later ones). */
  backup: string;
}

export interface InstallResult {
  agent: string;
  file: string;
  changes: string[];
  alreadyInstalled: boolean;
  /** What the step after writing did (Codex's hook trust), in sentences. */
  afterWrite: string[];
  backup: string;
}

export interface UninstallResult {
  agent: string;
  file: string;
  outcome: 'restored' | 'removed-file' | 'entries-removed' | 'not-installed';
  /** What was done, in a sentence or two. */
  message: string;
}

/** Per agent with an installer: installed or not, and whether the file still holds what Gatehouse wrote. */
export interface AgentInstallStatus {
  agent: string;
  name: string;
  file: string | null;
  installed: boolean;
  /** null when not installed by this Gatehouse (no record), else whether the file is byte for byte what was written. */
  matchesWritten: boolean | null;
  installedAt: string | null;
  /** What the installed hook answers with Gatehouse down, as written at install time (null: not installed). */
  whenCoreDown: 'ask' | 'deny' | null;
  /** Why the file could not be read, if it could not. */
  problem: string | null;
}
