/**
 * Differential test of what `zonelint diagnose` says of a DKIM key record (usable, revoked,
 * or no usable key: diagnose/dkimKey.ts) against dkimpy (Debian python3-dkim), whose
 * evaluate_pk is what its verifier runs on the record it looked up: generated key records
 * (RSA keys as SubjectPublicKeyInfo and as RSAPublicKey, Ed25519 keys, keys cut short or
 * not base64, `p=` empty or missing, `v=DKIM1` or another version, `k=` known and not,
 * `h=`, `s=` for mail and not, `t=`, `n=`, blanks and a trailing `;`, tags written twice) are
 * put in a zone, read by our zone parser and resolver, and must be usable exactly when
 * dkimpy can use them for mail. The zone check of the same records must report every record
 * dkimpy cannot use (a revoked key as information, a key for another service as a warning),
 * and no error on one it can.
 *
 * Left out, where verifiers or dkimpy read RFC 6376 otherwise:
 * - a `v=DKIM1` that is not the first tag (§3.6.1: "MUST be the first tag"): dkimpy takes it
 *   anywhere. Such records are not generated.
 * - `k=RSA`: verifiers differ. dkimpy refuses the key (§3.2: values are case-sensitive
 *   unless said otherwise), OpenDKIM takes it (strcasecmp), and so does our diagnosis, which
 *   calls a key usable when a common verifier can use it. Not generated.
 * - `s=email:*`: a list (§3.6.1), which dkimpy compares whole and so ignores. Not generated.
 *
 * `DKIMPY_RECORDS` sets how many records (300 unless set), `DKIMPY_SEED` the generator's seed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { dkimKeyAdvice } from '../../../server/src/diagnose/dkimKey';
import { checkDkim } from '../../../server/src/dkim/index';
import { severityOf } from '../../../server/src/diagnostics/registry';
import { ZoneDataResolver } from '../../../server/src/dns/zoneData';
import { parseZoneText } from '../../../server/src/zone/index';
import { Rng } from '../../helpers/zonegen';
import { hasModules, PYTHON, pythonJson } from '../../helpers/python';


function keys(): Record<string, string> {
  const der = (k: ReturnType<typeof generateKeyPairSync>['publicKey'], type: 'spki' | 'pkcs1') =>
    k.export({ format: 'der', type }).toString('base64');
  const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
  const rsa2048 = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
  const ed = generateKeyPairSync('ed25519').publicKey;
  const edSpki = der(ed, 'spki');
  return {
    rsa1024: der(rsa1024, 'spki'),
    rsa2048: der(rsa2048, 'spki'),
    rsa2048pkcs1: der(rsa2048, 'pkcs1'),
    ed25519: Buffer.from(edSpki, 'base64').subarray(12).toString('base64'),
    ed25519spki: edSpki,
  };
}

function generate(rng: Rng, k: Record<string, string>): string {
  const blank = () => rng.pick(['', '', ' ', '  ']);
  const tags: string[] = [];
  if (rng.chance(0.7)) tags.push(`v=${rng.pick(['DKIM1', 'DKIM1', 'DKIM1', 'DKIM2', 'dkim1', ''])}`);
  const keyName = rng.pick(Object.keys(k));
  const type = keyName.startsWith('ed') ? 'ed25519' : 'rsa';
  if (type === 'ed25519' || rng.chance(0.4)) tags.push(`k=${rng.chance(0.85) ? type : rng.pick(['dsa', 'rsa ', ''])}`);
  if (rng.chance(0.2)) tags.push(`h=${rng.pick(['sha256', 'sha1:sha256', 'sha1', 'SHA256'])}`);
  if (rng.chance(0.2)) tags.push(`s=${rng.pick(['email', '*', 'tlsrpt', 'other'])}`);
  if (rng.chance(0.2)) tags.push(`t=${rng.pick(['y', 's', 'y:s', 'x'])}`);
  if (rng.chance(0.1)) tags.push(`n=${rng.pick(['note', 'a note with blanks'])}`);
  let p = k[keyName];
  const r = rng.next();
  if (r < 0.06) p = '';
  else if (r < 0.1) p = p.slice(0, p.length - rng.int(1, 12));
  else if (r < 0.13) p = p.slice(0, 20) + rng.pick(['!', '-', '_', '.']) + p.slice(21);
  else if (r < 0.2) p = p.replace(/(.{64})/g, '$1 ').trim();
  if (rng.chance(0.96)) tags.push(`p=${p}`);
  if (rng.chance(0.03)) tags.push(rng.pick(['k=rsa', `p=${p}`]));
  // v= goes first when there is one (dkimpy takes it anywhere; see above).
  const v = tags.findIndex((t) => t.startsWith('v='));
  const rest = tags.filter((_, i) => i !== v);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [rest[i], rest[j]] = [rest[j], rest[i]];
  }
  const ordered = v >= 0 ? [tags[v], ...rest] : rest;
  return ordered.map((t) => t.replace('=', `${blank()}=${blank()}`)).join(`;${blank()}`) + (rng.chance(0.3) ? ';' : '');
}

/** dkimpy's verdict on each record: the key size and type, or the error evaluate_pk raised. */
function theirs(records: readonly string[]): ({ ok: true; size: number; type: string } | { ok: false; error: string })[] {
  const script = [
    'import json, sys, dkim',
    'out = []',
    'for r in json.load(sys.stdin):',
    '    try:',
    "        pk, size, ktag, tlsrpt = dkim.evaluate_pk(b'selector._domainkey.example.test', r.encode())",
    // A key for tlsrpt alone: its verifier refuses it for mail (verify_sig_process).
    "        out.append({'ok': pk is not None and not tlsrpt, 'size': size, 'type': ktag.decode() if ktag else None})",
    '    except Exception as e:',
    "        out.append({'ok': False, 'error': type(e).__name__ + ': ' + str(e)})",
    'print(json.dumps(out))',
  ];
  return pythonJson<({ ok: true; size: number; type: string } | { ok: false; error: string })[]>('dkimpy', script, records);
}

