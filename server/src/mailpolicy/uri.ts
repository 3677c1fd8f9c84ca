/**
 * Judging report and logo URIs: mailto: (RFC 6068) and https: (RFC 9110 §4.2.2)
 * with a fully qualified host, as TLS-RPT (RFC 8460 §3) and BIMI ask.
 */
import { mailtoHost } from '../dmarc/parse';

export type UriProblem = 'empty' | 'malformed' | 'scheme' | 'mailto' | 'host';

export function judgeUri(uri: string, schemes: readonly ('mailto' | 'https')[]): UriProblem | undefined {
  if (uri === '') return 'empty';
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(uri);
  if (!m || /[\s<>"]/.test(uri)) return 'malformed';
  const scheme = m[1].toLowerCase();
  if (scheme !== 'mailto' && scheme !== 'https') return 'scheme';
  if (!(schemes as readonly string[]).includes(scheme)) return 'scheme';
  if (scheme === 'mailto') return mailtoHost(uri) === undefined ? 'mailto' : undefined;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'malformed';
  }
  return /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+\.?$/.test(url.hostname) ? undefined : 'host';
}
