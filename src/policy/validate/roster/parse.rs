//! The serde side of the roster reader: borrowed values of one pupil, read from the text
//! without a `serde_json::Value`, every value parsed as `Value` would parse it.

use super::SORTED_CHANNELS;
use serde::de::{DeserializeSeed, Deserializer, Error, MapAccess, SeqAccess, Visitor};
use serde_json::Number;
use std::borrow::Cow;
use std::fmt;

/// A JSON value that is not a list or an object, or the kind of one that is.
pub(super) enum Scalar<'de> {
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
pub(super) enum Field<'de> {
    One(Scalar<'de>),
    List(Vec<Scalar<'de>>),
}

impl Field<'_> {
    pub(super) fn kind(&self) -> &'static str {
        match self {
            Field::One(s) => s.kind(),
            Field::List(_) => "a list",
        }
    }
}

pub(super) enum Consent<'de> {
    /// Per channel of [`SORTED_CHANNELS`], the last value given; and the other keys.
    Object([Option<Scalar<'de>>; 3], Vec<Cow<'de, str>>),
    Other(&'static str),
}

#[derive(Default)]
pub(super) struct Fields<'de> {
    pub(super) name: Option<Field<'de>>,
    pub(super) hashed_name: Option<Field<'de>>,
    pub(super) initial: Option<Field<'de>>,
    pub(super) group: Option<Field<'de>>,
    pub(super) consent: Option<Consent<'de>>,
    pub(super) unknown: Vec<Cow<'de, str>>,
}

/// Reads any value for its syntax only (every number parsed, as `Value` would, so a file
/// `Value` refuses is refused here too).
pub(in crate::policy::validate) struct Skip;

impl<'de> DeserializeSeed<'de> for Skip {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Skip {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Skip)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key_seed(Skip)?.is_some() {
            map.next_value_seed(Skip)?;
        }
        Ok(())
    }
}

/// Scalars, with lists and objects skipped to their kind; `LIST` reads a list's items.
pub(super) struct ScalarSeed<const LIST: bool>;

impl<'de, const LIST: bool> DeserializeSeed<'de> for ScalarSeed<LIST> {
    type Value = Field<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Field<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, const LIST: bool> Visitor<'de> for ScalarSeed<LIST> {
    type Value = Field<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, b: bool) -> Result<Field<'de>, E> {
        Ok(Field::One(Scalar::Bool(b)))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Field<'de>, E> {
        Ok(Field::One(Scalar::Num(n.into())))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Field<'de>, E> {
        Ok(Field::One(Scalar::Num(n.into())))
    }
    fn visit_f64<E: Error>(self, n: f64) -> Result<Field<'de>, E> {
        // JSON has no NaN or infinity: the parser never gives one.
        Ok(Field::One(
            Number::from_f64(n).map_or(Scalar::Other("a number"), Scalar::Num),
        ))
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Field<'de>, E> {
        Ok(Field::One(Scalar::Str(Cow::Borrowed(s))))
    }
    fn visit_str<E>(self, s: &str) -> Result<Field<'de>, E> {
        Ok(Field::One(Scalar::Str(Cow::Owned(s.to_string()))))
    }
    fn visit_unit<E>(self) -> Result<Field<'de>, E> {
        Ok(Field::One(Scalar::Other("null")))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Field<'de>, A::Error> {
        if !LIST {
            Skip.visit_seq(seq)?;
            return Ok(Field::One(Scalar::Other("a list")));
        }
        let mut items = Vec::new();
        while let Some(f) = seq.next_element_seed(ScalarSeed::<false>)? {
            if let Field::One(s) = f {
                items.push(s);
            }
        }
        Ok(Field::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Field<'de>, A::Error> {
        Skip.visit_map(map)?;
        Ok(Field::One(Scalar::Other("an object")))
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

pub(super) fn scalar(f: Field) -> Scalar {
    match f {
        Field::One(s) => s,
        Field::List(_) => Scalar::Other("a list"),
    }
}

/// A pupil's object, or the kind of what stands in its place.
pub(super) struct PupilSeed;

impl<'de> DeserializeSeed<'de> for PupilSeed {
    type Value = Result<Fields<'de>, &'static str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for PupilSeed {
    type Value = Result<Fields<'de>, &'static str>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Err("true/false"))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Err("a number"))
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Err("a number"))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Err("a number"))
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Err("a string"))
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Err("null"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Skip.visit_seq(seq)?;
        Ok(Err("a list"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut f = Fields::default();
        while let Some(k) = map.next_key_seed(Key)? {
            match &*k {
                "name" => f.name = Some(map.next_value_seed(ScalarSeed::<false>)?),
                "hashed_name" => f.hashed_name = Some(map.next_value_seed(ScalarSeed::<true>)?),
                "initial" => f.initial = Some(map.next_value_seed(ScalarSeed::<false>)?),
                "group" => f.group = Some(map.next_value_seed(ScalarSeed::<false>)?),
                "consent" => f.consent = Some(map.next_value_seed(ConsentSeed)?),
                _ => {
                    map.next_value_seed(Skip)?;
                    f.unknown.push(k);
                }
            }
        }
        Ok(Ok(f))
    }
}

pub(super) struct ConsentSeed;

impl<'de> DeserializeSeed<'de> for ConsentSeed {
    type Value = Consent<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Consent<'de>, D::Error> {
        // Anything but an object is read as a field for its kind.
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ConsentSeed {
    type Value = Consent<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Consent<'de>, E> {
        Ok(Consent::Other("true/false"))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Consent<'de>, E> {
        Ok(Consent::Other("a number"))
    }
    fn visit_u64<E>(self, _: u64) -> Result<Consent<'de>, E> {
        Ok(Consent::Other("a number"))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Consent<'de>, E> {
        Ok(Consent::Other("a number"))
    }
    fn visit_str<E>(self, _: &str) -> Result<Consent<'de>, E> {
        Ok(Consent::Other("a string"))
    }
    fn visit_unit<E>(self) -> Result<Consent<'de>, E> {
        Ok(Consent::Other("null"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Consent<'de>, A::Error> {
        Skip.visit_seq(seq)?;
        Ok(Consent::Other("a list"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Consent<'de>, A::Error> {
        let mut slots: [Option<Scalar<'de>>; 3] = [None, None, None];
        let mut unknown = Vec::new();
        while let Some(k) = map.next_key_seed(Key)? {
            match SORTED_CHANNELS.iter().position(|c| *c == k) {
                Some(i) => slots[i] = Some(scalar(map.next_value_seed(ScalarSeed::<false>)?)),
                None => {
                    map.next_value_seed(Skip)?;
                    unknown.push(k);
                }
            }
        }
        Ok(Consent::Object(slots, unknown))
    }
}
