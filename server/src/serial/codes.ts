/**
 * Diagnostic codes of the SOA serial as an edit session sees it (serial/unchanged.ts): not a
 * check of one text, so not among the zone semantics, whose fixtures are texts.
 */
import { defineCode } from '../diagnostics/types';

export const SerialCodes = {
  serialUnchanged: defineCode('zone-serial-unchanged', 'warning', 'RFC 1034 §4.3.5; RFC 1996 §2.2', {
    en: 'The records changed since this file was opened, and it was saved with the SOA serial still {serial}: secondary servers compare serials and keep serving the old records (BIND logs "zone serial unchanged"). Increment the serial',
    ja: 'このファイルを開いてからレコードが変わりましたが、SOA のシリアル番号が {serial} のまま保存されました。セカンダリサーバーはシリアル番号を比べるため、古いレコードを配信し続けます（BIND は「zone serial unchanged」と記録します）。シリアル番号を増やしてください',
  }),
} as const;
