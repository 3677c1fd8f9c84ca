/**
 * Code actions from the domain fix catalogue (fixes/): quick-fixes by diagnostic code
 * (never by message text), the "Add <provider> to SPF" refactors on every SPF record,
 * "flatten an include" (a command: it queries DNS only when chosen), and the fix of
 * the last bounce diagnosis on the SPF record of the domain it diagnosed.
 */
import { SERVER_COMMANDS } from '../../../client/src/protocol';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { Problem } from '../diagnostics/types';
import type { Resolver } from '../dns/resolver';
import { fixesFor, flattenInclude, refactorsAt, type DomainFix, type TextEditOffsets } from '../fixes';
import { spfAt } from '../fixes/spfContext';
import { spfRecordOf } from '../spf/check';
import { rewriteTxt } from '../fixes/txtEdit';
import { publishLockdown } from '../fixes/provider';
import { localize } from '../l10n';
import type { ResourceRecord } from '../zone/ast';
import type { FeatureContext } from './context';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { ownRecordsIn, toRange } from './spans';

/** The codes whose fix is "flatten an include": too many lookups. */
const FLATTEN_CODES: ReadonlySet<string> = new Set(['spf-lookup-limit']);

/** What the flatten action's command receives: the diagnostic as a domain Problem. */
export interface FlattenArgs {
  readonly uri: string;
  readonly problem: Problem;
}

/** A diagnosis's fix kept for the SPF record of the domain it diagnosed. */
export interface DiagnosisFix {
  readonly domain: string;
  readonly title: string;
  readonly record: string;
}

/** A diagnosis's Domain Lockdown record (with the account the message showed), kept for its domain. */
export interface DiagnosisLockdown {
  readonly domain: string;
  /** `_mailchannels.<domain>` */
  readonly name: string;
  /** The account the diagnosed message was relayed for (a forged message shows the forger's). */
  readonly authId: string;
  /** The whole TXT text for `_mailchannels.<domain>`. */
  readonly record: string;
}

export interface CodeActionRequest {
  readonly range: Range;
  readonly diagnostics: readonly Diagnostic[];
  readonly only?: readonly string[];
  readonly diagnosisFixes?: readonly DiagnosisFix[];
  readonly diagnosisLockdowns?: readonly DiagnosisLockdown[];
}

const TITLES = {
  flatten: {
    en: 'Flatten an include into the IP ranges it has now (looks them up; they go stale)',
    ja: 'include を現在の IP 範囲に展開する（今の値を参照します。いずれ古くなります）',
  },
  diagnosis: { en: 'Apply the bounce diagnosis fix: {title}', ja: 'バウンス診断の修正を適用する: {title}' },
  lockdown: {
    en: 'Publish the Domain Lockdown record "{record}" at {name} (only if {authId} is your host\'s MailChannels account)',
    ja: '{name} に Domain Lockdown レコード "{record}" を公開する（{authId} がホスティング会社の MailChannels アカウントである場合のみ）',
  },
};

function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
}

export function getCodeActions(ctx: FeatureContext, request: CodeActionRequest): CodeAction[] {
  const out: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix, request.only)) {
    for (const diagnostic of request.diagnostics) {
      const problem = toProblem(ctx, diagnostic);
      if (!problem) continue;
      // The whole text only for a diagnostic of ours under the cursor (see sliceOf).
      const text = ctx.document.getText();
      for (const fix of fixesFor({ text, zone: ctx.zone, problem })) out.push(toAction(ctx, fix, [diagnostic]));
      if (FLATTEN_CODES.has(problem.code)) out.push(flattenAction(ctx, problem, diagnostic));
    }
    out.push(...diagnosisActions(ctx, request));
  }
  if (wanted(CodeActionKind.RefactorRewrite, request.only)) {
    const [rr] = spfRecordsIn(ctx, request.range);
    if (rr) for (const fix of refactorsAt(ctx.document.getText(), ctx.zone, rr.span.offset)) out.push(toAction(ctx, fix));
  }
  return out;
}

/** Our diagnostic as the Problem it came from; undefined for others' and for ones shown on an $INCLUDE line. */
function toProblem(ctx: FeatureContext, d: Diagnostic): Problem | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'string' || (d.relatedInformation?.length ?? 0) > 0) return undefined;
  const offset = ctx.document.offsetAt(d.range.start);
  const length = ctx.document.offsetAt(d.range.end) - offset;
  return d.data === undefined ? { code: d.code, offset, length } : { code: d.code, offset, length, data: d.data };
}

