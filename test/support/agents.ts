/**
 * How to run the real agent binaries (from node_modules) offline against the
 * mock model servers, isolated from the real user's configuration.
 *
 * The returned `env` is COMPLETE: spawn with exactly it (do not merge
 * `process.env` in, or the real HOME / API keys / CODEX_HOME leak through).
 * Add variables to it if needed.
 *
 * Spawn with stdin ignored (`stdio: ['ignore', …]`) or closed: `codex exec`
 * reads a piped stdin to EOF and appends it to the prompt, so an open pipe
 * makes it wait forever; `claude -p` also reads a piped stdin.
 *
 * `args` never contain hook configuration. Gatehouse adds it:
 * - Claude: `--settings <file or inline JSON>` (anywhere in the argument list).
 *   Only the LAST `--settings` flag counts; it is merged with the user /
 *   project / managed settings files, not with an earlier `--settings`.
 * - Codex: `--dangerously-bypass-hook-trust -c hooks.PreToolUse=[…] …`, which
 *   works before the subcommand (`codex --dangerously-bypass-hook-trust -c … exec …`),
 *   after it, or after the prompt.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AgentInvocation {
  /** Absolute path of the agent binary (node_modules/.bin/…). */
  command: string;
  /** The agent's own arguments (no hook configuration). */
  args: string[];
  /** Complete environment for the agent process. */
  env: Record<string, string>;
}

/** Root of the repository (this file is test/support/agents.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN_DIR = join(REPO_ROOT, 'node_modules', '.bin');
export const CLAUDE_BIN = join(BIN_DIR, 'claude');
export const CODEX_BIN = join(BIN_DIR, 'codex');
export const GEMINI_BIN = join(BIN_DIR, 'gemini');
export const COPILOT_BIN = join(BIN_DIR, 'copilot');
export const OPENCODE_BIN = join(BIN_DIR, 'opencode');
export const AMP_BIN = join(BIN_DIR, 'amp');

/**
 * Amp cannot run a thread offline (it needs ampcode.com, and a login); `amp permissions test <tool> --<arg> <value>`
 * evaluates its permission rules locally and runs a `delegate` program for real, which is as far as it goes here.
 * `AMP_URL` points at a closed loopback port, so nothing leaves the machine; no key is given.
 */
export function ampInvocation(o: { home: string; tool: string; args: Record<string, string> }): AgentInvocation {
  return {
    command: AMP_BIN,
    args: ['permissions', 'test', o.tool, ...Object.entries(o.args).flatMap(([k, v]) => [`--${k}`, v])],
    env: { ...baseEnv(o.home), XDG_CONFIG_HOME: join(o.home, '.config'), AMP_URL: 'http://127.0.0.1:9' },
  };
}

/** PATH with node_modules/.bin first, so `node` is the Node 22 from the `node` package. */
function testPath(): string {
  return [BIN_DIR, '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'].join(':');
}

function baseEnv(home: string): Record<string, string> {
  const tmp = join(home, 'tmp');
  mkdirSync(tmp, { recursive: true });
  return {
    PATH: testPath(),
    HOME: home,
    // Both agents put per-session scratch state under $TMPDIR (Claude:
    // $TMPDIR/claude-<uid>/… and $TMPDIR/cc-socks/<pid>.sock). Keeping it in
    // `home` isolates runs and lets Codex create its helper links (it refuses
    // to when CODEX_HOME is inside the temp dir).
    TMPDIR: tmp,
    LANG: 'C.UTF-8',
    NO_COLOR: '1',
  };
}

/**
 * Claude Code in print mode (`claude -p`) against the mock Messages API.
 * State goes to `<home>/.claude` (CLAUDE_CONFIG_DIR: .claude.json, projects/
 * transcripts, debug/, backups/, plugins/) and `<home>/tmp`.
 * Output is a single JSON object (`--output-format json`) with `result`,
 * `is_error` and `permission_denials`.
 */
