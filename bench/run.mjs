// npm run bench: zonelint's figures next to the reference tools, measured in the same run.
// Generates its zones on the fly (../shared/bench/gen-zone.py) under bench/.work/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench', '.work');
const generator = resolve(root, '..', 'shared', 'bench', 'gen-zone.py');
const records = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const origin = 'example.com.';

mkdirSync(work, { recursive: true });
const zone = join(work, `zone-${records}.db`);
if (!existsSync(zone) || statSync(zone).size === 0) {
  process.stderr.write(`generating ${records} records → ${zone}\n`);
  const fd = openSync(zone, 'w');
  const r = spawnSync('python3', [generator, String(records), origin], { stdio: ['ignore', fd, 'inherit'] });
  closeSync(fd);
  if (r.status !== 0) throw new Error('zone generation failed');
}

function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() || undefined;
}

/** Runs a command under GNU time; returns wall seconds and peak RSS in MB. */
function measure(argv) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...argv], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [secs, kb] = last.split(' ').map(Number);
  return { seconds: secs, peakMB: kb / 1024, status: r.status };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const tools = [
  { name: 'zonelint check', argv: [process.execPath, join(root, 'dist', 'cli.js'), 'check', '--origin', origin, zone] },
];
if (which('kzonecheck')) tools.push({ name: 'kzonecheck', argv: ['kzonecheck', '-o', origin, zone] });
else process.stderr.write('kzonecheck not installed (Debian knot-dnssecutils): no reference figure\n');
if (which('named-checkzone'))
  tools.push({ name: 'named-checkzone', argv: ['named-checkzone', '-i', 'local', '-o', '/dev/null', origin, zone] });
else process.stderr.write('named-checkzone not installed (Debian bind9-utils): no reference figure\n');

const results = [];
for (const tool of tools) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(measure(tool.argv));
  const seconds = median(samples.map((s) => s.seconds));
  const peakMB = Math.max(...samples.map((s) => s.peakMB));
  results.push({ name: tool.name, seconds, peakMB, status: samples[0].status });
}

const ours = results[0];
console.log(`\nZone check, ${records.toLocaleString('en')} records (median of ${runs} runs)\n`);
console.log('tool              seconds   records/s   peak MB   time vs zonelint   memory vs zonelint');
for (const r of results) {
  const rate = records / r.seconds;
  console.log(
    [
      r.name.padEnd(16),
      r.seconds.toFixed(2).padStart(8),
      (rate / 1e6).toFixed(2).padStart(9) + ' M',
      r.peakMB.toFixed(0).padStart(8),
      (r.seconds / ours.seconds).toFixed(2).padStart(17) + '×',
      (r.peakMB / ours.peakMB).toFixed(2).padStart(19) + '×',
      r.status === 0 || r.status === 1 ? '' : `  (exit ${r.status})`,
    ].join('  '),
  );
}
