/** What the hover features receive beyond the parse: the output format and a sync view of the DNS. */
import type { FeatureContext } from '../context';
import type { HoverFormat } from './markup';
import type { SyncTxt } from './txtSource';

export interface HoverContext extends FeatureContext {
  readonly format: HoverFormat;
  /** TXT answers from zone data and the snapshot, for the synchronous path. */
  readonly txt: SyncTxt;
  /** The provider's display name (in the context's locale) for an include target, when known. */
  readonly providerName?: (domain: string) => string | undefined;
}
