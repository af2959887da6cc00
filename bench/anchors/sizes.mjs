// Shipped sizes (raw, gzip, brotli) of lindung's widget and of other form libraries, each
// bundled and minified with esbuild in this run. Prints one JSON object: name → {raw, gzip, brotli}.
//
// `node sizes.mjs [DIST] [--lindung-only]`: DIST is the widget's built folder (default
// ../../www/dist); `--lindung-only` measures the widget alone, without esbuild installed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// What a page loads: the element bundled with the module's glue, its styles, the module.
const SHIPPED = ['lindung-form.js', 'lindung-form.css', 'lindung_wasm_bg.wasm'];
const ANCHORS = {
  'react-jsonschema-form': 'rjsf.js',
  'JSON Forms': 'jsonforms.js',
  SurveyJS: 'surveyjs.js',
};

/** Raw, gzip (level 9) and brotli (quality 11) sizes of some files, summed. */
function sizes(files) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    total.raw += bytes.length;
    total.gzip += zlib.gzipSync(bytes, { level: 9 }).length;
    total.brotli += zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length;
  }
  return total;
}

/** Bundles one entry for the browser, minified, JS and CSS; returns the output files. */
async function bundle(entry, out) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [path.join(HERE, 'entries', entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: out,
    metafile: true,
    logLevel: 'error',
  });
  return Object.keys(result.metafile.outputs).map((file) => path.resolve(file));
}

const args = process.argv.slice(2);
const only = args.includes('--lindung-only');
const dist = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(HERE, '..', '..', 'www', 'dist'));
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-anchors-'));
try {
  const report = { lindung: sizes(SHIPPED.map((f) => path.join(dist, f))) };
  for (const [name, entry] of only ? [] : Object.entries(ANCHORS)) {
    report[name] = sizes(await bundle(entry, path.join(out, entry.replace(/\.js$/, ''))));
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}