export function claudeInvocation(o: { mockUrl: string; home: string; prompt: string }): AgentInvocation {
  const configDir = join(o.home, '.claude');
  mkdirSync(configDir, { recursive: true });
  return {
    command: CLAUDE_BIN,
    args: ['-p', o.prompt, '--output-format', 'json'],
    env: {
      ...baseEnv(o.home),
      CLAUDE_CONFIG_DIR: configDir,
      ANTHROPIC_BASE_URL: o.mockUrl,
      ANTHROPIC_API_KEY: 'gatehouse-test-key',
      DISABLE_AUTOUPDATER: '1',
      DISABLE_TELEMETRY: '1',
      DISABLE_ERROR_REPORTING: '1',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    },
  };
}

/**
 * Codex `exec` against the mock Responses API, through a custom
 * `model_providers` entry (no login and no API key needed: the entry has no
 * `env_key` and does not require OpenAI auth).
 * State goes to `<home>/.codex` (CODEX_HOME: sessions/ rollouts, *.sqlite,
 * config.toml, installation_id) and `<home>/tmp`.
 *
 * `model` defaults to `gpt-5.5`, which gets the shell as a top-level
 * `exec_command` function tool. Codex's own default model (`gpt-6.1-sol` in
 * 0.169) uses "code mode" instead (a JavaScript `exec` tool calling
 * `tools.exec_command`); pass `model: null` to keep Codex's default. The mock
 * handles both, and PreToolUse fires for both.
 *
 * The sandbox is `workspace-write` (works in this container): the command
 * may write inside `cwd` and $TMPDIR, but not elsewhere.
 * Output is JSONL events (`--json`).
 */
export function codexInvocation(o: {
  mockUrl: string;
  home: string;
  cwd: string;
  prompt: string;
  model?: string | null;
}): AgentInvocation {
  const codexHome = join(o.home, '.codex');
  mkdirSync(codexHome, { recursive: true });
  const model = o.model === undefined ? 'gpt-5.5' : o.model;
  const provider = `model_providers.gatehouse_mock={name="Gatehouse mock",base_url=${JSON.stringify(`${o.mockUrl}/v1`)},wire_api="responses"}`;
  return {
    command: CODEX_BIN,
    args: [
      'exec',
      '--skip-git-repo-check',
      '--json',
      '-C',
      o.cwd,
      '-s',
      'workspace-write',
      '-c',
      'model_provider="gatehouse_mock"',
      '-c',
      provider,
      '-c',
      'analytics.enabled=false',
      '-c',
      'check_for_update_on_startup=false',
      ...(model === null ? [] : ['-m', model]),
      o.prompt,
    ],
    env: {
      ...baseEnv(o.home),
      CODEX_HOME: codexHome,
    },
  };
}

/**
 * Gemini CLI in headless mode (`gemini -p`) against the mock Gemini API (`GOOGLE_GEMINI_BASE_URL`, a dummy
 * `GEMINI_API_KEY`; the user settings select API-key auth, which `-p` needs). State goes to `<home>/.gemini`
 * (settings.json, tmp/ chats, history/, installation_id) and `<home>/tmp`.
 *
 * `-m gemini-2.5-pro` names the model, so Gemini skips its routing classifier (a side call that wants JSON);
 * `--skip-trust` because `-p` refuses to start in a folder it does not trust (trust is on by default in 0.61);
 * `--yolo` so its own approval does not refuse the command in headless mode once Gatehouse allows it.
 * Its shell tool refuses `$(…)` and backticks itself, so a test's command avoids them.
 * Output is one JSON object (`--output-format json`).
 */
export function geminiInvocation(o: { mockUrl: string; home: string; prompt: string }): AgentInvocation {
  const dir = join(o.home, '.gemini');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ security: { auth: { selectedType: 'gemini-api-key' } } }));
  return {
    command: GEMINI_BIN,
    args: ['-p', o.prompt, '-m', 'gemini-2.5-pro', '--skip-trust', '--yolo', '--output-format', 'json'],
    env: {
      ...baseEnv(o.home),
      GEMINI_API_KEY: 'gatehouse-test-key',
      GOOGLE_GEMINI_BASE_URL: o.mockUrl,
    },
  };
}

