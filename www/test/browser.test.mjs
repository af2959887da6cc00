// <lindung-form> in real headless Chromium: keyboard filling, conditional sections, languages,
// errors, submit and POST, drafts, quick exit, CSP, XSS, network and accessibility.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { start } from './server.mjs';
import { launch, open, fillByKeyboard, valueOf, setValue, events, focused, until } from './browser.mjs';

const WWW = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

let server;
let browser;
const foreign = [];

before(async () => {
  server = await start({ csp: CSP });
  browser = await launch();
  browser.context.on('request', (request) => {
    if (!request.url().startsWith(server.url)) foreign.push(request.url());
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A new tab on `page` of the test server. */
async function tab(page) {
  const p = await browser.context.newPage();
  for (const old of browser.context.pages()) if (old !== p) await old.close();
  return open(browser.context, `${server.url}/${page}`);
}

const ADULT_KTK = {
  schemaVersion: '1', id: 'BJM-2026-001', assessedAt: '2026-11-29T09:00:00+08:00',
  assessor: { name: 'Petugas', agency: 'UPTD PPA', role: 'social_worker' },
  caseTypes: ['ktk'], intake: { source: 'self' },
  consent: { services: true, infoSharing: true, reporting: false, recordedAs: 'written' },
  person: { ageYears: 30, sex: 'female', nationality: 'ID' },
  violence: { forms: ['physical'], setting: 'household', perpetrators: [{ relationship: 'spouse', livesWithVictim: 'yes', hasAccess: 'yes' }], injuries: 'minor' },
  danger: { strangulation: 'yes' },
};

/** The start of every keyboard fill: the intake questions. */
const INTAKE = (id, caseType) => [
  ['/id', id],
  ['/assessor/name', 'Rina'],
  ['/assessor/agency', 'UPTD PPA Kalsel'],
  ['/assessor/role', { press: 'ArrowDown' }],
  ['/caseTypes', ...(caseType === 'kpo' ? [{ press: 'Tab' }] : []), { press: 'Space' }],
  ['/intake/source', { press: 'ArrowDown' }],
  ['/consent/services', { press: 'Space' }],
  ['/consent/infoSharing', { press: 'Space' }],
  ['/consent/reporting', { press: 'ArrowRight' }],
  ['/consent/recordedAs', { press: 'Space' }],
  ['/person/ageYears', '34'],
  ['/person/sex', { press: 'Space' }],
];

async function submitByKeyboard(page) {
  const { pointer } = await focused(page);
  assert.ok(pointer !== undefined);
  for (let n = 0; n < 800; n++) {
    const f = await page.evaluate(() => document.querySelector('lindung-form').shadowRoot.activeElement?.getAttribute('part') ?? '');
    if (f.includes('submit-button')) break;
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
}

test('a KTK assessment filled by keyboard alone is submitted and POSTed', async () => {
  const { page, errors } = await tab('agency.html');
  await fillByKeyboard(page, [
    ...INTAKE('KTK-KEYBOARD-1', 'ktk'),
    ['/violence/forms', { press: 'Space' }],
    ['/violence/setting', { press: 'ArrowDown' }],
    ['/violence/perpetrators', { press: 'Enter' }],
    ['/violence/perpetrators/0/relationship', { press: 'ArrowDown' }],
    ['/violence/perpetrators/0/livesWithVictim', { press: 'Space' }],
    ['/violence/perpetrators/0/hasAccess', { press: 'Space' }],
    ['/violence/injuries', { press: 'ArrowRight' }],
    ['/danger/strangulation', { press: 'Space' }],
    ['/danger/threatsToKill', { press: 'ArrowRight', times: 2 }],
  ]);
  const value = await valueOf(page);
  assert.deepEqual(value.caseTypes, ['ktk']);
  assert.equal(value.danger.strangulation, 'yes');
  assert.equal(value.danger.threatsToKill, 'unknown');
  assert.equal(value.violence.perpetrators.length, 1);
  const posts = server.posts.length;
  await submitByKeyboard(page);
  await until(page, () => window.__events.some((e) => e.name === 'lindung-submitted'));
  assert.equal(server.posts.length, posts + 1);
  const body = JSON.parse(server.posts.at(-1).body);
  assert.equal(body.assessment.id, 'KTK-KEYBOARD-1');
  assert.equal(body.result.valid, true, JSON.stringify(body.result.errors));
  assert.equal(body.result.risk.level, 'high');
  assert.equal((await events(page, 'lindung-submit')).length, 1);
  assert.deepEqual(errors, []);
});

test('a KPO assessment filled by keyboard alone shows the trafficking result', async () => {
  const { page } = await tab('agency.html');
  await fillByKeyboard(page, [
    ...INTAKE('KPO-KEYBOARD-1', 'kpo'),
    ['/trafficking/process', { press: 'Space' }],
    ['/trafficking/means', { press: 'Tab', times: 5 }, { press: 'Space' }],
    ['/trafficking/exploitation', { press: 'Space' }],
    ['/trafficking/indicators/d1_job_nature', { press: 'Space' }],
    ['/trafficking/indicators/d2_violence', { press: 'Space' }],
    ['/trafficking/indicators/d4_excessive_hours', { press: 'Space' }],
  ]);
  const value = await valueOf(page);
  assert.deepEqual(value.caseTypes, ['kpo']);
  assert.equal(value.violence, undefined);
  assert.deepEqual(value.trafficking.means, ['deception']);
  assert.equal(value.trafficking.indicators.d1_job_nature, 'yes');
  const result = await page.evaluate(() => document.querySelector('lindung-form').result);
  assert.equal(result.valid, true, JSON.stringify(result.errors));
  assert.notEqual(result.trafficking.status, 'not_assessed');
  const panel = await page.evaluate(() => document.querySelector('lindung-form').shadowRoot.querySelector('[part~="result"]').textContent);
  assert.match(panel, /Alat bantu keputusan, bukan keputusan/);
  assert.match(panel, /Perdagangan orang/);
});

const visibleSections = (page) => page.evaluate(() => [...document.querySelector('lindung-form').shadowRoot.querySelectorAll('[data-section]')].filter((s) => !s.hidden).map((s) => s.dataset.section));

test('sections follow the answers and hidden answers are kept but not submitted', async () => {
  const { page } = await tab('plain.html');
  await setValue(page, { ...ADULT_KTK, person: { ageYears: 12, sex: 'female' } });
  assert.deepEqual(await visibleSections(page), ['intake', 'person', 'guardian', 'violence', 'needs', 'judgement', 'summary']);
  const caseType = (n) => page.evaluate((n) => document.querySelector('lindung-form').shadowRoot.querySelectorAll('[data-pointer="/caseTypes"] input')[n].click(), n);
  await caseType(1);
  await caseType(0);
  assert.deepEqual(await visibleSections(page), ['intake', 'person', 'guardian', 'trafficking', 'needs', 'judgement', 'summary']);
  const hidden = await valueOf(page);
  assert.deepEqual(hidden.caseTypes, ['kpo']);
  assert.equal(hidden.danger, undefined);
  assert.equal(hidden.violence, undefined);
  await caseType(0);
  const back = await valueOf(page);
  assert.equal(back.danger.strangulation, 'yes');
  assert.deepEqual(back.violence, ADULT_KTK.violence);
  await setValue(page, { ...back, person: { ageYears: 40, sex: 'male' } });
  assert.ok(!(await visibleSections(page)).includes('guardian'));
  const pregnant = await page.evaluate(() => document.querySelector('lindung-form').shadowRoot.querySelector('[data-pointer="/person/pregnant"]').hidden);
  assert.equal(pregnant, true);
});

test('switching the language re-renders in place and keeps the answers', async () => {
  const { page } = await tab('plain.html?lang=id');
  await setValue(page, ADULT_KTK);
  const title = () => page.evaluate(() => document.querySelector('lindung-form').shadowRoot.querySelector('[data-section="person"] h2').textContent);
  assert.equal(await title(), 'Orang yang didampingi');
  await page.evaluate(() => document.querySelector('lindung-form').setAttribute('lang', 'en'));
  assert.equal(await title(), 'The person');
  assert.deepEqual(await valueOf(page), ADULT_KTK);
  const field = await page.evaluate(() => document.querySelector('lindung-form').shadowRoot.querySelector('[data-pointer="/id"] input').value);
  assert.equal(field, ADULT_KTK.id);
});

test('a failed submit shows the error summary, focused, with links and inline errors', async () => {
  const { page } = await tab('plain.html?lang=en');
  await page.evaluate(() => document.querySelector('lindung-form').shadowRoot.querySelector('[part~="submit-button"]').click());
  const state = await page.evaluate(() => {
    const root = document.querySelector('lindung-form').shadowRoot;
    const summary = root.querySelector('[part~="error-summary"]');
    const links = [...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    const input = root.querySelector('[data-pointer="/id"] input');
    const described = input.getAttribute('aria-describedby').split(' ').map((id) => root.getElementById(id)?.textContent);
    const border = getComputedStyle(input).borderTopColor;
    const other = getComputedStyle(root.querySelector('input[type="text"]:not([aria-invalid])')).borderTopColor;
    return { hidden: summary.hidden, focused: root.activeElement === summary, links, described, invalid: input.getAttribute('aria-invalid'), border, other };
  });
  // The field in error is outlined in the error colour (#b0221b), the others are not.
  assert.equal(state.border, 'rgb(176, 34, 27)');
  assert.notEqual(state.other, state.border);
  assert.equal(state.hidden, false);
  assert.equal(state.focused, true);
  assert.ok(state.links.length >= 5);
  assert.ok(state.described.some((text) => text?.startsWith('Error: ')), JSON.stringify(state.described));
  assert.equal(state.invalid, 'true');
  const invalid = await events(page, 'lindung-invalid');
  assert.equal(invalid.length, 1);
  assert.ok(invalid[0].detail.errors.some((e) => e.path === '/id'));
  await page.evaluate(() => document.querySelector('lindung-form').shadowRoot.querySelector('[part~="error-summary"] a[href$="-id"]').click());
  assert.equal((await focused(page)).pointer, '/id');
  await page.evaluate(() => document.querySelector('lindung-form').setAttribute('lang', 'id'));
  const title = await page.evaluate(() => document.querySelector('lindung-form').shadowRoot.querySelector('[part~="error-summary"] h2').textContent);
  assert.equal(title, 'Ada yang perlu diperbaiki');
});

test('a POST that fails keeps the answers and offers a retry', async () => {
  const { page } = await tab('plain.html?action=/fail&drafts=session');
  await setValue(page, ADULT_KTK);
  await page.evaluate(() => document.querySelector('lindung-form').shadowRoot.querySelector('[part~="submit-button"]').click());
  await until(page, () => window.__events.some((e) => e.name === 'lindung-submit-error'));
  assert.deepEqual(await valueOf(page), ADULT_KTK);
  const retry = await page.evaluate(() => !document.querySelector('lindung-form').shadowRoot.querySelector('[part~="retry-button"]').hidden);
  assert.equal(retry, true);
  await until(page, () => Object.keys(sessionStorage).some((k) => k.startsWith('lindung-draft:')));
  await page.evaluate(() => document.querySelector('lindung-form').setAttribute('action', '/submit'));
  await page.evaluate(() => document.querySelector('lindung-form').shadowRoot.querySelector('[part~="retry-button"]').click());
  await until(page, () => window.__events.some((e) => e.name === 'lindung-submitted'));
  assert.deepEqual(JSON.parse(server.posts.at(-1).body).assessment, ADULT_KTK);
  await new Promise((r) => setTimeout(r, 400));
  const left = await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('lindung-draft:')));
  assert.deepEqual(left, [], 'a successful POST wipes the draft');
});

const SECRET = 'Siti Rahmawati rahasia';
const storage = (page) => page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));

test('drafts are encrypted, restored after reload and wiped by the quick-exit button', async () => {
  const { page } = await tab('agency.html');
  await setValue(page, { ...ADULT_KTK, person: { ...ADULT_KTK.person, name: SECRET } });
  await page.evaluate(() => document.querySelector('lindung-form').shadowRoot.querySelector('[data-pointer="/notes"] textarea').dispatchEvent(new Event('input')));
  await until(page, () => Object.keys(sessionStorage).some((k) => k.startsWith('lindung-draft:')));
  const stored = await storage(page);
  assert.ok(!stored.includes('Siti') && !stored.includes('BJM-2026') && !stored.includes('strangulation'), 'no answer text in storage');
  await page.reload();
  await until(page, () => window.__events?.some((e) => e.name === 'lindung-ready'));
  assert.equal((await valueOf(page)).person.name, SECRET);
  await page.evaluate(() => document.querySelector('lindung-form').shadowRoot.querySelector('[part~="exit-button"]').click());
  await page.waitForURL(`${server.url}/exit.html`);
  assert.ok(!(await storage(page)).includes('lindung-draft:'));
});

test('pressing Shift three times exits, counting the presses in a live status line', async () => {
  const { page } = await tab('agency.html');
  await setValue(page, ADULT_KTK);
  await page.evaluate(() => document.querySelector('lindung-form').shadowRoot.querySelector('[data-pointer="/notes"] textarea').dispatchEvent(new Event('input')));
  await until(page, () => Object.keys(sessionStorage).some((k) => k.startsWith('lindung-draft:')));
  await page.keyboard.press('Shift');
  const status = await page.evaluate(() => {
    const el = document.querySelector('lindung-form').shadowRoot.querySelector('[part~="status"]');
    return { text: el.textContent, live: el.getAttribute('aria-live') };
  });
  assert.deepEqual(status, { text: 'Shift ditekan 1 dari 3 kali', live: 'polite' });
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.waitForURL(`${server.url}/exit.html`);
  assert.ok(!(await storage(page)).includes('lindung-draft:'));
});

test('the strict-CSP pages report no violation', async () => {
  for (const pageName of ['agency.html', 'index.html']) {
    const { page, errors } = await tab(pageName);
    await setValue(page, ADULT_KTK);
    await page.evaluate(() => document.querySelector('lindung-form').shadowRoot.querySelector('[part~="submit-button"]').click());
    await page.waitForTimeout(200);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], pageName);
    assert.deepEqual(errors, [], pageName);
  }
});

