// <lindung-form>: the lindung assessment form as a custom element. No framework, no build step.
//
// The form renders from the definition the core exports (sections, questions, options, labels,
// visibility), and every result comes from the same engine as the Rust library, compiled to WASM.
// User text is only ever set with textContent. Nothing is written to the console.

import init, * as core from './lindung_wasm.js';

/** UI strings in both languages; questions and options come from the form definition. */
export const STRINGS = {
  id: {
    loading: 'Memuat formulir…',
    loadFailed: 'Formulir tidak dapat dimuat. Muat ulang halaman.',
    sectionOf: (n, m) => `Bagian ${n} dari ${m}`,
    counts: (a, u, n) => `${a} dijawab · ${u} tidak tahu · ${n} tidak ditanyakan`,
    errorPrefix: 'Kesalahan:',
    errorTitle: 'Ada yang perlu diperbaiki',
    required: 'Jawab pertanyaan ini',
    requiredList: 'Tambahkan paling sedikit satu',
    clear: 'Kosongkan jawaban',
    add: 'Tambah',
    remove: 'Hapus',
    item: (n) => `Nomor ${n}`,
    choose: '— pilih —',
    submit: 'Simpan asesmen',
    print: 'Cetak ringkasan',
    retry: 'Kirim ulang',
    sending: 'Mengirim…',
    sent: 'Asesmen terkirim. Draf telah dihapus.',
    saved: 'Asesmen selesai. Draf telah dihapus.',
    sendFailed: 'Asesmen belum terkirim. Jawaban tetap tersimpan di sini; coba kirim ulang.',
    draftRestored: 'Draf sebelumnya dipulihkan.',
    exit: 'Keluar dari halaman ini',
    exitHint: 'Atau tekan tombol Shift tiga kali',
    shiftCount: (n) => `Shift ditekan ${n} dari 3 kali`,
    exiting: 'Keluar dari halaman…',
    result: 'Hasil',
    support: 'Alat bantu keputusan, bukan keputusan. Penilaian profesional Anda tetap menentukan.',
    incomplete: (n) => `Hasil muncul setelah jawaban wajib lengkap (${n} masalah).`,
    risk: 'Tingkat risiko',
    computed: 'dihitung',
    reasons: 'Alasan',
    noReasons: 'Tidak ada faktor risiko yang dijawab "ya".',
    unknowns: (u, n) => `${u} tidak tahu, ${n} tidak ditanyakan`,
    trafficking: 'Perdagangan orang',
    dimensions: 'Dimensi',
    referrals: 'Rujukan',
    noReferrals: 'Belum ada rujukan.',
    due: 'paling lambat',
    consent: 'persetujuan',
    configError: (what) => `Berkas ${what} lembaga tidak dapat dipakai; aturan bawaan tetap berlaku.`,
    levels: { low: 'Rendah', medium: 'Sedang', high: 'Tinggi', critical: 'Kritis' },
    status: { indicated: 'Terindikasi', possible: 'Mungkin', not_indicated: 'Tidak terindikasi', not_assessed: 'Belum dinilai' },
    urgency: { immediate: 'Segera', within_24h: 'Dalam 24 jam', within_72h: 'Dalam 72 jam', within_7d: 'Dalam 7 hari', routine: 'Rutin' },
    consentState: { given: 'diberikan', needed: 'perlu diminta', emergency: 'darurat', statutory: 'kewajiban hukum', guardian_needed: 'perlu dari wali' },
    noGuardian: 'Jangan hubungi wali: wali diduga pelaku.',
  },
  en: {
    loading: 'Loading the form…',
    loadFailed: 'The form could not be loaded. Reload the page.',
    sectionOf: (n, m) => `Section ${n} of ${m}`,
    counts: (a, u, n) => `${a} answered · ${u} don't know · ${n} not asked`,
    errorPrefix: 'Error:',
    errorTitle: 'There is a problem',
    required: 'Answer this question',
    requiredList: 'Add at least one',
    clear: 'Clear answer',
    add: 'Add',
    remove: 'Remove',
    item: (n) => `Number ${n}`,
    choose: '— choose —',
    submit: 'Save assessment',
    print: 'Print summary',
    retry: 'Send again',
    sending: 'Sending…',
    sent: 'Assessment sent. The draft has been deleted.',
    saved: 'Assessment complete. The draft has been deleted.',
    sendFailed: 'The assessment was not sent. The answers are still here; try sending again.',
    draftRestored: 'The earlier draft was restored.',
    exit: 'Exit this page',
    exitHint: 'Or press the Shift key three times',
    shiftCount: (n) => `Shift pressed ${n} of 3 times`,
    exiting: 'Leaving the page…',
    result: 'Result',
    support: 'Decision support, not a decision. Your professional judgement decides.',
    incomplete: (n) => `The result shows once the required answers are complete (${n} problems).`,
    risk: 'Risk level',
    computed: 'computed',
    reasons: 'Reasons',
    noReasons: 'No risk factor was answered "yes".',
    unknowns: (u, n) => `${u} don't know, ${n} not asked`,
    trafficking: 'Trafficking',
    dimensions: 'Dimensions',
    referrals: 'Referrals',
    noReferrals: 'No referrals yet.',
    due: 'by',
    consent: 'consent',
    configError: (what) => `The agency's ${what} file cannot be used; the built-in rules stay in use.`,
    levels: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
    status: { indicated: 'Indicated', possible: 'Possible', not_indicated: 'Not indicated', not_assessed: 'Not assessed' },
    urgency: { immediate: 'Immediately', within_24h: 'Within 24 hours', within_72h: 'Within 72 hours', within_7d: 'Within 7 days', routine: 'Routine' },
    consentState: { given: 'given', needed: 'needed', emergency: 'emergency', statutory: 'a duty in law', guardian_needed: 'needed from guardian' },
    noGuardian: 'Do not contact the guardian: the guardian is a suspected perpetrator.',
  },
};

