//! The command-line tool, run as a user runs it: exit codes, output formats, policy errors.

mod common;
use common::{run, tmp};

#[test]
fn exit_code_follows_the_worst_severity() {
    assert_eq!(
        run(
            &["check", "-", "--account", "school"],
            "Fijne vakantie allemaal."
        )
        .status
        .code(),
        Some(0)
    );
    // A warning only (chat-speak) still exits 0.
    assert_eq!(
        run(
            &["check", "-", "--account", "school"],
            "Morgen ff gymspullen mee."
        )
        .status
        .code(),
        Some(0)
    );
    assert_eq!(
        run(&["check", "-", "--account", "school"], "Bel 06-12345678.")
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        run(&["check", "-", "--platform", "myspace"], "x")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["check", "--bogus"], "x").status.code(), Some(2));
}

#[test]
fn human_output_underlines_the_span_and_shows_the_fix() {
    let o = run(
        &["check", "-", "--account", "school"],
        "Bel juf: 06-12345678.",
    );
    let s = String::from_utf8(o.stdout).unwrap();
    assert!(s.contains("error[confidential.phone]"), "{s}");
    assert!(s.contains("1 | Bel juf: 06-12345678."), "{s}");
    assert!(s.contains("  |          ^^^^^^^^^^^"), "{s}");
    assert!(s.contains("= fix: Verwijder het gegeven"), "{s}");
}

#[test]
fn json_output_has_the_documented_fields_in_english() {
    let o = run(
        &[
            "check",
            "-",
            "--format",
            "json",
            "--lang",
            "en",
            "--account",
            "school",
        ],
        "😀 Call 06-12345678",
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let f = &v[0];
    for k in [
        "category",
        "rule",
        "severity",
        "start",
        "end",
        "start_byte",
        "end_byte",
        "text",
        "message",
        "reference",
        "fixes",
    ] {
        assert!(f.get(k).is_some(), "missing {k} in {f}");
    }
    assert_eq!(f["start"], 8, "UTF-16 offset after an emoji");
    assert_eq!(f["start_byte"], 10);
    assert!(f["message"].as_str().unwrap().starts_with("A phone number"));
}

#[test]
fn context_flags_reach_the_rules() {
    let policy = tmp(
        "p.json",
        r#"{"roster": [{"name": "Daan de Vries", "group": "6", "consent": {"social": false}}]}"#,
    );
    let o = run(
        &[
            "check",
            "-",
            "--policy",
            &policy,
            "--platform",
            "instagram",
            "--account",
            "school",
            "--attach",
            "image:a.jpg",
            "--format",
            "json",
        ],
        "Daan uit groep 6 won!",
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rules: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"photo-consent.no-consent"), "{rules:?}");
    let o = run(
        &[
            "check",
            "-",
            "--reply-to",
            "parent",
            "--account",
            "school",
            "--format",
            "json",
        ],
        "Nee, dat klopt niet.",
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("discussion.public-reply"));
}

#[test]
fn jsonl_mode_writes_one_line_per_post_for_score_py() {
    let posts = tmp(
        "posts.jsonl",
        "{\"id\": \"a1\", \"text\": \"ff bellen\", \"context\": {\"platform\": \"x\", \"account\": \"school\", \"reply_to\": null, \"attachments\": []}, \"expect\": []}\n\
         {\"id\": \"a2\", \"text\": \"Hallo\", \"context\": {\"platform\": \"x\", \"account\": \"school\", \"reply_to\": null, \"attachments\": []}}\n",
    );
    let o = run(&["check", "--jsonl", &posts], "");
    let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a1");
    assert_eq!(lines[0]["findings"][0]["category"], "informal");
    assert_eq!(lines[0]["findings"][0]["start"], 0);
    assert_eq!(lines[0]["findings"][0]["end"], 2);
    assert_eq!(lines[1]["findings"].as_array().unwrap().len(), 0);
}

