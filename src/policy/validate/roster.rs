//! The roster, read and validated straight from the JSON text in the one pass that reads the
//! policy ([`super::read`]): no `serde_json::Value` per pupil, strings borrowed from the
//! text until a pupil is kept, and a path (`roster[3].consent`) made only for a problem.
//! A roster of 100,000 pupils is half a million values; this keeps its set-up linear and
//! allocates only what the [`Pupil`]s keep.
//!
//! Whether a `hashed_name` is acceptable depends on `roster_salt`, which may come after the
//! roster in the file (or twice, the last one counting). So a hashed pupil is read both
//! ways at once: its problems and the pupil itself are marked as holding only with a salt,
//! the "needs roster_salt" problem as holding only without one, and [`Roster::resolve`]
//! keeps the right ones once the whole file is read. The messages and their order are the
//! ones a validator over a `Value` gives (the unknown keys of an object first, sorted; then
//! the fields), so strict and lenient readers and the CLI say exactly what they said.

use super::{hint, join, Validator};
use crate::policy::format::{self, keys};
use crate::policy::{PolicyError, Pupil};
use std::borrow::Cow;
use std::collections::BTreeMap;

mod parse;
use parse::{Consent, Field, Fields, Scalar};
pub(super) use parse::{Mode, Seed};

/// The consent channels in the order a sorted map visits them.
const SORTED_CHANNELS: [&str; 3] = ["schoolapp", "social", "website"];

/// When a problem or pupil holds: always, or only with (without) a valid `roster_salt`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Cond {
    Always,
    Hashed,
    Plain,
}

impl Cond {
    fn holds(self, hashed: bool) -> bool {
        match self {
            Cond::Always => true,
            Cond::Hashed => hashed,
            Cond::Plain => !hashed,
        }
    }
}

/// A roster as read: a list of pupils, or something else (`kind` names it).
pub(super) enum Roster {
    List {
        pupils: Vec<(Cond, Pupil)>,
        problems: Vec<(Cond, PolicyError)>,
    },
    Other(&'static str),
}

impl Roster {
    /// The pupils and problems that hold now that the salt is known.
    pub(super) fn resolve(self, v: &mut Validator) -> Vec<Pupil> {
        match self {
            Roster::Other(kind) => {
                v.err("roster", format!("expected a list of pupils, found {kind}"));
                Vec::new()
            }
            Roster::List { pupils, problems } => {
                let hashed = v.hashed;
                v.errors.extend(
                    problems
                        .into_iter()
                        .filter(|(c, _)| c.holds(hashed))
                        .map(|(_, e)| e),
                );
                if pupils.iter().all(|(c, _)| *c == Cond::Always) {
                    return pupils.into_iter().map(|(_, p)| p).collect();
                }
                pupils
                    .into_iter()
                    .filter(|(c, _)| c.holds(hashed))
                    .map(|(_, p)| p)
                    .collect()
            }
        }
    }
}

struct Reader {
    pupils: Vec<(Cond, Pupil)>,
    problems: Vec<(Cond, PolicyError)>,
    pupil_keys: Vec<&'static str>,
    consent_keys: Vec<&'static str>,
}

impl Reader {
    fn new(pupils: usize) -> Reader {
        Reader {
            pupils: Vec::with_capacity(pupils),
            problems: Vec::new(),
            pupil_keys: keys(format::PUPIL),
            consent_keys: keys(format::CONSENT),
        }
    }

    fn finish(self) -> Roster {
        Roster::List {
            pupils: self.pupils,
            problems: self.problems,
        }
    }

    fn err(&mut self, cond: Cond, path: String, problem: impl Into<String>) {
        self.problems.push((
            cond,
            PolicyError {
                path,
                problem: problem.into(),
            },
        ));
    }

    /// Unknown keys, sorted and each once, as a validator over a sorted map reports them.
    fn unknown(&mut self, cond: Cond, path: &str, mut keys: Vec<Cow<str>>, known: &[&str]) {
        keys.sort_unstable();
        keys.dedup();
        for k in keys {
            let h = hint(&k, known);
            self.err(cond, join(path, &k), h);
        }
    }

    fn string(&mut self, cond: Cond, path: impl FnOnce() -> String, f: Field) -> Option<String> {
        match f {
            Field::One(Scalar::Str(s)) => Some(s.into_owned()),
            other => {
                self.err(
                    cond,
                    path(),
                    format!("expected a string, found {}", other.kind()),
                );
                None
            }
        }
    }

