// Times a new person from the home page to their first saved entry, in Chromium: create a review,
// give a name in the banner (the review is already usable behind it), type one entry, see it saved.
// Run: `pnpm --filter @hindsight/client build && node --import tsx tests/timing/firstEntry.ts [origin]`
// (without an origin it starts its own server on a free port with client/dist; with one, e.g.
// http://127.0.0.1:3000 from `pnpm start`, it uses that). Prints the seconds, step by step.
import { startServer, type RunningServer } from '../helpers/server.ts';
import { newPerson } from '../e2e/helpers/browser.ts';

async function main(): Promise<void> {
  const given = process.argv[2];
  const server: RunningServer | null = given ? null : await startServer({ withClient: true });
  const origin = given ?? server!.origin;
  const person = await newPerson({ width: 1366, height: 768 });
  const { page } = person;
  const steps: [string, number][] = [];
  const start = performance.now();
  const mark = (what: string): void => {
    steps.push([what, (performance.now() - start) / 1000]);
  };
  try {
    await page.goto(`${origin}/`);
    await page.getByLabel('Incident title').waitFor();
    mark('home page shown');
    await page.getByLabel('Incident title').pressSequentially('Checkout errors after deploy', { delay: 20 });
    await page.getByRole('button', { name: 'Create review' }).click();
    await page.getByTestId('composer-summary').waitFor();
    mark('review shown (name banner above it)');
    await page.getByLabel('Display name').pressSequentially('Fran (facilitator)', { delay: 20 });
    await page.getByLabel('Display name').press('Enter');
    mark('name given');
    await page.getByTestId('composer-time').click();
    await page.getByTestId('composer-time').pressSequentially('now', { delay: 20 });
    await page.getByTestId('composer-summary').click();
    await page.getByTestId('composer-summary').pressSequentially('Error rate alert fired for checkout', { delay: 20 });
    await page.getByTestId('composer-summary').press('Enter');
    await page.locator('[data-entry-id] [data-cell="summary"]').first().waitFor();
    mark('first entry saved');
    for (const [what, s] of steps) console.log(`${s.toFixed(2).padStart(7)} s  ${what}`);
    console.log(`home page to first saved entry: ${steps[steps.length - 1]![1].toFixed(2)} s`);
  } finally {
    await person.close();
    await server?.stop();
  }
}

await main();
