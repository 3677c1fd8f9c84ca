/**
 * zonelint-lsp's entry (dist/server.js): loads the language server (dist/lsp.js) through
 * V8's code cache. Compiling the megabyte of the bundle, and the functions the first check
 * runs, was about a third of the time from spawning the server to a small zone's first
 * diagnostics; with the code V8 made last time, it reads it back instead.
 *
 * The cache is a file per server build and Node version in the folder `ZONELINT_CACHE_DIR`
 * names: the VS Code client gives its global storage folder; without it (other editors,
 * `off`) there is no cache and nothing is written. It is used only from a folder this user
 * owns that nobody else may write to, and is written (at exit, or a few seconds after start)
 * only when it was missing or V8 refused it (another Node, other flags, a damaged file).
 * Nothing here may stop the server: any failure falls back to loading it plainly.
 *
 * The one use of `vm` and `module` in our code (test/unit/security/no-exec.test.ts): they
 * run dist/lsp.js, the file beside this one, and nothing else.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** What happened to the code cache in this process (the stats request reports it). */
export type CodeCacheState = 'off' | 'used' | 'written' | 'refused' | 'missing' | 'unusable';
export const CODE_CACHE_STATE = Symbol.for('zonelint.codeCache');

const WRITE_AFTER_MS = 5000;

function cacheDir(): string | undefined {
  const given = process.env.ZONELINT_CACHE_DIR;
  return given && given !== 'off' && path.isAbsolute(given) ? given : undefined;
}

/** The folder, made if need be; undefined when another user owns it or others may write to it. */
function safeDir(dir: string): string | undefined {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = fs.statSync(dir);
  const uid = process.getuid?.();
  if (!st.isDirectory() || (uid !== undefined && st.uid !== uid) || (process.platform !== 'win32' && (st.mode & 0o022) !== 0)) return undefined;
  return dir;
}

function setState(state: CodeCacheState): void {
  (globalThis as Record<symbol, unknown>)[CODE_CACHE_STATE] = state;
}

function load(): void {
  const file = path.join(__dirname, 'lsp.js');
  let state: CodeCacheState = 'off';
  let cacheFile: string | undefined;
  let cachedData: Buffer | undefined;
  let source: string;
  try {
    const st = fs.statSync(file);
    source = fs.readFileSync(file, 'utf8');
    const dir = cacheDir();
    const safe = dir === undefined ? undefined : safeDir(dir);
    if (dir !== undefined && safe === undefined) state = 'unusable';
    if (safe !== undefined) {
      cacheFile = path.join(safe, `lsp-${process.version}-${process.arch}-${st.size}-${Math.floor(st.mtimeMs)}.cache`);
      try {
        cachedData = fs.readFileSync(cacheFile);
      } catch {
        state = 'missing';
      }
    }
  } catch {
    setState('unusable');
    require(file);
    return;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (cachedData !== undefined) state = script.cachedDataRejected ? 'refused' : 'used';
  setState(state);
  if (cacheFile !== undefined && state !== 'used') {
    const target = cacheFile;
    let written = false;
    const write = (): void => {
      if (written) return;
      written = true;
      try {
        // Whole or not at all: another server may be reading or writing the same file.
        const tmp = `${target}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, target);
        setState('written');
        // Caches of earlier builds or Node versions are never read again.
        const dir = path.dirname(target);
        for (const name of fs.readdirSync(dir)) {
          if (name.startsWith('lsp-') && name.endsWith('.cache') && name !== path.basename(target)) fs.rmSync(path.join(dir, name), { force: true });
        }
      } catch {
        // A read-only or full disk: the next start compiles again.
      }
    };
    // At exit the cache holds what the first checks compiled too; a server that is killed
    // has written it after a few seconds.
    process.once('exit', write);
    setTimeout(write, WRITE_AFTER_MS).unref();
  }
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const fn = script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: unknown, f: string, d: string) => void;
  fn.call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
}

load();
