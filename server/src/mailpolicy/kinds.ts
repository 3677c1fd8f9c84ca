/**
 * The three record kinds this module checks, and where each one lives:
 * MTA-STS at `_mta-sts.<domain>` (RFC 8461 §3.1), TLS-RPT at `_smtp._tls.<domain>`
 * (RFC 8460 §3), BIMI at `<selector>._bimi.<domain>` (BIMI draft §4.3).
 */
import type { CodeDef } from '../diagnostics/types';
import { MailPolicyCodes as C } from './codes';

export type KindId = 'mtasts' | 'tlsrpt' | 'bimi';

export interface RecordKind {
  readonly id: KindId;
  /** The version tag as it must be written first, e.g. `v=STSv1`. */
  readonly version: string;
  /** Matches the start of a record of this kind (what receivers keep). */
  readonly start: RegExp;
  /** Loosely matches a record meant to be of this kind, even when misspelt. */
  readonly resembles: RegExp;
  /** Whether the ABNF allows spaces around `=` (BIMI, DKIM-style) or not. */
  readonly spacesAroundEquals: boolean;
  /** The index of the first label of the policy domain, when the owner is this kind's name. */
  place(labels: readonly string[]): number | undefined;
  /** Where a record found at `owner` (labels lower-cased) should have been. */
  expected(labels: readonly string[]): string;
  readonly syntax: CodeDef;
  readonly multiple: CodeDef;
  readonly misplaced: CodeDef;
}

const prefixed = (prefix: string, skip: (labels: readonly string[]) => number) => (labels: readonly string[]) =>
  prefix + labels.slice(skip(labels)).join('.') + (labels.length ? '.' : '');

export const MTASTS: RecordKind = {
  id: 'mtasts',
  version: 'v=STSv1',
  start: /^v=STSv1[ \t]*(;|$)/,
  resembles: /^[ \t]*v[ \t]*=[ \t]*stsv/i,
  spacesAroundEquals: false,
  place: (labels) => (labels[0] === '_mta-sts' ? 1 : undefined),
  expected: prefixed('_mta-sts.', (l) => (l[0] === 'mta-sts' ? 1 : 0)),
  syntax: C.mtastsSyntax,
  multiple: C.mtastsMultipleRecords,
  misplaced: C.mtastsMisplaced,
};

export const TLSRPT: RecordKind = {
  id: 'tlsrpt',
  version: 'v=TLSRPTv1',
  start: /^v=TLSRPTv1[ \t]*(;|$)/,
  resembles: /^[ \t]*v[ \t]*=[ \t]*tlsrpt/i,
  spacesAroundEquals: false,
  place: (labels) => (labels[0] === '_smtp' && labels[1] === '_tls' ? 2 : undefined),
  expected: prefixed('_smtp._tls.', (l) => (l[0] === '_smtp' || l[0] === '_tls' ? (l[1] === '_tls' ? 2 : 1) : 0)),
  syntax: C.tlsrptSyntax,
  multiple: C.tlsrptMultipleRecords,
  misplaced: C.tlsrptMisplaced,
};

export const BIMI: RecordKind = {
  id: 'bimi',
  version: 'v=BIMI1',
  start: /^v[ \t]*=[ \t]*BIMI1[ \t]*(;|$)/,
  resembles: /^[ \t]*v[ \t]*=[ \t]*bimi/i,
  spacesAroundEquals: true,
  place: (labels) => {
    const at = labels.indexOf('_bimi');
    return at >= 1 ? at + 1 : undefined;
  },
  expected: prefixed('default._bimi.', (l) => (l[0] === '_bimi' ? 1 : 0)),
  syntax: C.bimiSyntax,
  multiple: C.bimiMultipleRecords,
  misplaced: C.bimiMisplaced,
};

export const KINDS: readonly RecordKind[] = [MTASTS, TLSRPT, BIMI];
