/**
 * Diagnostic: dkim-testing
 *
 * RFC 6376 §3.6.1, t= flag `y`: the domain is testing DKIM; verifiers MUST NOT
 * treat its messages differently from unsigned ones. Left on by mistake, it
 * weakens every signature made with the key.
 */
import type { Problem } from '../../diagnostics/types';
import { problemIn } from '../records';
import { DkimCodes } from '../codes';
import { listItems } from '../parse';
import type { DkimContext } from '../context';

export function checkTesting(ctx: DkimContext): Problem[] {
  const flag = listItems(ctx.key.tag('t')).find((i) => i.item.toLowerCase() === 'y');
  if (!flag) return [];
  return [{
    ...problemIn(ctx.txt, DkimCodes.testing.code, flag.from, flag.to, { selector: ctx.selector }),
    data: { removeFlag: 'y' },
  }];
}
