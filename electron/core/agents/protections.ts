// What guards a session, said plainly: which layers are on for this launch and why one is off or only partly on. Built
// from what the launcher found (the hook client, the agent's fail-closed support, the sandbox, tamper watching), shown
// by `gatehouse run`, stored with the session (`reportProtections`) and shown by the UI. Pure.
import type { SessionProtection } from '../../../shared/domain.ts';
import type { HookTransport } from './hook-command.ts';

export interface LaunchFacts {
  agent: 'claude' | 'codex' | 'shell';
  transport: HookTransport;
  /** Claude Code's settings layer carries `onFailure: "block"` (its version honours it). */
  claudeFailClosed: boolean;
  /** The sandbox the agent runs in (`bwrap`, `sandbox-exec`), or null; `status` says why not, or what it does. */
  sandbox: { kind: string | null; status: string };
  /** The core took the hook settings Gatehouse wrote to watch them (tamper detection); null when there are none. */
  hookFilesWatched: boolean | null;
  platform: NodeJS.Platform;
}

function hooks(f: LaunchFacts): SessionProtection {
  if (f.agent === 'claude') {
    return f.claudeFailClosed
      ? { layer: 'hooks', state: 'on', detail: 'every Bash command waits for Gatehouse; no settings file switches the hooks off, and a hook that crashes or times out blocks the command' }
      : {
          layer: 'hooks',
          state: 'partial',
          detail: 'every Bash command waits for Gatehouse, but this Claude Code is older than 2.1.330: a hook that crashes or times out lets the command run. Update Claude Code',
        };
  }
  if (f.agent === 'codex') {
    return {
      layer: 'hooks',
      state: 'partial',
      detail: 'every shell command waits for Gatehouse and no config layer switches the hooks off; Codex runs a command whose hook crashes, so a hook client killed mid-request would let one through',
    };
  }
  return {
    layer: 'hooks',
    state: 'off',
    detail: 'an agent without hooks: only the shells it starts are gated (below), not what it runs without a shell',
  };
}

function hookClient(f: LaunchFacts): SessionProtection {
  if (f.transport.kind === 'curl') return { layer: 'hook-client', state: 'on', detail: `curl at ${f.transport.curlPath}, where only root can write (never from PATH)` };
  return {
    layer: 'hook-client',
    state: 'partial',
    detail: `the bundled Node client, run by ${f.transport.nodePath}: no curl was found where only root can write; whoever can write that Node can answer for the gate`,
  };
}

function fileTools(f: LaunchFacts): SessionProtection {
  if (f.agent === 'claude') return { layer: 'file-tools', state: 'on', detail: 'Write, Edit and NotebookEdit to protected places (agent settings, Gatehouse, shell start-up files, git hooks, ~/.ssh) wait for you; other edits pass' };
  if (f.agent === 'codex') {
    return {
      layer: 'file-tools',
      state: 'partial',
      detail: 'apply_patch to protected places waits for you; text typed into a running shell (write_stdin) reaches no hook, so starting an interactive shell or REPL is held as high',
    };
  }
  return f.sandbox.kind
    ? { layer: 'file-tools', state: 'partial', detail: "the agent's own file writes are not seen; the sandbox keeps Gatehouse's files and the agents' settings read-only" }
    : { layer: 'file-tools', state: 'off', detail: "the agent's own file writes are not seen, and without the sandbox it can change Gatehouse's files and its settings" };
}

function shells(f: LaunchFacts): SessionProtection | null {
  if (f.agent !== 'shell') return null;
  return f.sandbox.kind === 'bwrap'
    ? { layer: 'shells', state: 'on', detail: 'every shell the agent starts, by any path (/bin/sh, bash, dash, zsh, fish, …), asks the gate about its -c string or script' }
    : {
        layer: 'shells',
        state: 'partial',
        detail: 'shells found by name on PATH ask the gate; a shell run by its absolute path (/bin/sh, /bin/bash -p, zsh -f, fish) does not without the sandbox',
      };
}

function sandbox(f: LaunchFacts): SessionProtection {
  if (f.sandbox.kind) return { layer: 'sandbox', state: 'on', detail: f.sandbox.status };
  return { layer: 'sandbox', state: 'off', detail: f.sandbox.status };
}

function tamperWatch(f: LaunchFacts): SessionProtection {
  if (f.platform === 'win32') return { layer: 'tamper-watch', state: 'off', detail: 'named pipes are not watched on Windows' };
  if (f.hookFilesWatched === false) {
    return { layer: 'tamper-watch', state: 'partial', detail: 'the gate and control sockets are watched; the core did not take the hook settings to watch, so a change to them goes unnoticed' };
  }
  const files = f.hookFilesWatched ? ' and the hook settings written for this session are' : '';
  return { layer: 'tamper-watch', state: 'on', detail: `the gate and control sockets${files} watched: a change holds every command until you acknowledge it` };
}

export function describeProtections(f: LaunchFacts): SessionProtection[] {
  return [hooks(f), hookClient(f), fileTools(f), shells(f), sandbox(f), tamperWatch(f)].filter((p): p is SessionProtection => p !== null);
}

const MARK: Readonly<Record<SessionProtection['state'], string>> = { on: 'on     ', partial: 'partly ', off: 'off    ' };

/** One line a layer, for a terminal: `on      hooks         every Bash command…`. */
export function protectionLines(list: readonly SessionProtection[]): string[] {
  return list.map((p) => `${MARK[p.state]} ${p.layer.padEnd(13)} ${p.detail}`);
}
