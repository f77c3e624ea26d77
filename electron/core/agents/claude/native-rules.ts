// Claude Code's own rules for a Gatehouse rule the person keeps: `Bash(npm test)` for an exact rule, `Bash(npm test:*)`
// for a prefix one, and nothing where Claude's syntax would say more than the Gatehouse rule. Claude Code 2.1.330 reads
// `cmd:*` as "`cmd` alone, or `cmd ` and anything after" (also behind `xargs`), and a rule without `*` as the command
// exactly (runs of blanks read as one); a `*` anywhere else is a wildcard, so a pattern with one is never written.
// Kept in the project's `.claude/settings.local.json` (`destination: "localSettings"`): Claude Code writes it itself.
import fs from 'node:fs';
import path from 'node:path';
import type { AgentNativeRules, NativeRule } from '../plugin.ts';

/**
 * The characters a pattern may have to be written as Claude's rule word for word: no quotes (Claude compares the
 * command as typed, Gatehouse the words), no wildcards or escapes (`*`, `?`, `[`, `\`), no parentheses (the rule's own
 * brackets), nothing the shell expands or chains (`$`, `~`, `` ` ``, `!`, `&`, `|`, `;`, `<`, `>`, `{`, `#`).
 */
const PLAIN = /^[A-Za-z0-9_\-./=@%+,: ]+$/;

/**
 * Where Claude Code keeps a project's local settings: the nearest folder at or above `cwd` with a `.git` of any kind,
 * else `cwd`. Measured on 2.1.330: an empty `/tmp/.git` (a mount point another agent's sandbox leaves) made it write
 * `/tmp/.claude/settings.local.json` for a session in `/tmp/x/work`, so the card names the file Claude will write.
 */
export function claudeProjectDir(cwd: string): string {
  for (let d = path.resolve(cwd); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return path.resolve(cwd);
  }
}

function rule(content: string): NativeRule {
  return { tool: 'Bash', content, shown: `Bash(${content})` };
}

export const claudeNativeRules: AgentNativeRules = {
  where: (cwd) => path.join(claudeProjectDir(cwd), '.claude', 'settings.local.json'),
  translate({ kind, pattern }) {
    if (kind === 'glob' || kind === 'regex')
      return { why: `Claude Code's wildcards do not say exactly what a ${kind} rule says` };
    if (!PLAIN.test(pattern))
      return { why: 'it has quotes, wildcards or shell characters, which Claude Code reads differently' };
    if (kind === 'exact') return rule(pattern);
    // A prefix of one word is the whole program with anything after it: never written.
    if (!pattern.includes(' ')) return { why: `a rule for every \`${pattern}\` command is too broad to hand out` };
    return rule(`${pattern}:*`);
  },
};
