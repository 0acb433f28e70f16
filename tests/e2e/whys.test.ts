// Two people shaping the whys tree at once in Chromium: adds under the same node, a move racing an add.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJson, startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { eventually, joinReview, readWhys, screenshot, whyId, whyInput } from './helpers/review.ts';

describe('concurrent whys editing', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let ana: Person;
  let ben: Person;

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Search index went stale');
    [ana, ben] = await Promise.all([newPerson(), newPerson()]);
    await joinReview(ana, review.links.facilitator, 'Ana Lopez');
    await joinReview(ben, review.links.editor, 'Ben Okafor');
    for (const p of [ana, ben]) await p.page.getByRole('tab', { name: 'Whys' }).click();
  });

  afterAll(async () => {
    await Promise.all([ana?.close(), ben?.close()]);
    await server?.stop();
  });

  it('both add a why under the same node at once; both branches survive on both screens', async () => {
    await ana.page.getByRole('button', { name: 'Add a why' }).click();
    await ana.page.keyboard.type('Index rebuild job failed silently');
    await whyId(ben.page, 'Index rebuild job failed silently');
    await Promise.all(
      [
        [ana, 'The job had no failure alert'],
        [ben, 'Disk filled up on the indexer'],
      ].map(async ([p, text]) => {
        const person = p as Person;
        await (await whyInput(person.page, 'Index rebuild job failed silently')).focus();
        await person.page.keyboard.press('Control+Enter');
        await person.page.keyboard.type(text as string, { delay: 10 });
      }),
    );
    const tree = await eventually(async () => {
      const a = await readWhys(ana.page);
      expect(await readWhys(ben.page)).toEqual(a);
      expect(a[0]?.children).toHaveLength(2);
      return a;
    });
    expect(tree[0]!.text).toBe('Index rebuild job failed silently');
    expect(tree[0]!.children.map((c) => c.text).sort()).toEqual([
      'Disk filled up on the indexer',
      'The job had no failure alert',
    ]);
  });

  it('one moves a node while the other adds under it; both end with the same tree', async () => {
    await ana.page.getByRole('button', { name: 'Add a why' }).click();
    await ana.page.keyboard.type('Deploys skip the staging soak');
    await whyId(ben.page, 'Deploys skip the staging soak');
    await Promise.all([
      (async () => {
        // Alt+Right nests the node under its previous sibling (the first why).
        await (await whyInput(ana.page, 'Deploys skip the staging soak')).focus();
        await ana.page.keyboard.press('Alt+ArrowRight');
      })(),
      (async () => {
        await (await whyInput(ben.page, 'Deploys skip the staging soak')).focus();
        await ben.page.keyboard.press('Control+Enter');
        await ben.page.keyboard.type('Soak stage was removed to speed up releases', { delay: 10 });
      })(),
    ]);
    const tree = await eventually(async () => {
      const a = await readWhys(ana.page);
      expect(await readWhys(ben.page)).toEqual(a);
      expect(a).toHaveLength(1);
      const moved = a[0]!.children.find((c) => c.text === 'Deploys skip the staging soak');
      expect(moved?.children.map((c) => c.text)).toEqual(['Soak stage was removed to speed up releases']);
      return a;
    });
    expect(tree[0]!.children).toHaveLength(3);
    const exported = (await exportJson(server, review.id, review.tokens.observer)) as { whys: unknown[] };
    expect(exported.whys).toHaveLength(5);
  });

  it('marks a contributing factor, links evidence and jumps to it', async () => {
    const page = ana.page;
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.getByTestId('composer-time').fill('09:12');
    await page.getByTestId('composer-summary').fill('Indexer disk at 100%');
    await page.getByTestId('composer-summary').press('Enter');
    await page.getByRole('tab', { name: 'Whys' }).click();
    const card = page.locator(`li[data-why-id="${await whyId(page, 'Disk filled up on the indexer')}"] > .why-card`);
    await card.getByRole('combobox', { name: 'Contributing factor' }).first().selectOption('technology');
    await card.getByRole('button', { name: '+ Link evidence' }).first().click();
    await page.getByRole('textbox', { name: 'Search timeline entries to cite' }).fill('disk');
    // Enter cites the first (here the only) match.
    await page.getByRole('textbox', { name: 'Search timeline entries to cite' }).press('Enter');
    await page
      .getByRole('button', { name: /^Unlink the .* entry$/ })
      .first()
      .waitFor();
    await screenshot(page, 'whys-tree');
    await screenshot(ben.page, 'whys-tree-second-person');
    await page.locator('.evidence-link', { hasText: 'Indexer disk' }).click();
    await page.locator('.tl-row.is-target').waitFor();
    expect(ana.errors).toEqual([]);
    expect(ben.errors).toEqual([]);
  });
});
