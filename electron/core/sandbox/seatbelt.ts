// The sandbox-exec profile for a plan (macOS). Seatbelt cannot put a file in another's place, so shells are gated by
// the wrappers first on PATH and the BASH_ENV / ZDOTDIR files (a shell exec'd by its absolute path runs as it is);
// what it protects is the files: Gatehouse's directories unreadable and unwritable (the gate socket excepted), the
// agents' settings and the run's own files unwritable. Later rules win in SBPL, so the exceptions come last.
import type { SandboxPlan } from './plan.ts';

/** An SBPL string literal. */
function sbplString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function seatbeltProfile(plan: SandboxPlan): string {
  const lines = ['(version 1)', '(allow default)'];
  for (const dir of plan.hide) lines.push(`(deny file-read* file-write* (subpath ${sbplString(dir)}))`);
  for (const p of plan.readOnly) lines.push(`(deny file-write* (literal ${sbplString(p)}) (subpath ${sbplString(p)}))`);
  for (const kept of plan.keep) {
    lines.push(`(allow file-read* file-write* (literal ${sbplString(kept)}))`);
    lines.push(`(allow network-outbound (remote unix-socket (path-literal ${sbplString(kept)})))`);
  }
  return lines.join('\n') + '\n';
}

export function sandboxExecArgs(plan: SandboxPlan, argv: string[]): string[] {
  return ['-p', seatbeltProfile(plan), ...argv];
}
