/**
 * Where `$INCLUDE` may read from (issue: untrusted workspaces and the CLI's default).
 * A target is allowed when it lies inside one of the allowed folders once symbolic
 * links are resolved, so a link inside the folder cannot lead outside it.
 */
import { realpathSync } from 'node:fs';
import * as path from 'node:path';

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    // A file that does not exist yet: resolve its folder, keep the name.
    try {
      return path.join(realpathSync(path.dirname(p)), path.basename(p));
    } catch {
      return path.resolve(p);
    }
  }
}

export function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}

/** A predicate for ParseOptions.allowInclude: true inside any of `folders`. */
export function includeInside(folders: readonly string[]): (target: string) => boolean {
  const roots = folders.map(real);
  return (target) => {
    const t = real(target);
    return roots.some((r) => isInside(t, r));
  };
}
