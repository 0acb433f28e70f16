// Nothing a participant typed runs as script in the exported HTML: entries,
// notes, actions and names carrying <script>, event attributes and
// javascript: links are exported by the real server and opened in Chromium,
// both as served (with its CSP) and with the CSP stripped (escaping and the
// sanitizer alone must hold).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAction, addEntry, defaultContext, ensureEntryNotes, setAnswer, setNarrative } from '@hindsight/doc';
import { newPerson, type Person } from '../e2e/helpers/browser.ts';
import { connect, synced, type Client } from '../helpers/clients.ts';
import { exportJson, startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '<svg onload="window.__pwned = \'svg\'"></svg>',
  '"><iframe src="javascript:window.top.__pwned=\'iframe\'"></iframe>',
  "javascript:window.__pwned='bare'",
  '<a href="javascript:window.__pwned=\'a\'">click</a>',
];

function writeHostileNotes(doc: Y.Doc, entryId: string): void {
  doc.transact(() => {
    const notes = ensureEntryNotes(doc, entryId, defaultContext());
    const p = new Y.XmlElement('paragraph');
    p.setAttribute('onclick', "window.__pwned='attr'");
    const script = new Y.XmlElement('script');
    script.insert(0, [new Y.XmlText("window.__pwned='element'")]);
    const text = new Y.XmlText();
    p.insert(0, [text]);
    notes.insert(0, [p, script]);
    text.insert(0, 'click me', { link: { href: "javascript:window.__pwned='link'" } });
    text.insert(text.length, ' or me', { link: { href: "data:text/html,<script>window.__pwned='data'</script>" } });
    text.insert(text.length, ' <img src=x onerror="window.__pwned=\'notes\'">', {});
  });
}

describe('XSS: hostile review exported to HTML and opened in Chromium', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let client: Client;
  let person: Person;

  beforeAll(async () => {
    server = await startServer();
    review = await server.createReview('<script>window.__pwned="title"</script>', {
      facilitatorName: '<b onmouseover=alert(1)>Fay</b>',
    });
    client = connect(server, review.id, review.tokens.editor);
    await synced(client);
    const ctx = defaultContext('<img src=x onerror=alert(1)>');
    PAYLOADS.forEach((summary, i) =>
      addEntry(
        client.doc,
        {
          at: Date.UTC(2026, 0, 1, 9, i),
          summary,
          starred: true,
          sourceUrl: 'https://ok.example/src',
          sourceRef: summary,
        },
        ctx,
      ),
    );
    const withNotes = addEntry(client.doc, { at: Date.UTC(2026, 0, 1, 10), summary: 'notes', starred: true }, ctx);
    writeHostileNotes(client.doc, withNotes);
    addAction(client.doc, { title: PAYLOADS[3]!, owner: PAYLOADS[1]!, link: 'https://ok.example/?q=<script>' }, ctx);
    setAnswer(client.doc, { id: 'rested', text: PAYLOADS[0]! }, ctx);
    setNarrative(client.doc, { section: 'wentWell', text: PAYLOADS[2]! }, ctx);
    const deadline = Date.now() + 10_000;
    while (!JSON.stringify(await exportJson(server, review.id, review.tokens.observer)).includes('ok.example/?q=')) {
      if (Date.now() > deadline) throw new Error('the server did not store the hostile edits');
      await new Promise((r) => setTimeout(r, 50));
    }
    // Fails (never skips) with "apt-get install -y chromium" when Debian's Chromium is missing.
    person = await newPerson();
  });
  afterAll(async () => {
    await person?.close();
    client?.destroy();
    await server?.stop();
  });

  const expectInert = async (load: () => Promise<unknown>): Promise<void> => {
    const { page } = person;
    const dialogs: string[] = [];
    const onDialog = (d: { message(): string; dismiss(): Promise<void> }) => {
      dialogs.push(d.message());
      void d.dismiss();
    };
    page.on('dialog', onDialog);
    try {
      await load();
      // The positive signal that load and error handlers had their chance: the document's load event
      // fires only after every image and frame finished or failed. Then hover everything (mouse
      // handlers run during the hover itself; links stay unclicked: a safe http link would navigate
      // away, and the href checks below prove none is javascript: or data:).
      await page.waitForFunction(() => document.readyState === 'complete');
      for (const el of await page.locator('main a, main p, main td, main li').all()) {
        await el.hover({ timeout: 1_000 }).catch(() => undefined);
      }
      const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
      expect(pwned).toBeUndefined();
      expect(dialogs).toEqual([]);
      const outer = (selector: string) => page.locator(selector).evaluateAll((els) => els.map((e) => e.outerHTML));
      expect(await outer('script, iframe, img, svg, [onclick], [onerror], [onload], [onmouseover]')).toEqual([]);
      expect(await outer('a[href^="javascript:"], a[href^="data:"]')).toEqual([]);
    } finally {
      page.off('dialog', onDialog);
    }
  };

  it('runs nothing when served by the server', async () => {
    await person.page.setExtraHTTPHeaders({ authorization: `Bearer ${review.tokens.observer}` });
    const url = `${server.origin}/api/reviews/${review.id}/export.html?timeline=all`;
    await expectInert(() => person.page.goto(url));
    await expect(person.page.locator('h1')).toBeDefined();
    expect(await person.page.locator('h1').textContent()).toBe('<script>window.__pwned="title"</script>');
  });

  it('runs nothing even with the Content-Security-Policy removed', async () => {
    for (const anonymised of ['0', '1']) {
      const res = await server.fetch(`/api/reviews/${review.id}/export.html?timeline=all&anonymised=${anonymised}`, {
        headers: { authorization: `Bearer ${review.tokens.observer}` },
      });
      const html = (await res.text()).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
      expect(html).not.toContain('Content-Security-Policy');
      await expectInert(() => person.page.setContent(html));
      expect(await person.page.locator('td', { hasText: 'window.__pwned' }).count()).toBeGreaterThan(0);
    }
  });
});
