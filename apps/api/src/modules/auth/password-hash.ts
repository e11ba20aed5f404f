import { hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id`; the package declares its enum `const`, which isolated modules cannot inline. */
const ARGON2ID = 2;

// OWASP's argon2id baseline (19 MiB, 2 passes): ~30 ms here, slow enough against offline guessing.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** A hash of a password nobody has, verified when the account does not exist so timing reveals nothing. */
const DECOY_HASH = hash('decoy password never used', OPTIONS);

export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    await verify(await DECOY_HASH, password);
    return false;
  }
  return verify(storedHash, password);
}
