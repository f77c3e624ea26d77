// A held request in a notification (the shell's and the browser's): the agent, the command and the risk.
import { describe, expect, it } from 'vitest';
import { heldNotificationText } from '../../../shared/notification-text.ts';
import { heldRequest } from '../../support/requests.ts';

describe('notification text', () => {
  it('names the agent, the command and the risk in a notification', () => {
    const r = heldRequest({ command: 'rm -rf build' });
    expect(heldNotificationText(r)).toEqual({
      title: 'Claude Code wants to run `rm -rf build`',
      body: 'Not scored · in /home/dev/project',
    });
    const scored = {
      ...r,
      risk: {
        score: 80,
        level: 'high' as const,
        categories: ['file-deletion'],
        reasons: ['deletes 1,204 files inside the project'],
      },
    };
    expect(heldNotificationText(scored).body).toBe('HIGH: deletes 1,204 files inside the project');
  });
});
