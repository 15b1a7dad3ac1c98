//! Reading a policy's JSON text in one pass: the roster is validated while it is read
//! ([`super::roster`]); every other top-level key (a few small values) becomes a
//! `serde_json::Value` for the validator. Every value is parsed as `Value` would parse it,
//! so exactly the files `serde_json::from_str::<Value>` refuses are refused, with its message.

use super::roster::{Mode, Roster, Seed};
use serde::de::DeserializeSeed;
use serde_json::{Map, Value};

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
    let (top, roster) = Seed(Mode::Top).deserialize(&mut d)?.top();
    d.end()?;
    Ok(Raw { top, roster })
}
