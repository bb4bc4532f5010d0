// One Chromium for a test file, a fresh context (cookie jar) per person, and the page helpers the
// dashboard tests share: log in, wait until a page has loaded, save a screenshot.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { RUN_DIR } from "@safetynet/testing";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, ensureChromium } from "./ensure-chromium.js";

export const SCREENSHOT_DIR = path.join(RUN_DIR, "screenshots");

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
}

export async function signIn(browser: Browser, baseUrl: string, token: string, first = "/today"): Promise<Page> {
  const context: BrowserContext = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1366, height: 860 },
    acceptDownloads: true,
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
  });
  const page = await context.newPage();
  await page.goto(first);
  await page.fill('input[type="password"]', token);
  await page.click('button[type="submit"]');
  await page.waitForSelector("nav.menu");
  await settled(page);
  return page;
}

/** The page has its data: no loading line, nothing marked busy (every request has a time limit). */
export async function settled(page: Page): Promise<void> {
  await page.waitForSelector("h1");
  await page.waitForFunction(
    () => !document.querySelector(".loading") && !document.querySelector('[aria-busy="true"]'),
    undefined,
    { timeout: 20_000 },
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
