// Adding an agent is a folder and one line in the registry: the gate and doctor know agents only through their
// plug-ins. Here a made-up agent, defined in this file and registered nowhere else, has its hook payload routed by the
// gate (its words in, its words out) and is listed by doctor, with no other file of the core touched.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Session } from '../../../../shared/domain.ts';
import type { AgentPlugin } from '../../../../electron/core/agents/plugin.ts';
import { AGENTS, agentPlugin } from '../../../../electron/core/agents/registry.ts';
import type { Broker, Submission, Verdict } from '../../../../electron/core/broker/broker.ts';
import type { CliContext } from '../../../../electron/core/cli/context.ts';
import { EventBus } from '../../../../electron/core/events/bus.ts';
import { diagnose, reportLines } from '../../../../electron/core/cli/doctor.ts';
import { jsonAnswer, parseHookPayload } from '../../../../electron/core/gate/protocols.ts';
import { GateServer, hashToken } from '../../../../electron/core/gate/server.ts';
import type { SessionRepository } from '../../../../electron/core/store/sessions.ts';
import { CLAUDE_PATHS } from '../../../../electron/core/agents/claude/protocol.ts';
import { tempDir } from '../../../support/temp.ts';
import { post } from '../../../support/unix-http.ts';

/** The made-up agent's hook sends `{event: "before_tool", tool, args, dir}` and reads `{verdict, why}` back. */
const BeforeTool = z.object({ event: z.literal('before_tool'), tool: z.string(), args: z.string(), dir: z.string() });
const FAKE_PATH = '/v1/gate/fake/before-tool';

const fakeAgent: AgentPlugin<'fake'> = {
  id: 'fake',
  name: 'Fake Agent',
  program: {
    name: 'fake-agent',
    failMode: async (probe) => ({
      failsClosed: true,
      detail: `its hook blocks when the gate is away (${probe.version})`,
    }),
  },
  gatedBy: 'hooks',
  hooks: [
    {
      path: FAKE_PATH,
      handle: async (call) => {
        const p = parseHookPayload(BeforeTool, call.body);
        if (p.tool !== 'run') return jsonAnswer({ verdict: 'go' });
        const v = await call.decide({ kind: 'pre-tool-use', tool: p.tool, command: p.args, cwd: p.dir });
        return jsonAnswer({ verdict: v.decision === 'allow' ? 'go' : 'stop', why: v.reason });
      },
    },
  ],
  checkLaunch: async (_exe, _args, site) =>
    site.env.FAKE_HOOKS === 'off'
      ? [
          {
            agent: 'fake',
            layer: 'environment',
            file: 'the environment',
            key: 'FAKE_HOOKS=off',
            effect: 'no hook runs',
            fix: 'Unset FAKE_HOOKS',
          },
        ]
      : [],
  wire: async (launch) => ({ argv: [...launch.command], env: {}, hookFiles: [], hooksFailClosed: true }),
  protections: () => ({
    hooks: { layer: 'hooks', state: 'on', detail: 'every tool call waits for Gatehouse' },
    fileTools: { layer: 'file-tools', state: 'off', detail: 'not seen' },
    shells: null,
  }),
};

const FAKE_TOKEN = 'fake-session-token-000000000';
const CLAUDE_TOKEN = 'claude-session-token-0000000';
const session = (id: string, agent: string): Session =>
  // shared/ lists the ids of real agents (AgentSchema); this one exists only in this test.
  ({
    id,
    agent: agent as Session['agent'],
    argv: [agent],
    cwd: '/w',
    pid: null,
    startedAt: '',
    endedAt: null,
    exitCode: null,
  });

