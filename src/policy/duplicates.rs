//! Duplicate keys in a policy file. `serde_json::Value` keeps the last of two equal keys
//! and says nothing, so a second `"rules"` would silently replace the first. This walks the
//! JSON text once more (after it parsed as a `Value`) and names every key given twice, with
//! its path in the validator's notation (`roster[3].consent.social`).

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

enum Seg<'de> {
    Key(Cow<'de, str>),
    Index(usize),
}

/// A key, borrowed from the JSON text unless it has escapes: a roster of 100,000 pupils has
/// half a million keys, and this walk should not allocate for each.
struct Key;

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

fn path(segs: &[Seg]) -> String {
    let mut s = String::new();
    for seg in segs {
        match seg {
            Seg::Key(k) if s.is_empty() => s.push_str(k),
            Seg::Key(k) => {
                s.push('.');
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

#[derive(Default)]
struct Seen<'de> {
    few: Vec<Cow<'de, str>>,
    many: HashSet<Cow<'de, str>>,
}

impl<'de> Seen<'de> {
    /// Adds `k`; false when it was there already.
    /// (A clone of a borrowed key is a copy of a reference.)
    fn insert(&mut self, k: Cow<'de, str>) -> bool {
        if self.few.contains(&k) {
            return false;
        }
        if self.few.len() < 16 {
            self.few.push(k);
            return true;
        }
        self.many.insert(k)
    }
}

struct Walk<'a, 'de> {
    at: &'a mut Vec<Seg<'de>>,
    found: &'a mut Vec<String>,
}

impl<'de> DeserializeSeed<'de> for Walk<'_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_, 'de> {
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
        for i in 0.. {
            self.at.push(Seg::Index(i));
            let more = seq.next_element_seed(Walk {
                at: &mut *self.at,
                found: &mut *self.found,
            })?;
            self.at.pop();
            if more.is_none() {
                break;
            }
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        // Objects in a policy mostly have a handful of keys: a list is faster than a hash
        // set, until an object turns out big (then a list would be quadratic).
        let mut seen = Seen::default();
        let mut reported = Seen::default();
        while let Some(k) = map.next_key_seed(Key)? {
            let first_report = !seen.insert(k.clone()) && reported.insert(k.clone());
            self.at.push(Seg::Key(k));
            if first_report {
                self.found.push(path(self.at));
            }
            map.next_value_seed(Walk {
                at: &mut *self.at,
                found: &mut *self.found,
            })?;
            self.at.pop();
        }
        Ok(())
    }
}

/// Paths of the keys that appear more than once in their object, in the order of the file.
/// Text that is not JSON gives none (the caller reports that).
pub(super) fn duplicate_keys(json: &str) -> Vec<String> {
    let mut at = Vec::new();
    let mut found = Vec::new();
    let mut d = serde_json::Deserializer::from_str(json);
    let _ = Walk {
        at: &mut at,
        found: &mut found,
    }
    .deserialize(&mut d);
    found
}
