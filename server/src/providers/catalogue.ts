/**
 * The email-provider catalogue: one entry per sending service, with the SPF terms
 * it needs (RFC 7208 §5.2 include, or the a/mx terms a host tells its customers to
 * publish), how the zone shows that a domain uses it, its relay ranges where
 * published, and where the entry's facts come from.
 *
 * `verified` is true only when the include was confirmed from the provider's own
 * documentation (the research is /work/shared/providers/provider-includes.tsv);
 * every other entry says "unverified" in its fix titles. Detection patterns are
 * host globs: `*` stands for one or more characters, dots included; names are
 * compared without the trailing dot, case-insensitively.
 */
import ipaddr from 'ipaddr.js';

export interface ProviderDetection {
  /** MX exchange hosts. */
  readonly mx?: readonly string[];
  /** CNAME targets of `<selector>._domainkey.<domain>`. */
  readonly dkim?: readonly string[];
  /** TXT texts (regular expressions, case-insensitive) at the domain or `_amazonses.<domain>`-style names. */
  readonly verification?: readonly string[];
}

export interface ProviderEntry {
  readonly id: string;
  readonly names: { readonly en: string; readonly ja: string };
  /**
   * SPF terms to add. `{mx}` stands for the matched MX host (Sakura's servers are
   * authorised by name): an entry with `{mx}` offers its terms only with MX evidence.
   */
  readonly spf: readonly string[];
  /** Other terms that authorise the same servers (older or regional names). */
  readonly accepts?: readonly string[];
  readonly detect: ProviderDetection;
  /** Published relay ranges (CIDR), for the bounce workflow. */
  readonly relays?: readonly string[];
  /** The provider's documentation (for unverified entries: where to check, not a confirmed page). */
  readonly docs: string;
  /** The day the entry was last checked against its sources (YYYY-MM-DD). */
  readonly checked: string;
  /** Confirmed from the provider's own documentation. */
  readonly verified: boolean;
  /** Why the entry is (un)verified, and caveats users should know. */
  readonly note: string;
}

const CHECKED = '2026-11-24';

