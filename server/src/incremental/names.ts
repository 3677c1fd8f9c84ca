/**
 * The relations between owner names that decide which checks an edit can change:
 * the mail group of a name (its `_dmarc`, `_domainkey`, `_mta-sts`, SRV and TLSA
 * names), the names its RDATA points at, and its ancestors (zone cuts, RFC 1034 §4.2.1).
 */
import type { ResourceRecord } from '../zone/ast';
import { nameKey, parentName, splitLabels } from '../zone/names';
import { spfRecordOf } from '../spf/check';

/**
 * The name a mail or service record is about: the labels after the last `_` label
 * (`s1._domainkey.example.com.` → `example.com.`, `_sip._tcp.h.example.com.` →
 * `h.example.com.`), and `mta-sts.example.com.` → `example.com.` (RFC 8461 §3).
 */
export function baseOf(key: string): string {
  if (key === '.') return key;
  // Most names have no `_` label and are no MTA-STS name: their own base.
  if (key.indexOf('_') < 0 && !key.startsWith('mta-sts.')) return key;
  const labels = splitLabels(key);
  let last = -1;
  for (let i = 0; i < labels.length; i++) if (labels[i].charCodeAt(0) === 0x5f /* _ */) last = i;
  if (last < 0 && labels[0] === 'mta-sts') last = 0;
  if (last < 0) return key;
  return last + 1 >= labels.length ? '.' : labels.slice(last + 1).join('.') + '.';
}

/** Ancestors of an absolute key, nearest first, down to (and including) `apex`; [] outside it. */
export function ancestorsOf(key: string, apexKey: string): string[] {
  const out: string[] = [];
  if (key === apexKey || !(apexKey === '.' || key.endsWith('.' + apexKey))) return out;
  let name = key;
  while (name !== apexKey && name !== '.') {
    name = parentName(name);
    out.push(name);
  }
  return out;
}

/** SPF terms whose domain-spec names a host the checks may look up in the zone. */
const SPF_TARGET = /^[+\-~?]?(?:include:|a:|mx:|ptr:|exists:|redirect=)([^/\s%]+)/i;

/** Name keys the record's RDATA points at (MX, NS, SRV, CNAME, DNAME… targets; SPF domains). */
export function targetsOf(record: ResourceRecord): string[] {
  const code = record.typeCode;
  if (code === 1 || code === 28) return [];
  if (code === 16 || code === 99) {
    const spf = spfRecordOf(record);
    if (!spf) return [];
    const out: string[] = [];
    for (const term of spf.spf.text.split(/\s+/)) {
      const m = SPF_TARGET.exec(term);
      if (m) out.push(nameKey(m[1].endsWith('.') ? m[1] : m[1] + '.'));
    }
    return out;
  }
  const out: string[] = [];
  for (const value of Object.values(record.rdata.fields)) {
    if (typeof value === 'string' && value.endsWith('.') && value.length > 1) out.push(nameKey(value));
  }
  return out;
}
