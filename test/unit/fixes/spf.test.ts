/**
 * SPF quick-fixes: each applied to a zone, re-parsed and re-checked (helpers.ts).
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

/** The record line after the fix (the line that held `needle`). */
function lineAfter(after: string, start: number): string {
  return after.slice(start, after.indexOf('\n', start));
}

test('spf-unknown-mechanism: the suggested spelling replaces the name', () => {
  const text = HEAD + '@ MX 10 mail\nmail A 192.0.2.1\n@ TXT "v=spf1 mx inlcude:_spf.example.net ~all"\n';
  const [fix, ...more] = fixes(text, 'spf-unknown-mechanism');
  assert.equal(more.length, 0);
  assert.equal(fix.title.en, "Change to 'include'");
  const region = linesOf(text, 'inlcude');
  const { after } = verifyFix(text, 'spf-unknown-mechanism', fix, region);
  assert.equal(lineAfter(after, region.from), '@ TXT "v=spf1 mx include:_spf.example.net ~all"');
});

test('spf-unknown-mechanism: include= written as a modifier becomes include:', () => {
  const text = HEAD + '@ TXT "v=spf1 include=_spf.example.net ~all"\n';
  const [fix] = fixes(text, 'spf-unknown-mechanism');
  const region = linesOf(text, 'include=');
  const { after } = verifyFix(text, 'spf-unknown-mechanism', fix, region);
  assert.equal(lineAfter(after, region.from), '@ TXT "v=spf1 include:_spf.example.net ~all"');
});

test('spf-no-all: ~all (preferred) and -all appended after the last term', () => {
  const text = HEAD + '@ MX 10 mail\nmail A 192.0.2.1\n@ TXT "v=spf1 mx a:mail.example.com"\n';
  const found = fixes(text, 'spf-no-all');
  assert.deepEqual(found.map((f) => f.preferred === true), [true, false]);
  const region = linesOf(text, 'v=spf1');
  const soft = verifyFix(text, 'spf-no-all', found[0], region);
  assert.equal(lineAfter(soft.after, region.from), '@ TXT "v=spf1 mx a:mail.example.com ~all"');
  const hard = verifyFix(text, 'spf-no-all', found[1], region);
  assert.equal(lineAfter(hard.after, region.from), '@ TXT "v=spf1 mx a:mail.example.com -all"');
});

