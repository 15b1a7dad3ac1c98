//! Messages per locale, from `messages/nl.txt` and `messages/en.txt`.

use crate::model::Locale;
// Fx, not SipHash: a check looks up three or more templates per finding.
use crate::text::FastMap as HashMap;
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
        Locale::Nl => NL.get_or_init(|| parse(data_file!("messages/nl.txt"))),
        Locale::En => EN.get_or_init(|| parse(data_file!("messages/en.txt"))),
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

/// Fills `{name}` placeholders in one pass. An argument whose value is itself a message key
/// (`channel.social`, `group.parent`) is translated first.
pub fn render(l: Locale, key: &str, args: &[(&str, String)]) -> String {
    let tpl = template(l, key);
    if tpl.is_empty() {
        return key.to_string();
    }
    fill(l, tpl, args, true)
}

/// [`render`] on a template; `nested`: `photo.*` phrases are rendered too (one level deep).
fn fill(l: Locale, tpl: &'static str, args: &[(&str, String)], nested: bool) -> String {
    let mut out = String::with_capacity(tpl.len() + 32);
    let mut rest = tpl;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    // Only known keys: a photo named "group.jpg" is not the key "group.jpg".
                    Some((_, v))
                        if (v.starts_with("channel.") || v.starts_with("group."))
                            && !template(l, v).is_empty() =>
                    {
                        out.push_str(template(l, v))
                    }
                    // A phrase that has arguments of its own ("photo.faces-many": "{faces}
                    // faces"), with the same arguments.
                    Some((_, v))
                        if nested && v.starts_with("photo.") && !template(l, v).is_empty() =>
                    {
                        out.push_str(&fill(l, template(l, v), args, false))
                    }
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::RULES;

    #[test]
    fn every_rule_has_a_message_in_both_locales() {
        for l in [Locale::Nl, Locale::En] {
            for r in RULES {
                assert!(!template(l, r.id).is_empty(), "{:?} {}", l, r.id);
                assert!(
                    !template(l, r.reference).is_empty(),
                    "{:?} {}: no {}",
                    l,
                    r.id,
                    r.reference
                );
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
