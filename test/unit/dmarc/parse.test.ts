import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDmarcText, parseDmarc, policyOf, reportUris, mailtoHost } from '../../../server/src/dmarc/parse';

test('only a text beginning with v=DMARC1 (exact case) is a DMARC record', () => {
  assert.equal(isDmarcText('v=DMARC1; p=none'), true);
  assert.equal(isDmarcText('v=DMARC1'), true);
  assert.equal(isDmarcText('V = DMARC1 ;p=none'), true);
  assert.equal(isDmarcText('v=dmarc1; p=none'), false);
  assert.equal(isDmarcText('v=DMARC1 p=none'), false);
  assert.equal(isDmarcText('p=none; v=DMARC1'), false);
  assert.equal(isDmarcText('V=BOB'), false);
  assert.equal(isDmarcText(''), false);
});

test('tags are found case-insensitively and values keep their offsets', () => {
  const text = 'v=DMARC1; P=Reject; rua=mailto:a@example.com';
  const r = parseDmarc(text);
  assert.equal(r.isDmarc, true);
  assert.equal(policyOf(r.tag('p')), 'reject');
  const rua = r.tag('rua')!;
  assert.equal(text.slice(rua.valueStart, rua.valueEnd), 'mailto:a@example.com');
});

test('report URIs: mailto with a domain, size suffix tolerated, others flagged', () => {
  const r = parseDmarc('v=DMARC1; rua=mailto:a@example.com!10m, mailto:b%2Bx@Example.NET., https://r.example/x, mailto:nobody, , bad uri');
  const uris = reportUris(r.tag('rua')!);
  assert.deepEqual(
    uris.map((u) => [u.uri, u.host ?? u.problem]),
    [
      ['mailto:a@example.com!10m', 'example.com'],
      ['mailto:b%2Bx@Example.NET.', 'example.net'],
      ['https://r.example/x', 'scheme'],
      ['mailto:nobody', 'mailto'],
      ['', 'empty'],
      ['bad uri', 'malformed'],
    ],
  );
  assert.equal(mailtoHost('mailto:dmarc@example.com?subject=x'), 'example.com');
  assert.equal(mailtoHost('mailto://abuse.com'), undefined);
});
