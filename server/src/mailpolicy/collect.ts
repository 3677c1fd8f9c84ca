/**
 * Sorts the zone's TXT records by mail-policy kind: those at a kind's own name
 * (`_mta-sts`, `_smtp._tls`, `<selector>._bimi`) and the rest.
 */
import type { Zone } from '../zone/ast';
import { splitLabels } from '../zone/names';
import { txtRecords, type TxtRecord } from '../dkim/records';
import { KINDS, type RecordKind } from './kinds';
import { parsePolicyRecord, type PolicyRecord } from './parse';

export interface PolicyContext {
  readonly txt: TxtRecord;
  readonly kind: RecordKind;
  readonly record: PolicyRecord;
  /** The domain the record is for (absolute). */
  readonly domain: string;
}

export interface MailPolicyView {
  readonly zone: Zone;
  readonly txts: readonly TxtRecord[];
  readonly contexts: readonly PolicyContext[];
  /** TXT records at none of the kinds' names. */
  readonly others: readonly TxtRecord[];
}

export function collectMailPolicy(zone: Zone, txts: readonly TxtRecord[] = txtRecords(zone)): MailPolicyView {
  const contexts: PolicyContext[] = [];
  const others: TxtRecord[] = [];
  for (const txt of txts) {
    let placed = false;
    for (const kind of KINDS) {
      const at = kind.place(txt.labels);
      if (at === undefined) continue;
      const rest = splitLabels(txt.owner).slice(at);
      const domain = rest.length ? rest.join('.') + '.' : '.';
      contexts.push({ txt, kind, record: parsePolicyRecord(kind, txt.text.value), domain });
      placed = true;
      break;
    }
    if (!placed) others.push(txt);
  }
  return { zone, txts, contexts, others };
}
