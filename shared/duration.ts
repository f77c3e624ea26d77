// Durations as people write and read them: "15m", "2h", "7d", "1500ms" in; "10 minutes" out.
const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `500ms`, `90s`, `15m`, `2h`, `7d` (a bare number is seconds). Returns null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(text);
  if (!m?.[1]) return null;
  const ms = Number(m[1]) * (UNIT_MS[(m[2] ?? 's').toLowerCase()] ?? 1000);
  return Number.isFinite(ms) ? Math.round(ms) : null;
}

const NAMES: ReadonlyArray<[number, string]> = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1000, 'second'],
];

export function formatDuration(ms: number): string {
  for (const [size, name] of NAMES) {
    if (ms >= size) {
      const n = Math.round((ms / size) * 10) / 10;
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return `${ms} ms`;
}
