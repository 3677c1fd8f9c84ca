/**
 * zone-txt-unquoted: a mail-authentication record (SPF, DMARC, DKIM, MTA-STS, TLS-RPT,
 * BIMI) written in a TXT record without quotes. RFC 1035 §5.1: each bare word is a
 * character-string of its own, and RFC 7208 §3.3 (and the DMARC and DKIM specifications)
 * join the strings with nothing between them: `TXT v=spf1 include:_spf.google.com ~all`
 * publishes `v=spf1include:_spf.google.com~all`. In a zone file `;` starts a comment, so
 * `TXT v=DMARC1; p=reject` publishes `v=DMARC1` alone. BIND loads both without a word;
 * receivers ignore the first and read the second as a policy of none.
 */
import type { ProblemArgs } from '../diagnostics/types';
import type { Token } from './ast';

/** What each record kind starts with (case-insensitive), and whether `;` separates its tags. */
const KINDS: ReadonlyArray<{ readonly prefix: RegExp; readonly name: string; readonly tags: boolean }> = [
  { prefix: /^v=spf1$/i, name: 'SPF', tags: false },
  { prefix: /^v=dmarc1;?$/i, name: 'DMARC', tags: true },
  { prefix: /^v=dkim1;?$/i, name: 'DKIM', tags: true },
  { prefix: /^v=stsv1;?$/i, name: 'MTA-STS', tags: true },
  { prefix: /^v=tlsrptv1;?$/i, name: 'TLS-RPT', tags: true },
  { prefix: /^v=bimi1;?$/i, name: 'BIMI', tags: true },
];

/** The version tag as the first bare word holds it (`v=DMARC1`, or `v=DMARC1;p=…` cut at the comment). */
function kindOf(first: string): (typeof KINDS)[number] | undefined {
  return KINDS.find((k) => k.prefix.test(first));
}

/** A tag list going on in a comment on the same line: `; p=reject; rua=…`. */
const TAGS_IN_COMMENT = /^[ \t]*;[ \t]*[A-Za-z][A-Za-z0-9_]*[ \t]*=/;

export interface UnquotedTxt {
  readonly offset: number;
  readonly length: number;
  readonly args: ProblemArgs;
  /** The source range a fix puts in quotes: the words, and the comment when it holds tags. */
  readonly from: number;
  readonly to: number;
}

/**
 * The finding for a TXT record's RDATA tokens, when its first word is a mail record's
 * version written bare. `rest` is the source text after the last token, to the next
 * newline (where a comment there ends).
 */
export function unquotedMailTxt(tokens: readonly Token[], rest: string): UnquotedTxt | undefined {
  const first = tokens[0];
  if (!first || first.quoted) return undefined;
  const kind = kindOf(first.text);
  if (!kind) return undefined;
  const last = tokens[tokens.length - 1];
  const end = last.offset + last.length;
  const comment = kind.tags && TAGS_IN_COMMENT.test(rest) ? rest.replace(/[ \t\r]+$/, '') : undefined;
  // One bare word and no tags cut off: the record is what it says (`TXT v=spf1`).
  if (tokens.length === 1 && comment === undefined) return undefined;
  const joined = tokens.map((t) => t.text).join('');
  return {
    offset: first.offset,
    length: end - first.offset,
    args: {
      kind: kind.name,
      joined: shorten(joined),
      detail: comment === undefined ? 'txt-unquoted-words' : 'txt-unquoted-comment',
      ...(comment === undefined ? {} : { comment: shown(comment.replace(/^[ \t]*;[ \t]*/, '')) }),
    },
    from: first.offset,
    to: comment === undefined ? end : end + comment.length,
  };
}

function shorten(text: string): string {
  return text.length > 60 ? text.slice(0, 57) + '…' : text;
}

/** A comment as the message shows it: up to a carriage return in it (which the editor shows as a line break). */
function shown(comment: string): string {
  const cr = comment.indexOf('\r');
  return cr < 0 ? shorten(comment) : shorten(comment.slice(0, cr)) + '…';
}
