/**
 * Diagnostic: dmarc-external-destination
 *
 * RFC 9990 §3 (RFC 7489 §7.1): when a rua=/ruf= address lies outside the
 * organizational domain of the domain the policy is for, receivers first look
 * for `<domain>._report._dmarc.<dest>` TXT starting with `v=DMARC1`; without it
 * they send no reports there. The zone's own data answers first; other names go
 * to the resolver, and a lookup that fails (offline, timeout) reports nothing.
 */
import type { Problem } from '../../diagnostics/types';
import type { Resolver } from '../../dns/resolver';
import { problemIn } from '../../dkim/records';
import { isSubdomain, nameKey } from '../../zone/names';
import { DmarcCodes } from '../codes';
import { display, type DmarcView } from '../collect';
import { isDmarcText, reportUris } from '../parse';
import { organizationalDomain } from './missing';
import { ITEMS_PER_STEP, runStepsIn, type Slices, type Steps } from '../../steps';

type Verdict = 'authorized' | 'missing' | 'unknown';

/** Distinct authorisation names looked up per zone; a record with more gets the first ones checked. */
export const MAX_DESTINATIONS = 64;

interface Candidate {
  readonly ctx: DmarcView['contexts'][number];
  readonly uri: ReturnType<typeof reportUris>[number];
  readonly dest: string;
  readonly authName: string;
}

/** `slices`: read the records in slices of the event loop (steps.ts). */
export async function checkExternalDestination(
  view: DmarcView,
  resolver: Resolver,
  signal?: AbortSignal,
  slices?: Slices,
): Promise<Problem[]> {
  const { candidates, verdicts } = await runStepsIn(destinations(view, resolver, signal), slices);
  const settled = new Map<string, Verdict>();
  await Promise.all([...verdicts].map(async ([key, v]) => settled.set(key, await v)));
  if (signal?.aborted) return [];
  const out: Problem[] = [];
  for (const { ctx, uri, dest, authName } of candidates) {
    if (settled.get(nameKey(authName)) !== 'missing') continue;
    out.push({
      ...problemIn(ctx.txt, DmarcCodes.externalDestination.code, uri.from, uri.to, {
        domain: display(ctx.domain),
        dest: display(dest),
        authName: display(authName),
      }),
      data: { authorizationName: authName },
    });
  }
  return out;
}

/**
 * Every destination outside its policy's organization, with the lookups of their
 * authorisation names started: one slow server costs one deadline, not one per address.
 */
function* destinations(
  view: DmarcView,
  resolver: Resolver,
  signal: AbortSignal | undefined,
): Steps<{ candidates: Candidate[]; verdicts: Map<string, Promise<Verdict>> }> {
  const candidates: Candidate[] = [];
  const verdicts = new Map<string, Promise<Verdict>>();
  for (let i = 0; i < view.contexts.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    const ctx = view.contexts[i];
    if (ctx.placement !== 'policy' || !ctx.dmarc.isDmarc) continue;
    const domainOrg = organizationalDomain(ctx.domain) ?? ctx.domain;
    for (const name of ['rua', 'ruf']) {
      const tag = ctx.dmarc.tag(name);
      if (!tag) continue;
      for (const uri of reportUris(tag)) {
        if (!uri.host) continue;
        const dest = uri.host + '.';
        const destOrg = organizationalDomain(dest) ?? dest;
        if (nameKey(destOrg) === nameKey(domainOrg) || isSubdomain(dest, ctx.domain)) continue;
        const authName = `${display(ctx.domain)}._report._dmarc.${dest}`;
        const key = nameKey(authName);
        if (!verdicts.has(key)) {
          if (verdicts.size >= MAX_DESTINATIONS) continue;
          verdicts.set(key, authorization(view, authName, dest, resolver, signal));
        }
        candidates.push({ ctx, uri, dest, authName });
      }
    }
  }
  return { candidates, verdicts };
}

async function authorization(
  view: DmarcView,
  authName: string,
  dest: string,
  resolver: Resolver,
  signal?: AbortSignal,
): Promise<Verdict> {
  if (isSubdomain(dest, view.zone.origin)) {
    // This zone is the authority for the destination: its data is the answer.
    const wildcard = nameKey(`*._report._dmarc.${dest}`);
    const found = view.contexts.some(
      (c) =>
        c.placement === 'report-authorization' &&
        (nameKey(c.txt.owner) === nameKey(authName) || nameKey(c.txt.owner) === wildcard) &&
        isDmarcText(c.txt.text.value),
    );
    return found ? 'authorized' : 'missing';
  }
  const result = await resolver.lookup(authName, 'TXT', signal);
  switch (result.kind) {
    case 'ok':
      return result.records.some((strings) => isDmarcText(strings.join(''))) ? 'authorized' : 'missing';
    case 'nxdomain':
    case 'nodata':
      return 'missing';
    default:
      return 'unknown';
  }
}
