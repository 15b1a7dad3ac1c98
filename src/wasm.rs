//! The JavaScript surface of the core, for browsers (the extension) and Node.
//!
//! ```js
//! const checker = new Checker(policyJson);   // undefined, null or "" → embedded default
//! const findings = checker.check(postJson);  // array of plain objects
//! const lenient = Checker.lenient(policyJson); // never throws; lenient.problems() lists
//!                                              // "path: problem" for what was dropped
//! // The extension: lenient, with the teacher's rule settings applied on top.
//! const ext = Checker.forExtension(policyJson, teacherRulesJson, managed);
//! ext.ruleRows();          // [{id, category, default, school, teacher, effective, locked}]
//! ext.extensionSettings(); // {sites, allow_pause, allow_override, override_needs_reason,
//!                          //  author_role}
//! checker.checkInContext(postJson); // {findings, context}: the context given or inferred
//! ext.schoolName();        // "" when the policy names no school
//! ```
//!
//! The logic lives in the core ([`crate::Checker::for_extension`],
//! [`crate::Policy::apply_teacher_rules`]); this file only converts.
//!
//! Both methods take JSON strings and `check` hands back plain objects with the same field
//! names as the core's serde output (`category`, `rule`, `severity`, `start`, `end`,
//! `start_byte`, `end_byte`, `text`, `message`, `reference`, `fixes`). `start`/`end` are
//! UTF-16 code units, so `post.text.slice(f.start, f.end) === f.text` in JavaScript.
//!
//! Errors never panic across the boundary: a bad policy or post becomes a thrown JS
//! `Error` whose message is the core's error string. (The release profile aborts on
//! panic, so a panic would trap the whole instance; nothing here unwraps.)
//!
//! Findings are serialised with serde_json and turned into objects with one `JSON.parse`
//! call: that keeps serde-wasm-bindgen's per-field glue out of the binary, and one parse
//! of a short string is as fast as building the objects field by field from wasm.

use wasm_bindgen::prelude::*;

use crate::policy::RuleRow;
use crate::Post;
use serde::Serialize;

/// Serialises with serde_json and hands JavaScript plain objects via one `JSON.parse`.
fn to_js<T: Serialize + ?Sized>(what: &str, value: &T) -> Result<JsValue, JsError> {
    let out = serde_json::to_string(value).map_err(|e| JsError::new(&format!("{what}: {e}")))?;
    js_sys::JSON::parse(&out).map_err(|_| JsError::new(&format!("{what}: JSON.parse failed")))
}

/// Grows the wasm memory in one step before reading a big policy, instead of a few pages
/// at a time as the allocator asks (each `memory.grow` costs V8 a new buffer and the
/// wasm-bindgen views are rebuilt). Reading a policy takes about 19 times its JSON size at
/// its peak (a 6.7 MB, 100,000-pupil roster: 127 MB of wasm memory, measured with
/// tests/wasm/robustness-bench.mjs); the freed block stays with the allocator (wasm memory
/// never shrinks) and is what the parse then uses. With the memory grown, set-up of that
/// roster took about 15% less.
fn reserve_for(json: &str) {
    if json.len() > 256 << 10 {
        drop(Vec::<u8>::with_capacity(
            json.len().saturating_mul(16).min(512 << 20),
        ));
    }
}

/// A compiled policy, ready to check posts. Exposed to JavaScript as `Checker`.
#[wasm_bindgen(js_name = Checker)]
pub struct WasmChecker {
    inner: crate::Checker,
    /// Every rule's row; with the teacher's settings when made by `forExtension`.
    rows: Vec<RuleRow>,
}

impl WasmChecker {
    fn plain(inner: crate::Checker) -> WasmChecker {
        let rows = inner.policy().rule_rows(&Default::default(), false);
        WasmChecker { inner, rows }
    }
}

#[wasm_bindgen(js_class = Checker)]
impl WasmChecker {
    /// `new Checker(policyJson?)`: compiles the policy once. Without a policy (undefined,
    /// null or an empty string) the embedded default policy is used. Throws an `Error`
    /// naming the problem when the policy is not valid.
    #[wasm_bindgen(constructor)]
    #[cfg_attr(postwacht_size, optimize(size))]
    #[inline(never)]
    pub fn new(policy_json: JsValue) -> Result<WasmChecker, JsError> {
        if policy_json.is_undefined() || policy_json.is_null() {
            return Ok(WasmChecker::plain(crate::Checker::with_default_policy()));
        }
        let json = policy_json
            .as_string()
            .ok_or_else(|| JsError::new("policy: expected a JSON string, undefined or null"))?;
        reserve_for(&json);
        let inner = if json.trim().is_empty() {
            crate::Checker::with_default_policy()
        } else {
            crate::Checker::from_policy_json(&json).map_err(|e| JsError::new(&e))?
        };
        Ok(WasmChecker::plain(inner))
    }

    /// `Checker.lenient(policyJson)`: never throws on a broken policy. The valid parts are
    /// compiled (each invalid part falls back to its default) and `problems()` lists what
    /// was dropped, as `"path: problem"` strings. The extension uses this for the school's
    /// managed policy, so a mistake by IT never stops checking.
    #[cfg_attr(postwacht_size, optimize(size))]
    #[inline(never)]
    pub fn lenient(policy_json: JsValue) -> WasmChecker {
        let json = policy_json.as_string().unwrap_or_default();
        reserve_for(&json);
        let inner = if json.trim().is_empty() {
            crate::Checker::with_default_policy()
        } else {
            crate::Checker::from_policy_json_lenient(&json)
        };
        WasmChecker::plain(inner)
    }

