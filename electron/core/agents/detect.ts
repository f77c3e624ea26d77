// Which agent a command line starts, from the command's name.
import path from 'node:path';

export type WiredAgent = 'claude' | 'codex';
const KNOWN: Readonly<Record<string, WiredAgent>> = { claude: 'claude', codex: 'codex' };

export function detectAgent(command: string): WiredAgent | null {
  const base = path.basename(command).toLowerCase().replace(/\.(exe|cmd|bat|js|mjs|cjs)$/, '');
  return KNOWN[base] ?? null;
}
