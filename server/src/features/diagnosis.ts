/**
 * The "why was my mail rejected?" workflow in the editor: a pasted bounce or header
 * block (diagnoseMessage), or an IP and sender typed in (diagnose), rendered as a
 * markdown report with the check_host trace and the fix. The fixes are returned too,
 * so the server can offer the first one on the diagnosed domain's SPF record.
 */
import type { CheckIpParams, DiagnosisReport } from '../../../client/src/protocol';
import { diagnose, diagnoseMessage, lockdownLines, type Diagnosis } from '../diagnose';
import type { Resolver } from '../dns/resolver';
import { localize, type Locale, type Localized } from '../l10n';
import { isIpAddress } from '../spf/evaluate';
import { traceStep } from '../spf/explain';
import type { Zone } from '../zone/ast';

export interface DiagnosisContext {
  readonly resolver: Resolver;
  readonly zones: readonly Zone[];
  readonly locale: Locale;
  readonly signal?: AbortSignal;
}

const T = {
  title: { en: 'Diagnosis: {domain} ({result})', ja: '診断: {domain}（{result}）' },
  failedTitle: { en: 'Diagnosis: nothing to check', ja: '診断: 確認できる内容がありません' },
  heading: { en: 'SPF {result} for {ip} at {domain}', ja: '{domain} の SPF は {ip} に対して {result}' },
  sender: { en: 'Sender', ja: '送信者' },
  receiver: { en: 'The receiver said', ja: '受信側の判定' },
  record: { en: 'SPF record', ja: 'SPF レコード' },
  noRecord: { en: '(none found)', ja: '（見つかりません）' },
  lookups: { en: 'DNS lookups', ja: 'DNS 参照' },
  cause: { en: 'Why', ja: '原因' },
  fix: { en: 'Fix', ja: '修正' },
  fixHint: {
    en: 'Open the zone: the fix is offered as a quick-fix (Ctrl+.) on its SPF record.',
    ja: 'ゾーンを開くと、SPF レコードのクイックフィックス（Ctrl+.）でこの修正を適用できます。',
  },
  noFix: { en: 'Nothing to change in SPF.', ja: 'SPF を変える必要はありません。' },
  trace: { en: 'Evaluation (check_host, RFC 7208 §4)', ja: '評価の経過（check_host、RFC 7208 §4）' },
  missingIp: {
    en: 'No sending IP found. Paste the whole bounce, or the Received / Authentication-Results / Received-SPF headers, or use "Check a Sending IP…" with the address of the server that sent the mail (an Outlook.com bounce does not name it).',
    ja: '送信元 IP が見つかりません。バウンスメール全体か、Received / Authentication-Results / Received-SPF ヘッダーを貼り付けるか、メールを送ったサーバーのアドレスで「送信元 IP を確認…」を使ってください（Outlook.com のバウンスメールにはこのアドレスが書かれていません）。',
  },
  missingDomain: {
    en: 'No sender domain found (MAIL FROM or HELO). Paste the headers that name it, or use "Check a Sending IP…".',
    ja: '送信者のドメイン（MAIL FROM または HELO）が見つかりません。それを含むヘッダーを貼り付けるか、「送信元 IP を確認…」を使ってください。',
  },
  badIp: { en: '"{ip}" is not an IPv4 or IPv6 address.', ja: '「{ip}」は IPv4 / IPv6 アドレスではありません。' },
  badSender: { en: '"{sender}" is not a sender address or domain.', ja: '「{sender}」は送信者のアドレスでもドメインでもありません。' },
} satisfies Record<string, Localized>;

/** Diagnoses a pasted bounce, header block or message source. */
export async function diagnoseText(text: string, ctx: DiagnosisContext): Promise<DiagnosisReport> {
  const outcome = await diagnoseMessage(text, { resolver: ctx.resolver, zones: ctx.zones, locale: ctx.locale, signal: ctx.signal, surface: 'editor' });
  if (!outcome.ok) return failed(outcome.missing === 'ip' ? T.missingIp : T.missingDomain, ctx.locale);
  return report(outcome.diagnosis, ctx.locale);
}

/** check_host for an IP and a sender (`user@domain` or a bare domain). */
export async function checkIp(params: CheckIpParams, ctx: DiagnosisContext): Promise<DiagnosisReport> {
  const ip = params.ip.trim();
  const given = params.sender.trim();
  if (!isIpAddress(ip)) return failed(T.badIp, ctx.locale, { ip });
  const domain = given.slice(given.lastIndexOf('@') + 1).replace(/\.$/, '');
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/.test(domain)) return failed(T.badSender, ctx.locale, { sender: given });
  const sender = given.includes('@') ? given : `postmaster@${domain}`;
  const diagnosis = await diagnose(ip, domain, sender, {}, { resolver: ctx.resolver, zones: ctx.zones, locale: ctx.locale, signal: ctx.signal, surface: 'editor' });
  return report(diagnosis, ctx.locale);
}

function failed(text: Localized, locale: Locale, args: Record<string, string> = {}): DiagnosisReport {
  const message = localize(text, locale, args);
  return { ok: false, title: localize(T.failedTitle, locale), markdown: `# ${localize(T.failedTitle, locale)}\n\n${message}\n`, fixes: [] };
}

function report(d: Diagnosis, locale: Locale): DiagnosisReport {
  const say = (t: Localized, args: Record<string, string | number> = {}) => localize(t, locale, args);
  const verdicts = (['spf', 'dkim', 'dmarc'] as const).filter((k) => d.receiver[k] !== undefined).map((k) => `${k}=${d.receiver[k]}`);
  const lines = [
    `# ${say(T.heading, { result: d.check.result, ip: d.ip, domain: d.domain })}`,
    '',
    `- **${say(T.sender)}:** ${d.sender}`,
    ...(verdicts.length > 0 ? [`- **${say(T.receiver)}${d.receiver.authserv ? ` (${d.receiver.authserv})` : ''}:** ${verdicts.join(', ')}${d.receiver.reply ? ` — ${d.receiver.reply}` : ''}`] : []),
    `- **${say(T.record)}:** ${d.record ? '`' + d.record + '`' : say(T.noRecord)}`,
    `- **${say(T.lookups)}:** ${d.check.lookups}/10`,
    '',
    `## ${say(T.cause)}`,
    '',
    d.cause,
    '',
    `## ${say(T.fix)}`,
    '',
    ...(d.fixes.length === 0
      ? [say(T.noFix)]
      : [...d.fixes.flatMap((f) => [`- ${f.title}`, '', '  ```', `  ${f.record}`, '  ```', '']), say(T.fixHint)]),
    // MailChannels' Domain Lockdown: a record at another name, written into the zone by hand.
    ...(d.lockdown ? [lockdownLines(d.lockdown, locale)].flatMap((l) => ['', `- ${l.title}`, '', '  ```', `  ${l.line}`, '  ```']) : []),
    '',
    `## ${say(T.trace)}`,
    '',
    '```',
    ...d.check.trace.map((t) => `${'  '.repeat(t.depth)}${traceStep(t, locale)}`),
    '```',
  ];
  return {
    ok: true,
    title: say(T.title, { domain: d.domain, result: d.check.result }),
    markdown: lines.join('\n') + '\n',
    domain: d.domain,
    result: d.check.result,
    fixes: d.fixes.map((f) => ({ title: f.title, record: f.record })),
    ...(d.lockdown ? { lockdown: { ...d.lockdown } } : {}),
  };
}