test('spf-no-all: a string already at 255 octets gets the new term in a new string', () => {
  let full = 'v=spf1';
  for (let i = 100; full.length < 220; i++) full += ` ip4:198.51.100.${i}`;
  full += ` a:${'h'.repeat(255 - full.length - ' a:.example.com'.length)}.example.com`;
  const text = HEAD + `@ TXT "${full}"\n`;
  assert.equal(full.length, 255);
  const [fix] = fixes(text, 'spf-no-all');
  const region = linesOf(text, 'v=spf1');
  const { after } = verifyFix(text, 'spf-no-all', fix, region);
  const line = lineAfter(after, region.from);
  const strings = [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  assert.ok(strings.length >= 2, line);
  assert.ok(strings.every((s) => s.length <= 255));
  assert.equal(strings.join(''), full + ' ~all');
});

test('spf-permissive-all: +all and ?all become ~all', () => {
  for (const all of ['+all', '?all']) {
    const text = HEAD + `@ TXT "v=spf1 ip4:192.0.2.0/24 ${all}"\n`;
    const [soft, hard] = fixes(text, 'spf-permissive-all');
    const region = linesOf(text, 'v=spf1');
    const { after } = verifyFix(text, 'spf-permissive-all', soft, region);
    assert.equal(lineAfter(after, region.from), '@ TXT "v=spf1 ip4:192.0.2.0/24 ~all"');
    assert.equal(lineAfter(verifyFix(text, 'spf-permissive-all', hard, region).after, region.from), '@ TXT "v=spf1 ip4:192.0.2.0/24 -all"');
  }
});

test('spf-after-all: the term moves before all, or goes', () => {
  const text = HEAD + '@ TXT "v=spf1 ip4:192.0.2.0/24 ~all ip4:198.51.100.7"\n';
  const [move, remove] = fixes(text, 'spf-after-all');
  const region = linesOf(text, 'v=spf1');
  assert.equal(lineAfter(verifyFix(text, 'spf-after-all', move, region).after, region.from), '@ TXT "v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.7 ~all"');
  assert.equal(lineAfter(verifyFix(text, 'spf-after-all', remove, region).after, region.from), '@ TXT "v=spf1 ip4:192.0.2.0/24 ~all"');
});

test('spf-after-all: a second all is removed, never moved before the first (which would change the result)', () => {
  for (const [record, kept] of [['~all +all', '~all'], ['-all ?all', '-all']]) {
    const text = HEAD + `@ TXT "v=spf1 ip4:192.0.2.0/24 ${record}"\n`;
    const found = fixes(text, 'spf-after-all');
    assert.deepEqual(found.map((f) => [f.title.en, f.preferred]), [[`Remove '${record.split(' ').pop()}' (it is never evaluated)`, true]], record);
    const region = linesOf(text, 'v=spf1');
    assert.equal(lineAfter(verifyFix(text, 'spf-after-all', found[0], region).after, region.from), `@ TXT "v=spf1 ip4:192.0.2.0/24 ${kept}"`);
  }
});

test('spf-after-all: a term in a second string moves across strings', () => {
  const text = HEAD + '@ TXT ( "v=spf1 ip4:192.0.2.0/24 -all "\n        "a:mail.example.com" )\nmail A 192.0.2.1\n';
  const [move] = fixes(text, 'spf-after-all');
  const region = { from: linesOf(text, 'v=spf1').from, to: linesOf(text, '"a:mail').to };
  const { after } = verifyFix(text, 'spf-after-all', move, region);
  const record = after.slice(region.from, after.indexOf('mail A'));
  assert.equal([...record.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join(''), 'v=spf1 ip4:192.0.2.0/24 a:mail.example.com -all');
});

test('spf-duplicate-term and spf-redundant-ip: the later term goes', () => {
  const dup = HEAD + '@ TXT "v=spf1 ip4:192.0.2.1 mx ip4:192.0.2.1 -all"\n@ MX 10 ns\n';
  const [d] = fixes(dup, 'spf-duplicate-term');
  const region = linesOf(dup, 'v=spf1');
  assert.equal(lineAfter(verifyFix(dup, 'spf-duplicate-term', d, region).after, region.from), '@ TXT "v=spf1 ip4:192.0.2.1 mx -all"');
  const red = HEAD + '@ TXT "v=spf1 ip4:192.0.2.0/24 ip4:192.0.2.7 -all"\n';
  const [r] = fixes(red, 'spf-redundant-ip');
  assert.equal(r.title.en, "Remove 'ip4:192.0.2.7'");
  const region2 = linesOf(red, 'v=spf1');
  assert.equal(lineAfter(verifyFix(red, 'spf-redundant-ip', r, region2).after, region2.from), '@ TXT "v=spf1 ip4:192.0.2.0/24 -all"');
});

test('spf-ptr-deprecated: replaced by the addresses of the zone hosts under the domain, or removed', () => {
  const text = HEAD + '@ TXT "v=spf1 ptr -all"\nmail A 192.0.2.25\nmail AAAA 2001:db8::25\n';
  const [replace, remove] = fixes(text, 'spf-ptr-deprecated');
  assert.equal(replace.preferred, true);
  const region = linesOf(text, 'v=spf1');
  const { after } = verifyFix(text, 'spf-ptr-deprecated', replace, region);
  assert.equal(lineAfter(after, region.from), '@ TXT "v=spf1 ip4:192.0.2.53 ip4:192.0.2.25 ip6:2001:db8::25 -all"');
  assert.equal(lineAfter(verifyFix(text, 'spf-ptr-deprecated', remove, region).after, region.from), '@ TXT "v=spf1 -all"');
});

test('spf-ptr-deprecated: with no hosts under the target only removal is offered', () => {
  const text = HEAD + '@ TXT "v=spf1 ptr:mail.example.net -all"\n';
  const found = fixes(text, 'spf-ptr-deprecated');
  assert.equal(found.length, 1);
  assert.equal(found[0].preferred, true);
  verifyFix(text, 'spf-ptr-deprecated', found[0], linesOf(text, 'v=spf1'));
});

test('spf-multiple-records: merged into the first, the others deleted (owner kept for the next line)', () => {
  const text =
    HEAD +
    'www A 192.0.2.80\n' +
    'shop TXT "v=spf1 ip4:192.0.2.0/24 include:_spf.example.com -all"\n' +
    'shop TXT "v=spf1 ip4:192.0.2.0/24 a ~all"\n' +
    '     A 192.0.2.81\n' +
    '_spf TXT "v=spf1 ip4:198.51.100.0/24 -all"\n';
  const { zone, problems } = check(text);
  const reported = problems.filter((p) => p.code === 'spf-multiple-records');
  assert.equal(reported.length, 2);
  for (const problem of reported) {
    const found = fixesFor({ text, zone, problem });
    assert.equal(found.length, 1);
    const region = { from: linesOf(text, 'shop TXT').from, to: linesOf(text, '     A').to };
    const { after } = verifyFix(text, 'spf-multiple-records', found[0], region);
    assert.equal(
      after.slice(region.from, after.indexOf('\n_spf TXT') + 1),
      'shop TXT "v=spf1 ip4:192.0.2.0/24 include:_spf.example.com a -all"\nshop     A 192.0.2.81\n',
    );
  }
});

test('spf-deprecated-rrtype: a lone type-99 record is published as TXT', () => {
  const text = HEAD + '@ SPF "v=spf1 ip4:192.0.2.0/24 -all"\n';
  const [fix] = fixes(text, 'spf-deprecated-rrtype');
  const region = linesOf(text, '@ SPF');
  assert.equal(lineAfter(verifyFix(text, 'spf-deprecated-rrtype', fix, region).after, region.from), '@ TXT "v=spf1 ip4:192.0.2.0/24 -all"');
});

test('spf-deprecated-rrtype: next to a TXT SPF record the type-99 copy is removed', () => {
  const text = HEAD + '@ TXT "v=spf1 ip4:192.0.2.0/24 -all"\n@ SPF "v=spf1 ip4:192.0.2.0/24 -all"\n';
  const [fix] = fixes(text, 'spf-deprecated-rrtype');
  assert.match(fix.title.en, /Remove/);
  const { after } = verifyFix(text, 'spf-deprecated-rrtype', fix, linesOf(text, '@ SPF'));
  assert.equal(after, HEAD + '@ TXT "v=spf1 ip4:192.0.2.0/24 -all"\n');
});

test('spf-redirect-ignored: the ignored redirect goes', () => {
  const text = HEAD + '@ TXT "v=spf1 ip4:192.0.2.0/24 redirect=_spf.example.com -all"\n_spf TXT "v=spf1 -all"\n';
  const [fix] = fixes(text, 'spf-redirect-ignored');
  const region = linesOf(text, '@ TXT');
  assert.equal(lineAfter(verifyFix(text, 'spf-redirect-ignored', fix, region).after, region.from), '@ TXT "v=spf1 ip4:192.0.2.0/24 -all"');
});

test('spf-duplicate-modifier: the repeated modifier goes', () => {
  const text = HEAD + '@ TXT "v=spf1 mx exp=why.example.com exp=other.example.com -all"\n@ MX 10 ns\n';
  const [fix] = fixes(text, 'spf-duplicate-modifier');
  const region = linesOf(text, 'v=spf1');
  assert.equal(lineAfter(verifyFix(text, 'spf-duplicate-modifier', fix, region).after, region.from), '@ TXT "v=spf1 mx exp=why.example.com -all"');
});

test('spf-unknown-mechanism: a qualified redirect:x becomes redirect=x (a modifier takes no qualifier)', () => {
  const text = HEAD + '@ TXT "v=spf1 ~redirect:_spf.example.com"\n_spf TXT "v=spf1 -all"\n';
  const [fix] = fixes(text, 'spf-unknown-mechanism');
  const region = linesOf(text, '@ TXT');
  assert.equal(lineAfter(verifyFix(text, 'spf-unknown-mechanism', fix, region).after, region.from), '@ TXT "v=spf1 redirect=_spf.example.com"');
});

test('spf-non-ascii: a full-width space becomes an ASCII space, an invisible character goes; others get no fix', () => {
  const space = HEAD + '@ TXT "v=spf1 a\u3000-all"\n@ A 192.0.2.1\n';
  const { problem } = onlyProblem(space, 'spf-non-ascii');
  assert.match(formatMessage(problem), /permerror for this full-width or typographic space \(type an ASCII space instead\)$/);
  assert.match(formatMessage(problem, 'ja'), /この全角などの空白があると受信側は permerror を返します。半角スペースに直してください$/);
  const [fix, ...more] = fixes(space, 'spf-non-ascii');
  assert.equal(more.length, 0);
  assert.deepEqual(fix.title, { en: 'Replace U+3000 with an ASCII space', ja: 'U+3000 を半角スペースに直す' });
  const region = linesOf(space, 'v=spf1');
  assert.equal(lineAfter(verifyFix(space, 'spf-non-ascii', fix, region).after, region.from), '@ TXT "v=spf1 a -all"');

  const bom = HEAD + '@ TXT "v=spf1 a:\\239\\187\\191mail.example.com -all"\nmail A 192.0.2.1\n';
  const [del] = fixes(bom, 'spf-non-ascii');
  assert.deepEqual(del.title, { en: 'Delete the invisible character U+FEFF', ja: '見えない文字 U+FEFF を削除する' });
  const at = linesOf(bom, 'v=spf1');
  assert.equal(lineAfter(verifyFix(bom, 'spf-non-ascii', del, at).after, at.from), '@ TXT "v=spf1 a:mail.example.com -all"');

  const dash = HEAD + '@ TXT "v=spf1 a \u2013all"\n@ A 192.0.2.1\n';
  assert.deepEqual(fixes(dash, 'spf-non-ascii'), []);
  assert.equal(formatMessage(onlyProblem(dash, 'spf-non-ascii').problem), 'SPF records must be plain ASCII; receivers return permerror for this character');
});

test('spf-non-ascii: full-width letters and signs from a Japanese input method are named, and written in ASCII by the fix', () => {
  const text = HEAD + '@ TXT "v=spf1 mx \uff49\uff4e\uff43\uff4c\uff55\uff44\uff45:_spf.google.com \uff5eall"\nb TXT "v=spf1 \uff0b\uff41 \u301call"\nb A 192.0.2.2\n';
  const { zone, problems: all } = check(text);
  const problems = all.filter((p) => p.code === 'spf-non-ascii');
  assert.deepEqual(problems.map((p) => [text.slice(p.offset, p.offset + p.length), p.args?.ascii]), [
    ['\uff49\uff4e\uff43\uff4c\uff55\uff44\uff45', 'include'],
    ['\uff5e', '~'],
    ['\uff0b\uff41', '+a'],
    ['\u301c', '~'],
  ]);
  assert.match(formatMessage(problems[0]), /permerror for this full-width text, typed in a Japanese input method \(type 'include' in ASCII, half-width, instead\)$/);
  assert.match(formatMessage(problems[0], 'ja'), /この全角の文字があると受信側は permerror を返します。半角の 'include' に直してください$/);
  const [fix, ...more] = fixesFor({ text, zone, problem: problems[0] });
  assert.equal(more.length, 0);
  assert.deepEqual(fix.title, { en: "Write 'include' in ASCII (half-width)", ja: "半角の 'include' に直す" });
  assert.equal(fix.preferred, true);
  const region = linesOf(text, '@ TXT');
  assert.equal(lineAfter(verifyFix(text, 'spf-non-ascii', fix, region, [], 3).after, region.from), '@ TXT "v=spf1 mx include:_spf.google.com \uff5eall"');
  // Each fixed in turn, the records read as meant.
  let fixed = text;
  for (let round = 0; round < 4; round++) {
    const now = check(fixed);
    const problem = now.problems.find((p) => p.code === 'spf-non-ascii');
    if (!problem) break;
    fixed = applyEdits(fixed, fixesFor({ text: fixed, zone: now.zone, problem })[0].edits);
  }
  assert.equal(fixed, HEAD + '@ TXT "v=spf1 mx include:_spf.google.com ~all"\nb TXT "v=spf1 +a ~all"\nb A 192.0.2.2\n');
  assert.deepEqual(check(fixed).problems.filter((p) => p.code.startsWith('spf-')).map((p) => p.code), []);
});

test('spf-null-mx-missing: "v=spf1 -all" after the owner\'s records, at an inherited owner too', () => {
  const text = HEAD + 'parked MX 0 .\n       A 192.0.2.9 ; web only\nwww A 192.0.2.80\n';
  const [fix] = fixes(text, 'spf-null-mx-missing');
  assert.equal(fix.preferred, true);
  const at = linesOf(text, 'web only').to;
  const { after, problems } = verifyFix(text, 'spf-null-mx-missing', fix, { from: at, to: at });
  assert.equal(after, HEAD + 'parked MX 0 .\n       A 192.0.2.9 ; web only\nparked TXT "v=spf1 -all"\nwww A 192.0.2.80\n');
  // The record added authorises nobody: the sender rule stays silent.
  assert.ok(!problems.some((p) => p.code === 'spf-null-mx-sender'));

  const apex = HEAD.replace('@ NS ns\n', '@ NS ns\n@ MX 0 .\n');
  const [onApex] = fixes(apex, 'spf-null-mx-missing');
  const end = linesOf(apex, '@ MX 0 .').to;
  assert.match(verifyFix(apex, 'spf-null-mx-missing', onApex, { from: end, to: end }).after, /@ MX 0 \.\n@ TXT "v=spf1 -all"\nns A/);
});

test('spf-null-mx-sender: one quick-fix, not preferred, makes the one SPF record "v=spf1 -all"; none beside a second record', () => {
  const text = HEAD + 'news MX 0 .\nnews TXT "v=spf1 include:_spf.example.net ~all"\n';
  const { zone, problem } = onlyProblem(text, 'spf-null-mx-sender');
  assert.equal(text.slice(problem.offset, problem.offset + problem.length), '0 .');
  assert.match(formatMessage(problem, 'ja'), /null MX/);
  const [fix, ...more] = fixesFor({ text, zone, problem });
  assert.equal(more.length, 0);
  // Pointing the MX at a host that takes bounces is the other way out: the author chooses.
  assert.equal(fix.preferred, undefined);
  assert.deepEqual(fix.title, {
    en: "Make the SPF record 'v=spf1 -all' (the name sends no mail)",
    ja: "SPF レコードを 'v=spf1 -all' にする（このドメインからはメールを送らない）",
  });
  const region = linesOf(text, 'news TXT');
  const { after } = verifyFix(text, 'spf-null-mx-sender', fix, region);
  assert.equal(lineAfter(after, region.from), 'news TXT "v=spf1 -all"');

  // A second record is spf-multiple-records' to merge first.
  const two = text + 'news TXT "v=spf1 a -all"\n';
  const twice = check(two);
  const p2 = twice.problems.find((p) => p.code === 'spf-null-mx-sender')!;
  assert.deepEqual(fixesFor({ text: two, zone: twice.zone, problem: p2 }), []);
});

test('spf-strings-joined: a space typed at the end of the first string, else at the start of the second', () => {
  const text = HEAD + '@ TXT "v=spf1 include:_spf.google.com" "~all"\n';
  const [fix] = fixes(text, 'spf-strings-joined');
  const region = linesOf(text, '@ TXT');
  const { after, problems } = verifyFix(text, 'spf-strings-joined', fix, region);
  assert.equal(lineAfter(after, region.from), '@ TXT "v=spf1 include:_spf.google.com " "~all"');
  // The record is sound again: the syntax error went with it.
  assert.ok(!problems.some((p) => p.code === 'spf-syntax'));

  // The first string a bare word (a space typed there would end it): the space opens the second.
  const bareFirst = HEAD + '@ TXT ( v=spf1\\ a\n        "mx -all" )\n';
  const [open] = fixes(bareFirst, 'spf-strings-joined');
  const { after: mended } = verifyFix(bareFirst, 'spf-strings-joined', open, linesOf(bareFirst, '"mx -all"'));
  assert.match(mended, /\n {8}" mx -all" \)\n$/);

  // After a full 255-octet string the join is where a tool cut the record: meant, not reported.
  const first = 'v=spf1' + ' a:x.example'.repeat(20) + ' a:x.exam';
  assert.equal(first.length, 255);
  const cut = HEAD + `@ TXT ( "${first}"\n        "mx -all" )\n`;
  assert.deepEqual(check(cut).problems.filter((p) => p.code === 'spf-strings-joined'), []);

  // Joined right after the version the text is no SPF record at all: spf-malformed-version's.
  const bare = HEAD + '@ TXT "v=spf1" a mx -all\n';
  assert.deepEqual(check(bare).problems.filter((p) => p.code.startsWith('spf-')).map((p) => p.code), ['spf-malformed-version']);
});

test('spf-malformed-version: "v=spf1 " written over the version as it was meant; the record is SPF again', () => {
  const cases: [string, string][] = [
    ['@ TXT "v=spf1" "include:_spf.example.net ~all"', '@ TXT "v=spf1" " include:_spf.example.net ~all"'],
    ['@ TXT "v=spf1include:_spf.example.net ~all"', '@ TXT "v=spf1 include:_spf.example.net ~all"'],
    ['@ TXT "v=spf 1 mx ~all"', '@ TXT "v=spf1 mx ~all"'],
    ['@ TXT " v=spf1 mx ~all"', '@ TXT "v=spf1 mx ~all"'],
    ['@ TXT "V=SPF1, mx ~all"', '@ TXT "v=spf1 mx ~all"'],
    // Commas between all the terms: each one a space.
    ['@ TXT "v=spf1, mx, include:_spf.example.net; ~all"', '@ TXT "v=spf1 mx include:_spf.example.net ~all"'],
  ];
  for (const [line, fixed] of cases) {
    const text = HEAD + '@ MX 10 mail\n' + line + '\nmail A 192.0.2.25\n';
    // spf-missing holds back: its fix would add a second record next to this one.
    assert.ok(!check(text).problems.some((p) => p.code === 'spf-missing'), line);
    const [fix] = fixes(text, 'spf-malformed-version');
    const region = linesOf(text, line);
    const { after, problems } = verifyFix(text, 'spf-malformed-version', fix, region);
    assert.equal(lineAfter(after, region.from), fixed);
    assert.ok(!problems.some((p) => p.code === 'spf-missing' || p.code === 'spf-syntax'), `${line}: ${problems.map((p) => p.code).join(' ')}`);
  }
});

test('spf-stale-ip: the mail server\'s address replaces the old one (preferred), or goes before it', () => {
  const text = HEAD + '@ A 203.0.113.10\nmail A 203.0.113.10\n@ MX 10 mail\n@ TXT "v=spf1 ip4:198.51.100.5 ~all"\n';
  const [replace, add, ...more] = fixes(text, 'spf-stale-ip');
  assert.equal(more.length, 0);
  assert.deepEqual(replace.title, { en: "Replace 'ip4:198.51.100.5' with 'ip4:203.0.113.10'", ja: "'ip4:198.51.100.5' を 'ip4:203.0.113.10' に置き換える" });
  assert.equal(replace.preferred, true);
  const region = linesOf(text, 'v=spf1');
  assert.equal(lineAfter(verifyFix(text, 'spf-stale-ip', replace, region).after, region.from), '@ TXT "v=spf1 ip4:203.0.113.10 ~all"');
  assert.equal(add.title.en, "Add 'ip4:203.0.113.10' before 'ip4:198.51.100.5'");
  assert.equal(lineAfter(verifyFix(text, 'spf-stale-ip', add, region).after, region.from), '@ TXT "v=spf1 ip4:203.0.113.10 ip4:198.51.100.5 ~all"');
  const { problem } = onlyProblem(text, 'spf-stale-ip');
  assert.equal(
    formatMessage(problem),
    'ip4:198.51.100.5 matches no address of example.com or of its mail servers, and its mail server mail.example.com (203.0.113.10) is not in this record: mail it sends as example.com gets SPF softfail. If the server moved, ip4:198.51.100.5 is its old address: authorise 203.0.113.10 instead (or write mx)',
  );
});

test('spf-stale-ip: an IPv6 mail server gets ip6:', () => {
  const text = HEAD + 'mail AAAA 2001:db8::25\n@ MX 10 mail\n@ TXT "v=spf1 ip6:2001:db8:1::1 -all"\n';
  const [replace] = fixes(text, 'spf-stale-ip');
  const region = linesOf(text, 'v=spf1');
  assert.equal(lineAfter(verifyFix(text, 'spf-stale-ip', replace, region).after, region.from), '@ TXT "v=spf1 ip6:2001:db8::25 -all"');
});

test('spf-ipv6-missing: the server\'s IPv6 address goes before all, or last when there is none', () => {
  const text = HEAD + 'mail A 203.0.113.10\nmail AAAA 2001:db8::25\n@ MX 10 mail\n@ TXT "v=spf1 ip4:203.0.113.10 -all"\n';
  const [add, ...more] = fixes(text, 'spf-ipv6-missing');
  assert.equal(more.length, 0);
  assert.deepEqual(add.title, { en: "Add 'ip6:2001:db8::25'", ja: "'ip6:2001:db8::25' を追加する" });
  const region = linesOf(text, 'v=spf1');
  assert.equal(lineAfter(verifyFix(text, 'spf-ipv6-missing', add, region).after, region.from), '@ TXT "v=spf1 ip4:203.0.113.10 ip6:2001:db8::25 -all"');
  const { problem } = onlyProblem(text, 'spf-ipv6-missing');
  assert.equal(
    formatMessage(problem),
    'The mail server mail.example.com of example.com has the IPv6 address 2001:db8::25, which this record does not authorise (it lists no ip6: term), while its IPv4 address 203.0.113.10 passes: mail it sends over IPv6, as it does to receivers that take mail there (Gmail, Outlook.com), gets SPF fail. Add ip6:2001:db8::25',
  );
  const redirect = text.replace('"v=spf1 ip4:203.0.113.10 -all"', '"v=spf1 redirect=_spf.example.com"') + '_spf TXT "v=spf1 ip4:203.0.113.0/24 ~all"\n';
  const [last] = fixes(redirect, 'spf-ipv6-missing');
  const at = linesOf(redirect, 'redirect=');
  assert.equal(lineAfter(verifyFix(redirect, 'spf-ipv6-missing', last, at).after, at.from), '@ TXT "v=spf1 redirect=_spf.example.com ip6:2001:db8::25"');
});
