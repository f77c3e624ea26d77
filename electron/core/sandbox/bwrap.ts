// The bubblewrap command line for a plan (Linux). The whole filesystem stays as it is, with devices (the agent's
// pty); then, in order: the real shells are bound at their hidden paths before wrappers cover them, Gatehouse's
// directories are replaced by empty read-only ones with the gate socket bound back in, and the settings are made
// read-only. A new PID namespace keeps the agent from seeing (or tracing) Gatehouse's processes.
import type { SandboxPlan } from './plan.ts';

export function bwrapArgs(plan: SandboxPlan, argv: string[]): string[] {
  const args = ['--dev-bind', '/', '/', '--unshare-pid', '--proc', '/proc', '--die-with-parent'];
  for (const dir of plan.hide) {
    args.push('--tmpfs', dir);
    // -try: a core that stopped meanwhile leaves no socket; the agent starts and its hooks say the gate is gone.
    for (const kept of plan.keep) if (kept.startsWith(dir + '/')) args.push('--bind-try', kept, kept);
    args.push('--remount-ro', dir);
  }
  // Before the shells: a later bind of the run's directory would cover the real shells bound inside it.
  for (const p of plan.readOnly) args.push('--ro-bind', p, p);
  // Sources are read from the host's tree, so each real shell is bound at its hidden path whatever covers it.
  for (const s of plan.shells) args.push('--ro-bind', s.real, s.hidden);
  for (const s of plan.shells) args.push('--ro-bind', s.wrapper, s.real);
  args.push('--chdir', plan.cwd, '--', ...argv);
  return args;
}
