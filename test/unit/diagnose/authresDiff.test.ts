/**
 * Differential test of the Authentication-Results reader `zonelint diagnose` uses
 * (diagnose/headers.ts parseAuthResults) against authres (Debian python3-authres, the
 * RFC 8601 parser of the pyspf and dkimpy maintainers): generated field values, as
 * receivers write them and odder (versions, `none`, comments nested and holding `;` and
 * `=`, quoted reasons and values, base64 with `+/=`, blanks around `=`, upper case), must
 * give the same authserv-id and, result by result, the same method, result, reason and
 * properties.
 *
 * `AUTHRES_FIELDS` sets how many fields (400 unless set), `AUTHRES_SEED` the generator's seed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAuthResults } from '../../../server/src/diagnose/headers';
import { Rng } from '../../helpers/zonegen';
import { hasModules, PYTHON, pythonJson } from '../../helpers/python';


const METHODS: Record<string, readonly string[]> = {
  spf: ['pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror'],
  dkim: ['pass', 'fail', 'neutral', 'none', 'policy', 'temperror', 'permerror'],
  dmarc: ['pass', 'fail', 'none', 'temperror', 'permerror'],
  arc: ['pass', 'fail', 'none'],
  iprev: ['pass', 'fail', 'temperror', 'permerror'],
  auth: ['pass', 'fail', 'none'],
};

const PROPS: Record<string, readonly string[]> = {
  spf: ['smtp.mailfrom', 'smtp.helo'],
  dkim: ['header.d', 'header.i', 'header.s', 'header.b', 'header.a'],
  dmarc: ['header.from', 'policy.dmarc'],
  arc: ['header.oldest-pass', 'smtp.remote-ip'],
  iprev: ['policy.iprev', 'smtp.remote-ip'],
  auth: ['smtp.auth', 'smtp.mailfrom'],
};

interface Parsed {
  readonly authservId: string;
  readonly results: { method: string; result: string; reason: string | null; props: Record<string, string> }[];
}

function generate(rng: Rng): string {
  const blank = () => rng.pick([' ', ' ', '  ', '\t', ' \t ']);
  const eq = () => (rng.chance(0.85) ? '=' : rng.pick([' =', '= ', ' = ']));
  const domain = () => rng.pick(['example.com', 'mail.example.co.jp', 'Example.ORG', 'sub-1.example.net', 'xn--zckzah.jp']);
  const comment = (): string => {
    const body = rng.pick([
      'google.com: domain of bounce@example.com designates 192.0.2.1 as permitted sender',
      'p=NONE sp=NONE dis=NONE',
      '1024-bit key; unprotected key',
      'sender IP is 192.0.2.1',
      'nested (comment) here',
      'a=b; c=d',
      'quoted \\) paren',
    ]);
    return `(${body})`;
  };
  const value = (prop: string): string => {
    if (prop === 'smtp.mailfrom' || prop === 'smtp.auth') return rng.pick([`bounce@${domain()}`, domain(), `b+tag=1@${domain()}`, `@${domain()}`]);
    if (prop === 'header.i') return rng.pick([`@${domain()}`, `user@${domain()}`]);
    if (prop === 'header.b') return rng.pick(['AbC+/x9=', 'Zm9v']);
    if (prop === 'header.s') return rng.pick(['s1', 'google', '20230601', 'selector-1']);
    if (prop === 'header.a') return rng.pick(['rsa-sha256', 'ed25519-sha256']);
    if (prop === 'smtp.remote-ip') return rng.pick(['192.0.2.1', '"2001:db8::1"']);
    if (prop === 'policy.dmarc') return rng.pick(['none', 'quarantine', 'reject']);
    if (prop === 'policy.iprev' || prop === 'header.oldest-pass') return rng.pick(['192.0.2.1', '0', '1']);
    return domain();
  };
  const head = `${rng.pick(['mx.google.com', 'mx.example.net', 'spf.example.org', 'mta1.example.jp'])}${rng.chance(0.15) ? ' 1' : ''}`;
  if (rng.chance(0.05)) return `${head};${blank()}none`;
  const parts = [head];
  for (let k = rng.int(1, 4); k > 0; k--) {
    const method = rng.pick(Object.keys(METHODS));
    let text = `${rng.chance(0.1) ? method.toUpperCase() : method}${rng.chance(0.1) ? '/1' : ''}${eq()}${rng.pick(METHODS[method])}`;
    if (rng.chance(0.4)) text += `${blank()}${comment()}`;
    if (rng.chance(0.2)) text += `${blank()}reason${eq()}${rng.pick(['"good signature"', '"bad; worse"', 'tokenreason', '"quote \\" inside"'])}`;
    for (const prop of PROPS[method]) {
      if (!rng.chance(0.6)) continue;
      text += `${blank()}${rng.chance(0.1) ? prop.toUpperCase() : prop}${eq()}${value(prop)}`;
      // A comment after a value, as some receivers write the address they saw.
      if (rng.chance(0.1)) text += `${blank()}${comment()}`;
    }
    parts.push(text);
  }
  // Outlook.com writes `…header.d=none;dmarc=pass…`, without a blank after the `;`.
  return parts.map((p, i) => (i === 0 ? p : `;${rng.chance(0.2) ? '' : blank()}${p}`)).join('');
}

function theirs(fields: readonly string[]): (Parsed | { error: string })[] {
  const script = [
    'import json, sys, authres',
    'out = []',
    'for v in json.load(sys.stdin):',
    '    try:',
    "        h = authres.AuthenticationResultsHeader.parse('Authentication-Results: ' + v)",
    "        out.append({'authservId': h.authserv_id, 'results': [{'method': r.method, 'result': r.result, 'reason': r.reason,",
    "            'props': {(p.type + '.' + p.name).lower(): p.value for p in r.properties}} for r in h.results]})",
    '    except Exception as e:',
    "        out.append({'error': type(e).__name__ + ': ' + str(e)})",
    'print(json.dumps(out))',
  ];
  return pythonJson<(Parsed | { error: string })[]>('authres', script, fields);
}

test('Authentication-Results fields read as authres reads them', () => {
  assert.ok(hasModules('authres'), `authres is needed: apt-get install -y python3-authres (${PYTHON} must import authres)`);
  const seed = Number(process.env.AUTHRES_SEED ?? 8601);
  const count = Number(process.env.AUTHRES_FIELDS ?? 400);
  const rng = new Rng(seed);
  const fields = Array.from({ length: count }, () => generate(rng));
  const reference = theirs(fields);
  const differ: string[] = [];
  let compared = 0;
  for (let i = 0; i < fields.length; i++) {
    const want = reference[i];
    if ('error' in want) continue;
    compared++;
    const got = parseAuthResults(fields[i]);
    const ours = got && {
      authservId: got.authservId,
      results: got.results.map((r) => ({ method: r.method, result: r.result, reason: r.reason ?? null, props: { ...r.props } })),
    };
    // authres keeps a quoted-string's escapes (`\"`); RFC 5322 §3.2.4 reads them as the character.
    const unescape = (v: string | null) => (v === null ? null : v.replace(/\\(.)/g, '$1'));
    const normal = {
      authservId: want.authservId,
      results: want.results.map((r) => ({
        method: r.method.toLowerCase(),
        result: r.result.toLowerCase(),
        reason: unescape(r.reason),
        props: Object.fromEntries(Object.entries(r.props).map(([k, v]) => [k, unescape(v) as string])),
      })),
    };
    try {
      assert.deepEqual(ours, normal);
    } catch {
      differ.push(`${fields[i]}\n  ours:    ${JSON.stringify(ours)}\n  authres: ${JSON.stringify(normal)}`);
    }
  }
  assert.deepEqual(differ, [], `seed ${seed}, ${differ.length} of ${compared}:\n${differ.slice(0, 4).join('\n')}`);
  assert.ok(compared > count * 0.8, `authres read only ${compared} of ${count}`);
});
