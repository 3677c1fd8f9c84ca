/**
 * The CLI's own texts (help, usage errors) in English and Japanese. Diagnostic
 * messages come from the server's registry; these are the command's words around them.
 */
import type { Locale } from '../../server/src/diagnostics/types';
import { tidyJapanese } from '../../server/src/l10n/index';

export interface Localized {
  readonly en: string;
  readonly ja: string;
}

const HELP_EN = `zonelint {version} — lint BIND zone files and their SPF, DMARC and DKIM records

Usage:
  zonelint check [--origin NAME] [--format text|json|sarif|github] [--locale en|ja]
                 [--dns offline|live] [--dns-server HOST:PORT] [--allow-include DIR]...
                 [--rule CODE=LEVEL]... FILE|-...
  zonelint print [--origin NAME] [--allow-include DIR]... FILE|-
  zonelint spf --ip IP --sender ADDRESS [--helo NAME] [--zone FILE... [--origin NAME]]
               [--dns-server HOST:PORT] [--format text|json] [--locale en|ja]
  zonelint diagnose [--zone FILE... [--origin NAME]] [--dns-server HOST:PORT] [--ip IP]
                    [--format text|json] [--locale en|ja] MESSAGE_FILE|-
  zonelint --help | --version

check   Parse each zone and run every check. Text output: FILE:LINE:COL: SEVERITY CODE MESSAGE.
        Exit 0 when no error-severity diagnostic, 1 when there is one, 2 on usage or I/O errors.
        --dns defaults to offline: no query leaves the machine; names outside the zone are
        resolved from a bundled snapshot of well-known providers' records.
        $INCLUDE reads only inside the current folder, the zone's folder and each
        --allow-include DIR. - reads the zone from standard input (give --origin unless
        it starts with $ORIGIN or an absolute SOA owner). --rule CODE=LEVEL sets the level of
        a diagnostic code (error, warning, information, hint, or off to leave it out), as the
        editor's zonelint.rules setting does; the exit code follows the levels set.
print   The zone after all directives, one record per line: OWNER TTL CLASS TYPE RDATA,
        absolute names, as named-checkzone -D prints it.
spf     Evaluate SPF check_host() for a sending IP and sender (RFC 7208). Text output: the result
        word first, what it means for the mail, then each step of the evaluation.
diagnose  Read a bounce or message headers (- for standard input), evaluate the sender's SPF
        for its sending IP and say why it failed and what to change (Gmail's 5.7.26 and
        Outlook.com's 5.7.515 rejections). --ip gives the sending server's address when the
        message does not show it.
`;

const HELP_JA = `zonelint {version} — BIND のゾーンファイルと、その中の SPF・DMARC・DKIM レコードを検査します

使い方:
  zonelint check [--origin NAME] [--format text|json|sarif|github] [--locale en|ja]
                 [--dns offline|live] [--dns-server HOST:PORT] [--allow-include DIR]...
                 [--rule CODE=LEVEL]... FILE|-...
  zonelint print [--origin NAME] [--allow-include DIR]... FILE|-
  zonelint spf --ip IP --sender ADDRESS [--helo NAME] [--zone FILE... [--origin NAME]]
               [--dns-server HOST:PORT] [--format text|json] [--locale en|ja]
  zonelint diagnose [--zone FILE... [--origin NAME]] [--dns-server HOST:PORT] [--ip IP]
                    [--format text|json] [--locale en|ja] MESSAGE_FILE|-
  zonelint --help | --version

check   各ゾーンを読み込み、すべての検査を行います。テキスト出力の形式: FILE:LINE:COL: SEVERITY CODE MESSAGE
        終了コードは、エラーの診断がなければ 0、あれば 1、使い方の誤りや入出力エラーでは 2 です。
        --dns の既定は offline で、問い合わせは外部に出ません。ゾーン外の名前は、同梱の
        主要メール配信サービスのレコード情報から解決します。
        $INCLUDE で読み込めるのは、現在のフォルダー、ゾーンファイルのフォルダー、
        --allow-include で指定したフォルダーの中のファイルだけです。FILE に - を指定すると
        標準入力からゾーンを読みます（$ORIGIN か絶対名の SOA で始まらないときは --origin が必要です）。
        --rule CODE=LEVEL で診断コードごとの重大度（error、warning、information、hint、または
        off で除外）を指定します。エディターの zonelint.rules 設定と同じで、終了コードもこれに従います。
print   すべてのディレクティブを反映したゾーンを 1 行 1 レコード（OWNER TTL CLASS TYPE RDATA、
        絶対名）で出力します。named-checkzone -D と同じ形式です。
spf     送信元 IP アドレスと送信者について SPF の check_host() を評価します（RFC 7208）。テキスト出力は
        結果の語を先頭に、メールにとっての意味、評価の各段階の順です。
diagnose  バウンスメールやメールのヘッダー（- で標準入力）を読み、送信元 IP について送信者の
        SPF を評価して、失敗した理由と直し方を示します（Gmail の 5.7.26、Outlook.com の 5.7.515
        による拒否）。メールに送信元サーバーのアドレスが書かれていない場合は --ip で指定します。
`;

