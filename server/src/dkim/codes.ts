/**
 * DKIM key record diagnostic codes (RFC 6376 §3.6.1, RFC 8301, RFC 8463).
 */
import { defineCode } from '../diagnostics/types';

export const DkimCodes = {
  syntax: defineCode('dkim-syntax', 'error', 'RFC 6376 §3.6.1', {
    en: 'DKIM key record syntax error: {detail}',
    ja: 'DKIM 公開鍵レコードの書き方の誤り: {detail}',
  }),
  invalidKey: defineCode('dkim-invalid-key', 'error', 'RFC 6376 §3.6.1', {
    en: 'The public key in p= cannot be used: {detail}. Mail signed with selector {selector} will fail DKIM',
    ja: 'p= の公開鍵は使えません: {detail}。セレクター {selector} で署名されたメールは DKIM の検証に失敗します',
  }),
  weakKey: defineCode('dkim-weak-key', 'warning', 'RFC 8301 §3', {
    en: 'Weak DKIM key: {detail}',
    ja: '弱い DKIM 鍵: {detail}',
  }),
  multipleRecords: defineCode('dkim-multiple-records', 'error', 'RFC 6376 §3.6.2.2', {
    en: 'Selector {selector} has {count} key records: verifiers may use either one, so results are unpredictable. Keep one record per selector (use a new selector to rotate keys)',
    ja: 'セレクター {selector} に鍵レコードが {count} 個あります。この場合の検証結果は定まりません。セレクターごとにレコードは一つにしてください（鍵の切り替えには新しいセレクターを使います）',
  }),
  revoked: defineCode('dkim-revoked', 'information', 'RFC 6376 §3.6.1', {
    en: 'The key for selector {selector} is revoked (empty p=): signatures made with it fail. Fine if the selector is retired on purpose',
    ja: 'セレクター {selector} の鍵は失効しています（p= が空）。この鍵による署名は検証に失敗します。意図して廃止したセレクターなら問題ありません',
  }),
  testing: defineCode('dkim-testing', 'information', 'RFC 6376 §3.6.1', {
    en: 'Selector {selector} is in testing mode (t=y): receivers may treat failed signatures as unsigned. Remove y once signing works',
    ja: 'セレクター {selector} はテストモード（t=y）です。受信側は署名の失敗を「署名なし」と同じに扱うことがあります。署名が正しく動いたら y を外してください',
  }),
  missing: defineCode('dkim-missing', 'information', 'RFC 6376 §3.6.2.1', {
    en: '{name} sends mail (it has an SPF record) but this zone publishes no DKIM key for it or a parent domain (a record at <selector>._domainkey.{name}, the selector your mail service gives): Gmail and Yahoo ask bulk senders for DKIM, and forwarded mail passes DMARC only with it',
    ja: '{name} はメールを送る設定（SPF レコード）がありますが、このゾーンにはこの名前にも親ドメインにも DKIM の公開鍵（<セレクター>._domainkey.{name} のレコード。セレクターはメールサービスが指定します）がありません。Gmail や Yahoo は大量送信者に DKIM を求め、転送されたメールは DKIM がないと DMARC に合格しません',
  }),
  unknownTag: defineCode('dkim-unknown-tag', 'warning', 'RFC 6376 §3.6.1', {
    en: 'Unknown DKIM key tag "{tag}": verifiers ignore it{detail}',
    ja: '「{tag}」は DKIM 公開鍵レコードのタグではありません。検証側は無視します{detail}',
  }),
} as const;