    /// A list of non-empty strings; a single string is a list of one.
    fn strings(&mut self, path: &str, f: Field) -> Vec<String> {
        match f {
            Field::One(Scalar::Str(s)) if !s.trim().is_empty() => vec![s.into_owned()],
            Field::List(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.into_iter().enumerate() {
                    match item {
                        Scalar::Str(s) if s.trim().is_empty() => {
                            self.err(Cond::Always, format!("{path}[{i}]"), "empty string")
                        }
                        Scalar::Str(s) => out.push(s.into_owned()),
                        other => self.err(
                            Cond::Always,
                            format!("{path}[{i}]"),
                            format!("expected a string, found {}", other.kind()),
                        ),
                    }
                }
                out
            }
            other => {
                let msg = format!("expected a list of strings, found {}", other.kind());
                self.err(Cond::Always, path.to_string(), msg);
                Vec::new()
            }
        }
    }

    fn pupil(&mut self, i: usize, item: Result<Fields, &'static str>) {
        let path = || format!("roster[{i}]");
        let f = match item {
            Ok(f) => f,
            Err(kind) => {
                self.err(
                    Cond::Always,
                    path(),
                    format!("expected an object, found {kind}"),
                );
                return;
            }
        };
        let Fields {
            name,
            hashed_name: hashed,
            initial: initial_field,
            group,
            consent,
            unknown,
        } = f;
        if !unknown.is_empty() {
            let known = std::mem::take(&mut self.pupil_keys);
            self.unknown(Cond::Always, &path(), unknown, &known);
            self.pupil_keys = known;
        }
        // From the point a pupil is hashed, what follows holds only with a salt.
        let mut cond = Cond::Always;
        let mut hashed_name = Vec::new();
        let mut initial = String::new();
        if let Some(h) = hashed {
            let hp = join(&path(), "hashed_name");
            hashed_name = self.strings(&hp, h);
            if hashed_name.is_empty()
                || hashed_name
                    .iter()
                    .any(|x| !crate::roster_hash::is_token_hash(x))
            {
                self.err(
                    cond,
                    hp,
                    "expected a list of 16-digit hex hashes (made by `postwacht policy build`)",
                );
                return;
            }
            self.err(
                Cond::Plain,
                hp,
                "a hashed roster needs \"roster_salt\" at the top level",
            );
            cond = Cond::Hashed;
            if name.is_some() {
                self.err(
                    cond,
                    path(),
                    "give either \"name\" or \"hashed_name\", not both",
                );
                return;
            }
            if let Some(x) =
                initial_field.and_then(|x| self.string(cond, || join(&path(), "initial"), x))
            {
                initial = crate::text::normalize(&x).chars().take(1).collect();
            }
        } else if let Some(x) = initial_field {
            // Only a hashed roster uses it, but a wrong type is still a mistake to report.
            self.string(cond, || join(&path(), "initial"), x);
        }
        let name = match name {
            None if !hashed_name.is_empty() => String::new(),
            None => {
                self.err(cond, path(), "pupil without a name");
                return;
            }
            Some(n) => match self.string(cond, || join(&path(), "name"), n) {
                // (What normalising drops or folds is never a letter's being a letter.)
                Some(n) if n.chars().any(char::is_alphabetic) => n,
                Some(_) => {
                    self.err(cond, join(&path(), "name"), "name has no letters");
                    return;
                }
                None => return,
            },
        };
        let group = match group.map(Field::into_scalar) {
            None => String::new(),
            Some(Scalar::Str(g)) => g.into_owned(),
            Some(Scalar::Num(n)) => n.to_string(),
            Some(other) => {
                let msg = format!("expected a string or number, found {}", other.kind());
                self.err(cond, join(&path(), "group"), msg);
                String::new()
            }
        };
        let mut consent_map = BTreeMap::new();
        match consent {
            None => {}
            Some(Consent::Other(kind)) => {
                let msg = format!("expected an object, found {kind}");
                self.err(cond, join(&path(), "consent"), msg);
            }
            Some(Consent::Object(slots, unknown)) => {
                if !unknown.is_empty() {
                    let known = std::mem::take(&mut self.consent_keys);
                    self.unknown(cond, &join(&path(), "consent"), unknown, &known);
                    self.consent_keys = known;
                }
                for (ch, slot) in SORTED_CHANNELS.iter().zip(slots) {
                    match slot {
                        None => {}
                        Some(Scalar::Bool(b)) => {
                            consent_map.insert(ch.to_string(), b);
                        }
                        Some(other) => {
                            let msg = format!("expected true or false, found {}", other.kind());
                            self.err(cond, join(&join(&path(), "consent"), ch), msg);
                        }
                    }
                }
            }
        }
        self.pupils.push((
            cond,
            Pupil {
                name,
                hashed_name,
                initial,
                group,
                consent: consent_map,
            },
        ));
    }
}
