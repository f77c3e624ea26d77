// Opens a URL in the person's browser, the way their desktop does: $BROWSER when set (the convention xdg-open and
// sensible-browser follow), else `open` on macOS, `xdg-open` elsewhere, the URL handler on Windows. Never in CI, and never
// where there is no display to show it on: there the URL printed is the way in.
import { spawn } from 'node:child_process';

export type OpenPlan = { command: string; args: string[] } | { skip: string };

/** CI services set CI (GitHub, GitLab, CircleCI, Buildkite, …); `CI=false` or `CI=0` says it is not one. */
function inCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return Boolean(ci) && ci !== 'false' && ci !== '0';
}

/** What would open `url` here, or why nothing will. Pure. */
export function openPlan(url: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): OpenPlan {
  if (inCi(env)) return { skip: 'CI is set' };
  // $BROWSER is a list of commands separated by colons; `%s` in one stands for the URL.
  const browser = env.BROWSER?.split(':').find((c) => c.trim() !== '');
  if (browser) {
    const [command, ...args] = browser.trim().split(/\s+/) as [string, ...string[]];
    return args.some((a) => a.includes('%s'))
      ? { command, args: args.map((a) => a.replaceAll('%s', url)) }
      : { command, args: [...args, url] };
  }
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // Not `cmd /c start`: cmd would read the URL's characters as its own syntax.
  if (platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return { skip: 'there is no display here (DISPLAY is not set)' };
  return { command: 'xdg-open', args: [url] };
}

/**
 * Starts the browser and does not wait for it (xdg-open may stay as long as the browser does). Resolves with null once
 * it has started, or with why it could not (the opener is not installed, CI, no display).
 */
export function openBrowser(
  url: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): Promise<string | null> {
  const plan = openPlan(url, env, platform);
  if ('skip' in plan) return Promise.resolve(plan.skip);
  return new Promise((resolve) => {
    const child = spawn(plan.command, plan.args, { detached: true, stdio: 'ignore', env, windowsHide: true });
    child.once('spawn', () => {
      child.unref();
      resolve(null);
    });
    child.once('error', (err: NodeJS.ErrnoException) =>
      resolve(err.code === 'ENOENT' ? `${plan.command} is not installed` : `${plan.command} failed: ${err.message}`),
    );
  });
}
