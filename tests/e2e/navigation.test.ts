// Every page reachable: the home page and a review link to /actions and /insights, a review's actions
// link to its items there, and unknown paths, reviews and replays get a real not-found page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { joinReview } from './helpers/review.ts';

describe('navigation', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let fran: Person;

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Checkout latency after deploy');
    fran = await newPerson({ width: 1366 });
    await joinReview(fran, review.links.facilitator, 'Fran');
  });

  afterAll(async () => {
    await fran?.close();
    await server?.stop();
  });

  it('a review reaches /actions filtered to its own items, and /insights', async () => {
    const { page } = fran;
    await page.getByRole('tab', { name: 'Actions' }).click();
    const own = page.getByTestId('review-actions-link');
    expect(await own.getAttribute('href')).toBe(`/actions?review=${review.id}`);
    await own.click();
    await page.getByRole('heading', { level: 1, name: 'Action items' }).waitFor();
    expect(new URL(page.url()).searchParams.get('review')).toBe(review.id);

    await page.goBack();
    await page.getByRole('navigation', { name: 'Across reviews' }).getByRole('link', { name: 'Insights' }).click();
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/insights');
  });

  it('the home page reaches /actions and /insights', async () => {
    const { page } = fran;
    await page.goto(`${server.origin}/`);
    const nav = page.getByRole('navigation', { name: 'Across reviews' });
    await nav.getByRole('link', { name: 'All action items' }).click();
    await page.getByRole('heading', { level: 1, name: 'Action items' }).waitFor();
    await page.goto(`${server.origin}/`);
    await nav.getByRole('link', { name: 'Insights' }).click();
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
  });

  it('an unknown path is a not-found page, not the home page', async () => {
    const { page } = fran;
    await page.goto(`${server.origin}/reviews/nothing-here`);
    await page.getByRole('heading', { name: 'There is no such page' }).waitFor();
    expect(await page.getByTestId('not-found').textContent()).toContain('/reviews/nothing-here');
    expect(await page.getByRole('button', { name: 'Create review' }).count()).toBe(0);
  });

  it('an unknown review id is a not-found page, with or without a token', async () => {
    const { page } = fran;
    await page.goto(`${server.origin}/r/no-such-review#t=${review.tokens.editor}`);
    await page.getByRole('heading', { name: 'There is no such review' }).waitFor();
    await page.goto(`${server.origin}/r/no-such-review-either`);
    await page.getByRole('heading', { name: 'There is no such review' }).waitFor();
  });

  it('an unknown replay id is a not-found page instead of an endless offline copy', async () => {
    const { page } = fran;
    await page.goto(`${server.origin}/replay/no-such-review#t=${review.tokens.observer}`);
    await page.getByRole('heading', { name: 'There is no such review' }).waitFor();
    expect(await page.getByText('Offline — showing the copy in this browser').count()).toBe(0);
  });

  it('a known replay still opens', async () => {
    const { page } = fran;
    await page.goto(`${server.origin}/replay/${review.id}#t=${review.tokens.observer}`);
    await page.getByRole('heading', { level: 1, name: 'Replay: Checkout latency after deploy' }).waitFor();
  });
});
