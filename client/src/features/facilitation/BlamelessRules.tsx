// The blameless nudge: the meeting's rules for the facilitator, and a reminder they can pin for everyone.
import { useState, type FormEvent } from 'react';
import { pinReminder } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';

/** The method's ground rules: look at systems, not individuals. */
export const MEETING_RULES = [
  'Systems, not individuals: ask what made the action make sense at the time.',
  'Say “the deploy process allowed…”, not “X made an error”.',
  'Hindsight is not foresight: judge decisions by what was known then.',
  'Everyone’s perspective counts; quiet voices first.',
  'Park questions that need follow-up instead of debating them.',
] as const;

export function BlamelessRules({ reminder }: { reminder: string | null }) {
  const { sync, ctx } = useReview();
  const [draft, setDraft] = useState('');
  const pin = (text: string | null): void => pinReminder(sync.doc, text, ctx);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!draft.trim()) return;
    pin(draft.trim());
    setDraft('');
  };
  return (
    <section className="panel-section" aria-labelledby="rules-h">
      <h2 id="rules-h">Meeting rules</h2>
      <ul className="rules">
        {MEETING_RULES.map((rule) => (
          <li key={rule}>
            <span>{rule}</span>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              aria-label={`Pin for everyone: ${rule}`}
              disabled={reminder === rule}
              onClick={() => pin(rule)}
            >
              Pin
            </button>
          </li>
        ))}
      </ul>
      <form className="panel-row" onSubmit={submit}>
        <label className="field grow">
          <span className="visually-hidden">Reminder to pin for everyone</span>
          <input
            className="input"
            value={draft}
            maxLength={280}
            placeholder="Your own reminder…"
            onChange={(e) => setDraft(e.target.value)}
          />
        </label>
        <button type="submit" className="btn btn-small" disabled={!draft.trim()}>
          Pin
        </button>
      </form>
      {reminder && (
        <p className="panel-row small">
          <span className="muted">Pinned: {reminder}</span>
          <button type="button" className="btn btn-small" onClick={() => pin(null)}>
            Unpin
          </button>
        </p>
      )}
    </section>
  );
}
