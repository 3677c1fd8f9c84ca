/**
 * Diagnostic: dmarc-missing-policy
 *
 * RFC 9989 §4.7: p= is RECOMMENDED; without it a record is read as p=none (and
 * only when rua= holds a valid URI, §4.10). RFC 7489 §6.3 made p= REQUIRED, so
 * older receivers ignore the record altogether. Report-authorization records
 * (RFC 9990 §3) carry no policy and are left alone.
 */
import type { Problem } from '../../diagnostics/types';
import { problemOnText } from '../../dkim/records';
import { DmarcCodes } from '../codes';
import type { DmarcContext } from '../context';

export function checkMissingPolicy(ctx: DmarcContext): Problem[] {
  if (ctx.placement !== 'policy' || !ctx.dmarc.isDmarc) return [];
  if (ctx.dmarc.tag('p')) return [];
  return [problemOnText(ctx.txt, DmarcCodes.missingPolicy.code)];
}