/** A TXT record's text in zone-file form: strings of at most 255 octets. */
function quoted(text: string): string {
  const strings: string[] = [];
  for (let i = 0; i < text.length; i += 255) strings.push(`"${text.slice(i, i + 255)}"`);
  return strings.length > 0 ? strings.join(' ') : '""';
}

const seed = Number(process.env.DKIMPY_SEED ?? 6376);
const count = Number(process.env.DKIMPY_RECORDS ?? 300);
const rng = new Rng(seed);
const material = keys();
const records = Array.from({ length: count }, () => generate(rng, material));
/** The zone of the records: `s<i>._domainkey.example.test`, record i on line i + 4. */
const zoneText = ['$ORIGIN example.test.', '@ 300 SOA ns h 1 1 1 1 1', '@ 300 NS ns', ...records.map((r, i) => `s${i}._domainkey 300 TXT ${quoted(r)}`)].join('\n') + '\n';
let reference: ReturnType<typeof theirs> | undefined;
const dkimpy = () => (reference ??= theirs(records));

test('a DKIM key record is usable exactly when dkimpy can use it', async () => {
  assert.ok(hasModules('dkim'), `dkimpy is needed: apt-get install -y python3-dkim (${PYTHON} must import dkim)`);
  const zone = parseZoneText(zoneText, { origin: 'example.test.' });
  assert.deepEqual(zone.problems.filter((p) => p.severity === 'error'), []);
  const resolver = new ZoneDataResolver([zone]);
  const reference = dkimpy();
  const differ: string[] = [];
  const states = new Set<string>();
  for (let i = 0; i < records.length; i++) {
    const [advice] = await dkimKeyAdvice([{ domain: 'example.test', selector: `s${i}`, result: 'fail' }], 'fail', resolver);
    states.add(advice.state);
    const want = reference[i];
    if ((advice.state === 'usable') !== want.ok) differ.push(`${records[i]}\n  ours: ${advice.state}; dkimpy: ${JSON.stringify(want)}`);
  }
  assert.deepEqual(differ, [], `seed ${seed}, ${differ.length} of ${count}:\n${differ.slice(0, 6).join('\n')}`);
  for (const s of ['usable', 'revoked', 'unreadable']) assert.ok(states.has(s), `no record was ${s}`);
});

test('the zone check reports every key record dkimpy cannot use for mail, and no error on one it can', () => {
  const zone = parseZoneText(zoneText, { origin: 'example.test.' });
  const problems = checkDkim(zone);
  const reference = dkimpy();
  const lineOf = (offset: number) => zoneText.slice(0, offset).split('\n').length - 4;
  const errors = new Map<number, string[]>();
  for (const p of problems) {
    const i = lineOf(p.offset);
    // A key for rsa-sha1 alone (h=sha1) validates nothing since RFC 8301 §3.1: an error of ours
    // that dkimpy leaves to the signature (evaluate_pk does not read h=).
    const severity = p.args?.detail === 'dkim-weak-sha1' ? 'sha1' : severityOf(p);
    errors.set(i, [...(errors.get(i) ?? []), `${severity} ${p.code}`]);
  }
  const differ: string[] = [];
  for (let i = 0; i < records.length; i++) {
    const found = errors.get(i) ?? [];
    const flagged = found.length > 0;
    const error = found.some((e) => e.startsWith('error'));
    if (reference[i].ok && error) differ.push(`${records[i]}\n  ours: ${found.join(', ')} on a key dkimpy uses`);
    if (!reference[i].ok && !flagged) differ.push(`${records[i]}\n  ours: ${(errors.get(i) ?? []).join(', ') || 'nothing'}; dkimpy: ${JSON.stringify(reference[i])}`);
  }
  assert.deepEqual(differ, [], `seed ${seed}, ${differ.length} of ${count}:\n${differ.slice(0, 6).join('\n')}`);
});
