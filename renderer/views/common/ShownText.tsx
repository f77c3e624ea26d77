// Text from agents (commands, patterns, reasons that quote them) as a reviewer must see it: what would draw as
// something else (control characters, bidi, invisible and look-alike characters, runs of blanks) shown escaped and
// marked, so what is read is what runs (shared/visible-text.ts).
import { useMemo } from 'react';
import { showText, type HiddenFlag, type ShownPart } from '../../../shared/visible-text.ts';

/** Parts of shown text: plain text as it is, each hidden thing as its escape, marked and named. */
export function ShownParts({ parts }: { parts: readonly ShownPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.hidden === null ? (
          p.text
        ) : (
          <span key={i} className={`hidden-char hidden-${p.hidden}`} title={p.name ?? undefined}>
            {p.text}
          </span>
        ),
      )}
    </>
  );
}

/** What the escapes stand for: says the text shows differently from what runs, and each thing it would hide. */
export function HiddenWarning({ flags }: { flags: readonly HiddenFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <div className="hidden-warning" role="note" aria-label="Hidden characters">
      <p>
        <span aria-hidden="true">⚠ </span>
        <strong>This shows differently from what runs.</strong> Hidden characters are shown escaped:
      </p>
      <ul>
        {flags.map((f, i) => (
          <li key={i}>{f.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** A command (or pattern) in `<code>`, escaped; with a short warning beside it when it hides something. */
export function ShownCode({ text }: { text: string }) {
  const shown = useMemo(() => showText(text), [text]);
  return (
    <>
      <code>
        <ShownParts parts={shown.parts} />
      </code>
      {shown.flags.length > 0 && (
        <span className="hidden-tag" title={shown.flags.map((f) => f.message).join('\n')}>
          hidden characters
        </span>
      )}
    </>
  );
}
