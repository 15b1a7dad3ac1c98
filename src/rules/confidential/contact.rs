//! Contact details and dates of birth: phone numbers, e-mail addresses, street addresses
//! and postcodes, BSNs, bank accounts. The school's own public contact details from the
//! policy are not confidential; an address or account is only when it is a person's.

use super::individual::about_individual;
use super::sentence_of;
use crate::catalog::{self, RuleDef};
use crate::compiled::phone_digits;
use crate::rules::{removal_range, Ctx, Hit};
use crate::text::Regex;
use std::sync::OnceLock;

struct Patterns {
    phone: Regex,
    email: Regex,
    street: Regex,
    postcode: Regex,
    bsn: Regex,
    iban: Regex,
    date: Regex,
    birth: Regex,
}

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

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        // Dutch numbers: 06-12345678, 06 1234 5678, 050-3123456, +31 6 23456789,
        // +31 (0)6-12 34 56 78, 0031 6 12345678. Ten national digits, separators of one character.
        phone: crate::text::regex(
            r"(?:\+31|0031)[ .\-]?(?:\(0\)[ .\-]?)?[1-9](?:[ .\-]?\d){8}|\(?0[1-9]\d{0,3}\)?(?:[ .\-]?\d){5,8}",
        ),
        email: crate::text::regex(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"),
        street: crate::text::regex(
            r"\b[A-Z][A-Za-zà-ÿ'\-]*(?:straat|laan|weg|plein|gracht|kade|dijk|singel|hof|pad|steeg|dreef|baan|park|markt|veld|ring|erf|allee|wal|dam|burg|hoven|wijk|akker|weide|plantsoen)\s+\d{1,4}(?:\s?[a-zA-Z]\b|-\d{1,3})?",
        ),
        postcode: crate::text::regex(r"\b[1-9]\d{3}\s?[A-Z]{2}\b(?:\s+[A-Z][a-zà-ÿ]+(?:[ \-][A-Z][a-zà-ÿ]+)?)?"),
        iban: crate::text::regex(r"\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b"),
        bsn: crate::text::regex(r"\b\d{9}\b|\b\d{4}\.\d{2}\.\d{3}\b|\b\d{3} \d{3} \d{3}\b"),
        date: crate::text::regex(
            r"\b\d{1,2}[\-/.]\d{1,2}[\-/.](?:19|20)\d{2}\b|\b\d{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec|january|february|march|may|june|july|august|october)\.? (?:19|20)\d{2}\b|\b(?:january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2},? (?:19|20)\d{2}\b",
        ),
        birth: crate::text::regex(r"\b(geboren|geboortedatum|geb\.|born|date of birth|dob|birthday|geboortedag)"),
    })
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

    for m in p.email.find_iter(orig) {
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
    for m in p.iban.find_iter(orig) {
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
    for m in p.phone.find_iter(orig) {
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
    for m in p.bsn.find_iter(orig) {
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
    for m in p.date.find_iter(&t.norm) {
        let (s, e) = t.to_orig(m.start(), m.end());
        if overlaps(&taken, s, e) {
            continue;
        }
        let (ss, se) = sentence_of(t, s);
        let sentence = crate::text::normalize(&orig[ss..se]);
        // "geboren op ..." about one child, or a form's "geboortedatum:"; not "kinderen
        // geboren tussen ... en ..." (an age group).
        let label = sentence.contains("geboortedatum")
            || sentence.contains("date of birth")
            || sentence.contains("dob");
        if p.birth.is_match(&sentence) && (label || about_individual(ctx, ss, se)) {
            out.push(Hit::new(&catalog::confidential::BIRTHDATE, s, e).arg("match", &orig[s..e]));
        }
    }
}

/// Does "BSN", "burgerservicenummer" or "sofinummer" stand just before byte `s`?
fn labelled_bsn(orig: &str, s: usize) -> bool {
    let mut from = s.saturating_sub(40);
    while !orig.is_char_boundary(from) {
        from -= 1;
    }
    let before = crate::text::normalize(&orig[from..s]);
    let before = before.trim_end_matches(|c: char| !c.is_alphanumeric());
    let label = |b: &str| {
        [
            "bsn",
            "burgerservicenummer",
            "sofinummer",
            "bsn-nummer",
            "bsn nummer",
        ]
        .iter()
        .any(|l| b.ends_with(l))
    };
    // "BSN: 123...", "BSN-nummer 123...", or "het BSN van Daan is 123...".
    label(before)
        || (before.ends_with(" is") || before.ends_with(" was"))
            && (before.contains("bsn") || before.contains("burgerservicenummer"))
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
fn addresses(ctx: &Ctx, p: &Patterns, taken: &mut Taken, out: &mut Vec<Hit>) {
    let t = ctx.text;
    let orig = t.orig;
    let mut found: Vec<(usize, usize)> = Vec::new();
    for m in p.street.find_iter(orig) {
        found.push((m.start(), m.end()));
    }
    for m in p.postcode.find_iter(orig) {
        let code = &m.as_str()[..m
            .as_str()
            .find(char::is_alphabetic)
            .map_or(0, |i| i + 2)
            .min(m.as_str().len())];
        if code.ends_with("SS") || code.ends_with("SD") || code.ends_with("SA") {
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
            || home_cue().is_match(&crate::text::normalize(&orig[ss..se]));
        if personal {
            out.push(remove_hit(&catalog::confidential::ADDRESS, orig, s, e));
        }
    }
}

/// Words that tie an address to someone's home.
fn home_cue() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        crate::text::regex(
            r"\b(woont|wonen|adres|thuis|feestje|verjaardag|lives|home address|address)\b",
        )
    })
}
