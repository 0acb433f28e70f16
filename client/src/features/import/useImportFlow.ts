// The import dialog's state: the source and settings, parsing with progress, the preview's selection, applying.
import { useCallback, useMemo, useRef, useState } from 'react';
import { recordPeople } from '@hindsight/doc';
import {
  alreadyImported,
  importDefaults,
  incidentClockOf,
  type Candidate,
  type Progress,
  type SourceFile,
} from '@hindsight/importers';
import { useReview } from '../../sync/ReviewContext.tsx';
import { applyInBatches, type BatchResult } from './applyInBatches.ts';
import { looksLikeSlack, readFiles } from './readFiles.ts';
import { runParse, type ParseOutcome, type ParseSettings } from './runParse.ts';
import { detectKind } from './sourceKinds.ts';

export type Stage = 'source' | 'parsing' | 'preview' | 'applying' | 'done';

export function useImportFlow() {
  const { sync, ctx } = useReview();
  const defaults = useMemo(() => importDefaults(sync.doc), [sync.doc]);
  const [stage, setStage] = useState<Stage>('source');
  const [text, setText] = useState('');
  const [files, setFiles] = useState<SourceFile[]>([]);
  const [settings, setSettings] = useState<ParseSettings>({
    kind: 'table',
    timeZone: defaults.timeZone,
    // Empty: dateless times land nearest the incident (resolveBareTime); a chosen date overrides.
    date: '',
    channel: '',
    logFilter: { contains: '', regex: '', minLevel: '' },
  });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<ParseOutcome | null>(null);
  const [present, setPresent] = useState<Set<string>>(new Set());
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<BatchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const paste = useCallback((value: string) => {
    setText(value);
    setFiles([]);
    if (value.trim()) setSettings((s) => ({ ...s, kind: detectKind(value) }));
  }, []);

  const addFiles = useCallback(async (list: readonly File[]) => {
    setError(null);
    try {
      const read = await readFiles(list);
      setFiles(read);
      setText('');
      const kind = looksLikeSlack(read) ? 'slack' : detectKind(read[0]?.text ?? '', read[0]?.name);
      setSettings((s) => ({ ...s, kind }));
    } catch (err) {
      setError((err as Error).message);
    }
  }, []);

  const sources = useMemo(() => (files.length ? files : [{ name: 'pasted', text }]), [files, text]);

  const parse = useCallback(async () => {
    setError(null);
    setStage('parsing');
    setProgress({ done: 0, total: 1 });
    const controller = new AbortController();
    abort.current = controller;
    try {
      const incident = incidentClockOf(sync.doc, Date.now());
      const parsed = await runParse(sources, { ...settings, incident }, setProgress, controller.signal);
      const keys = alreadyImported(sync.doc, parsed.candidates);
      setOutcome(parsed);
      setPresent(keys);
      setChosen(new Set(parsed.candidates.filter((c) => !keys.has(c.key)).map((c) => c.key)));
      setStage('preview');
    } catch (err) {
      setStage('source');
      if (!controller.signal.aborted) setError(`Could not read the source: ${(err as Error).message}`);
    } finally {
      abort.current = null;
      setProgress(null);
    }
  }, [sources, settings, sync.doc]);

  const add = useCallback(async () => {
    if (!outcome) return;
    const picked: Candidate[] = outcome.candidates.filter((c) => chosen.has(c.key) && !present.has(c.key));
    setStage('applying');
    setError(null);
    try {
      setResult(await applyInBatches(sync.doc, picked, ctx, setProgress));
      // Every form of every person the source named (Slack users.json), for the anonymiser.
      if (outcome.people && outcome.people.length > 0) recordPeople(sync.doc, outcome.people, ctx);
      setStage('done');
    } catch (err) {
      setError(
        `Nothing more was added: ${(err as Error).message}. Entries added before this stay; adding again skips them.`,
      );
      setPresent(alreadyImported(sync.doc, outcome.candidates));
      setStage('preview');
    } finally {
      setProgress(null);
    }
  }, [outcome, chosen, present, sync.doc, ctx]);

  const cancel = useCallback(() => abort.current?.abort(new Error('cancelled')), []);
  const back = useCallback(() => setStage('source'), []);

  return {
    stage,
    text,
    files,
    settings,
    setSettings,
    progress,
    outcome,
    present,
    chosen,
    setChosen,
    result,
    error,
    paste,
    addFiles,
    parse,
    add,
    cancel,
    back,
  };
}

export type ImportFlow = ReturnType<typeof useImportFlow>;
