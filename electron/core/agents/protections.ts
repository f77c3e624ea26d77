// What guards a session, said plainly: which layers are on for this launch and why one is off or only partly on. Built
// from what the launcher found (the hook client, the agent's fail-closed support, the sandbox, tamper watching), shown
// by `gatehouse run`, stored with the session (`reportProtections`) and shown by the UI. The agent's plug-in speaks for
// the layers that depend on it (hooks, file tools, shells); this file for the rest. Pure.
import type { SessionProtection } from '../../../shared/domain.ts';
import type { LaunchFacts } from './plugin.ts';
import { agentPlugin, type AgentId } from './registry.ts';

function hookClient(f: LaunchFacts): SessionProtection {
  if (f.transport.kind === 'curl')
    return {
      layer: 'hook-client',
      state: 'on',
      detail: `curl at ${f.transport.curlPath}, where only root can write (never from PATH)`,
    };
  return {
    layer: 'hook-client',
    state: 'partial',
    detail: `the bundled Node client, run by ${f.transport.nodePath}: no curl was found where only root can write; whoever can write that Node can answer for the gate`,
  };
}

function sandbox(f: LaunchFacts): SessionProtection {
  if (f.sandbox.kind) return { layer: 'sandbox', state: 'on', detail: f.sandbox.status };
  return { layer: 'sandbox', state: 'off', detail: f.sandbox.status };
}

function tamperWatch(f: LaunchFacts): SessionProtection {
  if (f.platform === 'win32')
    return { layer: 'tamper-watch', state: 'off', detail: 'named pipes are not watched on Windows' };
  if (f.hookFilesWatched === false) {
    return {
      layer: 'tamper-watch',
      state: 'partial',
      detail:
        'the gate and control sockets are watched; the core did not take the hook settings to watch, so a change to them goes unnoticed',
    };
  }
  const files = f.hookFilesWatched ? ' and the hook settings written for this session are' : '';
  return {
    layer: 'tamper-watch',
    state: 'on',
    detail: `the gate and control sockets${files} watched: a change holds every command until you acknowledge it`,
  };
}

/** `gate`: the canary's result at the start (agents/canary.ts, `gateProtection`), first when the launcher tried one. */
export function describeProtections(f: LaunchFacts<AgentId>, gate?: SessionProtection): SessionProtection[] {
  const own = agentPlugin(f.agent).protections(f);
  return [gate ?? null, own.hooks, hookClient(f), own.fileTools, own.shells, sandbox(f), tamperWatch(f)].filter(
    (p): p is SessionProtection => p !== null,
  );
}

/**
 * A shell Gatehouse hosts for a person (Sessions, "Shell (every line gated)"): no agent and no hooks; the line gate asks
 * about every line typed at its prompt. What a program started there runs by itself is not seen: the same limit as
 * any shell, said so the person knows.
 */
export function describeHostedShell(f: LaunchFacts): SessionProtection[] {
  const lines: SessionProtection = {
    layer: 'shells',
    state: 'on',
    detail:
      'every line typed at the prompt asks the gate before it runs ("Your typing" says which of yours run at once); what a program started there runs by itself is not seen',
  };
  return [lines, hookClient(f), sandbox(f), tamperWatch(f)];
}

/** The gate layer, when it says the gate is not live: the line a launcher prints loudly before the agent starts. */
export function gateNotLive(list: readonly SessionProtection[]): SessionProtection | null {
  return list.find((p) => p.layer === 'gate' && p.state === 'off') ?? null;
}

const MARK: Readonly<Record<SessionProtection['state'], string>> = {
  on: 'on     ',
  partial: 'partly ',
  off: 'off    ',
};

/** One line a layer, for a terminal: `on      hooks         every Bash command…`. */
export function protectionLines(list: readonly SessionProtection[]): string[] {
  return list.map((p) => `${MARK[p.state]} ${p.layer.padEnd(13)} ${p.detail}`);
}
