//! A roster stored without names in clear text.
//!
//! Each name token (normalised like post text: lower case, no diacritics) is stored as a
//! keyed hash, SipHash-2-4 with the school's 128-bit salt, as 16 hex digits. The checker
//! hashes the words of a post with the same key and compares hashes, so matching works as
//! with a plain roster (the corpus test checks that accuracy is identical).
//!
//! What this protects against, honestly: reading pupils' names from the policy file, the
//! browser's policy store or a support screenshot, and precomputed tables (the salt is per
//! school). It does not stop someone who has the policy (and so the salt) from testing
//! candidate names one by one: first names are few. Consent stays per pupil.

use siphasher::sip::SipHasher24;
use std::hash::Hasher;

/// The keyed hash of one normalised token.
pub fn hash_token(salt: &[u8; 16], token: &str) -> String {
    let mut h = SipHasher24::new_with_key(salt);
    h.write(token.as_bytes());
    format!("{:016x}", h.finish())
}

/// Is `s` a token hash as `hash_token` writes it?
pub fn is_token_hash(s: &str) -> bool {
    s.len() == 16
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

pub fn parse_salt(hex: &str) -> Option<[u8; 16]> {
    if hex.len() != 32 || !hex.is_ascii() {
        return None;
    }
    let mut out = [0u8; 16];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

pub fn salt_hex(salt: &[u8; 16]) -> String {
    salt.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;

    #[test]
    fn hashes_are_keyed_and_stable() {
        let a = [1u8; 16];
        let b = [2u8; 16];
        assert_eq!(hash_token(&a, "daan"), hash_token(&a, "daan"));
        assert_ne!(hash_token(&a, "daan"), hash_token(&b, "daan"));
        assert!(is_token_hash(&hash_token(&a, "zoe")));
        assert_eq!(parse_salt(&salt_hex(&a)), Some(a));
        assert_eq!(parse_salt("xyz"), None);
    }

    #[test]
    fn a_hashed_roster_matches_like_a_plain_one() {
        let plain = Policy::from_json(
            r#"{"roster": [{"name": "Zoë Kok", "group": "1", "consent": {"social": false}},
                           {"name": "Lisse van der Meer", "group": "4", "consent": {"social": true}}]}"#,
        )
        .unwrap();
        let mut hashed = plain.clone();
        hashed.hash_roster([7u8; 16]);
        assert!(hashed
            .roster
            .iter()
            .all(|p| p.name.is_empty() && !p.hashed_name.is_empty()));
        let text =
            "Zoe Kok en zoë uit groep 1 en Lisse van der Meer. R. uit groep 4 en L. uit groep 4.";
        let run = |p: &Policy| -> Vec<(String, usize, usize)> {
            crate::Checker::new(p.clone())
                .check(&crate::Post::new(text))
                .into_iter()
                .map(|f| (f.rule, f.start, f.end))
                .collect()
        };
        let (a, b) = (run(&plain), run(&hashed));
        assert!(a.iter().any(|f| f.0 == "student-name.roster"), "{a:?}");
        assert!(a.iter().any(|f| f.0 == "student-name.initial"), "{a:?}");
        assert_eq!(a, b);
    }
}
