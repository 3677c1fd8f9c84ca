/**
 * The diagnostics reference page, rendered from the registry so it cannot drift:
 * one section per code (its anchor is the code), grouped by namespace.
 */
import { allCodes } from './registry';

const namespaces: ReadonlyArray<[prefix: string, title: string]> = [
  ['zone-', 'Zone files'],
  ['spf-', 'SPF'],
  ['dmarc-', 'DMARC'],
  ['dkim-', 'DKIM'],
  ['mtasts-', 'MTA-STS'],
  ['tlsrpt-', 'TLS-RPT'],
  ['bimi-', 'BIMI'],
  ['caa-', 'CAA'],
  ['tlsa-', 'DANE (TLSA)'],
];

export function renderDiagnosticsDoc(): string {
  const codes = [...allCodes.values()];
  const out: string[] = [
    '# Zonelint diagnostics',
    '',
    'Generated from the diagnostic registry (`npm run docs`). Every code can be given another',
    'severity or turned off with the `zonelint.rules` setting, e.g. `{"spf-ptr-deprecated": "off"}`.',
    '',
  ];
  const seen = new Set<string>();
  for (const [prefix, title] of namespaces) {
    const group = codes.filter((c) => c.code.startsWith(prefix)).sort((a, b) => a.code.localeCompare(b.code));
    if (group.length === 0) continue;
    out.push(`## ${title}`, '');
    for (const def of group) {
      seen.add(def.code);
      out.push(`### ${def.code}`, '');
      out.push(`- Default severity: ${def.severity}`);
      out.push(`- Standard: ${def.rfc}`);
      if (def.tags?.length) out.push(`- Tags: ${def.tags.join(', ')}`);
      out.push(`- Message: ${markdownText(def.message.en)}`);
      out.push(`- メッセージ: ${markdownText(def.message.ja)}`, '');
    }
  }
  const rest = codes.filter((c) => !seen.has(c.code));
  if (rest.length) throw new Error(`codes outside every documented namespace: ${rest.map((c) => c.code).join(', ')}`);
  return out.join('\n');
}

/**
 * A message as Markdown text: its `<account id>`, `*.example.com` and `_dmarc` shown as
 * written, not read as an HTML tag (which GitHub drops) or as emphasis.
 */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_<>[\]]/g, '\\$&');
}
