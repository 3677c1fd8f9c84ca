/**
 * Diagnostic: spf-record-too-long — RFC 7208 §3.4: a record whose answer does not
 * fit in 512 octets of UDP needs TCP, and "SPF implementers are advised to keep
 * the record size below 450 octets". Reported over the whole record text.
 */
import { SpfCodes } from '../codes';
import { problemAt, type RecordRule } from './context';

export const MAX_RECORD_OCTETS = 450;

export const checkRecordTooLong: RecordRule = (ctx) => {
  const length = ctx.spf.text.length;
  if (length <= MAX_RECORD_OCTETS) return [];
  return [problemAt(ctx, SpfCodes.recordTooLong, { from: 0, to: length }, { length })];
};
