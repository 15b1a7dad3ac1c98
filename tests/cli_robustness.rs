//! The command-line tool on broken input (issue 14): every problem named with its place, the
//! rest still done, the exit code telling that something was wrong.

mod common;
use std::process::Output;

fn run(args: &[&str]) -> Output {
    common::run(args, "")
}

#[test]
fn jsonl_reports_a_bad_line_and_checks_the_rest() {
    let posts = common::tmp(
        "posts.jsonl",
        b"{\"id\": \"a1\", \"text\": \"ff bellen\"}\n\
          {\"id\": \"a2\", \"text\": \n\
          {\"id\": \"a3\", \"txt\": \"Hallo\"}\n\
          \xff\xfe\n\
          {\"id\": \"a4\", \"text\": \"Hallo\"}\n",
    );
    let o = run(&["check", "--jsonl", &posts]);
    let out = String::from_utf8(o.stdout).unwrap();
    let ids: Vec<String> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    assert_eq!(ids, ["\"a1\"", "\"a4\""], "{out}");
    let err = String::from_utf8(o.stderr).unwrap();
    for line in [2, 3, 4] {
        assert!(err.contains(&format!("posts.jsonl:{line}: ")), "{err}");
    }
    assert!(err.contains("3 of 5 lines"), "{err}");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn policy_check_accepts_a_utf8_bom_and_reports_duplicate_keys() {
    let p = common::tmp(
        "bom.json",
        b"\xef\xbb\xbf{\"school\": {\"name\": \"De Linde\"}}\n",
    );
    let o = run(&["policy", "check", &p]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let p = common::tmp(
        "dup.json",
        br#"{"rules": {"informal": "off"}, "rules": {"informal": "error"}}"#,
    );
    let o = run(&["policy", "check", &p]);
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8(o.stderr).unwrap();
    assert!(e.contains("rules: duplicate key"), "{e}");
}

#[test]
fn policy_build_refuses_utf16_and_an_unclosed_quote() {
    let text = "Roepnaam;Achternaam;Sociale media\r\nDaan;Vries;ja\r\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let o = run(&["policy", "build", &common::tmp("utf16.csv", &le), "--plain"]);
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8(o.stderr).unwrap();
    assert!(e.contains("UTF-16") && e.contains("CSV UTF-8"), "{e}");
    let csv = b"Roepnaam;Achternaam;Sociale media\n\"Daan;Vries;ja\nSem;Kok;nee\n";
    let o = run(&["policy", "build", &common::tmp("quote.csv", csv), "--plain"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let e = String::from_utf8(o.stderr).unwrap();
    assert!(e.contains("line 2") && e.contains("never closed"), "{e}");
}
