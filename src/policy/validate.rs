//! The validator: reads a policy from `serde_json::Value`, reporting every problem with its
//! path and keeping the valid parts. Which keys exist comes from the format table
//! ([`super::format`]); what each value means is read here.

use super::format::{self, keys};
use super::{
    Contact, ExtensionSettings, Localized, Policy, PolicyError, School, Setting, CHANNELS,
};
use crate::catalog::rule_ids;
use crate::model::{Category, Platform};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

mod protocol;
pub(super) mod read;
mod roster;
#[cfg(test)]
mod roster_tests;
mod words;

/// The top-level key editors use to find a JSON schema; accepted and ignored.
const SCHEMA_KEY: &str = "$schema";

/// Edit distance, for "did you mean" hints on unknown keys.
fn distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

fn hint(key: &str, known: &[&str]) -> String {
    let best = known.iter().min_by_key(|k| distance(key, k));
    match best {
        Some(b) if distance(key, b) <= 3 => format!("unknown key; did you mean \"{b}\"?"),
        _ => format!("unknown key; expected one of: {}", known.join(", ")),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

pub(super) struct Validator {
    pub(super) errors: Vec<PolicyError>,
    /// The policy has a roster salt, so roster entries may be hashed.
    pub(super) hashed: bool,
}

impl Validator {
    fn err(&mut self, path: &str, problem: impl Into<String>) {
        self.errors.push(PolicyError {
            path: path.to_string(),
            problem: problem.into(),
        });
    }

    fn object<'v>(
        &mut self,
        path: &str,
        v: &'v Value,
        known: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        match v {
            Value::Object(m) => {
                self.unknown_keys(path, m, known);
                Some(m)
            }
            other => {
                self.err(path, format!("expected an object, found {}", kind(other)));
                None
            }
        }
    }

    fn unknown_keys(&mut self, path: &str, m: &Map<String, Value>, known: &[&str]) {
        for k in m.keys() {
            if !known.contains(&k.as_str()) {
                let p = join(path, k);
                let h = hint(k, known);
                self.err(&p, h);
            }
        }
    }

    fn string(&mut self, path: &str, v: &Value) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            other => {
                self.err(path, format!("expected a string, found {}", kind(other)));
                None
            }
        }
    }

    fn boolean(&mut self, path: &str, v: &Value) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(*b),
            other => {
                self.err(
                    path,
                    format!("expected true or false, found {}", kind(other)),
                );
                None
            }
        }
    }

    /// A list of non-empty strings; a single string is accepted as a list of one.
    fn strings(&mut self, path: &str, v: &Value) -> Vec<String> {
        match v {
            Value::String(s) if !s.trim().is_empty() => vec![s.clone()],
            Value::Array(items) => {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    let p = format!("{path}[{i}]");
                    match item {
                        Value::String(s) if s.trim().is_empty() => self.err(&p, "empty string"),
                        Value::String(s) => out.push(s.clone()),
                        other => self.err(&p, format!("expected a string, found {}", kind(other))),
                    }
                }
                out
            }
            other => {
                self.err(
                    path,
                    format!("expected a list of strings, found {}", kind(other)),
                );
                Vec::new()
            }
        }
    }

    /// A text per locale: either one string for both, or {"nl": ..., "en": ...}.
    fn localized(&mut self, path: &str, v: &Value, default: &Localized) -> Localized {
        match v {
            Value::String(s) => Localized {
                nl: s.clone(),
                en: s.clone(),
            },
            Value::Object(_) => {
                let m = self
                    .object(path, v, &keys(format::CAPACITY_STATEMENT))
                    .cloned()
                    .unwrap_or_default();
                let mut out = default.clone();
                if let Some(x) = m.get("nl").and_then(|x| self.string(&join(path, "nl"), x)) {
                    out.nl = x;
                }
                if let Some(x) = m.get("en").and_then(|x| self.string(&join(path, "en"), x)) {
                    out.en = x;
                }
                out
            }
            other => {
                self.err(
                    path,
                    format!(
                        "expected a string or {{\"nl\": ..., \"en\": ...}}, found {}",
                        kind(other)
                    ),
                );
                default.clone()
            }
        }
    }

    #[cfg_attr(postwacht_size, optimize(size))]
    #[inline(never)]
    pub(super) fn policy(&mut self, raw: read::Raw) -> Policy {
        let mut p = Policy::default();
        let mut known = keys(format::POLICY);
        known.push(SCHEMA_KEY);
        let m = match &raw.top {
            Ok(m) => m,
            Err(kind) => {
                self.err("", format!("expected an object, found {kind}"));
                return p;
            }
        };
        // (`roster` was read apart, and is a known key.)
        self.unknown_keys("", m, &known);
        if let Some(v) = m.get("version") {
            if v.as_u64() != Some(1) {
                self.err("version", format!("expected 1, found {v}"));
            }
        }
        if let Some(s) = m.get("school") {
            p.school = self.school(s);
        }
        if let Some(s) = m.get("roster_salt") {
            match s.as_str().and_then(crate::roster_hash::parse_salt) {
                Some(salt) => {
                    p.roster_salt = Some(salt);
                    self.hashed = true;
                }
                None => self.err(
                    "roster_salt",
                    "expected 32 hex digits (made by `postwacht policy build`)",
                ),
            }
        }
        if let Some(r) = raw.roster {
            p.roster = r.resolve(self);
        }
        if let Some(s) = m.get("staff") {
            p.staff = self.strings("staff", s);
        }
        if let Some(r) = m.get("rules") {
            p.rules = self.rules(r);
        }
        if let Some(c) = m.get("capacity_statement") {
            p.capacity_statement = self.localized("capacity_statement", c, &p.capacity_statement);
        }
        if let Some(c) = m.get("offline_contact") {
            p.offline_contact = self.localized("offline_contact", c, &p.offline_contact);
        }
        if let Some(c) = m.get("contact") {
            p.public_contact = self.contact(c);
        }
        if let Some(e) = m.get("extra_words") {
            p.extra_words = self.extra_words(e);
        }
        if let Some(c) = m.get("channels") {
            self.channels(c, &mut p.channels);
        }
        if let Some(e) = m.get("extension") {
            p.extension = self.extension(e);
        }
        p.protocol = self.protocol(m);
        p
    }

    fn school(&mut self, v: &Value) -> School {
        let mut s = School::default();
        let Some(m) = self.object("school", v, &keys(format::SCHOOL)) else {
            return s;
        };
        if let Some(n) = m.get("name").and_then(|x| self.string("school.name", x)) {
            s.name = n;
        }
        if let Some(a) = m.get("aliases") {
            s.aliases = self.strings("school.aliases", a);
        }
        if let Some(b) = m.get("board").and_then(|x| self.string("school.board", x)) {
            s.board = b;
        }
        s
    }

    fn rules(&mut self, v: &Value) -> BTreeMap<String, Setting> {
        let mut out = BTreeMap::new();
        let Value::Object(m) = v else {
            self.err(
                "rules",
                format!("expected an object of rule → severity, found {}", kind(v)),
            );
            return out;
        };
        let mut known: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
        known.extend(rule_ids());
        for (k, val) in m {
            let path = join("rules", k);
            if !known.contains(&k.as_str()) {
                let best = known
                    .iter()
                    .min_by_key(|x| distance(k, x))
                    .copied()
                    .unwrap_or("");
                let msg = if distance(k, best) <= 4 {
                    format!("unknown rule id; did you mean \"{best}\"?")
                } else {
                    "unknown rule id; `postwacht rules` lists them".to_string()
                };
                self.err(&path, msg);
                continue;
            }
            let setting = match val {
                Value::Bool(false) => Some(Setting::Off),
                Value::String(s) => Setting::parse(s),
                _ => None,
            };
            match setting {
                Some(s) => {
                    out.insert(k.clone(), s);
                }
                None => self.err(
                    &path,
                    format!("expected \"error\", \"warning\", \"info\" or \"off\", found {val}"),
                ),
            }
        }
        out
    }

    fn contact(&mut self, v: &Value) -> Contact {
        let mut c = Contact::default();
        let Some(m) = self.object("contact", v, &keys(format::CONTACT)) else {
            return c;
        };
        if let Some(x) = m.get("phone") {
            c.phones = self.strings("contact.phone", x);
        }
        if let Some(x) = m.get("email") {
            c.emails = self.strings("contact.email", x);
        }
        if let Some(x) = m.get("address") {
            c.addresses = self.strings("contact.address", x);
        }
        if let Some(x) = m.get("website") {
            c.websites = self.strings("contact.website", x);
        }
        c
    }

    fn channels(&mut self, v: &Value, into: &mut BTreeMap<Platform, String>) {
        let names = [
            "facebook",
            "x",
            "linkedin",
            "instagram",
            "schoolapp",
            "other",
        ];
        let Some(m) = self.object("channels", v, &names) else {
            return;
        };
        for (k, val) in m {
            let Some(p) = Platform::parse(k) else {
                continue;
            };
            let path = join("channels", k);
            if let Some(ch) = self.string(&path, val) {
                if CHANNELS.contains(&ch.as_str()) {
                    into.insert(p, ch);
                } else {
                    self.err(
                        &path,
                        format!(
                            "unknown channel \"{ch}\"; expected one of: {}",
                            CHANNELS.join(", ")
                        ),
                    );
                }
            }
        }
    }

    fn extension(&mut self, v: &Value) -> ExtensionSettings {
        let mut e = ExtensionSettings::default();
        let known = keys(format::EXTENSION);
        let Some(m) = self.object("extension", v, &known) else {
            return e;
        };
        if let Some(x) = m.get("sites") {
            e.sites = self.strings("extension.sites", x);
        }
        if let Some(b) = m
            .get("allow_pause")
            .and_then(|x| self.boolean("extension.allow_pause", x))
        {
            e.allow_pause = b;
        }
        if let Some(b) = m
            .get("allow_override")
            .and_then(|x| self.boolean("extension.allow_override", x))
        {
            e.allow_override = b;
        }
        if let Some(b) = m
            .get("override_needs_reason")
            .and_then(|x| self.boolean("extension.override_needs_reason", x))
        {
            e.override_needs_reason = b;
        }
        e
    }
}

pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}