    /// `Checker.forExtension(policyJson, teacherRulesJson, managed)`: what the extension's
    /// service worker runs. Like `lenient` (never throws; `problems()`), with the teacher's
    /// rule settings (`{"informal": "off", ...}` as JSON; anything else counts as none)
    /// applied on top; under a `managed` policy they only make rules stricter.
    #[wasm_bindgen(js_name = forExtension)]
    #[cfg_attr(postwacht_size, optimize(size))]
    #[inline(never)]
    pub fn for_extension(
        policy_json: JsValue,
        teacher_rules_json: JsValue,
        managed: bool,
    ) -> WasmChecker {
        let policy = policy_json.as_string().unwrap_or_default();
        let teacher = teacher_rules_json.as_string().unwrap_or_default();
        reserve_for(&policy);
        let (inner, rows) = crate::Checker::for_extension(&policy, &teacher, managed);
        WasmChecker { inner, rows }
    }

    /// `checker.ruleRows()`: per rule `{id, category, default, school, teacher, effective,
    /// locked}` (settings are "off" or a severity; `teacher` is null without a choice).
    #[wasm_bindgen(js_name = ruleRows)]
    #[cfg_attr(postwacht_size, optimize(size))]
    #[inline(never)]
    pub fn rule_rows(&self) -> Result<JsValue, JsError> {
        to_js("rule rows", &self.rows)
    }

    /// `checker.extensionSettings()`: the policy's `extension` settings with the defaults
    /// filled in: `{sites, allow_pause, allow_override, override_needs_reason}`.
    #[wasm_bindgen(js_name = extensionSettings)]
    #[cfg_attr(postwacht_size, optimize(size))]
    #[inline(never)]
    pub fn extension_settings(&self) -> Result<JsValue, JsError> {
        let policy = self.inner.policy();
        let mut v = serde_json::to_value(&policy.extension)
            .map_err(|e| JsError::new(&format!("extension settings: {e}")))?;
        if let Some(o) = v.as_object_mut() {
            // The writer's role when the policy sets it for this profile (the teacher's
            // own choice in the options counts only without one).
            let role = policy.protocol.author_role.map(|r| r.as_str());
            o.insert("author_role".into(), role.into());
        }
        to_js("extension settings", &v)
    }

    /// `checker.schoolName()`: the school's name from the policy, or "".
    #[wasm_bindgen(js_name = schoolName)]
    pub fn school_name(&self) -> String {
        self.inner.policy().school.name.clone()
    }

    /// `checker.problems()`: the problems of a leniently read policy (`"path: problem"`);
    /// empty for a valid one.
    #[cfg_attr(postwacht_size, optimize(size))]
    #[inline(never)]
    pub fn problems(&self) -> Vec<String> {
        self.inner
            .problems()
            .iter()
            .map(|e| e.to_string())
            .collect()
    }

    /// `Checker.rules()`: every rule the core knows, as `{id, category, severity}` objects
    /// (severity is the default). The extension uses it to merge a teacher's stricter
    /// settings with the school's policy.
    #[cfg_attr(postwacht_size, optimize(size))]
    #[inline(never)]
    pub fn rules() -> Result<JsValue, JsError> {
        let list: Vec<serde_json::Value> = crate::catalog::RULES
            .iter()
            .map(|r| {
                serde_json::json!({
                    "id": r.id,
                    "category": r.category.as_str(),
                    "severity": r.default.as_str(),
                })
            })
            .collect();
        to_js("rules", &list)
    }

    /// `checker.checkInContext(postJson)`: `{findings, context}`, the findings and the
    /// context the post was checked in: `{account, account_from, reply_to, reply_to_from,
    /// reply_to_clue?, reply_to_clue_in?, author_role, author_role_from}` (given or
    /// inferred, see the core's `context` module). Throws like `check`.
    #[wasm_bindgen(js_name = checkInContext)]
    pub fn check_in_context(&self, post_json: JsValue) -> Result<JsValue, JsError> {
        let json = post_json
            .as_string()
            .ok_or_else(|| JsError::new("post: expected a JSON string"))?;
        let post = Post::from_json(&json).map_err(|e| JsError::new(&e))?;
        let (findings, context) = self.inner.check_in_context(&post);
        to_js(
            "findings",
            &serde_json::json!({"findings": findings, "context": context}),
        )
    }

    /// `checker.check(postJson)`: the findings for one post, as an array of plain objects.
    /// `postJson` is one line of the corpus format: `{"text": ..., "context": {...}}`.
    /// Throws an `Error` when the post is not valid JSON of that shape.
    pub fn check(&self, post_json: JsValue) -> Result<JsValue, JsError> {
        let json = post_json
            .as_string()
            .ok_or_else(|| JsError::new("post: expected a JSON string"))?;
        let post = Post::from_json(&json).map_err(|e| JsError::new(&e))?;
        to_js("findings", &self.inner.check(&post))
    }

    /// `checker.profileSteps(postJson, iters)` (only in a build with the `profile` feature,
    /// for the benchmark): `[[step, ms per call], ...]`, see [`crate::profile::steps`].
    #[cfg(feature = "profile")]
    #[wasm_bindgen(js_name = profileSteps)]
    pub fn profile_steps(&self, post_json: String, iters: u32) -> Result<JsValue, JsError> {
        let steps = crate::profile::steps(&self.inner, &post_json, iters, &performance_now)
            .map_err(|e| JsError::new(&e))?;
        to_js("steps", &steps)
    }
}

#[cfg(feature = "profile")]
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}
