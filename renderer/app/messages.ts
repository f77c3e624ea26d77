// An error as the sentence a view shows.
import { ApiError } from '../../shared/api.ts';

export function messageOf(err: unknown): string {
  if (err instanceof ApiError || err instanceof Error) return err.message;
  return String(err);
}
