// Undo through a real core: an approved `rm -rf src` (Claude Code's PreToolUse and PostToolUse as its hooks post them)
// is snapshotted before the allow is answered, what it changed arrives as `request.changes` and a replay marker, the
// preview and the undo go over the control API, and the undo is in the audit chain. A read-only command takes no
// snapshot. The "command" is carried out by the test itself, on files in its temporary directory.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GATE_PATHS } from '../support/gate-paths.ts';
import { hashTree, makeRepo } from '../support/git-repo.ts';
import { MemoryRecordings } from '../support/recorder.ts';
import { startTestCore, type TestCore } from '../support/core.ts';
import { tempDir } from '../support/temp.ts';
import { post } from '../support/unix-http.ts';

let t: TestCore;
afterEach(async () => t?.stop());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const hook = (event: 'PreToolUse' | 'PostToolUse', command: string, id: string, cwd: string) =>
  JSON.stringify({
    hook_event_name: event,
    tool_name: 'Bash',
    tool_input: { command, description: 'run it' },
    ...(event === 'PostToolUse' ? { tool_response: { stdout: '', stderr: '', interrupted: false } } : {}),
    tool_use_id: id,
    cwd,
  });

describe('undo through a real core', () => {
  it('snapshots before the allow is answered, records what changed, and undoes it byte for byte, audited', async () => {
    const recordings = new MemoryRecordings();
    t = await startTestCore({ recordings });
    const project = makeRepo(
      tempDir('gh-undo-project-'),
      { 'src/a.ts': 'a\n', 'src/lib/b.ts': 'b\n', 'README.md': 'r\n' },
      { 'src/untracked.ts': 'u\n' },
    );
    const before = hashTree(project);
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: project, pid: null });
    const held = t.next('request.held');
    const answer = post(
      s.gateSocket,
      GATE_PATHS.claudePreToolUse,
      hook('PreToolUse', 'rm -rf src', 'toolu_1', project),
      bearer(s.token),
    );
    const { request } = await held;
    await t.client.api.decide({ id: request.id, decision: 'allow' });
    expect(JSON.parse((await answer).body).hookSpecificOutput.permissionDecision).toBe('allow');
    // Taken before the agent heard the allow.
    const snapshot = await t.client.api.getSnapshot(request.id);
    expect(snapshot).toMatchObject({ requestId: request.id, root: fs.realpathSync(project), changes: null });

    fs.rmSync(path.join(project, 'src'), { recursive: true });
    const changed = t.next('request.changes');
    await post(
      s.gateSocket,
      GATE_PATHS.claudePostToolUse,
      hook('PostToolUse', 'rm -rf src', 'toolu_1', project),
      bearer(s.token),
    );
    expect((await changed).snapshot.changes?.summary).toBe('deleted 3 files in src/');
    await expect.poll(() => recordings.timeline.map((m) => m.label)).toContain(`${request.id} deleted 3 files in src/`);

    const preview = await t.client.api.previewUndo(request.id);
    expect(preview.restore.sort()).toEqual(['src/a.ts', 'src/lib/b.ts', 'src/untracked.ts']);
    const result = await t.client.api.undoRequest({ id: request.id, via: 'cli' });
    expect(hashTree(project)).toEqual(before);
    expect(result.restored).toBe(3);
    const audit = await t.client.api.listAudit({});
    expect(audit.find((e) => e.kind === 'undo')).toMatchObject({
      actor: 'human:cli',
      subject: request.id,
      data: { undoId: result.undoId },
    });
    expect((await t.client.api.getSnapshot(request.id))?.undoneBy).toBe(result.undoId);
  });

  it('a read-only command takes no snapshot', async () => {
    t = await startTestCore();
    const project = makeRepo(tempDir('gh-undo-project-'), { 'README.md': 'r\n' });
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: project, pid: null });
    const held = t.next('request.held');
    const answer = post(
      s.gateSocket,
      GATE_PATHS.claudePreToolUse,
      hook('PreToolUse', 'cat README.md', 'toolu_2', project),
      bearer(s.token),
    );
    const { request } = await held;
    await t.client.api.decide({ id: request.id, decision: 'allow' });
    await answer;
    expect(await t.client.api.getSnapshot(request.id)).toBeNull();
    expect(await t.client.api.listSnapshots()).toEqual([]);
  });
});
