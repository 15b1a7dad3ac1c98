//! The school's policy: what IT configures, read from JSON, validated with errors that name
//! the exact path (`roster[3].consent.social: expected true or false`).
//!
//! Validation is hand-written over `serde_json::Value` rather than derived, because the
//! messages are for an IT administrator: every problem is reported (not just the first), with
//! its path, and unknown keys get a "did you mean" hint. [`Policy::from_json_lenient`] keeps
//! the valid parts of a broken policy, so the extension can go on checking with them.

use crate::model::{Category, Locale, Platform, Severity};
use crate::rules::{rule_ids, RULES};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

/// A consent channel: where a photo may be published.
pub const CHANNELS: [&str; 3] = ["social", "website", "schoolapp"];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct School {
    pub name: String,
    pub aliases: Vec<String>,
    pub board: String,
}

/// One pupil. `name` is the display name; a hashed roster carries `tokens` only.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pupil {
    /// The name in clear text; empty in a hashed roster.
    pub name: String,
    /// A hashed roster's name: keyed hashes of the normalised name tokens, first name first
    /// (see [`crate::roster_hash`]). Empty in a plain roster.
    pub hashed_name: Vec<String>,
    /// First letter of the first name in a hashed roster, so "R. uit 4vwo" still matches.
    pub initial: String,
    pub group: String,
    /// channel → consent. A channel that is missing means no consent.
    pub consent: BTreeMap<String, bool>,
}

/// What a rule is set to: a severity or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Off,
    On(Severity),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Localized {
    pub nl: String,
    pub en: String,
}

impl Localized {
    pub fn get(&self, l: Locale) -> &str {
        match l {
            Locale::Nl => &self.nl,
            Locale::En => &self.en,
        }
    }
}

/// The school's own public contact details: never confidential.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contact {
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    pub addresses: Vec<String>,
    pub websites: Vec<String>,
}

/// Settings the extension reads (the core validates them so one file describes everything).
#[derive(Debug, Clone, PartialEq)]
pub struct ExtensionSettings {
    pub sites: Vec<String>,
    pub allow_pause: bool,
    pub allow_override: bool,
    pub override_needs_reason: bool,
}

impl Default for ExtensionSettings {
    fn default() -> Self {
        ExtensionSettings {
            sites: Vec::new(),
            allow_pause: true,
            allow_override: true,
            override_needs_reason: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    pub school: School,
    pub roster: Vec<Pupil>,
    /// Key of the roster's hashes; `Some` when the roster is stored hashed.
    pub roster_salt: Option<[u8; 16]>,
    pub staff: Vec<String>,
    /// Rule id or category → setting. Rule ids win over their category.
    pub rules: BTreeMap<String, Setting>,
    pub capacity_statement: Localized,
    pub public_contact: Contact,
    pub offline_contact: Localized,
    pub extra_words: BTreeMap<Category, Vec<String>>,
    /// Platform → consent channel.
    pub channels: BTreeMap<Platform, String>,
    pub extension: ExtensionSettings,
}

impl Default for Policy {
    /// The embedded default: no school, no roster, every rule on at its default severity.
    fn default() -> Self {
        let mut channels = BTreeMap::new();
        for p in [
            Platform::Facebook,
            Platform::X,
            Platform::Linkedin,
            Platform::Instagram,
        ] {
            channels.insert(p, "social".to_string());
        }
        channels.insert(Platform::Schoolapp, "schoolapp".to_string());
        // An unknown platform is treated as public: the strictest reading.
        channels.insert(Platform::Other, "social".to_string());
        Policy {
            school: School::default(),
            roster: Vec::new(),
            roster_salt: None,
            staff: Vec::new(),
            rules: BTreeMap::new(),
            capacity_statement: Localized {
                nl: "Op persoonlijke titel:".into(),
                en: "Views are my own.".into(),
            },
            public_contact: Contact::default(),
            offline_contact: Localized {
                nl: "Laten we dit niet hier bespreken. Ik neem graag persoonlijk contact met u op."
                    .into(),
                en: "Let's not discuss this here. I'd be glad to talk with you in person.".into(),
            },
            extra_words: BTreeMap::new(),
            channels,
            extension: ExtensionSettings::default(),
        }
    }
}

/// One problem in a policy file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    pub path: String,
    pub problem: String,
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.problem)
        } else {
            write!(f, "{}: {}", self.path, self.problem)
        }
    }
}

/// All problems found in a policy file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyErrors(pub Vec<PolicyError>);

impl fmt::Display for PolicyErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        write!(
            f,
            "invalid policy ({n} problem{}): ",
            if n == 1 { "" } else { "s" }
        )?;
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                write!(f, "; ")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for PolicyErrors {}

