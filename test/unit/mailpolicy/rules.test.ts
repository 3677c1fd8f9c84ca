import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkMailPolicy, parseMtaSts, parseTlsRpt, parseBimi } from '../../../server/src/mailpolicy/index';
import { formatMessage } from '../../../server/src/diagnostics/registry';
import { assertAnnotated, fixtureZone } from '../../fixtures/mail/zone';

const text = readFileSync(join(__dirname, '../../fixtures/mail/mailpolicy.zone'), 'utf8');

test('every MTA-STS, TLS-RPT and BIMI record in the fixture is judged as annotated', () => {
  assertAnnotated(text, checkMailPolicy(fixtureZone(text)));
});

test('messages say where things belong and why BIMI shows no logo', () => {
  const problems = checkMailPolicy(fixtureZone(text));
  const message = (code: string, locale: 'en' | 'ja' = 'en') => formatMessage(problems.find((p) => p.code === code)!, locale);
  assert.equal(
    message('mtasts-misplaced'),
    'This MTA-STS record is at sts.example.com, where senders never look: put it at _mta-sts.sts.example.com',
  );
  assert.equal(message('tlsrpt-misplaced'), 'This TLS-RPT record is at _smtp.g.example.com, where senders never look: put it at _smtp._tls.g.example.com');
  assert.equal(message('bimi-misplaced'), 'This BIMI record is at _bimi.example.com, where mailbox providers never look: put it at default._bimi.example.com');
  assert.match(message('bimi-dmarc-not-enforced'), /but the DMARC policy at _dmarc\.sub\.example\.com is p=none$/);
  assert.match(message('mtasts-no-policy-host', 'ja'), /https:\/\/mta-sts\.a\.example\.com\/\.well-known\/mta-sts\.txt から取得します/);
  const pct = problems.filter((p) => p.code === 'bimi-dmarc-not-enforced')[1];
  assert.match(formatMessage(pct), /applies quarantine to only pct=50% of mail/);
});

test('BIMI with no DMARC record in the zone at all', () => {
  const zone = 'default._bimi TXT "v=BIMI1; l=https://example.org/l.svg"\n';
  const problems = checkMailPolicy(fixtureZone(zone, 'example.org.'));
  assert.deepEqual(problems.map((p) => p.code), ['bimi-dmarc-not-enforced']);
  assert.match(formatMessage(problems[0]), /this zone publishes no DMARC record for example\.org/);
  // Above the zone, the organizational domain's record cannot be seen: nothing is claimed.
  assert.deepEqual(checkMailPolicy(fixtureZone(zone, 'mail.example.org.')), []);
});

test('the parsers keep strict versions', () => {
  assert.equal(parseMtaSts('v=STSv1; id=1').isRecord, true);
  assert.equal(parseMtaSts('v = STSv1; id=1').isRecord, false);
  assert.equal(parseTlsRpt('v=TLSRPTv1;rua=mailto:a@b.example').tag('rua')?.value, 'mailto:a@b.example');
  assert.equal(parseBimi('v = BIMI1; l=').isRecord, true);
  assert.equal(parseBimi('v=bimi1; l=').isRecord, false);
});

test('BIMI under a _dmarc CNAME (a hosted DMARC record) is not judged', () => {
  const zone = 'default._bimi TXT "v=BIMI1; l=https://example.org/l.svg"\n_dmarc CNAME example.org._dmarc.host.example.\n';
  assert.deepEqual(checkMailPolicy(fixtureZone(zone, 'example.org.')), []);
});
