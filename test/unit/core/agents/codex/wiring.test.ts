// Wiring Codex: its hooks as `-c` overrides, for this run only.
import { describe, expect, it } from 'vitest';
import { CODEX_PATHS } from '../../../../../electron/core/agents/codex/protocol.ts';
import { codexArgs } from '../../../../../electron/core/agents/codex/wiring.ts';

const curl = { kind: 'curl', curlPath: '/usr/bin/curl' } as const;

describe('Codex wiring', () => {
  it('passes PreToolUse and PermissionRequest hooks as -c overrides with a TOML-escaped command', () => {
    const args = codexArgs({ transport: curl, holdTimeoutMs: 600_000 });
    expect(args[0]).toBe('--dangerously-bypass-hook-trust');
    const overrides = args.filter((_, i) => args[i - 1] === '-c');
    expect(overrides).toHaveLength(4);
    expect(overrides[0]).toMatch(
      /^hooks\.PreToolUse=\[\{matcher="Bash", hooks=\[\{type="command", command=".*", timeout=660\}\]\}\]$/,
    );
    // apply_patch goes through the same hook (the gate holds it only on a protected path).
    expect(overrides[0]).toMatch(
      /\}\]\}, \{matcher="apply_patch", hooks=\[\{type="command", command=".*", timeout=660\}\]\}\]$/,
    );
    expect(overrides[1]).toMatch(
      /^hooks\.PermissionRequest=\[\{matcher="Bash", hooks=\[\{type="command", command="[^"\\]*(\\.[^"\\]*)*", timeout=660\}\]\}\]$/,
    );
    // The embedded command survives TOML (JSON-compatible) escaping intact.
    const command = JSON.parse(/command=(".*?[^\\]")/.exec(overrides[0] ?? '')?.[1] ?? '""') as string;
    expect(command).toContain(`--unix-socket "$GATEHOUSE_SOCKET"`);
    expect(command).toContain(CODEX_PATHS.preToolUse);
  });

  it('reports what ran (PostToolUse, for the same tools) and the end of a turn (Stop), never blocking either', () => {
    const args = codexArgs({ transport: curl, holdTimeoutMs: 600_000 });
    const overrides = args.filter((_, i) => args[i - 1] === '-c');
    const post = overrides.find((o) => o.startsWith('hooks.PostToolUse='));
    expect(post).toMatch(
      /^hooks\.PostToolUse=\[\{matcher="Bash", .*\}, \{matcher="apply_patch", .*timeout=10\}\]\}\]$/,
    );
    expect(post).toContain(CODEX_PATHS.postToolUse);
    const stop = overrides.find((o) => o.startsWith('hooks.Stop='));
    expect(stop).toMatch(/^hooks\.Stop=\[\{hooks=\[\{type="command", command=".*", timeout=10\}\]\}\]$/);
    expect(stop).toContain(CODEX_PATHS.stop);
    // Observers: curl's failure is swallowed (exit 0), so a gate that is down never stops the agent.
    for (const o of [post, stop]) expect(o).toContain('exit 0');
    expect(post).not.toContain('exit 2');
  });
});
