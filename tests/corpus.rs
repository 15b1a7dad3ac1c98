//! Runs the checker over the labelled corpus and asserts the quality targets of the issue:
//! macro-F1 ≥ 0.90, every category ≥ 0.85, span recall ≥ 0.90, ≥ 90% of clean posts silent.
//! The scoring is the same as `tests/corpus/score.py` (info findings do not count).

use postwacht::{Category, Checker, Post, Severity};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

struct Score {
    macro_f1: f64,
    f1: BTreeMap<&'static str, f64>,
    span_recall: f64,
    clean_silent: f64,
    errors: Vec<String>,
    /// Per category (true positives, false positives, false negatives).
    counts: BTreeMap<&'static str, (u32, u32, u32)>,
}

fn utf16_positions(text: &str, needle: &str) -> Vec<(usize, usize)> {
    text.match_indices(needle)
        .map(|(i, _)| {
            let s = text[..i].encode_utf16().count();
            (s, s + needle.encode_utf16().count())
        })
        .collect()
}

fn score(dir: &str) -> Score {
    score_with(dir, |_| {})
}

/// [`score`] with each post's JSON changed by `edit` before it is checked (the labels stay).
fn score_with(dir: &str, edit: impl Fn(&mut Value)) -> Score {
    let root = env!("CARGO_MANIFEST_DIR");
    let policy = std::fs::read_to_string(format!("{root}/{dir}/school.json")).expect("school.json");
    let checker = Checker::from_policy_json(&policy).expect("corpus policy is valid");
    let posts = std::fs::read_to_string(format!("{root}/{dir}/posts.jsonl")).expect("posts.jsonl");
    let mut counts: BTreeMap<&'static str, (u32, u32, u32)> = BTreeMap::new();
    let (mut span_hit, mut span_total, mut clean_ok, mut clean_total) = (0, 0, 0, 0);
    let mut errors = Vec::new();
    for line in posts.lines().filter(|l| !l.trim().is_empty()) {
        let g: Value = serde_json::from_str(line).expect("corpus line");
        let mut input = g.clone();
        edit(&mut input);
        let post: Post = serde_json::from_value(input).expect("post");
        let id = g["id"].as_str().unwrap_or("?");
        let raised: Vec<_> = checker
            .check(&post)
            .into_iter()
            .filter(|f| f.severity != Severity::Info)
            .collect();
        let cats: BTreeSet<&str> = raised.iter().map(|f| f.category.as_str()).collect();
        let set = |k: &str| -> BTreeSet<String> {
            g[k].as_array()
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        };
        let (expect, allow) = (set("expect"), set("allow"));
        for c in Category::ALL.map(|c| c.as_str()) {
            let e = counts.entry(c).or_default();
            match (expect.contains(c), cats.contains(c)) {
                (true, true) => e.0 += 1,
                (true, false) => {
                    e.2 += 1;
                    errors.push(format!("{id}: missed {c}"));
                }
                (false, true) if !allow.contains(c) => {
                    e.1 += 1;
                    errors.push(format!("{id}: false {c}"));
                }
                _ => {}
            }
        }
        if expect.is_empty() {
            clean_total += 1;
            clean_ok += u32::from(cats.iter().all(|c| allow.contains(*c)));
        }
        if let Some(spans) = g["spans"].as_object() {
            for (c, list) in spans {
                for s in list
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                {
                    span_total += 1;
                    let pos = utf16_positions(&post.text, s);
                    if raised.iter().any(|f| {
                        f.category.as_str() == c
                            && pos.iter().any(|&(b, e)| f.start < e && f.end > b)
                    }) {
                        span_hit += 1;
                    } else {
                        errors.push(format!("{id}: span {c} {s:?} not highlighted"));
                    }
                }
            }
        }
    }
    let mut f1 = BTreeMap::new();
    for (&c, &(tp, fp, fn_)) in &counts {
        let p = if tp + fp > 0 {
            tp as f64 / (tp + fp) as f64
        } else {
            1.0
        };
        let r = if tp + fn_ > 0 {
            tp as f64 / (tp + fn_) as f64
        } else {
            1.0
        };
        f1.insert(
            c,
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            },
        );
    }
    Score {
        macro_f1: f1.values().sum::<f64>() / f1.len() as f64,
        f1,
        span_recall: if span_total > 0 {
            span_hit as f64 / span_total as f64
        } else {
            1.0
        },
        clean_silent: if clean_total > 0 {
            clean_ok as f64 / clean_total as f64
        } else {
            1.0
        },
        errors,
        counts,
    }
}

