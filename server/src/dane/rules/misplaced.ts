/**
 * tlsa-misplaced — RFC 6698 §3: a client asks for the TLSA records of
 * `_<port>._<protocol>.<host>` (`_25._tcp.mail.example.jp.`, `_443._tcp.www.example.jp.`).
 * A TLSA record elsewhere (at the host's own name, `_tcp.mail…`, `_smtp._tcp…`) is never
 * read. Reported once per owner, on its first record.
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../../zone/ast';
import { ownerSpan, problem } from '../../zone/semantics/context';
import { DaneCodes } from '../codes';
import { firstOfEachOwner, tlsaService } from '../tlsa';

export function checkMisplaced(tlsa: readonly ResourceRecord[]): Problem[] {
  const out: Problem[] = [];
  for (const r of firstOfEachOwner(tlsa)) {
    if (tlsaService(r.owner)) continue;
    out.push(problem(DaneCodes.misplaced, r, ownerSpan(r), { name: r.owner.replace(/\.$/, '') }));
  }
  return out;
}
