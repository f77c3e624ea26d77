// The control API's rule, trust and audit calls: take the parsed input, call the rules services, return typed results.
import { ApiError, type ControlApi } from '../../../shared/api.ts';
import type { GateRequest } from '../../../shared/domain.ts';
import type { RuleScope, Suggestion } from '../../../shared/rules.ts';
import type { Broker } from '../broker/broker.ts';
import { backtest, dangerCovered } from '../rules/backtest.ts';
import { exportRules } from '../rules/export.ts';
import { claudeFiles, codexFiles, planImport } from '../rules/interop.ts';
import { suggestRules } from '../rules/learn.ts';
import type { GatePolicy } from '../rules/policy.ts';
import { placeAt } from '../rules/ruleset.ts';
import { projectOf, type RuleDraft, type RuleService } from '../rules/service.ts';
import type { TrustMode } from '../rules/trust.ts';
import type { AuditRepository } from '../store/audit.ts';
import type { RequestRepository } from '../store/requests.ts';

export interface RulesServices {
  broker: Broker;
  rules: RuleService;
  policy: GatePolicy;
  trust: TrustMode;
  audit: AuditRepository;
  requests: RequestRepository;
  /** The user's home directory, where the agents keep their settings. */
  userHome: string;
  now: () => number;
}

export type RulesApi = Pick<
  ControlApi,
  | 'listRules'
  | 'addRule'
  | 'updateRule'
  | 'removeRule'
  | 'explain'
  | 'backtestRule'
  | 'suggestRules'
  | 'importRules'
  | 'exportRules'
  | 'startTrust'
  | 'stopTrust'
  | 'listAudit'
  | 'verifyAudit'
>;

function resolveScope(scope: RuleScope | 'project-of-cwd', cwd: string | undefined): RuleScope {
  if (scope !== 'project-of-cwd') return scope;
  if (!cwd) throw new ApiError('invalid_input', 'scope "project" needs the cwd it is relative to');
  return { type: 'project', dir: projectOf(cwd) };
}

/** The rules the learning step proposes for a held or decided request. */
export function suggestionFor(s: RulesServices, request: GateRequest): Suggestion {
  return suggestRules(request, {
    rules: s.rules.ruleSet,
    riskyRequests: () => s.requests.iterateRisky(),
    assess: (command, cwd) => s.broker.scoreCommand(command, cwd),
    now: s.now(),
    repositoryOf: s.rules.repositoryOf,
  });
}

export function registerRulesHandlers(s: RulesServices): RulesApi {
  const { rules, trust, audit } = s;
  return {
    listRules: (d) => rules.list(d.all),
    addRule: (d) => {
      const draft: RuleDraft = {
        effect: d.effect,
        kind: d.kind,
        pattern: d.pattern,
        scope: resolveScope(d.scope, d.cwd),
        source: d.source,
        note: d.note ?? null,
        ttlMs: d.ttlMs,
      };
      const same = rules.findSame(draft);
      if (same) return { ...same, duplicate: true };
      const [rule] = rules.add([draft], 'user');
      if (!rule) throw new ApiError('internal', 'the rule was not added');
      return rule;
    },
    updateRule: ({ id, ttlMs, ...changes }) => {
      const expiresAt = ttlMs === undefined ? undefined : ttlMs === null ? null : s.now() + ttlMs;
      return rules.update(id, { ...changes, ...(expiresAt !== undefined ? { expiresAt } : {}) }, 'user');
    },
    removeRule: (id) => rules.remove(id, 'user'),
    explain: (d) => s.policy.explain(d.command, s.broker.scoreCommand(d.command, d.cwd), d.cwd, d.sessionId ?? null),
    backtestRule: (d) => {
      const scope = resolveScope(d.scope, d.cwd);
      const candidate = {
        effect: d.effect,
        kind: d.kind,
        pattern: rules.prepare({ ...d, scope, source: 'backtest' }).pattern,
        scope,
      };
      const cwd = d.cwd ?? (scope.type === 'project' ? scope.dir : s.userHome);
      if (d.replaces) rules.get(d.replaces);
      return backtest(
        candidate,
        {
          requests: () => s.requests.iterateAll(),
          riskyRequests: () => s.requests.iterateRisky(),
          rules: rules.list(),
          assess: (command, dir) => s.broker.scoreCommand(command, dir),
          now: s.now(),
        },
        cwd,
        d.replaces,
      );
    },
    suggestRules: (id) => suggestionFor(s, s.broker.get(id)),
    importRules: (d) => {
      const named = d.claude !== undefined || d.codex !== undefined;
      const plan = planImport({
        claude: named ? (d.claude ?? []) : claudeFiles(s.userHome, d.cwd),
        codex: named ? (d.codex ?? []) : codexFiles(s.userHome, d.cwd),
        named,
        home: s.userHome,
        existing: rules.list(true),
      });
      const added = rules.add(plan.drafts, 'import', 'imported');
      return { files: plan.files, added, skipped: plan.skipped, errors: plan.errors };
    },
    exportRules: (d) =>
      exportRules(rules.list(), {
        format: d.format,
        here: placeAt(d.cwd, null, s.now()),
        includeUnsafe: d.includeUnsafe,
        danger: (r) =>
          dangerCovered(
            r,
            { riskyRequests: () => s.requests.iterateRisky(), assess: (c, dir) => s.broker.scoreCommand(c, dir) },
            d.cwd,
            1,
            true,
          ),
      }),
    startTrust: (d) => trust.start(d.durationMs),
    stopTrust: () => trust.stop(),
    listAudit: (d) => audit.list(d.afterSeq, d.limit),
    verifyAudit: () => audit.verify(),
  };
}