/**
 * GitHub Copilot CLI in prompt mode (`copilot -p`) fully offline (`COPILOT_OFFLINE=true`: no GitHub login, telemetry
 * or auto-update) against the mock Messages API as a BYOK provider (`COPILOT_PROVIDER_TYPE=anthropic`, its base URL
 * and a dummy key). Its shell tool is `bash`: start the mock with `shellTool: 'bash'`. State goes to `<home>/.copilot`
 * (COPILOT_HOME: session-state/, logs/) and the XDG folders under `home`.
 * `--allow-all-tools` because `-p` cannot ask, so Copilot's own permission check would refuse the command once
 * Gatehouse allows it.
 */
export function copilotInvocation(o: { mockUrl: string; home: string; prompt: string }): AgentInvocation {
  const copilotHome = join(o.home, '.copilot');
  mkdirSync(copilotHome, { recursive: true });
  return {
    command: COPILOT_BIN,
    args: ['-p', o.prompt, '--allow-all-tools', '--no-auto-update'],
    env: {
      ...baseEnv(o.home),
      COPILOT_HOME: copilotHome,
      XDG_CONFIG_HOME: join(o.home, '.config'),
      XDG_STATE_HOME: join(o.home, '.state'),
      XDG_CACHE_HOME: join(o.home, '.cache'),
      COPILOT_OFFLINE: 'true',
      COPILOT_AUTO_UPDATE: 'false',
      COPILOT_PROVIDER_TYPE: 'anthropic',
      COPILOT_PROVIDER_BASE_URL: o.mockUrl,
      COPILOT_PROVIDER_API_KEY: 'gatehouse-test-key',
      COPILOT_MODEL: 'claude-mock',
    },
  };
}

/** The model id OpenCode is told to use: a provider of our own, on the bundled `@ai-sdk/anthropic`. */
export const OPENCODE_MOCK_MODEL = 'gatehouse-mock/mock';

/**
 * OpenCode `run` against the mock Messages API, through a provider of its own in the user's config
 * (`$XDG_CONFIG_HOME/opencode/opencode.json`): `@ai-sdk/anthropic` (bundled in the binary, nothing installed), its
 * `baseURL` at the mock, a dummy key. models.dev, updates, default plugins (which npm-install) and LSP downloads are
 * switched off by their variables, so nothing leaves loopback. State goes to `<home>/.local/share/opencode`.
 * Output is JSON events (`--format json`). Its shell tool is `bash` (`{ command, description }`).
 */
export function opencodeInvocation(o: { mockUrl: string; home: string; prompt: string }): AgentInvocation {
  const config = join(o.home, '.config');
  mkdirSync(join(config, 'opencode'), { recursive: true });
  writeFileSync(
    join(config, 'opencode', 'opencode.json'),
    JSON.stringify({
      $schema: 'https://opencode.ai/config.json',
      autoupdate: false,
      share: 'disabled',
      model: OPENCODE_MOCK_MODEL,
      provider: {
        'gatehouse-mock': {
          npm: '@ai-sdk/anthropic',
          name: 'Gatehouse mock',
          options: { baseURL: `${o.mockUrl}/v1`, apiKey: 'gatehouse-test-key' },
          models: { mock: { name: 'Mock', tool_call: true } },
        },
      },
    }),
  );
  return {
    command: OPENCODE_BIN,
    args: ['run', '--format', 'json', '--model', OPENCODE_MOCK_MODEL, o.prompt],
    env: {
      ...baseEnv(o.home),
      XDG_CONFIG_HOME: config,
      XDG_DATA_HOME: join(o.home, '.local', 'share'),
      XDG_CACHE_HOME: join(o.home, '.cache'),
      XDG_STATE_HOME: join(o.home, '.local', 'state'),
      OPENCODE_DISABLE_MODELS_FETCH: '1',
      OPENCODE_DISABLE_AUTOUPDATE: '1',
      OPENCODE_DISABLE_DEFAULT_PLUGINS: '1',
      OPENCODE_DISABLE_LSP_DOWNLOAD: '1',
      OPENCODE_DISABLE_SHARE: '1',
      OPENCODE_DISABLE_CLAUDE_CODE: '1',
    },
  };
}
