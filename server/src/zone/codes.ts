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
} as const;

/** Localised fragments for `{detail}` arguments, by key. */
export const ZoneDetails: Record<string, { en: string; ja: string }> = {};