test('XSS payloads typed into every text field never execute', async () => {
  const { page } = await tab('plain.html?lang=en');
  await setValue(page, { ...ADULT_KTK, caseTypes: ['ktk', 'kpo'], trafficking: { events: [{ kind: 'transit' }] } });
  const payloads = ['<img src=x onerror="window.__xss=1">', '"><script>window.__xss=2</script>', "'-alert(1)-'", '<svg onload=window.__xss=3>'];
  const fields = await page.evaluate(() => [...document.querySelector('lindung-form').shadowRoot.querySelectorAll('input[type="text"], textarea')].map((el) => el.id));
  assert.ok(fields.length >= 20, String(fields.length));
  for (const [n, id] of fields.entries()) {
    await page.evaluate((id) => document.querySelector('lindung-form').shadowRoot.getElementById(id).focus(), id);
    await page.keyboard.type(payloads[n % payloads.length]);
  }
  await page.evaluate(() => document.querySelector('lindung-form').setAttribute('lang', 'id'));
  await page.evaluate(() => document.querySelector('lindung-form').shadowRoot.querySelector('[part~="submit-button"]').click());
  await page.evaluate(() => { window.print = () => {}; document.querySelector('lindung-form').print(); });
  await page.waitForTimeout(200);
  const state = await page.evaluate(() => ({
    xss: window.__xss ?? null,
    injected: document.querySelector('lindung-form').shadowRoot.querySelectorAll('img, script, svg').length,
  }));
  assert.deepEqual(state, { xss: null, injected: 0 });
});

