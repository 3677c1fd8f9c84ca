/** Zone-semantics behaviour the per-code fixtures cannot show: clocks, includes, messages, robustness. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { allCodes, formatMessage } from '../../../server/src/diagnostics/registry';
import { parseZoneText } from '../../../server/src/zone';
import { SemanticsCodes, checkZoneSemantics } from '../../../server/src/zone/semantics';
import { isHostName } from '../../../server/src/zone/semantics/checkNames';
import { serialDateProblem } from '../../../server/src/zone/semantics/serialFormat';
import { check, described } from './helpers';

const APEX = '$TTL 300\n@ SOA ns1 hostmaster 1 3600 900 604800 300\n@ NS ns1\nns1 A 192.0.2.1\n';

describe('zone-serial-format', () => {
  const now = new Date('2026-05-01T12:00:00Z');
  it('flags a date after today, on the serial', () => {
    const text = '$TTL 300\n@ SOA ns1 hostmaster 2026050301 3600 900 604800 300\n@ NS ns1\nns1 A 192.0.2.1\n';
    const { problems } = check(text, 'example.com.', now);
    assert.deepEqual(described(text, problems), ['zone-serial-format "2026050301"']);
    assert.equal(problems[0].args?.['detail'], 'serial-in-future');
  });
  it("accepts tomorrow's date while it is already tomorrow east of UTC", () => {
    assert.equal(serialDateProblem('2026050201', new Date('2026-05-01T15:00:00Z')), undefined);
    assert.equal(serialDateProblem('2026050301', new Date('2026-05-01T15:00:00Z'))?.detail, 'serial-in-future');
  });
  it('knows leap years and leaves non-date serials alone', () => {
    assert.equal(serialDateProblem('2024022901', now), undefined);
    assert.equal(serialDateProblem('2025022901', now)?.detail, 'serial-not-a-date');
    assert.equal(serialDateProblem('2026130101', now)?.detail, 'serial-not-a-date');
    for (const s of ['1', '1397051952', '4294967295', '202605011', '1700000000']) assert.equal(serialDateProblem(s, now), undefined, s);
  });
});

describe('zone-null-mx', () => {
  it('covers the whole data of a null MX written over lines, and names the other hosts', () => {
    const text = APEX + 'mx1 A 192.0.2.27\nsplit MX ( 0 ; no mail?\n  . )\nsplit MX 5 mx1\n';
    const { problems } = check(text);
    assert.deepEqual(described(text, problems), ['zone-null-mx "0 ; no mail?\\n  ."']);
    assert.match(formatMessage(problems[0]), /split\.example\.com\. also has MX records to mx1\.example\.com\./);
    assert.match(formatMessage(problems[0], 'ja'), /mx1\.example\.com\. への MX レコードもあります/);
  });
  it('is silent for a lone MX 0 . and for MX records without one', () => {
    const text = APEX + 'a MX 0 .\nb MX 0 mx1\nb MX 10 mx1\nmx1 A 192.0.2.27\n';
    assert.deepEqual(check(text).problems, []);
  });
});

describe('host names (check-names)', () => {
  it('follows BIND: letters, digits, inner hyphens; leading * only for owners', () => {
    assert.ok(isHostName('a-b.example.', false));
    assert.ok(isHostName('0123.example.', false));
    assert.ok(isHostName('.', false));
    assert.ok(isHostName('*.example.', true));
    assert.ok(!isHostName('*.example.', false));
    assert.ok(!isHostName('a.*.example.', true));
    for (const bad of ['_dmarc.example.', 'a_b.example.', '-a.example.', 'a-.example.', 'a\\.b.example.', 'caf\\195\\169.example.']) {
      assert.ok(!isHostName(bad, true), bad);
    }
  });
});

describe('checkZoneSemantics', () => {
  it('says nothing about an empty file', () => {
    assert.deepEqual(check('').problems, []);
    assert.deepEqual(check('; only a comment\n$TTL 300\n').problems, []);
  });

  it('reports problems inside an $INCLUDE file against that file', () => {
    const files = new Map([['/zones/hosts.inc', 'www A 192.0.2.80\nwww A 192.0.2.80\n']]);
    const text = `${APEX}$INCLUDE hosts.inc\n`;
    const zone = parseZoneText(text, { origin: 'example.com.', path: '/zones/example.com.zone', readFile: (p) => files.get(p) });
    const problems = checkZoneSemantics(zone);
    assert.deepEqual(
      problems.map((p) => [p.code, p.file, p.offset, p.length]),
      [['zone-duplicate-record', '/zones/hosts.inc', 17, 16]],
    );
  });

  it('checks a zone included twice once, while still naming each duplicate', () => {
    const files = new Map([['/zones/ns.inc', 'sub NS ns.sub\n']]);
    const text = `${APEX}$INCLUDE ns.inc\n$INCLUDE ns.inc\n`;
    const zone = parseZoneText(text, { origin: 'example.com.', path: '/zones/z', readFile: (p) => files.get(p) });
    assert.deepEqual(checkZoneSemantics(zone).map((p) => p.code).sort(), ['zone-duplicate-record', 'zone-missing-glue']);
  });

  it('never throws, whatever the text', () => {
    const pieces = ['@', '*', 'a', '_x', 'NS', 'MX 10', 'CNAME', 'DNAME', 'SOA', 'A 192.0.2.1', 'DS', 'SRV 0 0 1', '$ORIGIN x.', '192.0.2.9', '\\.', '(', ')', '"t"', '\n', ' ', '300'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const zone = parseZoneText(APEX + parts.join(' '), { origin: 'example.com.' });
        for (const p of checkZoneSemantics(zone)) assert.ok(allCodes.has(p.code), p.code);
      }),
      { numRuns: 200 },
    );
  });
});

describe('messages', () => {
  it('are registered, and read in English and Japanese without unfilled placeholders', () => {
    const args = { type: 'MX', ttl: 600, firstTtl: 300, owner: 'a.example.', apex: 'example.', origin: 'example.', target: 'b.example.', address: '192.0.2.1', dname: 'd.example.', serial: '2026023001', detail: 'serial-not-a-date', date: '2026-02-30', name: 'a_b.example.', written: 'mail.exmaple.jp.', intended: 'mail.example.jp', whoseDetail: 'target-typo-own' };
    for (const def of Object.values(SemanticsCodes)) {
      assert.equal(allCodes.get(def.code), def, def.code);
      for (const locale of ['en', 'ja'] as const) {
        const text = formatMessage({ code: def.code, offset: 0, length: 0, args }, locale);
        assert.doesNotMatch(text, /\{\w+\}/, `${def.code} ${locale}: ${text}`);
      }
    }
    const ja = formatMessage({ code: 'zone-serial-format', offset: 0, length: 0, args: { ...args, detail: 'serial-in-future' } }, 'ja');
    assert.match(ja, /未来/);
  });
});
