// The commands of the Rules view and of a card's "Always allow…": call the core, then tell the stores.
import { ApiError, type CoreApi, type RememberRule } from '../../shared/api.ts';
import type {
  AddRuleInput,
  BacktestInput,
  BacktestResult,
  Rule,
  RuleEffect,
  RuleKind,
  RuleScope,
  Suggestion,
} from '../../shared/rules.ts';
import { canDecide, useInbox } from '../stores/inbox.ts';
import { useRules } from '../stores/rules.ts';
import { messageOf } from './messages.ts';

/** A rule as the Rules view's form writes it. `ttlMs`: null for no expiry; undefined leaves an edited rule's expiry alone. */
export interface RuleForm {
  effect: RuleEffect;
  kind: RuleKind;
  pattern: string;
  scope: RuleScope;
  ttlMs?: number | null;
  note: string;
}

export interface RulesCommands {
  loadRules(): Promise<void>;
  /** Adds (`new`) or edits a rule; the form stays open with the core's error if it is refused. */
  saveRule(id: string | 'new', form: RuleForm): Promise<void>;
  setRuleEnabled(id: string, enabled: boolean): Promise<void>;
  removeRule(id: string): Promise<void>;
  testCommand(command: string, cwd: string): Promise<void>;
  suggestRules(requestId: string): Promise<Suggestion>;
  backtestRule(input: BacktestInput): Promise<BacktestResult>;
  /** Approves a held request and keeps these rules (each with its own scope and expiry). */
  /** `agentRules`: also into the agent's own rules (the card's opt-in, where the suggestion offers it). */
  alwaysAllow(requestId: string, rules: RememberRule[], agentRules?: boolean): Promise<void>;
}

type RulesApi = Pick<
  CoreApi,
  | 'listRules'
  | 'addRule'
  | 'updateRule'
  | 'removeRule'
  | 'explain'
  | 'suggestRules'
  | 'backtestRule'
  | 'decide'
  | 'getRequest'
>;

export function rulesCommands(api: RulesApi): RulesCommands {
  const changeRow = async (id: string, change: () => Promise<Rule>) => {
    try {
      useRules.getState().ruleChanged(await change());
    } catch (err) {
      useRules.getState().rowFailed(id, messageOf(err));
    }
  };
  return {
    loadRules: async () => {
      try {
        useRules.getState().rulesLoaded(await api.listRules({ all: true }));
      } catch (err) {
        useRules.getState().rulesFailed(messageOf(err));
      }
    },
    saveRule: async (id, form) => {
      useRules.getState().saveStarted();
      try {
        const note = form.note.trim();
        if (id === 'new') {
          const input: AddRuleInput = {
            effect: form.effect,
            kind: form.kind,
            pattern: form.pattern,
            scope: form.scope,
            note: note || undefined,
            ttlMs: form.ttlMs ?? undefined,
            source: 'window',
          };
          const { duplicate, ...rule } = await api.addRule(input);
          useRules.getState().ruleSaved(rule, duplicate === true);
        } else {
          useRules.getState().ruleSaved(
            await api.updateRule({
              id,
              effect: form.effect,
              kind: form.kind,
              pattern: form.pattern,
              scope: form.scope,
              note: note || null,
              ttlMs: form.ttlMs,
            }),
          );
        }
      } catch (err) {
        useRules.getState().saveFailed(messageOf(err));
      }
    },
    setRuleEnabled: (id, enabled) => changeRow(id, () => api.updateRule({ id, enabled })),
    removeRule: async (id) => {
      try {
        await api.removeRule(id);
        useRules.getState().ruleRemoved(id);
      } catch (err) {
        useRules.getState().rowFailed(id, messageOf(err));
      }
    },
    testCommand: async (command, cwd) => {
      useRules.getState().testStarted(command, cwd);
      try {
        useRules.getState().testExplained(await api.explain({ command, cwd }));
      } catch (err) {
        useRules.getState().testFailed(messageOf(err));
      }
    },
    suggestRules: (requestId) => api.suggestRules(requestId),
    backtestRule: (input) => api.backtestRule(input),
    alwaysAllow: async (id, rules, agentRules) => {
      const inbox = useInbox.getState();
      if (!canDecide(inbox, id)) return;
      inbox.decisionSent(id, 'allow');
      try {
        useInbox.getState().requestDecided(
          await api.decide({
            id,
            decision: 'allow',
            via: 'window',
            remember: rules,
            ...(agentRules ? { agentRules } : {}),
          }),
        );
        useInbox.getState().allowFormClosed();
      } catch (err) {
        if (err instanceof ApiError && err.code === 'already_decided')
          useInbox.getState().requestDecided(await api.getRequest(id));
        else useInbox.getState().decisionFailed(id, messageOf(err));
      }
    },
  };
}
