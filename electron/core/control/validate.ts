// Input validation for control API handlers: a schema failure becomes an `invalid_input` ApiError naming each field.
import type { z } from 'zod';
import { ApiError } from '../../../shared/api.ts';

export function validate<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new ApiError('invalid_input', r.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
}

export function validateId(id: unknown): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) throw new ApiError('invalid_input', 'id must be a non-empty string');
  return id;
}
