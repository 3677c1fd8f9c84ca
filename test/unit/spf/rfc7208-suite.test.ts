/**
 * The openspf RFC 7208 test suite (release 2014.04), every scenario through
 * checkHost() with an in-memory resolver built from its zonedata.
 *
 * Driver conventions:
 * - `result` may list alternatives; any of them passes.
 * - `explanation: DEFAULT` means no exp= explanation: checkHost reports null.
 * - Other explanations are compared case-insensitively: v-macro-ip6 expects the
 *   `%{ir}` nibbles of CAFE:BABE::1 in upper case, while RFC 7208 §7.4's own
 *   example expands them in lower case, as we do.
 * - `mailfrom: ""` checks the HELO identity (RFC 7208 §2.3).
 * Skips: none.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { checkHost, spfIdentity } from '../../../server/src/spf/evaluate';
import { SuiteResolver } from './suite-resolver';

interface Scenario {
  description: string;
  tests: Record<string, { host: string; mailfrom: string; helo?: string; result: string | string[]; explanation?: string }>;
  zonedata: Record<string, []>;
}

const suitePath = path.resolve(__dirname, '../../../../shared/conformance/spf/rfc7208-tests.yml');
const scenarios = parseAllDocuments(readFileSync(suitePath, 'latin1')).map((d) => d.toJS() as Scenario);

let count = 0;
for (const scenario of scenarios) {
  const resolver = new SuiteResolver(scenario.zonedata);
  for (const [name, t] of Object.entries(scenario.tests)) {
    count++;
    test(`${scenario.description}: ${name}`, async () => {
      const { sender, domain } = spfIdentity(String(t.mailfrom ?? ''), t.helo);
      const r = await checkHost(String(t.host), domain, sender, {
        resolver,
        helo: t.helo,
        now: new Date(0),
      });
      const allowed = Array.isArray(t.result) ? t.result : [t.result];
      assert.ok(allowed.includes(r.result), `got ${r.result}, want ${allowed.join('|')}; trace: ${JSON.stringify(r.trace)}`);
      if (t.explanation === 'DEFAULT') assert.equal(r.explanation, null);
      else if (t.explanation !== undefined) assert.equal(r.explanation?.toLowerCase(), t.explanation.toLowerCase());
    });
  }
}

test('the suite has all its 203 tests', () => {
  assert.equal(count, 203);
});
