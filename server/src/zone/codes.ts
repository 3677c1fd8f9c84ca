/**
 * Zone-file diagnostic codes (RFC 1035 §5 master files as BIND 9.18 reads them).
 * Each code is defined here once and referred to by constant.
 */
import { defineCode } from '../diagnostics/types';

export const ZoneCodes = {
  syntax: defineCode('zone-syntax', 'error', 'RFC 1035 §5.1', {
    en: 'Syntax error: {detail}',
    ja: '書式の誤り: {detail}',
  }),
  unknownType: defineCode('zone-unknown-type', 'error', 'RFC 3597 §5', {
    en: "Unknown or unusable record type '{type}'",
    ja: "レコードの種類 '{type}' は不明か、ゾーンファイルでは使えません",
  }),
  badTtl: defineCode('zone-bad-ttl', 'error', 'RFC 2181 §8, RFC 2308 §4', {
    en: 'Bad TTL: {detail}',
    ja: 'TTL（有効期間）の誤り: {detail}',
  }),
  badName: defineCode('zone-bad-name', 'error', 'RFC 1035 §2.3.4, §5.1', {
    en: 'Bad domain name: {detail}',
    ja: 'ドメイン名の誤り: {detail}',
  }),
  unbalancedParen: defineCode('zone-unbalanced-paren', 'error', 'RFC 1035 §5.1', {
    en: 'Unbalanced parenthesis: {detail}',
    ja: '括弧の対応が取れていません: {detail}',
  }),
  unterminatedString: defineCode('zone-unterminated-string', 'error', 'RFC 1035 §5.1', {
    en: 'Quoted string is not closed on this line',
    ja: '引用符で始まる文字列がこの行の中で閉じられていません',
  }),
  includeNotFound: defineCode('zone-include-not-found', 'error', 'RFC 1035 §5.1', {
    en: "$INCLUDE file '{file}' {detail}",
    ja: "$INCLUDE のファイル '{file}' {detail}",
  }),
  includeCycle: defineCode('zone-include-cycle', 'error', 'RFC 1035 §5.1', {
    en: "$INCLUDE of '{file}' would include it again (an include cycle)",
    ja: "$INCLUDE で '{file}' を読み込むと、同じファイルを繰り返し読み込むことになります（循環）",
  }),
  generateRange: defineCode('zone-generate-range', 'error', 'BIND 9 $GENERATE', {
    en: '$GENERATE: {detail}',
    ja: '$GENERATE: {detail}',
  }),
  cnameAndOtherData: defineCode('zone-cname-and-other-data', 'error', 'RFC 1034 §3.6.2, RFC 2181 §10.1', {
    en: "'{owner}' has a CNAME and other data ({type}); a CNAME must be alone at its name",
    ja: "'{owner}' に CNAME と他のレコード（{type}）があります。CNAME のある名前には他のレコードを置けません",
  }),
  multipleSoa: defineCode('zone-multiple-soa', 'error', 'RFC 1035 §5.2', {
    en: 'A zone has exactly one SOA record, at its top; this one is extra (the first is at {owner})',
    ja: 'SOA レコードはゾーンの頂点に 1 つだけ置きます。これは余分な SOA です（最初の SOA は {owner}）',
  }),
  originUnknown: defineCode('zone-origin-unknown', 'warning', 'RFC 1035 §5.1', {
    en: 'The zone origin is unknown, so relative names are read relative to the root (.); add $ORIGIN or set the origin',
    ja: 'ゾーンの起点（オリジン）が分からないため、相対名をルート（.）からの名前として読みました。$ORIGIN を書くか起点を設定してください',
  }),
  inheritedOwner: defineCode('zone-inherited-owner', 'warning', 'RFC 1035 §5.1', {
    en: "This record has no owner, so it takes the previous owner '{owner}', not the new origin '{origin}' set just before",
    ja: "このレコードには名前がないため、直前に設定した起点 '{origin}' ではなく前のレコードの名前 '{owner}' が使われます",
  }),
  lookalikeCharacter: defineCode('zone-lookalike-character', 'warning', 'RFC 1035 §5.1', {
    en: "{charDetail} (U+{codePoint}) is not zone-file syntax: BIND reads it as part of '{token}'. {fixDetail}",
    ja: "{charDetail}（U+{codePoint}）はゾーンファイルの区切りや記号にならず、BIND は '{token}' の一部として読みます。{fixDetail}",
  }),
  notUtf8: defineCode('zone-not-utf8', 'warning', 'RFC 3629', {
    en: 'This line has bytes that are not UTF-8: the file is probably in Shift_JIS or EUC-JP. BIND loads the bytes as they are, but their text cannot be checked here, and an editor that reads the file as UTF-8 shows them as U+FFFD (\uFFFD) and writes U+FFFD in their place when it saves, for good. Reopen the file in its encoding (VS Code: Reopen with Encoding) or convert it to UTF-8 (iconv -f SHIFT_JIS -t UTF-8)',
    ja: 'この行には UTF-8 ではないバイトがあります。ファイルは Shift_JIS か EUC-JP で書かれているようです。BIND はバイトをそのまま読み込みますが、ここではその内容を確認できません。また、UTF-8 として開いたエディターはそれを U+FFFD（\uFFFD）と表示し、保存すると元のバイトを U+FFFD に置き換えてしまい、元に戻せません。正しいエンコードで開き直す（VS Code:「エンコード付きで再度開く」）か、UTF-8 に変換してください（iconv -f SHIFT_JIS -t UTF-8）',
  }),
  unicodeName: defineCode('zone-unicode-name', 'warning', 'RFC 5890 §2.3.2.1, RFC 5891 §5', {
    en: "'{written}' {howDetail}, but DNS names are ASCII: BIND publishes its UTF-8 bytes as the name ({name}), which nobody looks up{detail}",
    ja: "'{written}' {howDetail}が、DNS の名前は ASCII です。BIND はその UTF-8 のバイト列を名前（{name}）として公開し、その名前が問い合わせられることはありません{detail}",
  }),
  originRepeated: defineCode('zone-origin-repeated', 'warning', 'RFC 1035 §5.1', {
    en: "'{written}' has no final dot, so the origin {origin} is added to it and it names {name}, with the origin twice: write '{intended}', with the final dot",
    ja: "'{written}' は末尾にドットがないため、後ろにオリジン {origin} が付け足され、オリジンが二重になった {name} という名前になります。末尾にドットを付けて '{intended}' と書いてください"
  }),
  txtUnquoted: defineCode('zone-txt-unquoted', 'warning', 'RFC 1035 §5.1, RFC 7208 §3.3', {
    en: 'This {kind} record is not in quotes{detail}. Put the whole record in double quotes',
    ja: 'この {kind} レコードは引用符で囲まれていません{detail}。レコード全体を半角の二重引用符で囲んでください',
  }),
} as const;

