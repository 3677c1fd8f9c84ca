/**
 * Diagnostic: spf-multiple-records — RFC 7208 §4.5: if more than one TXT record at
 * a name starts with v=spf1, check_host() returns permerror. Reported on the
 * `v=spf1` of each of them.
 */
import { SpfCodes } from '../codes';
import { problemAt, type OwnerRule } from './context';

export const checkMultipleRecords: OwnerRule = (owner) => {
  if (owner.txtSpf.length < 2) return [];
  const records = owner.txtSpf.map((r) => r.rr.span);
  return owner.txtSpf.map((r) =>
    problemAt(r, SpfCodes.multipleRecords, r.spf.version, { owner: owner.owner, count: owner.txtSpf.length }, { owner: owner.owner, records }),
  );
};
