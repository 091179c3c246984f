/**
 * The local sign-in page (`npm start`, at the local stage's appUrl and the magic link's path) in headless Chromium:
 * sign-up, then sign-in by email code, by magic link (the link from the local mail opens the page and signs in),
 * and by password, each ending with the ID token's claims on the page.
 */

import { startBrowser, type TestBrowser } from '@test/helpers/browser';
import { startTestPool, type TestPool } from '@test/helpers/local-pool';
import type { Page } from 'playwright-core';

const PASSWORD = 'Correct-Horse-42';
let run: TestPool;
let browser: TestBrowser;
let page: Page;
const email = `page.${Date.now()}@trusted.example`;

beforeAll(async () => {
  [run, browser] = await Promise.all([startTestPool(), startBrowser()]);
  page = await browser.context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await run?.stop();
});

/** The latest sign-in email's plain text to the test's user. */
async function latestSignInMail(): Promise<string> {
  const mail = (await run.emails()).filter(
    (message) => message.destination.to.includes(email) && message.subject.includes('sign-in'),
  );
  return mail.at(-1)?.body.text ?? '';
}

async function waitForStatus(text: string | RegExp): Promise<void> {
  await page.locator('#status', { hasText: text }).waitFor({ timeout: 10_000 });
}

async function claims(): Promise<Record<string, unknown>> {
  await page.locator('#signed-in').waitFor({ state: 'visible', timeout: 10_000 });
  return JSON.parse((await page.locator('#claims').textContent()) ?? '{}') as Record<string, unknown>;
}

async function signOut(): Promise<void> {
  await page.click('#sign-out');
  await waitForStatus('Signed out.');
}

describe('the sign-in page in Chromium', () => {
  it('is served at the magic link’s path and signs a user up', async () => {
    await page.goto(`${run.pool.endpoints.page}/sign-in`);

    await page.fill('#sign-up [name=email]', email);
    await page.fill('#sign-up [name=name]', 'Page Tester');
    await page.fill('#sign-up [name=password]', PASSWORD);
    await page.click('#sign-up button');

    await waitForStatus('Signed up and confirmed');
  });

  it('signs in with an email code from the local mail, and shows the token’s claims', async () => {
    await page.fill('#passwordless [name=email]', email);
    await page.click('#passwordless button[value=email_code]');
    await waitForStatus('We emailed you a code of 6 digits.');
    const code = /\b(\d{6})\b/.exec(await latestSignInMail())?.[1] ?? '';

    await page.fill('#code [name=code]', code);
    await page.click('#code button');

    expect(await claims()).toMatchObject({ email, name: 'Page Tester', email_verified: true });
    await signOut();
  });

  it('signs in by opening the magic link from the local mail', async () => {
    await page.fill('#passwordless [name=email]', email);
    await page.click('#passwordless button[value=magic_link]');
    await waitForStatus('We emailed you a sign-in link.');
    const link = /(http:\/\/\S+\/sign-in#[\w-]+\.[\w-]+)/.exec(await latestSignInMail())?.[1] ?? '';

    // As from a mail client: the link opens the page afresh, in a tab of its own.
    await page.close();
    page = await browser.context.newPage();
    await page.goto(link);

    expect(await claims()).toMatchObject({ email });
    expect(new URL(page.url()).hash).toBe('');
    await signOut();
  });

  it('refuses the same magic link a second time, opened in the page already open, saying so', async () => {
    const link = /(http:\/\/\S+\/sign-in#[\w-]+\.[\w-]+)/.exec(await latestSignInMail())?.[1] ?? '';

    await page.goto(link);

    await waitForStatus('This sign-in link has already been used. Ask for a new one.');
  });

  it('still signs in with the password', async () => {
    await page.fill('#password [name=email]', email);
    await page.fill('#password [name=password]', PASSWORD);
    await page.click('#password button');

    expect(await claims()).toMatchObject({ email });
  });
});
