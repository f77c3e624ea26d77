// Decisions as files: JSON Lines (one request per line, as the API returns it) or CSV (one row per decision,
// RFC 4180 quoting, formula-looking cells defused so a spreadsheet shows them instead of running them).
import type { GateRequest } from '../../shared/domain.ts';

export type ExportFormat = 'jsonl' | 'csv';

export const CSV_COLUMNS = [
  'decided_at',
  'status',
  'decided_by',
  'reason',
  'agent',
  'session_id',
  'command',
  'cwd',
  'risk_level',
  'risk_score',
  'requested_at',
  'id',
  'outcome',
  'exit_code',
  'duration_ms',
  'output',
] as const;

export function toJsonl(items: readonly GateRequest[]): string {
  return items.map((r) => JSON.stringify(r)).join('\n') + (items.length ? '\n' : '');
}

export function toCsv(items: readonly GateRequest[]): string {
  const rows = items.map((r) => [
    r.decision?.decidedAt ?? '',
    r.status,
    r.decision?.decidedBy ?? '',
    r.decision?.reason ?? '',
    r.agent,
    r.sessionId,
    r.command,
    r.cwd,
    r.risk?.level ?? '',
    r.risk ? String(r.risk.score) : '',
    r.createdAt,
    r.id,
    r.outcome?.state ?? '',
    r.outcome?.exitCode == null ? '' : String(r.outcome.exitCode),
    r.outcome?.durationMs == null ? '' : String(r.outcome.durationMs),
    r.outcome?.summary ?? '',
  ]);
  return [CSV_COLUMNS as readonly string[], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  // A cell starting with = + - @ (or a tab/CR) is a formula to a spreadsheet; a leading quote keeps it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function exportFile(
  items: readonly GateRequest[],
  format: ExportFormat,
  at: Date,
): { name: string; text: string } {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return { name: `gatehouse-decisions-${stamp}.${format}`, text: format === 'csv' ? toCsv(items) : toJsonl(items) };
}
