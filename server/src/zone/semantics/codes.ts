/**
 * Zone-semantics diagnostic codes: the checks `named-checkzone` (BIND 9.18) and
 * `kzonecheck` (Knot DNS) make on a loaded zone, and a few they leave to the reader.
 * Each code is defined here once and referred to by constant.
 */
import { defineCode } from '../../diagnostics/types';

export const SemanticsCodes = {
  duplicateRecord: defineCode('zone-duplicate-record', 'warning', 'RFC 2181 §5', {
    en: 'Duplicate record: the same {type} record already appears above; servers keep only one',
    ja: '重複したレコードです。同じ {type} レコードが上にもあり、サーバーは1つしか使いません',
  }),
  ttlMismatch: defineCode('zone-ttl-mismatch', 'warning', 'RFC 2181 §5.2', {
    en: 'TTL {ttl} differs from {firstTtl}, the TTL of the first {type} record of {owner}; all records of a set must share one TTL, and servers load the whole set with only one of them',
    ja: 'TTL {ttl} が、{owner} の最初の {type} レコードの TTL {firstTtl} と違います。同じ名前と種類のレコードは TTL をそろえる必要があり、サーバーはそのうち 1 つの TTL だけをセット全体に使います',
  }),
  missingSoa: defineCode('zone-missing-soa', 'error', 'RFC 1035 §5.2', {
    en: 'The zone {apex} has no SOA record at its apex; servers refuse to load it',
    ja: 'ゾーン {apex} の頂点に SOA レコードがありません。このままではサーバーが読み込みを拒否します',
  }),
  missingNs: defineCode('zone-missing-ns', 'error', 'RFC 1035 §5.2', {
    en: 'The zone {apex} has no NS records at its apex; without them nobody can be told which servers answer for it',
    ja: 'ゾーン {apex} の頂点に NS レコードがありません。どのサーバーがこのゾーンに答えるのかを示せません',
  }),
  outOfZone: defineCode('zone-out-of-zone', 'warning', 'RFC 1034 §4.2.1', {
    en: '{owner} is outside the zone {origin}; servers ignore this record',
    ja: '{owner} はゾーン {origin} の外にあります。サーバーはこのレコードを無視します',
  }),
  mxCname: defineCode('zone-mx-cname', 'warning', 'RFC 2181 §10.3', {
    en: 'The mail server {target} is an alias (CNAME); an MX record must name the host itself',
    ja: 'メールサーバー {target} は別名（CNAME）です。MX レコードには別名ではなく実際のホスト名を書く必要があります',
  }),
  nsCname: defineCode('zone-ns-cname', 'error', 'RFC 2181 §10.3', {
    en: 'The name server {target} is an alias (CNAME); an NS record must name the host itself',
    ja: 'ネームサーバー {target} は別名（CNAME）です。NS レコードには別名ではなく実際のホスト名を書く必要があります',
  }),
  srvCname: defineCode('zone-srv-cname', 'warning', 'RFC 2782', {
    en: 'The service target {target} is an alias (CNAME); an SRV record must name the host itself',
    ja: 'サービスの接続先 {target} は別名（CNAME）です。SRV レコードには別名ではなく実際のホスト名を書く必要があります',
  }),
  mxAddress: defineCode('zone-mx-address', 'error', 'RFC 1035 §3.3.9', {
    en: 'The mail server is written as the address {address}; an MX record takes a host name, so this is read as the name {target}',
    ja: 'メールサーバーが IP アドレス {address} で書かれています。MX レコードにはホスト名を書く必要があり、このままでは {target} という名前として扱われます',
  }),
  nsAddress: defineCode('zone-ns-address', 'error', 'RFC 1035 §3.3.11', {
    en: 'The name server is written as the address {address}; an NS record takes a host name, so this is read as the name {target}',
    ja: 'ネームサーバーが IP アドレス {address} で書かれています。NS レコードにはホスト名を書く必要があり、このままでは {target} という名前として扱われます',
  }),
  missingGlue: defineCode('zone-missing-glue', 'warning', 'RFC 1034 §4.2.1', {
    en: 'The name server {target} lies inside this zone but has no address (A or AAAA) record here; resolvers cannot reach it{detail}',
    ja: 'ネームサーバー {target} はこのゾーンの中の名前なのに、アドレス（A または AAAA）レコードがありません。リゾルバーがこのサーバーにたどり着けません{detail}',
  }),
  dnameOcclusion: defineCode('zone-dname-occlusion', 'warning', 'RFC 6672 §2.3', {
    en: '{owner} lies below the DNAME at {dname}; the DNAME redirects every name below it, so this record is never served',
    ja: '{owner} は {dname} の DNAME より下にあります。DNAME がその下の名前をすべて転送するため、このレコードは使われません',
  }),
  wildcardNs: defineCode('zone-wildcard-ns', 'error', 'RFC 4592 §4.2', {
    en: 'NS records at a wildcard name ({owner}) are not allowed; BIND refuses the zone',
    ja: 'ワイルドカード名（{owner}）に NS レコードは置けません。BIND はこのゾーンを読み込みません',
  }),
  nonTerminalWildcard: defineCode('zone-non-terminal-wildcard', 'warning', 'RFC 4592 §2.1.1', {
    en: "{owner} has a '*' label that is not the leftmost one: it is not a wildcard but an ordinary label, so the record answers only for that exact name, never for others; BIND warns about it (check-wildcard)",
    ja: "{owner} には先頭以外の位置に '*' のラベルがあります。これはワイルドカードではなく普通のラベルなので、このレコードはその名前そのものにだけ答え、ほかの名前には答えません。BIND は check-wildcard で警告します",
  }),
  dsAtApex: defineCode('zone-ds-at-apex', 'error', 'RFC 4035 §2.4', {
    en: 'A DS record belongs in the parent zone, not at the apex of {apex}; publish it at your registrar or parent instead',
    ja: 'DS レコードは親ゾーンに置くもので、{apex} の頂点には置けません。レジストラや親ゾーンの側に登録してください',
  }),
  serialFormat: defineCode('zone-serial-format', 'warning', 'RFC 1982 §3', {
    en: 'The serial {serial} looks like a date (YYYYMMDDnn) but {detail}',
    ja: 'シリアル番号 {serial} は日付（YYYYMMDDnn）の形に見えますが、{detail}',
  }),
  targetTypo: defineCode('zone-target-typo', 'warning', 'RFC 1035 §5.1', {
    en: "'{written}' is a name of another domain, one letter off {whoseDetail}: if {intended} was meant, write it (as written, lookups go to a domain that is not yours)",
    ja: "'{written}' は{whoseDetail}と 1 文字だけ違う、別のドメインの名前です。{intended} のつもりなら、そう書き直してください（このままでは自分のものではないドメインを参照します）",
  }),
  checkNames: defineCode('zone-check-names', 'hint', 'RFC 1123 §2.1', {
    en: '{name} is not a valid host name (letters, digits and inner hyphens only); BIND warns about it (check-names)',
    ja: '{name} はホスト名として正しくありません（英字・数字と途中のハイフンだけが使えます）。BIND は check-names で警告します',
  }),
  mxNoAddress: defineCode('zone-mx-no-address', 'warning', 'RFC 5321 §5.1', {
    en: 'The mail server {target} lies inside this zone but has no address (A or AAAA) record here; no mail for {owner} can be delivered to it{detail}',
    ja: 'メールサーバー {target} はこのゾーンの中の名前なのに、アドレス（A または AAAA）レコードがありません。{owner} 宛てのメールをこのサーバーに届けられません{detail}',
  }),
  srvNoAddress: defineCode('zone-srv-no-address', 'warning', 'RFC 2782', {
    en: 'The service target {target} lies inside this zone but has no address (A or AAAA) record here; clients cannot reach it{detail}',
    ja: 'サービスの接続先 {target} はこのゾーンの中の名前なのに、アドレス（A または AAAA）レコードがありません。クライアントが接続できません{detail}',
  }),
  cnameTargetMissing: defineCode('zone-cname-target-missing', 'warning', 'RFC 1034 §3.6.2', {
    en: '{owner} is an alias of {target}, a name inside this zone that has no records here: lookups of {owner} find nothing{detail}',
    ja: '{owner} は {target} の別名ですが、この名前はこのゾーンの中にあるのにレコードがありません。{owner} を問い合わせても何も見つかりません{detail}',
  }),
  nullMx: defineCode('zone-null-mx', 'warning', 'RFC 7505 §3', {
    en: 'This MX to "." is meant as a null MX (the name takes no mail), but {detail}',
    ja: 'この "." への MX は null MX（メールを受け取らない名前の印）のつもりのようですが、{detail}',
  }),
} as const;

