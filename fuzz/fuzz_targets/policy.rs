//! Policy parsing, strict and lenient, on arbitrary text; and the teacher's rule settings.
//! The lenient reader must always give a policy (it has no error path: the extension goes on
//! checking with what is valid), agree with the strict reader, and give a policy that
//! compiles and checks; and it must refuse exactly the texts `serde_json::Value` refuses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postwacht::{Checker, Policy, Post};
use postwacht_fuzz::check_and_assert;

const SAMPLE: &str = "Wat een top dag met Daan de Vries uit groep 6 van De Regenboog! \
                      Bel me op 06-12345678, k*t weer trouwens.";

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let (lenient, problems) = Policy::from_json_lenient(json);
    match Policy::from_json(json) {
        Ok(strict) => {
            assert!(problems.is_empty());
            assert_eq!(strict, lenient, "strict and lenient readers disagree");
        }
        Err(errs) => {
            assert_eq!(
                errs.0, problems,
                "strict and lenient report different problems"
            );
            assert!(!errs.0.is_empty());
        }
    }
    // The policy is read in one pass without a `serde_json::Value` (the roster straight from
    // the text): exactly the texts `Value` refuses are refused, with its message.
    let bare = json.strip_prefix('\u{FEFF}').unwrap_or(json);
    match serde_json::from_str::<serde_json::Value>(bare) {
        Ok(_) => assert!(
            !problems
                .iter()
                .any(|p| p.problem.starts_with("not valid JSON")),
            "refused a text serde_json reads: {problems:?}"
        ),
        Err(e) => assert_eq!(
            problems
                .iter()
                .map(|p| p.problem.clone())
                .collect::<Vec<_>>(),
            vec![format!("not valid JSON: {e}")],
            "read a text serde_json refuses, or said it differently"
        ),
    }
    for p in &problems {
        assert!(
            !p.problem.is_empty(),
            "a problem without a message at {:?}",
            p.path
        );
    }
    // What the extension runs: lenient policy plus teacher settings (the same text as both).
    let (checker, rows) = Checker::for_extension(json, json, data.first() == Some(&b'{'));
    assert!(!rows.is_empty());
    let _ = checker.policy().summary();
    check_and_assert(&checker, &Post::new(SAMPLE));
});