/** Localised fragments for `{detail}` arguments, by key. */
export const ZoneDetails: Record<string, { en: string; ja: string }> = {
  'idn-written': { en: 'is written in Unicode', ja: 'は Unicode で書かれています' },
  'idn-escaped': { en: "spells the UTF-8 of '{unicode}' in escapes", ja: "は '{unicode}' の UTF-8 をエスケープで書いたものです" },
  'idn-ascii': {
    en: ". Browsers and mail servers ask for '{ascii}' (its IDNA form): write that instead",
    ja: "。ブラウザーやメールサーバーが問い合わせるのは '{ascii}'（IDNA 形式）です。こちらを書いてください",
  },
  'idn-none': {
    en: '. Write the name in ASCII (an internationalized name in its IDNA form, xn--…)',
    ja: '。名前は ASCII で書いてください（国際化ドメイン名は IDNA 形式の xn--… で書きます）',
  },
  'unknown-directive': { en: "unknown directive '{directive}'", ja: "不明な指示 '{directive}'" },
  'missing-argument': { en: '{directive} needs an argument', ja: '{directive} には引数が必要です' },
  'extra-text': { en: 'unexpected text at the end of the line', ja: '行の終わりに余計な文字があります' },
  'directive-at-eof': {
    en: '{directive} ends the file without a line break after it; BIND refuses the zone (add one)',
    ja: 'ファイルの最後の {directive} の後に改行がありません。BIND はこのゾーンを読み込みません（改行を加えてください）',
  },
  'txt-unquoted-words': {
    en: ": each word is a string of its own, and receivers join the strings with nothing between them ('{joined}')",
    ja: "。単語ごとに別の文字列になり、受信側は間に何も入れずにつなげます（'{joined}'）",
  },
  'txt-unquoted-comment': {
    en: ", and ';' starts a comment in a zone file, so '{comment}' is not part of it: receivers read '{joined}'",
    ja: "。ゾーンファイルでは ';' からコメントになるため、'{comment}' はレコードに含まれず、受信側は '{joined}' と読みます",
  },
  'missing-type': { en: 'the record type is missing', ja: 'レコードの種類がありません' },
  'char-fullwidth-space': { en: 'A full-width space', ja: '全角スペース' },
  'char-no-break-space': { en: 'A no-break space', ja: 'ノーブレークスペース' },
  'char-typographic-space': { en: 'A typographic space', ja: '特殊な空白文字' },
  'char-invisible': { en: 'An invisible character', ja: '目に見えない文字' },
  'char-curly-quote': { en: 'A curly quotation mark', ja: '飾りの引用符' },
  'char-fullwidth-quote': { en: 'A full-width quotation mark', ja: '全角の引用符' },
  'char-fullwidth-paren': { en: 'A full-width parenthesis', ja: '全角の括弧' },
  'char-fullwidth-semicolon': { en: 'A full-width semicolon', ja: '全角のセミコロン' },
  'lookalike-fix-space': { en: 'Type a space or a tab instead', ja: '半角スペースかタブに直してください' },
  'lookalike-fix-invisible': { en: 'Delete it', ja: '削除してください' },
  'lookalike-fix-quote': { en: 'Type a straight double quote (") instead', ja: '半角の " に直してください' },
  'lookalike-fix-open': { en: 'Type ( instead', ja: '半角の ( に直してください' },
  'lookalike-fix-close': { en: 'Type ) instead', ja: '半角の ) に直してください' },
  'lookalike-fix-semicolon': { en: 'Type ; instead (a comment starts with it)', ja: '半角の ; に直してください（コメントはこの文字で始まります）' },
  'missing-rdata': { en: 'the record has no data', ja: 'レコードのデータがありません' },
  'no-owner': {
    en: 'the line starts with a blank but there is no previous owner name to reuse',
    ja: '行頭が空白ですが、引き継ぐ前の名前がありません',
  },
  'quoted-field': { en: 'this field cannot be a quoted string', ja: 'この欄は引用符で囲めません' },
  'class-mismatch': {
    en: "class {class} differs from the zone's class {zoneClass}",
    ja: 'クラス {class} がゾーンのクラス {zoneClass} と違います',
  },
  'bad-date': { en: '$DATE needs a time as YYYYMMDDHHMMSS', ja: '$DATE には YYYYMMDDHHMMSS 形式の時刻が必要です' },
  'generate-modifier': {
    en: "bad modifier; the form is ${offset[,width[,base]]} with base d, o, x, X, n or N",
    ja: '修飾子の誤り。${offset[,width[,base]]} の形で、base は d, o, x, X, n, N のいずれかです',
  },
  'generate-bad-range': {
    en: "invalid range '{range}'; the form is start-stop[/step] with 0 ≤ start ≤ stop",
    ja: "範囲 '{range}' が不正です。start-stop[/step] の形で 0 ≤ start ≤ stop です",
  },
  'generate-overflow': {
    en: 'offset {offset} added to the counter is out of range',
    ja: 'カウンターに加えるオフセット {offset} が範囲外です',
  },
  'generate-zone-budget': {
    en: 'not expanded: the $GENERATE directives of this zone would make more than {max} records together',
    ja: '展開しませんでした（このゾーンの $GENERATE で作られるレコードが合計 {max} 件を超えます）',
  },
  'generate-too-large': {
    en: 'the range makes {count} records; Zonelint expands at most {max}',
    ja: 'この範囲では {count} 件のレコードになります。Zonelint が展開するのは {max} 件までです',
  },
  'not-a-ttl': { en: "'{text}' is not a TTL (digits with optional units s, m, h, d, w)", ja: "'{text}' は TTL ではありません（数字と単位 s, m, h, d, w）" },
  'ttl-too-large': { en: "'{text}' is larger than 4294967295", ja: "'{text}' は 4294967295 より大きい値です" },
  'ttl-over-max': {
    en: '{ttl} is above the maximum TTL 2147483647 (RFC 2181 §8); BIND uses 0 instead',
    ja: '{ttl} は TTL の最大値 2147483647 を超えています（RFC 2181 §8）。BIND は代わりに 0 を使います',
  },
  'no-ttl': {
    en: 'no TTL is given and none is known yet ($TTL or an earlier TTL); BIND rejects the zone',
    ja: 'TTL が書かれておらず、既定の TTL（$TTL や前のレコードの TTL）もありません。BIND はゾーンを拒否します',
  },
  'soa-minimum-ttl': {
    en: 'no TTL is given; the SOA minimum {ttl} is used as the default TTL (add $TTL)',
    ja: 'TTL がないため、SOA の最小値 {ttl} を既定の TTL として使います（$TTL を書いてください）',
  },
  'empty-label': { en: 'empty label (two dots in a row, or a leading dot)', ja: '空のラベルがあります（ドットの連続や先頭のドット）' },
  'label-too-long': { en: 'a label is longer than 63 octets', ja: 'ラベルが 63 オクテットを超えています' },
  'name-too-long': { en: 'the name is longer than 255 octets', ja: '名前が 255 オクテットを超えています' },
  'bad-escape': { en: 'bad escape (\\DDD needs three digits, at most 255)', ja: 'エスケープの誤り（\\DDD は 255 以下の 3 桁の数字）' },
  'not-found': { en: 'does not exist or cannot be read', ja: 'が存在しないか読めません' },
  'include-disallowed': {
    en: 'was not read (includes are not allowed here, e.g. in an untrusted workspace)',
    ja: 'は読み込みませんでした（信頼されていないワークスペースなどで $INCLUDE が許可されていません）',
  },
  'include-too-deep': { en: 'is nested too deeply', ja: 'の入れ子が深すぎます' },
  'include-after-date': {
    en: '$INCLUDE may not be used after $DATE (BIND refuses the zone)',
    ja: '$DATE の後では $INCLUDE を使えません（BIND はこのゾーンを読み込みません）',
  },
  'singleton-type': {
    en: "'{owner}' already has a different {type} record; a name has only one {type}",
    ja: "'{owner}' には別の {type} レコードがすでにあります。{type} は 1 つの名前に 1 つしか置けません",
  },
  'nsec3-owner': {
    en: 'the first label of an NSEC3 owner must be a hashed name in base32hex (0-9, A-V) without padding',
    ja: 'NSEC3 レコードの名前の最初のラベルは、パディングなしの base32hex（0-9, A-V）で書いたハッシュ値でなければなりません',
  },
  'include-too-many': {
    en: 'was not read: this zone already read too many $INCLUDE files',
    ja: 'は読み込みませんでした（このゾーンで読み込む $INCLUDE ファイルが多すぎます）',
  },
  'cds-no-dnskey': {
    en: 'the apex has no DNSKEY with algorithm {algorithm}, so this {type} names a key the zone does not publish; BIND refuses the zone',
    ja: '頂点にアルゴリズム {algorithm} の DNSKEY がないため、この {type} はゾーンが公開していない鍵を指しています。BIND はゾーンを読み込みません',
  },
  'cds-delete-not-alone': {
    en: 'the {type} RRset holds the delete form, which must be its only record; BIND refuses the zone',
    ja: '{type} の中に削除用のレコードがあります。削除用のレコードは単独で置く必要があり、BIND はゾーンを読み込みません',
  },
  'ds-apex-glue': {
    en: "BIND reads this DS while the apex is still its current name ('{owner}' is an apex name server written right after the apex's records) and refuses the zone: \"DS record at top of zone\"; a DS belongs only at a delegation",
    ja: "BIND はこの DS を頂点のレコードの続きとして読み（'{owner}' は頂点のネームサーバーで、頂点のレコードの直後に書かれています）、「DS record at top of zone」としてゾーンを拒否します。DS は委任点にだけ置けます",
  },
  'too-many-tokens': {
    en: 'this line has more than {max} fields, far more than any record can hold; the rest of the line is skipped',
    ja: 'この行の項目が {max} 個を超えています。どのレコードにも収まらない数なので、この行の残りは読み飛ばします',
  },
  'close-without-open': { en: "')' without a matching '('", ja: "対応する '(' のない ')'" },
  'open-without-close': { en: "'(' is never closed", ja: "'(' が閉じられていません" },
};