fn report(name: &str, s: &Score) {
    eprintln!(
        "{name}: macro_f1={:.3} span_recall={:.3} clean_silent={:.3}",
        s.macro_f1, s.span_recall, s.clean_silent
    );
    for (c, f) in &s.f1 {
        eprintln!("  {c:14} f1={f:.3}");
    }
    for e in &s.errors {
        eprintln!("  {e}");
    }
}

fn assert_targets(name: &str) {
    let s = score(&format!("tests/corpus/{name}"));
    report(name, &s);
    assert!(s.macro_f1 >= 0.90, "macro-F1 {:.3}", s.macro_f1);
    for (c, f) in &s.f1 {
        assert!(*f >= 0.85, "{c}: F1 {f:.3}");
    }
    assert!(s.span_recall >= 0.90, "span recall {:.3}", s.span_recall);
    assert!(
        s.clean_silent >= 0.90,
        "clean posts silent {:.3}",
        s.clean_silent
    );
}

#[test]
fn dev_set_meets_the_quality_targets() {
    assert_targets("dev");
}

/// Written by someone who had not read the rules; the rules were improved after its first
/// score (0.84 macro-F1), so it now guards against regressions rather than estimating
/// quality on unseen posts.
#[test]
fn holdout_set_meets_the_quality_targets() {
    assert_targets("holdout");
}

/// A second independent set, written after the first round of improvements; its first score
/// was 0.91 macro-F1 (lowest: confidential 0.75).
#[test]
fn second_holdout_set_meets_the_quality_targets() {
    assert_targets("holdout2");
}

/// The requirement for a private roster: matching quality does not drop when the
/// names are stored as keyed hashes. Every finding (rule, severity, span) must be the same.
#[test]
fn a_hashed_roster_finds_exactly_what_the_plain_roster_finds() {
    let root = env!("CARGO_MANIFEST_DIR");
    for set in ["dev", "holdout", "holdout2", "holdout3", "holdout4"] {
        let json =
            std::fs::read_to_string(format!("{root}/tests/corpus/{set}/school.json")).unwrap();
        let plain = postwacht::Policy::from_json(&json).unwrap();
        let mut hashed = plain.clone();
        hashed.hash_roster(*b"0123456789abcdef");
        assert!(hashed.roster.iter().all(|p| p.name.is_empty()));
        let (a, b) = (Checker::new(plain), Checker::new(hashed));
        let posts =
            std::fs::read_to_string(format!("{root}/tests/corpus/{set}/posts.jsonl")).unwrap();
        for line in posts.lines().filter(|l| !l.trim().is_empty()) {
            let post: Post = serde_json::from_str(line).unwrap();
            let key = |c: &Checker| -> Vec<(String, Severity, usize, usize)> {
                c.check(&post)
                    .into_iter()
                    .map(|f| (f.rule, f.severity, f.start, f.end))
                    .collect()
            };
            assert_eq!(key(&a), key(&b), "{set}: {}", post.text);
        }
    }
}

/// A third independent set (an IKC, a different school type), written after the second
/// round; its first score was 0.86 macro-F1 (lowest: confidential 0.67).
#[test]
fn third_holdout_set_meets_the_quality_targets() {
    assert_targets("holdout3");
}