#[test]
fn policy_check_summarises_or_names_the_problem() {
    let good = tmp(
        "good.json",
        r#"{"school": {"name": "De Linde"}, "roster": [{"name": "Sem Mulder", "consent": {"social": true}}]}"#,
    );
    let o = run(&["policy", "check", &good], "");
    assert_eq!(o.status.code(), Some(0));
    let s = String::from_utf8(o.stdout).unwrap();
    assert!(
        s.contains("school: De Linde") && s.contains("roster: 1 pupils, 1 with social consent"),
        "{s}"
    );

    let bad = tmp(
        "bad.json",
        r#"{"roster": [{"name": "A"}, {"name": "B"}, {"name": "C"}, {"name": "D", "consent": {"social": "ja"}}], "rulez": {}}"#,
    );
    let o = run(&["policy", "check", &bad], "");
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8(o.stderr).unwrap();
    assert!(
        e.contains("roster[3].consent.social: expected true or false"),
        "{e}"
    );
    assert!(
        e.contains("rulez: unknown key; did you mean \"rules\"?"),
        "{e}"
    );
    // The same policy given to `check` is a usage error, not a silent default.
    let o = run(&["check", "-", "--policy", &bad], "hallo");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn policy_build_turns_a_roster_export_into_a_hashed_policy() {
    let csv = tmp(
        "roster.csv",
        "\u{FEFF}Roepnaam;Tussenvoegsel;Achternaam;Groep;Toestemming sociale media;Website\r\nDaan;de;Vries;6;nee;ja\r\nNoor;;Bakker;6;ja;ja\r\n",
    );
    let out = common::tmp_dir().join("built.json");
    let o = run(&["policy", "build", &csv, "-o", out.to_str().unwrap()], "");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        !text.contains("Daan") && !text.contains("Vries"),
        "names in clear text: {text}"
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["roster"][0]["consent"]["social"], false);
    assert_eq!(v["roster"][0]["hashed_name"].as_array().unwrap().len(), 3);
    // The built policy checks like a plain one.
    let o = run(
        &[
            "check",
            "-",
            "--policy",
            out.to_str().unwrap(),
            "--account",
            "school",
            "--format",
            "json",
        ],
        "Daan de Vries won!",
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("student-name.roster"));

    let bad = tmp("bad.csv", "Leerlingnummer;Klas\n12;4vwo\n");
    let o = run(&["policy", "build", &bad], "");
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(
        e.contains("could not find the column with the pupil's first name"),
        "{e}"
    );
}

#[test]
fn policy_schema_prints_the_committed_managed_schema() {
    let o = run(&["policy", "schema"], "");
    assert_eq!(o.status.code(), Some(0));
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/extension/managed_schema.json"
    ))
    .unwrap();
    assert_eq!(String::from_utf8(o.stdout).unwrap(), committed);
}

#[test]
fn the_context_is_given_or_inferred_and_said_so() {
    // A reply to a parent's message, addressee not given: inferred, and a discussion.
    let out = run(
        &[
            "check",
            "-",
            "--platform",
            "facebook",
            "--reply-text",
            "Mijn zoon mocht niet mee op schoolreis.",
            "--format",
            "json",
        ],
        "Nee, dat klopt niet. Het beleid is duidelijk.",
    );
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("discussion.public-reply"), "{s}");
    // Human output names what the core decided.
    let out = run(
        &[
            "check",
            "-",
            "--platform",
            "schoolapp",
            "--reply-text",
            "Mijn dochter is ziek.",
        ],
        "Beterschap!",
    );
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.starts_with("context: account school (from platform), reply to parent (inferred: \"Mijn dochter\" in the message answered)"),
        "{s}"
    );
    // A leader's personal post about school.
    let out = run(
        &[
            "check",
            "-",
            "--account",
            "personal",
            "--role",
            "leader",
            "--format",
            "json",
        ],
        "Op persoonlijke titel: trots op onze leerlingen van groep 8.",
    );
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("disclaimer.leader"), "{s}");
    // Bad values are usage errors.
    assert_eq!(
        run(&["check", "-", "--role", "boss"], "x").status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["check", "-", "--account", "page"], "x").status.code(),
        Some(2)
    );
}
