/**
 * Links to the standards: `rfcLink(7208, '5.2')` → the RFC Editor's page at that section,
 * and the label it is shown with (`RFC 7208 §5.2`).
 */

export interface RfcRef {
  readonly rfc: number;
  /** Section number (`5.2`), or undefined for the whole document. */
  readonly section?: string;
}

export function rfcUrl(ref: RfcRef): string {
  const base = `https://www.rfc-editor.org/rfc/rfc${ref.rfc}`;
  return ref.section === undefined ? base : `${base}#section-${ref.section}`;
}

export function rfcLabel(ref: RfcRef): string {
  return ref.section === undefined ? `RFC ${ref.rfc}` : `RFC ${ref.rfc} §${ref.section}`;
}

/** `RFC 1035 §3.3.9, RFC 5321 §5` → the references it names (for the RR-type table's strings). */
export function parseRfcRefs(text: string): RfcRef[] {
  return [...text.matchAll(/RFC\s*(\d+)(?:\s*§\s*([\d.]*\d))?/g)].map((m) =>
    m[2] === undefined ? { rfc: Number(m[1]) } : { rfc: Number(m[1]), section: m[2] },
  );
}
