/**
 * Zones rich in the relations incremental checking must follow (MX/NS/SRV/CNAME
 * targets, glue under delegations, SPF includes between owners, _dmarc and DKIM names,
 * DNAME, wildcards, $ORIGIN and $TTL changes, owner inheritance, errors), and random
 * edits of them: characters and whole lines typed, deleted and pasted anywhere.
 */
import { Rng } from '../../helpers/zonegen';

const HOSTS = ['www', 'mail', 'host1', 'host2', 'ns1', 'ns2', 'Mail', 'a.b', 'deep.a.b', 'child', 'ns1.child', 'ns2.child', 'sub', 'x.sub', '_spf', 'relay'];

function host(rng: Rng): string {
  return rng.pick(HOSTS);
}

/** One statement (one or more lines) of the zone body. */
export function statement(rng: Rng): string {
  const h = host(rng);
  const blank = rng.chance(0.2) ? '' : h;
  const ttl = rng.chance(0.3) ? `${rng.pick([60, 300, 3600, '1h', '2d'])} ` : '';
  switch (rng.int(0, 29)) {
    case 0:
    case 1:
      return `${blank}\t${ttl}IN A 192.0.2.${rng.int(1, 254)}`;
    case 2:
      return `${blank}\t${ttl}AAAA 2001:db8::${rng.int(1, 999).toString(16)}`;
    case 3:
      // A quarter are null MX (RFC 7505), some of them beside other MX records.
      return `${h}\tMX ${rng.int(0, 20)} ${rng.chance(0.25) ? '.' : host(rng)}`;
    case 4:
      return `${h}\tNS ${host(rng)}${rng.chance(0.3) ? '.example.com.' : ''}`;
    case 5:
      return `${h}\tCNAME ${host(rng)}`;
    case 6:
      return `${h}\tSRV 10 5 5060 ${host(rng)}`;
    case 7:
    case 8:
      return `${h}\tTXT "v=spf1 ${rng.pick(['mx', 'a', 'ip4:192.0.2.0/24', `include:${host(rng)}.example.com`, 'include:_spf.google.com', 'include:_spf.gogle.com', 'include:_spf.exmaple.com', 'redirect=_spf.example.com', 'ptr', 'a:mail', 'include:relay.mailchannels.net'])} ${rng.pick(['-all', '~all', '+all', '', 'include:relay.example.com ?all'])}"`;
    case 9:
      return `_dmarc.${rng.pick(['', h + '.'])}@`.replace('.@', '').replace('_dmarc.@', '_dmarc') + `\tTXT "v=DMARC1; p=${rng.pick(['none', 'quarantine', 'reject', 'bogus'])}${rng.chance(0.4) ? '; pct=50' : ''}${rng.chance(0.3) ? '; rua=mailto:d@example.net' : ''}"`;
    case 10:
      return `${rng.pick(['s1', 'google', 'selector1'])}._domainkey${rng.chance(0.5) ? '.' + h : ''}\tTXT "v=DKIM1; k=rsa; p=${rng.pick(['', 'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC', 'not base64!'])}"`;
    case 11:
      return rng.chance(0.3)
        ? `_mailchannels${rng.chance(0.5) ? '.' + h : ''}\tTXT "v=mc1 ${rng.pick(['auth=myhost', 'cfid=x.workers.dev', '', 'auth=myhost;', 'auth:x'])}"`
        : `${rng.pick(['s1', 'selector1'])}._domainkey.${h}\tCNAME selector1-example-com._domainkey.example.onmicrosoft.com.`;
    case 12:
      return `${h}\tDNAME ${rng.pick(['example.net.', 'other'])}`;
    case 13:
      return `*.${rng.pick(['', h + '.'])}`.replace(/\.$/, '') + `\tA 192.0.2.99`;
    case 14:
      return `$TTL ${rng.pick([300, 3600, '1h', 'bogus'])}`;
    case 15:
      return rng.chance(0.5) ? `$ORIGIN sub.example.com.` : `$ORIGIN example.com.`;
    case 16:
      return `; a comment about ${h}`;
    case 17:
      return `${h}\tTXT ( "first part"\n\t\t"second part" ) ; split`;
    case 18:
      return `${h}\tMX 10 ${rng.pick(['aspmx.l.google.com.', 'mx1.mailchannels.net.', 'example-com.mail.protection.outlook.com.', 'mail.exmaple.com.'])}`;
    case 19:
      return `${h}\t${rng.pick(['BOGUS 1', 'A 999.1.1.1', 'MX mail', 'A', 'TXT "unterminated'])}`;
    case 20:
      return `_mta-sts.${h}\tTXT "v=STSv1; id=${rng.int(1, 99999)}"`;
    case 21:
      return `_smtp._tls.${h}\tTXT "v=TLSRPTv1; rua=mailto:tls@${rng.pick(['example.com', 'example.net'])}"`;
    case 22:
      return `mta-sts.${h}\tCNAME ${host(rng)}`;
    case 23:
      return `${h}\tA 192.0.2.${rng.int(1, 254)}\n\tA 192.0.2.${rng.int(1, 254)}\n\tMX 10 ${host(rng)}`;
    case 24:
      return `${h}\tTXT "v=spf1 include:${host(rng)}.example.com -all"\n${blank}\tTXT "v=spf1 mx -all"`;
    case 25:
      return `${h}\t${ttl}IN NS ns1.${h}\nns1.${h}\tA 192.0.2.${rng.int(1, 254)}`;
    case 26:
      // Type 99, TXT records split into strings with no space where they meet, mail records without quotes.
      return `${h}\t${rng.pick(['SPF "v=spf1 -all"', 'TXT "v=spf1" "a -all"', 'TXT "v=spf1 a" "mx -all"', 'TXT v=spf1 a -all', 'TXT v=DMARC1; p=none'])}`;
    case 27:
      // TLSA at a host, at a mail domain whose MX names another host, or off the _port._proto form.
      return `${rng.pick(['_25._tcp.', '_443._tcp.', '_tcp.', ''])}${h}\tTLSA ${rng.pick(['3 1 1', '2 0 1', '1 1 1', '3 1 2'])} ${'cd'.repeat(32)}`;
    case 28:
      return `${h}\tCAA ${rng.pick(['0 issue "letsencrypt.org"', '0 issue "https://letsencrypt.org/"', '0 isue "pki.goog"', '128 policy "x"', '0 iodef "security@example.com"'])}`;
    default:
      return `${h}\tDS 12345 13 2 ${'ab'.repeat(32)}`;
  }
}

