// The engine through the WASM module under Node: `assessJson` on assessment files, timed per call.
// Run `node test/perf-wasm.mjs FILE…` after `cargo xtask wasm`; prints one JSON object of
// nanoseconds per call by file. Skipped by `node --test`.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The median of `xs`. */
function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Nanoseconds per `assessJson` call for each text, the median of batches of about 50 ms. */
export async function measure(texts) {
  const dist = new URL('../dist/', import.meta.url);
  const glue = await import(new URL('lindung_wasm.js', dist));
  glue.initSync({ module: fs.readFileSync(new URL('lindung_wasm_bg.wasm', dist)) });
  const out = {};
  for (const [name, text] of Object.entries(texts)) {
    let sink = 0;
    const once = () => { sink += glue.assessJson(text, 'en').length; };
    let batch = 1;
    for (;;) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) once();
      if (Number(process.hrtime.bigint() - t0) > 50e6) break;
      batch *= 2;
    }
    const samples = [];
    for (let s = 0; s < 30; s++) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) once();
      samples.push(Number(process.hrtime.bigint() - t0) / batch);
    }
    if (sink === 0) throw new Error('no output');
    out[name] = median(samples);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && !process.env.NODE_TEST_CONTEXT) {
  const texts = Object.fromEntries(process.argv.slice(2).map((f) => [f, fs.readFileSync(f, 'utf8')]));
  process.stdout.write(`${JSON.stringify(await measure(texts))}\n`);
}
