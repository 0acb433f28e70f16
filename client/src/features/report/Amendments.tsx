// What was published and what changed since: versions, and the report sections edited after publishing.
import { amendedSectionTitle, reportSectionsOf, type ReportSections } from '@hindsight/report';
import type { PublicationInfo } from '@hindsight/api';
import { When } from './When.tsx';

/** The amended parts of the report, named by the review's template titles (the built-in ones when unknown). */
export const amendedNames = (parts: readonly string[], sections: ReportSections | undefined): string =>
  parts.map((s) => amendedSectionTitle(s, sections ?? reportSectionsOf(null))).join(', ');

export function Amendments({ info }: { info: PublicationInfo }) {
  const last = info.publications.at(-1);
  if (!info.published || !last) return null;
  return (
    <div className="publication-info" data-testid="publication-info">
      <p>
        Published <When at={last.publishedAt} /> {last.by ? `by ${last.by}` : null}
        {info.publications.length > 1 && ` (version ${last.version})`}.
      </p>
      {info.amended && (
        <div className="banner banner-warn" role="status" data-testid="amendments">
          <strong>Amended since publication</strong>
          {info.amendedSections.length > 0 ? (
            <>
              : {amendedNames(info.amendedSections, info.sections)}. The published version is shown; switch to the
              current one to read the changes.
            </>
          ) : (
            <>: the review was edited, but no report section changed.</>
          )}
        </div>
      )}
    </div>
  );
}
