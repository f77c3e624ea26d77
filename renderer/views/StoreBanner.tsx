// The store cannot record decisions (locked by another process, the disk full, the file damaged): every command is
// denied until it can, and the banner says why and what to do, in the core's words. Gone once the store records again.
import { useStoreHealth } from '../stores/store-health.ts';

export function StoreBanner() {
  const problem = useStoreHealth((s) => s.problem);
  if (!problem) return null;
  return (
    <section className="banner store" role="alert" aria-label="Gatehouse cannot record decisions">
      <p>
        <strong>Commands are being denied.</strong> {problem} `gatehouse doctor` shows the database's state.
      </p>
    </section>
  );
}
