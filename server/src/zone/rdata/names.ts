/**
 * Types whose RDATA is domain names only (RFC 1035 §3.3, RFC 6672 DNAME, RFC 1348
 * NSAP-PTR, RFC 1183 RP, RFC 1035 MINFO, TALINK).
 */
import { record, type Codec } from './codec';
import { name } from './fields';

const target = record(name('target'));

export const nameCodecs: ReadonlyArray<readonly [string, Codec]> = [
  ['NS', target],
  ['MD', target],
  ['MF', target],
  ['CNAME', target],
  ['MB', target],
  ['MG', target],
  ['MR', target],
  ['PTR', target],
  ['NSAP-PTR', target],
  ['DNAME', target],
  ['MINFO', record(name('rmailbx'), name('emailbx'))],
  ['RP', record(name('mbox'), name('txt'))],
  ['TALINK', record(name('previous'), name('next'))],
];
