/**
 * Shared by the tests that hold the target rules against named-checkzone's integrity
 * checks: both sides' findings as `kind target`, the target lower-cased without its
 * final dot (`mx-no-address mail.example.com`).
 */
import type { Problem } from '../../../server/src/diagnostics/types';

/** Our codes and the kind each compares as. */
const KIND: Record<string, string> = {
  'zone-missing-glue': 'glue',
  'zone-ns-cname': 'ns-cname',
  'zone-mx-cname': 'mx-cname',
  'zone-srv-cname': 'srv-cname',
  'zone-mx-no-address': 'mx-no-address',
  'zone-srv-no-address': 'srv-no-address',
};

export const targetKey = (name: string): string => name.toLowerCase().replace(/\.$/, '');

/** Our findings of the target rules, each once, sorted. */
export function ourTargetFindings(problems: readonly Problem[]): string[] {
  const out = problems.filter((p) => KIND[p.code] !== undefined).map((p) => `${KIND[p.code]} ${targetKey(String(p.args?.['target']))}`);
  return [...new Set(out)].sort();
}

/**
 * named-checkzone's "NS/MX/SRV 'x' has no (REQUIRED/SIBLING GLUE) address records" and
 * "… 'x' is a CNAME" warnings, each once, sorted; those about names outside the zone are
 * left out (no rule of ours looks them up).
 */
export function bindTargetFindings(log: string): string[] {
  const out: string[] = [];
  for (const m of log.matchAll(/^zone \S+: (?:\S+\/)?(NS|MX|SRV) '([^']+)' (\(out of zone\) )?(has no (?:REQUIRED GLUE |SIBLING GLUE )?address(?:es)? records|is a CNAME)/gm)) {
    const [, type, target, outside, what] = m;
    if (outside) continue;
    const kind = what.startsWith('is a CNAME') ? `${type.toLowerCase()}-cname` : type === 'NS' ? 'glue' : `${type.toLowerCase()}-no-address`;
    out.push(`${kind} ${targetKey(target)}`);
  }
  return [...new Set(out)].sort();
}
