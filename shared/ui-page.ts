// How the renderer's page is served, the same way by the core's browser-mode server and the desktop app's
// `app://` protocol: one Content-Security-Policy, and one place where asset URLs get the browser token.

/** Written by the build into `index.html` where each asset URL's query goes (`app.js__GATEHOUSE_ASSET_QUERY__`). */
export const ASSET_QUERY_MARK = '__GATEHOUSE_ASSET_QUERY__';

/** The WebSocket close code a page gets when the token it was opened with is replaced (`gatehouse ui --rotate-token`). */
export const TOKEN_REPLACED_CLOSE = 4401;

/** `query` is `?token=…` in browser mode (every asset needs the token) and empty in the desktop app. */
export function renderIndexHtml(template: string, query: string): string {
  return template.replaceAll(ASSET_QUERY_MARK, query);
}

/**
 * Nothing but our own scripts and styles; no inline script, no eval, no frames, no plugins, no forms, and
 * network access only to what `connect` names (in browser mode the WebSocket, and the page's own origin, which it
 * asks whether the core is back after a restart; none in the desktop app).
 */
export function contentSecurityPolicy(connect: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.length ? connect.join(' ') : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
