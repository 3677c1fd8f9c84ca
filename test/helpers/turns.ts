/** Counts the turns of the event loop from now on; the function returned stops and gives the count. */
export function countTurns(): () => number {
  let turns = 0;
  let running = true;
  const tick = (): void => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return () => {
    running = false;
    return turns;
  };
}
