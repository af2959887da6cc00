// The WASM module in Node: the same cases give byte-for-byte the native results, and bad input
// comes back as located errors, never as exceptions.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WWW = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = path.resolve(WWW, '..');
const CASES = path.join(ROOT, 'tests', 'cases');
const NATIVE = path.join(process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target'), 'native-results');

let core;
before(async () => {
  core = await import(path.join(WWW, 'dist', 'lindung_wasm.js'));
  await core.default({ module_or_path: fs.readFileSync(path.join(WWW, 'dist', 'lindung_wasm_bg.wasm')) });
});

function cases(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return cases(full);
    return entry.name.endsWith('.json') && !entry.name.endsWith('.expect.json') ? [full] : [];
  });
}

test('every case gives the native result, byte for byte, in both languages', () => {
  const files = cases(CASES);
  assert.ok(files.length > 0, 'no cases');
  assert.ok(fs.existsSync(NATIVE), `no native results at ${NATIVE}: run cargo test -p lindung-wasm first`);
  let compared = 0;
  for (const file of files) {
    const flat = path.relative(CASES, file).replace(/\.json$/, '').split(path.sep).join('__');
    const text = fs.readFileSync(file, 'utf8');
    for (const lang of ['id', 'en']) {
      const expected = fs.readFileSync(path.join(NATIVE, `${flat}.${lang}.json`), 'utf8');
      assert.equal(core.assessJson(text, lang), expected, `${flat} (${lang})`);
      compared++;
    }
  }
  assert.equal(compared, files.length * 2);
});

// The module reads floats with parseFloat and writes them with Number's toString
// (crates/core/src/json/host_float.rs): both must give what the native library gives.
test('the host reads and writes hard numbers as the native library does', () => {
  const file = path.join(NATIVE, 'numbers.json');
  assert.ok(fs.existsSync(file), `no ${file}: run cargo test -p lindung-wasm first`);
  const bits = (value) => {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, value);
    return view.getBigUint64(0).toString(16).padStart(16, '0');
  };
  // Significant digits and the power of ten of the last one, without leading or trailing zeros.
  const digits = (text) => {
    const [mantissa, power = '0'] = text.replace(/^-/, '').split(/e/i);
    const [whole, fraction = ''] = mantissa.split('.');
    let all = (whole + fraction).replace(/^0+/, '');
    let exponent = Number(power) - fraction.length;
    while (all.endsWith('0')) { all = all.slice(0, -1); exponent += 1; }
    return all === '' ? '0' : `${all}e${exponent}`;
  };
  const corpus = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.ok(corpus.length > 1000);
  for (const [text, expected, written] of corpus) {
    const value = parseFloat(text);
    assert.equal(bits(value), expected, `read ${text}`);
    assert.equal(digits(String(value)), digits(written), `write ${text}`);
  }
});

test('an object gives the same result as its JSON text', () => {
  const file = cases(path.join(CASES, 'valid'))[0];
  const text = fs.readFileSync(file, 'utf8');
  assert.deepEqual(core.assess(JSON.parse(text), 'en'), JSON.parse(core.assessJson(text, 'en')));
});

test('input that is not an assessment is a located error, not an exception', () => {
  const huge = `"${'x'.repeat(1024 * 1024 + 10)}"`;
  const unwritable = { toJSON: () => undefined };
  for (const [input, code] of [[undefined, 'input.not_object'], [null, 'input.not_object'], [42, 'input.not_object'], [true, 'input.not_object'], [unwritable, 'input.not_object'], [huge, 'input.too_large']]) {
    const result = core.assess(input, 'en');
    assert.equal(result.valid, false);
    assert.equal(result.errors[0].code, code, String(input).slice(0, 20));
    assert.equal(result.errors[0].path, '');
    assert.ok(result.errors[0].message.length > 0);
  }
  const broken = core.assess('{"schemaVersion": "1", "id": 5', 'en');
  assert.equal(broken.valid, false);
  assert.ok(broken.errors.length > 0);
  const checked = core.validate('{"schemaVersion":"1"}', 'id');
  assert.equal(checked.valid, false);
  assert.ok(checked.problems.every((p) => typeof p.path === 'string' && p.code && p.message));
});

