/**
 * RR type mnemonics and numbers as BIND 9.18 knows them (IANA "Resource Record (RR)
 * TYPEs"; RFC 3597 §5 for `TYPEnnn`).
 */

const NAMES: ReadonlyArray<readonly [number, string]> = [
  [1, 'A'], [2, 'NS'], [3, 'MD'], [4, 'MF'], [5, 'CNAME'], [6, 'SOA'], [7, 'MB'], [8, 'MG'],
  [9, 'MR'], [10, 'NULL'], [11, 'WKS'], [12, 'PTR'], [13, 'HINFO'], [14, 'MINFO'], [15, 'MX'],
  [16, 'TXT'], [17, 'RP'], [18, 'AFSDB'], [19, 'X25'], [20, 'ISDN'], [21, 'RT'], [22, 'NSAP'],
  [23, 'NSAP-PTR'], [24, 'SIG'], [25, 'KEY'], [26, 'PX'], [27, 'GPOS'], [28, 'AAAA'], [29, 'LOC'],
  [30, 'NXT'], [31, 'EID'], [32, 'NIMLOC'], [33, 'SRV'], [34, 'ATMA'], [35, 'NAPTR'], [36, 'KX'],
  [37, 'CERT'], [38, 'A6'], [39, 'DNAME'], [40, 'SINK'], [41, 'OPT'], [42, 'APL'], [43, 'DS'],
  [44, 'SSHFP'], [45, 'IPSECKEY'], [46, 'RRSIG'], [47, 'NSEC'], [48, 'DNSKEY'], [49, 'DHCID'],
  [50, 'NSEC3'], [51, 'NSEC3PARAM'], [52, 'TLSA'], [53, 'SMIMEA'], [55, 'HIP'], [56, 'NINFO'],
  [57, 'RKEY'], [58, 'TALINK'], [59, 'CDS'], [60, 'CDNSKEY'], [61, 'OPENPGPKEY'], [62, 'CSYNC'],
  [63, 'ZONEMD'], [64, 'SVCB'], [65, 'HTTPS'], [66, 'DSYNC'], [67, 'HHIT'], [68, 'BRID'],
  [99, 'SPF'], [100, 'UINFO'], [101, 'UID'], [102, 'GID'], [103, 'UNSPEC'], [104, 'NID'],
  [105, 'L32'], [106, 'L64'], [107, 'LP'], [108, 'EUI48'], [109, 'EUI64'], [249, 'TKEY'],
  [250, 'TSIG'], [251, 'IXFR'], [252, 'AXFR'], [253, 'MAILB'], [254, 'MAILA'], [255, 'ANY'],
  [256, 'URI'], [257, 'CAA'], [258, 'AVC'], [259, 'DOA'], [260, 'AMTRELAY'], [261, 'RESINFO'],
  [262, 'WALLET'], [32768, 'TA'], [32769, 'DLV'],
];

const BY_CODE = new Map<number, string>(NAMES);
const BY_NAME = new Map<string, number>(NAMES.map(([c, n]) => [n, c]));

/** The type number for a mnemonic or `TYPEnnn` (any case); undefined when unknown. */
export function typeCode(mnemonic: string): number | undefined {
  const upper = mnemonic.toUpperCase();
  const known = BY_NAME.get(upper);
  if (known !== undefined) return known;
  const m = /^TYPE([0-9]{1,5})$/.exec(upper);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n <= 0xffff ? n : undefined;
}

/** The canonical mnemonic BIND prints, or `TYPEnnn`. */
export function typeName(code: number): string {
  return BY_CODE.get(code) ?? `TYPE${code}`;
}

/** True when BIND has a text form for the type (others print as `\# len hex`). */
export function isKnownType(code: number): boolean {
  return BY_CODE.has(code);
}

/**
 * Types that may not appear as zone data: BIND's "invalid use of a meta type" for
 * TYPE0, OPT and the whole 128–255 range (TKEY, TSIG, IXFR, AXFR, MAILB, MAILA, ANY and
 * unassigned QTYPEs alike).
 */
export function isMetaType(code: number): boolean {
  return code === 0 || code === 41 || (code >= 128 && code <= 255);
}

/** MD and MF (RFC 973): BIND 9.18 refuses them in zone files as "obsolete"; use MX. */
export function isObsoleteType(code: number): boolean {
  return code === 3 || code === 4;
}
