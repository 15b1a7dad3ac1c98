//! The JavaScript surface of the photo inspection: a wasm module of its own (build.sh
//! writes it next to the text core's), loaded only when a photo is attached.
//!
//! ```js
//! const found = inspectImage(bytes);   // Uint8Array → plain object, see src/json.rs
//! const clean = stripMetadata(bytes);  // Uint8Array without GPS/owner/XMP/comments
//! ```
//!
//! Both throw an `Error` whose `message` says what is wrong with the file and whose
//! `kind` is one of not-an-image, unsupported, truncated, corrupt. Nothing here panics on
//! bad input (the decoders return errors; the tests feed every prefix of the fixtures).

use crate::ImageError;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`: in pages, workers, service workers and Node alike.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

fn js_error(e: &ImageError) -> JsValue {
    let error = js_sys::Error::new(&e.to_string());
    let _ = js_sys::Reflect::set(&error, &"kind".into(), &e.kind().into());
    error.into()
}

/// `inspectImage(bytes)`: faces, size, GPS and owner of a JPEG, PNG or WebP (HEIC/AVIF and
/// photos over 40 megapixels: metadata only, `faces` null and `not_inspected` saying why).
#[wasm_bindgen(js_name = inspectImage)]
pub fn inspect_image(bytes: &[u8]) -> Result<JsValue, JsValue> {
    let found = crate::inspect_with_clock(bytes, &performance_now).map_err(|e| js_error(&e))?;
    js_sys::JSON::parse(&found.to_json())
}

/// `stripMetadata(bytes)`: the same photo without its identifying metadata (the pixels'
/// data copied unchanged; orientation and colour profile kept).
#[wasm_bindgen(js_name = stripMetadata)]
pub fn strip_metadata(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    crate::strip_metadata(bytes).map_err(|e| js_error(&e))
}
