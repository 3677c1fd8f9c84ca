/**
 * Fixed-layout types of numbers and names: SOA (RFC 1035 §3.3.13), MX (§3.3.9),
 * AFSDB (RFC 1183 §1), RT (§3.3), KX (RFC 2230), PX (RFC 2163), SRV (RFC 2782).
 */
import { record, type Codec } from './codec';
import { name, seconds, u16, u32 } from './fields';

export const basicCodecs: ReadonlyArray<readonly [string, Codec]> = [
  [
    'SOA',
    record(
      name('mname'),
      name('rname'),
      u32('serial'),
      seconds('refresh'),
      seconds('retry'),
      seconds('expire'),
      seconds('minimum'),
    ),
  ],
  ['MX', record(u16('preference'), name('exchange'))],
  ['AFSDB', record(u16('subtype'), name('hostname'))],
  ['RT', record(u16('preference'), name('host'))],
  ['KX', record(u16('preference'), name('exchanger'))],
  ['PX', record(u16('preference'), name('map822'), name('mapx400'))],
  ['SRV', record(u16('priority'), u16('weight'), u16('port'), name('target'))],
];
