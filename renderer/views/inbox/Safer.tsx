// "Run it safer": the card's third choice where the command has a known safer form and the agent can take it
// (docs/undo.md, "Run it safer"). The exact command that will run is shown whole, as it runs, beside what it does
// differently; the core works it out again when the person chooses it, so what is shown here is only what to read.
import type { SaferOffer } from '../../../shared/domain.ts';
import { shownText } from '../../../shared/visible-text.ts';

const TITLES: Record<SaferOffer['kind'], string> = {
  trash: 'into Gatehouse’s trash instead',
  'force-with-lease': 'with a lease',
  snapshot: 'with a snapshot first',
  'transaction-preview': 'as a preview that changes nothing',
};

export function SaferForm({ offer }: { offer: SaferOffer }) {
  return (
    <section className="safer" aria-label="Run it safer">
      <p className="safer-title">
        Run it safer: <span>{TITLES[offer.kind]}</span>
      </p>
      <pre className="safer-command">
        <code>{shownText(offer.command)}</code>
      </pre>
      <p className="hint">{shownText(offer.explanation)}</p>
    </section>
  );
}
