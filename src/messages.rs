//! Messages per locale, from `messages/nl.txt` and `messages/en.txt`.

use crate::model::Locale;
use std::collections::HashMap;
use std::sync::OnceLock;

fn parse(data: &'static str) -> HashMap<&'static str, &'static str> {
    data.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect()
}

fn table(l: Locale) -> &'static HashMap<&'static str, &'static str> {
    static NL: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    static EN: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    match l {
        Locale::Nl => NL.get_or_init(|| parse(include_str!("../messages/nl.txt"))),
        Locale::En => EN.get_or_init(|| parse(include_str!("../messages/en.txt"))),
    }
}

/// The raw template for `key`, falling back to Dutch, then to the key itself.
pub fn template(l: Locale, key: &str) -> &'static str {
    table(l)
        .get(key)
        .or_else(|| table(Locale::Nl).get(key))
        .copied()
        .unwrap_or("")
}

/// Fills `{name}` placeholders. An argument whose value is itself a message key
/// (`channel.social`, `group.parent`) is translated first.
pub fn render(l: Locale, key: &str, args: &[(&str, String)]) -> String {
    let mut out = template(l, key).to_string();
    if out.is_empty() {
        out = key.to_string();
    }
    for (k, v) in args {
        let v = if v.starts_with("channel.") || v.starts_with("group.") {
            template(l, v).to_string()
        } else {
            v.clone()
        };
        out = out.replace(&format!("{{{k}}}"), &v);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RULES;

    #[test]
    fn every_rule_has_a_message_in_both_locales() {
        for l in [Locale::Nl, Locale::En] {
            for r in RULES {
                assert!(!template(l, r.id).is_empty(), "{:?} {}", l, r.id);
                assert!(!template(l, &format!("ref.{}", r.category.as_str())).is_empty());
            }
        }
    }

    #[test]
    fn placeholders_are_filled_and_keys_translated() {
        let s = render(
            Locale::En,
            "photo-consent.unconfirmed",
            &[("channel", "channel.social".into())],
        );
        assert!(s.contains("social media"), "{s}");
        assert!(!s.contains('{'));
    }
}
