import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (package `chromium`), as .ci/run installs it. */
export const CHROMIUM_PATH = process.env.PCMIG_CHROMIUM ?? '/usr/bin/chromium';

/** Where report tests keep their screenshots (e2e/out/screenshots, ignored by git). */
export const SCREENSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/screenshots');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

/**
 * Opens a local HTML report in headless Chromium with the network off, runs `check` against the
 * page, saves a full-page screenshot and closes the browser. Returns the screenshot's path.
 */
export async function inspectReport(file: string, name: string, check: (page: Page) => Promise<void>): Promise<string> {
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS, headless: true, timeout: 60_000 });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
    const page = await context.newPage();
    const failedRequests: string[] = [];
    page.on('requestfailed', (request) => {
      if (!request.url().startsWith('file:')) failedRequests.push(request.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await check(page);
    if (failedRequests.length > 0) throw new Error(`The report tried to reach the network: ${failedRequests.join(', ')}`);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const shot = path.join(SCREENSHOT_DIR, `${name}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    return shot;
  } finally {
    await browser?.close();
  }
}
