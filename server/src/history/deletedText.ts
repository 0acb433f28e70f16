// The text a review's edit history still holds although it was deleted: the
// log replayed into a document that keeps deleted content (gc off), then the
// deleted strings read back run by run (one person's consecutive keystrokes
// form one run). What the purge would remove; the checklist scans it for
// secrets.
import * as Y from 'yjs';
import type { Store } from '../storage/store.ts';

const PAGE = 1_000;

/** Deleted text runs (and deleted plain values) in the review's stored log, oldest writer first. */
export async function deletedTexts(store: Store, reviewId: string): Promise<string[]> {
  const doc = new Y.Doc({ gc: false });
  try {
    for (let after = 0; ;) {
      const rows = await store.readLog(reviewId, after, PAGE);
      if (rows.length === 0) break;
      for (const row of rows) {
        try {
          Y.applyUpdate(doc, row.update);
        } catch {
          // One odd stored update does not hide the rest.
        }
        after = row.seq;
      }
      await new Promise((r) => setImmediate(r));
    }
    const runs: string[] = [];
    for (const structs of doc.store.clients.values()) {
      let run = '';
      let next = -1;
      const flush = (): void => {
        if (run.trim()) runs.push(run);
        run = '';
      };
      for (const s of structs) {
        if (!(s instanceof Y.Item) || !s.deleted) {
          flush();
          continue;
        }
        if (s.content instanceof Y.ContentString) {
          if (s.id.clock !== next) flush();
          run += s.content.str;
          next = s.id.clock + s.length;
        } else {
          flush();
          if (s.content instanceof Y.ContentAny) {
            for (const v of s.content.arr) if (typeof v === 'string' && v.trim()) runs.push(v);
          }
        }
      }
      flush();
    }
    return runs;
  } finally {
    doc.destroy();
  }
}