impl Policy {
    /// Parses and validates a policy; any problem makes it an error.
    pub fn from_json(json: &str) -> Result<Policy, PolicyErrors> {
        let (p, errs) = Policy::from_json_lenient(json);
        if errs.is_empty() {
            Ok(p)
        } else {
            Err(PolicyErrors(errs))
        }
    }

    /// Parses a policy and keeps what is valid: each invalid part falls back to its default
    /// and is reported. A file that is not JSON at all gives the default policy.
    pub fn from_json_lenient(json: &str) -> (Policy, Vec<PolicyError>) {
        let value: Value = match serde_json::from_str(json) {
            Ok(v) => v,
            Err(e) => {
                return (
                    Policy::default(),
                    vec![PolicyError {
                        path: String::new(),
                        problem: format!("not valid JSON: {e}"),
                    }],
                )
            }
        };
        let mut v = Validator {
            errors: Vec::new(),
            hashed: false,
        };
        let p = v.policy(&value);
        (p, v.errors)
    }

    /// The setting in force for a rule: its own entry, else its category's, else its default.
    pub fn setting(&self, rule: &str, category: Category, default: Severity) -> Setting {
        self.rules
            .get(rule)
            .or_else(|| self.rules.get(category.as_str()))
            .copied()
            .unwrap_or(Setting::On(default))
    }

    /// The consent channel a platform publishes to.
    pub fn channel(&self, p: Platform) -> &str {
        self.channels
            .get(&p)
            .map(String::as_str)
            .unwrap_or("social")
    }

    /// A one-paragraph summary for `postwacht policy check`.
    pub fn summary(&self) -> String {
        let mut s = String::new();
        let name = if self.school.name.is_empty() {
            "(no school name)"
        } else {
            &self.school.name
        };
        s.push_str(&format!("school: {name}"));
        if !self.school.aliases.is_empty() {
            s.push_str(&format!(" (also: {})", self.school.aliases.join(", ")));
        }
        s.push('\n');
        let mut by_channel: BTreeMap<&str, usize> = BTreeMap::new();
        for p in &self.roster {
            for (ch, ok) in &p.consent {
                if *ok {
                    *by_channel.entry(ch.as_str()).or_default() += 1;
                }
            }
        }
        s.push_str(&format!("roster: {} pupils", self.roster.len()));
        for ch in CHANNELS {
            s.push_str(&format!(
                ", {} with {ch} consent",
                by_channel.get(ch).copied().unwrap_or(0)
            ));
        }
        s.push('\n');
        s.push_str(&format!("staff: {} names\n", self.staff.len()));
        if self.rules.is_empty() {
            s.push_str("rules: all at their default severity\n");
        } else {
            let list: Vec<String> = self
                .rules
                .iter()
                .map(|(k, v)| match v {
                    Setting::Off => format!("{k}=off"),
                    Setting::On(sev) => format!("{k}={}", sev.as_str()),
                })
                .collect();
            s.push_str(&format!("rules: {}\n", list.join(", ")));
        }
        let extra: usize = self.extra_words.values().map(Vec::len).sum();
        s.push_str(&format!(
            "public contact: {} phone, {} e-mail, {} address; extra words: {extra}\n",
            self.public_contact.phones.len(),
            self.public_contact.emails.len(),
            self.public_contact.addresses.len()
        ));
        s
    }
}

/// Levenshtein distance, for "did you mean" hints on unknown keys.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
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

