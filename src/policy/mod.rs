//! The school's policy: what IT configures, read from JSON, validated with errors that name
//! the exact path (`roster[3].consent.social: expected true or false`).
//!
//! Validation is hand-written over `serde_json::Value` rather than derived, because the
//! messages are for an IT administrator: every problem is reported (not just the first), with
//! its path, and unknown keys get a "did you mean" hint. [`Policy::from_json_lenient`] keeps
//! the valid parts of a broken policy, so the extension can go on checking with them.

use crate::catalog::RULES;
use crate::model::{Category, Locale, Platform, Severity};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

mod duplicates;
pub mod format;
pub mod protocol;
mod teacher;
mod validate;

pub use teacher::{parse_teacher_rules, RuleRow};

pub use format::{managed_schema, managed_schema_text};
pub use protocol::{Protocol, SpeakForSchool, Statement};

/// A consent channel: where a photo may be published.
pub const CHANNELS: [&str; 3] = ["social", "website", "schoolapp"];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct School {
    pub name: String,
    pub aliases: Vec<String>,
    pub board: String,
}

/// One pupil. `name` is the display name; a hashed roster carries `hashed_name` instead.
/// Serialises as a `roster` entry of the policy format (`postwacht policy build` writes it;
/// empty fields are left out, so a plain pupil has no `hashed_name` and a hashed one no `name`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Pupil {
    /// The name in clear text; empty in a hashed roster.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// A hashed roster's name: keyed hashes of the normalised name tokens, first name first
    /// (see [`crate::roster_hash`]). Empty in a plain roster.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hashed_name: Vec<String>,
    /// First letter of the first name in a hashed roster, so "R. uit 4vwo" still matches.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub initial: String,
    #[serde(skip_serializing_if = "String::is_empty")]
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
/// Serialised with the defaults filled in for the extension (`checker.extensionSettings()`).
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    /// Accounts per platform and site, the writer's role, the statements this school demands.
    pub protocol: Protocol,
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
            protocol: Protocol::default(),
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
    #[cfg_attr(postwacht_size, optimize(size))]
    #[inline(never)]
    pub fn from_json_lenient(json: &str) -> (Policy, Vec<PolicyError>) {
        // Notepad and Excel write a byte-order mark at the start of UTF-8 files.
        let json = json.strip_prefix('\u{FEFF}').unwrap_or(json);
        let raw = match validate::read::read(json) {
            Ok(r) => r,
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
        let mut v = validate::Validator {
            errors: Vec::new(),
            hashed: false,
        };
        let p = v.policy(raw);
        // Reported like unknown keys; the last one is used, as every JSON reader does.
        for path in duplicates::duplicate_keys(json) {
            v.errors.push(PolicyError {
                path,
                problem: "duplicate key; only the last one is used".into(),
            });
        }
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

    /// Replaces every clear-text roster name by its keyed hashes and initial
    /// ([`crate::roster_hash`]), and keeps the salt, as `postwacht policy build` writes it.
    pub fn hash_roster(&mut self, salt: [u8; 16]) {
        use crate::lexicon::tokens;
        use crate::roster_hash::hash_token;
        for p in &mut self.roster {
            if p.name.is_empty() {
                continue;
            }
            let toks = tokens(&p.name);
            p.initial = toks
                .first()
                .and_then(|t| t.chars().next())
                .map(String::from)
                .unwrap_or_default();
            p.hashed_name = toks.iter().map(|t| hash_token(&salt, t)).collect();
            p.name.clear();
        }
        self.roster_salt = Some(salt);
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

/// All rules with their category and default severity, for `postwacht rules` and docs.
pub fn rule_table() -> Vec<(&'static str, Category, Severity)> {
    RULES
        .iter()
        .map(|r| (r.id, r.category, r.default))
        .collect()
}

#[cfg(test)]
mod tests;
