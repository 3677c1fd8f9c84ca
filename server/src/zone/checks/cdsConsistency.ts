/**
 * CDS/CDNSKEY at the apex (RFC 7344 §4, RFC 8078 §4): they tell the parent which keys
 * to publish, so each algorithm they name must be one the zone's own DNSKEY RRset
 * uses; the delete form (CDS `0 0 0 00`, CDNSKEY `0 3 0 AA==`, RFC 8078 §4) must be
 * alone in its RRset. BIND 9.18 refuses the zone otherwise ("CDS/CDNSKEY consistency
 * checks failed"); it compares algorithms only, not digests or keys, and ignores
 * CDS/CDNSKEY below the apex. Reported as zone-syntax with the detail `cds-no-dnskey`
 * or `cds-delete-not-alone`, on each offending record.
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../ast';
import { ZoneCodes } from '../codes';
import { namesEqual } from '../names';
import { recordsOfTypes } from './owners';

const DNSKEY = 48;
const CDS = 59;
const CDNSKEY = 60;

/** The delete form of each type, in canonical presentation. */
const DELETE: Readonly<Record<number, string>> = { [CDS]: '0 0 0 00', [CDNSKEY]: '0 3 0 AA==' };

export function checkCdsConsistency(records: readonly ResourceRecord[], apex: string): Problem[] {
  const keyAlgorithms = new Set<unknown>();
  const sets = new Map<number, ResourceRecord[]>([
    [CDS, []],
    [CDNSKEY, []],
  ]);
  for (const rr of recordsOfTypes(records, [DNSKEY, CDS, CDNSKEY])) {
    if (!namesEqual(rr.owner, apex)) continue;
    if (rr.typeCode === DNSKEY) keyAlgorithms.add(rr.rdata.fields.algorithm);
    else sets.get(rr.typeCode)?.push(rr);
  }
  const problems: Problem[] = [];
  for (const [code, set] of sets) {
    const hasDelete = set.some((rr) => rr.rdata.canonical === DELETE[code]);
    for (const rr of set) {
      const isDelete = rr.rdata.canonical === DELETE[code];
      const algorithm = rr.rdata.fields.algorithm;
      let detail: string | undefined;
      if (hasDelete) detail = isDelete ? undefined : 'cds-delete-not-alone';
      else if (!keyAlgorithms.has(algorithm)) detail = 'cds-no-dnskey';
      if (detail === undefined) continue;
      const at = rr.ownerSpan ?? rr.typeSpan;
      const p: Problem = {
        code: ZoneCodes.syntax.code,
        offset: at.offset,
        length: at.length,
        args: { detail, type: rr.type, algorithm: String(algorithm) },
      };
      problems.push(rr.file === undefined ? p : { ...p, file: rr.file });
    }
  }
  return problems;
}
