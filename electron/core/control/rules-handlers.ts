// The control API's rule, trust and audit calls: validate, call the rules services, return typed results.
import { ApiError, type ControlApi } from '../../../shared/api.ts';
import { ListAuditInputSchema } from '../../../shared/audit.ts';
import type { GateRequest } from '../../../shared/domain.ts';
import {
  AddRuleInputSchema,
  BacktestInputSchema,
  ExplainInputSchema,
  ExportRulesInputSchema,
  ImportRulesInputSchema,
  ListRulesInputSchema,
  StartTrustInputSchema,
  UpdateRuleInputSchema,
  type RuleScope,
  type Suggestion,
} from '../../../shared/rules.ts';
import type { Broker } from '../broker/broker.ts';
import { backtest } from '../rules/backtest.ts';
import { exportClaude } from '../rules/interop-claude.ts';
import { exportCodex } from '../rules/interop-codex.ts';
import { claudeFiles, codexFiles, planImport } from '../rules/interop.ts';
import { suggestRules } from '../rules/learn.ts';
import type { GatePolicy } from '../rules/policy.ts';
import { placeAt, scopeApplies } from '../rules/ruleset.ts';
import { projectOf, type RuleService } from '../rules/service.ts';
import type { TrustMode } from '../rules/trust.ts';
import type { AuditRepository } from '../store/audit.ts';
import type { RequestRepository } from '../store/requests.ts';
import { validate, validateId } from './validate.ts';

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
  'listRules' | 'addRule' | 'updateRule' | 'removeRule' | 'explain' | 'backtestRule' | 'suggestRules' | 'importRules' | 'exportRules' | 'startTrust' | 'stopTrust' | 'listAudit' | 'verifyAudit'
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
  });
}

export function registerRulesHandlers(s: RulesServices): RulesApi {
  const { rules, trust, audit } = s;
  return {
    listRules: (input) => rules.list(validate(ListRulesInputSchema, input).all),
    addRule: (input) => {
      const d = validate(AddRuleInputSchema, input);
      const [rule] = rules.add([{ effect: d.effect, kind: d.kind, pattern: d.pattern, scope: resolveScope(d.scope, d.cwd), source: d.source, note: d.note ?? null, ttlMs: d.ttlMs }], 'user');
      if (!rule) throw new ApiError('internal', 'the rule was not added');
      return rule;
    },
    updateRule: (input) => {
      const d = validate(UpdateRuleInputSchema, input);
      const { id, ttlMs, ...changes } = d;
      const expiresAt = ttlMs === undefined ? undefined : ttlMs === null ? null : s.now() + ttlMs;
      return rules.update(id, { ...changes, ...(expiresAt !== undefined ? { expiresAt } : {}) }, 'user');
    },
    removeRule: (id) => rules.remove(validateId(id), 'user'),
    explain: (input) => {
      const d = validate(ExplainInputSchema, input);
      return s.policy.explain(d.command, s.broker.scoreCommand(d.command, d.cwd), d.cwd, d.sessionId ?? null);
    },
    backtestRule: (input) => {
      const d = validate(BacktestInputSchema, input);
      const scope = resolveScope(d.scope, d.cwd);
      const candidate = { effect: d.effect, kind: d.kind, pattern: rules.prepare({ ...d, scope, source: 'backtest' }).pattern, scope };
      const cwd = d.cwd ?? (scope.type === 'project' ? scope.dir : s.userHome);
      if (d.replaces) rules.get(d.replaces);
      return backtest(candidate, {
        requests: () => s.requests.iterateAll(),
        riskyRequests: () => s.requests.iterateRisky(),
        rules: rules.list(),
        assess: (command, dir) => s.broker.scoreCommand(command, dir),
        now: s.now(),
      }, cwd, d.replaces);
    },
    suggestRules: (id) => suggestionFor(s, s.broker.get(validateId(id))),
    importRules: (input) => {
      const d = validate(ImportRulesInputSchema, input);
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
    exportRules: (input) => {
      const d = validate(ExportRulesInputSchema, input);
      const here = placeAt(d.cwd, null, s.now());
      const live = rules.list();
      const chosen = live.filter((r) => r.scope.type !== 'session' && scopeApplies(r.scope, here));
      const result = d.format === 'claude' ? exportClaude(chosen) : exportCodex(chosen);
      const left = live.filter((r) => !chosen.includes(r)).map((r) => ({ ruleId: r.id, why: r.scope.type === 'session' ? 'a session rule ends with its session' : `it applies only under ${r.scope.type === 'project' ? r.scope.dir : ''}` }));
      return { ...result, skipped: [...result.skipped, ...left] };
    },
    startTrust: (input) => trust.start(validate(StartTrustInputSchema, input).durationMs),
    stopTrust: () => trust.stop(),
    listAudit: (input) => {
      const d = validate(ListAuditInputSchema, input);
      return audit.list(d.afterSeq, d.limit);
    },
    verifyAudit: () => audit.verify(),
  };
}