/** Localised fragments for `{detail}` arguments, by key. */
export const DkimDetails: Record<string, { en: string; ja: string }> = {
  'dkim-empty-tag': { en: 'an empty entry between semicolons', ja: 'セミコロンの間が空になっています' },
  'dkim-missing-equals': {
    en: '"{text}" is not a tag=value pair (a missing "=" or ";"?)',
    ja: '「{text}」は「タグ=値」の形になっていません（「=」か「;」が抜けていませんか）',
  },
  'dkim-lookalike-blank': {
    en: '"{text}" holds a full-width or invisible blank, which receivers do not read as a space: type an ASCII space (or delete it)',
    ja: '「{text}」に全角などの空白か目に見えない文字があり、受信側はこれを空白として扱いません。半角スペースに直すか削除してください',
  },
  'dkim-bad-name': { en: '"{text}" is not a valid tag name', ja: '「{text}」はタグ名として使えません' },
  'dkim-fullwidth': {
    en: '"{text}" in the value of {tag}= is full-width text, typed in a Japanese input method: type \'{ascii}\' in ASCII (half-width)',
    ja: '{tag}= の値の「{text}」は全角の文字です。半角の \'{ascii}\' に直してください',
  },
  'dkim-bad-char': {
    en: 'a control or non-ASCII character in the value of {tag}=',
    ja: '{tag}= の値に制御文字か ASCII 以外の文字が含まれています',
  },
  'dkim-duplicate': {
    en: '{tag}= appears more than once, which makes the whole record invalid',
    ja: '{tag}= が二回以上書かれているため、レコード全体が無効になります',
  },
  'dkim-version-first': {
    en: 'v= must be the first tag when present',
    ja: 'v= を書く場合は最初のタグにする必要があります',
  },
  'dkim-key-type-case': {
    en: 'the key type is written "{found}"; tag values are case-sensitive (§3.2): write "{type}". dkimpy ignores the key as written, OpenDKIM takes it',
    ja: '鍵の種類が「{found}」と書かれています。タグの値は大文字と小文字を区別します（§3.2）。「{type}」と書いてください。dkimpy はこのままでは鍵を無視します（OpenDKIM は受け付けます）',
  },
  'dkim-version-value': {
    en: 'the version must be exactly "DKIM1", found "{found}"; verifiers discard the record',
    ja: 'バージョンは正確に「DKIM1」でなければなりません（「{found}」になっています）。検証側はレコードを捨てます',
  },
  'dkim-missing-p': {
    en: 'the required p= tag (the public key) is missing',
    ja: '必須の p= タグ（公開鍵）がありません',
  },
  'dkim-bad-list': {
    en: '"{text}" is not a valid entry in {tag}= (a colon-separated list of words)',
    ja: '「{text}」は {tag}= の項目として正しくありません（コロン区切りの単語の並びです）',
  },
  'dkim-key-base64': {
    en: 'it is not valid base64 ("{text}")',
    ja: '正しい base64 ではありません（「{text}」）',
  },
  'dkim-key-pem': {
    en: 'it still has the PEM armour ("-----BEGIN PUBLIC KEY-----"): keep only the base64 between the header and footer lines',
    ja: 'PEM の見出し（「-----BEGIN PUBLIC KEY-----」）が残っています。見出しと末尾の行の間にある base64 だけを書いてください',
  },
  'dkim-key-truncated': {
    en: 'its base64 length is not a multiple of 4, so part of it is probably missing',
    ja: 'base64 の長さが 4 の倍数ではないため、途中が欠けている可能性があります',
  },
  'dkim-key-not-key': {
    en: 'the data is not a public key (SubjectPublicKeyInfo)',
    ja: 'データが公開鍵（SubjectPublicKeyInfo）になっていません',
  },
  'dkim-key-pkcs1': {
    en: 'it is a bare RSAPublicKey; most verifiers expect it wrapped in SubjectPublicKeyInfo (the base64 usually begins with MII)',
    ja: 'RSAPublicKey がそのまま入っています。多くの検証側は SubjectPublicKeyInfo で包んだ形（base64 がふつう MII で始まる）を期待します',
  },
  'dkim-key-type-mismatch': {
    en: 'it is an {actual} key but k= says {expected}',
    ja: '{actual} の鍵ですが、k= は {expected} になっています',
  },
  'dkim-key-looks-ed25519': {
    en: 'it is 32 bytes, the size of an Ed25519 key: add k=ed25519',
    ja: '32 バイトで、Ed25519 の鍵の大きさです。k=ed25519 を加えてください',
  },
  'dkim-key-ed25519-spki': {
    en: 'RFC 8463 wants the raw 32-byte Ed25519 key, not the SubjectPublicKeyInfo structure around it (drop the first 12 bytes)',
    ja: 'RFC 8463 では Ed25519 の鍵は 32 バイトの生データで書きます。SubjectPublicKeyInfo の形ではありません（先頭 12 バイトを取り除いてください）',
  },
  'dkim-key-ed25519-length': {
    en: 'an Ed25519 key is 32 bytes, this is {length}',
    ja: 'Ed25519 の鍵は 32 バイトですが、これは {length} バイトです',
  },
  'dkim-key-unknown-type': {
    en: 'k={keyType} is not a key type verifiers know (rsa or ed25519)',
    ja: 'k={keyType} は検証側が知っている鍵の種類（rsa か ed25519）ではありません',
  },
  'dkim-key-service': {
    en: 's={services} does not include email or *, so verifiers will not use it for mail',
    ja: 's={services} に email も * も含まれていないため、メールの検証には使われません',
  },
  'dkim-weak-rsa-reject': {
    en: 'This RSA key has only {bits} bits: verifiers must reject keys under 1024 bits (RFC 8301), so every signature fails. Use a 2048-bit key',
    ja: 'この RSA 鍵は {bits} ビットしかありません。1024 ビット未満の鍵は検証側が拒否しなければならない（RFC 8301）ため、すべての署名が失敗します。2048 ビットの鍵を使ってください',
  },
  'dkim-weak-rsa-short': {
    en: 'This RSA key has {bits} bits: RFC 8301 asks for at least 2048. It still works, but consider a 2048-bit key',
    ja: 'この RSA 鍵は {bits} ビットです。RFC 8301 は 2048 ビット以上を求めています。今は動きますが、2048 ビットの鍵への切り替えを検討してください',
  },
  'dkim-weak-sha1': {
    en: 'h=sha1 allows only SHA-1 signatures, which verifiers must not accept (RFC 8301): add sha256 or remove h=',
    ja: 'h=sha1 では SHA-1 の署名しか許されませんが、検証側は SHA-1 を受け入れてはいけません（RFC 8301）。sha256 を加えるか h= を削除してください',
  },
  'dkim-unknown-hint': { en: ' (did you mean {suggest}=?)', ja: '（{suggest}= の書き間違いではありませんか）' },
  'dkim-unknown-plain': { en: '', ja: '' },
  'dkim-unknown-domainkeys': {
    en: ' ({tag}= comes from the older DomainKeys and can be removed)',
    ja: '（{tag}= は古い DomainKeys のタグで、削除してかまいません）',
  },
};
