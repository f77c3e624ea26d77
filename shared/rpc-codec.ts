// How control API messages are written on a text carrier (socket lines, WebSocket frames).
// Errors travel as `{ "$error": { code, message } }` and come back as ApiError, never as `{}`.
import { ApiError, ApiErrorCodeSchema } from './api.ts';

const ERROR_KEY = '$error';

export function encodeMessage(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof ApiError) return { [ERROR_KEY]: { code: v.code, message: v.message } };
    if (v instanceof Error) return { [ERROR_KEY]: { code: 'internal', message: v.message } };
    return v;
  });
}

export function decodeMessage(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && ERROR_KEY in v) {
      const e = (v as Record<string, unknown>)[ERROR_KEY] as { code?: unknown; message?: unknown } | null;
      const code = ApiErrorCodeSchema.safeParse(e?.code);
      return new ApiError(
        code.success ? code.data : 'internal',
        typeof e?.message === 'string' ? e.message : 'unknown error',
      );
    }
    return v;
  });
}
