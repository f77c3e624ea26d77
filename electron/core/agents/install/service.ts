// The install service: `gatehouse install <agent>` / `uninstall`, for every agent with an `installer` (plugin.ts). It
// computes the change first (`plan`: which file, each change in a sentence, where the backup goes), writes only what was
// shown (the file's sha256 at plan time must still hold), keeps the file as it was in Gatehouse's data directory with
// a manifest (path, sha256 of the original and of what was written, time), writes atomically, and records the install
// in the audit trail. Uninstall restores the original byte for byte (a file that did not exist is removed again), unless
// the person changed the file since: then only Gatehouse's entries come out and their changes stay.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../../shared/api.ts';
import type { AgentInstallStatus, InstallPlan, InstallResult, UninstallResult } from '../../../../shared/install.ts';
import type { AuditKind } from '../../../../shared/audit.ts';
import {
  InstallError,
  type AgentInstaller,
  type AgentPlugin,
  type InstalledHooks,
  type InstallEnv,
} from '../plugin.ts';

export interface InstallServiceDeps {
  /** Where backups and manifests are kept: `<data directory>/installs`. */
  dir: string;
  agents: readonly AgentPlugin[];
  /** The hooks as they are to be written now (gate socket, transport, hold timeout, `whenCoreDown`). */
  hooks: () => InstalledHooks;
  audit: (kind: AuditKind, subject: string, data: unknown) => void;
  now: () => number;
}

/** What is kept per installed agent, beside its backup. */
interface Manifest {
  agent: string;
  file: string;
  /** null: there was no file before the first install (uninstall removes it again). */
  originalSha256: string | null;
  writtenSha256: string;
  whenCoreDown: 'ask' | 'deny';
  installedAt: string;
  /** Folders the first install made for the file (innermost first): removed again, when empty, with a file it made. */
  createdDirs?: string[];
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

function readOrNull(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ApiError('internal', `cannot read ${file}: ${(err as Error).message}`);
  }
}

/**
 * Writes `data` to `file` atomically: a temporary file beside it, flushed, then renamed over it. A symlinked settings
 * file (a dotfiles manager's) is written through: its target changes, the link stays. The mode of the file is kept.
 */