test('the form fits 320 px without horizontal scrolling', async () => {
  const { page } = await tab('agency.html');
  await page.setViewportSize({ width: 320, height: 640 });
  await setValue(page, { ...ADULT_KTK, caseTypes: ['ktk', 'kpo'] });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, String(width));
  await page.setViewportSize({ width: 1000, height: 900 });
});

test('define() tolerates a second definition', async () => {
  const { page, errors } = await tab('plain.html');
  const ok = await page.evaluate(async () => {
    const module = await import('/dist/lindung-form.js');
    module.define();
    module.define();
    return customElements.get('lindung-form') !== undefined;
  });
  assert.equal(ok, true);
  assert.deepEqual(errors, []);
});

test('axe-core finds no violation in any section, in either language, with errors shown', async () => {
  for (const lang of ['id', 'en']) {
    const { page } = await tab(`plain.html?lang=${lang}&quick-exit=/exit.html`);
    await page.addScriptTag({ path: path.join(WWW, 'node_modules', 'axe-core', 'axe.min.js') });
    await setValue(page, { ...ADULT_KTK, caseTypes: ['ktk', 'kpo'], person: { ageYears: 12, sex: 'female' }, trafficking: { events: [{ kind: 'transit' }] } });
    assert.equal((await visibleSections(page)).length, 8);
    for (const phase of ['filled', 'errors']) {
      if (phase === 'errors') await page.evaluate(() => document.querySelector('lindung-form').shadowRoot.querySelector('[part~="submit-button"]').click());
      const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
      assert.deepEqual(violations, [], `${lang} ${phase}`);
    }
  }
});

