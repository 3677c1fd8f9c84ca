/**
 * The shapes of domain-level fixes: plain text edits by offset, titles in both
 * locales. The language server turns them into LSP code actions.
 */
import type { Problem } from '../diagnostics/types';
import type { Zone } from '../zone/ast';

export interface TextEditOffsets {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

export interface DomainFix {
  readonly title: { en: string; ja: string };
  readonly kind: 'quickfix' | 'refactor' | 'source';
  readonly edits: readonly TextEditOffsets[];
  readonly preferred?: boolean;
}

export interface FixInput {
  readonly text: string;
  readonly zone: Zone;
  readonly problem: Problem;
}