export function writeAtomic(file: string, data: string | Buffer): void {
  let target = file;
  try {
    target = fs.realpathSync(file);
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  }
  const mode = fs.statSync(target, { throwIfNoEntry: false })?.mode ?? 0o600;
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.gatehouse-${randomBytes(6).toString('hex')}`);
  const fd = fs.openSync(tmp, 'wx', mode & 0o777);
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/** The folders of `dir` and above it that do not exist yet, innermost first. */
function missingDirs(dir: string): string[] {
  const missing: string[] = [];
  for (let d = dir; !fs.existsSync(d) && path.dirname(d) !== d; d = path.dirname(d)) missing.push(d);
  return missing;
}

/** Removes the folders an install made, innermost first, as long as each is empty (never anything of the person's). */
function removeEmptyDirs(dirs: readonly string[]): void {
  for (const d of dirs) {
    try {
      fs.rmdirSync(d);
    } catch {
      return;
    }
  }
}

export class InstallService {
  private readonly deps: InstallServiceDeps;

  constructor(deps: InstallServiceDeps) {
    this.deps = deps;
  }

  private plugin(id: string): { plugin: AgentPlugin; installer: AgentInstaller } {
    const plugin = this.deps.agents.find((a) => a.id === id);
    if (!plugin?.installer) {
      const can = this.deps.agents.filter((a) => a.installer).map((a) => a.id);
      throw new ApiError('invalid_input', `Gatehouse cannot install into ${id}; it can into: ${can.join(', ')}`);
    }
    return { plugin, installer: plugin.installer };
  }

  private manifestPath(agent: string): string {
    return path.join(this.deps.dir, `${agent}.json`);
  }

  private backupPath(agent: string): string {
    return path.join(this.deps.dir, `${agent}.original`);
  }

  private manifest(agent: string): Manifest | null {
    const text = readOrNull(this.manifestPath(agent));
    if (!text) return null;
    try {
      return JSON.parse(text.toString('utf8')) as Manifest;
    } catch {
      return null;
    }
  }

  private edit(installer: AgentInstaller, before: string | null, file: string) {
    try {
      return installer.edit(before, { ...this.deps.hooks(), file });
    } catch (err) {
      if (err instanceof InstallError) throw new ApiError('invalid_input', err.message);
      throw err;
    }
  }

  /** What installing would change, said before anything is written. */
  plan(agent: string, env: InstallEnv): InstallPlan {
    const { plugin, installer } = this.plugin(agent);
    const file = installer.file(env);
    const before = readOrNull(file);
    const text = before?.toString('utf8') ?? null;
    const { changes } = this.edit(installer, text, file);
    changes.push(...this.companionChanges(installer, file));
    const kept = this.manifest(agent);
    return {
      agent,
      name: plugin.name,
      file,
      changes,
      alreadyInstalled: changes.length === 0,
      beforeSha256: before ? sha256(before) : null,
      backup: kept?.file === file ? `${this.backupPath(agent)} (kept from the first install)` : this.backupPath(agent),
    };
  }

  /** Installs what `plan` showed: refused when the file has changed since (`beforeSha256`). */
  async install(agent: string, env: InstallEnv, beforeSha256: string | null): Promise<InstallResult> {
    const { installer } = this.plugin(agent);
    const file = installer.file(env);
    const before = readOrNull(file);
    if ((before ? sha256(before) : null) !== beforeSha256)
      throw new ApiError(
        'conflict',
        `${file} changed since the changes were shown; look at them again before installing`,
      );
    const text = before?.toString('utf8') ?? null;
    const { after, changes } = this.edit(installer, text, file);
    changes.push(...this.companionChanges(installer, file));
    const backup = this.backupPath(agent);
    if (changes.length === 0) return { agent, file, changes: [], alreadyInstalled: true, afterWrite: [], backup };
    const kept = this.manifest(agent);
    fs.mkdirSync(this.deps.dir, { recursive: true, mode: 0o700 });
    // The first install's backup is the person's file; a later one (new settings, a reinstall) must not replace it.
    const firstInstall = !kept || kept.file !== file;
    if (firstInstall) {
      if (before) writeAtomic(backup, before);
      else fs.rmSync(backup, { force: true });
    }
    const createdDirs = firstInstall ? missingDirs(path.dirname(file)) : (kept?.createdDirs ?? []);
    writeAtomic(file, after);
    this.writeCompanion(installer, file);
    let written = after;
    let afterWrite: string[] = [];
    if (installer.afterWrite) {
      try {
        const step = await installer.afterWrite(file, after, env);
        afterWrite = step.notes;
        if (step.after !== null && step.after !== after) {
          writeAtomic(file, step.after);
          written = step.after;
        }
      } catch (err) {
        afterWrite = [`The step after writing failed: ${(err as Error).message}`];
      }
    }
    const manifest: Manifest = {
      agent,
      file,
      originalSha256: firstInstall ? (before ? sha256(before) : null) : (kept?.originalSha256 ?? null),
      writtenSha256: sha256(written),
      whenCoreDown: this.deps.hooks().whenCoreDown,
      installedAt: new Date(this.deps.now()).toISOString(),
      ...(createdDirs.length > 0 ? { createdDirs } : {}),
    };
    writeAtomic(this.manifestPath(agent), JSON.stringify(manifest, null, 2));
    this.deps.audit('agent.installed', agent, { ...manifest, backup: manifest.originalSha256 ? backup : null });
    return { agent, file, changes, alreadyInstalled: false, afterWrite, backup };
  }

  /** Restores the file byte for byte, or, when the person changed it since, takes out only Gatehouse's entries. */
  uninstall(agent: string, env: InstallEnv): UninstallResult {
    const { installer } = this.plugin(agent);
    const kept = this.manifest(agent);
    const file = kept?.file ?? installer.file(env);
    const now = readOrNull(file);
    const done = (outcome: UninstallResult['outcome'], message: string): UninstallResult => {
      this.removeCompanion(installer, file);
      if (outcome !== 'not-installed')
        this.deps.audit('agent.uninstalled', agent, { file, outcome, currentSha256: now ? sha256(now) : null });
      return { agent, file, outcome, message };
    };
    if (kept && now && sha256(now) === kept.writtenSha256) {
      if (kept.originalSha256 === null) {
        fs.rmSync(file, { force: true });
        removeEmptyDirs(kept.createdDirs ?? []);
        this.forget(agent);
        return done('removed-file', `removed ${file}: there was none before Gatehouse's install`);
      }
      const original = readOrNull(this.backupPath(agent));
      if (original && sha256(original) === kept.originalSha256) {
        writeAtomic(file, original);
        this.forget(agent);
        return done('restored', `restored ${file} byte for byte as it was before the install`);
      }
    }
    const text = now?.toString('utf8') ?? null;
    if (text === null || !installer.isInstalled(text)) {
      this.forget(agent);
      return done('not-installed', `Gatehouse's hooks are not in ${file}; nothing to undo`);
    }
    let edit;
    try {
      edit = installer.remove(text);
    } catch (err) {
      if (err instanceof InstallError) throw new ApiError('invalid_input', err.message);
      throw err;
    }
    // A file of Gatehouse's own with nothing of the person's left in it, where there was none: removed again.
    if (edit.after === '' && kept && kept.originalSha256 === null) {
      fs.rmSync(file, { force: true });
      removeEmptyDirs(kept.createdDirs ?? []);
      this.forget(agent);
      return done(
        'removed-file',
        `removed ${file}: it held only Gatehouse's entries, and there was none before the install`,
      );
    }
    writeAtomic(file, edit.after);
    const why = kept
      ? "it changed since the install (your edits), so only Gatehouse's hooks were taken out and your changes stay"
      : 'Gatehouse has no record of installing it, so only its hooks were taken out';
    // The backup is kept: the person may still want the file as it was.
    const backupNote = kept?.originalSha256
      ? ` The file as it was before the install is kept at ${this.backupPath(agent)}.`
      : '';
    if (kept) fs.rmSync(this.manifestPath(agent), { force: true });
    return done('entries-removed', `${file}: ${why}.${backupNote}`);
  }

  /** Every agent with an installer: installed or not, and whether its file still matches what was written. */
  status(env: InstallEnv): AgentInstallStatus[] {
    return this.deps.agents
      .filter((a) => a.installer)
      .map((a) => {
        const installer = a.installer as AgentInstaller;
        const kept = this.manifest(a.id);
        let file: string | null = null;
        try {
          file = kept?.file ?? installer.file(env);
          const now = readOrNull(file);
          const text = now?.toString('utf8') ?? null;
          return {
            agent: a.id,
            name: a.name,
            file,
            installed: text !== null && installer.isInstalled(text),
            matchesWritten: kept ? now !== null && sha256(now) === kept.writtenSha256 : null,
            installedAt: kept?.installedAt ?? null,
            whenCoreDown: kept?.whenCoreDown ?? null,
            problem: null,
          };
        } catch (err) {
          return {
            agent: a.id,
            name: a.name,
            file,
            installed: false,
            matchesWritten: null,
            installedAt: null,
            whenCoreDown: null,
            problem: (err as Error).message,
          };
        }
      });
  }

  /** The companion file's change, if it differs from what is there; refused over a file that is not Gatehouse's. */
  private companionChanges(installer: AgentInstaller, file: string): string[] {
    const c = installer.companion?.(file, { ...this.deps.hooks(), file });
    if (!c) return [];
    const now = readOrNull(c.path)?.toString('utf8') ?? null;
    if (now === c.text) return [];
    if (now !== null && !installer.isCompanion?.(now))
      throw new ApiError(
        'invalid_input',
        `${c.path} is already there and is not Gatehouse's: it was left as it is; move it, then install again`,
      );
    return [
      `${now === null ? 'writes' : 'updates'} Gatehouse's own ${c.path}, which the entries above run (removed again on uninstall)`,
    ];
  }

  private writeCompanion(installer: AgentInstaller, file: string): void {
    const c = installer.companion?.(file, { ...this.deps.hooks(), file });
    if (!c) return;
    writeAtomic(c.path, c.text);
    fs.chmodSync(c.path, 0o755);
  }

  private removeCompanion(installer: AgentInstaller, file: string): void {
    const c = installer.companion?.(file, { ...this.deps.hooks(), file });
    const now = c ? (readOrNull(c.path)?.toString('utf8') ?? null) : null;
    if (c && now !== null && installer.isCompanion?.(now)) fs.rmSync(c.path, { force: true });
  }

  private forget(agent: string): void {
    fs.rmSync(this.manifestPath(agent), { force: true });
    fs.rmSync(this.backupPath(agent), { force: true });
  }
}
