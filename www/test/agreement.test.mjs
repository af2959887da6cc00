// Three validators, one verdict: ajv (draft 2020-12, strict, formats on, also compiled
// standalone) says of every document in the corpus what the library and the `jsonschema` crate
// say (crates/core/tests/agreement.rs writes the corpus). Where the library must differ, the
// corpus names the difference and the verdict a JSON Schema validator gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';

const www = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(www, '..');

/**
 * The corpus directory: `LINDUNG_AGREEMENT_DIR` when it already holds one, else a fresh one
 * written by the Rust agreement test.
 * @returns {string}
 */
let written;
function corpusDir() {
  if (written) return written;
  const given = process.env.LINDUNG_AGREEMENT_DIR;
  const files = ['assessment', 'rules', 'directory'].map((name) => join(given ?? '', `${name}.jsonl`));
  if (given && files.every((file) => existsSync(file))) return given;
  const dir = given ?? mkdtempSync(join(tmpdir(), 'lindung-agreement-'));
  execFileSync(
    'cargo',
    ['test', '--quiet', '-p', 'lindung', '--test', 'agreement', '--test', 'agreement_config'],
    { cwd: root, env: { ...process.env, LINDUNG_AGREEMENT_DIR: dir }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  written = dir;
  return dir;
}

/**
 * An ajv instance as strict as ajv goes, for draft 2020-12 with format validation. Union types
 * (`"type": ["string", "null"]`, how an optional field is written) are allowed by name.
 */
function strictAjv(options = {}) {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true, ...options });
  addFormats(ajv);
  return ajv;
}

/**
 * The schema compiled to standalone code, loaded back as a module.
 * @param {object} schema
 */
async function standalone(schema, name) {
  const ajv = strictAjv({ code: { source: true, esm: false } });
  const source = standaloneCode(ajv, ajv.compile(schema));
  // Beside node_modules, so the generated code finds ajv-formats.
  const dir = join(www, 'node_modules', '.lindung-agreement');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.cjs`);
  writeFileSync(file, source);
  const require = createRequire(import.meta.url);
  delete require.cache[file];
  return require(file);
}

/** What a JSON Schema validator says of a text: accept, reject, or not JSON (reject). */
function verdict(validate, text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return { accepted: false, errors: ['not JSON'] };
  }
  const accepted = validate(value);
  return { accepted, errors: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`) };
}

test('ajv agrees with the library and the jsonschema crate on the whole corpus', async () => {
  const dir = corpusDir();
  const schema = JSON.parse(readFileSync(join(dir, 'assessment.schema.json'), 'utf8'));
  const records = readFileSync(join(dir, 'assessment.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
  const inMemory = strictAjv().compile(schema);
  const compiled = await standalone(schema, 'assessment');
  const failures = [];
  let agreed = 0;
  for (const record of records) {
    // Where ajv reads a format more loosely than the jsonschema crate, the record says so.
    const expected = (record.ajv ?? record.expect) === 'accept';
    const ours = verdict(inMemory, record.text);
    const theirs = verdict(compiled, record.text);
    if (ours.accepted !== expected || theirs.accepted !== expected) {
      failures.push(`${record.name}: ajv ${ours.accepted}, standalone ${theirs.accepted}, expected ${expected}`
        + ` (library structural ${record.structural}${record.difference ? `, difference ${record.difference}` : ''})`
        + `\n  ${ours.errors.join('\n  ')}`);
    } else {
      agreed += 1;
    }
  }
  const generated = records.filter((r) => r.name.startsWith('generated:')).length;
  assert.ok(generated >= 2000, `only ${generated} generated documents`);
  assert.ok(records.some((r) => r.name.startsWith('case:')), 'no shared cases in the corpus');
  assert.deepEqual(failures, [], `${failures.length} disagreements`);
  console.log(`ajv agrees on ${agreed} of ${records.length} documents (${generated} generated)`);
});

for (const name of ['rules', 'directory']) {
  test(`ajv agrees with the jsonschema crate on broken ${name} documents`, async () => {
    const dir = corpusDir();
    const schema = JSON.parse(readFileSync(join(dir, `${name}.schema.json`), 'utf8'));
    const records = readFileSync(join(dir, `${name}.jsonl`), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line));
    const inMemory = strictAjv().compile(schema);
    const compiled = await standalone(schema, name);
    const failures = [];
    for (const record of records) {
      const expected = record.expect === 'accept';
      const ours = verdict(inMemory, record.text);
      const theirs = verdict(compiled, record.text);
      if (ours.accepted !== expected || theirs.accepted !== expected) {
        failures.push(`${record.name}: ajv ${ours.accepted}, standalone ${theirs.accepted}, jsonschema ${expected}`
          + `\n  ${ours.errors.slice(0, 3).join('\n  ')}`);
      }
    }
    assert.ok(records.length >= 300, `only ${records.length} ${name} documents`);
    assert.deepEqual(failures, [], `${failures.length} disagreements`);
    console.log(`ajv agrees on ${records.length} broken ${name} documents`);
  });
}

test('every pinned difference is listed in schemas/README.md', () => {
  const dir = corpusDir();
  const readme = readFileSync(join(root, 'schemas', 'README.md'), 'utf8');
  const classes = new Set(readFileSync(join(dir, 'assessment.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line).difference)
    .filter((d) => d && !d.startsWith('library only')));
  assert.ok(classes.size >= 5, 'the pinned differences are missing from the corpus');
  for (const name of classes) assert.ok(readme.includes(`\`${name}\``), `schemas/README.md does not list \`${name}\``);
});
