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
import { ownerGroups } from '../../zone/checks/owners';
import { isSubdomain, nameKey } from '../../zone/names';
import { ownerSpan, problem } from '../../zone/semantics/context';
import { display } from '../../dmarc/collect';
import { DaneCodes } from '../codes';
import { firstOfEachOwner, tlsaService } from '../tlsa';

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
  for (const r of firstOfEachOwner(tlsa)) {
    const key = nameKey(r.owner);
    const service = tlsaService(r.owner);
    if (service?.port !== 25 || service.protocol.toLowerCase() !== 'tcp') continue;
    const domain = nameKey(service.host);
    const hosts = exchanges(ownerGroups(all).get(domain));
    if (hosts.length === 0 || hosts.some((h) => h === '.' || nameKey(h) === domain)) continue;
    const p = problem(DaneCodes.notMxHost, r, ownerSpan(r), {
      domain: display(service.host),
      hosts: hosts.map(display).join(', '),
      first: display(hosts[0]),
      detail: hosts.every((h) => !isSubdomain(h, origin)) ? 'tlsa-mx-outside' : hosts.length > 1 ? 'tlsa-mx-several' : 'tlsa-mx-inside',
    });
    if (hosts.length === 1 && hosts[0].endsWith('.') && isSubdomain(hosts[0], origin)) (p as { data?: NotMxHostData }).data = { owner: key, moveTo: SMTP + hosts[0] };
    out.push(p);
  }
  return out;
}

/** The MX exchanges among a name's records, as they name them (in zone order, each once). */
function exchanges(records: readonly ResourceRecord[] | undefined): string[] {
  const out: string[] = [];
  for (const r of records ?? []) {
    const exchange = r.typeCode === MX ? r.rdata.fields.exchange : undefined;
    if (typeof exchange === 'string' && !out.some((x) => nameKey(x) === nameKey(exchange))) out.push(exchange);
  }
  return out;
}
