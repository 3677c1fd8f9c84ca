/**
 * What a pasted message says about one delivery: the sending IP, the MAIL FROM and
 * HELO identities, and the receiver's own SPF/DKIM/DMARC verdicts. Reads the
 * Authentication-Results family, Received-SPF, Received, Return-Path, Gmail's
 * `550-5.7.26` (or `421-4.7.26`) reply text and Outlook.com's `550 5.7.515` (as quoted in
 * a DSN's Diagnostic-Code or an MTA's prose).
 */
import { isIpAddress } from '../spf/evaluate';
import { parseTagList } from '../dkim/taglist';
import { headerFields, ipInComment, parseAuthResults, parseReceivedSpf, receivedFromIp, type AuthResults } from './headers';

export type MessageForm = 'authentication-results' | 'arc-authentication-results' | 'received-spf' | 'received' | 'gmail-bounce' | 'outlook-bounce';

export interface ReceiverVerdicts {
  /** The receiver that wrote them (authserv-id, or `gmail` for a bounce). */
  readonly authserv?: string;
  readonly spf?: string;
  readonly dkim?: string;
  readonly dmarc?: string;
  /** Reply code of a rejection, e.g. `550 5.7.26`, or of a deferral (`421 4.7.26`). */
  readonly reply?: string;
}

export interface MessageFacts {
  readonly ip?: string;
  /** The MAIL FROM address or domain as the receiver reported it. */
  readonly mailFrom?: string;
  readonly helo?: string;
  /** The RFC 5322 From domain (DMARC's identifier). */
  readonly headerFrom?: string;
  readonly receiver: ReceiverVerdicts;
  /**
   * The MailChannels account the message was relayed for (its `X-MailChannels-Auth-Id`
   * header): what the domain's Domain Lockdown record lists in `auth=`.
   */
  readonly mailchannelsAuthId?: string;
  /**
   * The DKIM signatures the message shows (Authentication-Results' header.d and header.s, or
   * its own DKIM-Signature fields), with what the receiver said of each when it did.
   */
  readonly signatures: readonly DkimSignature[];
  /** Which forms were recognised, in the order found. */
  readonly forms: readonly MessageForm[];
}

export interface DkimSignature {
  /** `d=`: the signing domain, lower-cased. */
  readonly domain: string;
  /** `s=`: the selector, naming the key at `<selector>._domainkey.<domain>`. */
  readonly selector: string;
  /** The receiver's verdict on this signature (`pass`, `fail`, …), when it gave one. */
  readonly result?: string;
}

const GMAIL_AUTH_REPLY = /\b([45]\d\d)[- ]([45]\.7\.(?:2[6-9]|3[0-2]|40))\b/;

/**
 * Gmail's reply for unauthenticated mail with the `550-5.7.26 ` continuations taken out and
 * lines joined: a refusal (5xx), or a deferral (`421-4.7.26 This mail has been rate limited
 * because it is unauthenticated`, 4xx), which the sending server retries and, when it keeps
 * coming, turns into a bounce or a delay warning quoting it. Gmail's codes for these are
 * 4.7.26-4.7.32 and 4.7.40 (5.7.x when refused).
 */
function gmailReply(text: string): string | undefined {
  if (!GMAIL_AUTH_REPLY.test(text)) return undefined;
  const joined = text.replace(/\r?\n[ \t]*/g, ' ').replace(/\b[45]\d\d[- ][45]\.7\.\d{1,3}[ \t]*/g, ' ');
  return joined.replace(/\s+/g, ' ');
}

const OUTLOOK_REPLY = /\b(5\d\d)[- ;]+(5\.7\.515)\b/;

/**
 * Outlook.com's rejection of mail that misses its requirements for senders of much mail
 * (Microsoft's NDR article: "550 5.7.515 Access denied, sending domain <domain> does not
 * meet the required authentication level."), with the 5322.From domain it names and the
 * verdicts some NDRs add after it (`Spf=Pass, Dkim=Fail, DMARC=Pass`).
 */
