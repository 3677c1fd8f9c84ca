// An experiment, not part of Zonelint: how fast one JavaScript thread can get through the
// generator's zone with records in columns, to judge what issue 9's `zonelint check` goal
// asks of a columnar redesign. It reads the zone into typed arrays (owner, type, RDATA
// range), interns the owner and target names in an open-addressing table over their bytes
// (no Map, no strings per name), and makes two checks: MX/CNAME/NS/SRV targets inside the
// zone that have no address or alias, and a CNAME beside other data. Anything the real
// parser handles besides (escapes, $INCLUDE, $GENERATE, quoted parentheses, classes other
// than IN, RDATA syntax) is left out. Then it times kzonecheck on the same file, if installed.
//
//   node bench/floor.mjs [ZONE]   (default: bench/.work/zone-1000000.db, from npm run bench)
import { readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2] ?? join(root, 'bench', '.work', 'zone-1000000.db');
if (!existsSync(file)) {
  console.error(`no zone at ${file}: run npm run bench first, or give a zone file`);
  process.exit(2);
}

function run() {
  const t0 = performance.now();
  const buf = readFileSync(file);
  const n = buf.length;
  const CAP = 1 << 21;
  const slots = new Int32Array(CAP).fill(-1);
  const arena = Buffer.allocUnsafe(64 << 20);
  let arenaLen = 0;
  const MAXN = 1 << 21;
  const nameStart = new Int32Array(MAXN);
  const nameLen = new Int32Array(MAXN);
  const nameHash = new Int32Array(MAXN);
  let names = 0;
  const tmp = Buffer.allocUnsafe(1024);
  // The absolute lower-case name of [s, e) under `origin`, interned; -1 when absent and not inserted.
  function intern(s, e, origin, insert) {
    let len = 0;
    for (let i = s; i < e && len < 512; i++) {
      let c = buf[i];
      if (c >= 65 && c <= 90) c |= 32;
      tmp[len++] = c;
    }
    if (!(e > s && buf[e - 1] === 46)) {
      if (len === 1 && tmp[0] === 64) len = 0;
      else if (len) tmp[len++] = 46;
      for (let i = 0; i < origin.length; i++) tmp[len++] = origin[i];
    }
    let h = 0x811c9dc5;
    for (let i = 0; i < len; i++) h = Math.imul(h ^ tmp[i], 16777619);
    let slot = h & (CAP - 1);
    for (;;) {
      const id = slots[slot];
      if (id < 0) break;
      if (nameHash[id] === h && nameLen[id] === len) {
        const st = nameStart[id];
        let eq = true;
        for (let i = 0; i < len; i++) if (arena[st + i] !== tmp[i]) { eq = false; break; }
        if (eq) return id;
      }
      slot = (slot + 1) & (CAP - 1);
    }
    if (!insert) return -1;
    const id = names++;
    tmp.copy(arena, arenaLen, 0, len);
    nameStart[id] = arenaLen;
    nameLen[id] = len;
    nameHash[id] = h;
    arenaLen += len;
    slots[slot] = id;
    return id;
  }
  const MAXR = 1 << 21;
  const rOwner = new Int32Array(MAXR), rType = new Uint8Array(MAXR), rEnd = new Int32Array(MAXR), rStart = new Int32Array(MAXR), rOrigin = new Int32Array(MAXR);
  let recs = 0;
  const origins = [Buffer.from('example.com.')];
  let originId = 0;
  let owner = -1;
  // A, AAAA, MX, TXT, CNAME, NS, SRV, CAA, SOA by their first letters and length.
  const typeOf = (s, e) => {
    const c = buf[s] | 32, l = e - s;
    if (c === 97) return l === 1 ? 1 : 2;
    if (c === 109) return 3;
    if (c === 116) return 4;
    if (c === 99) return l === 5 ? 5 : 8;
    if (c === 110) return 6;
    if (c === 115) return l === 3 && (buf[s + 1] | 32) === 114 ? 7 : 9;
    return 0;
  };
  const tokS = new Int32Array(64), tokE = new Int32Array(64);
  let i = 0;
  while (i < n) {
    let nt = 0, paren = 0;
    const blankOwner = buf[i] === 32 || buf[i] === 9;
    for (;;) {
      if (i >= n) break;
      const c = buf[i];
      if (c === 10) { i++; if (paren) continue; break; }
      if (c === 32 || c === 9 || c === 13) { i++; continue; }
      if (c === 59) { while (i < n && buf[i] !== 10) i++; continue; }
      if (c === 40) { paren++; i++; continue; }
      if (c === 41) { paren--; i++; continue; }
      const s = i;
      if (c === 34) { i++; while (i < n && buf[i] !== 34) { if (buf[i] === 92) i++; i++; } i++; }
      else while (i < n) { const d = buf[i]; if (d === 32 || d === 9 || d === 10 || d === 13 || d === 59 || d === 40 || d === 41) break; i++; }
      if (nt < 64) { tokS[nt] = s; tokE[nt] = i; nt++; }
    }
    if (nt === 0) continue;
    if (buf[tokS[0]] === 36 && !blankOwner) {
      if ((buf[tokS[0] + 1] | 32) === 111) { origins.push(Buffer.from(buf.toString('latin1', tokS[1], tokE[1]).toLowerCase())); originId = origins.length - 1; }
      continue;
    }
    let k = 0;
    if (!blankOwner) { owner = intern(tokS[0], tokE[0], origins[originId], true); k = 1; }
    for (; k < nt; k++) { const c = buf[tokS[k]]; if (c >= 48 && c <= 57) continue; if ((c === 73 || c === 105) && tokE[k] - tokS[k] === 2) continue; break; }
    rOwner[recs] = owner; rType[recs] = typeOf(tokS[k], tokE[k]); rStart[recs] = tokS[k + 1]; rEnd[recs] = tokE[nt - 1]; rOrigin[recs] = originId;
    recs++;
  }
  const t1 = performance.now();
  const hasAddr = new Uint8Array(names), hasCname = new Uint8Array(names), hasOther = new Uint8Array(names);
  for (let r = 0; r < recs; r++) { const t = rType[r], o = rOwner[r]; if (t === 1 || t === 2) hasAddr[o] = 1; if (t === 5) hasCname[o] = 1; else hasOther[o] = 1; }
  let problems = 0;
  for (let r = 0; r < recs; r++) {
    const t = rType[r];
    if (t === 3 || t === 5 || t === 6 || t === 7) {
      const e = rEnd[r];
      let s = e;
      while (s > rStart[r] && buf[s - 1] !== 32 && buf[s - 1] !== 9) s--;
      const id = intern(s, e, origins[rOrigin[r]], false);
      if (id < 0 || !(hasAddr[id] || hasCname[id])) problems++;
    }
    if (hasCname[rOwner[r]] && hasOther[rOwner[r]]) problems++;
  }
  const t2 = performance.now();
  return { recs, names, read: t1 - t0, checks: t2 - t1, problems };
}

const r = run();
const rss = process.memoryUsage().rss / 1e6;
console.log(`columnar floor: ${r.recs.toLocaleString('en')} records, ${r.names.toLocaleString('en')} names; read + intern ${r.read.toFixed(0)} ms, two checks ${r.checks.toFixed(0)} ms (${r.problems} found); RSS ${rss.toFixed(0)} MB`);
const k = spawnSync('/usr/bin/time', ['-f', '%e %M', 'kzonecheck', '-o', 'example.com.', file], { encoding: 'utf8' });
if (k.status !== null && k.status !== 127 && /^[\d.]+ \d+$/m.test(k.stderr)) {
  const [sec, kb] = /^([\d.]+) (\d+)$/m.exec(k.stderr).slice(1).map(Number);
  console.log(`kzonecheck, same file: ${sec.toFixed(2)} s, ${Math.round(kb / 1000)} MB; the goal (4× as fast) leaves ${(sec * 250).toFixed(0)} ms for the whole check`);
}
