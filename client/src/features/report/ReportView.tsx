// The review's Report tab: the narrative written live, and for the facilitator the checklist, preview and Publish.
import { useState } from 'react';
import { NARRATIVE_SECTIONS } from '@hindsight/doc';
import { loadToken } from '../../app/localStore.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { FeedbackSummary } from '../feedback/FeedbackSummary.tsx';
import { FeedbackSurvey } from '../feedback/FeedbackSurvey.tsx';
import { EarlierReviews } from '../followup/EarlierReviews.tsx';
import { LanguageTerms } from '../language/LanguageTerms.tsx';
import { AnonymisedPreview } from '../publish/AnonymisedPreview.tsx';
import { PublishPanel } from '../publish/PublishPanel.tsx';
import { NarrativeSection } from './NarrativeSection.tsx';
import { PublicationStatus } from './PublicationStatus.tsx';
import { SummaryEditor } from './SummaryEditor.tsx';
import { TimelineAnalysis } from './TimelineAnalysis.tsx';
import '../publish/publish.css';
import './report.css';

export function ReportView() {
  const { sync, role } = useReview();
  const facilitator = role === 'facilitator';
  const token = loadToken(sync.reviewId);
  const [preview, setPreview] = useState(false);
  const [published, setPublished] = useState(0);
  return (
    <div className="report-view" data-testid="report-view">
      <div className="report-column">
        <h2 className="visually-hidden">Report narrative</h2>
        <SummaryEditor />
        <TimelineAnalysis />
        {NARRATIVE_SECTIONS.map((s) => (
          <NarrativeSection key={s} section={s} />
        ))}
      </div>
      <div className="report-column">
        <FeedbackSurvey />
        {facilitator && <FeedbackSummary />}
        {facilitator && (
          <PublishPanel
            previewOpen={preview}
            onPreview={() => setPreview((p) => !p)}
            onPublished={() => setPublished((n) => n + 1)}
          />
        )}
        <PublicationStatus version={published} />
        {facilitator && <LanguageTerms />}
        <EarlierReviews />
      </div>
      {facilitator && preview && token && <AnonymisedPreview token={token} onClose={() => setPreview(false)} />}
    </div>
  );
}
