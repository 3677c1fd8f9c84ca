/**
 * zone-txt-unquoted (zone/txtUnquoted.ts): a mail record written in a TXT record without
 * quotes. BIND loads it as separate strings (and a `;` as the start of a comment); the
 * diagnostic says what receivers read, and the quick-fix puts the record in quotes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseZoneText } from '../../../server/src/zone/index';
import { formatMessage } from '../../../server/src/diagnostics/registry';
import { fixesFor } from '../../../server/src/fixes/index';
import { checkSpf } from '../../../server/src/spf/check';
import { checkDmarc } from '../../../server/src/dmarc/index';
import { applyEdits } from '../fixes/helpers';

const HEAD = '$ORIGIN example.jp.\n$TTL 3600\n@ SOA ns1 root 1 3600 900 604800 3600\n@ NS ns1\nns1 A 192.0.2.1\n@ MX 10 ns1\n';
const CODE = 'zone-txt-unquoted';
const hasBind = spawnSync('named-checkzone', ['-v']).status === 0;

function found(text: string) {
  const zone = parseZoneText(text, { origin: 'example.jp.' });
  return { zone, hits: zone.problems.filter((p) => p.code === CODE) };
}

test('bare words of a mail record: reported over the words, with what receivers read', () => {
  const text = HEAD + '@ TXT v=spf1 include:_spf.google.com ~all\n_dmarc TXT v=DMARC1; p=reject; rua=mailto:d@example.jp\n';
  const { zone, hits } = found(text);
  assert.equal(hits.length, 2);
  const [spf, dmarc] = hits;
  assert.equal(text.slice(spf.offset, spf.offset + spf.length), 'v=spf1 include:_spf.google.com ~all');
  assert.equal(formatMessage(spf), "This SPF record is not in quotes: each word is a string of its own, and receivers join the strings with nothing between them ('v=spf1include:_spf.google.com~all'). Put the whole record in double quotes");
  assert.equal(text.slice(dmarc.offset, dmarc.offset + dmarc.length), 'v=DMARC1');
  assert.match(formatMessage(dmarc), /^This DMARC record is not in quotes, and ';' starts a comment in a zone file, so 'p=reject; rua=mailto:d@example\.jp' is not part of it: receivers read 'v=DMARC1'\./);
  assert.match(formatMessage(dmarc, 'ja'), /^この DMARC レコードは引用符で囲まれていません。ゾーンファイルでは ';' からコメントになるため/);
  // The SPF rules leave the record to this one: no malformed-version, no spf-missing.
  assert.deepEqual(checkSpf(zone).map((p) => p.code), []);
  // The DMARC record read is a version alone: its own checks say so.
  assert.ok(checkDmarc(zone).some((p) => p.code === 'dmarc-missing-policy'));
});

test('what is not reported: quoted records, one bare word, other TXT, a comment that is a comment', () => {
  const text =
    HEAD +
    '@ TXT "v=spf1 a -all"\n' +
    'a TXT v=spf1\n' +
    'b TXT hello world\n' +
    'c TXT v=spf1include:x.example ; no tags here\n' +
    '_dmarc TXT "v=DMARC1; p=reject" ; a policy\n' +
    '_dmarc.d TXT v=DMARC1 ; set up 2026-12\n';
  assert.deepEqual(found(text).hits, []);
});

test('BIND reads the bare words as separate strings and the tags after ";" as a comment', { skip: hasBind ? false : 'named-checkzone (bind9-utils) is not installed' }, () => {
  const text = HEAD + '@ TXT v=spf1 include:_spf.google.com ~all\n_dmarc TXT v=DMARC1; p=reject\n';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-unquoted-'));
  try {
    fs.writeFileSync(path.join(dir, 'db'), text);
    const bind = spawnSync('named-checkzone', ['-i', 'local', '-D', '-o', '-', 'example.jp', 'db'], { cwd: dir, encoding: 'utf8' });
    assert.equal(bind.status, 0, bind.stderr + bind.stdout);
    assert.match(bind.stdout, /^example\.jp\.\s+3600\s+IN\s+TXT\s+"v=spf1" "include:_spf\.google\.com" "~all"$/m);
    assert.match(bind.stdout, /^_dmarc\.example\.jp\.\s+3600\s+IN\s+TXT\s+"v=DMARC1"$/m);
    // And so do we.
    const zone = parseZoneText(text, { origin: 'example.jp.' });
    const txt = zone.records.filter((r) => r.type === 'TXT').map((r) => r.rdata.canonical);
    assert.deepEqual(txt, ['"v=spf1" "include:_spf.google.com" "~all"', '"v=DMARC1"']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('quick-fix: the words in quotes, with the tags the comment cut off', () => {
  const text = HEAD + '@ TXT v=spf1 include:_spf.google.com ~all\n_dmarc TXT v=DMARC1; p=reject; rua=mailto:d@example.jp   \nx A 192.0.2.9\n';
  const { zone, hits } = found(text);
  // Both fixes, each made for the text as it is, applied together.
  const edits = hits.flatMap((problem) => {
    const [fix] = fixesFor({ text, zone, problem });
    assert.equal(fix.preferred, true);
    assert.deepEqual(fix.title, { en: 'Put the record in double quotes', ja: 'レコードを二重引用符で囲む' });
    return fix.edits;
  });
  const fixed = applyEdits(text, edits);
  assert.equal(fixed, HEAD + '@ TXT "v=spf1 include:_spf.google.com ~all"\n_dmarc TXT "v=DMARC1; p=reject; rua=mailto:d@example.jp"   \nx A 192.0.2.9\n');
  const after = parseZoneText(fixed, { origin: 'example.jp.' });
  assert.deepEqual(after.problems, []);
  assert.deepEqual(checkDmarc(after), []);

  // A comment runs past a lone carriage return (to the newline): reported, shown up to the
  // CR, and no fix (quoting would join what the editor shows as two lines).
  const cr = HEAD + '_dmarc TXT v=DMARC1; p=reject\rwww A 192.0.2.1\n';
  const { zone: z1, hits: h1 } = found(cr);
  assert.equal(h1.length, 1);
  assert.match(formatMessage(h1[0]), /so 'p=reject…' is not part of it/);
  assert.deepEqual(fixesFor({ text: cr, zone: z1, problem: h1[0] }), []);
  assert.deepEqual(z1.records.filter((r) => r.owner.startsWith('www')), [], 'www is in the comment, as BIND reads it');

  // A backslash or a quote among the words: quoting would change them, so no fix.
  const escaped = HEAD + '@ TXT v=spf1 a:x\\.example -all\n';
  const { zone: z2, hits: h2 } = found(escaped);
  assert.equal(h2.length, 1);
  assert.deepEqual(fixesFor({ text: escaped, zone: z2, problem: h2[0] }), []);
});
