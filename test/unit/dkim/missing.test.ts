/** dkim-missing: a name that sends mail with no DKIM key of its own or of a parent up to its organizational domain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDkim } from '../../../server/src/dkim/index';
import { formatMessage } from '../../../server/src/diagnostics/registry';
import { fixtureZone, found } from '../../fixtures/mail/zone';

const missing = (text: string, origin?: string) => found(text, checkDkim(fixtureZone(text, origin)), 'dkim-missing');

test('a sender without any key is reported on its SPF record, in English and Japanese', () => {
  const text = '@ MX 10 mail\n@ TXT "v=spf1 mx include:spf.sender.xserver.jp ~all"\nmail A 192.0.2.25\n';
  assert.deepEqual(missing(text), [['dkim-missing', '@']]);
  const [p] = checkDkim(fixtureZone(text)).filter((x) => x.code === 'dkim-missing');
  assert.equal(p.offset, text.indexOf('@ TXT'));
  assert.match(formatMessage(p), /^example\.com sends mail \(it has an SPF record\) but this zone publishes no DKIM key for it or a parent domain \(a record at <selector>\._domainkey\.example\.com/);
  assert.match(formatMessage(p, 'ja'), /^example\.com はメールを送る設定（SPF レコード）がありますが、.*DKIM の公開鍵/);
});

test('a key of the name, of a parent up to the organizational domain, a CNAME to a provider or a delegation counts', () => {
  const spf = (owner: string) => `${owner} TXT "v=spf1 include:_spf.google.com ~all"\n`;
  assert.deepEqual(missing(spf('@') + 'google._domainkey TXT "v=DKIM1; k=rsa; p=MIIB"\n'), []);
  // Relaxed alignment: news.example.com may sign with d=example.com.
  assert.deepEqual(missing(spf('news') + 's1._domainkey TXT "v=DKIM1; p="\n'), []);
  assert.deepEqual(missing(spf('news') + 's1._domainkey.news TXT "v=DKIM1; p="\n' + spf('shop')), [['dkim-missing', 'shop']]);
  assert.deepEqual(missing(spf('@') + 'selector1._domainkey CNAME selector1-example-com._domainkey.example.onmicrosoft.com.\n'), []);
  assert.deepEqual(missing(spf('@') + '_domainkey NS ns.dkim-provider.example.\n'), []);
  // A key for another name does not count.
  assert.deepEqual(missing(spf('@') + 's1._domainkey.other TXT "v=DKIM1; p="\n'), [['dkim-missing', '@']]);
});

test('no claim for names that send nothing, include targets, wildcards, or when the organizational domain is above the zone', () => {
  assert.deepEqual(missing('@ TXT "v=spf1 -all"\nwww TXT "v=spf1 ~all"\n'), []);
  assert.deepEqual(missing('_spf TXT "v=spf1 ip4:192.0.2.0/24 -all"\n*.wild TXT "v=spf1 a -all"\n'), []);
  assert.deepEqual(missing('@ TXT "v=spf1 a -all"\n', 'sub.example.org.'), []);
  assert.deepEqual(missing('@ TXT "v=spf1 a -all"\n@ TXT "v=spf1 mx -all"\n'), [['dkim-missing', '@']], 'once per name');
});
