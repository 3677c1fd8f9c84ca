import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { applyEdits, open } from './fixture';

const HEAD = '$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns1 h 1 7200 3600 1209600 300\n  IN NS ns1\nns1 IN A 192.0.2.1\n';

function fixed(text: string, code: string): { title: string; after: string } | undefined {
  const o = open(text);
  const diagnostics = o.service.validateSync(o.document).filter((d) => d.code === code);
  assert.equal(diagnostics.length, 1, `one ${code}`);
  const actions = o.service.getCodeActions(o.document, { diagnostics });
  if (actions.length === 0) return undefined;
  const edits = actions[0].edit!.changes![o.document.uri];
  return { title: actions[0].title, after: applyEdits(o.document, edits) };
}

test('a TXT string over 255 octets is split into strings of at most 255', () => {
  const long = 'v=DKIM1; k=rsa; p=' + 'A'.repeat(400);
  const r = fixed(HEAD + `sel._domainkey IN TXT "${long}"\n`, 'zone-txt-string-too-long');
  assert.ok(r);
  assert.equal(r.title, 'Split into 2 strings of at most 255 octets');
  assert.equal(r.after, HEAD + `sel._domainkey IN TXT "${long.slice(0, 255)}" "${long.slice(255)}"\n`);
  const again = open(r.after);
  assert.equal(again.service.validateSync(again.document).some((d) => d.code === 'zone-txt-string-too-long'), false);
});

test('the split never cuts an escape or a UTF-8 character', () => {
  const long = 'a'.repeat(254) + '\\"' + 'é'.repeat(10) + 'b'.repeat(250);
  const r = fixed(HEAD + `t IN TXT "${long}"\n`, 'zone-txt-string-too-long');
  assert.ok(r);
  // 254 + 1 octet fit; each é is two octets, so the second string starts at the first é
  // and holds 20 + 235 octets.
  const parts = ['a'.repeat(254) + '\\"', 'é'.repeat(10) + 'b'.repeat(235), 'b'.repeat(15)];
  assert.equal(r.title, 'Split into 3 strings of at most 255 octets');
  assert.equal(r.after, HEAD + `t IN TXT "${parts.join('" "')}"\n`);
});

test('a duplicate record is removed; an inheriting next record keeps its owner', () => {
  const text = HEAD + 'www IN A 192.0.2.9\nwww IN A 192.0.2.9\n    IN AAAA 2001:db8::9\n';
  const o = open(text);
  const dup: Diagnostic = {
    range: { start: { line: 6, character: 0 }, end: { line: 6, character: 18 } },
    message: 'duplicate',
    source: 'zonelint',
    code: 'zone-duplicate-record',
  };
  const [action] = o.service.getCodeActions(o.document, { diagnostics: [dup] });
  assert.equal(action.title, 'Remove the duplicate record');
  assert.equal(
    applyEdits(o.document, action.edit!.changes![o.document.uri]),
    HEAD + 'www IN A 192.0.2.9\nwww    IN AAAA 2001:db8::9\n',
  );
});

test('no action for other sources, unknown codes, or a non-quickfix `only`', () => {
  const o = open(HEAD + `t IN TXT "${'x'.repeat(300)}"\n`);
  const [d] = o.service.validateSync(o.document).filter((x) => x.code === 'zone-txt-string-too-long');
  assert.equal(o.service.getCodeActions(o.document, { diagnostics: [{ ...d, source: 'other' }] }).length, 0);
  assert.equal(o.service.getCodeActions(o.document, { diagnostics: [{ ...d, code: 'zone-nothing' }] }).length, 0);
  assert.equal(o.service.getCodeActions(o.document, { diagnostics: [d], only: ['refactor'] }).length, 0);
  assert.equal(o.service.getCodeActions(o.document, { diagnostics: [d], only: ['quickfix'] }).length, 1);
});