export const PROVIDERS: readonly ProviderEntry[] = [
  {
    id: 'google-workspace',
    names: { en: 'Google Workspace', ja: 'Google Workspace' },
    spf: ['include:_spf.google.com'],
    detect: { mx: ['*.google.com', '*.googlemail.com'] },
    docs: 'https://support.google.com/a/answer/10685031',
    checked: CHECKED,
    verified: false,
    note: 'Value consistent across third-party guides (mailermonk, Mimecast) and 2017/2023 DNS snapshots; Google\'s own page not read here.',
  },
  {
    id: 'microsoft-365',
    names: { en: 'Microsoft 365', ja: 'Microsoft 365' },
    spf: ['include:spf.protection.outlook.com'],
    detect: {
      mx: ['*.mail.protection.outlook.com', '*.mx.microsoft'],
      dkim: ['*.onmicrosoft.com'],
      verification: ['^MS=ms\\d+$'],
    },
    docs: 'https://learn.microsoft.com/defender-office-365/email-authentication-spf-configure',
    checked: CHECKED,
    verified: false,
    note: 'Third-party guides and DNS snapshots only; sovereign clouds use other names.',
  },
  {
    id: 'amazon-ses',
    names: { en: 'Amazon SES', ja: 'Amazon SES' },
    spf: ['include:amazonses.com'],
    detect: { mx: ['feedback-smtp.*.amazonses.com', 'inbound-smtp.*.amazonaws.com'], dkim: ['*.dkim.amazonses.com'], verification: ['^amazonses:'] },
    docs: 'https://docs.aws.amazon.com/ses/',
    checked: CHECKED,
    verified: true,
    note: 'AWS re:Post answer quoting the SES docs. Needed only for a custom MAIL FROM domain.',
  },
  {
    id: 'sendgrid',
    names: { en: 'SendGrid (Twilio)', ja: 'SendGrid（Twilio）' },
    spf: ['include:sendgrid.net'],
    detect: { dkim: ['*.sendgrid.net'], verification: ['^sendgrid'] },
    docs: 'https://support.sendgrid.com/hc/en-us/articles/21415314709147',
    checked: CHECKED,
    verified: false,
    note: 'Include seen in DNS snapshots. With Automated Security the SPF lives on a delegated emNNNN CNAME, so the root include is often unnecessary.',
  },
  {
    id: 'mailgun',
    names: { en: 'Mailgun', ja: 'Mailgun' },
    spf: ['include:mailgun.org'],
    accepts: ['include:_spf.mailgun.org'],
    detect: { mx: ['mxa.mailgun.org', 'mxb.mailgun.org'], dkim: ['*.mailgun.org'] },
    docs: 'https://documentation.mailgun.com/docs/mailgun/user-manual/domains/domains-verify/',
    checked: CHECKED,
    verified: true,
    note: 'Mailgun documentation shows "v=spf1 include:mailgun.org ~all".',
  },
  {
    id: 'mailgun-eu',
    names: { en: 'Mailgun (EU)', ja: 'Mailgun（EU）' },
    spf: ['include:eu.mailgun.org'],
    accepts: ['include:_spf.eu.mailgun.org'],
    detect: { mx: ['mxa.eu.mailgun.org', 'mxb.eu.mailgun.org'], dkim: ['*.eu.mailgun.org'] },
    docs: 'https://documentation.mailgun.com/docs/mailgun/user-manual/domains/domains-verify/',
    checked: CHECKED,
    verified: false,
    note: 'EU region name (eu.mailgun.org / _spf.eu.mailgun.org) not confirmed from Mailgun documentation.',
  },
  {
    id: 'mailchimp',
    names: { en: 'Mailchimp', ja: 'Mailchimp' },
    spf: ['include:servers.mcsv.net'],
    detect: { dkim: ['dkim.mcsv.net', 'dkim*.mcsv.net'] },
    docs: 'https://mailchimp.com/help/',
    checked: CHECKED,
    verified: false,
    note: 'Include from DNS snapshots; Mailchimp authentication may no longer need it (DKIM CNAMEs k1._domainkey → dkim.mcsv.net).',
  },
  {
    id: 'mandrill',
    names: { en: 'Mandrill (Mailchimp Transactional)', ja: 'Mandrill（Mailchimp Transactional）' },
    spf: ['include:spf.mandrillapp.com'],
    detect: { dkim: ['dkim.mandrillapp.com', 'dkim*.mandrillapp.com'], verification: ['^mandrill_verify\\.'] },
    docs: 'https://mailchimp.com/developer/transactional/',
    checked: CHECKED,
    verified: false,
    note: 'Third-party guides only.',
  },
  ...(
    [
      ['zoho', 'zoho.com', 'Zoho Mail', 'Zoho Mail'],
      ['zoho-eu', 'zoho.eu', 'Zoho Mail (EU)', 'Zoho Mail（EU）'],
      ['zoho-jp', 'zoho.jp', 'Zoho Mail (Japan)', 'Zoho Mail（日本）'],
      ['zoho-in', 'zoho.in', 'Zoho Mail (India)', 'Zoho Mail（インド）'],
      ['zoho-au', 'zoho.com.au', 'Zoho Mail (Australia)', 'Zoho Mail（オーストラリア）'],
    ] as const
  ).map(
    ([id, domain, en, ja]): ProviderEntry => ({
      id,
      names: { en, ja },
      spf: [`include:${domain}`],
      detect: { mx: [`mx.${domain}`, `mx*.${domain}`], verification: id === 'zoho' ? ['^zoho-verification='] : [] },
      docs: 'https://www.zoho.com/mail/help/',
      checked: CHECKED,
      verified: false,
      note: 'Third-party guides, conflicting for the EU (zoho.eu vs zohomail.eu).',
    }),
  ),
  {
    id: 'postmark',
    names: { en: 'Postmark', ja: 'Postmark' },
    spf: ['include:spf.mtasv.net'],
    detect: { dkim: ['*.mtasv.net'] },
    docs: 'https://postmarkapp.com/support',
    checked: CHECKED,
    verified: false,
    note: 'Third-party guides; Postmark may not need the include with a custom Return-Path (pm-bounces CNAME).',
  },
  {
    id: 'sparkpost',
    names: { en: 'SparkPost (Bird)', ja: 'SparkPost（Bird）' },
    spf: ['include:sparkpostmail.com'],
    accepts: ['include:_spf.sparkpostmail.com'],
    detect: { dkim: ['*.sparkpostmail.com'] },
    docs: 'https://www.sparkpost.com/resources/email-explained/spf-sender-policy-framework/',
    checked: CHECKED,
    verified: true,
    note: 'SparkPost SPF explainer; the EU variant is not covered.',
  },
  {
    id: 'salesforce',
    names: { en: 'Salesforce', ja: 'Salesforce' },
    spf: ['include:_spf.salesforce.com'],
    detect: { dkim: ['*.salesforce.com'] },
    docs: 'https://help.salesforce.com/',
    checked: CHECKED,
    verified: false,
    note: 'Third-party articles only; the include nests several lookups.',
  },
  {
    id: 'fastmail',
    names: { en: 'Fastmail', ja: 'Fastmail' },
    spf: ['include:spf.messagingengine.com'],
    detect: { mx: ['*.messagingengine.com'], dkim: ['*.fmhosted.com', '*.messagingengine.com'] },
    docs: 'https://www.fastmail.help/',
    checked: CHECKED,
    verified: false,
    note: 'Third-party guides and Fastmail\'s own published record.',
  },
  {
    id: 'proton',
    names: { en: 'Proton Mail', ja: 'Proton Mail' },
    spf: ['include:_spf.protonmail.ch'],
    detect: { mx: ['mail.protonmail.ch', 'mailsec.protonmail.ch'], dkim: ['*.protonmail.ch', '*.proton.ch'], verification: ['^protonmail-verification='] },
    docs: 'https://proton.me/support/anti-spoofing-custom-domain',
    checked: CHECKED,
    verified: true,
    note: 'Proton support article.',
  },
  {
    id: 'zendesk',
    names: { en: 'Zendesk', ja: 'Zendesk' },
    spf: ['include:mail.zendesk.com'],
    detect: { dkim: ['*.zendesk.com'], verification: ['^zendeskverification='] },
    docs: 'https://support.zendesk.com/',
    checked: CHECKED,
    verified: false,
    note: 'Include seen in DNS snapshots only.',
  },
  {
    id: 'mimecast',
    names: { en: 'Mimecast', ja: 'Mimecast' },
    spf: ['include:_netblocks.mimecast.com'],
    detect: { mx: ['*.mimecast.com'] },
    docs: 'https://community.mimecast.com/',
    checked: CHECKED,
    verified: false,
    note: 'Global name; regional variants exist (EU, US, ZA, AU…) and the global one nests about six lookups.',
  },
  {
    id: 'brevo',
    names: { en: 'Brevo (Sendinblue)', ja: 'Brevo（旧 Sendinblue）' },
    spf: ['include:spf.brevo.com'],
    accepts: ['include:spf.sendinblue.com', 'include:sendinblue.com'],
    detect: { dkim: ['*.brevo.com', '*.sendinblue.com'], verification: ['^brevo-code:', '^sendinblue-code:'] },
    docs: 'https://help.brevo.com/',
    checked: CHECKED,
    verified: false,
    note: 'Blog sources only (spf.brevo.com; older spf.sendinblue.com).',
  },
  {
    id: 'mailjet',
    names: { en: 'Mailjet', ja: 'Mailjet' },
    spf: ['include:spf.mailjet.com'],
    detect: { verification: ['^mailjet_'] },
    docs: 'https://documentation.mailjet.com/',
    checked: CHECKED,
    verified: false,
    note: 'Blog sources only.',
  },
  {
    id: 'xserver',
    names: { en: 'Xserver', ja: 'エックスサーバー' },
    spf: ['include:spf.sender.xserver.jp'],
    detect: { mx: ['sv*.xserver.jp'] },
    docs: 'https://www.xserver.ne.jp/manual/',
    checked: CHECKED,
    verified: false,
    note: 'No official page found; the include is common in published zones ("+a:svNNNN.xserver.jp … include:spf.sender.xserver.jp").',
  },
  {
    id: 'mailchannels',
    names: { en: 'MailChannels relay (mixhost and others)', ja: 'MailChannels リレー（mixhost ほか）' },
    spf: ['include:relay.mailchannels.net'],
    detect: { mx: ['*.mailchannels.net'] },
    relays: ['23.83.208.0/20'],
    docs: 'https://docs.mailchannels.com/email-api/spf-dkim-dmarc',
    checked: CHECKED,
    verified: true,
    note: 'MailChannels documentation. Relays send from 23.83.208.0/20.',
  },
  {
    id: 'heteml',
    names: { en: 'heteml', ja: 'ヘテムル' },
    spf: ['include:_spf.heteml.jp'],
    detect: { mx: ['*.heteml.jp', '*.heteml.net'] },
    docs: 'https://support.heteml.jp/hc/ja/articles/360041679414',
    checked: CHECKED,
    verified: true,
    note: 'heteml support article.',
  },
  {
    id: 'sakura',
    names: { en: 'Sakura Internet rental server', ja: 'さくらのレンタルサーバ' },
    spf: ['a:{mx}', 'mx'],
    detect: { mx: ['www*.sakura.ne.jp', '*.sakura.ne.jp'] },
    docs: 'https://help.sakura.ad.jp/',
    checked: CHECKED,
    verified: true,
    note: 'Sakura help shows "v=spf1 a:wwwNNN.sakura.ne.jp mx ~all"; _spf.sakura.ne.jp (community configs) is not used.',
  },
  {
    id: 'haihaimail',
    names: { en: 'Haihai Mail', ja: '配配メール' },
    spf: ['include:spf.haihaimail.jp'],
    detect: {},
    docs: 'https://support.haihaimail.jp/arrivalimprovement/spfset',
    checked: CHECKED,
    verified: true,
    note: 'Haihai Mail support page.',
  },
];

