// The published review for later readers: the anonymised report and the incident replay of the last
// publication, with its date, earlier versions and what this version amended. No live document, no
// presence, no edit history, and no way into the live review.
import { useEffect, useMemo, useState } from 'react';
import type { PublishedInfo } from '@hindsight/api';
import { IncidentReplayView } from '../replay/IncidentReplay.tsx';
import { ReportFrame } from '../report/ReportFrame.tsx';
import { amendedNames } from '../report/Amendments.tsx';
import { When } from '../report/When.tsx';
import { PublishedEarlier } from './PublishedEarlier.tsx';
import { publishedEntryView, publishedMarkers } from './publishedApi.ts';

type Tab = 'report' | 'replay';
const TABS: readonly [Tab, string][] = [
  ['report', 'Report'],
  ['replay', 'Incident replay'],
];

export function PublishedPage({ info }: { info: Extract<PublishedInfo, { published: true }> }) {
  const [tab, setTab] = useState<Tab>('report');
  const { review } = info;
  const entries = useMemo(() => review.timeline.map(publishedEntryView), [review]);
  const markers = useMemo(() => publishedMarkers(review), [review]);
  useEffect(() => {
    document.title = `${review.title} · published review · Hindsight`;
  }, [review.title]);
  const earlier = info.versions.filter((v) => v.version !== info.version);
  return (
    <div className="report-page">
      <header className="review-header">
        <div className="review-title">
          <a href="/" className="home-link" aria-label="Hindsight home">
            ◐
          </a>
          <h1 title={review.title}>{review.title}</h1>
          <span className="badge badge-published">published</span>
        </div>
      </header>
      <div className="publication-info published-info" data-testid="published-version">
        <p>
          Version {info.version}, published <When at={info.publishedAt} />. Names are replaced by pseudonyms.
          {earlier.length > 0 && (
            <>
              {' '}
              Earlier versions:{' '}
              {earlier.map((v, i) => (
                <span key={v.version}>
                  {i > 0 && ', '}
                  {v.version} (<When at={v.publishedAt} />)
                </span>
              ))}
              .
            </>
          )}
        </p>
        {info.amendedSections.length > 0 && (
          <p className="banner banner-warn" role="status" data-testid="published-amendments">
            <strong>Amended in version {info.version}:</strong> {amendedNames(info.amendedSections, info.sections)}.
          </p>
        )}
        <PublishedEarlier earlier={info.earlier} />
      </div>
      <div className="tabs" role="tablist" aria-label="Published review">
        {TABS.map(([name, label]) => (
          <button
            key={name}
            type="button"
            role="tab"
            className="tab"
            id={`published-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`published-${name}`}
            onClick={() => setTab(name)}
          >
            {label}
          </button>
        ))}
      </div>
      <main className="report-main" id={`published-${tab}`} role="tabpanel" aria-labelledby={`published-tab-${tab}`}>
        {tab === 'report' ? (
          <ReportFrame html={info.html} title={`${review.title}: report`} />
        ) : entries.length === 0 ? (
          <p className="muted">The published timeline has no entries: nothing to replay.</p>
        ) : (
          <IncidentReplayView entries={entries} markers={markers} thresholds={info.thresholds} />
        )}
      </main>
    </div>
  );
}
