/**
 * Differential run against BIND (issue 2): generates zones (test/helpers/zonegen.ts),
 * compares each with `named-checkzone -i local -D`, and prints a shrunk reproduction
 * of each disagreement category (first few per category) and a summary.
 *
 *   node --import tsx scripts/diff-bind.ts [--count N] [--seed S] [--invalid P] [--seconds T] [--max-shown K]
 *
 * Bounded by --seconds (default 110) so a batch stays within the shared CPU budget.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { compareWithBind, formatDisagreement, hasNamedCheckzone } from '../test/helpers/bindDiff';
import { generateZone, Rng } from '../test/helpers/zonegen';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '500' },
    seed: { type: 'string', default: '1' },
    invalid: { type: 'string', default: '0.3' },
    seconds: { type: 'string', default: '110' },
    'max-shown': { type: 'string', default: '2' },
  },
});

if (!hasNamedCheckzone) {
  console.error('named-checkzone (bind9-utils) is not installed');
  process.exit(2);
}

const count = Number(values.count);
const seed = Number(values.seed);
const invalidRatio = Number(values.invalid);
const deadline = Date.now() + Number(values.seconds) * 1000;
const maxShown = Number(values['max-shown']);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-diff-'));
const pick = new Rng(seed ^ 0x5bd1e995);

const byCategory = new Map<string, number>();
let compared = 0;
for (let i = 0; i < count && Date.now() < deadline; i++) {
  const zseed = seed * 100003 + i;
  const z = generateZone(zseed, pick.chance(invalidRatio));
  const quick = compareWithBind(z, dir, false);
  compared++;
  if (!quick) continue;
  // The category: the kind and the tag of the invalid statement, or the types differing.
  const invalid = z.statements.find((s) => s.tag.startsWith('invalid:'))?.tag;
  const diffTypes = [...quick.missing, ...quick.extra].map((r) => r.split(' ')[3]);
  // For a miss, BIND's reason (without line numbers and quoted names).
  const reason = quick.kind === 'miss' ? ' ' + (/failed: (.*)$/m.exec(quick.bind)?.[1] ?? quick.bind.split('\n').find((l) => !/warning|using|TTL/.test(l))?.replace(/^zone \S+ /, '').replace(/'[^']*'/g, "'…'") ?? '') : '';
  const category = `${quick.kind} ${invalid ?? [...new Set(diffTypes)].sort().join('/')}${reason}`;
  const seen = byCategory.get(category) ?? 0;
  byCategory.set(category, seen + 1);
  if (seen < maxShown) {
    const d = compareWithBind(z, dir);
    console.log(`${formatDisagreement(d ?? quick)}\n(seed ${zseed})\n`);
  }
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`compared ${compared} zones, ${[...byCategory.values()].reduce((a, b) => a + b, 0)} disagreements`);
for (const [category, n] of [...byCategory].sort((a, b) => b[1] - a[1])) console.log(`  ${n}\t${category}`);
