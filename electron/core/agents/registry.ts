// The agents Gatehouse speaks to, one plug-in each (`plugin.ts`). The gate, `gatehouse run`, the hosted terminals,
// doctor and the protections ask here instead of naming agents. Adding one: a folder under agents/ exporting its
// plug-in, and one line below. The UI and the API carry agent ids too (`AgentSchema` in shared/domain.ts): the
// compiler holds this list and that one equal, so it says where to add the id there.
import path from 'node:path';
import type { PluginAgent } from '../../../shared/domain.ts';
import { ampAgent } from './amp/index.ts';
import { claudeAgent } from './claude/index.ts';
import { codexAgent } from './codex/index.ts';
import { copilotAgent } from './copilot/index.ts';
import { cursorAgent } from './cursor/index.ts';
import { geminiAgent } from './gemini/index.ts';
import { opencodeAgent } from './opencode/index.ts';
import type { AgentPlugin } from './plugin.ts';
import { shellAgent } from './shell/index.ts';

const REGISTRY = {
  claude: claudeAgent,
  codex: codexAgent,
  gemini: geminiAgent,
  copilot: copilotAgent,
  shell: shellAgent,
  opencode: opencodeAgent,
  amp: ampAgent,
  cursor: cursorAgent,
} as const satisfies { readonly [Id in PluginAgent]: AgentPlugin<Id> };

/** An agent Gatehouse has a plug-in for. */
export type AgentId = keyof typeof REGISTRY;

/** Every plug-in, in the order doctor lists them. */
export const AGENTS: ReadonlyArray<AgentPlugin<AgentId>> = Object.values(REGISTRY);

export const AGENT_IDS: readonly AgentId[] = AGENTS.map((a) => a.id);

export function agentPlugin(id: AgentId): AgentPlugin<AgentId> {
  return REGISTRY[id];
}

export function isAgentId(value: string): value is AgentId {
  return Object.hasOwn(REGISTRY, value);
}

/** Which agent a command line starts, from the program's name (`/usr/local/bin/claude`, `codex.cmd`). */
export function detectAgent(command: string): AgentId | null {
  const base = path
    .basename(command)
    .toLowerCase()
    .replace(/\.(exe|cmd|bat|js|mjs|cjs)$/, '');
  return AGENTS.find((a) => a.program?.name === base)?.id ?? null;
}

/** `claude, codex or shell`: the ids, for a sentence. */
export function agentIdList(): string {
  return `${AGENT_IDS.slice(0, -1).join(', ')} or ${AGENT_IDS.at(-1)}`;
}
