/**
 * NSEC3 owners (RFC 5155 §3): the first label is the hashed owner name in base32hex
 * without padding. BIND refuses any other NSEC3 owner when it loads a zone ("bad owner
 * name (check-names)", an error whatever the check-names mode): the label must decode,
 * so its length is 8n, 8n+2, 8n+4, 8n+5 or 8n+7 characters of 0-9 A-V (any case) and
 * its unused trailing bits are zero. Reported as zone-bad-name, detail `nsec3-owner`.
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../ast';
import { ZoneCodes } from '../codes';
import { decodeBase32Hex } from '../rdata/dnssec';
import { splitLabels } from '../names';
import { recordsOfType } from './owners';

const NSEC3 = 50;

/** A presentation label's octets as text (`\065` and `\A` become `A`). */
function unescape(label: string): string {
  return label.replace(/\\([0-9]{3}|.)/g, (_m, e: string) => (e.length === 3 ? String.fromCharCode(Number(e)) : e));
}

export function checkNsec3Owners(records: readonly ResourceRecord[]): Problem[] {
  const problems: Problem[] = [];
  for (const rr of recordsOfType(records, NSEC3)) {
    const label = splitLabels(rr.owner)[0];
    if (label !== undefined && decodeBase32Hex(unescape(label)) !== undefined) continue;
    const at = rr.ownerSpan ?? rr.typeSpan;
    const p: Problem = { code: ZoneCodes.badName.code, offset: at.offset, length: at.length, args: { detail: 'nsec3-owner' } };
    problems.push(rr.file === undefined ? p : { ...p, file: rr.file });
  }
  return problems;
}
