//! The roster CSV import on arbitrary text: no panic, warnings name lines of the file, every
//! pupil has a name with a letter, and the roster it gives compiles and checks (plain and
//! hashed).
#![no_main]

use libfuzzer_sys::fuzz_target;
use postwacht::{roster_csv, Checker, Policy, Post};
use postwacht_fuzz::check_and_assert;

fuzz_target!(|data: &[u8]| {
    // What `policy build` does with a file: decode the bytes, then read the CSV.
    let Ok(owned) = roster_csv::decode(data) else {
        return;
    };
    let text = owned.as_str();
    let Ok(r) = roster_csv::read(text) else {
        return;
    };
    // Lines as an editor counts them: "\r\n", "\n" and a lone "\r" each end one.
    let b = text.as_bytes();
    let lines = 1
        + (0..b.len())
            .filter(|&i| b[i] == b'\n' || b[i] == b'\r' && b.get(i + 1) != Some(&b'\n'))
            .count();
    for w in &r.warnings {
        if let Some(rest) = w.strip_prefix("line ") {
            let n: usize = rest
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .and_then(|d| d.parse().ok())
                .expect("a warning's line number");
            assert!(
                n >= 1 && n <= lines,
                "warning {w:?} names a line outside 1..={lines}"
            );
        }
    }
    for p in &r.pupils {
        assert!(
            p.name.chars().any(char::is_alphabetic),
            "pupil without letters: {:?}",
            p.name
        );
    }
    let post_text = r
        .pupils
        .iter()
        .take(3)
        .map(|p| format!("Trots op {} uit groep {}!", p.name, p.group))
        .collect::<Vec<_>>()
        .join(" ");
    let mut policy = Policy {
        roster: r.pupils,
        ..Policy::default()
    };
    check_and_assert(&Checker::new(policy.clone()), &Post::new(post_text.clone()));
    policy.hash_roster([1; 16]);
    check_and_assert(&Checker::new(policy), &Post::new(post_text));
});
