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
      document.addEventListener(name, (e) => window.__events.push({ name, at: performance.now(), detail: name === 'lindung-change' ? null : JSON.parse(JSON.stringify(e.detail ?? null)) }));
    }
  });
  await page.goto(url);
  await until(page, () => window.__events.some((e) => e.name === 'lindung-ready'));
  return { page, errors };
}

/** Polls `predicate` in the page until it is true (no string evaluation, so it works under CSP). */
export async function until(page, predicate, arg, timeout = 10000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      if (await page.evaluate(predicate, arg)) return;
    } catch (error) {
      if (!/context was destroyed|navigation/i.test(String(error))) throw error;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${predicate}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The `data-pointer` of the question holding the focus inside the form, and the focused tag. */
export function focused(page, host = 'lindung-form') {
  return page.evaluate((host) => {
    const el = document.querySelector(host)?.shadowRoot?.activeElement;
    return { pointer: el?.closest('[data-pointer]')?.dataset.pointer ?? null, tag: el?.tagName ?? null, type: el?.type ?? null, text: el?.textContent ?? null };
  }, host);
}

/** Presses Tab until the focus is inside the question at `pointer`. */
export async function tabTo(page, pointer, max = 400) {
  for (let n = 0; n < max; n++) {
    if ((await focused(page)).pointer === pointer) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${pointer}`);
}

/**
 * Fills questions by keyboard only, in document order. Each step is `[pointer, ...actions]`:
 * a string action is typed, `{press}` presses keys, `{times, press}` repeats.
 */
export async function fillByKeyboard(page, steps) {
  for (const [pointer, ...actions] of steps) {
    await tabTo(page, pointer);
    for (const action of actions) {
      if (typeof action === 'string') await page.keyboard.type(action);
      else for (let n = 0; n < (action.times ?? 1); n++) await page.keyboard.press(action.press);
    }
  }
}

/** The form's `value`. */
export const valueOf = (page, host = 'lindung-form') => page.evaluate((host) => document.querySelector(host).value, host);

/** Sets the form's `value`. */
export const setValue = (page, value, host = 'lindung-form') => page.evaluate(([host, value]) => { document.querySelector(host).value = value; }, [host, value]);

/** Events seen so far, by name. */
export const events = (page, name) => page.evaluate((name) => window.__events.filter((e) => e.name === name), name);
