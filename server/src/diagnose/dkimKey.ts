/**
 * The DKIM key behind a signature the receiver did not pass: what `<selector>._domainkey.
 * <domain>` holds (RFC 6376 §3.6.2.1). None (the key was never published, or published at
 * another selector), one that cannot be read, a revoked one (`p=` empty, §3.6.1), or a
 * usable one, in which case the signature itself failed (the message changed on the way,
 * or the service signs with a key other than the one published).
 */
import type { Resolver } from '../dns/resolver';
import { decodeDkimKey } from '../dkim/key';
import { listItems, parseDkimKey } from '../dkim/parse';
import type { DkimSignature } from './message';

export interface DkimKeyAdvice {
  readonly domain: string;
  readonly selector: string;
  /** `<selector>._domainkey.<domain>` */
  readonly name: string;
  /** The receiver's verdict on the signature, when the message shows it. */
  readonly result?: string;
  /** `none`: no key record; `unreadable`: records that are no usable key; `revoked`: `p=` empty; `usable`: a key that decodes. */
  readonly state: 'none' | 'unreadable' | 'revoked' | 'usable';
}

/** At most this many signatures are looked up: a message rarely carries more than two. */
const MAX_SIGNATURES = 4;

/**
 * The key of each signature that did not pass (or, with no verdict of its own, of every
 * signature when the receiver's DKIM verdict was not pass). A lookup that fails says nothing.
 */
export async function dkimKeyAdvice(
  signatures: readonly DkimSignature[],
  receiverDkim: string | undefined,
  resolver: Resolver,
  signal?: AbortSignal,
): Promise<DkimKeyAdvice[]> {
  const failed = signatures.filter((s) => (s.result ?? receiverDkim) !== undefined && (s.result ?? receiverDkim) !== 'pass');
  const out: DkimKeyAdvice[] = [];
  for (const s of failed.slice(0, MAX_SIGNATURES)) {
    const name = `${s.selector}._domainkey.${s.domain}`;
    const answer = await resolver.lookup(name, 'TXT', signal);
    if (answer.kind === 'error') continue;
    const texts = answer.kind === 'ok' ? answer.records.map((strings) => strings.join('')) : [];
    const base = { domain: s.domain, selector: s.selector, name, ...(s.result ? { result: s.result } : {}) };
    out.push({ ...base, state: keyState(texts) });
  }
  return out;
}

function keyState(texts: readonly string[]): DkimKeyAdvice['state'] {
  if (texts.length === 0) return 'none';
  // RFC 6376 §3.6.2.2: several records at the name give undefined results.
  if (texts.length > 1) return 'unreadable';
  const key = parseDkimKey(texts[0]);
  if (key.list.errors.length > 0 || key.publicKey === undefined) return 'unreadable';
  // §3.6.1: "Records beginning with a v= tag with any other value [than DKIM1] MUST be discarded."
  if (key.version !== undefined && key.version.value !== 'DKIM1') return 'unreadable';
  // "Verifiers for a given service type MUST ignore this record if the appropriate type is not
  // listed" (s=, default `*`): a key for tlsrpt alone signs no mail.
  const services = listItems(key.tag('s')).map((s) => s.item);
  if (key.tag('s') !== undefined && !services.includes('email') && !services.includes('*')) return 'unreadable';
  if (key.publicKey === '') return 'revoked';
  return decodeDkimKey(key.keyType, key.publicKey).ok ? 'usable' : 'unreadable';
}
