// Short random identifiers that a person can type (`gatehouse decide k3f9x2a7 allow`).
import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** 8 base32 characters = 40 random bits: collisions are negligible for one user's history, and ids never start with `-`. */
export function newId(length = 8): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

/** A secret for a session or for the admin: 256 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