struct Validator {
    errors: Vec<PolicyError>,
    /// The policy has a roster salt, so roster entries may be hashed.
    hashed: bool,
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
                for k in m.keys() {
                    if !known.contains(&k.as_str()) {
                        let p = join(path, k);
                        let h = hint(k, known);
                        self.err(&p, h);
                    }
                }
                Some(m)
            }
            other => {
                self.err(path, format!("expected an object, found {}", kind(other)));
                None
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
                    .object(path, v, &["nl", "en"])
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

    fn policy(&mut self, v: &Value) -> Policy {
        let mut p = Policy::default();
        let known = [
            "$schema",
            "version",
            "roster_salt",
            "school",
            "roster",
            "staff",
            "rules",
            "capacity_statement",
            "contact",
            "offline_contact",
            "extra_words",
            "channels",
            "extension",
        ];
        let Some(m) = self.object("", v, &known) else {
            return p;
        };
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
        if let Some(r) = m.get("roster") {
            p.roster = self.roster(r);
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
        p
    }

    fn school(&mut self, v: &Value) -> School {
        let mut s = School::default();
        let Some(m) = self.object("school", v, &["name", "aliases", "board"]) else {
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

    fn roster(&mut self, v: &Value) -> Vec<Pupil> {
        let Value::Array(items) = v else {
            self.err(
                "roster",
                format!("expected a list of pupils, found {}", kind(v)),
            );
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("roster[{i}]");
            let Some(m) = self.object(
                &path,
                item,
                &["name", "hashed_name", "initial", "group", "consent"],
            ) else {
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
            }
            let name = match m.get("name") {
                None if !hashed_name.is_empty() => String::new(),
                None => {
                    self.err(&path, "pupil without a name");
                    continue;
                }
                Some(n) => match self.string(&join(&path, "name"), n) {
                    Some(n) if crate::text::normalize(&n).chars().any(char::is_alphabetic) => n,
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
                if let Some(cm) = self.object(&cp, c, &CHANNELS) {
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
                Value::String(s) if s == "off" => Some(Setting::Off),
                Value::Bool(false) => Some(Setting::Off),
                Value::String(s) => Severity::parse(s).map(Setting::On),
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
        let Some(m) = self.object("contact", v, &["phone", "email", "address", "website"]) else {
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

    fn extra_words(&mut self, v: &Value) -> BTreeMap<Category, Vec<String>> {
        let mut out = BTreeMap::new();
        let names: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
        let Some(m) = self.object("extra_words", v, &names) else {
            return out;
        };
        for (k, val) in m {
            if let Some(c) = Category::parse(k) {
                let words = self.strings(&join("extra_words", k), val);
                out.insert(c, words);
            }
        }
        out
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
        let known = [
            "sites",
            "allow_pause",
            "allow_override",
            "override_needs_reason",
        ];
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

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// All rules with their category and default severity, for `postwacht rules` and docs.
pub fn rule_table() -> Vec<(&'static str, Category, Severity)> {
    RULES
        .iter()
        .map(|r| (r.id, r.category, r.default))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_format_parses() {
        let p = Policy::from_json(
            r#"{"school": {"name": "OBS De Regenboog", "aliases": ["De Regenboog"], "board": "X"},
                "roster": [{"name": "Daan de Vries", "group": "6", "consent": {"social": false, "website": true}}],
                "staff": ["Marieke Jansen"]}"#,
        )
        .unwrap();
        assert_eq!(p.school.name, "OBS De Regenboog");
        assert_eq!(p.roster[0].consent.get("social"), Some(&false));
        assert_eq!(p.staff, ["Marieke Jansen"]);
    }

    #[test]
    fn errors_name_the_path() {
        let e = Policy::from_json(
            r#"{"roster": [{"name": "A B"}, {"name": "C"}, {"name": "D"},
                {"name": "E F", "consent": {"social": "yes"}}]}"#,
        )
        .unwrap_err();
        assert_eq!(
            e.0[0].to_string(),
            "roster[3].consent.social: expected true or false, found a string"
        );
    }

    #[test]
    fn unknown_keys_get_a_hint() {
        let e = Policy::from_json(r#"{"shcool": {"name": "X"}, "rules": {"informall": "off"}}"#)
            .unwrap_err();
        let s = e.to_string();
        assert!(
            s.contains("shcool: unknown key; did you mean \"school\"?"),
            "{s}"
        );
        assert!(
            s.contains("rules.informall: unknown rule id; did you mean \"informal\"?"),
            "{s}"
        );
    }

    #[test]
    fn lenient_keeps_the_valid_parts() {
        let (p, errs) = Policy::from_json_lenient(
            r#"{"school": {"name": "De Linde"}, "roster": [{"group": "5"}, {"name": "Sem Mulder"}],
                "rules": {"informal": "loud", "profanity": "warning"}}"#,
        );
        assert_eq!(errs.len(), 2);
        assert_eq!(errs[0].to_string(), "roster[0]: pupil without a name");
        assert_eq!(p.school.name, "De Linde");
        assert_eq!(p.roster.len(), 1);
        assert_eq!(
            p.rules.get("profanity"),
            Some(&Setting::On(Severity::Warning))
        );
        assert!(!p.rules.contains_key("informal"));
    }

    #[test]
    fn not_json_is_a_clear_error() {
        let e = Policy::from_json("{roster: [").unwrap_err();
        assert!(e.to_string().contains("not valid JSON"));
        let e = Policy::from_json("[]").unwrap_err();
        assert!(e.to_string().contains("expected an object, found a list"));
    }

    #[test]
    fn settings_resolve_rule_then_category_then_default() {
        let p = Policy::from_json(r#"{"rules": {"informal": "off", "informal.kisses": "error"}}"#)
            .unwrap();
        assert_eq!(
            p.setting("informal.kisses", Category::Informal, Severity::Warning),
            Setting::On(Severity::Error)
        );
        assert_eq!(
            p.setting("informal.chat-speak", Category::Informal, Severity::Warning),
            Setting::Off
        );
        assert_eq!(
            p.setting("profanity.curse", Category::Profanity, Severity::Error),
            Setting::On(Severity::Error)
        );
    }
}
