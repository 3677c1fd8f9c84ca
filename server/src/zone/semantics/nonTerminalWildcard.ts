/**
 * zone-non-terminal-wildcard — an owner with a `*` label that is not its leftmost label.
 *
 * RFC 4592 §2.1.1: only a leftmost `*` label makes a wildcard; anywhere else (`a.*.example.`)
 * the asterisk is an ordinary label, and the record answers for that one name alone, which
 * is rarely what was meant (`*.a.example.` was). BIND warns when it reads such an owner
 * ("ownername … contains an non-terminal wildcard", check-wildcard, on by default): once
 * where the owner is written (a record that inherits it is not warned about again), and not
 * for records made by $GENERATE. The diagnostic sits on the owner as written.
 */
import type { Problem } from '../../diagnostics/types';
import { decodeName } from '../names';
import { SemanticsCodes } from './codes';
import { type SemanticContext, problem } from './context';

export function checkNonTerminalWildcard(ctx: SemanticContext): Problem[] {
  const out: Problem[] = [];
  // Records of one owner come in runs: the owner is tested once per run.
  let lastOwner: string | undefined;
  let inner = false;
  for (const r of ctx.all) {
    if (r.owner !== lastOwner) {
      lastOwner = r.owner;
      inner = hasInnerAsterisk(r.owner);
    }
    if (!inner || r.generated) continue;
    const span = r.ownerSpan;
    if (span !== undefined) out.push(problem(SemanticsCodes.nonTerminalWildcard, r, span, { owner: r.owner }));
  }
  return out;
}

/** Whether a label after the first is `*` (written `*` or `\*`, `\042`). */
function hasInnerAsterisk(name: string): boolean {
  if (!name.includes('\\') && name.indexOf('*', 1) < 0) return false;
  const decoded = decodeName(name);
  return decoded.ok && decoded.labels.slice(1).includes('*');
}