export function generate(seed: number, statements: number): string {
  const rng = new Rng(seed);
  const head = [
    '$ORIGIN example.com.',
    '$TTL 3600',
    '@\tIN SOA ns1.example.com. hostmaster.example.com. ( 2024010101 7200 3600 1209600 300 )',
    '\tNS ns1',
    '\tNS ns2',
    '\tMX 10 mail',
  ];
  if (rng.chance(0.7)) head.push('\tTXT "v=spf1 mx include:_spf.example.com ~all"');
  if (rng.chance(0.5)) head.push('_dmarc\tTXT "v=DMARC1; p=none"');
  const body: string[] = [];
  for (let i = 0; i < statements; i++) body.push(statement(rng));
  return [...head, ...body].join('\n') + '\n';
}

/** A random edit of `text`: the new text. */
export function edit(rng: Rng, text: string): string {
  const at = rng.int(0, text.length);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  switch (rng.int(0, 9)) {
    case 0:
      return text.slice(0, at) + rng.pick(['x', ' ', '\t', '.', '"', '(', ')', ';', '1', '\\', '@', '_', '\u3000', '\u201c', '\uFFFD', '日', 'ｗ']) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + rng.int(1, 3));
    case 2:
      // A character at the start of a line: the owner changes, or appears.
      return text.slice(0, lineStart) + rng.pick(['x', '\t', '_dmarc.', '*.', ' ', '_mailchannels.']) + text.slice(lineStart);
    case 3: {
      const end = text.indexOf('\n', at);
      return end < 0 ? text.slice(0, lineStart) : text.slice(0, lineStart) + text.slice(end + 1);
    }
    case 4:
      return text.slice(0, lineStart) + statement(rng) + '\n' + text.slice(lineStart);
    case 5: {
      const end = text.indexOf('\n', at);
      const line = text.slice(lineStart, end < 0 ? text.length : end + 1);
      return text.slice(0, lineStart) + line + (line.endsWith('\n') ? '' : '\n') + text.slice(lineStart);
    }
    case 6:
      return text.slice(0, at) + text.slice(Math.min(text.length, at + rng.int(5, 200)));
    case 7:
      return text.slice(0, at) + rng.pick(['\n', '\r\n', '\r', ' (', ' )', '; c\n']) + text.slice(at);
    case 8: {
      // Replace the owner of a line with another.
      const end = text.indexOf('\t', lineStart);
      if (end < 0 || end > lineStart + 40) return text;
      return text.slice(0, lineStart) + host(rng) + text.slice(end);
    }
    default:
      return text + (rng.chance(0.5) ? statement(rng) + '\n' : 'tail');
  }
}

/** The one change that turns `a` into `b`: where it starts, the text it removes and the text it adds. */
export function diff(a: string, b: string): { at: number; removed: string; added: string } {
  let s = 0;
  while (s < a.length && s < b.length && a[s] === b[s]) s++;
  let ea = a.length;
  let eb = b.length;
  while (ea > s && eb > s && a[ea - 1] === b[eb - 1]) {
    ea--;
    eb--;
  }
  return { at: s, removed: a.slice(s, ea), added: b.slice(s, eb) };
}

/** Positions in a document whose text is the `before` of asChange. */
interface Positions {
  positionAt(offset: number): { line: number; character: number };
  offsetAt(position: { line: number; character: number }): number;
}

/**
 * The change an editor sends when `before` (the text of `doc`) becomes `after`: the range
 * that changed and its new text; the whole text when the range cannot be said (a position
 * cannot point between \r and \n).
 */
export function asChange(
  doc: Positions,
  before: string,
  after: string,
): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } | { text: string } {
  const d = diff(before, after);
  const range = { start: doc.positionAt(d.at), end: doc.positionAt(d.at + d.removed.length) };
  const exact = doc.offsetAt(range.start) === d.at && doc.offsetAt(range.end) === d.at + d.removed.length;
  return exact ? { range, text: d.added } : { text: after };
}