function outlookReply(text: string): { reply: string; domain?: string; spf?: string; dkim?: string; dmarc?: string } | undefined {
  const code = OUTLOOK_REPLY.exec(text);
  if (!code) return undefined;
  // The reply and what follows it: the verdicts of other fields (a returned message's own
  // Authentication-Results) are not Outlook.com's.
  const joined = text.slice(code.index, code.index + 600).replace(/\s+/g, ' ');
  const domain = /sending domain \[?<?([A-Za-z0-9_.-]+?)\.?>?\]? (?:does not|doesn't) meet the required authentication level/i.exec(joined)?.[1];
  const verdict = (name: string) => new RegExp(`\\b${name}=([A-Za-z]+)`, 'i').exec(joined)?.[1].toLowerCase();
  const [spf, dkim, dmarc] = [verdict('spf'), verdict('dkim'), verdict('dmarc')];
  return {
    reply: `${code[1]} ${code[2]}`,
    ...(domain && domain.includes('.') ? { domain: domain.toLowerCase() } : {}),
    ...(spf ? { spf } : {}),
    ...(dkim ? { dkim } : {}),
    ...(dmarc ? { dmarc } : {}),
  };
}

/**
 * A delivery report (a bounce): the copy of the message it returns shows how the message
 * was submitted, not the server the receiver saw, so its Received fields name no sender.
 * `quotesReply`: the text quotes Gmail's or Outlook.com's reply to the message.
 */
function isBounce(text: string, quotesReply: boolean): boolean {
  return (
    quotesReply ||
    /^(?:Diagnostic-Code|Final-Recipient|Reporting-MTA):/im.test(text) ||
    /report-type=["']?delivery-status/i.test(text) ||
    /^Subject:\s*(?:Mail delivery failed|Undeliver(?:ed|able)|Delivery Status Notification|Returned mail)/im.test(text)
  );
}

/** The address of a From field: inside angle brackets, else the first bare one. */
function addressIn(value: string): string | undefined {
  const m = /<([^>]+@[^>]+)>|([^\s<>"]+@[^\s<>"]+)/.exec(value);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * The length of the header block a text starts with (up to and with the empty line after
 * it); 0 when it does not start with a header field. Continuation lines belong to it.
 */
function ownHeaderBlock(text: string): number {
  if (!/^[A-Za-z0-9-]+:/.test(text)) return 0;
  const end = /\r?\n\r?\n/.exec(text);
  return end ? end.index + end[0].length : text.length;
}

/** The senders of delivery reports (RFC 3464 reports come from the MTA, not a person). */
const DSN_SENDER = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;

function domainOf(addressOrDomain: string): string {
  const s = addressOrDomain.replace(/^<|>$/g, '').trim();
  return s.includes('@') ? s.slice(s.lastIndexOf('@') + 1) : s;
}

function cleanIp(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const ip = s.trim().replace(/^\[|\]$/g, '').replace(/^IPv6:/i, '');
  return isIpAddress(ip) ? ip : undefined;
}

/** Private, loopback and link-local addresses are hops inside a network, not the sender. */
function isInternal(ip: string): boolean {
  return /^(10\.|127\.|192\.168\.|169\.254\.|172\.(1[6-9]|2[0-9]|3[01])\.|::1$|f[cd]|fe80:)/i.test(ip);
}

export function extractFacts(text: string): MessageFacts {
  const forms: MessageForm[] = [];
  const note = (f: MessageForm) => {
    if (!forms.includes(f)) forms.push(f);
  };
  let ip: string | undefined;
  let mailFrom: string | undefined;
  let helo: string | undefined;
  let headerFrom: string | undefined;
  const receiver: { authserv?: string; spf?: string; dkim?: string; dmarc?: string; reply?: string } = {};
  // A delivery report's own header block (a bounce pasted whole, as its mailbox shows it) is
  // about the report: its Authentication-Results judge the report's delivery, its From is
  // the reporting MTA. The message it is about is read from the rest: the reply quoted in
  // the report, and the returned copy.
  const bounce = gmailReply(text);
  const outlook = outlookReply(text);
  const returned = isBounce(text, bounce !== undefined || outlook !== undefined);
  const fields = headerFields(returned ? text.slice(ownHeaderBlock(text)) : text);
  const signatures: DkimSignature[] = [];
  const sign = (domain: string | undefined, selector: string | undefined, result?: string) => {
    const d = domain?.replace(/^@|\.$/g, '').toLowerCase();
    const s = selector?.trim();
    // A selector is labels of a name (RFC 6376 §3.1); anything else names no key.
    if (!d || !s || !/^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/.test(s) || !/^[a-z0-9_-]+(?:\.[a-z0-9_-]+)+$/.test(d)) return;
    const known = signatures.findIndex((x) => x.domain === d && x.selector === s);
    if (known < 0) signatures.push({ domain: d, selector: s, ...(result ? { result } : {}) });
    else if (result && signatures[known].result === undefined) signatures[known] = { ...signatures[known], result };
  };

  // The first field of each kind is the one the final receiver added (fields are prepended).
  const takeResults = (ar: AuthResults) => {
    // No authserv-id: Microsoft's receivers, known by their own `compauth` result.
    const authserv = ar.authservId ?? (ar.results.some((r) => r.method === 'compauth') ? 'outlook.com' : undefined);
    if (authserv !== undefined) receiver.authserv ??= authserv;
    for (const r of ar.results) {
      if (r.method === 'spf' && receiver.spf === undefined) {
        receiver.spf = r.result;
        mailFrom ??= r.props['smtp.mailfrom'];
        helo ??= r.props['smtp.helo'];
        for (const c of r.comments) ip ??= cleanIp(ipInComment(c));
      }
      if (r.method === 'dkim') {
        receiver.dkim = receiver.dkim === 'pass' ? 'pass' : r.result;
        const i = r.props['header.i'];
        sign(r.props['header.d'] ?? (i?.includes('@') ? domainOf(i) : undefined), r.props['header.s'], r.result);
      }
      if (r.method === 'dmarc' && receiver.dmarc === undefined) {
        receiver.dmarc = r.result;
        headerFrom ??= r.props['header.from'];
      }
      if (r.method === 'iprev') ip ??= cleanIp(r.props['policy.iprev'] ?? r.props['smtp.remote-ip']);
      headerFrom ??= r.props['header.from'];
    }
  };
  for (const arc of [false, true]) {
    for (const f of fields.filter((x) => x.name === (arc ? 'arc-authentication-results' : 'authentication-results'))) {
      const ar = parseAuthResults(f.value, arc);
      if (!ar || ar.results.length === 0) continue;
      note(arc ? 'arc-authentication-results' : 'authentication-results');
      takeResults(ar);
    }
  }
  for (const f of fields.filter((x) => x.name === 'received-spf')) {
    const spf = parseReceivedSpf(f.value);
    if (!spf) continue;
    note('received-spf');
    receiver.spf ??= spf.result;
    if (spf.pairs['receiver']) receiver.authserv ??= spf.pairs['receiver'];
    ip ??= cleanIp(spf.pairs['client-ip']) ?? cleanIp(spf.comment && ipInComment(spf.comment));
    mailFrom ??= spf.pairs['envelope-from'];
    helo ??= spf.pairs['helo'];
  }
  if (bounce) {
    const spf =
      /SPF check for \[([^\]\s]+)\]\s*did not pass with ip:\s*\[([^\]\s]+)\]/i.exec(bounce) ??
      /SPF \[([^\]\s]+)\] with ip:\s*\[([^\]\s]+)\]\s*=\s*did not pass/i.exec(bounce);
    const dmarc = /Unauthenticated email from (\S+?) is not accepted due to domain's DMARC policy/i.exec(bounce);
    if (spf || dmarc || /unauthenticated|authentication/i.test(bounce)) {
      note('gmail-bounce');
      receiver.authserv ??= 'gmail';
      receiver.reply = GMAIL_AUTH_REPLY.exec(text)?.slice(1).join(' ');
      if (spf) {
        receiver.spf ??= 'did-not-pass';
        mailFrom ??= spf[1];
        ip ??= cleanIp(spf[2]);
      }
      if (/DKIM (checks )?(=\s*)?did not pass/i.test(bounce)) receiver.dkim ??= 'did-not-pass';
      if (dmarc) {
        receiver.dmarc ??= 'fail';
        headerFrom ??= dmarc[1];
      }
    }
  }
  if (outlook) {
    note('outlook-bounce');
    receiver.authserv ??= 'outlook.com';
    receiver.reply ??= outlook.reply;
    if (outlook.spf) receiver.spf ??= outlook.spf;
    if (outlook.dkim) receiver.dkim ??= outlook.dkim;
    if (outlook.dmarc) receiver.dmarc ??= outlook.dmarc;
    headerFrom ??= outlook.domain;
  }
  for (const f of fields.filter((x) => x.name === 'received')) {
    if (returned) break;
    const got = receivedFromIp(f.value);
    const addr = cleanIp(got?.ip);
    if (!addr || isInternal(addr)) continue;
    note('received');
    if (ip === undefined) {
      ip = addr;
      helo ??= got?.helo;
    }
    break;
  }
  // The message's own signatures: what the receivers above did not name, without a verdict.
  for (const f of fields.filter((x) => x.name === 'dkim-signature')) {
    const tags = parseTagList(f.value.replace(/\r?\n[ \t]*/g, ' ')).byName;
    sign(tags.get('d')?.value, tags.get('s')?.value);
  }
  const returnPath = fields.find((x) => x.name === 'return-path')?.value;
  if (returnPath && /@/.test(returnPath)) mailFrom ??= returnPath.replace(/^<|>$/g, '').trim();
  const postfixSender = fields.find((x) => x.name === 'x-postfix-sender')?.value;
  if (postfixSender) mailFrom ??= postfixSender.replace(/^rfc822;\s*/i, '').trim();
  const authId = fields.find((x) => x.name === 'x-mailchannels-auth-id')?.value.trim();
  const mailchannelsAuthId = authId !== undefined && /^[A-Za-z0-9._-]{1,100}$/.test(authId) ? authId : undefined;
  // A delivery report's own From is the system that reports (MAILER-DAEMON): the sender's
  // From is the returned copy's, when the report includes it (a report forwarded inside
  // another message has its own From after that message's header block).
  const fromAddresses = fields.filter((x) => x.name === 'from').map((x) => addressIn(x.value));
  const fromAddress = returned ? fromAddresses.find((a) => a !== undefined && !DSN_SENDER.test(a)) : fromAddresses[0];
  if (fromAddress) headerFrom ??= domainOf(fromAddress);
  // Outlook.com names the From domain only: SPF is checked for it when nothing names MAIL FROM.
  if (outlook?.domain) mailFrom ??= outlook.domain;
  return {
    ...(ip !== undefined ? { ip } : {}),
    ...(mailFrom ? { mailFrom } : {}),
    ...(helo ? { helo } : {}),
    ...(headerFrom ? { headerFrom: domainOf(headerFrom) } : {}),
    receiver,
    ...(mailchannelsAuthId ? { mailchannelsAuthId } : {}),
    signatures,
    forms,
  };
}

/** The domain SPF is checked for: MAIL FROM's, else the HELO name (RFC 7208 §2.3, §2.4). */
export function spfDomainOf(facts: MessageFacts): { domain: string; sender: string } | undefined {
  if (facts.mailFrom) {
    const address = facts.mailFrom.replace(/^<|>$/g, '').trim();
    const domain = domainOf(address);
    if (domain) return { domain, sender: address.includes('@') ? address : `postmaster@${domain}` };
  }
  if (facts.helo && !isIpAddress(facts.helo.replace(/^\[|\]$/g, ''))) return { domain: facts.helo, sender: `postmaster@${facts.helo}` };
  return undefined;
}
