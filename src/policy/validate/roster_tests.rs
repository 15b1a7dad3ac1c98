//! The roster reader against the validator it replaced: the roster as a `serde_json::Value`
//! read by the code of `Validator::roster` before the one-pass reader (kept here, unchanged
//! but for its signature, as the oracle). Random rosters with every kind of value in every
//! field, unknown and duplicate keys, hashed entries, the salt before, after or twice, must
//! give the same pupils and the same problems in the same order; and a broken text must be
//! refused exactly when `Value` refuses it, with the same message.

use super::{format, join, keys, kind, Validator, CHANNELS};
use crate::policy::{Policy, PolicyError, Pupil};
use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;

impl Validator {
    fn old_roster(&mut self, v: &Value) -> Vec<Pupil> {
        let Value::Array(items) = v else {
            self.err(
                "roster",
                format!("expected a list of pupils, found {}", kind(v)),
            );
            return Vec::new();
        };
        let pupil_keys = keys(format::PUPIL);
        let consent_keys = keys(format::CONSENT);
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("roster[{i}]");
            let Some(m) = self.object(&path, item, &pupil_keys) else {
                continue;
            };
            let mut hashed_name = Vec::new();
            let mut initial = String::new();
            if let Some(h) = m.get("hashed_name") {
                let hp = join(&path, "hashed_name");
                hashed_name = self.strings(&hp, h);
                if hashed_name.is_empty()
                    || hashed_name
                        .iter()
                        .any(|x| !crate::roster_hash::is_token_hash(x))
                {
                    self.err(
                        &hp,
                        "expected a list of 16-digit hex hashes (made by `postwacht policy build`)",
                    );
                    continue;
                }
                if !self.hashed {
                    self.err(
                        &hp,
                        "a hashed roster needs \"roster_salt\" at the top level",
                    );
                    continue;
                }
                if m.contains_key("name") {
                    self.err(&path, "give either \"name\" or \"hashed_name\", not both");
                    continue;
                }
                if let Some(x) = m
                    .get("initial")
                    .and_then(|x| self.string(&join(&path, "initial"), x))
                {
                    initial = crate::text::normalize(&x).chars().take(1).collect();
                }
            } else if let Some(x) = m.get("initial") {
                // Only a hashed roster uses it, but a wrong type is still a mistake to report.
                self.string(&join(&path, "initial"), x);
            }
            let name = match m.get("name") {
                None if !hashed_name.is_empty() => String::new(),
                None => {
                    self.err(&path, "pupil without a name");
                    continue;
                }
                Some(n) => match self.string(&join(&path, "name"), n) {
                    // (What normalising drops or folds is never a letter's being a letter.)
                    Some(n) if n.chars().any(char::is_alphabetic) => n,
                    Some(_) => {
                        self.err(&join(&path, "name"), "name has no letters");
                        continue;
                    }
                    None => continue,
                },
            };
            let group = match m.get("group") {
                None => String::new(),
                Some(Value::String(g)) => g.clone(),
                Some(Value::Number(n)) => n.to_string(),
                Some(other) => {
                    self.err(
                        &join(&path, "group"),
                        format!("expected a string or number, found {}", kind(other)),
                    );
                    String::new()
                }
            };
            let mut consent = BTreeMap::new();
            if let Some(c) = m.get("consent") {
                let cp = join(&path, "consent");
                if let Some(cm) = self.object(&cp, c, &consent_keys) {
                    for (ch, val) in cm {
                        if !CHANNELS.contains(&ch.as_str()) {
                            continue; // reported by object()
                        }
                        if let Some(b) = self.boolean(&join(&cp, ch), val) {
                            consent.insert(ch.clone(), b);
                        }
                    }
                }
            }
            out.push(Pupil {
                name,
                hashed_name,
                initial,
                group,
                consent,
            });
        }
        out
    }
}

fn oracle(text: &str) -> (Vec<Pupil>, Vec<PolicyError>) {
    let v: Value = serde_json::from_str(text).unwrap();
    let hashed = v
        .get("roster_salt")
        .and_then(Value::as_str)
        .and_then(crate::roster_hash::parse_salt)
        .is_some();
    let mut val = Validator {
        errors: Vec::new(),
        hashed,
    };
    let pupils = match v.get("roster") {
        Some(r) => val.old_roster(r),
        None => Vec::new(),
    };
    (pupils, val.errors)
}

fn is_roster_problem(e: &PolicyError) -> bool {
    (e.path == "roster" || e.path.starts_with("roster["))
        && e.problem != "duplicate key; only the last one is used"
}

const HASH: &str = "\"0123456789abcdef\"";
const SALT: &str = "\"00112233445566778899aabbccddeeff\"";

fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"Daan de Vries\"".to_string()),
        Just("\"Zo\\u00eb\"".to_string()),
        Just("\"\"".to_string()),
        Just("\"  \"".to_string()),
        Just("\"123\"".to_string()),
        Just("\"R\"".to_string()),
        Just(HASH.to_string()),
        Just("\"0123456789ABCDEG\"".to_string()),
        Just("6".to_string()),
        Just("-2".to_string()),
        Just("2.5e1".to_string()),
        Just("true".to_string()),
        Just("false".to_string()),
        Just("null".to_string()),
    ]
}

fn value() -> impl Strategy<Value = String> {
    let leaf = scalar();
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(","))),
            prop::collection::vec((key(), inner), 0..4).prop_map(|kv| {
                let items: Vec<String> = kv.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
                format!("{{{}}}", items.join(","))
            }),
        ]
    })
}

