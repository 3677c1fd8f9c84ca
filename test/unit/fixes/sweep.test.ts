/**
 * Every quick-fix on every problem of the SPF and mail fixture zones (written by
 * the rule authors, with many cases per code), asked for as the editor asks (the
 * diagnostic's code, range and data only): applied alone, the fixed text has
 * fewer problems of that code, no new error-severity problem, and changes only
 * the problem's record lines or lines it adds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fixesFor, FIXABLE_CODES } from '../../../server/src/fixes/index';
import { formatMessage } from '../../../server/src/diagnostics/registry';
import type { Problem } from '../../../server/src/diagnostics/types';
import { applyEdits, asSent, check, errorsOf } from './helpers';

const ROOT = path.join(__dirname, '../../fixtures');
// Fixtures read as the rule authors wrote them; $INCLUDE targets resolve from the working directory or fail the same way before and after.
const files = ['spf', 'mail', 'semantics', 'zone', 'fixes', 'caa', 'dane'].flatMap((dir) =>
  readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.zone'))
    .map((f) => path.join(ROOT, dir, f)),
);

const key = (p: Problem) => `${p.code} ${formatMessage(p)}`;


test('every fix of every fixture problem removes a problem and adds no error', () => {
  let applied = 0;
  const codes = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const { zone, problems } = check(text);
    const known = new Set(errorsOf(problems).map(key));
    for (const problem of problems) {
      // The editor offers no fix for a problem shown on an $INCLUDE line.
      if (!FIXABLE_CODES.has(problem.code) || problem.file !== undefined) continue;
      for (const fix of fixesFor({ text, zone, problem: asSent(problem) })) {
        const after = applyEdits(text, fix.edits);
        const { problems: left } = check(after);
        const where = `${path.basename(file)} ${key(problem)} → ${fix.title.en}`;
        assert.ok(
          left.filter((p) => p.code === problem.code).length < problems.filter((p) => p.code === problem.code).length,
          `${where}: still as many ${problem.code}`,
        );
        const fresh = errorsOf(left).filter((p) => !known.has(key(p)));
        assert.deepEqual(fresh.map(key), [], `${where}: new errors`);
        applied++;
        codes.add(problem.code);
      }
    }
  }
  assert.ok(applied > 200, `applied ${applied} fixes`);
  for (const code of ['spf-after-all', 'spf-no-all', 'spf-permissive-all', 'spf-unknown-mechanism', 'spf-multiple-records', 'spf-deprecated-rrtype', 'spf-ptr-deprecated', 'spf-duplicate-modifier', 'spf-null-mx-missing', 'spf-strings-joined', 'spf-malformed-version', 'dmarc-missing', 'zone-duplicate-record', 'zone-ttl-mismatch', 'zone-txt-string-too-long', 'zone-origin-repeated', 'zone-cname-target-missing', 'zone-mx-no-address', 'zone-srv-no-address', 'spf-stale-ip', 'spf-ipv6-missing', 'caa-unknown-tag', 'caa-bad-value', 'tlsa-not-mx-host', 'spf-include-typo', 'zone-target-typo'])
    assert.ok(codes.has(code), `fixtures exercise ${code}`);
});
