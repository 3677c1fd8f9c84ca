/**
 * Diagnostic: dkim-revoked
 *
 * RFC 6376 §3.6.1: an empty p= means the key has been revoked; signatures that
 * name this selector fail. Often deliberate, hence information.
 */
import type { Problem } from '../../diagnostics/types';
import { problemIn } from '../records';
import { DkimCodes } from '../codes';
import type { DkimContext } from '../context';

export function checkRevoked(ctx: DkimContext): Problem[] {
  const p = ctx.key.tag('p');
  if (!p || p.value.trim() !== '') return [];
  return [problemIn(ctx.txt, DkimCodes.revoked.code, p.start, p.end, { selector: ctx.selector })];
}