test('a bad agency rule file is shown as an error and the built-in rules stay', async () => {
  const { page, errors } = await tab('plain.html?lang=en&rules-src=/favicon.svg');
  const shown = await page.evaluate(() => document.querySelector('lindung-form').shadowRoot.querySelector('[part~="config-error"]')?.textContent ?? '');
  assert.match(shown, /rules file cannot be used/);
  await setValue(page, ADULT_KTK);
  const result = await page.evaluate(() => document.querySelector('lindung-form').result);
  assert.equal(result.valid, true);
  assert.equal(result.risk.level, 'high');
  assert.deepEqual(errors.filter((e) => !e.includes('favicon')), []);
});

test('setting value to something that is not an assessment keeps the answers', async () => {
  const { page } = await tab('plain.html');
  await setValue(page, ADULT_KTK);
  for (const bad of [null, 'text', 42, [1, 2]]) await setValue(page, bad);
  assert.deepEqual(await valueOf(page), ADULT_KTK);
  const invalid = await events(page, 'lindung-invalid');
  assert.equal(invalid.length, 4);
  assert.equal(invalid[0].detail.errors[0].path, '');
});

test('the result shows live by default, only after submit with show-result="submit", never with "off"', async () => {
  const panel = (page) => page.evaluate(() => document.querySelector('lindung-form').shadowRoot.querySelector('[part~="result"]').hidden);
  let { page } = await tab('plain.html?lang=en');
  await setValue(page, ADULT_KTK);
  assert.equal(await panel(page), false);
  const progress = await page.evaluate(() => document.querySelector('lindung-form').shadowRoot.querySelector('[part~="progress"]').textContent);
  assert.match(progress, /^Section 1 of 6\. /);
  assert.match(progress, /\d+ answered · 0 don't know · \d+ not asked/);
  ({ page } = await tab('plain.html?lang=en&show-result=submit'));
  await setValue(page, ADULT_KTK);
  assert.equal(await panel(page), true);
  await page.evaluate(() => document.querySelector('lindung-form').shadowRoot.querySelector('[part~="submit-button"]').click());
  assert.equal(await panel(page), false);
  ({ page } = await tab('plain.html?lang=en&show-result=off'));
  await setValue(page, ADULT_KTK);
  await page.evaluate(() => document.querySelector('lindung-form').shadowRoot.querySelector('[part~="submit-button"]').click());
  assert.equal(await panel(page), true);
  assert.equal((await events(page, 'lindung-submit'))[0].detail.result.risk.level, 'high');
});

test('no request leaves for any host but the page\'s own', () => {
  assert.deepEqual(foreign, []);
  assert.ok(server.requests.some((r) => r.endsWith('lindung_wasm_bg.wasm')));
});

test('a child\'s referrals say child protection is a duty in law and not to contact a suspected guardian', async () => {
  const file = path.join(WWW, '..', 'tests', 'cases', 'valid', 'child_guardian_suspected.json');
  const child = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(file, 'utf8')));
  const referrals = (page) => page.evaluate(() => [...document.querySelector('lindung-form').shadowRoot.querySelectorAll('.referrals > li')].map((li) => li.textContent));
  for (const [lang, duty, guardian] of [
    ['en', 'consent: a duty in law', 'Do not contact the guardian: the guardian is a suspected perpetrator.'],
    ['id', 'persetujuan: kewajiban hukum', 'Jangan hubungi wali: wali diduga pelaku.'],
  ]) {
    const { page } = await tab(`plain.html?lang=${lang}`);
    await setValue(page, child);
    const items = await referrals(page);
    const statutory = items.filter((text) => text.includes(duty));
    assert.equal(statutory.length, 1, items.join('\n'));
    assert.ok(statutory[0].includes(guardian), statutory[0]);
    assert.ok(items.every((text) => !/statutory|guardian_needed|undefined/.test(text)), items.join('\n'));
  }
});
