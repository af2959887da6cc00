//! The JavaScript exports: a value that is an object is read as its JSON text, a string as JSON
//! text; every answer is a plain object; errors come back as data, never as exceptions.

use std::cell::RefCell;

use lindung::Problem;
use wasm_bindgen::prelude::*;

use crate::session::{
    lang, not_an_object, text, too_large, Loaded, Session, Validity, MAX_INPUT_BYTES,
};

thread_local! {
    static SESSION: RefCell<Session> = RefCell::new(Session::default());
}

/// The JSON bytes of a JavaScript value, or the problem that stops it being read.
fn input(value: &JsValue, lang_code: &str) -> Result<Vec<u8>, Problem> {
    let lang = lang(lang_code);
    let string = if let Some(string) = value.dyn_ref::<Text>() {
        string.clone()
    } else if value.is_object() {
        // Not a string when the object's `toJSON` gives `undefined` or a function.
        stringify(value)
            .ok()
            .and_then(|text| text.dyn_into::<Text>().ok())
            .ok_or_else(|| not_an_object(lang))?
    } else {
        return Err(not_an_object(lang));
    };
    // UTF-16 length is at most the UTF-8 length, and at least a third of it.
    let units = string.length() as usize;
    if units > MAX_INPUT_BYTES {
        return Err(too_large(units, lang));
    }
    // A string always reads back (`Some`), so the `None` that cannot happen reads as empty rather
    // than through a path that throws, which the module need not carry.
    let text = string.as_string().unwrap_or_default();
    if text.len() > MAX_INPUT_BYTES {
        return Err(too_large(text.len(), lang));
    }
    Ok(text.into_bytes())
}

// The few JavaScript functions the module calls, bound here rather than through `js_sys`: its
// bindings bring adapters for closures over typed arrays and the like, which stay in the module
// although nothing calls them.
#[wasm_bindgen]
extern "C" {
    /// A JavaScript string.
    #[wasm_bindgen(is_type_of = JsValue::is_string)]
    #[derive(Clone)]
    type Text;

    /// Its length in UTF-16 code units.
    #[wasm_bindgen(method, getter)]
    fn length(this: &Text) -> u32;

    /// `JSON.stringify`, which throws on a cycle or a BigInt.
    #[wasm_bindgen(catch, js_namespace = JSON)]
    fn stringify(value: &JsValue) -> Result<JsValue, JsValue>;

    /// The object JSON text gives: `JSON.parse`, not catching, as it only ever reads JSON text the
    /// library wrote.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse)]
    fn object(text: &str) -> JsValue;
}

/// The language code a caller passed (`id` or `en`); anything but a string reads as `""`, the
/// default language. Taken as a plain value, so the glue passes it on rather than copying it.
fn code(lang_code: &JsValue) -> String {
    lang_code.as_string().unwrap_or_default()
}

/// Assesses `value` (an assessment object or JSON text) and returns the result document.
#[wasm_bindgen]
pub fn assess(value: JsValue, lang_code: JsValue) -> JsValue {
    object(&assess_json(value, lang_code))
}

/// Like `assess`, returning the result as JSON text, byte for byte what the native library writes.
#[wasm_bindgen(js_name = assessJson)]
pub fn assess_json(value: JsValue, lang_code: JsValue) -> String {
    let lang_code = code(&lang_code);
    SESSION.with(|session| match input(&value, &lang_code) {
        Ok(bytes) => session.borrow().assess(&bytes, &lang_code),
        Err(problem) => session.borrow().refuse(problem, &lang_code),
    })
}

/// Checks `value` and returns `{valid, problems}`.
#[wasm_bindgen]
pub fn validate(value: JsValue, lang_code: JsValue) -> JsValue {
    let lang_code = code(&lang_code);
    SESSION.with(|session| match input(&value, &lang_code) {
        Ok(bytes) => object(&session.borrow().validate(&bytes, &lang_code)),
        Err(problem) => object(&text(&Validity::new(&[problem], false))),
    })
}

/// The form definition in `lang` (`id` or `en`).
#[wasm_bindgen(js_name = formDefinition)]
pub fn form_definition(lang_code: JsValue) -> JsValue {
    SESSION.with(|session| object(&session.borrow().form(&code(&lang_code))))
}

/// The sections and questions that show for a partly filled assessment.
#[wasm_bindgen]
pub fn visibility(value: JsValue) -> JsValue {
    let bytes = input(&value, "").unwrap_or_else(|_| b"null".to_vec());
    SESSION.with(|session| object(&session.borrow().visibility(&bytes)))
}

/// The versions of the library and rules in use.
#[wasm_bindgen]
pub fn version() -> JsValue {
    SESSION.with(|session| object(&session.borrow().version()))
}

/// Replaces the rule set; returns `{ok, errors}` and keeps the previous one on errors.
#[wasm_bindgen(js_name = loadRules)]
pub fn load_rules(value: JsValue, lang_code: JsValue) -> JsValue {
    load(value, lang_code, Session::load_rules)
}

/// Replaces the service directory; returns `{ok, errors}` and keeps the previous one on errors.
#[wasm_bindgen(js_name = loadDirectory)]
pub fn load_directory(value: JsValue, lang_code: JsValue) -> JsValue {
    load(value, lang_code, Session::load_directory)
}

type Loader = fn(&mut Session, &[u8], &str) -> Result<(), Vec<Problem>>;

fn load(value: JsValue, lang_code: JsValue, loader: Loader) -> JsValue {
    let lang_code = code(&lang_code);
    let outcome = input(&value, &lang_code)
        .map_err(|problem| vec![problem])
        .and_then(|bytes| {
            SESSION.with(|session| loader(&mut session.borrow_mut(), &bytes, &lang_code))
        });
    // Written as JSON text and parsed like every other answer, rather than built property by
    // property: the module then needs no JavaScript object, array or `Reflect.set` imports.
    let errors = outcome.as_ref().err().map_or(&[][..], Vec::as_slice);
    object(&text(&Loaded {
        ok: outcome.is_ok(),
        errors,
    }))
}
