//! The serde side of the one-pass reader: the top-level object, the roster and each
//! pupil's values, borrowed from the text, without a `serde_json::Value` per pupil; every
//! value parsed as `Value` would parse it (numbers included), so the same texts are refused.
//!
//! One visitor with a run-time [`Mode`] instead of a visitor per shape: each visitor type
//! is another copy of serde_json's parser in the wasm (seven of them cost 9 KB gzipped).

use super::{Reader, Roster, SORTED_CHANNELS};
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::borrow::Cow;
use std::fmt;

/// A JSON value that is not a list or an object, or the kind of one that is.
pub(in crate::policy::validate) enum Scalar<'de> {
    Str(Cow<'de, str>),
    Num(Number),
    Bool(bool),
    Other(&'static str),
}

impl Scalar<'_> {
    pub(super) fn kind(&self) -> &'static str {
        match self {
            Scalar::Str(_) => "a string",
            Scalar::Num(_) => "a number",
            Scalar::Bool(_) => "true/false",
            Scalar::Other(k) => k,
        }
    }
}

/// A pupil's field: one value, or a list of them (`hashed_name`).
pub(in crate::policy::validate) enum Field<'de> {
    One(Scalar<'de>),
    List(Vec<Scalar<'de>>),
}

impl<'de> Field<'de> {
    pub(super) fn kind(&self) -> &'static str {
        match self {
            Field::One(s) => s.kind(),
            Field::List(_) => "a list",
        }
    }
    pub(super) fn into_scalar(self) -> Scalar<'de> {
        match self {
            Field::One(s) => s,
            Field::List(_) => Scalar::Other("a list"),
        }
    }
}

pub(in crate::policy::validate) enum Consent<'de> {
    /// Per channel of [`SORTED_CHANNELS`], the last value given; and the other keys.
    Object([Option<Scalar<'de>>; 3], Vec<Cow<'de, str>>),
    Other(&'static str),
}

#[derive(Default)]
pub(in crate::policy::validate) struct Fields<'de> {
    pub(super) name: Option<Field<'de>>,
    pub(super) hashed_name: Option<Field<'de>>,
    pub(super) initial: Option<Field<'de>>,
    pub(super) group: Option<Field<'de>>,
    pub(super) consent: Option<Consent<'de>>,
    pub(super) unknown: Vec<Cow<'de, str>>,
}

/// What the value being read is expected to be.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(in crate::policy::validate) enum Mode {
    /// Anything, read for its syntax only.
    Skip,
    /// A scalar; a list or an object is read for its kind.
    Scalar,
    /// A scalar or a list of scalars (`hashed_name`).
    List,
    Pupil,
    Consent,
    /// The roster: a list of pupils, each validated as soon as it is read.
    Roster,
    /// The top-level object: the roster read as above, every other key as a `Value`.
    Top,
}

/// What was read, by mode; anything not of the mode's shape is a [`Got::Scalar`] holding
/// its kind.
pub(in crate::policy::validate) enum Got<'de> {
    Scalar(Scalar<'de>),
    List(Vec<Scalar<'de>>),
    Pupil(Fields<'de>),
    Consent([Option<Scalar<'de>>; 3], Vec<Cow<'de, str>>),
    Roster(Roster),
    Top(Map<String, Value>, Option<Roster>),
}

impl<'de> Got<'de> {
    fn field(self) -> Field<'de> {
        match self {
            Got::List(items) => Field::List(items),
            other => Field::One(other.scalar()),
        }
    }
    fn scalar(self) -> Scalar<'de> {
        match self {
            Got::Scalar(s) => s,
            Got::List(_) | Got::Roster(_) => Scalar::Other("a list"),
            _ => Scalar::Other("an object"),
        }
    }
    pub(super) fn pupil(self) -> Result<Fields<'de>, &'static str> {
        match self {
            Got::Pupil(f) => Ok(f),
            other => Err(other.scalar().kind()),
        }
    }
    fn consent(self) -> Consent<'de> {
        match self {
            Got::Consent(slots, unknown) => Consent::Object(slots, unknown),
            other => Consent::Other(other.scalar().kind()),
        }
    }
    pub(in crate::policy::validate) fn roster(self) -> Roster {
        match self {
            Got::Roster(r) => r,
            other => Roster::Other(other.scalar().kind()),
        }
    }
    /// The top-level object without its roster, and the last roster; or the file's kind.
    pub(in crate::policy::validate) fn top(
        self,
    ) -> (Result<Map<String, Value>, &'static str>, Option<Roster>) {
        match self {
            Got::Top(m, r) => (Ok(m), r),
            other => (Err(other.scalar().kind()), None),
        }
    }
}

