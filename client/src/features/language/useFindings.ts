// The open blameless-language findings of one text of the review, recomputed as it is typed.
import { useMemo, useSyncExternalStore } from 'react';
import { checkBlameless, findingKey, type Finding } from '@hindsight/report';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useAfterFirstPaint } from '../../ui/useAfterFirstPaint.ts';
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

/** The review's language settings; `enabled: false` reads nothing yet (no scan of the review for names). */
export function useLanguageSettings(enabled = true): LanguageSettings {
  const { sync } = useReview();
  const store = enabled ? languageStore(sync.doc) : NOT_YET;
  return useSyncExternalStore(store.subscribe, store.get);
}

const NO_SETTINGS: LanguageSettings = { names: [], customTerms: [], dismissed: new Map() };
const NOT_YET = { get: () => NO_SETTINGS, subscribe: () => () => undefined };
const NO_FINDINGS: OpenFinding[] = [];

/** Findings in `text`, from the render after the field first painted (see useAfterFirstPaint). */
export function useFindings(textId: string, text: string): OpenFinding[] {
  const checking = useAfterFirstPaint();
  const settings = useLanguageSettings(checking);
  return useMemo(
    () => (checking ? findingsIn(text, textId, settings) : NO_FINDINGS),
    [checking, text, textId, settings],
  );
}
