/**
 * Diagnostic: spf-mailchannels-lockdown — `include:relay.mailchannels.net` authorises the
 * relay's addresses, and every MailChannels customer sends from them: SPF cannot tell your
 * host's mail from another customer's. MailChannels' Domain Lockdown closes that gap: a TXT
 * record at `_mailchannels.<domain>`, `v=mc1` followed by space-separated `auth=<account
 * id>`, `senderid=<sender id>` or `sidw=<pattern>` fields, lists who may send as the
 * domain; without one, any MailChannels account can send mail as the domain that passes
 * SPF, and DMARC with it (docs.mailchannels.com/outbound/domain-lockdown). `cfid=`
 * (Cloudflare Workers) is no longer supported since 31 August 2024. Reported on the include
 * term of each SPF record at a name of the zone with no lockdown record; no quick-fix (the
 * account id is the host's, shown in the `X-MailChannels-Auth-Id` header of its mail).
 */
import type { Problem } from '../diagnostics/types';
import type { ResourceRecord, Zone } from '../zone/ast';
import { recordsOfType } from '../zone/checks/owners';
import { isSubdomain, nameKey } from '../zone/names';
import { isMechanism } from '../spf/ast';
import { spfRecordOf } from '../spf/check';
import { display } from '../dmarc/collect';
import { ProviderCodes } from './codes';

const TXT = 16;
const RELAY = 'relay.mailchannels.net';
const LOCKDOWN_LABEL = /^_mailchannels\./i;

/** What one TXT text at `_mailchannels.<domain>` says: undefined when it is no `v=mc1` record. */
export interface Lockdown {
  /** `listed`: it names who may send (auth=, senderid=, sidw=); `cfid-only`: only cfid=, no longer supported. */
  readonly state: 'listed' | 'cfid-only' | 'empty';
  /** The account ids of its auth= fields, as written. */
  readonly auth: readonly string[];
}

export function readLockdown(text: string): Lockdown | undefined {
  if (!/^v=mc1(?:[ \t]|$)/i.test(text)) return undefined;
  const auth = [...text.matchAll(/(?:^|[ \t])auth=(\S+)/gi)].map((m) => m[1]);
  if (auth.length > 0 || /(?:^|[ \t])(?:senderid|sidw)=\S/i.test(text)) return { state: 'listed', auth };
  return { state: /(?:^|[ \t])cfid=\S/i.test(text) ? 'cfid-only' : 'empty', auth };
}

/** What the `_mailchannels` records of the zone say, by the name key they are about. */
function lockdowns(records: readonly ResourceRecord[]): Map<string, 'listed' | 'cfid-only'> {
  const out = new Map<string, 'listed' | 'cfid-only'>();
  for (const rr of recordsOfType(records, TXT)) {
    if (!LOCKDOWN_LABEL.test(rr.owner)) continue;
    const lockdown = readLockdown((rr.rdata.strings ?? []).map((s) => s.value).join(''));
    if (lockdown === undefined) continue;
    const key = nameKey(rr.owner.slice(rr.owner.indexOf('.') + 1));
    if (lockdown.state === 'listed') out.set(key, 'listed');
    else if (!out.has(key) && lockdown.state === 'cfid-only') out.set(key, 'cfid-only');
  }
  return out;
}

export function checkMailchannelsLockdown(zone: Zone): Problem[] {
  let locked: Map<string, 'listed' | 'cfid-only'> | undefined;
  const out: Problem[] = [];
  for (const rr of recordsOfType(zone.records, TXT)) {
    // An include target (`_spf.…`) or a wildcard is not the name mail is sent as.
    if (rr.owner.charCodeAt(0) === 0x5f /* _ */ || rr.owner.charCodeAt(0) === 0x2a /* * */ || !isSubdomain(rr.owner, zone.origin)) continue;
    const ctx = spfRecordOf(rr);
    if (!ctx) continue;
    const term = ctx.spf.terms.find(
      (t) =>
        isMechanism(t) &&
        t.name === 'include' &&
        t.qualifier === '+' &&
        t.domain !== undefined &&
        t.domain.text.toLowerCase().replace(/\.$/, '') === RELAY,
    );
    if (!term) continue;
    locked ??= lockdowns(zone.records);
    const state = locked.get(nameKey(rr.owner));
    if (state === 'listed') continue;
    const span = ctx.spf.spanOf(term.from, term.to);
    out.push({
      code: ProviderCodes.mailchannelsLockdown.code,
      offset: span.offset,
      length: span.length,
      args: { name: display(rr.owner), detail: state === 'cfid-only' ? 'mailchannels-cfid-only' : 'mailchannels-none' },
      ...(rr.file ? { file: rr.file } : {}),
    });
  }
  return out;
}