fn key() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "name",
        "hashed_name",
        "initial",
        "group",
        "consent",
        "nmae",
        "Name",
        "social",
        "website",
        "schoolapp",
        "sociaal",
        "x",
    ])
}

fn consent() -> impl Strategy<Value = String> {
    let channel = prop::sample::select(vec!["social", "website", "schoolapp", "sociaal", "Social"]);
    prop::collection::vec((channel, scalar()), 0..5).prop_map(|kv| {
        let items: Vec<String> = kv.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
        format!("{{{}}}", items.join(","))
    })
}

fn entry() -> impl Strategy<Value = (&'static str, String)> {
    prop_oneof![
        3 => (key(), value()),
        1 => consent().prop_map(|c| ("consent", c)),
        1 => Just(("hashed_name", format!("[{HASH}, {HASH}]"))),
    ]
}

fn pupil() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => value(),
        6 => prop::collection::vec(entry(), 0..6).prop_map(|kv| {
            let items: Vec<String> = kv.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
            format!("{{{}}}", items.join(","))
        }),
    ]
}

fn roster() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => value(),
        8 => prop::collection::vec(pupil(), 0..8).prop_map(|v| format!("[{}]", v.join(","))),
    ]
}

fn policy_text() -> impl Strategy<Value = String> {
    let salt = prop::sample::select(vec![None, Some(SALT), Some("\"bad\""), Some("7")]);
    (
        salt.clone(),
        roster(),
        prop::option::of(roster()),
        salt,
        any::<bool>(),
    )
        .prop_map(|(before, r, r2, after, school)| {
            let mut parts = Vec::new();
            if let Some(s) = before {
                parts.push(format!("\"roster_salt\":{s}"));
            }
            if school {
                parts.push("\"school\":{\"name\":\"De Linde\",\"nmae\":1}".to_string());
            }
            parts.push(format!("\"roster\":{r}"));
            if let Some(r2) = r2 {
                parts.push(format!("\"roster\":{r2}"));
            }
            if let Some(s) = after {
                parts.push(format!("\"roster_salt\":{s}"));
            }
            format!("{{{}}}", parts.join(","))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_one_pass_roster_reader_says_what_the_value_validator_said(text in policy_text()) {
        let (p, errs) = Policy::from_json_lenient(&text);
        let (pupils, old_errs) = oracle(&text);
        let new_errs: Vec<PolicyError> = errs.into_iter().filter(is_roster_problem).collect();
        prop_assert_eq!(p.roster, pupils, "{}", text);
        prop_assert_eq!(new_errs, old_errs, "{}", text);
    }

    #[test]
    fn a_broken_text_is_refused_exactly_when_value_refuses_it(
        text in policy_text(),
        cut in any::<prop::sample::Index>(),
        insert in prop::sample::select(vec!["", "1e400", "]", "}", ",", "\"", "-", "[[[", "0x1"]),
    ) {
        let mut at = cut.index(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let broken = format!("{}{insert}{}", &text[..at], &text[at..]);
        let broken = if insert.is_empty() { text[..at].to_string() } else { broken };
        let (_, errs) = Policy::from_json_lenient(&broken);
        let ours = errs.iter().find(|e| e.problem.starts_with("not valid JSON"));
        match serde_json::from_str::<Value>(&broken) {
            Ok(_) => prop_assert!(ours.is_none(), "{}: {:?}", broken, ours),
            Err(e) => {
                prop_assert_eq!(errs.len(), 1);
                prop_assert_eq!(&errs[0].problem, &format!("not valid JSON: {e}"));
            }
        }
    }
}

#[test]
fn values_value_refuses_are_refused_deep_inside_the_roster_too() {
    let deep = format!(
        "{{\"roster\": [{{\"x\": {}1{}}}]}}",
        "[".repeat(130),
        "]".repeat(130)
    );
    for text in [
        r#"{"roster": [{"name": "A B", "x": 1e400}]}"#,
        r#"{"roster": [[1e400]]}"#,
        r#"[1e400]"#,
        deep.as_str(),
    ] {
        let e = serde_json::from_str::<Value>(text).unwrap_err();
        let (_, errs) = Policy::from_json_lenient(text);
        assert_eq!(errs.len(), 1, "{text}");
        assert_eq!(errs[0].problem, format!("not valid JSON: {e}"), "{text}");
    }
}

#[test]
fn a_salt_after_the_roster_or_given_twice_decides_as_the_last_one_says() {
    let pupil = format!(r#"{{"hashed_name": [{HASH}], "initial": "D", "group": 6}}"#);
    let after = format!(r#"{{"roster": [{pupil}], "roster_salt": {SALT}}}"#);
    let p = Policy::from_json(&after).unwrap();
    assert_eq!(p.roster[0].hashed_name, vec!["0123456789abcdef"]);
    assert_eq!(
        (p.roster[0].initial.as_str(), p.roster[0].group.as_str()),
        ("d", "6")
    );
    let undone = format!(r#"{{"roster_salt": {SALT}, "roster": [{pupil}], "roster_salt": "x"}}"#);
    let (p, errs) = Policy::from_json_lenient(&undone);
    assert!(p.roster.is_empty());
    let shown: Vec<String> = errs.iter().map(ToString::to_string).collect();
    assert!(
        shown.contains(
            &"roster[0].hashed_name: a hashed roster needs \"roster_salt\" at the top level"
                .to_string()
        ),
        "{shown:?}"
    );
}
