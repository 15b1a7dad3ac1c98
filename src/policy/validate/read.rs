//! Reading a policy's JSON text in one pass: the roster is validated while it is read
//! ([`super::roster`]); every other top-level key (a few small values) becomes a
//! `serde_json::Value` for the validator. Every value is parsed as `Value` would parse it,
//! so exactly the files `serde_json::from_str::<Value>` refuses are refused, with its message.

use super::roster::{Key, Roster, RosterSeed, Skip};
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// A policy file as read.
pub(in crate::policy) struct Raw {
    /// The top-level object without its `roster`, or the kind of value the file holds.
    pub(super) top: Result<Map<String, Value>, &'static str>,
    /// The last `roster` given.
    pub(super) roster: Option<Roster>,
}

/// Reads the text (without a byte-order mark) or gives serde_json's error.
pub(in crate::policy) fn read(json: &str) -> Result<Raw, serde_json::Error> {
    let mut d = serde_json::Deserializer::from_str(json);
    let raw = Top.deserialize(&mut d)?;
    d.end()?;
    Ok(raw)
}

struct Top;

impl<'de> DeserializeSeed<'de> for Top {
    type Value = Raw;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        d.deserialize_any(self)
    }
}

fn other(kind: &'static str) -> Raw {
    Raw {
        top: Err(kind),
        roster: None,
    }
}

impl<'de> Visitor<'de> for Top {
    type Value = Raw;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Raw, E> {
        Ok(other("true/false"))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Raw, E> {
        Ok(other("a number"))
    }
    fn visit_u64<E>(self, _: u64) -> Result<Raw, E> {
        Ok(other("a number"))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Raw, E> {
        Ok(other("a number"))
    }
    fn visit_str<E>(self, _: &str) -> Result<Raw, E> {
        Ok(other("a string"))
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(other("null"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Raw, A::Error> {
        // Not `IgnoredAny`: it skips numbers without checking their range, as `Value` does.
        Skip.visit_seq(seq)?;
        Ok(other("a list"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut top = Map::new();
        let mut roster = None;
        while let Some(k) = map.next_key_seed(Key)? {
            if k == "roster" {
                roster = Some(map.next_value_seed(RosterSeed)?);
            } else {
                let v: Value = map.next_value()?;
                top.insert(k.into_owned(), v);
            }
        }
        Ok(Raw {
            top: Ok(top),
            roster,
        })
    }
}
