//! A policy compiled into the matchers the rules use: compile once, check many times.

use crate::lexicon::PhraseSet;
use crate::model::Category;
use crate::policy::{Policy, Pupil};
use crate::text::words as tokens;
use crate::text::{FastMap as HashMap, FastSet as HashSet};
use std::borrow::Cow;

/// One roster pupil as the matcher sees it: name tokens as lookup keys (the normalised
/// token, or its keyed hash in a hashed roster).
#[derive(Debug, Clone, Default)]
pub struct RosterPupil {
    pub first: String,
    pub surname: Vec<String>,
    /// First letter of the first name (normalised), for "R. uit 4vwo".
    pub initial: String,
    /// The group or class, normalised and without "groep"/"klas" ("groep 6" → "6").
    pub group: String,
}

/// The roster, indexed by first name. Entries line up with `policy.roster`.
#[derive(Debug, Default)]
pub struct RosterIndex {
    pub pupils: Vec<RosterPupil>,
    by_first: HashMap<String, Vec<usize>>,
    /// The last surname token's key → pupils ("de familie Kuipers").
    by_surname: HashMap<String, Vec<usize>>,
    /// Keys that are only a short form of a roster first name ("kev").
    short: HashSet<String>,
    /// The roster's own class codes with a letter in them ("pm2a", "ihs1", "4v2").
    groups: HashSet<String>,
    salt: Option<[u8; 16]>,
}

impl RosterIndex {
    fn new(roster: &[Pupil], salt: Option<[u8; 16]>) -> RosterIndex {
        let mut idx = RosterIndex {
            salt,
            ..RosterIndex::default()
        };
        // A roster has a few dozen groups for thousands of pupils: each is read once.
        let mut groups: HashMap<&str, String> = HashMap::default();
        for (i, p) in roster.iter().enumerate() {
            let (toks, initial) = if p.hashed_name.is_empty() {
                let t = tokens(&p.name);
                let initial = t
                    .first()
                    .and_then(|f| f.chars().next())
                    .map(String::from)
                    .unwrap_or_default();
                (t, initial)
            } else {
                (p.hashed_name.clone(), crate::text::normalize(&p.initial))
            };
            let group = groups
                .entry(p.group.as_str())
                .or_insert_with(|| {
                    let parts = tokens(&p.group)
                        .into_iter()
                        .filter(|t| t != "groep" && t != "klas")
                        .collect::<Vec<_>>();
                    let g = parts.join("");
                    if g.chars().any(char::is_alphabetic) && g.len() >= 2 {
                        idx.groups.insert(g.clone());
                    }
                    // "IB MYP5" is also written "MYP5": a last part of letters and digits.
                    if let [_, .., last] = parts.as_slice() {
                        if last.len() >= 3
                            && last.chars().any(|c| c.is_ascii_digit())
                            && last.chars().any(char::is_alphabetic)
                        {
                            idx.groups.insert(last.clone());
                        }
                    }
                    // "vmbo 3 Dier" is also written "3 Dier": its last two parts, a year and a name.
                    if let [.., year, name] = parts.as_slice() {
                        if parts.len() > 2
                            && year.chars().all(|c| c.is_ascii_digit())
                            && name.len() >= 3
                        {
                            idx.groups.insert(format!("{year}{name}"));
                        }
                    }
                    g
                })
                .clone();
            let mut toks = toks.into_iter();
            let pupil = match toks.next() {
                Some(first) => {
                    let surname: Vec<String> = toks.collect();
                    idx.by_first.entry(first.clone()).or_default().push(i);
                    if let Some(last) = surname.last() {
                        idx.by_surname.entry(last.clone()).or_default().push(i);
                    }
                    RosterPupil {
                        first,
                        surname,
                        initial,
                        group,
                    }
                }
                None => RosterPupil::default(),
            };
            idx.pupils.push(pupil);
        }
        idx.add_short_forms();
        idx
    }

    /// Short forms of the roster's first names ("Kev" for Kevin) from the lexicon, looked up
    /// by key so that a hashed roster gets them too. A short form that is some pupil's own
    /// first name stays that pupil's.
    fn add_short_forms(&mut self) {
        let mut add: Vec<(String, Vec<usize>)> = Vec::new();
        for (full, shorts) in &crate::lexicon::get().short_forms {
            let Some(pupils) = self.by_first.get(self.key(full).as_ref()) else {
                continue;
            };
            for s in shorts {
                let k = self.key(s).into_owned();
                if !self.by_first.contains_key(&k) {
                    add.push((k, pupils.clone()));
                }
            }
        }
        for (k, p) in add {
            self.short.insert(k.clone());
            self.by_first.entry(k).or_default().extend(p);
        }
    }

    /// Is this word one of the roster's class codes ("PM2A", "IHS1"): a school word of this
    /// school, whatever shape its codes have?
    pub fn is_group(&self, w: &str) -> bool {
        self.groups.contains(w)
    }

