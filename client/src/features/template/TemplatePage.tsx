// `/insights/template`: the instance template — what every new review starts
// from. Shows the versions with their notes and links to what each changed,
// and edits the latest as a new version (saving needs the team link, like the
// other pages across reviews, or the operator token). The server validates; its message
// says what does not fit.
import { useEffect, useState, type FormEvent } from 'react';
import type { TemplateContent } from '@hindsight/report';
import { ApiFailure } from '@hindsight/api';
import { PageHeader } from '../followup/PageHeader.tsx';
import { TeamToken } from '../followup/TeamToken.tsx';
import { loadTeamToken, saveTeamToken } from '../followup/followupApi.ts';
import { useApi } from '../report/useApi.ts';
import { AgendaField, CategoriesField, QuestionsField, SectionsField, TermsField } from './TemplateFields.tsx';
import { VersionList } from './VersionList.tsx';
import { diffPath, fetchVersion, fetchVersions, saveVersion } from './templateApi.ts';
import '../publish/publish.css';
import '../followup/followup.css';
import '../quarter/quarter.css';
import './template.css';

export function TemplatePage() {
  const versions = useApi('versions', fetchVersions);
  const latest = useApi('latest', () => fetchVersion('latest'));
  const [draft, setDraft] = useState<TemplateContent | null>(null);
  const [note, setNote] = useState('');
  const [token, setTokenState] = useState(loadTeamToken);
  const [status, setStatus] = useState<{ error?: string; needsToken?: boolean; saved?: number } | null>(null);
  const setToken = (next: string | null): void => {
    saveTeamToken(next);
    setTokenState(next);
    setStatus(null);
  };
  useEffect(() => {
    document.title = 'Review template · Hindsight';
  }, []);
  useEffect(() => {
    if (latest.data) setDraft(latest.data.content);
  }, [latest.data]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!draft) return;
    setStatus(null);
    saveVersion(note, draft, token)
      .then((saved) => {
        setStatus({ saved: saved.version });
        setNote('');
        versions.reload();
        latest.reload();
      })
      .catch((err: unknown) =>
        setStatus({
          error: err instanceof Error ? err.message : String(err),
          needsToken: err instanceof ApiFailure && (err.status === 401 || err.status === 403),
        }),
      );
  };
  const base = latest.data?.version ?? 0;
  return (
    <div className="followup-page">
      <PageHeader title="Review template" current="template" />
      <main className="followup-main quarter-main">
        <p className="muted">
          Every new review starts from the latest version: its report sections, human-factors questions, factor
          categories, agenda and language terms. Change it after the quarterly process review; reviews already under way
          keep the version they started from.
        </p>
        {(versions.error || latest.error) && (
          <p className="banner banner-danger" role="alert">
            {versions.error ?? latest.error}
          </p>
        )}
        {draft && (
          <form className="card quarter-card template-form" onSubmit={submit} aria-labelledby="t-edit">
            <h2 id="t-edit">Change the template (now version {base})</h2>
            <SectionsField value={draft} onChange={setDraft} />
            <QuestionsField value={draft} onChange={setDraft} />
            <CategoriesField value={draft} onChange={setDraft} />
            <AgendaField value={draft} onChange={setDraft} />
            <TermsField value={draft} onChange={setDraft} />
            <label className="field">
              <span>Why it changes (kept with the version)</span>
              <input
                className="input"
                value={note}
                required
                maxLength={300}
                onChange={(e) => setNote(e.target.value)}
              />
            </label>
            <div className="template-actions">
              <button type="submit" className="btn btn-primary" disabled={!note.trim()}>
                Save as version {(versions.data?.latest ?? base) + 1}
              </button>
              <button type="button" className="btn" onClick={() => latest.data && setDraft(latest.data.content)}>
                Discard changes
              </button>
            </div>
            {status?.error && !status.needsToken && (
              <p className="error-text" role="alert">
                {status.error}
              </p>
            )}
            {status?.saved !== undefined && (
              <p role="status">
                Saved as version {status.saved}. New reviews start from it.{' '}
                <a href={diffPath(status.saved - 1, status.saved)}>See what changed</a>
              </p>
            )}
          </form>
        )}
        {status?.needsToken && <TeamToken onToken={setToken} failed={token !== null} message={status.error ?? null} />}
        {versions.data && <VersionList versions={versions.data.versions} />}
        {(versions.loading || latest.loading) && !draft && <p className="muted">Loading…</p>}
      </main>
    </div>
  );
}
