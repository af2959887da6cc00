// Launches Debian's Chromium through playwright-core with a fresh profile.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A browser context with its own profile directory; close it with `close()`. */
export async function launch(options = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, args: ARGS, headless: true, timezoneId: 'Asia/Makassar', locale: 'id-ID',
    viewport: { width: 1000, height: 900 }, ...options,
  });
  const close = async () => { await context.close(); fs.rmSync(dir, { recursive: true, force: true }); };
  return { context, close };
}

/** Opens `url` and waits for `lindung-ready`; collects page errors and CSP violations. */
export async function open(context, url) {
  const page = context.pages()[0] ?? await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => errors.push(`console.${m.type()}: ${m.text()}`));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    window.__events = [];
    for (const name of ['lindung-ready', 'lindung-change', 'lindung-submit', 'lindung-invalid', 'lindung-submitted', 'lindung-submit-error', 'lindung-exit']) {
      document.addEventListener(name, (e) => window.__events.push({ name, detail: name === 'lindung-change' ? null : JSON.parse(JSON.stringify(e.detail ?? null)) }));
    }
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__events.some((e) => e.name === 'lindung-ready'));
  return { page, errors };
}
