//! Duplicate keys in a policy file. `serde_json::Value` keeps the last of two equal keys
//! and says nothing, so a second `"rules"` would silently replace the first. This walks the
//! JSON text once more (after it parsed as a `Value`) and names every key given twice, with
//! its path in the validator's notation (`roster[3].consent.social`).

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::HashSet;
use std::fmt;

enum Seg {
    Key(String),
    Index(usize),
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

struct Walk<'a> {
    at: &'a mut Vec<Seg>,
    found: &'a mut Vec<String>,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
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
        let mut seen = HashSet::new();
        let mut reported = HashSet::new();
        while let Some(k) = map.next_key::<String>()? {
            let dup = !seen.insert(k.clone());
            self.at.push(Seg::Key(k));
            if dup {
                let p = path(self.at);
                if reported.insert(p.clone()) {
                    self.found.push(p);
                }
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
