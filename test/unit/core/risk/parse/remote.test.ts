// Commands run somewhere else: what ssh, docker/podman exec and kubectl exec run is read with `remote` set, and the
// wrapper stays a segment of its own for the rules to judge.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedCommand } from '../../../../../electron/core/risk/model.ts';
import type { ShellParse } from '../../../../../electron/core/risk/parse/index.ts';
import { lines, only, shellParser } from '../../../../support/shell-parse.ts';

let parse: ShellParse;
beforeAll(async () => {
  parse = await shellParser();
});

const read = (cmd: string): ParsedCommand => parse(cmd);

describe('commands run elsewhere', () => {
  it('reads the command of ssh on the remote host and keeps the ssh segment', () => {
    const p = read("ssh prod 'rm -rf /var'");
    expect(lines(p)).toEqual(['ssh prod rm -rf /var', 'rm -rf /var']);
    expect(p.segments[1]?.remote).toBe('ssh prod');
    expect(p.segments[1]?.via).toEqual(['ssh prod']);
  });

  it('skips ssh options and their values, and sees a root login', () => {
    const p = read('ssh -i key -p 22 -o StrictHostKeyChecking=no root@db "psql -c \'DROP TABLE x\'"');
    const psql = only(p, 'psql');
    expect(psql.remote).toBe('ssh root@db');
    expect(psql.privileged).toBe(true);
    expect(psql.argv[2]?.text).toBe('DROP TABLE x');
  });

  it('reads what ssh runs from a here-doc', () => {
    expect(only(read('ssh web <<EOF\nsudo systemctl stop nginx\nEOF'), 'systemctl').remote).toBe('ssh web');
  });

  it('reads docker and podman exec, and docker compose exec', () => {
    for (const [cmd, where] of [
      ['docker exec -it -u root web rm -rf /data', 'docker exec web'],
      ['podman exec web rm -rf /data', 'podman exec web'],
      ['docker container exec web rm -rf /data', 'docker exec web'],
      ['docker compose -f prod.yml exec web rm -rf /data', 'docker compose exec web'],
    ] as const) {
      const p = read(cmd);
      expect(p.segments[0]?.argv[0]?.text).toBe(cmd.split(' ')[0]);
      expect(only(p, 'rm').remote).toBe(where);
    }
    expect(only(read('docker exec -u root web rm -rf /data'), 'rm').privileged).toBe(true);
  });

  it('reads kubectl exec after `--`, with namespace and context in the label', () => {
    const p = read("kubectl --context prod exec -it -n api pod-1 -c app -- sh -c 'rm -rf /data'");
    const rm = only(p, 'rm');
    expect(rm.remote).toBe('kubectl exec pod-1 -n api --context prod');
    expect(rm.via).toEqual(['kubectl exec pod-1 -n api --context prod', 'sh -c']);
    expect(p.segments[0]?.argv[0]?.text).toBe('kubectl');
  });

  it('hands a here-doc or here-string given to docker or kubectl exec to the command inside', () => {
    expect(only(read('kubectl exec -i api -- bash <<EOF\nrm -rf /data\nEOF'), 'rm').via).toEqual([
      'kubectl exec api',
      'bash <<EOF',
    ]);
    expect(only(read("docker exec -i web sh <<'EOF'\nrm -rf /data\nEOF"), 'rm').remote).toBe('docker exec web');
    expect(only(read("docker exec web psql <<< 'DROP TABLE users'"), 'psql').stdin).toBe('DROP TABLE users');
  });

  it('leaves docker run and kubectl get as they are', () => {
    expect(lines(read('docker run --rm alpine rm -rf /'))).toEqual(['docker run --rm alpine rm -rf /']);
    expect(lines(read('kubectl get pods -n prod'))).toEqual(['kubectl get pods -n prod']);
  });
});
