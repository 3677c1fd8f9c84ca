/**
 * What the common RR types are for, in plain words, with their defining RFC. Names and
 * numbers come from zone/rdata/types.ts; this table only explains them.
 */
import type { Localized } from './index';

export interface TypeDoc extends Localized {
  readonly rfc: string;
}

export const TypeDocs: Record<string, TypeDoc> = {
  A: { rfc: 'RFC 1035 §3.4.1', en: 'IPv4 address of the name.', ja: 'この名前の IPv4 アドレス。' },
  AAAA: { rfc: 'RFC 3596 §2', en: 'IPv6 address of the name.', ja: 'この名前の IPv6 アドレス。' },
  NS: { rfc: 'RFC 1035 §3.3.11', en: 'A name server authoritative for the zone at this name.', ja: 'この名前のゾーンを管理する権威ネームサーバー。' },
  CNAME: { rfc: 'RFC 1035 §3.3.1', en: 'Alias: this name is another name for the target. A name with a CNAME has no other data.', ja: '別名。この名前は指定先の別名です。CNAME を持つ名前には他のレコードを置けません。' },
  SOA: { rfc: 'RFC 1035 §3.3.13', en: 'Start of authority: the zone’s primary server, contact mailbox, serial and timers.', ja: 'ゾーンの起点（SOA）。プライマリサーバー、管理者のメールアドレス、シリアル番号、各種タイマー。' },
  PTR: { rfc: 'RFC 1035 §3.3.12', en: 'Pointer to a name, used for reverse lookups (address → name).', ja: '名前へのポインター。逆引き（アドレス → 名前）に使います。' },
  MX: { rfc: 'RFC 1035 §3.3.9, RFC 5321 §5, RFC 7505', en: 'Mail exchanger: a host that accepts mail for this name, with a preference (lower is tried first). `MX 0 .` alone (a null MX) says the name takes no mail.', ja: 'メールサーバー。この名前宛てのメールを受け取るホストと優先度（小さいほど先に使われる）。`MX 0 .` だけを置く（null MX）と、この名前はメールを受け取らないという意味になります。' },
  TXT: { rfc: 'RFC 1035 §3.3.14', en: 'Text strings; SPF, DMARC and DKIM records live here.', ja: 'テキスト文字列。SPF・DMARC・DKIM のレコードもこの型です。' },
  SPF: { rfc: 'RFC 7208 §3.1', en: 'Obsolete SPF type: publish SPF in a TXT record instead.', ja: '廃止された SPF 専用型。SPF は TXT レコードで公開してください。' },
  SRV: { rfc: 'RFC 2782', en: 'Service location: priority, weight, port and target host of a service.', ja: 'サービスの所在。優先度・重み・ポート・ホスト名。' },
  CAA: { rfc: 'RFC 8659', en: 'Which certificate authorities may issue certificates for this name.', ja: 'この名前の証明書を発行してよい認証局の指定。' },
  DNAME: { rfc: 'RFC 6672', en: 'Redirects the whole subtree below this name to another name.', ja: 'この名前より下の名前すべてを別の名前へ転送します。' },
  DS: { rfc: 'RFC 4034 §5', en: 'Delegation signer: the hash of a child zone’s key (DNSSEC).', ja: '委任先ゾーンの鍵のハッシュ（DNSSEC）。' },
  DNSKEY: { rfc: 'RFC 4034 §2', en: 'A public key of the zone (DNSSEC).', ja: 'ゾーンの公開鍵（DNSSEC）。' },
  RRSIG: { rfc: 'RFC 4034 §3', en: 'A signature over a record set (DNSSEC).', ja: 'レコードセットの署名（DNSSEC）。' },
  NSEC: { rfc: 'RFC 4034 §4', en: 'Proof of non-existence: the next name and the types present (DNSSEC).', ja: '不在証明。次の名前と存在する型（DNSSEC）。' },
  NSEC3: { rfc: 'RFC 5155', en: 'Hashed proof of non-existence (DNSSEC).', ja: 'ハッシュ化された不在証明（DNSSEC）。' },
  NSEC3PARAM: { rfc: 'RFC 5155 §4', en: 'Parameters of the zone’s NSEC3 chain (DNSSEC).', ja: 'NSEC3 チェーンのパラメーター（DNSSEC）。' },
  CDS: { rfc: 'RFC 7344', en: 'Child copy of DS, for automated key rollover.', ja: '鍵更新の自動化のため子ゾーンに置く DS の写し。' },
  CDNSKEY: { rfc: 'RFC 7344', en: 'Child copy of DNSKEY, for automated key rollover.', ja: '鍵更新の自動化のため子ゾーンに置く DNSKEY の写し。' },
  TLSA: { rfc: 'RFC 6698', en: 'DANE: the TLS certificate or key expected for a service.', ja: 'DANE。サービスの TLS 証明書・鍵の指定。' },
  SSHFP: { rfc: 'RFC 4255', en: 'Fingerprint of an SSH host key.', ja: 'SSH ホスト鍵のフィンガープリント。' },
  HTTPS: { rfc: 'RFC 9460', en: 'How to connect to an HTTPS service: alternative endpoints and parameters.', ja: 'HTTPS サービスへの接続方法（代替エンドポイントとパラメーター）。' },
  SVCB: { rfc: 'RFC 9460', en: 'Service binding: endpoints and parameters of a service.', ja: 'サービスバインディング。サービスの接続先とパラメーター。' },
  NAPTR: { rfc: 'RFC 3403', en: 'Naming authority pointer: rewrite rules (ENUM, SIP).', ja: '名前の書き換え規則（ENUM、SIP など）。' },
  HINFO: { rfc: 'RFC 1035 §3.3.2, RFC 8482', en: 'Host CPU and OS strings; today mostly used for minimal ANY answers.', ja: 'ホストの CPU と OS。現在は主に ANY 応答の最小化に使われます。' },
  LOC: { rfc: 'RFC 1876', en: 'Geographical location.', ja: '地理的な位置。' },
  OPENPGPKEY: { rfc: 'RFC 7929', en: 'An OpenPGP public key for a mail address.', ja: 'メールアドレスの OpenPGP 公開鍵。' },
  URI: { rfc: 'RFC 7553', en: 'A URI for a service, with priority and weight.', ja: 'サービスの URI（優先度と重み付き）。' },
  ZONEMD: { rfc: 'RFC 8976', en: 'A digest of the whole zone’s contents.', ja: 'ゾーン全体の内容のダイジェスト。' },
  RP: { rfc: 'RFC 1183 §2', en: 'Responsible person: a mailbox and a TXT name with contact details.', ja: '責任者。メールアドレスと連絡先の TXT 名。' },
};