test('the language is a string argument; omitted, or anything but a string, it is the default', () => {
  const broken = '{"schemaVersion": "1", "id": 5';
  assert.notEqual(core.assessJson(broken, 'en'), core.assessJson(broken, 'id'));
  for (const other of [undefined, null, 17, { lang: 'en' }]) {
    assert.equal(core.assessJson(broken, other), core.assessJson(broken, ''));
    assert.deepEqual(core.validate(broken, other), core.validate(broken, ''));
  }
  assert.deepEqual(core.formDefinition(), core.formDefinition(''));
  assert.notDeepEqual(core.formDefinition('en'), core.formDefinition('id'));
});

test('a bad rule set or directory is reported and the previous one stays', () => {
  const before = core.version();
  const sample = fs.readFileSync(cases(path.join(CASES, 'valid'))[0], 'utf8');
  const expected = core.assessJson(sample, 'en');
  for (const load of [core.loadRules, core.loadDirectory]) {
    for (const bad of ['{not json', '{}', 17, undefined]) {
      const outcome = load(bad, 'en');
      assert.equal(outcome.ok, false);
      assert.deepEqual(Object.keys(outcome), ['ok', 'errors']);
      assert.ok(outcome.errors.length > 0 && outcome.errors[0].code && outcome.errors[0].message);
    }
  }
  assert.deepEqual(core.version(), before);
  assert.equal(core.assessJson(sample, 'en'), expected);
});

test('the built-in rule set and directory load again as agency files', () => {
  const rules = fs.readFileSync(path.join(ROOT, 'crates', 'core', 'data', 'rules.default.json'), 'utf8');
  assert.deepEqual(core.loadRules(rules, 'en'), { ok: true, errors: [] });
  const directory = fs.readdirSync(path.join(ROOT, 'crates', 'core', 'data')).find((f) => f.startsWith('directory'));
  const text = fs.readFileSync(path.join(ROOT, 'crates', 'core', 'data', directory), 'utf8');
  assert.deepEqual(core.loadDirectory(text, 'en'), { ok: true, errors: [] });
  assert.equal(JSON.stringify(core.loadDirectory(text, 'en')), '{"ok":true,"errors":[]}');
});

test('a wrong rule is named and pointed at in the rule set', () => {
  const rules = JSON.parse(fs.readFileSync(path.join(ROOT, 'crates', 'core', 'data', 'rules.default.json'), 'utf8'));
  rules.risk.factors[2].when = { answer: { at: '/danger/choking', is: 'yes' } };
  rules.referrals[1].label.en = ' ';
  const outcome = core.loadRules(rules, 'en');
  assert.equal(outcome.ok, false);
  const [error] = outcome.errors;
  assert.equal(error.code, 'rules.rule');
  assert.equal(error.path, '/risk/factors/2/when');
  assert.equal(error.params.rule, rules.risk.factors[2].id);
  assert.match(error.message, /\/danger\/choking/);
  rules.risk.factors[2].when = { answer: { at: '/danger/strangulation', is: 'yes' } };
  assert.equal(core.loadRules(rules, 'en').errors[0].path, '/referrals/1/label');
  rules.referrals[1].label.en = 'Referral';
  assert.deepEqual(core.loadRules(rules, 'en'), { ok: true, errors: [] });
  assert.deepEqual(core.loadRules(fs.readFileSync(path.join(ROOT, 'crates', 'core', 'data', 'rules.default.json'), 'utf8'), 'en'), { ok: true, errors: [] });
});

test('form definition and version are exported; the schemas are files, not in the module', () => {
  for (const lang of ['id', 'en']) {
    const form = core.formDefinition(lang);
    assert.equal(form.lang, lang);
    assert.deepEqual(form.sections.map((s) => s.id), ['intake', 'person', 'guardian', 'violence', 'trafficking', 'needs', 'judgement', 'summary']);
  }
  assert.equal(core.schema, undefined, 'the published schemas ship as files under schemas/');
  assert.match(core.version().lindung, /^\d+\.\d+\.\d+/);
});
