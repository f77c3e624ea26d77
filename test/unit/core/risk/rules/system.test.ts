// The machine's own setup: tools that dump saved passwords or a process's memory, macOS systemsetup, system logs.
// Scored through the whole engine, never run.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RiskEngine } from '../../../../../electron/core/risk/engine.ts';
import { createRiskEngine } from '../../../../../electron/core/risk/index.ts';
import { PROJECT, testContextOptions } from '../../../../support/risk.ts';

let engine: RiskEngine;
beforeAll(async () => {
  engine = await createRiskEngine(testContextOptions());
});
const level = (cmd: string) => engine.assess(cmd, PROJECT).level;

describe('the machine itself', () => {
  it.each([
    ['mimikatz.exe privilege::debug sekurlsa::logonpasswords exit', 'high'],
    ['procdump -ma lsass.exe lsass.dmp', 'high'],
    ['cmdkey /list', 'high'],
    ['secretsdump.py -sam sam -system system LOCAL', 'high'],
    ['systemsetup -setremotelogin on', 'high'],
    ['systemsetup -settimezone UTC', 'medium'],
    ['journalctl --vacuum-size=1M', 'high'],
    ['journalctl -u nginx --since today', 'low'],
    // A pager man runs is a command.
    ["man -P 'rm -rf ~' ls", 'critical'],
    ['man -P cat ls', 'low'],
    // Backups and event logs deleted for good.
    ['restic forget --keep-last 1 --prune', 'high'],
    ['borg delete ::archive-1', 'high'],
    ['velero backup delete --all --confirm', 'high'],
    ['kafka-topics --bootstrap-server k:9092 --delete --topic payments', 'high'],
    ['velero backup get', 'medium'],
  ])('%s is %s', (cmd, want) => expect(level(cmd)).toBe(want));
});
