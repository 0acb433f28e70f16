// Operations on the review's `meta` map: title, status, incident times.
import type * as Y from 'yjs';
import { type OpContext, type ReviewStatus, REVIEW_STATUSES, SCHEMA_VERSION, origin, roots } from './schema.ts';

export interface MetaInit {
  id: string;
  title: string;
  startedAt?: number;
  severity?: string;
}

/** Initialises a fresh review document. Safe to call once, by the server, at creation. */
export function initReview(doc: Y.Doc, input: MetaInit, ctx: OpContext): void {
  doc.transact(
    () => {
      const { meta } = roots(doc);
      meta.set('schemaVersion', SCHEMA_VERSION);
      meta.set('id', input.id);
      meta.set('title', input.title);
      meta.set('status', 'collecting' satisfies ReviewStatus);
      meta.set('createdAt', ctx.now());
      if (input.startedAt !== undefined) meta.set('startedAt', input.startedAt);
      if (input.severity !== undefined) meta.set('severity', input.severity);
    },
    origin('initReview', ctx),
  );
}

export function setTitle(doc: Y.Doc, title: string, ctx: OpContext): void {
  doc.transact(() => roots(doc).meta.set('title', title), origin('setTitle', ctx));
}

export function setStatus(doc: Y.Doc, status: ReviewStatus, ctx: OpContext): void {
  if (!REVIEW_STATUSES.includes(status)) throw new Error(`unknown status: ${String(status)}`);
  doc.transact(() => roots(doc).meta.set('status', status), origin('setStatus', ctx));
}

export interface MetaView {
  title: string;
  status: ReviewStatus;
  severity: string | null;
  startedAt: number | null;
  createdAt: number | null;
}

export function readMeta(doc: Y.Doc): MetaView {
  const { meta } = roots(doc);
  const status = meta.get('status');
  const num = (k: string): number | null => {
    const v = meta.get(k);
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const severity = meta.get('severity');
  const title = meta.get('title');
  return {
    title: typeof title === 'string' ? title : '',
    status: REVIEW_STATUSES.includes(status as ReviewStatus) ? (status as ReviewStatus) : 'collecting',
    severity: typeof severity === 'string' ? severity : null,
    startedAt: num('startedAt'),
    createdAt: num('createdAt'),
  };
}
