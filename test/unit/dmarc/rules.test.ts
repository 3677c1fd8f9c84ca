import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDmarc, organizationalDomain } from '../../../server/src/dmarc/index';
import { formatMessage } from '../../../server/src/diagnostics/registry';
import { assertAnnotated, fixtureZone, found } from '../../fixtures/mail/zone';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/mail', name), 'utf8');

test('every DMARC record in the fixture is judged as annotated (code, severity, range)', () => {
  const text = fixture('dmarc.zone');
  assertAnnotated(text, checkDmarc(fixtureZone(text)));
});

test('a misplaced record names where it belongs', () => {
  const text = fixture('dmarc.zone');
  const misplaced = checkDmarc(fixtureZone(text)).filter((p) => p.code === 'dmarc-misplaced');
  assert.deepEqual(
    misplaced.map((p) => p.args?.expected),
    ['_dmarc.www.example.com', '_dmarc.example.com'],
  );
  assert.match(formatMessage(misplaced[1]), /at x\._dmarc\.example\.com, where receivers never look: put it at _dmarc\.example\.com$/);
});

test('dmarc-missing: names that send or take mail with no policy on their tree walk', () => {
  const text = fixture('dmarc-missing.zone');
  const problems = checkDmarc(fixtureZone(text, 'example.net.'));
  assertAnnotated(text, problems);
  const apex = problems.find((p) => p.args?.name === 'example.net');
  assert.ok(apex);
  assert.equal(
    formatMessage(apex),
    'example.net sends mail (it has an MX record) but this zone publishes no DMARC record for it at _dmarc.example.net: receivers have no policy for mail forged in its name',
  );
  const news = problems.find((p) => p.args?.name === 'news.example.net');
  assert.ok(news);
  // `v=spf1 -all`: a parked name, which DMARC protects all the same, said as such.
  assert.match(formatMessage(news), /^news\.example\.net says it sends no mail \(its SPF record authorises no host\) but .*at _dmarc\.news\.example\.net nor at its organizational domain's _dmarc\.example\.net/);
  assert.match(formatMessage(news, 'ja'), /^news\.example\.net はメールを送らない設定（どのホストも許可しない SPF レコード）ですが、/);
  const shop = problems.find((p) => p.args?.name === 'shop.example.net');
  assert.ok(shop);
  assert.match(formatMessage(shop), /^shop\.example\.net sends mail \(it has an MX record\) but /);
  assert.match(formatMessage(shop, 'ja'), /^shop\.example\.net はメールを送る設定（MX レコード）がありますが、/);
  assert.match(formatMessage(news, 'ja'), /_dmarc\.news\.example\.net にも、組織ドメインの _dmarc\.example\.net に DMARC レコードがありません/);
});

test('dmarc-missing says nothing when the organizational domain lies above the zone', () => {
  // A zone for sub.example.org cannot see example.org's _dmarc record.
  const text = '@ MX 10 mail\n@ TXT "v=spf1 mx -all"\ndeep MX 10 mail\n';
  assert.deepEqual(found(text, checkDmarc(fixtureZone(text, 'sub.example.org.')), 'dmarc-missing'), []);
  // The same names in the example.org zone are judged.
  const whole = 'sub MX 10 mail\n';
  assert.deepEqual(found(whole, checkDmarc(fixtureZone(whole, 'example.org.'))), [['dmarc-missing', 'sub']]);
});

test('a policy at the organizational domain or any parent below it covers a name (RFC 9989 tree walk)', () => {
  const text = 'a.b MX 10 mail\n_dmarc.b TXT "v=DMARC1; p=reject"\nc.example.co.uk. MX 10 mail\n_dmarc TXT "v=DMARC1; p=reject"\n';
  assert.deepEqual(found(text, checkDmarc(fixtureZone(text, 'example.co.uk.'))), []);
});

test('organizationalDomain: the registrable domain of a host name; none for a name that is no host name', () => {
  assert.equal(organizationalDomain('shop.example.co.jp.'), 'example.co.jp.');
  assert.equal(organizationalDomain('Mail.Example.COM.'), 'example.com.');
  assert.equal(organizationalDomain('_spf.example.com.'), 'example.com.');
  assert.equal(organizationalDomain('co.jp.'), undefined);
  // tldts cut these at the escape: 'a.x.', 'mail.e.'.
  assert.equal(organizationalDomain('a.x\\.y.example.net.'), undefined);
  assert.equal(organizationalDomain('mail.e\\032f.example.'), undefined);
});

test('dmarc-missing: no claim for a name that is no host name, even where the zone covers every name', () => {
  // Origin '.': no origin known. The fix would have added _dmarc.o0.x. for o0.x\.y.test.
  const text = 'o0.x\\.y.test. MX 10 mail.test.\nmail.test. MX 10 mail.test.\n';
  const problems = checkDmarc(fixtureZone(text, '.'));
  assert.deepEqual(problems.map((p) => [p.code, p.args?.name, p.args?.orgDmarcName]), [['dmarc-missing', 'mail.test', '_dmarc.mail.test']]);
});