/** Localised fragments for `{detail}` arguments, by key. */
export const SemanticsDetails: Record<string, { en: string; ja: string }> = {
  'target-typo-own': { en: "this zone's own {apex}", ja: 'このゾーンの {apex} ' },
  'target-typo-provider': { en: "{domain}, {provider}'s mail servers", ja: ' {provider} のメールサーバー {domain} ' },
  'serial-not-a-date': {
    en: '{date} is not a real calendar date',
    ja: '{date} は実在しない日付です',
  },
  'null-mx-mixed': {
    en: '{owner} also has MX records to {hosts}: RFC 7505 allows a null MX only alone, and senders try the other hosts or give up. Remove the null MX if the name takes mail, or the other MX records if it does not',
    ja: '{owner} には {hosts} への MX レコードもあります。RFC 7505 では null MX は単独でしか使えず、送信側はほかのホストを試すか配送をあきらめます。メールを受け取るなら null MX を、受け取らないならほかの MX レコードを削除してください',
  },
  'null-mx-preference': {
    en: 'its preference is {preference}: RFC 7505 writes a null MX with preference 0 ("MX 0 ."), and a sender need not read this one as a null MX',
    ja: '優先度が {preference} になっています。RFC 7505 では null MX は優先度 0（"MX 0 ."）で書くもので、これを null MX と読まない送信側もあります',
  },
  'target-final-dot': {
    en: ". '{written}' has no final dot, so it is read as a name inside this zone: write '{written}.' for the name outside it",
    ja: "。'{written}' は末尾にドットがないため、このゾーンの中の名前として読まれます。ゾーンの外の名前のつもりなら、末尾にドットを付けて '{written}.' と書いてください",
  },
  'target-address': {
    en: '. A CNAME names a host, not an address: for the address {written}, write an A or AAAA record instead of the CNAME',
    ja: '。CNAME にはアドレスではなくホスト名を書きます。アドレス {written} を指すなら、CNAME の代わりに A か AAAA レコードを書いてください',
  },
  'target-plain': { en: '', ja: '' },
  'serial-in-future': {
    en: 'its date {date} is in the future; later updates will need a serial above it',
    ja: '日付 {date} が未来になっています。今後の更新ではこれより大きいシリアル番号が必要になります',
  },
};
