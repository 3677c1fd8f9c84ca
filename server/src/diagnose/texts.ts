/**
 * The diagnosis in plain words, English and Japanese, for a reader who is not a mail
 * specialist. `{name}` placeholders are filled from the diagnosis.
 */
import type { Locale } from '../diagnostics/types';
import { tidyJapanese } from '../l10n/index';

export const DiagnoseTexts = {
  'spf-pass': {
    en: 'SPF passes for {ip} with the record as it stands now ({record}). Either the record was fixed after the message was sent, or the receiver checked another domain; if DKIM did not pass either, set up DKIM signing for {domain}.',
    ja: '現在のレコード（{record}）では {ip} の SPF は pass です。メール送信後にレコードが直されたか、受信側が別のドメインを確認した可能性があります。DKIM も pass していない場合は {domain} の DKIM 署名を設定してください。',
  },
  // SPF passes and the receiver said so too: what failed is something else.
  'spf-pass-agreed': {
    en: 'SPF passes for {ip} ({record}), as the receiver found too: what failed is not SPF.',
    ja: '{ip} の SPF は pass です（{record}）。受信側の判定も同じで、失敗の原因は SPF ではありません。',
  },
  // SPF passes for an envelope domain not aligned with From: DKIM for it would not help (spf-not-aligned follows).
  'spf-pass-unaligned': {
    en: 'SPF passes for {ip} with the record as it stands now ({record}). If the receiver found otherwise, the record was fixed after the message was sent, or the receiver checked another domain.',
    ja: '現在のレコード（{record}）では {ip} の SPF は pass です。受信側の判定が違う場合は、メール送信後にレコードが直されたか、受信側が別のドメインを確認した可能性があります。',
  },
  'no-spf-record': {
    en: '{domain} has no SPF record, so receivers cannot tell that {ip} may send its mail. Publish one.',
    ja: '{domain} に SPF レコードがないため、受信側は {ip} がこのドメインのメールを送ってよいか判断できません。SPF レコードを公開してください。',
  },
  'relay-not-included': {
    en: '{ip} belongs to {provider}, and the SPF record of {domain} does not authorise {provider} (result {result}). Add the provider\'s include rather than the address: its relays change.',
    ja: '{ip} は {provider} のサーバーですが、{domain} の SPF レコードは {provider} を許可していません（結果 {result}）。アドレスではなく事業者の include を追加してください。リレーのアドレスは変わることがあります。',
  },
  'ip-not-listed': {
    en: 'The SPF record of {domain} does not list {ip}, the server that sent the message (result {result}). Add it to the record.',
    ja: '{domain} の SPF レコードに、メールを送ったサーバー {ip} が含まれていません（結果 {result}）。レコードに追加してください。',
  },
  'spf-permerror': {
    en: 'The SPF record of {domain} is broken (permerror: {detail}), so every receiver treats it as an error. Fix the record first.',
    ja: '{domain} の SPF レコードに誤りがあり、どの受信サーバーでもエラー（permerror）になります。理由: {detail}。まずレコードを直してください。',
  },
  'spf-temperror': {
    en: 'SPF for {domain} could not be evaluated ({detail}). Try again with --dns-server, or give the zone files of the domains it includes.',
    ja: '{domain} の SPF を評価できませんでした。理由: {detail}。--dns-server を指定するか、include 先のゾーンファイルも指定して再実行してください。',
  },
  // The same cause where the diagnosis runs in the editor, which has settings, not flags.
  'spf-temperror-editor': {
    en: 'SPF for {domain} could not be evaluated ({detail}). Set zonelint.dns.mode to "live" (with zonelint.dns.servers, if the system\'s resolvers are not to be used), or open the zone files of the domains it includes in this workspace.',
    ja: '{domain} の SPF を評価できませんでした。理由: {detail}。zonelint.dns.mode を「live」にする（システムのリゾルバーを使わない場合は zonelint.dns.servers も指定する）か、include 先のドメインのゾーンファイルをこのワークスペースで開いてください。',
  },
  // One stale term or several: English says "it" or "them"; Japanese needs no number.
  stale: {
    en: 'The record also lists {terms}, which no longer match any address of the domain\'s servers in the zone (no A/AAAA record has one). Unless another party’s server uses them, remove them.',
    ja: 'レコードには {terms} も含まれていますが、ゾーン内のどのサーバーのアドレス（A/AAAA レコード）とも一致しません。他社のサーバーが使っているのでなければ削除してください。',
  },
  'stale-one': {
    en: 'The record also lists {terms}, which no longer matches any address of the domain\'s servers in the zone (no A/AAAA record has it). Unless another party’s server uses it, remove it.',
    ja: 'レコードには {terms} も含まれていますが、ゾーン内のどのサーバーのアドレス（A/AAAA レコード）とも一致しません。他社のサーバーが使っているのでなければ削除してください。',
  },
  'sender-null-mx': {
    en: '{domain} has a null MX ("MX 0 ."): it says it takes no mail, and receivers refuse mail whose sender address is in such a domain (550 5.7.27), since bounces could not come back. Give {domain} an MX record for a host that takes its mail, or send from an address of another domain.',
    ja: '{domain} には null MX（"MX 0 ."）があり、メールを受け取らないと宣言しています。エラーメールを返せないため、受信側は送信者アドレスがこのようなドメインのメールを拒否します（550 5.7.27）。{domain} にメールを受け取るホストの MX レコードを設定するか、別のドメインのアドレスから送信してください。',
  },
  'spf-not-aligned': {
    en: 'SPF is checked for {domain}, the envelope sender, but the message is From {from}: DMARC counts SPF only when the two share an organizational domain, so unless a DKIM signature for {from} passes, DMARC fails. Set up DKIM signing for {from} at the sending service, or have it send with a return path (bounce address) under {from}.',
    ja: 'SPF が確認されるのはエンベロープ送信者の {domain} ですが、メールの From は {from} です。DMARC では、両者の組織ドメインが同じときにだけ SPF が数えられるため、{from} の DKIM 署名が pass しない限り DMARC は失敗します。送信サービスで {from} の DKIM 署名を設定するか、{from} の配下の Return-Path（バウンスアドレス）で送信するよう設定してください。',
  },
  'reply-deferred': {
    en: 'The receiver only deferred the message ({reply} is a temporary reply): the sending server tries again for a while, often days, and returns it to the sender once it gives up. Each try is checked anew, so a fix made now can still get this message delivered.',
    ja: '受信サーバーはこのメールを一時的に保留しただけです（{reply} は一時的なエラーです）。送信サーバーはしばらく（多くは数日）再送を続け、あきらめると送信者に返します。再送のたびに改めて確認されるため、今直せばこのメールも届く可能性があります。',
  },
  'dkim-pass-unaligned': {
    en: 'DKIM passed only for {domains}, not for {from}: DMARC counts a signature only when its domain (d=) shares the organizational domain of the From address.',
    ja: 'DKIM が pass したのは {domains} の署名だけで、{from} の署名ではありません。DMARC では、署名のドメイン（d=）が From アドレスと同じ組織ドメインのときにだけ署名が数えられます。',
  },
  'outlook-requirements': {
    en: 'Outlook.com (Hotmail, Live, MSN) refused the mail with 550 5.7.515: since May 2025 it asks of domains that send it much mail that SPF and DKIM both pass, that a DMARC record is published, and that DMARC passes.',
    ja: 'Outlook.com（Hotmail、Live、MSN）は 550 5.7.515 でメールを拒否しました。2025 年 5 月以降、大量にメールを送るドメインには、SPF と DKIM の両方の合格、DMARC レコードの公開、DMARC の合格を求めています。',
  },
  'outlook-dkim': {
    en: 'It reports DKIM {dkim}: set up DKIM signing for {domain} at the service that sends its mail, and publish the key it gives you.',
    ja: 'DKIM の判定は {dkim} でした。メールを送っているサービスで {domain} の DKIM 署名を設定し、案内される公開鍵をゾーンに公開してください。',
  },
  'no-dmarc': {
    en: '{domain} publishes no DMARC record: publish one at _dmarc.{domain} ("v=DMARC1; p=none" at least).',
    ja: '{domain} は DMARC レコードを公開していません。_dmarc.{domain} に公開してください（少なくとも "v=DMARC1; p=none"）。',
  },
  'dkim-key-none': {
    en: 'The message was signed for {domain} with the selector {selector} (DKIM {result}), and {name} holds no key: publish the key the sending service gives for that selector, at that name.',
    ja: 'このメールは {domain} のセレクター {selector} で署名されていますが（DKIM の判定は {result}）、{name} に公開鍵がありません。送信サービスが示すそのセレクターの公開鍵を、この名前で公開してください。',
  },
  'dkim-key-unreadable': {
    en: 'The message was signed for {domain} with the selector {selector} (DKIM {result}), and what {name} holds is not a usable key (a record cut short or written over two records is the usual cause): publish the key again exactly as the sending service gives it.',
    ja: 'このメールは {domain} のセレクター {selector} で署名されていますが（DKIM の判定は {result}）、{name} にあるのは使える公開鍵ではありません（途中で切れたレコードや、2 つのレコードに分けて書いたものがよくある原因です）。送信サービスが示すとおりに公開鍵を公開し直してください。',
  },
  'dkim-key-revoked': {
    en: 'The message was signed for {domain} with the selector {selector} (DKIM {result}), and the key at {name} is revoked (p= is empty): receivers fail every signature made with it. Publish the current key there, or have the service sign with a selector that has one.',
    ja: 'このメールは {domain} のセレクター {selector} で署名されていますが（DKIM の判定は {result}）、{name} の公開鍵は失効しています（p= が空）。このセレクターの署名はすべて失敗します。現在の公開鍵を公開するか、公開鍵のあるセレクターで署名するよう送信サービスを設定してください。',
  },
  'dkim-key-usable': {
    en: 'The message was signed for {domain} with the selector {selector} (DKIM {result}), and {name} holds a usable key, so the signature itself failed: either the message was changed on the way (a footer or subject tag added by a mailing list or relay), or the service signs with another key than the one published there; compare the two.',
    ja: 'このメールは {domain} のセレクター {selector} で署名されていて（DKIM の判定は {result}）、{name} の公開鍵は使えるものです。このため署名そのものが失敗しています。途中でメールが書き換えられた（メーリングリストや中継サーバーがフッターや件名のタグを加えた）か、送信サービスがここに公開したものとは別の鍵で署名しています。両者を見比べてください。',
  },
  'lockdown-none': {
    en: 'Mail for {domain} goes through MailChannels, and {name} holds no Domain Lockdown record: any MailChannels customer can send mail as {domain} that passes SPF. Publish one that lists your host\'s account{idHint}.',
    ja: '{domain} のメールは MailChannels を経由しますが、{name} に Domain Lockdown レコードがないため、MailChannels の利用者なら誰でも {domain} として SPF に合格するメールを送れます。ホスティング会社のアカウントを指定したレコードを公開してください{idHint}。',
  },
  'lockdown-cfid-only': {
    en: 'Mail for {domain} goes through MailChannels, and the Domain Lockdown record at {name} lists only cfid=, which MailChannels no longer supports since 31 August 2024: any MailChannels customer can send mail as {domain} that passes SPF. Replace it with one that lists your host\'s account{idHint}.',
    ja: '{domain} のメールは MailChannels を経由しますが、{name} の Domain Lockdown レコードは cfid= だけで、MailChannels は 2024 年 8 月 31 日以降 cfid= に対応していません。このため MailChannels の利用者なら誰でも {domain} として SPF に合格するメールを送れます。ホスティング会社のアカウントを指定したレコードに置き換えてください{idHint}。',
  },
  'lockdown-other-account': {
    en: 'MailChannels relayed this message for the account {authId}, which the Domain Lockdown record at {name} does not list: MailChannels refuses mail from accounts the record leaves out. If {authId} is your host\'s account, add it to the record.',
    ja: 'このメールは MailChannels のアカウント {authId} で中継されましたが、{name} の Domain Lockdown レコードにこのアカウントがありません。MailChannels はレコードにないアカウントからのメールを拒否します。{authId} がホスティング会社のアカウントなら、レコードに追加してください。',
  },
  // A forged message shows the forger's account: the reader must make sure it is their host's.
  'lockdown-id-known': {
    en: ' (this message was relayed for the account {authId}: make sure it is your host\'s, since a forged message shows the forger\'s)',
    ja: '（このメールはアカウント {authId} で中継されています。偽装されたメールには偽装した側のアカウントが入るので、ホスティング会社のアカウントであることを確認してください）',
  },
  'lockdown-id-unknown': {
    en: ' (its id is in the X-MailChannels-Auth-Id header of mail sent through your host)',
    ja: '（ID はホスティング会社経由で送ったメールの X-MailChannels-Auth-Id ヘッダーにあります）',
  },
  'fix-lockdown': {
    en: 'Publish a Domain Lockdown record at {name} (MailChannels: only the accounts it lists may send as the domain)',
    ja: '{name} に Domain Lockdown レコードを公開する（MailChannels: 記載したアカウントだけがこのドメインとして送信できます）',
  },
  'fix-lockdown-add': {
    en: 'Add auth={authId} to the Domain Lockdown record at {name}',
    ja: '{name} の Domain Lockdown レコードに auth={authId} を追加する',
  },
  'fix-include': {
    en: 'Add {terms} ({provider}) before the final "all"',
    ja: '最後の「all」の前に {terms}（{provider}）を追加する',
  },
  'fix-ip': {
    en: 'Add {terms} before the final "all"',
    ja: '最後の「all」の前に {terms} を追加する',
  },
  'fix-remove-stale': {
    en: '…and remove {stale}, which no server of the zone uses any more',
    ja: '。さらに、ゾーン内のサーバーが使っていない {stale} を削除する',
  },
  'fix-new-record': {
    en: 'Publish a TXT record at {domain}',
    ja: '{domain} に TXT レコードを公開する',
  },
  unverified: {
    en: ' (catalogue entry not confirmed from the provider\'s own documentation: check it)',
    ja: '（カタログの情報は事業者の公式文書で未確認です。確認してください）',
  },
  headline: {
    en: '{domain}: SPF {result} for {ip} ({lookups}/10 DNS lookups)',
    ja: '{domain}: {ip} の SPF 判定は {result}（DNS 参照 {lookups}/10 回）',
  },
  'record-line': {
    en: '  record: {record}',
    ja: '  レコード: {record}',
  },
  'receiver-said': {
    en: 'The receiver ({authserv}) reported: {verdicts}.',
    ja: '受信サーバー（{authserv}）の判定: {verdicts}',
  },
  'receiver-said-unnamed': {
    en: 'The receiver reported: {verdicts}.',
    ja: '受信サーバーの判定: {verdicts}',
  },
} as const satisfies Record<string, { en: string; ja: string }>;

export type TextKey = keyof typeof DiagnoseTexts;

export function say(key: TextKey, args: Record<string, string | number>, locale: Locale): string {
  const text = DiagnoseTexts[key][locale].replace(/\{(\w+)\}/g, (m, k: string) => (args[k] === undefined ? m : String(args[k])));
  return locale === 'ja' ? tidyJapanese(text) : text;
}
