/**
 * tlsa-bad-data — certificate association data that can match no certificate (RFC 6698
 * §2.1.3–2.1.4): a SHA-256 digest (matching type 1) is 32 octets and a SHA-512 one (2) 64;
 * full data (matching type 0) is the whole certificate (selector 0) or the whole
 * SubjectPublicKeyInfo (selector 1) in DER, read here with node:crypto. BIND loads any
 * length. A record that can match nothing is still "usable" to a DANE client (RFC 7671 §5):
 * if no other record matches, it refuses the connection.
 */
import { X509Certificate, createPublicKey } from 'node:crypto';
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../../zone/ast';
import { problem } from '../../zone/semantics/context';
import { DaneCodes } from '../codes';
import { dataSpan, tlsaFields } from '../tlsa';

const DIGEST: Record<number, { hash: string; octets: number }> = { 1: { hash: 'SHA-256', octets: 32 }, 2: { hash: 'SHA-512', octets: 64 } };

function parses(selector: number, der: Uint8Array): boolean {
  try {
    if (selector === 0) new X509Certificate(der);
    else createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
    return true;
  } catch {
    return false;
  }
}

export function checkData(tlsa: readonly ResourceRecord[]): Problem[] {
  const out: Problem[] = [];
  for (const r of tlsa) {
    const f = tlsaFields(r);
    if (!f) continue;
    const at = dataSpan(r);
    const digest = DIGEST[f.matchingType];
    if (digest && f.data.length !== digest.octets) {
      const args = { detail: 'tlsa-digest-length', matching: f.matchingType, hash: digest.hash, want: digest.octets, digits: digest.octets * 2, got: f.data.length };
      out.push(problem(DaneCodes.badData, r, at, args));
    } else if (f.matchingType === 0 && f.selector <= 1 && !parses(f.selector, f.data)) {
      const args = { detail: f.selector === 0 ? 'tlsa-full-cert' : 'tlsa-full-spki' };
      out.push(problem(DaneCodes.badData, r, at, args));
    }
  }
  return out;
}
