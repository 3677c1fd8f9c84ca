/** Where an `$INCLUDE` directive points, resolved as the parser does (relative to the including file). */
import * as path from 'node:path';
import type { Directive, Zone } from '../zone/ast';

export function includeTarget(directive: Directive, documentPath: string | undefined): string | undefined {
  const arg = directive.args[0];
  if (directive.name !== '$INCLUDE' || !arg) return undefined;
  const including = directive.file ?? documentPath;
  const dir = including === undefined ? process.cwd() : path.dirname(path.resolve(including));
  return path.resolve(dir, arg.text);
}

/**
 * The `$INCLUDE` directive of the open document through which `file` was read
 * (directly or through nested includes), or undefined.
 */
export function includingDirective(zone: Zone, file: string, documentPath: string | undefined): Directive | undefined {
  const includes = zone.directives.filter((d) => d.name === '$INCLUDE');
  let current = path.resolve(file);
  for (let depth = 0; depth < 64; depth++) {
    const d = includes.find((x) => includeTarget(x, documentPath) === current);
    if (!d) return undefined;
    if (d.file === undefined) return d;
    current = path.resolve(d.file);
  }
  return undefined;
}
