// The open blameless-language findings of one text of the review, recomputed as it is typed.
import { useMemo, useSyncExternalStore } from 'react';
import { checkBlameless, findingKey, type Finding } from '@hindsight/report';
import { useReview } from '../../sync/ReviewContext.tsx';
import { languageStore, type LanguageSettings } from './languageStore.ts';

export interface OpenFinding extends Finding {
  /** The text's id (`entry:<id>:summary`, `why:<id>`, …). */
  textId: string;
  /** Key for dismissFinding. */
  key: string;
}

/** Findings in `text` (not dismissed), with their dismissal keys. */
export function findingsIn(text: string, textId: string, settings: LanguageSettings): OpenFinding[] {
  return checkBlameless(text, { names: settings.names, customTerms: settings.customTerms })
    .map((f) => ({ ...f, textId, key: findingKey(textId, f) }))
    .filter((f) => !settings.dismissed.has(f.key));
}

export function useLanguageSettings(): LanguageSettings {
  const { sync } = useReview();
  const store = languageStore(sync.doc);
  return useSyncExternalStore(store.subscribe, store.get);
}

export function useFindings(textId: string, text: string): OpenFinding[] {
  const settings = useLanguageSettings();
  return useMemo(() => findingsIn(text, textId, settings), [text, textId, settings]);
}
