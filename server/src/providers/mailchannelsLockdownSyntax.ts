/**
 * Diagnostic: spf-mailchannels-lockdown-syntax — a Domain Lockdown record MailChannels may
 * not read as meant. The record (docs.mailchannels.com/outbound/domain-lockdown) is a TXT
 * at `_mailchannels.<domain>`: `v=mc1`, then `auth=<account id>`, `senderid=<sender id>`
 * or `sidw=<pattern>` fields, separated by spaces, one value each; `cfid=` (Cloudflare
 * Workers) is no longer supported since 31 August 2024. A field written `auth=mixhost;`
 * lists the account `mixhost;`, which no mail is sent with: the host's own mail is then
 * refused, and a record that does not start with `v=mc1` locks nothing down. Reported on
 * the first place in each record that breaks the form (a record's later fields are read
 * again once it is fixed), and on a cfid= field.
 */
import type { Problem } from '../diagnostics/types';
import type { Zone } from '../zone/ast';
import { printable, problemIn, txtRecords, type TxtRecord } from '../dkim/records';
import { display } from '../dmarc/collect';
import { firstFullWidthRun } from '../zone/lookalike';
import { ProviderCodes } from './codes';

const CODE = ProviderCodes.mailchannelsLockdownSyntax.code;
const FIELDS = new Set(['auth', 'senderid', 'sidw', 'cfid']);
/** A text meant as a lockdown record: its version, or one of its fields, anywhere. */
const MEANT = /mc1|(?:^|[\s;,])(?:auth|senderid|sidw|cfid)\s*[=:]/i;

export function checkMailchannelsLockdownSyntax(zone: Zone): Problem[] {
  const out: Problem[] = [];
  for (const txt of txtRecords(zone)) {
    if (txt.labels[0] !== '_mailchannels') continue;
    const problem = firstProblem(txt);
    if (problem) out.push(problem);
    out.push(...cfidFields(txt));
  }
  return out;
}

/** The words of a text (runs of anything but spaces and tabs), with where each starts. */
function words(text: string): { word: string; at: number }[] {
  return [...text.matchAll(/[^ \t]+/g)].map((m) => ({ word: m[0], at: m.index }));
}

function firstProblem(txt: TxtRecord): Problem | undefined {
  const text = txt.text.value;
  if (!MEANT.test(text)) return undefined;
  const name = display(txt.owner.slice(txt.owner.indexOf('.') + 1));
  // The detail goes in the fix's data too: a diagnostic comes back from the editor without its arguments.
  const at = (from: number, to: number, args: Record<string, string>): Problem => ({ ...problemIn(txt, CODE, from, to, { name, ...args }), data: { detail: args.detail } });
  // Full-width text typed in a Japanese input method (ｖ＝ｍｃ１, ａｕｔｈ＝…): its ASCII, which the fix writes.
  const wide = firstFullWidthRun(text);
  if (wide) return at(wide.from, wide.to, { detail: 'lockdown-fullwidth', found: printable(text.slice(wide.from, wide.to)), ascii: wide.ascii });
  const list = words(text);
  const first = list[0];
  // ` v=mc1 …`: the version must be the record's first text.
  if (first !== undefined && first.word.toLowerCase() === 'v=mc1' && first.at > 0) return at(0, first.at, { detail: 'lockdown-leading-space' });
  if (first === undefined || first.word.toLowerCase() !== 'v=mc1') {
    const shown = first ? first.word : text;
    const from = first ? first.at : 0;
    // `v=mc1;` is the version with a separator after it: said as a separator.
    const sep = first && /^v=mc1[;,]$/i.test(first.word) ? first.word.slice(-1) : undefined;
    if (sep && first.at === 0) return at(first.at + 5, first.at + 6, { detail: 'lockdown-separator', found: printable(first.word), sep });
    return at(from, from + shown.length, { detail: 'lockdown-version', found: printable(shown) });
  }
  for (const { word, at: from } of list.slice(1)) {
    const sep = /[;,]/.exec(word);
    if (sep) return at(from + sep.index, from + sep.index + 1, { detail: 'lockdown-separator', found: printable(word), sep: sep[0] });
    const eq = word.indexOf('=');
    if (eq < 0) return at(from, from + word.length, { detail: 'lockdown-missing-equals', found: printable(word) });
    const field = word.slice(0, eq).toLowerCase();
    if (!FIELDS.has(field)) return at(from, from + eq + 1, { detail: 'lockdown-unknown-field', field: printable(word.slice(0, eq)) });
    if (eq === word.length - 1) return at(from, from + word.length, { detail: 'lockdown-empty', field });
  }
  return undefined;
}

/** Each cfid= field of a record that starts as a lockdown record does. */
function cfidFields(txt: TxtRecord): Problem[] {
  const list = words(txt.text.value);
  if (list[0]?.word.toLowerCase() !== 'v=mc1') return [];
  const name = display(txt.owner.slice(txt.owner.indexOf('.') + 1));
  return list
    .filter(({ word }) => /^cfid=[^;,]+$/i.test(word))
    .map(({ word, at }) => problemIn(txt, CODE, at, at + word.length, { name, detail: 'lockdown-cfid' }));
}
