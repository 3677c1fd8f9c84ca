/**
 * What a DMARC record rule sees: the TXT record, its parse, and where it sits.
 */
import type { Problem } from '../diagnostics/types';
import type { TxtRecord } from '../dkim/records';
import type { DmarcRecord } from './parse';

export type DmarcPlacement =
  /** At `_dmarc.<domain>`: a policy record. */
  | 'policy'
  /** At `<domain>._report._dmarc.<dest>`: a report destination's authorization (RFC 9990 §3). */
  | 'report-authorization';

export interface DmarcContext {
  readonly txt: TxtRecord;
  readonly dmarc: DmarcRecord;
  /** The domain the record speaks for: the owner without its `_dmarc` label. */
  readonly domain: string;
  readonly placement: DmarcPlacement;
  /** Another record at the same name is a DMARC record (so this one is merely ignored). */
  readonly besideDmarc: boolean;
}

export type DmarcRecordRule = (ctx: DmarcContext) => Problem[];
