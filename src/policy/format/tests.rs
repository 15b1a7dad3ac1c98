//! The format table, the validator and the committed schema describe the same format.

use super::*;
use crate::policy::{Policy, CHANNELS};
use serde_json::json;

#[test]
fn the_committed_managed_schema_is_the_generated_one() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/extension/managed_schema.json");
    let committed = std::fs::read_to_string(path).expect("extension/managed_schema.json");
    assert!(
        committed == managed_schema_text(),
        "extension/managed_schema.json is not what the policy format generates; run\n    \
         cargo run -- policy schema > extension/managed_schema.json"
    );
}

/// Chromium's managed_schema dialect: only these keywords, and no `$ref`/`oneOf` style.
#[test]
fn the_schema_uses_only_what_chromium_accepts() {
    fn walk(v: &Value, path: &str) {
        let o = v
            .as_object()
            .unwrap_or_else(|| panic!("{path}: not an object"));
        for (k, x) in o {
            match k.as_str() {
                "type" => assert!(
                    ["object", "array", "string", "integer", "boolean"]
                        .contains(&x.as_str().unwrap()),
                    "{path}: type {x}"
                ),
                "title" | "description" => assert!(x.is_string(), "{path}.{k}"),
                "items" | "additionalProperties" => walk(x, &format!("{path}.{k}")),
                "properties" => {
                    for (name, p) in x.as_object().unwrap() {
                        walk(p, &format!("{path}.{name}"));
                    }
                }
                other => panic!("{path}: `{other}` is not in Chromium's managed_schema dialect"),
            }
        }
        assert!(
            o.contains_key("type"),
            "{path}: every schema names its type"
        );
    }
    walk(&managed_schema(), "");
}

#[test]
fn every_top_level_key_is_documented_in_order() {
    let docs: Vec<&str> = DOCS.iter().map(|d| d.key).collect();
    assert_eq!(docs, keys(POLICY));
    assert!(DOCS
        .iter()
        .all(|d| !d.title.is_empty() && !d.description.is_empty()));
}

#[test]
fn consent_keys_are_the_channels() {
    assert_eq!(keys(CONSENT), CHANNELS);
}

/// A value of the wrong JSON type for `ty` (one the validator can never accept there).
fn wrong_value(ty: &Ty) -> Value {
    match ty {
        Ty::Bool | Ty::Int => json!("not this"),
        _ => json!(true),
    }
}

/// For every key of the table (maps aside, whose keys are domains), a value of the wrong
/// type is reported at exactly that key's path: so the validator reads every key the table
/// declares, and the schema's types are ones the validator insists on.
#[test]
fn the_validator_reads_every_key_the_table_declares() {
    // Where an object key lives, with the smallest valid surroundings.
    fn check(fields: &[Field], path: &str, wrap: &dyn Fn(Value) -> Value) {
        for f in fields {
            let p = if path.is_empty() {
                f.key.to_string()
            } else {
                format!("{path}.{}", f.key)
            };
            let policy = wrap(json!({ f.key: wrong_value(&f.ty) }));
            let (_, errs) = Policy::from_json_lenient(&policy.to_string());
            assert!(
                errs.iter().any(|e| e.path == p),
                "{p}: a {} was accepted: {errs:?} for {policy}",
                wrong_value(&f.ty)
            );
            match &f.ty {
                Ty::Object(inner) => check(inner, &p, &|v| wrap(json!({ f.key: v }))),
                // One valid pupil, then each key of it wrong in turn.
                Ty::List(Ty::Object(inner)) => {
                    let p0 = format!("{p}[0]");
                    check(inner, &p0, &|mut v: Value| {
                        let o = v.as_object_mut().unwrap();
                        o.entry("name").or_insert(json!("Ab Cd"));
                        wrap(json!({ f.key: [v] }))
                    });
                }
                _ => {}
            }
        }
    }
    check(POLICY, "", &|v| v);
}

#[test]
fn every_table_key_is_known_to_the_validator() {
    // A policy naming every top-level key with a valid value parses without complaint.
    let p = json!({
        "version": 1, "school": {"name": "De Linde", "aliases": ["Linde"], "board": "B"},
        "roster_salt": "00112233445566778899aabbccddeeff", "roster": [],
        "staff": ["A B"], "rules": {"informal": "off"},
        "capacity_statement": {"nl": "a", "en": "b"},
        "contact": {"phone": ["010"], "email": ["a@b.nl"], "address": ["X 1"], "website": ["b.nl"]},
        "offline_contact": {"nl": "a", "en": "b"}, "extra_words": {"informal": ["joh"]},
        "channels": {"facebook": "website"},
        "extension": {"sites": ["x.nl"], "allow_pause": false, "allow_override": false, "override_needs_reason": true},
        "accounts": {"platforms": {"schoolapp": "school"}, "sites": {"facebook.com": "personal"}},
        "author": {"role": "leader", "leader_titles": ["rector"]},
        "statements": {"capacity": {"required": true, "phrases": ["x"], "text": {"nl": "a", "en": "b"}, "message": {"nl": "a", "en": "b"}},
                       "employee": {"required": true}, "comments": {"required": false}, "representative": {"required": true},
                       "speak_for_school": "leaders", "speak_for_school_message": {"nl": "a", "en": "b"}},
    });
    let top: Vec<&str> = p.as_object().unwrap().keys().map(String::as_str).collect();
    let mut declared = keys(POLICY);
    declared.sort_unstable();
    assert_eq!(top, declared);
    Policy::from_json(&p.to_string()).unwrap();
}
