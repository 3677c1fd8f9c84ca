/**
 * "Increment SOA Serial": the edit on the document's SOA serial (serial/), in the style
 * the `serial.format` setting names or the current value shows, with a warning when
 * the bump needs a look (RFC 1982 wrap, a date serial already in the future).
 */
import type { TextEdit } from 'vscode-languageserver';
import { bumpSerialEdit, SerialWarningMessages } from '../serial';
import type { SerialFormat } from '../settings';
import type { FeatureContext } from './context';
import { toRange } from './spans';

export interface SerialBump {
  readonly edit: TextEdit;
  readonly serial: string;
  readonly warning?: string;
}

export function incrementSerial(ctx: FeatureContext, format: SerialFormat, now: Date): SerialBump | undefined {
  const bump = bumpSerialEdit(ctx.document.getText(), ctx.zone, now, format);
  if (!bump) return undefined;
  const edit = { range: toRange(ctx.document, bump), newText: bump.newText };
  return bump.warning ? { edit, serial: bump.newText, warning: SerialWarningMessages[bump.warning][ctx.locale] } : { edit, serial: bump.newText };
}
