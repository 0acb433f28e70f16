// The meeting, freeze and reminder as every viewer sees them, re-read on changes and every second for the timer.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { FACILITATION_ROOT, readFacilitation, type FacilitationView } from '@hindsight/doc';
import type * as Y from 'yjs';
import { useYVersion } from '../../sync/useY.ts';

export function useFacilitation(doc: Y.Doc, tick = true): FacilitationView {
  const version = useYVersion(doc.getMap(FACILITATION_ROOT));
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!tick) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [tick]);
  const read = useCallback((at: number) => readFacilitation(doc, at), [doc]);
  // `version` is a dependency on purpose: it changes when the facilitation root does.
  return useMemo(() => read(Math.max(now, Date.now())), [read, now, version]);
}
