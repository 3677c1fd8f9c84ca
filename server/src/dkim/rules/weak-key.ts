/**
 * Diagnostic: dkim-weak-key
 *
 * RFC 8301 §3.2: verifiers MUST NOT accept RSA keys under 1024 bits (error) and
 * signers SHOULD use at least 2048 (warning). §3.1: rsa-sha1 MUST NOT be used, so
 * a key restricted to h=sha1 can validate nothing. Nothing is said of a record that
 * verifiers never use for mail (a v= other than DKIM1, an s= without email): the syntax
 * and key rules report that, and "it still works" would be untrue.
 */
import type { Problem } from '../../diagnostics/types';
import { problemIn } from '../records';
import { DkimCodes } from '../codes';
import { ignoredForMail, listItems } from '../parse';
import type { DkimContext } from '../context';

const CODE = DkimCodes.weakKey.code;

export function checkWeakKey(ctx: DkimContext): Problem[] {
  const out: Problem[] = [];
  if (ignoredForMail(ctx.key)) return out;
  const p = ctx.key.tag('p');
  const v = ctx.verdict;
  if (p && v?.ok && v.type === 'rsa' && v.bits < 2048) {
    const reject = v.bits < 1024;
    out.push(
      problemIn(ctx.txt, CODE, p.valueStart, p.valueEnd, {
        detail: reject ? 'dkim-weak-rsa-reject' : 'dkim-weak-rsa-short',
        bits: v.bits,
      }, reject ? 'error' : undefined),
    );
  }
  const h = ctx.key.tag('h');
  const hashes = listItems(h).map((i) => i.item.toLowerCase());
  if (h && hashes.includes('sha1') && !hashes.includes('sha256')) {
    out.push(problemIn(ctx.txt, CODE, h.valueStart, h.valueEnd, { detail: 'dkim-weak-sha1' }, 'error'));
  }
  return out;
}
