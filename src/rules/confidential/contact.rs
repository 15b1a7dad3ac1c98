//! Contact details and dates of birth: phone numbers, e-mail addresses, street addresses
//! and postcodes, BSNs, bank accounts. The school's own public contact details from the
//! policy are not confidential; an address or account is only when it is a person's.

use super::individual::about_individual;
use super::sentence_of;
use crate::catalog::{self, RuleDef};
use crate::compiled::phone_digits;
use crate::lexicon::regexes::Regexes;
use crate::rules::{removal_range, Ctx, Hit};

/// Spans already claimed by a contact detail, disjoint (each is added only when it overlaps
/// none): start → end, so an overlap test is one lookup. A list scanned per match made a
/// paste with many numbers quadratic (issue 14).
#[derive(Default)]
struct Taken(std::collections::BTreeMap<usize, usize>);

impl Taken {
    /// Whether `s..e` overlaps a claimed span: only the last span starting before `e` can.
    fn overlaps(&self, s: usize, e: usize) -> bool {
        self.0.range(..e).next_back().is_some_and(|(_, &b)| s < b)
    }

    fn push(&mut self, (s, e): (usize, usize)) {
        self.0.insert(s, e);
    }
}

/// The patterns of `lexicon/{nl,en}/contact.txt`, by section.
fn patterns() -> &'static Regexes {
    lexicon_regexes!(
        "contact",
        [
            "phone",
            "email",
            "street",
            "postcode",
            "postcode-not-issued",
            "iban",
            "bsn",
            "bsn-label",
            "bsn-label-before",
            "date",
            "birth",
            "birth-label",
            "birth-label-before",
            "home",
        ]
    )
}

/// The ISO 13616 check of an IBAN (mod 97 of the rearranged digits is 1).
pub fn is_iban(s: &str) -> bool {
    let c: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    if c.len() < 15 || c.len() > 34 {
        return false;
    }
    let mut rem: u32 = 0;
    for ch in c[4..].iter().chain(&c[..4]) {
        let v = match ch.to_digit(36) {
            Some(v) => v,
            None => return false,
        };
        for d in if v >= 10 {
            vec![v / 10, v % 10]
        } else {
            vec![v]
        } {
            rem = (rem * 10 + d) % 97;
        }
    }
    rem == 1
}

/// The eleven-test of a burgerservicenummer.
pub fn is_bsn(digits: &str) -> bool {
    let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 9 || d.iter().all(|&x| x == 0) {
        return false;
    }
    let sum: i64 = d[..8]
        .iter()
        .enumerate()
        .map(|(i, &x)| (9 - i as i64) * x as i64)
        .sum::<i64>()
        - d[8] as i64;
    sum % 11 == 0
}

/// Contact details and dates of birth, in the order they claim text: an e-mail address
/// before a bank account, phone number, BSN, address and date that overlap it.
pub(super) fn contact(ctx: &Ctx, out: &mut Vec<Hit>) {
    let t = ctx.text;
    let p = patterns();
    let orig = t.orig;
    let mut taken = Taken::default();
    let overlaps = |taken: &Taken, s: usize, e: usize| taken.overlaps(s, e);

    for m in p.get("email").find_iter(orig) {
        let addr = m.as_str().to_lowercase();
        let local = addr.split('@').next().unwrap_or("");
        let role = crate::lexicon::get().classes.role_mailboxes.contains(local);
        taken.push((m.start(), m.end()));
        if role || ctx.policy.public_emails.contains(&addr) {
            continue;
        }
        out.push(remove_hit(
            &catalog::confidential::EMAIL,
            orig,
            m.start(),
            m.end(),
        ));
    }
    // A bank account is personal when it belongs to a person ("maak het over naar haar"),
    // not to a foundation or the school ("t.n.v. Stichting Vrienden van ...").
    for m in p.get("iban").find_iter(orig) {
        if overlaps(&taken, m.start(), m.end()) || !is_iban(m.as_str()) {
            continue;
        }
        taken.push((m.start(), m.end()));
        let (ss, se) = sentence_of(t, m.start());
        if about_individual(ctx, ss, se) {
            out.push(remove_hit(
                &catalog::confidential::BANK,
                orig,
                m.start(),
                m.end(),
            ));
        }
    }
    for m in p.get("phone").find_iter(orig) {
        let (s, e) = (m.start(), m.end());
        let digits = phone_digits(m.as_str());
        let before = orig[..s].chars().next_back();
        let after = orig[e..].chars().next();
        if digits.len() != 10
            || before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '/' || c == '-' && s > 1)
            || after.is_some_and(|c| {
                c.is_ascii_digit()
                    || c == '-' && orig[e + 1..].starts_with(|d: char| d.is_ascii_digit())
            })
            || looks_like_date(m.as_str())
            || overlaps(&taken, s, e)
        {
            continue;
        }
        taken.push((s, e));
        if ctx.policy.public_phones.contains(&digits) {
            continue;
        }
        out.push(remove_hit(&catalog::confidential::PHONE, orig, s, e));
    }
    for m in p.get("bsn").find_iter(orig) {
        // A number labelled "BSN" is one even when it fails the eleven-test: a typo in a
        // citizen service number still identifies the child.
        if overlaps(&taken, m.start(), m.end())
            || !is_bsn(m.as_str()) && !labelled_bsn(orig, m.start())
        {
            continue;
        }
        taken.push((m.start(), m.end()));
        out.push(remove_hit(
            &catalog::confidential::BSN,
            orig,
            m.start(),
            m.end(),
        ));
    }
    addresses(ctx, p, &mut taken, out);
    // Dates are matched on the normalised (lower-case) text: month names in any case.
    for m in p.get("date").find_iter(&t.norm) {
        let (s, e) = t.to_orig(m.start(), m.end());
        if overlaps(&taken, s, e) {
            continue;
        }
        let (ss, se) = sentence_of(t, s);
        let sentence = crate::text::normalize(&orig[ss..se]);
        // "geboren op ..." about one child, or a form's "geboortedatum:"; not "kinderen
        // geboren tussen ... en ..." (an age group).
        let label = p.get("birth-label").is_match(&sentence);
        // A form's label just before the date ("Geboortedatum: 3 mei 2015"): the colon
        // ends the label's sentence, so the date's sentence does not show it.
        let labelled = p.get("birth-label-before").is_match(&label_before(orig, s));
        if labelled
            || p.get("birth").is_match(&sentence) && (label || about_individual(ctx, ss, se))
        {
            out.push(Hit::new(&catalog::confidential::BIRTHDATE, s, e).arg("match", &orig[s..e]));
        }
    }
}