/// A fourth independent set (a havo/vwo school), written after the third round; its
/// first score was 0.86 macro-F1 (lowest: profanity 0.71).
#[test]
fn fourth_holdout_set_meets_the_quality_targets() {
    assert_targets("holdout4");
}

/// Issue 12: a fix must not create a new finding. Every fix the checker offers on the
/// regression sets is applied on its own and the post checked again: no rule may report
/// that did not report before (the disclaimer and photo-consent rules only move their
/// span to the next topic word, so they are left out of the comparison).
#[test]
fn applying_a_fix_creates_no_new_finding() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut created = Vec::new();
    for set in ["dev", "holdout", "holdout2", "holdout3", "holdout4"] {
        let dir = format!("{root}/tests/corpus/{set}");
        let policy = std::fs::read_to_string(format!("{dir}/school.json")).unwrap();
        let checker = Checker::from_policy_json(&policy).unwrap();
        let posts = std::fs::read_to_string(format!("{dir}/posts.jsonl")).unwrap();
        for line in posts.lines().filter(|l| !l.trim().is_empty()) {
            let post: Post = serde_json::from_str(line).unwrap();
            let before = checker.check(&post);
            let rules: BTreeSet<String> = before.iter().map(|f| f.rule.clone()).collect();
            for f in &before {
                for fix in &f.fixes {
                    let (s, e) = (fix.span.start_byte, fix.span.end_byte);
                    let mut fixed = post.clone();
                    fixed.text =
                        format!("{}{}{}", &post.text[..s], fix.replacement, &post.text[e..]);
                    for g in checker.check(&fixed) {
                        let moved =
                            matches!(g.category, Category::Disclaimer | Category::PhotoConsent);
                        if g.severity != Severity::Info && !moved && !rules.contains(&g.rule) {
                            created.push(format!(
                                "{set}: {:?} → {} ({})",
                                post.text, fixed.text, g.rule
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(created.is_empty(), "{created:#?}");
}

/// The sets whose replies carry the message being answered (`reply_to_text`) and whose
/// posts carry the writer's role. They were tuned on in the issue-12 round, so these are
/// floors against regressions, not estimates for an unseen school (README: Accuracy).
const REPLY_CONTEXT_SETS: [&str; 4] = ["mbo", "special", "board", "ikc"];

#[test]
fn sets_with_the_reply_context_stay_above_their_floors() {
    for set in REPLY_CONTEXT_SETS {
        let s = score(&format!("tests/corpus/{set}"));
        report(set, &s);
        assert!(s.macro_f1 >= 0.80, "{set}: macro-F1 {:.3}", s.macro_f1);
        // The contempt round (README: Accuracy) lifted profanity to 0.90-0.98 on these.
        let p = s.f1["profanity"];
        assert!(p >= 0.85, "{set}: profanity F1 {p:.3}");
        assert!(
            s.clean_silent >= 0.85,
            "{set}: clean silent {:.3}",
            s.clean_silent
        );
    }
}

/// On a real site the extension rarely knows who is answered; it can read the message being
/// answered. With `reply_to` removed (only `reply_to_text` left), how much of the discussion
/// category survives, reported separately (issue 10), and no inferred addressee may turn a
/// reply into a false discussion finding.
#[test]
fn discussion_survives_without_the_reply_label() {
    let (mut with_label, mut without, mut false_alarms) = (0, 0, 0);
    for set in REPLY_CONTEXT_SETS {
        let dir = format!("tests/corpus/{set}");
        let labelled = score(&dir).counts["discussion"];
        let inferred = score_with(&dir, |p| {
            let c = &mut p["context"];
            if c.get("reply_to_text").is_some() {
                c["reply_to"] = Value::Null;
            }
        })
        .counts["discussion"];
        eprintln!(
            "{set}: discussion found with the label {}, without it {} (false {})",
            labelled.0, inferred.0, inferred.1
        );
        with_label += labelled.0;
        without += inferred.0;
        false_alarms += inferred.1;
    }
    eprintln!("discussion without the reply label: {without} of {with_label} kept");
    assert!(with_label > 0);
    assert!(
        without * 2 >= with_label,
        "only {without} of {with_label} discussion findings survive without the label"
    );
    assert!(
        false_alarms <= 1,
        "{false_alarms} false discussion findings"
    );
}

/// tto and village: held out in session 3, then read while writing the contempt round
/// (README: Accuracy), so floors against regressions, not estimates for a new school.
#[test]
fn tto_and_village_stay_above_their_floors() {
    for (set, floor, profanity) in [("tto", 0.85, 0.85), ("village", 0.83, 0.65)] {
        let s = score(&format!("tests/corpus/{set}"));
        report(set, &s);
        assert!(s.macro_f1 >= floor, "{set}: macro-F1 {:.3}", s.macro_f1);
        let p = s.f1["profanity"];
        assert!(p >= profanity, "{set}: profanity F1 {p:.3}");
        assert!(
            s.clean_silent >= 0.80,
            "{set}: clean silent {:.3}",
            s.clean_silent
        );
    }
}

/// refo, isk, groen, azc (and pro, vrije after their held-out measure): tuned on in session 6 (photo of things or staff, contempt without a
/// swear word, arguing replies, a leader's role); floors just under what was measured, against
/// regressions, not estimates for a new school (README: Accuracy).
#[test]
fn session_six_tuning_sets_stay_above_their_floors() {
    for (set, floor, clean) in [
        ("refo", 0.91, 0.94),
        ("isk", 0.89, 0.90),
        ("groen", 0.88, 0.92),
        ("azc", 0.86, 0.92),
        // pro and vrije: held out, then their misses read (file names, names, contempt)
        ("pro", 0.87, 0.89),
        ("vrije", 0.90, 0.94),
    ] {
        let s = score(&format!("tests/corpus/{set}"));
        report(set, &s);
        assert!(s.macro_f1 >= floor, "{set}: macro-F1 {:.3}", s.macro_f1);
        assert!(
            s.clean_silent >= clean,
            "{set}: clean silent {:.3}",
            s.clean_silent
        );
    }
}

/// Session 7's held-out pair (gym, monte): written blind, never read while rules were
/// changed. Floors just under what they scored after the session's rounds (gym 0.867 / clean
/// 0.90, monte 0.852 / 0.96), so that a later change that costs a school nobody tuned for
/// shows here; they are regression guards, not the estimate (that is the README's
/// first-contact row).
#[test]
fn session_seven_held_out_sets_stay_above_their_floors() {
    for (set, floor, clean) in [("gym", 0.85, 0.88), ("monte", 0.83, 0.94)] {
        let s = score(&format!("tests/corpus/{set}"));
        report(set, &s);
        assert!(s.macro_f1 >= floor, "{set}: macro-F1 {:.3}", s.macro_f1);
        assert!(
            s.clean_silent >= clean,
            "{set}: clean silent {:.3}",
            s.clean_silent
        );
    }
}

/// The disclaimer's topic round (issue 12): school-life words of every sector and a rare
/// roster name acting in a sentence lifted disclaimer F1 on the sets of kinds of school the
/// first lists did not know (before: 0.70-0.88). Floors against regressions, just under
/// what was measured; the posts were read while writing the round.
#[test]
fn the_disclaimer_topic_holds_on_every_kind_of_school() {
    for (set, floor) in [
        ("tto", 0.90),
        ("village", 0.85),
        ("mbo", 0.90),
        ("special", 0.82),
        ("board", 0.91),
        ("ikc", 0.89),
        ("groen", 0.84),
        ("azc", 0.82),
    ] {
        let s = score(&format!("tests/corpus/{set}"));
        let f = s.f1["disclaimer"];
        assert!(f >= floor, "{set}: disclaimer F1 {f:.3}");
    }
}
