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
    expect(overrides).toHaveLength(2);
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
});
