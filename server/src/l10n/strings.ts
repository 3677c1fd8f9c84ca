/** The editor-facing strings, by topic, each in English and Japanese. */
import type { Localized } from './index';

export const DirectiveDocs: Record<string, Localized> = {
  $ORIGIN: {
    en: 'Sets the origin: relative names and `@` below this line are taken relative to it (RFC 1035 §5.1).',
    ja: '起点（オリジン）を設定します。この行より下の相対名と `@` はこの名前を基準に解釈されます（RFC 1035 §5.1）。',
  },
  $TTL: {
    en: 'Sets the default TTL of the records that follow and give none (RFC 2308 §4).',
    ja: 'この後に続く、TTL を省略したレコードの既定の TTL を設定します（RFC 2308 §4）。',
  },
  $INCLUDE: {
    en: 'Reads another file here as if its lines were written in this one, optionally with its own origin (RFC 1035 §5.1).',
    ja: '別のファイルをこの位置に読み込みます。起点を指定することもできます（RFC 1035 §5.1）。',
  },
  $GENERATE: {
    en: 'BIND extension: creates a series of records from a template, `$` standing for each number of the range.',
    ja: 'BIND の拡張機能です。テンプレートから連番のレコードをまとめて作ります（`$` が各番号に置き換わります）。',
  },
  $DATE: {
    en: 'BIND extension: records the time the zone was dumped; ignored when loading.',
    ja: 'BIND の拡張機能です。ゾーンを書き出した日時を記録するもので、読み込み時には無視されます。',
  },
};

export const ClassDocs: Record<string, Localized> = {
  IN: { en: 'The Internet class: the one every public zone uses.', ja: 'インターネット・クラスです。公開ゾーンはすべてこれを使います。' },
  CH: { en: 'The Chaos class: used today only for server information such as `version.bind`.', ja: 'Chaos クラスです。現在は `version.bind` などのサーバー情報にだけ使われます。' },
  CHAOS: { en: 'The Chaos class: used today only for server information such as `version.bind`.', ja: 'Chaos クラスです。現在は `version.bind` などのサーバー情報にだけ使われます。' },
  HS: { en: 'The Hesiod class: historical, rarely seen.', ja: 'Hesiod クラスです。歴史的なもので、ほとんど使われません。' },
  HESIOD: { en: 'The Hesiod class: historical, rarely seen.', ja: 'Hesiod クラスです。歴史的なもので、ほとんど使われません。' },
  NONE: { en: 'The NONE class: used only in dynamic updates (RFC 2136).', ja: 'NONE クラスです。動的更新（RFC 2136）でだけ使われます。' },
  ANY: { en: 'The ANY class: used only in queries and dynamic updates.', ja: 'ANY クラスです。問い合わせと動的更新でだけ使われます。' },
};

export const Ui = {
  ttl: { en: 'TTL: how long resolvers may cache this record', ja: 'TTL: リゾルバーがこのレコードをキャッシュしてよい時間' },
  defaultTtl: { en: 'Default TTL', ja: '既定の TTL' },
  seconds: { en: '{n} seconds', ja: '{n} 秒' },
  recordType: { en: 'Record type', ja: 'レコード型' },
  typeCode: { en: 'type code {code}', ja: '型番号 {code}' },
  fields: { en: 'RDATA fields', ja: 'RDATA のフィールド' },
  specification: { en: 'Specification', ja: '仕様' },
  directive: { en: 'Directive', ja: 'ディレクティブ' },
  recordClass: { en: 'Class', ja: 'クラス' },
  inFile: { en: 'In {file}: {message}', ja: '{file} 内: {message}' },
  includedHere: { en: 'Found in the file included here', ja: 'ここで読み込んだファイル内の問題' },
  moreDiagnostics: {
    en: '{count} more problems are not shown (zonelint.diagnostics.maxPerFile is {max}); those near the last edit come first. `zonelint check` lists them all.',
    ja: 'ほかに {count} 件の問題があり、表示していません（zonelint.diagnostics.maxPerFile は {max}）。最後に編集した位置の近くの問題を優先して表示します。すべて見るには `zonelint check` を実行してください。',
  },
} as const;

/** Duration units for TTL hovers, singular and plural. */
export const DurationUnits: Record<'w' | 'd' | 'h' | 'm' | 's', { en: [string, string]; ja: string }> = {
  w: { en: ['week', 'weeks'], ja: '週間' },
  d: { en: ['day', 'days'], ja: '日' },
  h: { en: ['hour', 'hours'], ja: '時間' },
  m: { en: ['minute', 'minutes'], ja: '分' },
  s: { en: ['second', 'seconds'], ja: '秒' },
};
