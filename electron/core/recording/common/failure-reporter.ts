// How a recorder reports that it failed, on either thread: never by throwing at its producer (the session keeps
// running), and only once (the first failure says later events may be missing; the ones after add nothing).

/** A recorder never throws at its producer: the session keeps running, and the first failure is reported. */
export function failureReporter(sessionId: string, onError: (err: unknown) => void): (err: unknown) => void {
  let reported = false;
  return (err) => {
    if (reported) return;
    reported = true;
    onError(
      new Error(
        `recording of session ${sessionId} failed; later events may be missing: ${err instanceof Error ? err.message : String(err)}`,
      ),
    );
  };
}
