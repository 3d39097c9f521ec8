// Passwords (argon2id, memory-hard) and random bearer tokens / enrolment codes (stored as sha256).
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Hashes a password with argon2id (the library's default algorithm). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when the e-mail is unknown, so both paths take the same time.
const dummyHash = hash('not a real password, only for timing');

/** True when `password` matches `passwordHash` (a missing hash never matches, in constant-ish time). */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** A new random secret: 32 bytes, base64url (tokens); enrolment codes use 16. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** The stored form of a token or code: sha256, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
