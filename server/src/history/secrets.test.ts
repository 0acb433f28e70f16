import { describe, expect, it } from 'vitest';
import { findSecrets } from './secrets.ts';

describe('findSecrets', () => {
  it.each([
    ['DB_PASSWORD=hunter2hunter', 'DB_PASSWORD=hu'],
    ['the export used secret: "Zq81-aa-bb-cc"', 'secret: "Zq'],
    ['api_key=sk9f8e7d6c5b4a', 'api_key=sk'],
    ['ghp_123456789012345678901234567890123456', 'gh'],
    ['xoxb-1234567890-1234567890123-abcdefghijABCDEFGHIJklmn', 'xo'],
    ['-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ', '--'],
    ['curl https://admin:s3cr3tpass@db.example.com/x', 'https:'],
  ])('finds %j, masked', async (text, shown) => {
    const found = await findSecrets(text);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.masked.startsWith(shown)).toBe(true);
    // Never the whole secret back.
    for (const f of found) expect(f.masked).not.toMatch(/hunter2hunter|Zq81-aa|sk9f8e7d|s3cr3tpass|1234567890123/);
  });

  it.each([
    'We restarted the database at 10:02',
    'the password policy was discussed; nobody shared one',
    'rotate the token after the incident',
    '',
  ])('leaves %j alone', async (text) => {
    expect(await findSecrets(text)).toEqual([]);
  });
});
