// The review's blameless-language settings (participant names, own terms, dismissed keys), one live store per doc.
import type * as Y from 'yjs';
import { LanguageRoot, PublishingRoot, readDismissals, readLanguageTerms, roots } from '@hindsight/doc';
import { reviewNames } from '@hindsight/report';

export interface LanguageSettings {
  names: string[];
  customTerms: { term: string; suggestion: string | null }[];
  /** Keys (`findingKey`) of dismissed findings, with their reason. */
  dismissed: Map<string, string>;
}

export interface LanguageStore {
  get(): LanguageSettings;
  subscribe(listener: () => void): () => void;
}

const stores = new WeakMap<Y.Doc, LanguageStore>();

/** The shared store of `doc`'s settings; names are re-read at most every 400 ms (they scan the timeline). */
export function languageStore(doc: Y.Doc): LanguageStore {
  const known = stores.get(doc);
  if (known) return known;
  const listeners = new Set<() => void>();
  const terms = doc.getMap(LanguageRoot.terms);
  const dismissals = doc.getMap(LanguageRoot.dismissals);
  const { timeline, actions, annotations } = roots(doc);
  const redactions = doc.getMap(PublishingRoot.redactions);
  let names = reviewNames(doc);
  const readRest = (): Omit<LanguageSettings, 'names'> => ({
    customTerms: readLanguageTerms(doc).map((t) => ({ term: t.term, suggestion: t.suggestion })),
    dismissed: new Map(readDismissals(doc).map((d) => [d.key, d.reason])),
  });
  let current: LanguageSettings = { names, ...readRest() };
  const emit = (): void => listeners.forEach((l) => l());
  const onSettings = (): void => {
    current = { names, ...readRest() };
    emit();
  };
  let timer: ReturnType<typeof setTimeout> | null = null;
  const onPeople = (): void => {
    timer ??= setTimeout(() => {
      timer = null;
      const next = reviewNames(doc);
      if (next.join('\n') === names.join('\n')) return;
      names = next;
      current = { ...current, names };
      emit();
    }, 400);
  };
  terms.observeDeep(onSettings);
  dismissals.observeDeep(onSettings);
  // Entries added or removed (not keystrokes inside them), owners, annotators and redacted names.
  timeline.observe(onPeople);
  actions.observeDeep(onPeople);
  annotations.observe(onPeople);
  redactions.observeDeep(onPeople);
  const store: LanguageStore = {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  stores.set(doc, store);
  return store;
}
