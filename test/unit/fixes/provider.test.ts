/**
 * Provider fixes: the spf-provider-missing quick-fix, "Add <provider> to SPF"
 * refactors, and the whole record for spf-missing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { addProviderFix, fixesFor, refactorsAt } from '../../../server/src/fixes/index';
import { PROVIDERS } from '../../../server/src/providers/index';
import { check, HEAD, linesOf, onlyProblem, verifyFix } from './helpers';

const FIXTURES = path.join(__dirname, '../../fixtures/fixes');

test('spf-provider-missing: Google include inserted before ~all (verified flag shows in the title)', () => {
  const text = readFileSync(path.join(FIXTURES, 'google-mx.zone'), 'utf8');
  const { zone, problem } = onlyProblem(text, 'spf-provider-missing');
  const [fix] = fixesFor({ text, zone, problem });
  assert.equal(fix.kind, 'quickfix');
  assert.match(fix.title.en, /^Add Google Workspace to SPF \(include:_spf\.google\.com; unverified include/);
  const region = linesOf(text, 'v=spf1');
  const { after } = verifyFix(text, 'spf-provider-missing', fix, region);
  assert.equal(after, text.replace('"v=spf1 mx ~all"', '"v=spf1 mx include:_spf.google.com ~all"'));
});

test('spf-provider-missing: a verified provider (Mailgun, from a DKIM CNAME) goes before redirect-less end', () => {
  const text = HEAD + '@ MX 10 mail\nmail A 192.0.2.1\n@ TXT "v=spf1 mx"\nkrs._domainkey CNAME krs.domainkey.u1.mailgun.org.\n';
  const { zone, problems } = check(text);
  const problem = problems.find((p) => p.code === 'spf-provider-missing')!;
  assert.deepEqual((problem.data as { terms: string[] }).terms, ['include:mailgun.org']);
  const [fix] = fixesFor({ text, zone, problem });
  assert.equal(fix.title.en, 'Add Mailgun to SPF (include:mailgun.org)');
  const region = linesOf(text, 'v=spf1');
  const { after } = verifyFix(text, 'spf-provider-missing', fix, region);
  assert.match(after, /@ TXT "v=spf1 mx include:mailgun\.org"\n/);
});

test('spf-provider-missing: Sakura is authorised by its server name and mx', () => {
  const text = HEAD + '@ MX 10 www1234.sakura.ne.jp.\n@ TXT "v=spf1 ip4:192.0.2.1 ~all"\n';
  const { zone, problem } = onlyProblem(text, 'spf-provider-missing');
  const [fix] = fixesFor({ text, zone, problem });
  const region = linesOf(text, 'v=spf1');
  const { after } = verifyFix(text, 'spf-provider-missing', fix, region);
  assert.match(after, /"v=spf1 ip4:192\.0\.2\.1 a:www1234\.sakura\.ne\.jp mx ~all"/);
});

test('spf-provider-missing: a full string gets the include in a new quoted string', () => {
  let value = 'v=spf1 mx';
  for (let i = 1; value.length < 240; i++) value += ` ip4:198.51.100.${i}`;
  const text = HEAD + `@ MX 1 aspmx.l.google.com.\n@ TXT "${value} ~all"\n`;
  const { zone, problem } = onlyProblem(text, 'spf-provider-missing');
  const [fix] = fixesFor({ text, zone, problem });
  const region = linesOf(text, 'v=spf1');
  const { after } = verifyFix(text, 'spf-provider-missing', fix, region);
  const line = after.slice(region.from, after.indexOf('\n', region.from));
  const strings = [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  assert.equal(strings.length, 2, line);
  assert.ok(strings.every((s) => s.length <= 255));
  assert.equal(strings.join(''), `${value} include:_spf.google.com ~all`);
});

test('refactorsAt: every catalogue entry not in the record, on an SPF record only', () => {
  const text = HEAD + '@ TXT "v=spf1 include:_spf.google.com -all"\n';
  const { zone } = check(text);
  const at = text.indexOf('include:');
  const refactors = refactorsAt(text, zone, at);
  assert.ok(refactors.every((f) => f.kind === 'refactor'));
  const titles = refactors.map((f) => f.title.en);
  assert.ok(!titles.some((t) => t.includes('Google Workspace')), 'Google is already there');
  assert.ok(titles.some((t) => t.startsWith('Add Microsoft 365 to SPF')));
  assert.ok(titles.some((t) => t === 'Add Mailgun to SPF (include:mailgun.org)'));
  // Sakura needs its server name from an MX record: not offered without one.
  assert.ok(!titles.some((t) => t.includes('Sakura')));
  const expected = PROVIDERS.filter((p) => p.id !== 'google-workspace' && p.id !== 'sakura').length;
  assert.equal(refactors.length, expected);
  assert.deepEqual(refactorsAt(text, zone, text.indexOf('ns A')), []);
  const region = linesOf(text, 'v=spf1');
  for (const fix of refactors) {
    const { after, problems } = verifyFix(text, 'spf-lookup-limit', fix, region);
    assert.ok(!problems.some((p) => p.code === 'spf-syntax'), after);
  }
});

test('addProviderFix: the quick-pick command adds one provider by id', () => {
  const text = HEAD + '@ TXT "v=spf1 -all"\n';
  const { zone } = check(text);
  const fix = addProviderFix(text, zone, text.indexOf('v=spf1'), 'xserver');
  assert.ok(fix);
  assert.match(fix.title.ja, /エックスサーバー/);
  assert.match(fix.title.en, /unverified/);
  const { after } = verifyFix(text, 'spf-provider-missing', fix, linesOf(text, 'v=spf1'));
  assert.match(after, /"v=spf1 include:spf\.sender\.xserver\.jp -all"/);
  assert.equal(addProviderFix(text, zone, text.indexOf('v=spf1'), 'no-such-provider'), undefined);
});

test('spf-missing: a whole record from the detected providers, after the owner\'s records', () => {
  const text =
    HEAD +
    '@ MX 1 aspmx.l.google.com. ; Google\n' +
    '  MX 5 alt1.aspmx.l.google.com.\n' +
    'em123 CNAME u123.wl.sendgrid.net.\n' +
    's1._domainkey CNAME s1.domainkey.u123.wl.sendgrid.net.\n' +
    'www A 192.0.2.80\n';
  const { zone, problem } = onlyProblem(text, 'spf-missing');
  const [fix] = fixesFor({ text, zone, problem });
  assert.match(fix.title.en, /v=spf1 mx include:_spf\.google\.com include:sendgrid\.net ~all/);
  const at = linesOf(text, 'alt1').to;
  const { after } = verifyFix(text, 'spf-missing', fix, { from: at, to: at });
  assert.equal(after.slice(at, after.indexOf('em123')), '@ TXT "v=spf1 mx include:_spf.google.com include:sendgrid.net ~all"\n');
});

test('spf-missing: a subdomain under a later $ORIGIN is written relative to it', () => {
  const text = HEAD + '$ORIGIN sub.example.com.\n@ MX 10 mx.example.net.\nwww A 192.0.2.1\n';
  const { zone, problem } = onlyProblem(text, 'spf-missing');
  const [fix] = fixesFor({ text, zone, problem });
  const at = linesOf(text, '@ MX 10 mx').to;
  const { after } = verifyFix(text, 'spf-missing', fix, { from: at, to: at });
  assert.equal(after.slice(at, after.indexOf('www')), '@ TXT "v=spf1 mx ~all"\n');
  assert.ok(check(after).zone.records.some((r) => r.owner === 'sub.example.com.' && r.type === 'TXT'));
});