/// Does "BSN", "burgerservicenummer" or "sofinummer" stand just before byte `s`?
fn labelled_bsn(orig: &str, s: usize) -> bool {
    let before = label_before(orig, s);
    // "BSN: 123...", "BSN-nummer 123...", or "het BSN van Daan is 123...".
    let p = patterns();
    p.get("bsn-label").is_match(&before) || p.get("bsn-label-before").is_match(&before)
}

/// The normalised text of the 40 bytes before byte `s`, without the punctuation and spaces
/// that end it ("BSN: " → "bsn"), for a label that stands before a value.
fn label_before(orig: &str, s: usize) -> String {
    let mut from = s.saturating_sub(40);
    while !orig.is_char_boundary(from) {
        from -= 1;
    }
    let before = crate::text::normalize(&orig[from..s]);
    before
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

fn remove_hit(rule: &'static RuleDef, orig: &str, s: usize, e: usize) -> Hit {
    let (rs, re) = removal_range(orig, s, e);
    Hit::new(rule, s, e)
        .arg("match", &orig[s..e])
        .fix("fix.remove-contact", "", rs, re)
}

fn looks_like_date(s: &str) -> bool {
    let b: Vec<char> = s.chars().collect();
    b.len() >= 10
        && b[2] == b[5]
        && matches!(b[2], '-' | '/' | '.')
        && b[..2].iter().chain(&b[3..5]).all(char::is_ascii_digit)
}

/// Street and number, postcode and city: personal when the sentence is about a person
/// ("het feestje van Bram is op ...", "zij woont op ..."); a school's venue is not.
fn addresses(ctx: &Ctx, p: &Regexes, taken: &mut Taken, out: &mut Vec<Hit>) {
    let t = ctx.text;
    let orig = t.orig;
    let mut found: Vec<(usize, usize)> = Vec::new();
    for m in p.get("street").find_iter(orig) {
        found.push((m.start(), m.end()));
    }
    for m in p.get("postcode").find_iter(orig) {
        let code = &m.as_str()[..m
            .as_str()
            .find(char::is_alphabetic)
            .map_or(0, |i| i + 2)
            .min(m.as_str().len())];
        if p.get("postcode-not-issued").is_match(code) {
            continue;
        }
        // Join "Lindelaan 14, 9721 AB Groningen" into one finding.
        if let Some(last) = found.last_mut() {
            if last.1 <= m.start() && orig[last.1..m.start()].trim_matches([' ', ',']).is_empty() {
                last.1 = m.end();
                continue;
            }
        }
        found.push((m.start(), m.end()));
    }
    for (s, e) in found {
        if taken.overlaps(s, e) {
            continue;
        }
        taken.push((s, e));
        let toks = crate::text::words(&orig[s..e]);
        let public = ctx.policy.public_addresses.iter().any(|a| {
            let n = a.len().min(2);
            n > 0 && toks.windows(n).any(|w| w == &a[..n])
        });
        if public {
            continue;
        }
        let (ss, se) = sentence_of(t, s);
        let personal = about_individual(ctx, ss, se)
            || p.get("home")
                .is_match(&crate::text::normalize(&orig[ss..se]));
        if personal {
            out.push(remove_hit(&catalog::confidential::ADDRESS, orig, s, e));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::*;

    /// The patterns of `lexicon/*/contact.txt` at work: each section once.
    #[test]
    fn the_lexicon_patterns_find_contact_details() {
        let f = check_with(&policy(), "Zij woont op 1234 AB Groningen.", "school");
        assert_rule(&f, "confidential.address");
        // Letters that are never issued: not a postcode.
        let f = check_with(&policy(), "Zij woont op 1234 SS.", "school");
        assert_no_rule(&f, "confidential.address", "1234 SS");
        let f = check_with(&policy(), "Het BSN van Daan is 123456789.", "school");
        assert_rule(&f, "confidential.bsn");
        // A form's label before the date, across the colon.
        for s in [
            "Date of birth: 3 May 2015.",
            "Geboortedatum: 12-03-2015",
            "DOB 4 May 2017",
        ] {
            assert_rule(
                &check_with(&policy(), s, "school"),
                "confidential.birthdate",
            );
        }
        // An age group or a plain date is not.
        let f = check_with(
            &policy(),
            "Kinderen geboren tussen 1-10-2019 en 30-09-2020 mogen zich aanmelden.",
            "school",
        );
        assert_no_rule(&f, "confidential.birthdate", "age group");
        let f = check_with(
            &policy(),
            "Kinderen geboren op of na 1-10-2019 mogen zich aanmelden.",
            "school",
        );
        assert_no_rule(&f, "confidential.birthdate", "age group, 'geboren op'");
        let f = check_with(&policy(), "Bel Fleur op 06-12345678.", "school");
        assert_rule(&f, "confidential.phone");
    }
}
