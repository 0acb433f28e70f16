// What was published and what changed since: versions, and the report sections edited after publishing.
import type { PublicationInfo } from './reportApi.ts';
import { When } from './When.tsx';

/** What readers call each report section. */
export const SECTION_NAMES: Record<string, string> = {
  summary: 'Summary',
  impact: 'Impact',
  timeline: 'Timeline',
  whys: 'Whys',
  factors: 'Contributing factors',
  humanFactors: 'Human factors',
  narrative: 'What went well / wrong / lucky',
  actions: 'Action items',
};

export function Amendments({ info }: { info: PublicationInfo }) {
  const last = info.publications.at(-1);
  if (!info.published || !last) return null;
  return (
    <div className="publication-info" data-testid="publication-info">
      <p>
        Published <When at={last.publishedAt} /> by {last.by}
        {info.publications.length > 1 && ` (version ${last.version})`}.
      </p>
      {info.amended && (
        <div className="banner banner-warn" role="status" data-testid="amendments">
          <strong>Amended since publication</strong>
          {info.amendedSections.length > 0 ? (
            <>
              : {info.amendedSections.map((s) => SECTION_NAMES[s] ?? s).join(', ')}. The published version is shown;
              switch to the current one to read the changes.
            </>
          ) : (
            <>: the review was edited, but no report section changed.</>
          )}
        </div>
      )}
    </div>
  );
}
