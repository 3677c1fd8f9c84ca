/**
 * tlsa-not-mx-host — RFC 7672 §2.2.3: a sending mail server looks up the TLSA records of
 * `_25._tcp.<MX host>`, the host the MX record names, not of the mail domain. A TLSA record
 * at `_25._tcp.example.jp` while example.jp's MX names mail.example.jp is read by no one:
 * DANE is not in force, though the zone looks as if it were. A domain without MX records is
 * its own mail host (RFC 7672 §2.2.2, RFC 5321 §5.1), and one whose MX names itself too:
 * both are left alone, and so is a null MX (no mail at all). Reported once per owner, on its
 * first TLSA record; the quick-fix moves the records to the one MX host, when the zone holds
 * it and it has no TLSA records of its own yet.
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../../zone/ast';
import { recordsOfType } from '../../zone/checks/owners';
import { isSubdomain, nameKey } from '../../zone/names';
import { ownerSpan, problem } from '../../zone/semantics/context';
import { display } from '../../dmarc/collect';
import { DaneCodes } from '../codes';

const MX = 15;
const SMTP = '_25._tcp.';

/** What the quick-fix reads from the problem's data. */
export interface NotMxHostData {
  /** The owner key of the misplaced records. */
  readonly owner: string;
  /** The owner to write instead (absolute, as the MX names it). */
  readonly moveTo: string;
}

export function checkNotMxHost(tlsa: readonly ResourceRecord[], all: readonly ResourceRecord[], origin: string): Problem[] {
  const out: Problem[] = [];
  let exchanges: Map<string, string[]> | undefined;
  const seen = new Set<string>();
  for (const r of tlsa) {
    const key = nameKey(r.owner);
    if (!key.startsWith(SMTP) || seen.has(key)) continue;
    seen.add(key);
    exchanges ??= mxTargets(all);
    const domain = key.slice(SMTP.length);
    const hosts = exchanges.get(domain);
    if (hosts === undefined || hosts.some((h) => h === '.' || nameKey(h) === domain)) continue;
    const p = problem(DaneCodes.notMxHost, r, ownerSpan(r), {
      domain: display(r.owner.slice(SMTP.length)),
      hosts: hosts.map(display).join(', '),
      first: display(hosts[0]),
      detail: hosts.every((h) => !isSubdomain(h, origin)) ? 'tlsa-mx-outside' : hosts.length > 1 ? 'tlsa-mx-several' : 'tlsa-mx-inside',
    });
    const moveTo = hosts[0].endsWith('.') ? SMTP + hosts[0] : undefined;
    if (hosts.length === 1 && moveTo && isSubdomain(hosts[0], origin)) (p as { data?: NotMxHostData }).data = { owner: key, moveTo };
    out.push(p);
  }
  return out;
}

/** The MX exchanges of each owner key, as the records name them (in zone order, each once). */
function mxTargets(all: readonly ResourceRecord[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of recordsOfType(all, MX)) {
    const exchange = r.rdata.fields.exchange;
    if (typeof exchange !== 'string') continue;
    const key = nameKey(r.owner);
    let list = out.get(key);
    if (!list) out.set(key, (list = []));
    if (!list.some((x) => nameKey(x) === nameKey(exchange))) list.push(exchange);
  }
  return out;
}
