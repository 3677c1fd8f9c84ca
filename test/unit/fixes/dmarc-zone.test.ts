/**
 * DMARC and zone quick-fixes: re-parsed and re-checked after the edit (helpers.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixesFor } from '../../../server/src/fixes/index';
import { applyEdits, check, HEAD, linesOf, onlyProblem, verifyFix } from './helpers';
import { formatMessage } from '../../../server/src/diagnostics/registry';

function fixes(text: string, code: string) {
  const { zone, problem } = onlyProblem(text, code);
  return fixesFor({ text, zone, problem });
}

test('dmarc-missing: _dmarc TXT with p=none and a comment, after the domain\'s records', () => {
  const text = HEAD + '@ MX 10 mail\n@ TXT "v=spf1 mx -all"\nmail A 192.0.2.25\n';
  const [fix] = fixes(text, 'dmarc-missing');
  assert.equal(fix.title.en, 'Add a DMARC record at _dmarc.example.com (p=none, reports to dmarc-reports@example.com)');
  const at = linesOf(text, 'v=spf1').to;
  const { after, problems } = verifyFix(text, 'dmarc-missing', fix, { from: at, to: at });
  assert.equal(
    after.slice(at, after.indexOf('mail A')),
    '; DMARC (added by Zonelint): p=none only asks for reports at dmarc-reports@example.com; once they show your mail passes, change it to p=quarantine\n' +
      '_dmarc TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@example.com"\n',
  );
  assert.ok(problems.some((p) => p.code === 'dmarc-policy-none'), 'the new record is the p=none the next fix tightens');
});

test('dmarc-missing on a parked domain (null MX, v=spf1 -all): p=reject first, p=none second', () => {
  const text = HEAD + '@ MX 0 .\n@ TXT "v=spf1 -all"\nwww A 192.0.2.80\n';
  const { problem } = onlyProblem(text, 'dmarc-missing');
  assert.match(formatMessage(problem), /^example\.com says it sends no mail \(its SPF record authorises no host\) but /);
  const [reject, none] = fixes(text, 'dmarc-missing');
  assert.deepEqual([reject.preferred, none.preferred], [true, false]);
  assert.match(reject.title.en, /p=reject: example\.com sends no mail/);
  const at = linesOf(text, 'v=spf1').to;
  const { after, problems } = verifyFix(text, 'dmarc-missing', reject, { from: at, to: at });
  assert.equal(after.slice(at, after.indexOf('www A')), '_dmarc TXT "v=DMARC1; p=reject"\n');
  assert.deepEqual(problems.filter((p) => p.code.startsWith('dmarc-') || p.code.startsWith('spf-')).map((p) => p.code), []);
  assert.match(verifyFix(text, 'dmarc-missing', none, { from: at, to: at }).after, /p=none; rua=/);
});

test('dmarc-missing: no p=reject when a name below the domain sends or takes mail', () => {
  for (const below of ['shop TXT "v=spf1 include:_spf.example.net -all"\n', 'shop MX 10 mx.example.net.\n']) {
    const text = HEAD + '@ MX 0 .\n@ TXT "v=spf1 -all"\n' + below;
    const { zone, problems } = check(text);
    for (const problem of problems.filter((p) => p.code === 'dmarc-missing')) {
      const found = fixesFor({ text, zone, problem });
      assert.deepEqual(found.map((f) => f.title.en.includes('p=none')), [true], below);
    }
  }
});

test('dmarc-missing: a sender below the organizational domain gets the policy at the organizational domain', () => {
  const text = HEAD + 'www A 192.0.2.80\nnews MX 10 mx.example.net.\nnews TXT "v=spf1 include:_spf.example.net -all"\n';
  const { zone, problems } = check(text);
  const missing = problems.filter((p) => p.code === 'dmarc-missing');
  assert.ok(missing.length >= 1);
  const [fix] = fixesFor({ text, zone, problem: missing[0] });
  // After the organizational domain's last record (`@ NS ns`), not after the subdomain's.
  const at = linesOf(text, '@ NS ns').to;
  const { after } = verifyFix(text, 'dmarc-missing', fix, { from: at, to: at });
  assert.match(after, /@ NS ns\n; DMARC .*\n_dmarc TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@example\.com"\nns A/);
});

test('dmarc-policy-none: p=none becomes p=quarantine', () => {
  const text = HEAD + '@ MX 10 ns\n@ TXT "v=spf1 mx -all"\n_dmarc TXT "v=DMARC1; p=none; rua=mailto:d@example.com"\n';
  const [fix] = fixes(text, 'dmarc-policy-none');
  const region = linesOf(text, 'v=DMARC1');
  const { after } = verifyFix(text, 'dmarc-policy-none', fix, region);
  assert.match(after, /_dmarc TXT "v=DMARC1; p=quarantine; rua=mailto:d@example\.com"\n/);
});

test('dmarc-policy-none: sp=none under p=reject becomes sp=quarantine', () => {
  const text = HEAD + '@ MX 10 ns\n@ TXT "v=spf1 mx -all"\n_dmarc TXT "v=DMARC1; p=reject; sp=none"\n';
  const [fix] = fixes(text, 'dmarc-policy-none');
  assert.equal(fix.title.en, 'Change sp=none to sp=quarantine');
  const { after } = verifyFix(text, 'dmarc-policy-none', fix, linesOf(text, 'v=DMARC1'));
  assert.match(after, /"v=DMARC1; p=reject; sp=quarantine"/);
});

test('zone-duplicate-record: the later copy goes; a next line inheriting its owner keeps the owner', () => {
  const text = HEAD + 'www A 192.0.2.80\nwww A 192.0.2.80\n    AAAA 2001:db8::80\nmail A 192.0.2.25\n';
  const [fix] = fixes(text, 'zone-duplicate-record');
  const from = text.indexOf('www A 192.0.2.80\n') + 'www A 192.0.2.80\n'.length;
  const { after } = verifyFix(text, 'zone-duplicate-record', fix, { from, to: linesOf(text, 'AAAA').to });
  assert.equal(after, HEAD + 'www A 192.0.2.80\nwww    AAAA 2001:db8::80\nmail A 192.0.2.25\n');
});

test('zone-ttl-mismatch: every record of the RRset gets the first TTL as written', () => {
  const text = HEAD + 'www 1h A 192.0.2.80\nwww 300 A 192.0.2.81\nwww A 192.0.2.82\n';
  const { zone, problems } = check(text);
  const mismatches = problems.filter((p) => p.code === 'zone-ttl-mismatch');
  assert.ok(mismatches.length >= 2);
  for (const problem of mismatches) {
    const [fix] = fixesFor({ text, zone, problem });
    assert.equal(fix.title.en, 'Set every www.example.com. A record\'s TTL to 1h');
    const region = { from: linesOf(text, '300 A').from, to: linesOf(text, '192.0.2.82').to };
    const { after, problems: left } = verifyFix(text, problem.code, fix, region);
    assert.equal(left.filter((p) => /ttl-mismatch/.test(p.code)).length, 0);
    assert.equal(after, HEAD + 'www 1h A 192.0.2.80\nwww 1h A 192.0.2.81\nwww 1h A 192.0.2.82\n');
  }
});

test('zone-bad-ttl without $TTL: $TTL added above the first record, with the SOA minimum BIND used', () => {
  const text = '; example zone\n$ORIGIN example.com.\n@ SOA ns hostmaster 1 3600 600 86400 900\n@ NS ns\nns A 192.0.2.53\n';
  const { zone, problems } = check(text);
  const bad = problems.filter((p) => p.code === 'zone-bad-ttl');
  assert.ok(bad.length > 0);
  const [fix] = fixesFor({ text, zone, problem: bad[0] });
  assert.equal(fix.title.en, "Add '$TTL 900' before the first record");
  const at = text.indexOf('$ORIGIN');
  // A pure insertion before `$ORIGIN` reads, by text comparison, as one after its `$`.
  const { after } = verifyFix(text, 'zone-bad-ttl', fix, { from: at, to: at + 1 });
  assert.equal(after, '; example zone\n$TTL 900\n' + text.slice(at));
  // As the language server passes it: code, range and data, no args.
  const { args: _args, ...bare } = bad[0];
  assert.deepEqual(fixesFor({ text, zone, problem: bare }), [fix]);
});

test('zone-txt-string-too-long: split at 255 octets without cutting an escape', () => {
  const long = 'k'.repeat(254) + '\\"' + 'z'.repeat(40);
  const text = HEAD + `big TXT "${long}"\n`;
  const [fix] = fixes(text, 'zone-txt-string-too-long');
  assert.equal(fix.title.en, 'Split into 2 strings of at most 255 octets');
  const { after } = verifyFix(text, 'zone-txt-string-too-long', fix, linesOf(text, 'big TXT'));
  assert.equal(after, HEAD + `big TXT "${'k'.repeat(254)}\\"" "${'z'.repeat(40)}"\n`);
});

test('a problem inside an $INCLUDEd file gets no fix on the including document', () => {
  const text = HEAD + '@ TXT "v=spf1 +all"\n';
  const { zone, problem } = onlyProblem(text, 'spf-permissive-all');
  assert.deepEqual(fixesFor({ text, zone, problem: { ...problem, file: '/elsewhere.zone' } }), []);
});

test('records whose closing parenthesis stands on its own line: inserted after it, deleted with it', () => {
  const text = HEAD + '@ MX 10 mail\n@ TXT ( "hello" ; greeting\n        "world"\n      )\nmail A 192.0.2.25\n';
  const [add] = fixes(text, 'spf-missing');
  const at = linesOf(text, '      )').to;
  const { after } = verifyFix(text, 'spf-missing', add, { from: at, to: at });
  assert.equal(after.slice(at, after.indexOf('mail A')), '@ TXT "v=spf1 mx ~all"\n');

  const dup = HEAD + 'www A 192.0.2.80\nx TXT "a"\nx TXT (\n  "a"\n  ) ; copy\nwww2 A 192.0.2.81\n';
  const [remove] = fixes(dup, 'zone-duplicate-record');
  const from = linesOf(dup, 'x TXT (').from;
  const { after: deduped } = verifyFix(dup, 'zone-duplicate-record', remove, { from, to: linesOf(dup, ') ; copy').to });
  assert.equal(deduped, HEAD + 'www A 192.0.2.80\nx TXT "a"\nwww2 A 192.0.2.81\n');
});

test('zone-duplicate-record without $TTL: the next record keeps the TTL it inherited from the deleted line', () => {
  const text =
    '$ORIGIN example.com.\n@ 300 SOA ns hostmaster 1 3600 600 86400 300\n@ NS ns\nns A 192.0.2.53\n' +
    'www A 192.0.2.80\nwww 60 A 192.0.2.80\n    AAAA 2001:db8::80\n';
  const { zone, problems } = check(text);
  const dup = problems.filter((p) => p.code === 'zone-duplicate-record');
  assert.equal(dup.length, 1);
  const [fix] = fixesFor({ text, zone, problem: dup[0] });
  const { after } = verifyFix(text, 'zone-duplicate-record', fix, { from: linesOf(text, 'www 60').from, to: text.length });
  assert.match(after, /www A 192\.0\.2\.80\nwww    60 AAAA 2001:db8::80\n$/);
  const aaaa = check(after).zone.records.find((r) => r.type === 'AAAA')!;
  assert.equal(aaaa.ttl, 60);
});

/**
 * A carriage return alone ends a line for the scanner, BIND and editors: lines inserted
 * after a record go after it, not after the next `\n` (which was inside the next record,
 * a parenthesised one here); a comment still runs to a newline.
 */
