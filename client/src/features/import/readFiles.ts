// Turns dropped or chosen files into text sources: a Slack export .zip is unpacked (fflate),
// loose Slack day files are put under their channel's folder so the importer finds them.
import { strFromU8, unzip } from 'fflate';
import type { SourceFile } from '@hindsight/importers';

/** Largest file read, to keep a tab from running out of memory on a mistaken drop. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

function unzipAsync(data: Uint8Array): Promise<Record<string, Uint8Array>> {
  return new Promise((resolve, reject) =>
    // Only what the Slack importer reads: JSON files, no macOS resource forks.
    unzip(data, { filter: (f) => f.name.endsWith('.json') && !f.name.startsWith('__MACOSX/') }, (err, files) =>
      err ? reject(new Error(`the .zip cannot be read: ${err.message}`)) : resolve(files),
    ),
  );
}

/** Drops a common top folder (`export/users.json` → `users.json`), so channel folders sit at the root. */
function stripCommonRoot(files: SourceFile[]): SourceFile[] {
  const roots = new Set(files.map((f) => (f.name.includes('/') ? f.name.split('/')[0] : '')));
  if (roots.size !== 1 || roots.has('')) return files;
  const [root] = [...roots];
  const nested = files.every((f) => f.name.split('/').length >= 2);
  const hasTopLevelMeta = files.some((f) => f.name === `${root}/users.json` || f.name === `${root}/channels.json`);
  return nested && hasTopLevelMeta ? files.map((f) => ({ ...f, name: f.name.slice(root!.length + 1) })) : files;
}

/** Loose `YYYY-MM-DD.json` day files get the channel folder the importer expects. */
function placeDayFiles(files: SourceFile[]): SourceFile[] {
  let channel = 'channel';
  const channelsFile = files.find((f) => f.name.endsWith('channels.json'));
  try {
    const list = channelsFile ? (JSON.parse(channelsFile.text) as { name?: unknown }[]) : [];
    if (list.length === 1 && typeof list[0]?.name === 'string') channel = list[0].name;
  } catch {
    // The importer reports an unreadable channels.json itself.
  }
  return files.map((f) => (/^\d{4}-\d{2}-\d{2}\.json$/.test(f.name) ? { ...f, name: `${channel}/${f.name}` } : f));
}

/** Reads the files as text; a .zip becomes the JSON files inside it. */
export async function readFiles(list: readonly File[]): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (const file of list) {
    if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name} is larger than 200 MB; import an excerpt`);
    const name = file.webkitRelativePath || file.name;
    if (name.toLowerCase().endsWith('.zip')) {
      const entries = await unzipAsync(new Uint8Array(await file.arrayBuffer()));
      for (const [path, data] of Object.entries(entries)) out.push({ name: path, text: strFromU8(data) });
    } else {
      out.push({ name, text: await file.text() });
    }
  }
  return placeDayFiles(stripCommonRoot(out));
}

/** True when the files look like a Slack export rather than one text source. */
export function looksLikeSlack(files: readonly SourceFile[]): boolean {
  return files.length > 1 || files.some((f) => /(^|\/)(users|channels)\.json$|\d{4}-\d{2}-\d{2}\.json$/.test(f.name));
}
