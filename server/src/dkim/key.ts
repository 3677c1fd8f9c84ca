/**
 * Decoding a DKIM public key with node:crypto: RSA keys as SubjectPublicKeyInfo
 * DER (RFC 6376 §3.6.1, errata 3017), Ed25519 keys as the raw 32 bytes of RFC 8463
 * §4.2, wrapped in the fixed SubjectPublicKeyInfo prefix of RFC 8410 so OpenSSL
 * can read them.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';

export type KeyVerdict =
  | { readonly ok: true; readonly type: 'rsa'; readonly bits: number; readonly pkcs1?: boolean }
  | { readonly ok: true; readonly type: 'ed25519' }
  | { readonly ok: false; readonly reason: 'base64' | 'truncated' | 'not-key' | 'ed25519-spki' | 'looks-ed25519' }
  | { readonly ok: false; readonly reason: 'ed25519-length'; readonly length: number }
  | { readonly ok: false; readonly reason: 'type-mismatch'; readonly actual: string }
  | { readonly ok: false; readonly reason: 'unknown-type' };

/** RFC 8410 §4: SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING (33 bytes) }. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Verdicts by key type and text: the language server re-checks a zone on every edit. */
const cache = new Map<string, KeyVerdict>();
const CACHE_LIMIT = 2000;

/** Decodes `p=` (whitespace already removed) for key type `k=`. */
export function decodeDkimKey(keyType: string, base64: string): KeyVerdict {
  const key = keyType + ' ' + base64;
  let verdict = cache.get(key);
  if (!verdict) {
    verdict = decode(keyType, base64);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, verdict);
  }
  return verdict;
}

function decode(keyType: string, base64: string): KeyVerdict {
  if (/[^A-Za-z0-9+/=]|=[^=]|={3}/.test(base64)) return { ok: false, reason: 'base64' };
  if (base64.length % 4 !== 0) return { ok: false, reason: 'truncated' };
  const der = Buffer.from(base64, 'base64');
  if (keyType === 'ed25519') {
    if (der.length === 44 && der.subarray(0, 12).equals(ED25519_SPKI_PREFIX)) return { ok: false, reason: 'ed25519-spki' };
    if (der.length !== 32) return { ok: false, reason: 'ed25519-length', length: der.length };
    return read(Buffer.concat([ED25519_SPKI_PREFIX, der]), 'spki') ? { ok: true, type: 'ed25519' } : { ok: false, reason: 'not-key' };
  }
  if (keyType !== 'rsa') return { ok: false, reason: 'unknown-type' };
  const spki = read(der, 'spki');
  if (spki) {
    if (spki.asymmetricKeyType !== 'rsa') return { ok: false, reason: 'type-mismatch', actual: spki.asymmetricKeyType ?? 'unknown' };
    return { ok: true, type: 'rsa', bits: spki.asymmetricKeyDetails?.modulusLength ?? 0 };
  }
  const pkcs1 = read(der, 'pkcs1');
  if (pkcs1) return { ok: true, type: 'rsa', bits: pkcs1.asymmetricKeyDetails?.modulusLength ?? 0, pkcs1: true };
  if (der.length === 32) return { ok: false, reason: 'looks-ed25519' };
  return { ok: false, reason: 'not-key' };
}

function read(der: Buffer, type: 'spki' | 'pkcs1'): KeyObject | undefined {
  try {
    return createPublicKey({ key: der, format: 'der', type });
  } catch {
    return undefined;
  }
}
