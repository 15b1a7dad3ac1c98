//! confidential: contact details, BSN, dates of birth, and (about an individual) health,
//! grades and results, family situations, punishments and absence. The school's own public
//! contact details from the policy are not confidential.

use super::{removal_range, Ctx, Hit, Rule};
use crate::catalog::{self, RuleDef};
use crate::compiled::phone_digits;
use crate::lexicon::{self, bit, Lexicon, PhraseSet};
use crate::model::{Category, ReplyTo};
use crate::text::Text;
use regex::Regex;
use std::sync::OnceLock;

pub struct Confidential;

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

impl Rule for Confidential {
    fn check(&self, ctx: &Ctx, out: &mut Vec<Hit>) {
        let t = ctx.text;
        let p = patterns();
        let orig = t.orig;
        let mut taken = Taken::default();
        let overlaps = |taken: &Taken, s: usize, e: usize| taken.overlaps(s, e);

        for m in p.email.find_iter(orig) {
            let addr = m.as_str().to_lowercase();
            let local = addr.split('@').next().unwrap_or("");
            let role = matches!(
                local,
                "info"
                    | "administratie"
                    | "admin"
                    | "secretariaat"
                    | "directie"
                    | "contact"
                    | "office"
                    | "receptie"
                    | "ouderraad"
                    | "mr"
                    | "klachten"
                    | "privacy"
                    | "team"
            );
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
                || before
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '/' || c == '-' && s > 1)
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
            if overlaps(&taken, m.start(), m.end()) || !is_bsn(m.as_str()) {
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
                out.push(
                    Hit::new(&catalog::confidential::BIRTHDATE, s, e).arg("match", &orig[s..e]),
                );
            }
        }
        situations(ctx, out);
        grades(ctx, out);
    }
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

