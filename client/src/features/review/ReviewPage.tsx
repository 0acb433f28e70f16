// The review page: header (title, status, countdown, connection, people) and the four views.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { readMeta, roots } from '@hindsight/doc';
import { rememberReview } from '../../app/localStore.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYRead } from '../../sync/useY.ts';
import { ReviewHeader } from './ReviewHeader.tsx';
import { ViewTabs, type ViewName } from './ViewTabs.tsx';
import { ShareDialog } from '../share/ShareDialog.tsx';
import { TimelineView } from '../timeline/TimelineView.tsx';

const WhysView = lazy(() => import('../whys/WhysView.tsx').then((m) => ({ default: m.WhysView })));
const ActionsView = lazy(() => import('../actions/ActionsView.tsx').then((m) => ({ default: m.ActionsView })));
const HumanFactorsView = lazy(() =>
  import('../humanFactors/HumanFactorsView.tsx').then((m) => ({ default: m.HumanFactorsView })),
);

export function ReviewPage() {
  const { sync, role } = useReview();
  const metaMap = roots(sync.doc).meta;
  const meta = useYRead(
    metaMap,
    useCallback(() => readMeta(sync.doc), [sync.doc]),
  );
  const [view, setView] = useState<ViewName>('timeline');
  const [focusEntry, setFocusEntry] = useState<string | null>(null);
  const [shareOpen, setShareOpen] = useState(() => sessionStorage.getItem(`hindsight:share:${sync.reviewId}`) === '1');

  useEffect(() => {
    if (meta.title) rememberReview({ id: sync.reviewId, title: meta.title, status: meta.status });
    document.title = meta.title ? `${meta.title} · Hindsight` : 'Hindsight';
  }, [sync.reviewId, meta.title, meta.status]);

  const jumpToEntry = useCallback((entryId: string) => {
    setFocusEntry(entryId);
    setView('timeline');
  }, []);

  const closeShare = (): void => {
    sessionStorage.removeItem(`hindsight:share:${sync.reviewId}`);
    setShareOpen(false);
  };

  return (
    <div className="review">
      <ReviewHeader meta={meta} onShare={role === 'facilitator' ? () => setShareOpen(true) : undefined} />
      <ViewTabs view={view} onChange={setView} />
      <main className="view" id={`view-${view}`} role="tabpanel" aria-labelledby={`tab-${view}`}>
        {view === 'timeline' && <TimelineView focusEntry={focusEntry} onFocused={() => setFocusEntry(null)} />}
        <Suspense fallback={<p className="view-scroll muted">Loading…</p>}>
          {view === 'whys' && <WhysView onJumpToEntry={jumpToEntry} />}
          {view === 'actions' && <ActionsView />}
          {view === 'humanFactors' && <HumanFactorsView />}
        </Suspense>
      </main>
      {role === 'facilitator' && <ShareDialog open={shareOpen} onClose={closeShare} />}
    </div>
  );
}
