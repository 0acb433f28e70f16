// The facilitator's share dialog: the editor and reader links, each with a copy button and what it grants.
import { useState } from 'react';
import { ApiFailure } from '../../app/api.ts';
import { loadShareLinks, loadToken, saveShareLinks } from '../../app/localStore.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { mintLink } from './mintLink.ts';

type ShareRole = 'editor' | 'reader';

const EXPLAIN: Record<ShareRole, { title: string; text: string }> = {
  editor: {
    title: 'Responders (can edit)',
    text: 'Everyone who was involved: they add what they saw and did to the timeline, the whys and the human-factors answers.',
  },
  reader: {
    title: 'Readers (read-only)',
    text: 'For people who want to follow or read later. They see everything live but can never change anything.',
  },
};

export function ShareDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { sync } = useReview();
  const [links, setLinks] = useState(() => loadShareLinks(sync.reviewId));
  const [error, setError] = useState<string | null>(null);

  const create = async (role: ShareRole): Promise<void> => {
    const token = loadToken(sync.reviewId);
    if (!token) return;
    try {
      const url = await mintLink(sync.reviewId, token, role);
      saveShareLinks(sync.reviewId, { [role]: url });
      setLinks(loadShareLinks(sync.reviewId));
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : 'Could not create the link.');
    }
  };

  return (
    <Dialog open={open} title="Invite people to this review" onClose={onClose}>
      <p className="muted">
        Anyone with a link can open the review with that link&apos;s rights. Links carry their key after the{' '}
        <code>#</code>, so it never reaches server logs.
      </p>
      <p>
        Send the rules along with the link:{' '}
        <a href="/guide#primer" target="_blank" rel="noopener" data-testid="primer-link">
          how a review works, for participants
        </a>{' '}
        ({location.origin}/guide#primer).
      </p>
      {(['editor', 'reader'] as const).map((role) => (
        <section key={role} className="field" aria-labelledby={`share-${role}`}>
          <h3 id={`share-${role}`}>{EXPLAIN[role].title}</h3>
          <p className="muted">{EXPLAIN[role].text}</p>
          {links[role] ? (
            <div style={{ display: 'flex', gap: 8 }}>
              <input
                className="input mono"
                style={{ flex: 1 }}
                readOnly
                value={links[role]}
                aria-label={`${role} link`}
                data-testid={`${role}-link`}
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton text={links[role]} label={`Copy the ${role} link`} />
            </div>
          ) : (
            <button type="button" className="btn btn-small" onClick={() => void create(role)}>
              Create a new {role} link
            </button>
          )}
        </section>
      ))}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
