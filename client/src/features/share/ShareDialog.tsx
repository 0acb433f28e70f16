// The facilitator's share dialog: one section per kind of person (responders, observers, later readers),
// each saying in plain words who the link is for and what it shows, with copy, a new link, and revoke.
import { useCallback, useEffect, useState } from 'react';
import { ROLE_PURPOSES, type LinkInfo } from '@hindsight/protocol';
import { ApiFailure } from '@hindsight/api';
import { loadShareLinks, loadToken, saveShareLinks, type ShareLinks } from '../../app/localStore.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { LocalTime } from '../../ui/LocalTime.tsx';
import { createLink, listLinks, revokeLink } from './linksApi.ts';

type ShareRole = keyof ShareLinks;
const SHARE_ROLES: readonly ShareRole[] = ['editor', 'observer', 'reader'];

export function ShareDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { sync } = useReview();
  const token = loadToken(sync.reviewId);
  const [links, setLinks] = useState(() => loadShareLinks(sync.reviewId));
  const [active, setActive] = useState<LinkInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const fail = (err: unknown): void => setError(err instanceof ApiFailure ? err.message : 'The link request failed.');

  const refresh = useCallback(() => {
    if (!token || !open) return;
    Promise.all(SHARE_ROLES.map((r) => listLinks(sync.reviewId, token, r))).then((all) => setActive(all.flat()), fail);
  }, [sync.reviewId, token, open]);
  useEffect(refresh, [refresh]);

  const create = (role: ShareRole): void => {
    if (!token) return;
    setError(null);
    createLink(sync.reviewId, token, role).then((link) => {
      saveShareLinks(sync.reviewId, { [role]: link.url });
      setLinks(loadShareLinks(sync.reviewId));
      refresh();
    }, fail);
  };
  const revoke = (link: LinkInfo): void => {
    if (!token) return;
    setError(null);
    revokeLink(sync.reviewId, token, link.id).then(refresh, fail);
  };

  return (
    <Dialog open={open} title="Invite people to this review" onClose={onClose} modal={false}>
      <p className="muted">
        Each link opens the review with its own rights; send each one only to the people it is for. Links carry their
        key after the <code>#</code>, so it never reaches server logs. A revoked link stops working at once, also for
        anyone who has it open.
      </p>
      <p>
        Send the rules along with the link:{' '}
        <a href="/guide#primer" target="_blank" rel="noopener" data-testid="primer-link">
          how a review works, for participants
        </a>{' '}
        ({location.origin}/guide#primer).
      </p>
      {SHARE_ROLES.map((role) => (
        <section
          key={role}
          className="field share-role"
          aria-labelledby={`share-${role}`}
          data-testid={`share-${role}`}
        >
          <h3 id={`share-${role}`}>{ROLE_PURPOSES[role].who}</h3>
          <p className="muted">{ROLE_PURPOSES[role].what}</p>
          {links[role] && (
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
          )}
          <ActiveLinks links={active.filter((l) => l.role === role)} onRevoke={revoke} />
          <button type="button" className="btn btn-small" onClick={() => create(role)}>
            Create a new {role} link
          </button>
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

function ActiveLinks({ links, onRevoke }: { links: LinkInfo[]; onRevoke: (link: LinkInfo) => void }) {
  if (links.length === 0) return <p className="small muted">No active link of this kind.</p>;
  return (
    <ul className="share-active small" aria-label="Active links">
      {links.map((l) => (
        <li key={l.id}>
          {l.label} · created <LocalTime ms={Date.parse(l.createdAt)} />{' '}
          <button
            type="button"
            className="btn btn-small btn-danger"
            onClick={() => onRevoke(l)}
            aria-label={`Revoke the ${l.role} link "${l.label}" created ${l.createdAt}`}
          >
            Revoke
          </button>
        </li>
      ))}
    </ul>
  );
}