const servers: GateServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** A gate serving the made-up agent and Claude Code, over a broker that denies anything with `rm` in it. */
async function gate(): Promise<{ socket: string; submitted: Submission[] }> {
  const submitted: Submission[] = [];
  const broker = {
    submit: async (s: Submission): Promise<Verdict> => {
      submitted.push(s);
      return s.command.includes('rm')
        ? { requestId: 'r1', decision: 'deny', reason: 'no deleting', decidedBy: 'rule:r' }
        : { requestId: 'r1', decision: 'allow', reason: 'fine', decidedBy: 'rule:r' };
    },
  } as unknown as Broker;
  const tokens = new Map([
    [hashToken(FAKE_TOKEN), session('s-fake', 'fake')],
    [hashToken(CLAUDE_TOKEN), session('s-claude', 'claude')],
  ]);
  const sessions = {
    findByTokenHash: (hash: string) => tokens.get(hash) ?? null,
    recordEvent: () => {},
  } as unknown as SessionRepository;
  const server = new GateServer({
    broker,
    sessions,
    events: new EventBus(),
    judgeFileChange: () => null,
    agents: [fakeAgent, agentPlugin('claude')],
  });
  servers.push(server);
  const socket = path.join(tempDir('gh-gate-'), 'gate.sock');
  await server.listen(socket);
  return { socket, submitted };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const payload = (tool: string, args: string) => JSON.stringify({ event: 'before_tool', tool, args, dir: '/w/p' });

describe('an agent added as a plug-in, at the gate', () => {
  it('is not in the registry: everything below comes from the plug-in object alone', () => {
    expect(AGENTS.map((a) => a.id)).not.toContain('fake');
  });

  it('routes its hook payload to a decision as its session, and answers in its own words', async () => {
    const { socket, submitted } = await gate();
    const allowed = await post(socket, FAKE_PATH, payload('run', 'make test'), bearer(FAKE_TOKEN));
    expect(allowed).toEqual({ status: 200, body: JSON.stringify({ verdict: 'go', why: 'fine' }) });
    const denied = await post(socket, FAKE_PATH, payload('run', 'rm -r build'), bearer(FAKE_TOKEN));
    expect(JSON.parse(denied.body)).toEqual({ verdict: 'stop', why: 'no deleting' });
    expect(submitted.map((s) => [s.sessionId, s.agent, s.kind, s.tool, s.command, s.cwd])).toEqual([
      ['s-fake', 'fake', 'pre-tool-use', 'run', 'make test', '/w/p'],
      ['s-fake', 'fake', 'pre-tool-use', 'run', 'rm -r build', '/w/p'],
    ]);
    expect(submitted[0]?.payload).toEqual(JSON.parse(payload('run', 'make test')));
  });

  it('lets what its hook does not gate go on without a request', async () => {
    const { socket, submitted } = await gate();
    expect(JSON.parse((await post(socket, FAKE_PATH, payload('read', 'README.md'), bearer(FAKE_TOKEN))).body)).toEqual({
      verdict: 'go',
    });
    expect(submitted).toEqual([]);
  });

  it('blocks a payload it cannot read, and keeps each agent to its own endpoints', async () => {
    const { socket, submitted } = await gate();
    const unreadable = await post(
      socket,
      FAKE_PATH,
      JSON.stringify({ event: 'before_tool', tool: 'run' }),
      bearer(FAKE_TOKEN),
    );
    expect(unreadable.status).toBe(422);
    expect(JSON.parse(unreadable.body).error).toMatch(/^invalid hook payload: args: /);
    expect((await post(socket, FAKE_PATH, payload('run', 'ls'), bearer(CLAUDE_TOKEN))).status).toBe(403);
    const claudePayload = JSON.stringify({
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command: 'ls' },
      cwd: '/w',
    });
    expect((await post(socket, CLAUDE_PATHS.preToolUse, claudePayload, bearer(FAKE_TOKEN))).status).toBe(403);
    expect(submitted).toEqual([]);
  });

  it('refuses a plug-in whose endpoint is outside /v1/gate/<its id>/, where it could answer for another agent', () => {
    const intruder: AgentPlugin<'fake'> = {
      ...fakeAgent,
      hooks: [{ path: CLAUDE_PATHS.preToolUse, handle: fakeAgent.hooks[0]!.handle }],
    };
    const deps = {
      broker: {} as Broker,
      sessions: {} as SessionRepository,
      events: new EventBus(),
      judgeFileChange: () => null,
    };
    expect(() => new GateServer({ ...deps, agents: [intruder] })).toThrow(/not under \/v1\/gate\/fake\//);
  });
});

describe('an agent added as a plug-in, in doctor', () => {
  function context(env: NodeJS.ProcessEnv = {}): CliContext {
    const home = tempDir('gh-doctor-');
    const bin = path.join(home, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'fake-agent'), "#!/bin/sh\necho 'fake-agent 1.2.3'\n", { mode: 0o755 });
    return {
      env: {
        PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
        HOME: home,
        GATEHOUSE_HOME: path.join(home, 'gatehouse'),
        ...env,
      },
      cwd: home,
      out: () => {},
      err: () => {},
      stdin: Readable.from([]),
      hookClientPath: '/x/hook-client.mjs',
      rendererDir: '',
    };
  }

  it('is found on PATH by its program, with its version and its own fail-closed facts', async () => {
    const ctx = context();
    const report = await diagnose(ctx, ctx.cwd, [fakeAgent]);
    const file = path.join(ctx.cwd, 'bin', 'fake-agent');
    expect(report.agents).toEqual([
      {
        agent: 'fake',
        path: file,
        version: 'fake-agent 1.2.3',
        failsClosed: true,
        detail: 'its hook blocks when the gate is away (fake-agent 1.2.3)',
        settings: [],
      },
    ]);
    const lines = reportLines(report);
    expect(lines).toContain(`ok    fake            fake-agent 1.2.3 at ${file}`);
    expect(lines).toContain(
      '                      fails closed: its hook blocks when the gate is away (fake-agent 1.2.3)',
    );
    expect(lines).toContain(
      `ok    fake settings   nothing in its settings for ${ctx.cwd} switches Gatehouse's hooks off`,
    );
  });

  it('says what its launch checks found', async () => {
    const ctx = context({ FAKE_HOOKS: 'off' });
    const report = await diagnose(ctx, ctx.cwd, [fakeAgent]);
    expect(report.ok).toBe(false);
    expect(reportLines(report)).toContain(
      `FAIL  fake settings   the environment (environment) sets FAKE_HOOKS=off: no hook runs. Unset FAKE_HOOKS (\`gatehouse run\` refuses to start fake in ${ctx.cwd})`,
    );
  });

  it('leaves out an agent with no program of its own', async () => {
    const ctx = context();
    expect((await diagnose(ctx, ctx.cwd, [agentPlugin('shell')])).agents).toEqual([]);
  });
});