export const CliText = {
  help: { en: HELP_EN, ja: HELP_JA },
  badArguments: { en: '{detail}', ja: '引数が正しくありません（{detail}）' },
  unknownCommand: { en: "unknown command '{command}' (see zonelint --help)", ja: "'{command}' というコマンドはありません（zonelint --help を参照してください）" },
  oneOf: { en: '--{name} must be one of {allowed} (got {value})', ja: '--{name} には {allowed} のいずれかを指定してください（指定された値: {value}）' },
  originEmpty: { en: '--origin needs a domain name', ja: '--origin にはドメイン名を指定してください' },
  checkNeedsFile: { en: 'check needs at least one FILE', ja: 'check にはファイルを 1 つ以上指定してください' },
  ruleForm: {
    en: "--rule takes CODE=LEVEL, LEVEL one of {levels} (got '{value}')",
    ja: "--rule には CODE=LEVEL の形で指定してください。LEVEL は {levels} のいずれかです（指定された値: '{value}'）",
  },
  ruleUnknown: { en: "--rule: there is no diagnostic code '{code}' (docs/diagnostics.md lists them)", ja: "--rule: '{code}' という診断コードはありません（一覧は docs/diagnostics.md）" },
  ruleUnknownNear: { en: "--rule: there is no diagnostic code '{code}'; did you mean {near}?", ja: "--rule: '{code}' という診断コードはありません。{near} のことですか？" },
  stdinOnce: { en: 'standard input (-) can be given only once', ja: '標準入力（-）は 1 回だけ指定できます' },
  printNeedsFile: { en: 'print needs exactly one FILE', ja: 'print にはファイルを 1 つだけ指定してください' },
  noSuchFile: { en: '{file}: no such file', ja: '{file}: ファイルが見つかりません' },
  isDirectory: { en: '{file}: is a folder, not a zone file', ja: '{file}: フォルダーです。ゾーンファイルを指定してください' },
  cannotRead: { en: '{file}: {reason}', ja: '{file}: 読み込めません（{reason}）' },
  zoneUnreadable: { en: '{reason}', ja: 'ゾーンファイルを読み込めません（{reason}）' },
  cannotWrite: { en: 'cannot write the output: {reason}', ja: '出力を書き込めません（{reason}）' },
  internalError: { en: 'internal error: {stack}', ja: '内部エラー: {stack}' },
  spfUsage: {
    en: 'usage: zonelint spf --ip IP --sender ADDRESS [--helo NAME] [--zone FILE... [--origin NAME]] [--dns-server HOST:PORT] [--format text|json] [--locale en|ja]',
    ja: '使い方: zonelint spf --ip IP --sender ADDRESS [--helo NAME] [--zone FILE... [--origin NAME]] [--dns-server HOST:PORT] [--format text|json] [--locale en|ja]',
  },
  diagnoseUsage: {
    en: 'usage: zonelint diagnose [--zone FILE... [--origin NAME]] [--dns-server HOST:PORT] [--ip IP] [--format text|json] [--locale en|ja] MESSAGE_FILE|-',
    ja: '使い方: zonelint diagnose [--zone FILE... [--origin NAME]] [--dns-server HOST:PORT] [--ip IP] [--format text|json] [--locale en|ja] MESSAGE_FILE|-',
  },
  messageRequired: { en: 'a MESSAGE_FILE (or - for standard input) is required', ja: 'MESSAGE_FILE（標準入力なら -）を指定してください' },
  messageUnreadable: { en: 'cannot read {file}: {reason}', ja: '{file} を読み込めません（{reason}）' },
  ipRequired: { en: '--ip is required', ja: '--ip を指定してください' },
  ipInvalid: { en: "--ip: '{ip}' is not an IPv4 or IPv6 address", ja: "--ip: '{ip}' は IPv4 / IPv6 アドレスではありません" },
  senderRequired: {
    en: '--sender is required (use --sender "" for a null reverse-path)',
    ja: '--sender を指定してください（送信者が空のメールには --sender "" を使います）',
  },
  unexpectedArgument: { en: "unexpected argument '{arg}'", ja: "余分な引数 '{arg}' があります" },
  originNeedsZone: { en: '--origin applies to --zone files', ja: '--origin は --zone のファイルにだけ使えます' },
  formatTextJson: { en: '--format must be text or json (got {format})', ja: '--format には text か json を指定してください（指定された値: {format}）' },
  dnsServerInvalid: { en: "--dns-server: '{server}' is not HOST or HOST:PORT", ja: "--dns-server: '{server}' は HOST または HOST:PORT の形ではありません" },
  // `zonelint spf` text output: the labels, then what the result means for the mail.
  spfIp: { en: 'ip: {ip}', ja: 'IP アドレス: {ip}' },
  spfDomain: { en: 'domain: {domain}', ja: 'ドメイン: {domain}' },
  spfExplanation: { en: 'explanation: {explanation}', ja: '説明（exp=）: {explanation}' },
  spfLookups: {
    en: 'lookups: {lookups} (limit 10), void lookups: {voidLookups} (limit 2)',
    ja: 'DNS 参照: {lookups} 回（上限 10 回）、答えが空の参照: {voidLookups} 回（上限 2 回）',
  },
  spfTrace: { en: 'trace:', ja: '評価の経過:' },
  spfMeaningLabel: { en: 'meaning: {text}', ja: '意味: {text}' },
  spfNoteLabel: { en: 'note: {text}', ja: '注意: {text}' },
  spfMeaningPass: {
    en: '{ip} may send mail for {domain}: {term} in the SPF record of {where} authorises it.',
    ja: '{ip} は {domain} のメールを送信できます（{where} の SPF レコードの {term} で許可されています）。',
  },
  spfMeaningFail: {
    en: 'The SPF record of {where} forbids {ip} to send mail for {domain} ({term}). Receivers reject such mail or file it as spam, unless a DKIM signature of the domain passes.',
    ja: '{where} の SPF レコードは、{ip} が {domain} のメールを送ることを禁止しています（{term}）。ドメインの DKIM 署名が pass しない限り、受信側はこのメールを拒否するか迷惑メールとして扱います。',
  },
  spfMeaningSoftfail: {
    en: '{ip} is not authorised to send mail for {domain}: the SPF record of {where} asks receivers to accept such mail but treat it as suspect ({term}). Gmail shows spf=softfail and often files it as spam.',
    ja: '{ip} は {domain} のメール送信を許可されていません。{where} の SPF レコードは、受け取っても疑わしいメールとして扱うよう求めています（{term}）。Gmail では spf=softfail となり、迷惑メールに振り分けられることがよくあります。',
  },
  spfMeaningNeutral: {
    en: 'The SPF record of {where} neither authorises nor forbids {ip} ({term}): receivers treat the mail as not authenticated by SPF.',
    ja: '{where} の SPF レコードは {ip} を許可も禁止もしていません（{term}）。受信側は SPF で認証されていないメールとして扱います。',
  },
  spfMeaningNeutralDefault: {
    en: 'No term of the SPF record of {domain} matches {ip}, and the record has no "all": the result is neutral, and receivers treat the mail as not authenticated by SPF.',
    ja: '{domain} の SPF レコードには {ip} に一致する項目も all もないため、結果は neutral です。受信側は SPF で認証されていないメールとして扱います。',
  },
  spfMeaningNone: {
    en: '{domain} publishes no SPF record, so receivers cannot tell which servers may send its mail. Gmail rejects mail that neither SPF nor DKIM authenticates (550-5.7.26) or files it as spam.',
    ja: '{domain} は SPF レコードを公開していないため、受信側はどのサーバーがメールを送ってよいか判断できません。Gmail は SPF でも DKIM でも認証されないメールを拒否する（550-5.7.26）か、迷惑メールとして扱います。',
  },
  spfMeaningPermerror: {
    en: 'The SPF record of {domain} cannot be evaluated: {detail}. Receivers treat this as an error (Gmail shows spf=permerror): fix the record.',
    ja: '{domain} の SPF レコードを評価できません。理由: {detail}。受信側はエラーとして扱います（Gmail では spf=permerror）。レコードを直してください。',
  },
  spfMeaningTemperror: {
    en: 'The evaluation needed a DNS answer it could not get: {detail}. Receivers defer such mail and try again later.',
    ja: '評価に必要な DNS の答えが得られませんでした。理由: {detail}。受信側はこのメールの受け取りを保留し、あとで再試行します。',
  },
  spfMeaningOffline: {
    en: "The evaluation needed a name that neither the --zone files nor the bundled snapshot of providers' records hold: {detail}. Give its zone with --zone, or query a DNS server with --dns-server.",
    ja: '評価に必要な名前が、--zone のファイルにも、同梱の事業者レコードのスナップショットにもありません。理由: {detail}。その名前のゾーンを --zone で指定するか、--dns-server で DNS サーバーに問い合わせてください。',
  },
  spfRelayNote: {
    en: '{ip} is in {range}, a range of {provider}. Authorise the provider with {terms} rather than its addresses, which change; zonelint diagnose, given the bounce, says what to change.',
    ja: '{ip} は {provider} のアドレス範囲 {range} にあります。アドレスは変わることがあるため、アドレスではなく {terms} で事業者を許可してください。バウンスメールを zonelint diagnose に渡すと、直し方を示します。',
  },
  heloNeeded: {
    en: 'the sender has no @domain part, so the HELO name is checked: give --helo',
    ja: '送信者に @ドメイン の部分がないため HELO の名前を確認します。--helo を指定してください',
  },
} satisfies Record<string, Localized>;

export type CliTextKey = keyof typeof CliText;

/** A CLI text in `locale` with `{name}` placeholders filled. */
export function cliText(locale: Locale, key: CliTextKey, args: Record<string, string | number> = {}): string {
  const text = CliText[key][locale].replace(/\{(\w+)\}/g, (m, name: string) => (name in args ? String(args[name]) : m));
  return locale === 'ja' ? tidyJapanese(text) : text;
}

/**
 * The locale before the arguments are parsed (so that errors in them are localised):
 * `--locale X` or `--locale=X` when valid, else the environment's language.
 */
export function earlyLocale(argv: readonly string[], env: NodeJS.ProcessEnv): Locale {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === '--locale' ? argv[i + 1] : argv[i].startsWith('--locale=') ? argv[i].slice(9) : undefined;
    if (value === 'en' || value === 'ja') return value;
  }
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return lang.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
