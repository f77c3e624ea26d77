// Rules (every one not deleted, disabled included), the rule being edited, and "test a command".
import { create } from 'zustand';
import type { Explanation, Rule } from '../../shared/rules.ts';
import type { LoadState } from './inbox.ts';

export interface RulesState {
  load: LoadState;
  loadError: string | null;
  rules: Rule[];
  /** The rule whose edit form is open; `new` for the add form. */
  editing: string | 'new' | null;
  saving: boolean;
  saveError: string | null;
  /** A change to one rule (enable, disable, delete) that failed, by rule id. */
  rowErrors: Record<string, string>;
  /**
   * The rule last added or edited here (its row is brought into view and marked), and whether the add found it already
   * in force (nothing was added: the row is the rule that was already there).
   */
  saved: { ruleId: string; duplicate: boolean } | null;
  test: { command: string; cwd: string; state: LoadState | 'idle'; result: Explanation | null; error: string | null };

  rulesLoaded(rules: Rule[]): void;
  rulesFailed(message: string): void;
  editOpened(id: string | 'new'): void;
  editClosed(): void;
  saveStarted(): void;
  /** `duplicate`: the core answered with the rule already in force instead of adding another. */
  ruleSaved(rule: Rule, duplicate?: boolean): void;
  saveFailed(message: string): void;
  ruleChanged(rule: Rule): void;
  ruleRemoved(id: string): void;
  rowFailed(id: string, message: string): void;
  testStarted(command: string, cwd: string): void;
  testExplained(result: Explanation): void;
  testFailed(message: string): void;
}

export const useRules = create<RulesState>()((set) => ({
  load: 'loading',
  loadError: null,
  rules: [],
  editing: null,
  saving: false,
  saveError: null,
  rowErrors: {},
  saved: null,
  test: { command: '', cwd: '', state: 'idle', result: null, error: null },

  rulesLoaded: (rules) => set({ load: 'ready', loadError: null, rules }),
  rulesFailed: (message) => set({ load: 'error', loadError: message }),
  editOpened: (editing) => set({ editing, saveError: null, saved: null }),
  editClosed: () => set({ editing: null, saveError: null, saving: false }),
  saveStarted: () => set({ saving: true, saveError: null }),
  ruleSaved: (rule, duplicate = false) =>
    set((s) => ({
      saving: false,
      editing: null,
      rules: upsert(s.rules, rule),
      saved: { ruleId: rule.id, duplicate },
    })),
  saveFailed: (message) => set({ saving: false, saveError: message }),
  ruleChanged: (rule) => set((s) => ({ rules: upsert(s.rules, rule), rowErrors: without(s.rowErrors, rule.id) })),
  ruleRemoved: (id) =>
    set((s) => ({
      rules: s.rules.filter((r) => r.id !== id),
      rowErrors: without(s.rowErrors, id),
      editing: s.editing === id ? null : s.editing,
      saved: s.saved?.ruleId === id ? null : s.saved,
    })),
  rowFailed: (id, message) => set((s) => ({ rowErrors: { ...s.rowErrors, [id]: message } })),
  testStarted: (command, cwd) => set({ test: { command, cwd, state: 'loading', result: null, error: null } }),
  testExplained: (result) => set((s) => ({ test: { ...s.test, state: 'ready', result } })),
  testFailed: (message) => set((s) => ({ test: { ...s.test, state: 'error', error: message } })),
}));

export const RULES_INITIAL = useRules.getState();

function upsert(rules: Rule[], rule: Rule): Rule[] {
  return rules.some((r) => r.id === rule.id) ? rules.map((r) => (r.id === rule.id ? rule : r)) : [...rules, rule];
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}
