// Widget timings in headless Chromium: script load to `lindung-ready`, and the time to
// re-evaluate the whole form after one answer changes (median and p95 over 200 changes).
// Prints one JSON object. Run after `cargo xtask wasm`: node bench/widget.mjs
import { start } from '../test/server.mjs';
import { launch, open, setValue } from '../test/browser.mjs';

const server = await start();
const { context, close } = await launch();
try {
  const { page } = await open(context, `${server.url}/plain.html?lang=en`);
  const ready = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('lindung-form.js'));
    const readyAt = window.__events.find((e) => e.name === 'lindung-ready').at;
    return readyAt - (nav?.startTime ?? 0);
  });
  await setValue(page, {
    schemaVersion: '1', id: 'BENCH-1', assessedAt: '2026-11-29T09:00:00+08:00',
    assessor: { name: 'P', agency: 'U', role: 'social_worker' }, caseTypes: ['ktk', 'kpo'], intake: { source: 'self' },
    consent: { services: true, infoSharing: true, reporting: true, recordedAs: 'written' },
    person: { ageYears: 30, sex: 'female' },
    violence: { forms: ['physical'], setting: 'household', perpetrators: [{ relationship: 'spouse', livesWithVictim: 'yes', hasAccess: 'yes' }], injuries: 'minor' },
    trafficking: { process: ['recruitment'], means: ['deception'], exploitation: ['forced_labour'] },
  });
  const times = await page.evaluate(() => {
    const root = document.querySelector('lindung-form').shadowRoot;
    const inputs = root.querySelectorAll('[data-pointer="/danger/strangulation"] input');
    const out = [];
    for (let n = 0; n < 200; n++) {
      const input = inputs[n % 2];
      input.checked = true;
      const t0 = performance.now();
      input.dispatchEvent(new Event('change'));
      out.push(performance.now() - t0);
    }
    return out.sort((a, b) => a - b);
  });
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  console.log(JSON.stringify({ readyMs: Math.round(ready), changeMedianMs: +at(0.5).toFixed(3), changeP95Ms: +at(0.95).toFixed(3) }));
} finally {
  await close();
  await server.close();
}