const byId = new Map(PROVIDERS.map((p) => [p.id, p]));

export function providerById(id: string): ProviderEntry | undefined {
  return byId.get(id);
}

const globCache = new Map<string, RegExp>();

/** Whether a host (with or without the trailing dot) matches a catalogue glob. */
export function hostMatches(glob: string, host: string): boolean {
  let re = globCache.get(glob);
  if (!re) {
    const source = glob
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+');
    re = new RegExp(`^${source}$`, 'i');
    globCache.set(glob, re);
  }
  return re.test(host.endsWith('.') ? host.slice(0, -1) : host);
}

/** The SPF terms of an entry, `{mx}` filled from the MX host that showed it (undefined: cannot be filled). */
export function providerTerms(entry: ProviderEntry, mxHost?: string): string[] | undefined {
  const host = mxHost?.replace(/\.$/, '');
  if (entry.spf.some((t) => t.includes('{mx}')) && !host) return undefined;
  return entry.spf.map((t) => t.replace('{mx}', host ?? ''));
}

/** The catalogued providers whose published relay ranges hold `address` (for the bounce workflow). */
export function providersForRelay(address: string): ProviderEntry[] {
  if (!ipaddr.isValid(address)) return [];
  const ip = ipaddr.process(address);
  return PROVIDERS.filter((p) =>
    (p.relays ?? []).some((cidr) => {
      const [net, bits] = ipaddr.parseCIDR(cidr);
      return net.kind() === ip.kind() && ip.match(net, bits);
    }),
  );
}