/** The attributes, each reflected to its camelCase property (`case-type` to `caseType`). */
const ATTRIBUTES = ['lang', 'case-type', 'action', 'drafts', 'quick-exit', 'show-result', 'rules-src', 'directory-src'];

let ready = null;
/** Loads the WASM engine and the stylesheet once per page. */
function load() {
  ready ??= Promise.all([
    init({ module_or_path: new URL('./lindung_wasm_bg.wasm', import.meta.url) }),
    fetch(new URL('./lindung-form.css', import.meta.url)).then((r) => (r.ok ? r.text() : '')).catch(() => ''),
  ]).then(([, css]) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  });
  return ready;
}

let instances = 0;

const formats = {};
/** A cached date-time format per language (building one per call is slow). */
const dateFormat = (lang) => (formats[lang] ??= new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short' }));

/** Reads the value at a JSON Pointer. */
function getAt(doc, pointer) {
  let node = doc;
  for (const key of pointer.split('/').slice(1)) {
    if (node == null || typeof node !== 'object') return undefined;
    node = node[key.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/** Writes a value at a JSON Pointer, creating objects on the way. */
function setAt(doc, pointer, value) {
  const keys = pointer.split('/').slice(1);
  let node = doc;
  keys.slice(0, -1).forEach((key) => { node = node[key] ??= {}; });
  node[keys[keys.length - 1]] = value;
}

const empty = (v) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Turns a `datetime-local` value into RFC 3339 with the browser's offset for that moment. */
function withOffset(local) {
  if (!local) return '';
  const date = new Date(local);
  if (Number.isNaN(date.getTime())) return local;
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  // An offset is under a day, so it reads as `HH:MM` from the moment that many minutes after 1970.
  const hhmm = new Date(Math.abs(minutes) * 60000).toISOString().slice(11, 16);
  const base = local.length === 16 ? `${local}:00` : local;
  return `${base}${sign}${hhmm}`;
}

/** Now, as a `datetime-local` value: the UTC digits of the moment shifted by the local offset. */
function nowLocal() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

/** The storage that a `drafts` mode names (`session` or `local`), or null when off or blocked. */
function storage(mode) {
  try {
    return mode === 'session' ? sessionStorage : mode === 'local' ? localStorage : null;
  } catch {
    return null;
  }
}

const b64 = (bytes) => btoa(String.fromCharCode(...bytes));
const unb64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/**
 * Creates an element with attributes, listeners (`onclick: fn` listens to `click`) and text; never
 * parses HTML.
 */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children.flat()) if (child != null) el.append(child);
  return el;
}

/**
 * The assessment form.
 *
 * Attributes: `lang`, `case-type`, `action`, `drafts`, `quick-exit`, `show-result`, `rules-src`,
 * `directory-src` (reflected to camelCase properties).
 * Events: `lindung-ready`, `lindung-change`, `lindung-submit`, `lindung-invalid`,
 * `lindung-submitted`, `lindung-submit-error`, `lindung-exit`.
 */
export class LindungForm extends HTMLElement {
  static get observedAttributes() { return ATTRIBUTES; }

  constructor() {
    super();
    this._uid = `lf${++instances}`;
    this._answers = new Map();
    this._lists = new Map();
    this._form = null;
    this._result = null;
    this._errors = [];
    this._shown = { sections: [], questions: [] };
    /** The pointers of `_shown.questions`, as a set. */
    this._visible = new Set();
    this._evaluated = false;
    this._shifts = [];
    this._submitted = false;
    this._saveTimer = 0;
    /** Counts the wipes of the draft, so that a save begun before one does not write after it. */
    this._epoch = 0;
    /** A CryptoKey (AES-GCM) for drafts; when unset, a key is kept for the browser session. */
    this.draftKey = null;
    this.attachShadow({ mode: 'open' });
    this.shadowRoot.append(h('p', { role: 'status', text: this._t.loading }));
    this._onKey = (event) => this._shiftPressed(event);
  }

  get _lang() { return this.getAttribute('lang') === 'en' ? 'en' : 'id'; }
  get _t() { return STRINGS[this._lang]; }

  connectedCallback() {
    document.addEventListener('keydown', this._onKey, true);
    if (this._booted) return;
    this._booted = true;
    load().then((sheet) => this._boot(sheet)).catch(() => {
      this.shadowRoot.replaceChildren(h('p', { role: 'alert', text: this._t.loadFailed }));
    });
  }

  disconnectedCallback() { document.removeEventListener('keydown', this._onKey, true); }

  attributeChangedCallback(name, old, value) {
    if (!this._form || old === value) return;
    if (name === 'lang') {
      this._define();
      this._render();
      if (this._errors.length) this.validate();
    }
    else if (name === 'rules-src' || name === 'directory-src') this._loadConfig().then(() => { this._define(); this._render(); });
    else this._render();
  }

  async _boot(sheet) {
    this.shadowRoot.adoptedStyleSheets = [sheet];
    await this._loadConfig();
    this._define();
    const restored = await this._restoreDraft();
    if (!restored && this._answers.size === 0) this._preset();
    this._render();
    if (restored) this._say(this._t.draftRestored);
    this._emit('lindung-ready', {});
  }

  _preset() {
    this._answers.set('/assessedAt', withOffset(nowLocal()));
    const type = this.getAttribute('case-type');
    if (type === 'ktk' || type === 'kpo') this._answers.set('/caseTypes', [type]);
    if (type === 'both') this._answers.set('/caseTypes', ['ktk', 'kpo']);
  }

  async _loadConfig() {
    this._configErrors = [];
    for (const [attr, fn, what] of [['rules-src', core.loadRules, 'rules'], ['directory-src', core.loadDirectory, 'directory']]) {
      const src = this.getAttribute(attr);
      if (!src) continue;
      let ok = false;
      try {
        const response = await fetch(src, { credentials: 'same-origin' });
        ok = response.ok && fn(await response.text(), this._lang).ok;
      } catch { /* not loaded: shown as not usable */ }
      if (!ok) this._configErrors.push(what);
    }
  }

  // ---- public API -------------------------------------------------------------------------

  /** The assessment as the visible answers make it (hidden answers are kept but not included). */
  get value() { return this._form ? this._build(this._visible) : null; }

  /**
   * Replaces every answer with those of an assessment object. Anything but an object is refused
   * with a `lindung-invalid` event and the answers stay as they were.
   */
  set value(doc) {
    if (!this._form) return;
    if (doc == null || typeof doc !== 'object' || Array.isArray(doc)) {
      const message = this._lang === 'en' ? 'the value must be an assessment object' : 'nilai harus berupa objek asesmen';
      this._emit('lindung-invalid', { errors: [{ path: '', code: 'input.not_object', message }] });
      return;
    }
    this._answers.clear();
    this._lists.clear();
    for (const q of this._questions()) {
      const v = getAt(doc, q.pointer);
      if (q.kind === 'list') {
        if (Array.isArray(v)) this._lists.set(q.pointer, v.map((item) => Object.fromEntries(q.fields.map((f) => [f.pointer, getAt(item, f.pointer)]).filter(([, x]) => !empty(x)))));
      } else if (!empty(v)) this._answers.set(q.pointer, v);
    }
    this._render();
    this._scheduleSave();
  }

  /** The latest result document (read-only). */
  get result() { return this._result; }

  /** Checks the answers; shows the errors and returns them (`[]` when none). */
  validate() {
    const errors = this._collectErrors();
    this._errors = errors;
    this._renderErrors();
    return errors;
  }

  /** Clears every answer and the draft. */
  reset() {
    this._answers.clear();
    this._lists.clear();
    this._errors = [];
    this.clearDraft();
    this._preset();
    this._render();
  }

  /** Deletes the saved draft. */
  clearDraft() {
    clearTimeout(this._saveTimer);
    this._epoch++;
    for (const mode of ['session', 'local']) storage(mode)?.removeItem(this._draftName);
  }

  /** Opens the browser's print dialog with a clean summary of answers, risk and referrals. */
  print() {
    this._renderPrint();
    window.print();
  }

  // ---- model --------------------------------------------------------------------------------

  *_questions() {
    for (const section of this._form.sections) yield* section.questions;
  }

  /** Loads the form definition, with every optional list present. */
  _define() {
    const form = core.formDefinition(this._lang);
    const fill = (q) => { q.options ??= []; q.fields ??= []; q.fields.forEach(fill); };
    for (const section of form.sections) section.questions.forEach(fill);
    this._form = form;
  }

  /** Builds the assessment from answers of the questions in `shown` (all when null). */
  _build(shown) {
    const doc = { schemaVersion: '1' };
    for (const q of this._questions()) {
      if (shown && !shown.has(q.pointer)) continue;
      if (q.kind === 'list') {
        const items = (this._lists.get(q.pointer) ?? []).map((item) => {
          const out = {};
          for (const f of q.fields) if (!empty(item[f.pointer])) setAt(out, f.pointer, item[f.pointer]);
          return out;
        });
        if (items.length) setAt(doc, q.pointer, items);
        continue;
      }
      const v = this._answers.get(q.pointer);
      if (!empty(v)) setAt(doc, q.pointer, v);
    }
    return doc;
  }

  /**
   * Finds what shows, as the fixpoint of "what shows for the answers that show", and assesses
   * those answers. No question's showing depends on its own answer (a test of the core holds
   * that), so the fixpoint is one, and starting from what showed before the last change usually
   * finds it at the first call.
   */
  _evaluate() {
    let filter = this._evaluated ? this._visible : null;
    let doc; let text; let shown;
    for (let i = 0; i < 5; i++) {
      doc = this._build(filter);
      text = JSON.stringify(doc);
      shown = core.visibility(text);
      const stable = filter && shown.questions.length === filter.size && shown.questions.every((q) => filter.has(q));
      if (stable) break;
      filter = new Set(shown.questions);
      if (i === 4) { doc = this._build(filter); text = JSON.stringify(doc); }
    }
    this._shown = shown;
    this._visible = new Set(shown.questions);
    this._evaluated = true;
    this._result = core.assess(text, this._lang);
    return doc;
  }

  _collectErrors() {
    const t = this._t;
    const shown = this._visible;
    const errors = [];
    const seen = new Set();
    const add = (pointer, id, message) => {
      if (seen.has(pointer)) return;
      seen.add(pointer);
      errors.push({ pointer, id, message });
    };
    for (const q of this._questions()) {
      if (!shown.has(q.pointer)) continue;
      if (q.kind === 'list') {
        const items = this._lists.get(q.pointer) ?? [];
        if (q.required && items.length === 0) add(q.pointer, this._id(q.pointer, 'add'), t.requiredList);
        items.forEach((item, n) => q.fields.forEach((f) => {
          if (f.required && empty(item[f.pointer])) add(`${q.pointer}/${n}${f.pointer}`, this._id(`${q.pointer}/${n}${f.pointer}`), t.required);
        }));
      } else if (q.required && empty(this._answers.get(q.pointer))) add(q.pointer, this._id(q.pointer), t.required);
    }
    const checked = core.validate(JSON.stringify(this.value), this._lang);
    for (const p of checked.problems ?? []) {
      if (p.severity !== 'error') continue;
      const target = this._targetOf(p.path ?? '');
      add(p.path || `#${errors.length}`, target, p.message);
    }
    return errors;
  }

  /** The id of the control nearest to a problem's pointer. */
  _targetOf(path) {
    const parts = path.split('/');
    for (let n = parts.length; n > 1; n--) {
      const pointer = parts.slice(0, n).join('/');
      if (this.shadowRoot.getElementById(this._id(pointer))) return this._id(pointer);
    }
    const first = [...this._questions()].find((q) => q.pointer.startsWith(path + '/') && this._visible.has(q.pointer));
    return first ? this._id(first.pointer) : `${this._uid}-form`;
  }

  _id(pointer, suffix = '') {
    return `${this._uid}${pointer.replace(/[^A-Za-z0-9]/g, '-')}${suffix ? `-${suffix}` : ''}`;
  }

  // ---- rendering ----------------------------------------------------------------------------

  _render() {
    if (!this._form) return;
    const t = this._t;
    this._evaluate();
    const root = h('div', { class: 'root', part: 'root', lang: this._lang });
    const status = h('p', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' });
    this._status = status;
    if (this.getAttribute('quick-exit')) {
      const exit = h('button', { type: 'button', class: 'exit', part: 'button exit-button', text: t.exit, onclick: () => this._exit() });
      root.append(h('div', { class: 'exit-bar', part: 'exit-bar' }, exit, h('p', { class: 'exit-hint', text: t.exitHint })));
    }
    for (const what of this._configErrors ?? []) {
      root.append(h('p', { class: 'config-error', part: 'config-error', role: 'alert', text: t.configError(what) }));
    }
    this._summary = h('div', { class: 'error-summary', part: 'error-summary', tabindex: '-1', hidden: true });
    this._progress = h('p', { class: 'progress', part: 'progress', 'aria-live': 'polite' });
    root.append(status, this._summary, this._progress);
    const form = h('form', {
      id: `${this._uid}-form`, novalidate: true, part: 'form', 'aria-label': this._form.sections[0] ? 'lindung' : '',
      onsubmit: (e) => { e.preventDefault(); this._submit(); }, onfocusin: (e) => this._focusSection(e),
    });
    for (const section of this._form.sections) form.append(this._renderSection(section));
    root.append(form);
    this._print = h('div', { class: 'print', part: 'print' });
    root.append(this._print);
    this.shadowRoot.replaceChildren(root);
    this._refresh();
    this._renderErrors();
  }

  _renderSection(section) {
    const t = this._t;
    const headingId = this._id(`/${section.id}`, 'title');
    const el = h('section', { class: 'section', part: `section section-${section.id}`, 'data-section': section.id, 'aria-labelledby': headingId },
      h('h2', { id: headingId, text: section.title }),
      section.hint ? h('p', { class: 'section-hint', text: section.hint }) : null);
    for (const q of section.questions) el.append(this._renderQuestion(q));
    if (section.id === 'summary') {
      this._resultPanel = h('div', { class: 'result', part: 'result', 'aria-live': 'polite' });
      const submit = h('button', { type: 'submit', class: 'primary', part: 'button submit-button', text: t.submit });
      const print = h('button', { type: 'button', class: 'secondary', part: 'button print-button', text: t.print, onclick: () => this.print() });
      this._retry = h('button', { type: 'button', class: 'secondary', part: 'button retry-button', hidden: true, text: t.retry, onclick: () => this._post() });
      el.append(this._resultPanel, h('div', { class: 'actions' }, submit, this._retry, print));
    }
    return el;
  }

  _renderQuestion(q, list = null) {
    const pointer = list ? `${list.pointer}/${list.index}${q.pointer}` : q.pointer;
    const id = this._id(pointer);
    const hintId = `${id}-hint`;
    const errorId = `${id}-error`;
    const describe = [q.hint ? hintId : null, errorId].filter(Boolean).join(' ');
    const wrap = h('div', { class: 'question', part: 'question', 'data-pointer': pointer });
    const hint = q.hint ? h('p', { class: 'hint', id: hintId, text: q.hint }) : null;
    const error = h('p', { class: 'error-message', id: errorId, hidden: true });
    const get = () => (list ? this._lists.get(list.pointer)?.[list.index]?.[q.pointer] : this._answers.get(q.pointer));
    const set = (v) => {
      if (list) {
        const item = this._lists.get(list.pointer)[list.index];
        if (empty(v)) delete item[q.pointer]; else item[q.pointer] = v;
      } else if (empty(v)) this._answers.delete(q.pointer);
      else this._answers.set(q.pointer, v);
      this._changed();
    };
    const current = get();
    if (['answer', 'boolean', 'multi'].includes(q.kind) || (q.kind === 'choice' && q.options.length <= 5)) {
      const multi = q.kind === 'multi';
      const fieldset = h('fieldset', { id, 'aria-describedby': describe, tabindex: '-1' },
        h('legend', { text: q.label }));
      const options = h('div', { class: multi ? 'checkboxes' : 'radios' });
      q.options.forEach((option, n) => {
        const inputId = `${id}-${n}`;
        const selected = multi ? Array.isArray(current) && current.includes(option.value) : current === option.value;
        const input = h('input', {
          type: multi ? 'checkbox' : 'radio', id: inputId, name: id, checked: selected,
          onchange: () => {
            if (multi) {
              const now = q.options.filter((_, k) => this.shadowRoot.getElementById(`${id}-${k}`)?.checked).map((o) => o.value);
              set(now);
            } else set(option.value);
            if (clear) clear.hidden = empty(get());
          },
        });
        options.append(h('div', { class: 'option' }, input, h('label', { for: inputId, text: option.label })));
      });
      let clear = null;
      if (!multi) {
        clear = h('button', {
          type: 'button', class: 'link', part: 'button clear-button', hidden: empty(current), text: this._t.clear,
          onclick: () => {
            fieldset.querySelectorAll('input').forEach((i) => { i.checked = false; });
            set(undefined);
            clear.hidden = true;
            fieldset.querySelector('input')?.focus();
          },
        });
      }
      fieldset.append(hint ?? '', error, options, clear ?? '');
      wrap.append(fieldset);
    } else if (q.kind === 'list') {
      wrap.append(this._renderList(q, id, describe, hint, error));
    } else {
      let control;
      if (q.kind === 'choice') {
        control = h('select', { id, 'aria-describedby': describe, onchange: () => set(control.value === '' ? undefined : q.options[Number(control.value)].value) },
          h('option', { value: '', text: this._t.choose }),
          q.options.map((o, n) => h('option', { value: String(n), selected: current === o.value, text: o.label })));
      } else if (q.kind === 'textarea') {
        control = h('textarea', { id, rows: '4', 'aria-describedby': describe, maxlength: q.maxLength ?? false, oninput: () => set(control.value) });
        control.value = current ?? '';
      } else {
        const type = q.kind === 'date' ? 'date' : q.kind === 'datetime' ? 'datetime-local' : 'text';
        control = h('input', {
          id, type, 'aria-describedby': describe, maxlength: q.maxLength ?? false,
          inputmode: q.kind === 'integer' ? 'numeric' : false, autocomplete: 'off', spellcheck: 'false',
          oninput: () => {
            const raw = control.value;
            if (q.kind === 'integer') set(/^\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw);
            else if (q.kind === 'datetime') set(withOffset(raw));
            else set(raw);
          },
        });
        if (q.kind === 'datetime') control.value = typeof current === 'string' ? current.slice(0, 16) : '';
        else control.value = current ?? '';
      }
      wrap.append(h('label', { for: id, class: 'label', text: q.label }), hint ?? '', error, control);
    }
    return wrap;
  }

  _renderList(q, id, describe, hint, error) {
    const t = this._t;
    const items = this._lists.get(q.pointer) ?? [];
    const fieldset = h('fieldset', { id, 'aria-describedby': describe, tabindex: '-1' }, h('legend', { text: q.label }), hint ?? '', error);
    items.forEach((_, index) => {
      const item = h('fieldset', { class: 'item', part: 'list-item' }, h('legend', { text: `${q.label}: ${t.item(index + 1)}` }));
      for (const f of q.fields) item.append(this._renderQuestion(f, { pointer: q.pointer, index }));
      item.append(h('button', {
        type: 'button', class: 'secondary', part: 'button remove-button', text: `${t.remove}: ${t.item(index + 1)}`,
        onclick: () => {
          items.splice(index, 1);
          this._changed();
          this._render();
          this.shadowRoot.getElementById(this._id(q.pointer, 'add'))?.focus();
        },
      }));
      fieldset.append(item);
    });
    fieldset.append(h('button', {
      type: 'button', class: 'secondary', id: this._id(q.pointer, 'add'), part: 'button add-button', disabled: items.length >= (q.maxItems ?? 50), text: `${t.add}: ${q.label}`,
      onclick: () => {
        const list = this._lists.get(q.pointer) ?? [];
        list.push({});
        this._lists.set(q.pointer, list);
        this._changed();
        this._render();
        this.shadowRoot.getElementById(this._id(`${q.pointer}/${list.length - 1}${q.fields[0].pointer}`))?.focus();
      },
    }));
    return fieldset;
  }

  /** After any answer changes: visibility, result, progress, draft, event. */
  _changed() {
    const value = this._evaluate();
    this._refresh();
    this._scheduleSave();
    this._emit('lindung-change', { value, result: this._result });
  }

  _refresh() {
    const shownSections = new Set(this._shown.sections);
    // Only what changes is touched: setting `hidden` to what it is still costs a style check.
    const show = (el, shows) => { if (el.hidden === shows) el.hidden = !shows; };
    for (const el of this.shadowRoot.querySelectorAll('[data-section]')) show(el, shownSections.has(el.dataset.section));
    for (const el of this.shadowRoot.querySelectorAll('.section > .question')) show(el, this._visible.has(el.dataset.pointer));
    this._renderProgress();
    this._renderResult();
  }

  _focusSection(event) {
    const section = event.target.closest?.('[data-section]');
    if (section) { this._current = section.dataset.section; this._renderProgress(); }
  }

  _renderProgress() {
    const t = this._t;
    const sections = this._shown.sections;
    const n = Math.max(1, sections.indexOf(this._current ?? sections[0]) + 1);
    let answered = 0; let unknown = 0; let notAsked = 0;
    for (const q of this._questions()) {
      if (!this._visible.has(q.pointer) || q.kind === 'list') continue;
      const v = this._answers.get(q.pointer);
      if (empty(v)) notAsked++; else if (v === 'unknown') unknown++; else answered++;
    }
    this._progress.replaceChildren(
      h('span', { class: 'progress-section', text: t.sectionOf(n, sections.length) }),
      h('span', { class: 'visually-hidden', text: '. ' }),
      h('span', { text: t.counts(answered, unknown, notAsked) }));
  }

  _renderResult() {
    const panel = this._resultPanel;
    if (!panel) return;
    const mode = this.getAttribute('show-result') ?? 'live';
    panel.hidden = mode === 'off' || (mode === 'submit' && !this._submitted);
    if (panel.hidden) return;
    panel.replaceChildren(...this._resultNodes(this._result));
  }

  _resultNodes(r) {
    const t = this._t;
    const out = [h('h3', { text: t.result }), h('p', { class: 'support', text: t.support })];
    if (!r) return out;
    if (!r.valid) {
      out.push(h('p', { text: t.incomplete((r.errors ?? []).length) }));
      return out;
    }
    if (r.risk) {
      const level = h('p', { class: `level level-${r.risk.level}`, part: `risk-level risk-${r.risk.level}` },
        h('strong', { text: `${t.risk}: ${t.levels[r.risk.level] ?? r.risk.level}` }));
      if (r.risk.computedLevel && r.risk.computedLevel !== r.risk.level) level.append(` (${t.computed}: ${t.levels[r.risk.computedLevel] ?? r.risk.computedLevel})`);
      const reasons = [...(r.risk.factors ?? []), ...(r.risk.floors ?? [])].map((f) => h('li', { text: f.label ?? f.rule }));
      out.push(level, h('h4', { text: t.reasons }), reasons.length ? h('ul', {}, reasons) : h('p', { text: t.noReasons }),
        h('p', { class: 'unknowns', text: t.unknowns((r.risk.unknown ?? []).length, (r.risk.notAsked ?? []).length) }));
    }
    if (r.trafficking) {
      const status = r.trafficking.status;
      const dims = (r.trafficking.dimensions ?? []).filter((d) => d.present).map((d) => h('li', { text: d.label ?? d.id }));
      out.push(h('h4', { text: t.trafficking }), h('p', { text: t.status[status] ?? status }));
      if (dims.length) out.push(h('p', { text: t.dimensions }), h('ul', {}, dims));
    }
    out.push(h('h4', { text: t.referrals }));
    const referrals = (r.referrals ?? []).map((ref) => {
      const due = ref.dueBy ? new Date(ref.dueBy) : null;
      const when = due && !Number.isNaN(due.getTime()) ? dateFormat(this._lang).format(due) : '';
      const contact = ref.provider ? [ref.provider.name, ref.provider.contact?.phone].filter(Boolean).join(', ') : '';
      return h('li', {},
        h('strong', { text: ref.label ?? ref.service }),
        h('span', { text: ` — ${t.urgency[ref.urgency] ?? ref.urgency}${when ? `, ${t.due} ${when}` : ''}` }),
        contact ? h('span', { text: ` · ${contact}` }) : null,
        ref.consent ? h('span', { text: ` · ${t.consent}: ${t.consentState[ref.consent] ?? ref.consent}` }) : null,
        ref.guardianNotContacted ? h('strong', { text: ` ${t.noGuardian}` }) : null);
    });
    out.push(referrals.length ? h('ol', { class: 'referrals' }, referrals) : h('p', { text: t.noReferrals }));
    return out;
  }

  _renderErrors() {
    const t = this._t;
    for (const el of this.shadowRoot.querySelectorAll('.error-message')) { el.hidden = true; el.replaceChildren(); }
    for (const el of this.shadowRoot.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    for (const el of this.shadowRoot.querySelectorAll('.question.has-error')) el.classList.remove('has-error');
    const summary = this._summary;
    if (!summary) return;
    if (!this._errors.length) { summary.hidden = true; summary.replaceChildren(); return; }
    const list = h('ul', { class: 'error-list' });
    for (const error of this._errors) {
      list.append(h('li', {}, h('a', { href: `#${error.id}`, text: error.message, onclick: (e) => { e.preventDefault(); this._focusField(error.id); } })));
      const field = this.shadowRoot.getElementById(error.id);
      const message = field && this.shadowRoot.getElementById(`${error.id}-error`);
      if (message) {
        message.hidden = false;
        message.replaceChildren(h('span', { class: 'visually-hidden', text: `${t.errorPrefix} ` }), error.message);
        field.closest('.question')?.classList.add('has-error');
        if (field.matches('input, select, textarea')) field.setAttribute('aria-invalid', 'true');
      }
    }
    const titleId = `${this._uid}-error-title`;
    summary.setAttribute('aria-labelledby', titleId);
    summary.setAttribute('role', 'alert');
    summary.replaceChildren(h('h2', { id: titleId, text: t.errorTitle }), list);
    summary.hidden = false;
  }

  _focusField(id) {
    const field = this.shadowRoot.getElementById(id);
    if (!field) return;
    const target = field.matches('fieldset') ? field.querySelector('input, select, textarea, button') ?? field : field;
    field.scrollIntoView({ block: 'center' });
    target.focus();
  }

  _renderPrint() {
    const t = this._t;
    const value = this.value;
    const rows = [];
    for (const section of this._form.sections) {
      if (!this._shown.sections.includes(section.id) || !section.questions.length) continue;
      const dl = h('dl');
      for (const q of section.questions) {
        const v = getAt(value, q.pointer);
        if (empty(v)) continue;
        const label = (x) => q.options.find((o) => o.value === x)?.label ?? (typeof x === 'object' ? JSON.stringify(x) : String(x));
        dl.append(h('dt', { text: q.label }), h('dd', { text: Array.isArray(v) ? v.map(label).join(', ') : label(v) }));
      }
      rows.push(h('h2', { text: section.title }), dl);
    }
    this._print.replaceChildren(...rows, ...this._resultNodes(this._result));
  }

  _say(text) { if (this._status) this._status.textContent = text; }

  // ---- submit -------------------------------------------------------------------------------

  _submit() {
    const errors = this.validate();
    if (errors.length) {
      this._emit('lindung-invalid', { errors: errors.map(({ pointer, message }) => ({ path: pointer, message })) });
      this._summary.focus();
      return;
    }
    this._submitted = true;
    const assessment = this.value;
    const result = core.assess(JSON.stringify(assessment), this._lang);
    this._result = result;
    this._renderResult();
    const proceed = this._emit('lindung-submit', { assessment, result }, true);
    if (!proceed) return;
    if (this.getAttribute('action')) { this._saveDraft(); this._post(); }
    else { this.clearDraft(); this._say(this._t.saved); }
  }

  async _post() {
    const t = this._t;
    const assessment = this.value;
    const result = core.assess(JSON.stringify(assessment), this._lang);
    this._say(t.sending);
    this._retry.hidden = true;
    try {
      const response = await fetch(this.getAttribute('action'), {
        method: 'POST', headers: { 'content-type': 'application/json' }, credentials: 'same-origin',
        body: JSON.stringify({ assessment, result }),
      });
      if (!response.ok) throw new Error(String(response.status));
      this.clearDraft();
      this._say(t.sent);
      this._emit('lindung-submitted', { status: response.status });
    } catch (error) {
      this._retry.hidden = false;
      this._say(t.sendFailed);
      this._emit('lindung-submit-error', { message: String(error?.message ?? error) });
    }
  }

  _emit(name, detail, cancelable = false) {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
  }

  // ---- drafts -------------------------------------------------------------------------------

  get _draftName() { return `lindung-draft:${this.id || 'form'}`; }

  _store() { return storage(this.getAttribute('drafts')); }

  async _key() {
    if (this.draftKey) return this.draftKey;
    const name = 'lindung-draft-key';
    const saved = sessionStorage.getItem(name);
    if (saved) return crypto.subtle.importKey('jwk', JSON.parse(saved), 'AES-GCM', false, ['encrypt', 'decrypt']);
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
    sessionStorage.setItem(name, JSON.stringify(await crypto.subtle.exportKey('jwk', key)));
    return key;
  }

  _scheduleSave() {
    if (!this._store()) return;
    clearTimeout(this._saveTimer);
    this._saveTimer = setTimeout(() => this._saveDraft(), 250);
  }

  async _saveDraft() {
    const store = this._store();
    if (!store || this._exited) return;
    clearTimeout(this._saveTimer);
    const epoch = this._epoch;
    const plain = new TextEncoder().encode(JSON.stringify({ answers: [...this._answers], lists: [...this._lists] }));
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await this._key(), plain));
    if (this._exited || epoch !== this._epoch) return;
    store.setItem(this._draftName, `${b64(iv)}.${b64(sealed)}`);
  }

  async _restoreDraft() {
    const store = this._store();
    const saved = store?.getItem(this._draftName);
    if (!saved) return false;
    try {
      const [iv, sealed] = saved.split('.').map(unb64);
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, await this._key(), sealed);
      const draft = JSON.parse(new TextDecoder().decode(plain));
      this._answers = new Map(draft.answers);
      this._lists = new Map(draft.lists);
      return true;
    } catch {
      store.removeItem(this._draftName);
      return false;
    }
  }

  // ---- quick exit ---------------------------------------------------------------------------

  _shiftPressed(event) {
    if (!this.getAttribute('quick-exit') || event.key !== 'Shift' || event.repeat) return;
    const now = Date.now();
    this._shifts = [...this._shifts.filter((at) => now - at < 5000), now];
    clearTimeout(this._shiftTimer);
    if (this._shifts.length >= 3) { this._exit(); return; }
    this._say(this._t.shiftCount(this._shifts.length));
    this._shiftTimer = setTimeout(() => { this._shifts = []; this._say(''); }, 5000);
  }

  _exit() {
    const url = this.getAttribute('quick-exit');
    if (!url) return;
    this._exited = true;
    this.shadowRoot.replaceChildren(h('div', { class: 'blank', part: 'blank' }, h('p', { role: 'status', text: this._t.exiting })));
    this._answers.clear();
    this._lists.clear();
    this.clearDraft();
    this._emit('lindung-exit', { url });
    window.location.replace(url);
  }
}

for (const attribute of ATTRIBUTES) {
  const property = attribute.replace(/-(.)/g, (_, letter) => letter.toUpperCase());
  if (property in HTMLElement.prototype) continue;
  Object.defineProperty(LindungForm.prototype, property, {
    configurable: true,
    get() { return this.getAttribute(attribute); },
    set(value) { if (value == null) this.removeAttribute(attribute); else this.setAttribute(attribute, String(value)); },
  });
}

/** Defines `<lindung-form>` (or `tag`); a second call is harmless. */
export function define(tag = 'lindung-form') {
  if (!customElements.get(tag)) customElements.define(tag, class extends LindungForm {});
}

define();
