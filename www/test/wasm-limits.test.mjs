// The WASM module's entry points given bad input from JavaScript — wrong types, `undefined`,
// cycles, huge strings, broken rule sets and directories: each answers with a located, coded
// error as data (never an exception), and keeps the rules and directory it had. Runs against the
// module built into www/dist (`cargo xtask wasm`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const www = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(www, '..');
const glue = join(www, 'dist', 'lindung_wasm.js');
const built = existsSync(glue);
const skip = built ? false : 'www/dist has no WASM module: run `cargo xtask wasm` first';

/** The module, initialised from the file beside its glue. */
async function wasm() {
  const module = await import(pathToFileURL(glue).href);
  module.initSync({ module: readFileSync(join(www, 'dist', 'lindung_wasm_bg.wasm')) });
  return module;
}

const sound = () => JSON.parse(readFileSync(join(root, 'tests/cases/valid/ktk_kpo_child_online.json'), 'utf8'));

/** Every error is located (a JSON Pointer) and coded, with a message. */
function located(errors, what) {
  assert.ok(Array.isArray(errors) && errors.length > 0, `${what}: no errors`);
  for (const e of errors) {
    assert.equal(typeof e.code, 'string', what);
    assert.ok(e.code.length > 0, what);
    assert.ok(e.path === '' || e.path.startsWith('/'), `${what}: path ${e.path}`);
    if (e.code === 'rules.rule') {
      // A rule's error names the rule and points into the rule set, at the rule's field.
      assert.ok(typeof e.params?.rule === 'string' && e.params.rule.length > 0, `${what}: no rule named`);
      assert.match(e.path, /^\/(risk\/factors|risk\/floors|trafficking\/\w+|referrals)\/\d+\/\w/, `${what}: path ${e.path}`);
    }
    assert.ok(typeof e.message === 'string' && e.message.length > 0, what);
  }
}

const cyclic = {};
cyclic.self = cyclic;
const huge = sound();
huge.person.name = 'x'.repeat(2 * 1024 * 1024);
const bad = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 42],
  ['NaN', NaN],
  ['a boolean', true],
  ['an array', []],
  ['a function', () => 1],
  ['a symbol', Symbol('x')],
  ['a BigInt inside', { schemaVersion: 1n }],
  ['a cycle', cyclic],
  ['an empty string', ''],
  ['a string that is not JSON', '{"schemaVersion": '],
  ['a huge string', 'x'.repeat(3 * 1024 * 1024)],
  ['a huge field', huge],
  ['deep nesting', '['.repeat(100000) + ']'.repeat(100000)],
  ['a lone surrogate', '{"id": "\ud800"}'],
];

test('assess and validate answer every bad value with coded errors, never an exception', { skip }, async () => {
  const lindung = await wasm();
  const before = lindung.assessJson(sound(), 'en');
  for (const [what, value] of bad) {
    const result = lindung.assess(value, 'en');
    assert.equal(result.valid, false, what);
    located(result.errors, what);
    assert.ok(result.referrals.every((r) => !r.ready), what);
    const checked = lindung.validate(value, 'en');
    assert.equal(checked.valid, false, what);
    located(checked.problems, what);
    assert.doesNotThrow(() => lindung.visibility(value), what);
  }
  assert.equal(lindung.assessJson(sound(), 'en'), before, 'the engine answers as before');
  assert.doesNotThrow(() => lindung.assess(sound(), 'xx'));
});

test('a bad rule set or directory is refused and the previous one kept', { skip }, async () => {
  const lindung = await wasm();
  const before = lindung.assessJson(sound(), 'en');
  const rules = JSON.parse(readFileSync(join(root, 'crates/core/data/rules.default.json'), 'utf8'));
  const directory = JSON.parse(readFileSync(join(root, 'crates/core/data/directory.kalsel.json'), 'utf8'));
  const brokenRules = structuredClone(rules);
  brokenRules.risk.factors[0].when = { answer: { at: '/danger/nothing', is: 'yes' } };
  const brokenDirectory = structuredClone(directory);
  brokenDirectory.providers[0].services = ['haircut'];
  const cases = [
    ...bad,
    ['a rule with a pointer to nowhere', brokenRules],
    ['a provider with an unknown service', brokenDirectory],
    ['an empty object', {}],
  ];
  for (const [what, value] of cases) {
    for (const load of [lindung.loadRules, lindung.loadDirectory]) {
      if (value === brokenDirectory && load === lindung.loadRules) continue;
      if (value === brokenRules && load === lindung.loadDirectory) continue;
      const outcome = load(value, 'en');
      assert.equal(outcome.ok, false, `${load.name}: ${what}`);
      located(outcome.errors, `${load.name}: ${what}`);
      assert.equal(lindung.assessJson(sound(), 'en'), before, `${load.name}: ${what} changed the engine`);
    }
  }
  assert.equal(lindung.loadRules(rules, 'en').ok, true);
  assert.equal(lindung.loadDirectory(directory, 'en').ok, true);
  assert.equal(lindung.assessJson(sound(), 'en'), before);
});
