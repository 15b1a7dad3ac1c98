//! Tests of the policy reader: paths in errors, hints, the lenient reader, settings.

use super::*;

#[test]
fn corpus_format_parses() {
    let p = Policy::from_json(
        r#"{"school": {"name": "OBS De Regenboog", "aliases": ["De Regenboog"], "board": "X"},
            "roster": [{"name": "Daan de Vries", "group": "6", "consent": {"social": false, "website": true}}],
            "staff": ["Marieke Jansen"]}"#,
    )
    .unwrap();
    assert_eq!(p.school.name, "OBS De Regenboog");
    assert_eq!(p.roster[0].consent.get("social"), Some(&false));
    assert_eq!(p.staff, ["Marieke Jansen"]);
}

#[test]
fn errors_name_the_path() {
    let e = Policy::from_json(
        r#"{"roster": [{"name": "A B"}, {"name": "C"}, {"name": "D"},
            {"name": "E F", "consent": {"social": "yes"}}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.0[0].to_string(),
        "roster[3].consent.social: expected true or false, found a string"
    );
}

#[test]
fn unknown_keys_get_a_hint() {
    let e = Policy::from_json(r#"{"shcool": {"name": "X"}, "rules": {"informall": "off"}}"#)
        .unwrap_err();
    let s = e.to_string();
    assert!(
        s.contains("shcool: unknown key; did you mean \"school\"?"),
        "{s}"
    );
    assert!(
        s.contains("rules.informall: unknown rule id; did you mean \"informal\"?"),
        "{s}"
    );
}

#[test]
fn lenient_keeps_the_valid_parts() {
    let (p, errs) = Policy::from_json_lenient(
        r#"{"school": {"name": "De Linde"}, "roster": [{"group": "5"}, {"name": "Sem Mulder"}],
            "rules": {"informal": "loud", "profanity": "warning"}}"#,
    );
    assert_eq!(errs.len(), 2);
    assert_eq!(errs[0].to_string(), "roster[0]: pupil without a name");
    assert_eq!(p.school.name, "De Linde");
    assert_eq!(p.roster.len(), 1);
    assert_eq!(
        p.rules.get("profanity"),
        Some(&Setting::On(Severity::Warning))
    );
    assert!(!p.rules.contains_key("informal"));
}

#[test]
fn not_json_is_a_clear_error() {
    let e = Policy::from_json("{roster: [").unwrap_err();
    assert!(e.to_string().contains("not valid JSON"));
    let e = Policy::from_json("[]").unwrap_err();
    assert!(e.to_string().contains("expected an object, found a list"));
}

#[test]
fn settings_resolve_rule_then_category_then_default() {
    let p =
        Policy::from_json(r#"{"rules": {"informal": "off", "informal.kisses": "error"}}"#).unwrap();
    assert_eq!(
        p.setting("informal.kisses", Category::Informal, Severity::Warning),
        Setting::On(Severity::Error)
    );
    assert_eq!(
        p.setting("informal.chat-speak", Category::Informal, Severity::Warning),
        Setting::Off
    );
    assert_eq!(
        p.setting("profanity.curse", Category::Profanity, Severity::Error),
        Setting::On(Severity::Error)
    );
}

#[test]
fn duplicate_keys_are_reported_with_their_path() {
    let json = r#"{"rules": {"informal": "off"}, "school": {"name": "A", "name": "B"},
        "roster": [{"name": "Daan Vries", "consent": {"social": true, "social": false}}],
        "rules": {"informal": "error", "informal": "warning"}}"#;
    let e = Policy::from_json(json).unwrap_err();
    let s: Vec<String> = e.0.iter().map(ToString::to_string).collect();
    for path in [
        "rules",
        "school.name",
        "roster[0].consent.social",
        "rules.informal",
    ] {
        assert!(
            s.iter()
                .any(|x| x.starts_with(&format!("{path}: duplicate key"))),
            "{path} not in {s:?}"
        );
    }
    assert_eq!(s.len(), 4, "{s:?}");
    // The lenient reader reports them and keeps the last value, as JSON readers do.
    let (p, problems) = Policy::from_json_lenient(json);
    assert_eq!(problems.len(), 4);
    assert_eq!(p.school.name, "B");
    assert_eq!(
        p.rules.get("informal"),
        Some(&Setting::On(Severity::Warning))
    );
}

#[test]
fn a_utf8_byte_order_mark_is_accepted() {
    let p = Policy::from_json("\u{FEFF}{\"school\": {\"name\": \"X\"}}").unwrap();
    assert_eq!(p.school.name, "X");
}

#[test]
fn extra_words_without_a_letter_or_digit_are_rejected_with_the_path() {
    let e = Policy::from_json(
        r#"{"extra_words": {"profanity": ["sukkel", "(?i)", "\\b", "("], "informal": "--"}}"#,
    )
    .unwrap_err();
    let s: Vec<String> = e.0.iter().map(ToString::to_string).collect();
    assert_eq!(s.len(), 4, "{s:?}");
    let has = |path: &str, what: &str| {
        s.iter()
            .any(|x| x.starts_with(&format!("{path}: ")) && x.contains(what))
    };
    assert!(has("extra_words.profanity[3]", "letter or digit"), "{s:?}");
    assert!(has("extra_words.informal", "letter or digit"), "{s:?}");
    // "(?i)" and "\b" have a letter, but as words they are "i" and "b": patterns, which a
    // plain word list does not understand.
    assert!(
        has("extra_words.profanity[1]", "regular expression"),
        "{s:?}"
    );
    assert!(
        has("extra_words.profanity[2]", "regular expression"),
        "{s:?}"
    );
    let (p, _) = Policy::from_json_lenient(
        r#"{"extra_words": {"profanity": ["sukkel", "(?i)", "\\b", "("]}}"#,
    );
    assert_eq!(p.extra_words[&Category::Profanity], ["sukkel"]);
}

#[test]
fn duplicate_keys_are_found_in_big_objects_too() {
    let keys: Vec<String> = (0..40).map(|i| format!("\"k{i}\": 1")).collect();
    let json = format!(
        "{{\"channels\": {{{}, \"k3\": 2, \"k30\": 2, \"k30\": 3}}}}",
        keys.join(",")
    );
    let (_, problems) = Policy::from_json_lenient(&json);
    let dups: Vec<&str> = problems
        .iter()
        .filter(|p| p.problem.starts_with("duplicate key"))
        .map(|p| p.path.as_str())
        .collect();
    assert_eq!(dups, ["channels.k3", "channels.k30"]);
}
