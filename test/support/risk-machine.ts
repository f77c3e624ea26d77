// A machine on disk for the risk tests that read what a command reaches (globs, protected places, scripts): a
// temporary home with a project (a git repository) in it, and an engine that looks at it afresh each time.
import fs from 'node:fs';
import path from 'node:path';
import { nodeFiles } from '../../electron/core/risk/disk.ts';
import { createRiskEngine } from '../../electron/core/risk/index.ts';
import { tempDir } from './temp.ts';

/** A home with a project (a git repository) in it, on disk, and an engine that looks at it afresh each time. */
export async function machine(files: Record<string, string | Buffer> = {}) {
  const home = fs.realpathSync(tempDir('gh-reach-'));
  const project = path.join(home, 'project');
  fs.mkdirSync(path.join(project, '.git'), { recursive: true });
  fs.writeFileSync(path.join(project, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  for (const [rel, content] of Object.entries(files)) {
    const at = path.join(home, rel);
    fs.mkdirSync(path.dirname(at), { recursive: true });
    fs.writeFileSync(at, content);
  }
  const e = await createRiskEngine({
    home,
    protectedPaths: [path.join(home, '.config', 'Gatehouse')],
    probeGit: () => null,
    findRepository: (d) => (d === project || d.startsWith(`${project}/`) ? project : null),
    files: nodeFiles({ ttlMs: 0 }),
  });
  return { home, project, assess: (cmd: string, cwd = project) => e.assess(cmd, cwd) };
}