test('inserted lines follow a record ending in a lone carriage return, and a comment running past one', () => {
  const spf = HEAD + 'shop MX 10 mail\rwww TXT ( "a"\r\n "b" )\r\nmail A 192.0.2.25\n';
  const [add] = fixes(spf, 'spf-missing');
  const at = spf.indexOf('\rwww') + 1;
  const { after, problems } = verifyFix(spf, 'spf-missing', add, { from: at, to: at });
  assert.equal(after.slice(at), 'shop TXT "v=spf1 mx ~all"\nwww TXT ( "a"\r\n "b" )\r\nmail A 192.0.2.25\n');
  assert.ok(!problems.some((p) => p.code.startsWith('zone-')), problems.map((p) => p.code).join(' '));

  const dmarc = HEAD + '@ TXT "v=spf1 mx -all"\n@ MX 10 mail ; note\rmore of the note\nmail A 192.0.2.25\n';
  const [fix] = fixes(dmarc, 'dmarc-missing');
  const end = dmarc.indexOf('mail A');
  const inserted = verifyFix(dmarc, 'dmarc-missing', fix, { from: end, to: end }).after;
  assert.match(inserted.slice(end), /^; DMARC \(added by Zonelint\)[^\n]*\n_dmarc TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@example.com"\nmail A/);
});

test('inserted lines end as the line before them does: CRLF in a CRLF file', () => {
  const text = (HEAD + '@ MX 10 mail\n@ TXT "v=spf1 mx -all"\nmail A 192.0.2.25').replaceAll('\n', '\r\n');
  const [fix] = fixes(text, 'dmarc-missing');
  const at = text.indexOf('mail A');
  const { after } = verifyFix(text, 'dmarc-missing', fix, { from: at, to: at });
  assert.equal(after.slice(at).split('\r\n').length, 3, JSON.stringify(after.slice(at)));
  assert.doesNotMatch(after, /[^\r]\n/);
});

test('zone-duplicate-record: a copy on a line of its own after a lone carriage return is deleted with its line', () => {
  const text = HEAD + 'x A 192.0.2.1\rx A 192.0.2.1\r\ny A 192.0.2.2\n';
  const [fix] = fixes(text, 'zone-duplicate-record');
  assert.ok(fix, 'a fix');
  const from = text.indexOf('\rx A') + 1;
  const { after } = verifyFix(text, 'zone-duplicate-record', fix, { from, to: text.indexOf('y A') });
  assert.equal(after.slice(HEAD.length), 'x A 192.0.2.1\ry A 192.0.2.2\n');
});

test('zone-bad-ttl: the $TTL line added in a CRLF file ends in CRLF', () => {
  const text = '; example zone\r\n$ORIGIN example.com.\r\n@ SOA ns hostmaster 1 3600 600 86400 900\r\n@ NS ns\r\nns A 192.0.2.53\r\n';
  const fix = check(text).problems.filter((p) => p.code === 'zone-bad-ttl').flatMap((problem) => fixesFor({ text, zone: check(text).zone, problem }))[0];
  assert.ok(fix, 'a fix');
  assert.match(fix.edits[0].newText, /^\$TTL \d+\r\n$/);
});

test('dmarc-syntax and dkim-syntax on full-width text from a Japanese input method: named with its ASCII, which the fix writes', () => {
  const dmarcText = HEAD + '@ MX 10 mail\n@ TXT "v=spf1 mx -all"\nmail A 192.0.2.25\n_dmarc TXT "v=DMARC1\uff1b p=\uff52\uff45\uff4a\uff45\uff43\uff54"\n';
  const { zone, problems } = check(dmarcText);
  const wide = problems.filter((p) => p.code === 'dmarc-syntax' && p.args?.detail === 'dmarc-fullwidth');
  assert.deepEqual(wide.map((p) => [dmarcText.slice(p.offset, p.offset + p.length), p.args?.ascii]), [['\uff1b', ';']]);
  assert.equal(
    formatMessage(wide[0]),
    'DMARC record syntax error: "\uff1b" in the value of v= is full-width text, typed in a Japanese input method: type \';\' in ASCII (half-width)',
  );
  assert.match(formatMessage(wide[0], 'ja'), /v= の値の「\uff1b」は全角の文字です。半角の ';' に直してください$/);
  const [fix, ...more] = fixesFor({ text: dmarcText, zone, problem: wide[0] });
  assert.equal(more.length, 0);
  assert.deepEqual(fix.title, { en: "Write ';' in ASCII (half-width)", ja: "半角の ';' に直す" });
  const once = dmarcText.replace('DMARC1\uff1b', 'DMARC1;');
  assert.equal(applyEdits(dmarcText, fix.edits), once);
  // Now a DMARC record: its full-width policy is the next one, fixed the same way.
  const next = check(once);
  const policy = next.problems.find((p) => p.code === 'dmarc-syntax' && p.args?.detail === 'dmarc-fullwidth')!;
  assert.equal(policy.args?.ascii, 'reject');
  // One diagnostic at the full-width value, the one with the fix: not also dmarc-invalid-value.
  assert.deepEqual(next.problems.filter((p) => p.code.startsWith('dmarc-')).map((p) => p.code), ['dmarc-syntax']);
  const rua = HEAD + '@ MX 10 mail\n@ TXT "v=spf1 mx -all"\nmail A 192.0.2.25\n_dmarc TXT "v=DMARC1; p=reject; rua=mailto\uff1ad@example.com"\n';
  const r = check(rua).problems.filter((p) => p.code.startsWith('dmarc-'));
  assert.deepEqual(r.map((p) => [p.code, p.args?.ascii]), [['dmarc-syntax', ':']]);
  // Without the full-width colon the same address is dmarc-invalid-uri's.
  assert.deepEqual(check(rua.replace('mailto\uff1a', 'mailto')).problems.filter((p) => p.code.startsWith('dmarc-')).map((p) => p.code), ['dmarc-invalid-uri']);
  const fixed = applyEdits(once, fixesFor({ text: once, zone: next.zone, problem: policy })[0].edits);
  assert.match(fixed, /_dmarc TXT "v=DMARC1; p=reject"\n$/);
  assert.deepEqual(check(fixed).problems.filter((p) => p.code.startsWith('dmarc-')).map((p) => p.code), []);

  const dkimText = HEAD + 'sel._domainkey TXT "v=DKIM1; k=\uff52\uff53\uff41; p=MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE"\n';
  const dkim = check(dkimText).problems.find((p) => p.code === 'dkim-syntax')!;
  assert.equal(dkim.args?.detail, 'dkim-fullwidth');
  assert.equal(dkim.args?.ascii, 'rsa');
  const [dkimFix] = fixesFor({ text: dkimText, zone: check(dkimText).zone, problem: dkim });
  const dkimFixed = applyEdits(dkimText, dkimFix.edits);
  assert.equal(dkimFixed, dkimText.replace('\uff52\uff53\uff41', 'rsa'));
  assert.deepEqual(check(dkimFixed).problems.filter((p) => p.code === 'dkim-syntax'), []);
  // Other non-ASCII text gets no fix.
  const other = HEAD + '_dmarc TXT "v=DMARC1; p=reject; rua=mailto:a@\u65e5\u672c.example"\n';
  const o = check(other);
  const bad = o.problems.find((p) => p.code === 'dmarc-syntax')!;
  assert.equal(bad.args?.detail, 'dmarc-bad-char');
  assert.deepEqual(fixesFor({ text: other, zone: o.zone, problem: bad }), []);
});
