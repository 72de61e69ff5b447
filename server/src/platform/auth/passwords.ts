import { readFileSync } from 'node:fs';
import { hash, verify, Algorithm } from '@node-rs/argon2';
import { AppError } from '../errors.js';
import { projectPath } from '../project-paths.js';

const common = new Set(
  readFileSync(projectPath('server/src/platform/auth/common-passwords.txt'), 'utf8')
    .split('\n')
    .filter(Boolean),
);

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** NIST 800-63B: length only, no composition rules, no truncation, refuse the common ones. */
export function checkPasswordPolicy(password: string, field = 'password'): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
    throw new AppError('weak_password', 422, `Passwords must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`, [
      { field, message: `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters` },
    ]);
  }
  if (common.has(password.toLowerCase())) {
    throw new AppError('weak_password', 422, 'This password is one of the most common ones; choose another', [
      { field, message: 'is too common' },
    ]);
  }
}

const options = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  if (!stored.startsWith('$argon2')) return false;
  return verify(stored, password);
}

/** A real hash of a random string, verified against when the account does not exist, so timing does not tell. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy-password-for-timing-equality');
  return decoy;
}