fn sentence_of(t: &Text, pos: usize) -> (usize, usize) {
    t.sentences
        .iter()
        .copied()
        .find(|&(s, e)| s <= pos && pos < e)
        .unwrap_or((0, t.orig.len()))
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
        let toks = crate::lexicon::tokens(&orig[s..e]);
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

/// Is the sentence (original bytes ss..se) about one person? A pupil named in it, a
/// singular personal pronoun, "mijn leerling", "uw zoon", "die man", a titled adult
/// ("meneer Aoulad"), or "je"/"jij" in a reply to a pupil. A conditional or general sentence
/// ("Heeft uw kind medicijnen nodig, dan ...", "kinderen met ADHD") is not. When the sentence
/// itself names nobody, the one before may ("Zijn vader ... . Hij ...").
fn about_individual(ctx: &Ctx, ss: usize, se: usize) -> bool {
    if sentence_names_someone(ctx, ss, se) {
        return true;
    }
    let t = ctx.text;
    let (a, b) = (t.token_at_or_after(ss), t.token_at_or_after(se));
    let words = &ctx.words[a..b];
    let generic = words.iter().any(|w| {
        matches!(
            *w,
            "kinderen"
                | "leerlingen"
                | "ouders"
                | "children"
                | "pupils"
                | "students"
                | "parents"
                | "iedereen"
                | "everyone"
        )
    });
    if generic || conditional(words) && !reply_to_person(ctx) {
        return false;
    }
    let Some(k) = t.sentences.iter().position(|&(s, _)| s == ss) else {
        return false;
    };
    // The sentence before, and the one after a colon ("Geboren op ...: Sven uit 5V ...").
    let before = k > 0 && {
        let (ps, pe) = t.sentences[k - 1];
        sentence_names_someone(ctx, ps, pe)
    };
    let after_colon = t.orig[ss..se].trim_end().ends_with(':')
        && t.sentences
            .get(k + 1)
            .is_some_and(|&(ns, ne)| sentence_names_someone(ctx, ns, ne));
    before || after_colon
}

fn reply_to_person(ctx: &Ctx) -> bool {
    matches!(
        ctx.post.context.reply_to,
        Some(ReplyTo::Student | ReplyTo::Parent)
    )
}

/// "als", "indien", "if", or a sentence that opens with a verb before "uw kind" (Dutch
/// inversion for a condition): the sentence is about any child, not one.
fn conditional(words: &[&str]) -> bool {
    words.iter().any(|w| {
        matches!(
            *w,
            "als" | "indien" | "wanneer" | "mocht" | "if" | "whenever"
        )
    }) || words.len() > 2
        && matches!(
            words[0],
            "heeft" | "is" | "krijgt" | "gebruikt" | "moet" | "has" | "does"
        )
        && matches!(words[1], "uw" | "je" | "your")
}

fn sentence_names_someone(ctx: &Ctx, ss: usize, se: usize) -> bool {
    let t = ctx.text;
    if ctx
        .analysis
        .mentions
        .iter()
        .any(|m| m.start >= ss && m.start < se)
    {
        return true;
    }
    let (a, b) = (t.token_at_or_after(ss), t.token_at_or_after(se));
    let words = &ctx.words[a..b];
    let toks = &t.tokens[a..b];
    let to_pupil = ctx.post.context.reply_to == Some(ReplyTo::Student);
    // A condition is about any child, except in a reply ("als uw dochter ..." is hers).
    if conditional(words) && !reply_to_person(ctx) {
        return false;
    }
    let person = |n: &str| {
        matches!(
            n,
            "leerling"
                | "leerlinge"
                | "zoon"
                | "dochter"
                | "kind"
                | "student"
                | "pupil"
                | "son"
                | "daughter"
                | "child"
                | "vader"
                | "moeder"
                | "ouders"
                | "father"
                | "mother"
                | "parents"
                | "broer"
                | "zus"
                | "broertje"
                | "zusje"
                | "kleuter"
                | "collega"
                | "man"
                | "vrouw"
                | "jongen"
                | "meisje"
                | "jochie"
                | "knul"
                | "boy"
                | "girl"
                | "colleague"
                | "mum"
                | "mom"
                | "dad"
                | "papa"
                | "mama"
                | "opa"
                | "oma"
                | "grandmother"
                | "grandfather"
        )
    };
    let lex = lexicon::get();
    words.iter().enumerate().any(|(k, w)| {
        let next = words.get(k + 1).copied().unwrap_or("");
        let after_next = words.get(k + 2).copied().unwrap_or("");
        match *w {
            "hij" | "hem" | "zij" | "haar" | "he" | "him" | "she" | "her" | "his" => true,
            // "ze" is "she" before a singular verb ("ze heeft", "ze is"), else "they".
            "ze" => matches!(
                next,
                "heeft"
                    | "is"
                    | "was"
                    | "had"
                    | "kreeg"
                    | "krijgt"
                    | "zit"
                    | "zat"
                    | "gaat"
                    | "ging"
                    | "komt"
                    | "kwam"
                    | "moet"
                    | "moest"
                    | "mag"
                    | "kan"
                    | "kon"
                    | "wil"
                    | "wordt"
                    | "werd"
                    | "lijdt"
                    | "woont"
            ),
            // In a reply to a pupil, "you" is that pupil.
            "je" | "jij" | "jou" | "jouw" | "you" | "your" if to_pupil => true,
            // "mijn leerling", "my 4vwo students", "uw zoon", "die nieuwe collega".
            // "een leerling" is one pupil; "een kind met ..." is any child.
            "een" | "a" => matches!(
                next,
                "leerling" | "leerlinge" | "pupil" | "student" | "kleuter"
            ),
            "mijn" | "uw" | "onze" | "my" | "your" | "our" | "zijn" | "die" | "deze" | "that"
            | "this" => {
                let plural_ok = matches!(*w, "mijn" | "my" | "onze" | "our");
                // "die nieuwe collega": one adjective may stand between.
                let adjective = |x: &str| {
                    x.ends_with('e')
                        && !matches!(
                            x,
                            "de" | "je"
                                | "die"
                                | "deze"
                                | "onze"
                                | "we"
                                | "ze"
                                | "the"
                                | "me"
                                | "he"
                                | "she"
                                | "one"
                        )
                };
                person(next)
                    || adjective(next) && person(after_next)
                    || plural_ok
                        && is_class_token(next)
                        && matches!(after_next, "leerlingen" | "students" | "pupils" | "kids")
            }
            // "meneer Aoulad", "juf Emma": a named adult.
            w if lex.titles.contains(w) => toks.get(k + 1).is_some_and(|x| x.capitalized),
            _ => false,
        }
    })
}

/// "4vwo", "2b", "h4": a class.
fn is_class_token(w: &str) -> bool {
    let d = w.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&d)
        && w.len() > d
        && w.len() - d <= 9
        && w[d..].chars().all(|c| c.is_ascii_lowercase())
}

