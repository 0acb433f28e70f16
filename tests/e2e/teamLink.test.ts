// The team link in Chromium: /actions without it is a clear page that says what it needs and who has it;
// the person at the server's machine sees the link once on the home page of a fresh instance; the link opens
// /actions and /insights; a revoked link says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { eventually, screenshot } from './helpers/review.ts';

const OPERATOR = 'operator-token-0123456789';

describe('the team link', () => {
  let server: RunningServer;
  const people: Person[] = [];
  beforeAll(async () => {
    server = await startServer({ withClient: true, env: { CREATE_TOKEN: OPERATOR } });
    const res = await server.fetch('/api/reviews', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${OPERATOR}` },
      body: JSON.stringify({ title: 'Checkout outage' }),
    });
    expect(res.status).toBe(201);
  });
  afterAll(async () => {
    await Promise.all(people.map((p) => p.close()));
    await server?.stop();
  });
  const person = async (): Promise<Person> => {
    const p = await newPerson();
    people.push(p);
    return p;
  };

  it('without it, /actions shows what it needs and who has it, and no data', async () => {
    const { page, errors } = await person();
    await page.goto(`${server.origin}/actions`);
    const needed = page.getByTestId('team-link-needed');
    await needed.waitFor();
    expect(await needed.textContent()).toContain('pnpm team-link');
    expect(await page.locator('.actions-table').count()).toBe(0);
    await screenshot(page, 'team-actions-without-link');
    await page.goto(`${server.origin}/insights`);
    await page.getByTestId('team-link-needed').waitFor();
    // The only console errors are the refused API calls (401), which the page explains.
    expect(errors.filter((e) => !/401/.test(e))).toEqual([]);
  });

  it('the home page of a fresh instance shows it once, at this machine; it opens /actions and /insights', async () => {
    const { page, errors } = await person();
    await page.goto(server.origin);
    const claim = page.getByTestId('team-link-claim');
    await claim.waitFor();
    expect(await claim.textContent()).toContain(server.teamLink!);
    await screenshot(page, 'team-home-claim');
    await page.goto(server.teamLink!);
    await eventually(async () => expect(await page.locator('.actions-table tbody tr').count()).toBe(0));
    await page.getByTestId('completion-rate').waitFor();
    // The token left the address bar; the browser keeps it.
    expect(new URL(page.url()).hash).toBe('');
    await screenshot(page, 'team-actions-with-link');
    await page.goto(`${server.origin}/insights`);
    await page.getByTestId('chart-reviews').waitFor();
    // Shown once: another visit (another browser) does not get it.
    const other = await person();
    await other.page.goto(server.origin);
    await other.page.getByRole('heading', { name: 'Hindsight' }).waitFor();
    await other.page.locator('form').first().waitFor();
    expect(await other.page.getByTestId('team-link-claim').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a revoked team link says so and asks for the new one', async () => {
    const { page } = await person();
    await page.goto(server.teamLink!);
    await page.getByTestId('completion-rate').waitFor();
    const minted = await server.fetch('/api/team-link', {
      method: 'POST',
      headers: { authorization: `Bearer ${OPERATOR}` },
    });
    expect(minted.status).toBe(201);
    await page.reload();
    const needed = page.getByTestId('team-link-needed');
    await needed.waitFor();
    expect(await needed.textContent()).toContain('revoked');
    const { url } = (await minted.json()) as { url: string };
    await page.goto(url);
    await page.getByTestId('completion-rate').waitFor();
  });
});
