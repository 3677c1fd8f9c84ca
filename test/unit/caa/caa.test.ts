/**
 * CAA records (RFC 8659, RFC 9495): the value grammar as CAs read it (zone/caa/value.ts),
 * caa-unknown-tag and caa-bad-value with their severities, messages and fixes.
 * BIND loads every one of these records without a word (checked with named-checkzone):
 * the CA is the first to find them, when a certificate cannot be issued or renewed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeSync } from '../../../server/src/analysis';
import { formatMessage, severityOf } from '../../../server/src/diagnostics/registry';
import { fixesFor } from '../../../server/src/fixes/index';
import { iodefValueProblem, issueValueProblem } from '../../../server/src/caa/value';
import { parseZoneText } from '../../../server/src/zone/index';
import { applyEdits } from '../fixes/helpers';
import { testAnnotatedFixtures } from '../../helpers/annotated';
import { bindCheck, needsBind } from '../../helpers/bind';

const HEAD = '$ORIGIN example.jp.\n$TTL 3600\n@ SOA ns1 hostmaster 1 3600 900 604800 3600\n@ NS ns1\nns1 A 192.0.2.1\n';
const parse = (text: string) => parseZoneText(text, { origin: 'example.jp.' });
const caa = (text: string) => analyzeSync(parse(text)).filter((p) => p.code.startsWith('caa-'));

// Annotated fixtures (test/fixtures/caa): every caa- diagnostic is annotated, and every annotation found.
testAnnotatedFixtures(path.resolve(__dirname, '../../fixtures/caa'), 'caa-');

test('issue-value: the RFC 8659 grammar, and what a CA makes of the slips people write', () => {
  for (const ok of ['letsencrypt.org', ' pki.goog ', ';', '', 'ca.example.net; account=12345', 'letsencrypt.org; accounturi=https://x/1; validationmethods=dns-01', 'a-b.c--d.jp'])
    assert.equal(issueValueProblem(ok), undefined, ok);
  const detail = (v: string) => {
    const p = issueValueProblem(v);
    return p && [p.detail, v.slice(p.from, p.to), p.replacement];
  };
  assert.deepEqual(detail('https://letsencrypt.org/'), ['caa-issuer-url', 'https://letsencrypt.org/', 'letsencrypt.org']);
  assert.deepEqual(detail('letsencrypt.org.'), ['caa-issuer-dot', 'letsencrypt.org.', 'letsencrypt.org']);
  assert.deepEqual(detail('letsencrypt.org, pki.goog'), ['caa-issuer-several', 'letsencrypt.org, pki.goog', undefined]);
  assert.deepEqual(detail('letsencrypt.org pki.goog; x=y'), ['caa-issuer-several', 'letsencrypt.org pki.goog', undefined]);
  assert.deepEqual(detail("Let's Encrypt"), ['caa-issuer-syntax', "Let's Encrypt", undefined]);
  assert.deepEqual(detail('-bad.example'), ['caa-issuer-syntax', '-bad.example', undefined]);
  assert.deepEqual(detail('letsencrypt.org; validationmethods=dns-01;'), ['caa-parameters', 'validationmethods=dns-01;', undefined]);
  assert.deepEqual(detail('letsencrypt.org; novalue'), ['caa-parameters', 'novalue', undefined]);
  assert.equal(iodefValueProblem('mailto:security@example.jp'), undefined);
  assert.equal(iodefValueProblem('https://example.jp/report'), undefined);
  assert.equal(iodefValueProblem('security@example.jp')?.replacement, 'mailto:security@example.jp');
  assert.deepEqual(iodefValueProblem('ftp://example.jp/x'), { detail: 'caa-iodef-url', from: 0, to: 18 });
});

test('severities: a value that lets no CA issue and a critical unknown tag are errors; the rest warnings', () => {
  const text =
    HEAD +
    '@ CAA 0 isue "letsencrypt.org"\n' +
    '@ CAA 128 isue "letsencrypt.org"\n' +
    '@ CAA 0 issue "letsencrypt.org."\n' +
    '@ CAA 0 issue "letsencrypt.org; validationmethods=dns-01;"\n' +
    '@ CAA 0 iodef "security@example.jp"\n' +
    '@ CAA 64 issue "pki.goog"\n';
  const found = caa(text).map((p) => [p.code, severityOf(p), text.slice(p.offset, p.offset + p.length)]);
  assert.deepEqual(found, [
    ['caa-unknown-tag', 'warning', 'isue'],
    ['caa-unknown-tag', 'error', 'isue'],
    ['caa-bad-value', 'error', 'letsencrypt.org.'],
    ['caa-bad-value', 'warning', 'validationmethods=dns-01;'],
    ['caa-bad-value', 'warning', 'security@example.jp'],
    ['caa-bad-value', 'warning', '64'],
  ]);
  const [ignored, critical, dot] = caa(text);
  assert.equal(formatMessage(ignored), "'isue' is not a CAA property: CAs ignore it, so it restricts nothing (did you mean 'issue'?)");
  assert.equal(formatMessage(critical), "'isue' is not a CAA property: it is marked critical (flag 128), so CAs must refuse to issue any certificate for example.jp (did you mean 'issue'?)");
  assert.equal(
    formatMessage(dot, 'ja'),
    "CAA の issue レコード: 認証局のドメイン名は末尾のドットなしで書いてください（'letsencrypt.org'）。'letsencrypt.org.' はどの認証局とも一致せず、このレコードはどの認証局にも発行を認めないものとして扱われます",
  );
});

test('fixes: the tag meant, the CA\'s domain name, mailto:; none where the intent is not plain or the text has escapes', () => {
  const text =
    HEAD +
    '@ CAA 0 isue "letsencrypt.org"\n' +
    'a CAA 0 issue "https://letsencrypt.org/"\n' +
    'b CAA 0 issue letsencrypt.org.\n' +
    'c CAA 0 iodef "security@example.jp"\n' +
    'd CAA 0 issue "letsencrypt.org, pki.goog"\n' +
    'e CAA 0 issue "lets\\101ncrypt.org."\n';
  const zone = parse(text);
  const problems = analyzeSync(zone).filter((p) => p.code.startsWith('caa-'));
  const titles = problems.map((p) => fixesFor({ text, zone, problem: p }).map((f) => f.title.en));
  assert.deepEqual(titles, [["Write 'issue'"], ["Write 'letsencrypt.org'"], ["Write 'letsencrypt.org'"], ["Write 'mailto:security@example.jp'"], [], []]);
  let fixed = text;
  for (const p of [...problems].sort((a, b) => b.offset - a.offset)) {
    const [fix] = fixesFor({ text, zone, problem: p });
    if (fix) fixed = applyEdits(fixed, fix.edits);
  }
  assert.equal(
    fixed,
    HEAD +
      '@ CAA 0 issue "letsencrypt.org"\n' +
      'a CAA 0 issue "letsencrypt.org"\n' +
      'b CAA 0 issue letsencrypt.org\n' +
      'c CAA 0 iodef "mailto:security@example.jp"\n' +
      'd CAA 0 issue "letsencrypt.org, pki.goog"\n' +
      'e CAA 0 issue "lets\\101ncrypt.org."\n',
  );
  assert.deepEqual(caa(fixed).map((p) => fixed.slice(p.offset, p.offset + p.length)), ['letsencrypt.org, pki.goog', 'lets\\101ncrypt.org.']);
});

test('BIND loads each of these records without a word', { skip: needsBind }, () => {
  const text = fs.readFileSync(path.resolve(__dirname, '../../fixtures/caa/caa-bad-value.zone'), 'utf8') + '@ CAA 0 isue "letsencrypt.org"\n@ CAA 128 policy "x"\n';
  const ours = analyzeSync(parseZoneText(text, { origin: 'example.com.' })).filter((p) => p.code.startsWith('caa-'));
  assert.equal(ours.length, 9, 'what we report of them');
  const r = bindCheck(text, 'example.com');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.deepEqual(r.stdout.split('\n').filter((l) => l && !/^zone example\.com\/IN: loaded serial|^OK$/.test(l)), []);
});
