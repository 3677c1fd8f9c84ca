/** What a DKIM key record rule sees. */
import type { Problem } from '../diagnostics/types';
import type { TxtRecord } from './records';
import type { DkimKeyRecord } from './parse';
import type { KeyVerdict } from './key';

export interface DkimContext {
  readonly txt: TxtRecord;
  readonly key: DkimKeyRecord;
  /** The selector (labels before `_domainkey`), for messages. */
  readonly selector: string;
  /** The decoded `p=`, when there is a non-empty one. */
  readonly verdict?: KeyVerdict;
}

export type DkimRule = (ctx: DkimContext) => Problem[];
