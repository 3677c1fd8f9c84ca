/**
 * MailChannels Domain Lockdown (docs.mailchannels.com/outbound/domain-lockdown): the fields
 * of the TXT record at `_mailchannels.<domain>` that lists who may send mail as the domain
 * through MailChannels, for hover.
 */
import type { Localized } from '../l10n';

export const LOCKDOWN_DOCS_URL = 'https://docs.mailchannels.com/outbound/domain-lockdown';

export const LockdownFieldDocs: Record<string, Localized> = {
  v: {
    en: 'The record’s version, written first: `v=mc1`. A TXT record at `_mailchannels.<domain>` that starts with it tells MailChannels which accounts and senders may send mail as the domain; it refuses all others.',
    ja: 'レコードのバージョンで、先頭に `v=mc1` と書きます。`_mailchannels.<ドメイン>` にこれで始まる TXT レコードを置くと、MailChannels はそこに書かれたアカウントや送信者だけにこのドメインとしての送信を許し、ほかは拒否します。',
  },
  auth: {
    en: 'A MailChannels account (usually your hosting company’s) that may send mail as the domain: the value of the `X-MailChannels-Auth-Id` header of mail sent through it. One value per field; repeat the field for more accounts.',
    ja: 'このドメインとして送信してよい MailChannels のアカウント（通常はホスティング会社のもの）です。そのアカウント経由で送ったメールの `X-MailChannels-Auth-Id` ヘッダーの値を書きます。1 つのフィールドに値は 1 つで、複数のアカウントを許可するときはフィールドを繰り返します。',
  },
  senderid: {
    en: 'One sender that may send mail as the domain: account, identity type and identity separated by `|`, as in the `X-MailChannels-SenderId` header (`myhost|x-authuser|joe@example.com`).',
    ja: 'このドメインとして送信してよい送信者 1 つです。`X-MailChannels-SenderId` ヘッダーと同じく、アカウント・識別子の種類・識別子を `|` で区切って書きます（`myhost|x-authuser|joe@example.com`）。',
  },
  sidw: {
    en: 'Like `senderid=`, with a limited `*` wildcard in the identity (`myhost|x-authsender|billing*@example.com`).',
    ja: '`senderid=` と同じですが、識別子に `*` のワイルドカードを使えます（`myhost|x-authsender|billing*@example.com`）。',
  },
  cfid: {
    en: 'A Cloudflare Workers id: no longer supported since 31 August 2024, so it locks nothing down. List your account with `auth=` instead.',
    ja: 'Cloudflare Workers の ID です。2024 年 8 月 31 日以降はサポートされておらず、何も制限しません。代わりに `auth=` でアカウントを指定してください。',
  },
};