export function toTextEdits(ctx: FeatureContext, edits: readonly TextEditOffsets[]): TextEdit[] {
  return edits.map((e) => ({ range: toRange(ctx.document, e), newText: e.newText }));
}

export function toAction(ctx: FeatureContext, fix: DomainFix, diagnostics?: Diagnostic[]): CodeAction {
  const kind = fix.kind === 'quickfix' ? CodeActionKind.QuickFix : fix.kind === 'refactor' ? CodeActionKind.RefactorRewrite : CodeActionKind.Source;
  return {
    title: fix.title[ctx.locale],
    kind,
    ...(diagnostics ? { diagnostics } : {}),
    ...(fix.kind === 'quickfix' ? { isPreferred: fix.preferred ?? false } : {}),
    edit: { changes: { [ctx.document.uri]: toTextEdits(ctx, fix.edits) } },
  };
}

function flattenAction(ctx: FeatureContext, problem: Problem, diagnostic: Diagnostic): CodeAction {
  const title = localize(TITLES.flatten, ctx.locale);
  const args: FlattenArgs = { uri: ctx.document.uri, problem };
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: SERVER_COMMANDS.flattenInclude, arguments: [args] } };
}

/** The document's own TXT SPF records that the range touches. */
function spfRecordsIn(ctx: FeatureContext, range: Range): ResourceRecord[] {
  const from = ctx.document.offsetAt(range.start);
  const to = ctx.document.offsetAt(range.end);
  return ownRecordsIn(ctx.zone, from, to).filter((rr) => rr.type === 'TXT' && spfRecordOf(rr) !== null);
}

/**
 * On an SPF record of a diagnosed domain: replace it with the diagnosis's first fix, and
 * publish the Domain Lockdown record the diagnosis gave (a line after the domain's records,
 * or the text of the lockdown record already there).
 */
function diagnosisActions(ctx: FeatureContext, request: CodeActionRequest): CodeAction[] {
  if (!request.diagnosisFixes?.length && !request.diagnosisLockdowns?.length) return [];
  const out: CodeAction[] = [];
  const text = ctx.document.getText();
  const action = (title: string, edits: readonly TextEditOffsets[]): CodeAction => ({
    title: localize(TITLES.diagnosis, ctx.locale, { title }),
    kind: CodeActionKind.QuickFix,
    isPreferred: false,
    edit: { changes: { [ctx.document.uri]: toTextEdits(ctx, edits) } },
  });
  for (const rr of spfRecordsIn(ctx, request.range)) {
    const owner = rr.owner.replace(/\.$/, '').toLowerCase();
    const fix = request.diagnosisFixes?.find((f) => f.domain.toLowerCase() === owner);
    const edits = fix && rewriteTxt(text, rr, fix.record);
    if (fix && edits?.length) out.push(action(fix.title, edits));
    const lockdown = request.diagnosisLockdowns?.find((l) => l.domain.toLowerCase() === owner);
    const published = lockdown && publishLockdown(text, ctx.zone, rr.owner, lockdown.record);
    if (lockdown && published?.length) {
      out.push(action(localize(TITLES.lockdown, ctx.locale, { record: lockdown.record, name: lockdown.name, authId: lockdown.authId }), published));
    }
  }
  return out;
}

/** "Add <provider> to SPF" for the SPF record at `offset`, else for the document's first TXT SPF record. */
export function providerActions(ctx: FeatureContext, offset: number): CodeAction[] {
  const text = ctx.document.getText();
  const here = spfAt(ctx.zone, offset)?.rr;
  const [first] = spfRecordsIn(ctx, { start: { line: 0, character: 0 }, end: ctx.document.positionAt(text.length) });
  const rr = here?.type === 'TXT' ? here : first;
  return rr ? refactorsAt(text, ctx.zone, rr.span.offset).map((fix) => toAction(ctx, fix)) : [];
}

/** The flatten quick-fix's edits, computed when the user picks it (it queries the resolver). */
export async function flattenEdits(ctx: FeatureContext, problem: Problem, resolver: Resolver, signal?: AbortSignal): Promise<TextEdit[] | undefined> {
  const fix = await flattenInclude({ text: ctx.document.getText(), zone: ctx.zone, problem }, resolver, { signal });
  return fix && toTextEdits(ctx, fix.edits);
}
