/**
 * Inlay hints: TTLs and SOA timers written in seconds, shown as durations beside the
 * number (`3600` · 1 hour). Values written with units (`1h`) already read as durations
 * and get none; nor do values under a minute, which read fine as seconds.
 */
import type { InlayHint, Range } from 'vscode-languageserver';
import type { Span } from '../zone/ast';
import type { FeatureContext } from './context';
import { formatDuration } from './duration';
import { ownDirectives, ownRecordsIn, sliceOf } from './spans';

/** SOA RDATA tokens holding times: refresh, retry, expire, minimum (RFC 1035 §3.3.13). */
const SOA_TIMERS = [3, 4, 5, 6];
const MIN_SECONDS = 60;
const SOA = 6;

export function getInlayHints(ctx: FeatureContext, range?: Range): InlayHint[] {
  const { document } = ctx;
  const from = range ? document.offsetAt(range.start) : 0;
  const to = range ? document.offsetAt(range.end) : Number.MAX_SAFE_INTEGER;
  const spans: Span[] = [];
  for (const d of ownDirectives(ctx.zone)) if (d.name === '$TTL' && d.args[0]) spans.push(d.args[0]);
  // Only the records in the range: an editor asks for the lines on screen after every
  // change, of a zone of any size.
  for (const r of ownRecordsIn(ctx.zone, from, to)) {
    if (r.ttlSpan) spans.push(r.ttlSpan);
    if (r.typeCode === SOA) for (const i of SOA_TIMERS) if (r.tokens[i] && !r.tokens[i].quoted) spans.push(r.tokens[i]);
  }
  const hints: InlayHint[] = [];
  for (const span of spans.sort((a, b) => a.offset - b.offset)) {
    const end = span.offset + span.length;
    if (end < from || span.offset > to) continue;
    const written = sliceOf(document, span.offset, end);
    if (!/^[0-9]{1,10}$/.test(written)) continue;
    const seconds = Number(written);
    if (seconds < MIN_SECONDS) continue;
    hints.push({ position: document.positionAt(end), label: formatDuration(seconds, ctx.locale), paddingLeft: true });
  }
  return hints;
}
