// The connection to the core, when it is lost: what happened, and either that the page is waiting for the core and
// comes back by itself (browser mode; the button asks at once instead of at the next try), or what to do.
import { useApp } from '../stores/connection.ts';

export function ConnectionBanner({ retry }: { retry: () => void }) {
  const connection = useApp((s) => s.connection);
  const reconnect = useApp((s) => s.reconnect);
  if (connection.state !== 'lost') return null;
  return (
    <div className="banner" role="alert">
      <p className="state-loading">
        {reconnect === 'waiting' && <span className="spinner" aria-hidden="true" />}
        <span>
          {connection.message}
          {reconnect === 'waiting' && ' Waiting for it to come back: this page reconnects by itself.'}
        </span>
      </p>
      {reconnect !== 'refused' && (
        <button type="button" onClick={retry}>
          {reconnect === 'waiting' ? 'Try now' : 'Reconnect'}
        </button>
      )}
    </div>
  );
}