pub(in crate::policy::validate) struct Seed(pub(in crate::policy::validate) Mode);

impl<'de> DeserializeSeed<'de> for Seed {
    type Value = Got<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Got<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed {
    type Value = Got<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, b: bool) -> Result<Got<'de>, E> {
        Ok(Got::Scalar(Scalar::Bool(b)))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Got<'de>, E> {
        Ok(Got::Scalar(Scalar::Num(n.into())))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Got<'de>, E> {
        Ok(Got::Scalar(Scalar::Num(n.into())))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Got<'de>, E> {
        // JSON has no NaN or infinity: the parser never gives one.
        Ok(Got::Scalar(
            Number::from_f64(n).map_or(Scalar::Other("a number"), Scalar::Num),
        ))
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Got<'de>, E> {
        Ok(Got::Scalar(Scalar::Str(Cow::Borrowed(s))))
    }
    fn visit_str<E>(self, s: &str) -> Result<Got<'de>, E> {
        // (A string with escapes: copied only when it is kept.)
        Ok(Got::Scalar(match self.0 {
            Mode::Skip => Scalar::Other("a string"),
            _ => Scalar::Str(Cow::Owned(s.to_string())),
        }))
    }
    fn visit_unit<E>(self) -> Result<Got<'de>, E> {
        Ok(Got::Scalar(Scalar::Other("null")))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Got<'de>, A::Error> {
        match self.0 {
            Mode::List => {
                let mut items = Vec::new();
                while let Some(g) = seq.next_element_seed(Seed(Mode::Scalar))? {
                    items.push(g.scalar());
                }
                Ok(Got::List(items))
            }
            Mode::Roster => {
                let mut r = Reader::new(seq.size_hint().unwrap_or(0));
                let mut i = 0;
                while let Some(g) = seq.next_element_seed(Seed(Mode::Pupil))? {
                    r.pupil(i, g.pupil());
                    i += 1;
                }
                Ok(Got::Roster(r.finish()))
            }
            _ => {
                while seq.next_element_seed(Seed(Mode::Skip))?.is_some() {}
                Ok(Got::Scalar(Scalar::Other("a list")))
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Got<'de>, A::Error> {
        match self.0 {
            Mode::Pupil => {
                let mut f = Fields::default();
                while let Some(k) = map.next_key_seed(Key)? {
                    let mode = match &*k {
                        "hashed_name" => Mode::List,
                        "consent" => Mode::Consent,
                        "name" | "initial" | "group" => Mode::Scalar,
                        _ => Mode::Skip,
                    };
                    let g = map.next_value_seed(Seed(mode))?;
                    match &*k {
                        "name" => f.name = Some(g.field()),
                        "hashed_name" => f.hashed_name = Some(g.field()),
                        "initial" => f.initial = Some(g.field()),
                        "group" => f.group = Some(g.field()),
                        "consent" => f.consent = Some(g.consent()),
                        _ => f.unknown.push(k),
                    }
                }
                Ok(Got::Pupil(f))
            }
            Mode::Consent => {
                let mut slots: [Option<Scalar<'de>>; 3] = [None, None, None];
                let mut unknown = Vec::new();
                while let Some(k) = map.next_key_seed(Key)? {
                    let at = SORTED_CHANNELS.iter().position(|c| *c == k);
                    let mode = if at.is_some() {
                        Mode::Scalar
                    } else {
                        Mode::Skip
                    };
                    let g = map.next_value_seed(Seed(mode))?;
                    match at {
                        Some(i) => slots[i] = Some(g.scalar()),
                        None => unknown.push(k),
                    }
                }
                Ok(Got::Consent(slots, unknown))
            }
            Mode::Top => {
                let mut top = Map::new();
                let mut roster = None;
                while let Some(k) = map.next_key_seed(Key)? {
                    if k == "roster" {
                        roster = Some(map.next_value_seed(Seed(Mode::Roster))?.roster());
                    } else {
                        let v: Value = map.next_value()?;
                        top.insert(k.into_owned(), v);
                    }
                }
                Ok(Got::Top(top, roster))
            }
            _ => {
                while map.next_key_seed(Key)?.is_some() {
                    map.next_value_seed(Seed(Mode::Skip))?;
                }
                Ok(Got::Scalar(Scalar::Other("an object")))
            }
        }
    }
}

/// A key, borrowed from the text unless it has escapes.
pub(in crate::policy::validate) struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(s))
    }
    fn visit_str<E>(self, s: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(s.to_string()))
    }
}
