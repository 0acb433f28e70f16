// Earlier reviews by capability in Chromium: a responder pastes a link of an
// earlier review; its title and unfinished action appear; once the earlier
// review's facilitator revokes that link, the later review says plainly that
// the link is no longer valid, and the reader's published page names it no
// more. The report frames render under the app's CSP without a violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAction, defaultContext } from '@hindsight/doc';
import { EARLIER_LINK_INVALID } from '@hindsight/protocol';
import { connect, synced } from '../helpers/clients.ts';
import { exportJson, startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { eventually, joinReview, screenshot } from './helpers/review.ts';

const cspErrors = (p: Person): string[] => p.errors.filter((e) => /Content Security Policy|Refused to/i.test(e));

describe('earlier reviews by capability', () => {
  let server: RunningServer;
  let earlier: ReviewHandle;
  let later: ReviewHandle;
  const people: Person[] = [];

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    earlier = await server.createReview('Edge reload loop');
    later = await server.createReview('Checkout outage');
    const client = connect(server, earlier.id, earlier.tokens.facilitator);
    try {
      await synced(client);
      addAction(client.doc, { title: 'Alert on reload loops', due: '2020-01-10' }, defaultContext('seed'));
      await eventually(async () =>
        expect(JSON.stringify(await exportJson(server, earlier.id, earlier.tokens.observer))).toContain('reload loops'),
      );
    } finally {
      client.destroy();
    }
  });
  afterAll(async () => {
    await Promise.all(people.map((p) => p.close()));
    await server?.stop();
  });

  it('paste a link → shown; revoke it → "no longer valid", in the review and on the published page', async () => {
    const responder = await newPerson({ height: 1400 });
    people.push(responder);
    const { page } = responder;
    await joinReview(responder, later.links.editor, 'Dana Smith');
    await page.getByRole('tab', { name: 'Report' }).click();
    const section = page.getByTestId('earlier-reviews');
    const field = section.getByLabel('Link of the earlier review');
    // An id alone is refused before anything is sent.
    await field.fill(earlier.id);
    await section.getByRole('button', { name: 'Link review' }).click();
    await section
      .getByRole('alert')
      .getByText(/its id alone is not enough/)
      .waitFor();

    await field.fill(earlier.links.editor);
    await section.getByRole('button', { name: 'Link review' }).click();
    await section.getByRole('link', { name: 'Edge reload loop' }).waitFor({ timeout: 15_000 });
    await section.getByText('Alert on reload loops').waitFor();
    expect(await field.inputValue()).toBe('');
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'earlier-review-linked');

    const published = await server.fetch(`/api/reviews/${later.id}/publish`, {
      method: 'POST',
      headers: { authorization: `Bearer ${later.tokens.facilitator}` },
    });
    expect(published.status).toBe(200);
    const reader = await newPerson();
    people.push(reader);
    await reader.page.goto(`${server.origin}/read/${later.id}#t=${later.tokens.reader}`);
    const shown = reader.page.getByTestId('published-earlier');
    await shown.getByText('Edge reload loop · collecting').waitFor({ timeout: 20_000 });
    await shown.getByText('Alert on reload loops').waitFor();
    // The report frame draws under the app's CSP: its heading is there and nothing was refused.
    const frame = reader.page.frameLocator('[data-testid="report-frame"]');
    await frame.getByRole('heading', { name: 'Related earlier reviews' }).waitFor();
    expect(await frame.locator('body').evaluate((b) => getComputedStyle(b).fontSize)).toBe('15px');
    expect(cspErrors(reader)).toEqual([]);

    // The earlier review's facilitator revokes the link that was pasted.
    const links = (await (
      await server.fetch(`/api/reviews/${earlier.id}/links`, {
        headers: { authorization: `Bearer ${earlier.tokens.facilitator}` },
      })
    ).json()) as { links: { id: string; role: string }[] };
    const pasted = links.links.find((l) => l.role === 'editor')!;
    const revoked = await server.fetch(`/api/reviews/${earlier.id}/links/${pasted.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${earlier.tokens.facilitator}` },
    });
    expect(revoked.status).toBe(200);

    await page.reload();
    await page.getByRole('tab', { name: 'Report' }).click();
    await section.getByTestId('earlier-invalid').getByText(EARLIER_LINK_INVALID).waitFor({ timeout: 15_000 });
    expect(await section.textContent()).not.toMatch(/Edge reload loop|Alert on reload loops/);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'earlier-review-revoked');

    await reader.page.reload();
    await shown.getByText(EARLIER_LINK_INVALID).waitFor({ timeout: 20_000 });
    expect(await shown.textContent()).not.toMatch(/Edge reload loop|Alert on reload loops/);
    expect(await reader.page.getByTestId('report-frame').getAttribute('srcdoc')).not.toContain('Edge reload loop');
    await frame.getByRole('heading', { name: 'Related earlier reviews' }).waitFor();
    await screenshot(reader.page, 'earlier-review-revoked-reader');
    expect(cspErrors(responder)).toEqual([]);
    expect(cspErrors(reader)).toEqual([]);
  });
});
