// Browser timing in headless Chromium: script load to `lindung-ready`, and the re-evaluation of
// the whole form after one answer changes. Run `node test/perf.mjs [assessment.json]` after
// `cargo xtask wasm`; prints one JSON object. Skipped by `node --test`.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';
import { start } from './server.mjs';

const CHANGES = 200;
const LOADS = 10;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>perf</title>
<script>
  window.__ready = null;
  document.addEventListener('lindung-ready', () => { window.__ready = performance.now(); });
</script>
<script type="module" src="/dist/lindung-form.js"></script></head>
<body><lindung-form lang="en"></lindung-form></body></html>`;

/** The value at `p` of sorted `xs`, nearest rank. */
function percentile(xs, p) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Opens the perf page; resolves to the page once the form is ready. */
async function openPage(context, url) {
  const page = context.pages()[0] ?? await context.newPage();
  await page.route(`${url}/perf.html`, (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
  await page.goto(`${url}/perf.html`);
  await page.waitForFunction(() => window.__ready !== null);
  return page;
}

/** Milliseconds from the start of fetching the element's script to `lindung-ready`. */
async function readyTime(page) {
  return page.evaluate(() => {
    const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/dist/lindung-form.js'));
    return window.__ready - (script ? script.startTime : 0);
  });
}

/**
 * Measures in a fresh browser: `ready` (median of `LOADS` page loads, ms) and the per-change
 * re-evaluation (`median`, `p95`, ms over `CHANGES` changes) with `assessment` filled in.
 */
export async function measure(assessment) {
  const server = await start();
  const { context, close } = await launch();
  try {
    const loads = [];
    let page;
    for (let n = 0; n < LOADS; n++) {
      page = await openPage(context, server.url);
      loads.push(await readyTime(page));
    }
    const times = await page.evaluate(({ doc, changes }) => {
      const form = document.querySelector('lindung-form');
      form.value = doc;
      const root = form.shadowRoot;
      const pick = (n) => root.querySelector(`input[type="radio"][id$="-danger-strangulation-${n}"]`);
      if (!pick(0) || !pick(1)) throw new Error('the strangulation question is not on the form');
      let changed = 0;
      form.addEventListener('lindung-change', () => { changed += 1; });
      const out = [];
      for (let n = 0; n < changes + 20; n++) {
        const input = pick(n % 2);
        const before = performance.now();
        input.click();
        const after = performance.now();
        if (n >= 20) out.push(after - before);
      }
      if (changed !== changes + 20) throw new Error(`${changed} change events for ${changes + 20} changes`);
      return out;
    }, { doc: assessment, changes: CHANGES });
    return {
      ready: percentile(loads, 50),
      change: { median: percentile(times, 50), p95: percentile(times, 95), count: times.length },
    };
  } finally {
    await close();
    await server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && !process.env.NODE_TEST_CONTEXT) {
  const file = process.argv[2] ?? new URL('../../tests/cases/valid/ktk_adult_household.json', import.meta.url);
  const assessment = JSON.parse(fs.readFileSync(file, 'utf8'));
  process.stdout.write(`${JSON.stringify(await measure(assessment))}\n`);
}