/// Health, family situations, punishments, absence and learning problems of an individual.
fn situations(ctx: &Ctx, out: &mut Vec<Hit>) {
    let t = ctx.text;
    let lex = lexicon::get();
    let words = ctx.words;
    let extra = ctx.policy.extra.get(&Category::Confidential);
    let lists: [(&PhraseSet<()>, &'static RuleDef); 3] = [
        (&lex.family, &catalog::confidential::FAMILY),
        (&lex.discipline, &catalog::confidential::DISCIPLINE),
        (&lex.learning, &catalog::confidential::DISCIPLINE),
    ];
    let mut i = 0;
    while i < words.len() {
        let mut hit: Option<(&'static RuleDef, usize)> =
            health(words, ctx.masks[i], i, lex).map(|n| (&catalog::confidential::HEALTH, n));
        if hit.is_none() && ctx.masks[i] & bit::SITUATION != 0 {
            hit = lists
                .iter()
                .find_map(|(l, r)| l.longest(&words[i..]).map(|(n, _)| (*r, n)));
        }
        // A school advice for a level: "het advies 3havo", "haar vmbo-basisadvies".
        if hit.is_none() && words[i].ends_with("advies") || words[i] == "advice" {
            let level = |w: &&str| {
                is_class_token(w)
                    || matches!(
                        *w,
                        "havo"
                            | "vwo"
                            | "vmbo"
                            | "mavo"
                            | "basis"
                            | "kader"
                            | "tl"
                            | "gt"
                            | "praktijkonderwijs"
                    )
            };
            let before = i > 0 && level(&words[i - 1]);
            let after = words[i + 1..].iter().take(2).position(level);
            // Only an advice with its level says something about the pupil ("het schooladvies"
            // alone is the topic, not the content).
            if before || after.is_some() {
                let (s_tok, n) = if before {
                    (i - 1, 2)
                } else {
                    (i, after.map_or(1, |k| k + 2))
                };
                let (s, e) = (t.tokens[s_tok].start, t.tokens[s_tok + n - 1].end);
                let (ss, se) = sentence_of(t, s);
                // In a reply to a parent or pupil, an advice is theirs.
                if about_individual(ctx, ss, se) || reply_to_person(ctx) {
                    out.push(
                        Hit::new(&catalog::confidential::DISCIPLINE, s, e)
                            .arg("match", &t.orig[s..e]),
                    );
                }
                i += 1;
                continue;
            }
        }
        if hit.is_none() {
            hit = extra
                .and_then(|p| p.longest(&words[i..]))
                .map(|(n, _)| (&catalog::confidential::FAMILY, n));
        }
        if let Some((rule, n)) = hit {
            let (s, e) = (t.tokens[i].start, t.tokens[i + n - 1].end);
            let (ss, se) = sentence_of(t, s);
            if about_individual(ctx, ss, se) {
                out.push(Hit::new(rule, s, e).arg("match", &t.orig[s..e]));
            }
            i += n;
        } else {
            i += 1;
        }
    }
}

/// A condition at token i: a listed phrase, or a compound built on a condition stem
/// ("notenallergie", "dyslexieverklaring"), but not a general word ("dyslexieprotocol").
fn health(words: &[&str], mask: u32, i: usize, lex: &Lexicon) -> Option<usize> {
    let w = words[i];
    if let Some((n, _)) = (mask & bit::CONDITION != 0)
        .then(|| lex.conditions.longest(&words[i..]))
        .flatten()
    {
        // "dyslexie-protocol" written with a hyphen is two tokens: check the second part.
        if n == 1
            && words
                .get(i + 1)
                .is_some_and(|x| lex.condition_general.contains(*x))
        {
            return None;
        }
        return Some(n);
    }
    if w.len() < 6 {
        return None;
    }
    for stem in &lex.condition_stems {
        let rest = if let Some(r) = w.strip_prefix(stem.as_str()) {
            r
        } else if let Some(r) = w.strip_suffix(stem.as_str()) {
            r
        } else {
            continue;
        };
        if rest.len() >= 3 && !lex.condition_general.contains(rest) {
            return Some(1);
        }
    }
    None
}

/// "haalde een 3 voor rekenen", "die 5 gewoon verdiend", "got a 4 on the test" about one pupil.
fn grades(ctx: &Ctx, out: &mut Vec<Hit>) {
    let t = ctx.text;
    let words = ctx.words;
    let verbs = [
        "haalde", "haalt", "kreeg", "krijgt", "scoorde", "heeft", "had", "hebt", "got", "gets",
        "scored", "received", "gehaald", "verdiend", "gekregen", "earned", "deserved",
    ];
    for (i, w) in words.iter().enumerate() {
        let Ok(n) = w.parse::<u32>() else { continue };
        if !(1..=10).contains(&n)
            || i == 0
            || !matches!(words[i - 1], "een" | "die" | "de" | "a" | "an" | "that")
        {
            continue;
        }
        // "6,5" or "5.2": the decimal is the next token.
        let mut j = i;
        let decimal = words
            .get(i + 1)
            .is_some_and(|x| x.len() == 1 && x.chars().all(|c| c.is_ascii_digit()))
            && matches!(t.gap(&t.tokens[i], &t.tokens[i + 1]), "," | ".");
        if decimal {
            j = i + 1;
        }
        let unit = words.get(j + 1).is_some_and(|x| {
            matches!(
                *x,
                "uur"
                    | "uren"
                    | "minuten"
                    | "min"
                    | "km"
                    | "kilometer"
                    | "meter"
                    | "m"
                    | "kg"
                    | "kilo"
                    | "euro"
                    | "procent"
                    | "fte"
                    | "jaar"
                    | "maanden"
                    | "weken"
                    | "dagen"
                    | "liter"
                    | "graden"
                    | "keer"
                    | "hours"
                    | "minutes"
                    | "miles"
                    | "years"
                    | "percent"
                    | "times"
                    | "x"
            )
        });
        if unit {
            continue;
        }
        let gap_before = t.gap(&t.tokens[i - 1], &t.tokens[i]);
        if gap_before.trim() != "" {
            continue;
        }
        let after_for = words
            .get(j + 1)
            .is_some_and(|x| matches!(*x, "voor" | "op" | "for" | "on" | "in"))
            && words.get(j + 2).is_some_and(|x| {
                !matches!(*x, "de" | "het" | "the")
                    || words
                        .get(j + 3)
                        .is_some_and(|y| matches!(*y, "toets" | "test" | "exam" | "proefwerk"))
            });
        let verb_before = (i.saturating_sub(4)..i - 1).any(|k| verbs.contains(&words[k]));
        let verb_after = (j + 1..(j + 4).min(words.len())).any(|k| verbs.contains(&words[k]));
        // A decimal mark between 1 and 10 after an article is a Dutch grade ("die 5,2").
        let decimal_grade = decimal && matches!(words[i - 1], "een" | "die" | "a" | "that");
        if !(after_for && (verb_before || verb_after)
            || verb_after && words[i - 1] == "die"
            || decimal_grade)
        {
            continue;
        }
        let s_tok = (i.saturating_sub(4)..i - 1)
            .find(|&k| verbs.contains(&words[k]))
            .unwrap_or(i - 1);
        let e_tok = if after_for {
            (j + 2).min(words.len() - 1)
        } else {
            j
        };
        let (s, e) = (t.tokens[s_tok].start, t.tokens[e_tok].end);
        let (ss, se) = sentence_of(t, s);
        // A grade in a reply to a parent or pupil is their child's or their own.
        if about_individual(ctx, ss, se) || reply_to_person(ctx) {
            out.push(Hit::new(&catalog::confidential::GRADE, s, e).arg("match", &t.orig[s..e]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;

    #[test]
    fn phone_numbers_in_every_common_format() {
        for n in [
            "06-12345678",
            "06 1234 5678",
            "+31 (0)6-12 34 56 78",
            "+31 6 23456789",
            "050-3123456",
            "0612345678",
            "0031 6 12345678",
        ] {
            let s = format!("Bel me op {n}, dan leg ik het uit.");
            assert!(
                has_span(&check_school(&s), "confidential", n),
                "{n}: {:#?}",
                check_school(&s)
            );
        }
        for s in [
            "De ouderavond is op 12-03-2025 om 19.30 uur.",
            "Groep 6 telde 1234 kastanjes.",
            "Ordernummer 2024-123456",
        ] {
            assert_no_category(&check_school(s), "confidential", s);
        }
    }

    #[test]
    fn school_public_contact_is_not_confidential() {
        let p = crate::Policy::from_json(
            r#"{"contact": {"phone": "050-3123456", "email": "ouders@delinde.nl", "address": "Lindelaan 3, 9721 AB Groningen"}}"#,
        )
        .unwrap();
        let p = crate::compiled::Compiled::new(p);
        let f = check_with(&p, "Bel 050 3123456 of mail ouders@delinde.nl. Zij woont niet op Lindelaan 3, 9721 AB Groningen.", "school");
        assert_no_category(&f, "confidential", "public contact");
        let f = check_with(
            &p,
            "Mail naar de moeder van Sem: sandra@example.com",
            "school",
        );
        assert!(has_span(&f, "confidential", "sandra@example.com"));
    }

    #[test]
    fn bank_accounts_of_people_not_of_foundations() {
        assert!(is_iban("NL91 ABNA 0417 1643 00"));
        assert!(!is_iban("NL91 ABNA 0417 1643 01"));
        assert!(has_span(
            &check_school("De moeder van Sem haalt het geld op, maak het over naar haar: NL91 ABNA 0417 1643 00."),
            "confidential",
            "NL91 ABNA 0417 1643 00"
        ));
        assert_no_category(
            &check_school("Maak de bijdrage over op NL91 ABNA 0417 1643 00 t.n.v. Stichting Vrienden van de school."),
            "confidential",
            "a foundation's account",
        );
    }

    #[test]
    fn bsn_eleven_test_and_birthdates() {
        assert!(is_bsn("123456782"));
        assert!(!is_bsn("123456789"));
        assert!(has_span(
            &check_school("Het BSN is 123456782."),
            "confidential",
            "123456782"
        ));
        assert_no_category(
            &check_school("Factuurnummer 123456789."),
            "confidential",
            "not a BSN",
        );
        assert!(has_span(
            &check_school("Ze is geboren op 12-03-2019."),
            "confidential",
            "12-03-2019"
        ));
        assert!(has_span(
            &check_school("He was born on 4 May 2017."),
            "confidential",
            "4 May 2017"
        ));
        assert_no_category(
            &check_school("De musical is op 12-03-2025."),
            "confidential",
            "plain date",
        );
    }

    #[test]
    fn addresses_of_people_but_not_venues() {
        assert!(has_span(
            &check_school("Het feestje van Bram is op Lindelaan 14, 9721 AB Groningen."),
            "confidential",
            "Lindelaan 14, 9721 AB Groningen"
        ));
        assert_no_category(
            &check_school("Open dag op zaterdag, Schoolstraat 3, 9723 KL Groningen."),
            "confidential",
            "venue",
        );
    }

    #[test]
    fn health_family_discipline_and_grades_of_an_individual() {
        for (s, m) in [
            ("Daan uit groep 6 heeft ADHD.", "ADHD"),
            (
                "Mijn leerling met een dyslexie-verklaring deed het goed.",
                "dyslexie",
            ),
            ("She has been diagnosed with diabetes.", "diabetes"),
            ("Hij heeft een ernstige notenallergie.", "notenallergie"),
            ("Ik merk dat haar ouders gaan scheiden.", "scheiden"),
            (
                "Hij haalde een 3 voor rekenen.",
                "haalde een 3 voor rekenen",
            ),
            ("Uw zoon kreeg die straf omdat hij sloeg.", "straf"),
        ] {
            assert!(
                has_span(&check_school(s), "confidential", m),
                "{s}: {:#?}",
                check_school(s)
            );
        }
        for s in [
            "Op de website staat ons dyslexieprotocol en informatie over ADHD.",
            "Kinderen met autisme krijgen extra begeleiding op onze school.",
            "Groep 5 heeft een toets rekenen gehad.",
            "De ouderavond gaat over straf en beloning in de klas.",
        ] {
            assert_no_category(&check_school(s), "confidential", s);
        }
    }
}
