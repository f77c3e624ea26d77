// A redaction pattern saved in Settings applies at once, without a restart: to a recording already running (on the
// recording thread) and to the commands stored with requests (on the core's thread).
import { afterEach, expect, it } from 'vitest';
import type { RecordEventsInput } from '../../../shared/api.ts';
import { GATE_PATHS } from '../../../electron/core/gate/server.ts';
import { startTestCore, type TestCore } from '../../support/core.ts';
import { tempDir } from '../../support/temp.ts';
import { post } from '../../support/unix-http.ts';

let t: TestCore;
afterEach(async () => t?.stop());

const output = (data: string, atMs: number): RecordEventsInput['events'][number] => ({
  atMs,
  event: { kind: 'output', data },
});

it('redacts with a pattern saved mid-session, in the running recording and in stored commands', async () => {
  t = await startTestCore({
    home: tempDir('gh-home-'),
    policy: () => ({ decision: 'allow', reason: 'test' }),
    log: () => {},
  });
  const s = await t.client.api.startSession({
    agent: 'shell',
    argv: ['a'],
    cwd: '/w',
    pid: null,
    size: { cols: 80, rows: 24 },
  });
  const id = s.session.id;
  await t.client.api.recordEvents({ sessionId: id, seq: 1, events: [output('before: acme-7731\r\n', 1)] });

  await t.client.api.updateSettings({ redactionPatterns: ['acme-[0-9]{4}'] });
  await t.client.api.recordEvents({ sessionId: id, seq: 2, events: [output('after: acme-7732\r\n', 2)] });
  const asked = await post(
    s.gateSocket,
    GATE_PATHS.check,
    JSON.stringify({ command: 'deploy --key acme-7733', cwd: '/w' }),
    { authorization: `Bearer ${s.token}` },
  );
  expect(asked.status).toBe(200);
  await t.client.api.endSession({ sessionId: id, exitCode: 0 });

  const info = await t.client.api.getRecording(id);
  const page = await t.client.api.recordingEvents({ sessionId: id, fromMs: -1, toMs: info.durationMs + 1 });
  const text = page.events.map((e) => (e.event.kind === 'output' ? e.event.data : '')).join('');
  // From the change on, text is redacted with the pattern (text from before it that had not been stored yet, too).
  expect(text).toMatch(/^before: /);
  expect(text).toContain('after: [REDACTED:custom]');
  expect(text).not.toContain('acme-7732');
  const [request] = (await t.client.api.listHistory({ limit: 10 })).items;
  expect(request?.command).toBe('deploy --key [REDACTED:custom]');
});
