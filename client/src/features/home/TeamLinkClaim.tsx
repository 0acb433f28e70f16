// On a fresh instance, the person at the server's own machine sees the team link once (like a setup screen):
// it opens the action items and insights across every review. Elsewhere, or later, nothing shows.
import { useEffect, useState } from 'react';
import { callApi } from '@hindsight/api';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { saveTeamToken, teamTokenFrom } from '../followup/followupApi.ts';

export function TeamLinkClaim() {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    callApi('POST /api/team-link/claim', { body: {} })
      .then((body) => {
        if (!live || !body) return;
        // This browser keeps it too, so /actions opens at once here.
        saveTeamToken(teamTokenFrom(body.url));
        setUrl(body.url);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!url) return null;
  return (
    <section className="card team-claim" aria-labelledby="team-claim-h" data-testid="team-link-claim">
      <h2 id="team-claim-h">Your team link — shown once</h2>
      <p>
        It opens the action items, insights and quarterly review across every review on this server. Keep it and share
        it with the people who follow up on incidents; this page will not show it again.
      </p>
      <p className="team-claim-url">
        <code>{url}</code> <CopyButton text={url} label="Copy the team link" />
      </p>
      <p className="muted">
        Lost it? <code>pnpm team-link</code> on the server prints a new one (the old one stops working).
      </p>
    </section>
  );
}
