/** Binary searches over ascending numbers (offsets, line starts), for the places that keep them. */

/** The last index below `end` whose key is at most `x`; -1 when none is. */
export function lastAtOrBelow(keys: ArrayLike<number>, x: number, end = keys.length): number {
  let lo = 0;
  let hi = end - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The first index whose key is at least `x`; `keys.length` when none is. */
export function firstAtOrAbove(keys: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
