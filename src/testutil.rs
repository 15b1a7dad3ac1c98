//! Helpers for the rules' unit tests: a small school policy and assertions on findings.

use crate::compiled::Compiled;
use crate::model::{Account, Finding, Fix, Platform, Post};
use crate::policy::Policy;
use crate::Checker;

/// A small made-up school (not the corpus school).
pub fn policy() -> Compiled {
    Compiled::new(
        Policy::from_json(
            r#"{
  "school": {"name": "OBS De Linde", "aliases": ["De Linde", "Lindeschool"]},
  "roster": [
    {"name": "Daan de Vries", "group": "6", "consent": {"social": false, "schoolapp": true}},
    {"name": "Fleur Vos", "group": "6", "consent": {"social": false, "schoolapp": true}},
    {"name": "Noor Bakker", "group": "6", "consent": {"social": true, "schoolapp": true}},
    {"name": "Lotte Smit", "group": "2", "consent": {"social": false, "schoolapp": true}},
    {"name": "Roos Dekker", "group": "4", "consent": {"social": true}},
    {"name": "Storm van Dijk", "group": "1", "consent": {"social": true}},
    {"name": "Sem Mulder", "group": "3", "consent": {"social": true}},
    {"name": "Hugo Vos", "group": "7", "consent": {"social": true}},
    {"name": "Emma de Jong", "group": "4", "consent": {"social": true}},
    {"name": "Finn Hendriks", "group": "3", "consent": {"social": true}},
    {"name": "Lisse van der Meer", "group": "4", "consent": {"social": true}}
  ],
  "staff": ["Emma Verbeek", "Joris van den Berg"]
}"#,
        )
        .expect("test policy"),
    )
}

pub fn post(text: &str, account: &str) -> Post {
    let mut p = Post::new(text);
    p.context.platform = Platform::Facebook;
    p.context.account = if account == "school" {
        Account::School
    } else {
        Account::Personal
    };
    p
}

pub fn check_post(policy: &Compiled, post: &Post) -> Vec<Finding> {
    Checker::new(policy.policy.clone()).check(post)
}

pub fn check_with(policy: &Compiled, text: &str, account: &str) -> Vec<Finding> {
    check_post(policy, &post(text, account))
}

pub fn check_personal(text: &str) -> Vec<Finding> {
    Checker::with_default_policy().check(&post(text, "personal"))
}

pub fn check_school(text: &str) -> Vec<Finding> {
    Checker::with_default_policy().check(&post(text, "school"))
}

pub fn assert_rule(f: &[Finding], rule: &str) {
    assert!(
        f.iter().any(|x| x.rule == rule),
        "expected {rule} in {f:#?}"
    );
}

pub fn assert_no_rule(f: &[Finding], rule: &str, why: &str) {
    assert!(
        !f.iter().any(|x| x.rule == rule),
        "unexpected {rule} ({why}) in {f:#?}"
    );
}

pub fn assert_no_category(f: &[Finding], cat: &str, why: &str) {
    assert!(
        !f.iter()
            .any(|x| x.category.as_str() == cat && x.severity.as_str() != "info"),
        "unexpected {cat} ({why}) in {f:#?}"
    );
}

/// A non-info finding of `cat` overlaps an occurrence of `needle`.
pub fn has_span(f: &[Finding], cat: &str, needle: &str) -> bool {
    f.iter().any(|x| {
        x.category.as_str() == cat && x.severity.as_str() != "info" && {
            let t = &x.text;
            t.contains(needle) || needle.contains(t.as_str()) && !t.is_empty()
        }
    })
}

/// Applies a fix (byte span) to the text.
pub fn apply_fix(text: &str, fix: &Fix) -> String {
    format!(
        "{}{}{}",
        &text[..fix.span.start_byte],
        fix.replacement,
        &text[fix.span.end_byte..]
    )
}
