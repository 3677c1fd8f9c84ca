/**
 * Shared by zone-mx-address and zone-ns-address: a target written as an IP address.
 * In a master file `10 192.0.2.1` is the *name* `192.0.2.1.<origin>` (or the absolute
 * name `192.0.2.1.` with a trailing dot), never an address.
 */
import ipaddr from 'ipaddr.js';
import type { CodeDef, Problem } from '../../diagnostics/types';
import { type SemanticContext, problem } from './context';
import { type TargetField, targetsOf } from './targets';

/** The address the token spells, without a trailing dot; undefined when it is a name. */
export function writtenAddress(text: string): string | undefined {
  if (!couldBeAddress(text)) return undefined;
  const bare = text.endsWith('.') && !text.endsWith('\\.') ? text.slice(0, -1) : text;
  if (ipaddr.IPv4.isValidFourPartDecimal(bare)) return bare;
  if (bare.includes(':') && !bare.includes('%') && ipaddr.IPv6.isValid(bare)) return bare;
  return undefined;
}

/** Cheap pre-filter: an address has a `:`, or only digits and dots. */
function couldBeAddress(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) return true;
    if (c !== 0x2e && (c < 0x30 || c > 0x39)) return false;
  }
  return true;
}

/**
 * Whether the target name could come from a token that spells an address: its first
 * label holds only hex digits and colons. An address token has no escapes, and the name
 * is that token with the origin added (or the token itself), so when this is false
 * writtenAddress of the token is undefined and the token need not be read.
 */
export function mayBeWrittenAddress(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x2e) return i > 0;
    const hex = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
    if (!hex && c !== 0x3a) return false;
  }
  return true;
}

export function checkTargetAddress(ctx: SemanticContext, target: TargetField, def: CodeDef): Problem[] {
  const out: Problem[] = [];
  for (const t of targetsOf(ctx.records, target)) {
    if (!mayBeWrittenAddress(t.name) || !t.token) continue;
    const address = writtenAddress(t.token.text);
    if (address === undefined) continue;
    out.push(problem(def, t.record, t.token, { address, target: t.name }));
  }
  return out;
}
