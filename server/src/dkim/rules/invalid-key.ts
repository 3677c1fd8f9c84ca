/**
 * Diagnostic: dkim-invalid-key
 *
 * RFC 6376 §3.6.1: p= is the base64 of the public key; for k=rsa (the default) a
 * DER SubjectPublicKeyInfo holding an RSA key; RFC 8463 §4.2: for k=ed25519 the
 * raw 32-byte key. Unknown k= values leave verifiers without a usable key, and
 * an s= list without `email` or `*` keeps the key away from mail (a warning).
 * Decoding is node:crypto's; nothing is parsed by hand.
 */
import type { Problem } from '../../diagnostics/types';
import { problemIn, printable } from '../records';
import { DkimCodes } from '../codes';
import { servesNoMail } from '../parse';
import type { DkimContext } from '../context';

export function checkInvalidKey(ctx: DkimContext): Problem[] {
  return [...checkKey(ctx), ...checkService(ctx)];
}

function checkService(ctx: DkimContext): Problem[] {
  const s = ctx.key.tag('s');
  if (!s || !servesNoMail(ctx.key)) return [];
  return [
    problemIn(ctx.txt, DkimCodes.invalidKey.code, s.valueStart, s.valueEnd === s.valueStart ? s.end : s.valueEnd, {
      selector: ctx.selector,
      detail: 'dkim-key-service',
      services: printable(s.value),
    }, 'warning'),
  ];
}

function checkKey(ctx: DkimContext): Problem[] {
  const { txt, key, verdict } = ctx;
  const p = key.tag('p');
  const pkcs1 = verdict?.ok === true && verdict.type === 'rsa' && verdict.pkcs1 === true;
  if (!p || !verdict || (verdict.ok && !pkcs1)) return [];
  const base = { selector: ctx.selector };
  const at = (from: number, to: number, args: Record<string, string | number>, severity?: 'warning') =>
    [problemIn(txt, DkimCodes.invalidKey.code, from, to, { ...base, ...args }, severity)];
  if (verdict.ok) return at(p.valueStart, p.valueEnd, { detail: 'dkim-key-pkcs1' }, 'warning');
  switch (verdict.reason) {
    case 'unknown-type': {
      const k = key.tag('k');
      const range = k ? [k.valueStart, k.valueEnd] : [p.valueStart, p.valueEnd];
      return at(range[0], range[1], { detail: 'dkim-key-unknown-type', keyType: printable(key.keyType) });
    }
    case 'base64': {
      if (/-----BEGIN/.test(p.value)) return at(p.valueStart, p.valueEnd, { detail: 'dkim-key-pem' });
      const bad = /[^A-Za-z0-9+/= \t\r\n]/.exec(p.value);
      const from = bad ? p.valueStart + bad.index : p.valueStart;
      const to = bad ? from + 1 : p.valueEnd;
      return at(from, to, { detail: 'dkim-key-base64', text: printable(p.value.slice(from - p.valueStart, to - p.valueStart)) });
    }
    case 'truncated':
      return at(p.valueStart, p.valueEnd, { detail: 'dkim-key-truncated' });
    case 'type-mismatch':
      return at(p.valueStart, p.valueEnd, { detail: 'dkim-key-type-mismatch', actual: verdict.actual, expected: key.keyType });
    case 'ed25519-length':
      return at(p.valueStart, p.valueEnd, { detail: 'dkim-key-ed25519-length', length: verdict.length });
    case 'ed25519-spki':
      return at(p.valueStart, p.valueEnd, { detail: 'dkim-key-ed25519-spki' });
    case 'looks-ed25519':
      return at(p.valueStart, p.valueEnd, { detail: 'dkim-key-looks-ed25519' });
    case 'not-key':
      return at(p.valueStart, p.valueEnd, { detail: 'dkim-key-not-key' });
  }
}