    /// Is this a roster group written as two words ("ISK 2", "PrO 4a", "3 Dier")? The groups
    /// are kept joined ("isk2"); joined here on the stack, as this runs for word pairs.
    pub fn is_group_pair(&self, a: &str, b: &str) -> bool {
        let mut buf = [0u8; 64];
        let n = a.len() + b.len();
        if n > buf.len() {
            return false;
        }
        buf[..a.len()].copy_from_slice(a.as_bytes());
        buf[a.len()..n].copy_from_slice(b.as_bytes());
        // Two whole strs joined are valid UTF-8.
        std::str::from_utf8(&buf[..n]).is_ok_and(|w| self.groups.contains(w))
    }

    /// Is this key only a short form of a roster first name ("kev" for Kevin)?
    pub fn is_short_form(&self, key: &str) -> bool {
        self.short.contains(key)
    }

    /// Roster indices of pupils whose surname ends with this key.
    pub fn by_surname(&self, key: &str) -> &[usize] {
        self.by_surname.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The lookup key of a normalised word: the word itself, or its hash in a hashed roster.
    pub fn key<'a>(&self, word: &'a str) -> Cow<'a, str> {
        match &self.salt {
            None => Cow::Borrowed(word),
            Some(salt) => Cow::Owned(crate::roster_hash::hash_token(salt, word)),
        }
    }

    /// Keys for a post's words, hashing each distinct word once.
    pub fn keys<'a>(&self, words: &[&'a str]) -> Vec<Cow<'a, str>> {
        match &self.salt {
            None => words.iter().map(|w| Cow::Borrowed(*w)).collect(),
            Some(_) => {
                let mut cache: HashMap<&str, String> = HashMap::default();
                words
                    .iter()
                    .map(|w| {
                        Cow::Owned(
                            cache
                                .entry(w)
                                .or_insert_with(|| self.key(w).into_owned())
                                .clone(),
                        )
                    })
                    .collect()
            }
        }
    }

    /// Roster indices of pupils with this first-name key.
    pub fn by_first(&self, key: &str) -> &[usize] {
        self.by_first.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn is_first_name(&self, key: &str) -> bool {
        self.by_first.contains_key(key)
    }
}

pub struct Compiled {
    pub policy: Policy,
    pub roster: RosterIndex,
    /// Staff first names and full names (token lists).
    pub staff_first: HashSet<String>,
    pub staff_full: Vec<Vec<String>>,
    /// The school's name and aliases.
    pub school_names: PhraseSet<()>,
    /// Public contact details: digits of phone numbers, lower-case e-mail addresses, address tokens.
    pub public_phones: HashSet<String>,
    pub public_emails: HashSet<String>,
    pub public_addresses: Vec<Vec<String>>,
    pub extra: HashMap<Category, PhraseSet<()>>,
}

/// A phone number reduced to its national digits: "+31 (0)6-12 34 56 78" → "0612345678".
pub fn phone_digits(s: &str) -> String {
    let s = s.replace("(0)", "");
    let d: String = s.chars().filter(char::is_ascii_digit).collect();
    if let Some(rest) = d.strip_prefix("0031") {
        format!("0{rest}")
    } else if s.trim_start().starts_with('+') {
        d.strip_prefix("31").map(|r| format!("0{r}")).unwrap_or(d)
    } else {
        d
    }
}

impl Compiled {
    #[cfg_attr(postwacht_size, optimize(size))]
    #[inline(never)]
    pub fn new(policy: Policy) -> Compiled {
        let roster = RosterIndex::new(&policy.roster, policy.roster_salt);
        let mut staff_first = HashSet::default();
        let mut staff_full = Vec::new();
        for s in &policy.staff {
            let t = tokens(s);
            if let Some(f) = t.first() {
                staff_first.insert(f.clone());
            }
            if t.len() > 1 {
                staff_full.push(t);
            }
        }
        let mut school_names = PhraseSet::default();
        let sch = &policy.school;
        for n in std::iter::once(&sch.name).chain(&sch.aliases) {
            if !n.trim().is_empty() {
                school_names.insert(n, ());
            }
        }
        let c = &policy.public_contact;
        let public_phones = c.phones.iter().map(|p| phone_digits(p)).collect();
        let public_emails = c.emails.iter().map(|e| e.trim().to_lowercase()).collect();
        let public_addresses = c.addresses.iter().map(|a| tokens(a)).collect();
        let mut extra = HashMap::default();
        for (cat, words) in &policy.extra_words {
            let mut p = PhraseSet::default();
            for w in words {
                p.insert(w, ());
            }
            extra.insert(*cat, p);
        }
        Compiled {
            policy,
            roster,
            staff_first,
            staff_full,
            school_names,
            public_phones,
            public_emails,
            public_addresses,
            extra,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_digits_normalise() {
        assert_eq!(phone_digits("+31 (0)6-12 34 56 78"), "0612345678");
        assert_eq!(phone_digits("0031 6 12345678"), "0612345678");
        assert_eq!(phone_digits("050-3123456"), "0503123456");
    }
}
