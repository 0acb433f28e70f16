// The review page: header (title, status, countdown, connection, people) and the four views.
import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { readMeta, roots } from '@hindsight/doc';
import { rememberReview } from '../../app/localStore.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYRead } from '../../sync/useY.ts';
import { ReviewHeader } from './ReviewHeader.tsx';
import { ViewTabs, type ViewName } from './ViewTabs.tsx';
import { ShareDialog } from '../share/ShareDialog.tsx';
import { TimelineView } from '../timeline/TimelineView.tsx';
import { useFirstScreen } from '../timeline/useFirstScreen.ts';
import { loadNotesEditor } from '../../editor/loadNotesEditor.ts';
import { cacheLoadedAssets } from '../../app/serviceWorker.ts';
import { MeetingLayer } from '../facilitation/MeetingLayer.tsx';
import { FrozenTimeline } from '../facilitation/FrozenTimeline.tsx';
import type { Target } from '../facilitation/FacilitationContext.ts';

const loadWhys = () => import('../whys/WhysView.tsx');
const loadActions = () => import('../actions/ActionsView.tsx');
const loadHumanFactors = () => import('../humanFactors/HumanFactorsView.tsx');
const loadReport = () => import('../report/ReportView.tsx');
const WhysView = lazy(() => loadWhys().then((m) => ({ default: m.WhysView })));
const ActionsView = lazy(() => loadActions().then((m) => ({ default: m.ActionsView })));
const HumanFactorsView = lazy(() => loadHumanFactors().then((m) => ({ default: m.HumanFactorsView })));
const ReportView = lazy(() => loadReport().then((m) => ({ default: m.ReportView })));

/** Fetches the other views once idle, so they are cached for offline use and open instantly. */
function prefetchViews(): void {
  const run = (): void =>
    void Promise.all([loadWhys(), loadActions(), loadHumanFactors(), loadNotesEditor()])
      .then(cacheLoadedAssets)
      .catch(() => {});
  if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 1500);
}

/**
 * `banner`: shown at the top of the header (the name prompt for a writer who has given none); `title`: the
 * session's, shown (if the first screen brought none) until the document's own is in.
 */
export function ReviewPage({ banner = null, title = '' }: { banner?: ReactNode; title?: string }) {
  const { sync, role } = useReview();
  const metaMap = roots(sync.doc).meta;
  const meta = useYRead(
    metaMap,
    useCallback(() => readMeta(sync.doc), [sync.doc]),
  );
  // Until the document is in (its meta is empty): the first screen's title (the current one), else the
  // session's (the one stored at creation).
  const firstScreen = useFirstScreen(sync.reviewId);
  const shownTitle = firstScreen ? firstScreen.title : title;
  // Read with `meta` (same version), so the two never disagree for a render.
  const metaLoaded = useYRead(
    metaMap,
    useCallback(() => metaMap.size > 0, [metaMap]),
  );
  const [view, setView] = useState<ViewName>('timeline');
  const [focusEntry, setFocusEntry] = useState<string | null>(null);
  const [shareOpen, setShareOpen] = useState(() => sessionStorage.getItem(`hindsight:share:${sync.reviewId}`) === '1');

  useEffect(prefetchViews, []);

  useEffect(() => {
    if (meta.title) rememberReview({ id: sync.reviewId, title: meta.title, status: meta.status });
    document.title = meta.title ? `${meta.title} · Hindsight` : 'Hindsight';
  }, [sync.reviewId, meta.title, meta.status]);

  const jumpToEntry = useCallback((entryId: string) => {
    setFocusEntry(entryId);
    setView('timeline');
  }, []);

  // Following the spotlight: an entry through the timeline's own focus, a why by opening its view.
  const showTarget = useCallback(
    (target: Target) => (target.kind === 'entry' ? jumpToEntry(target.id) : setView('whys')),
    [jumpToEntry],
  );

  const closeShare = (): void => {
    sessionStorage.removeItem(`hindsight:share:${sync.reviewId}`);
    setShareOpen(false);
  };

  return (
    <div className="review review-with-meeting">
      <ReviewHeader
        banner={banner}
        meta={metaLoaded ? meta : { ...meta, title: shownTitle }}
        onShare={role === 'facilitator' ? () => setShareOpen(true) : undefined}
      />
      <MeetingLayer tabs={<ViewTabs view={view} onChange={setView} />} onShow={showTarget} onShowView={setView}>
        <main className="view" id={`view-${view}`} role="tabpanel" aria-labelledby={`tab-${view}`}>
          {view === 'timeline' && (
            <FrozenTimeline>
              <TimelineView focusEntry={focusEntry} onFocused={() => setFocusEntry(null)} />
            </FrozenTimeline>
          )}
          <Suspense fallback={<p className="view-scroll muted">Loading…</p>}>
            {view === 'whys' && <WhysView onJumpToEntry={jumpToEntry} />}
            {view === 'actions' && <ActionsView />}
            {view === 'humanFactors' && <HumanFactorsView />}
            {view === 'report' && <ReportView />}
          </Suspense>
        </main>
      </MeetingLayer>
      {role === 'facilitator' && <ShareDialog open={shareOpen} onClose={closeShare} />}
    </div>
  );
}
