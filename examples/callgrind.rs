//! A fixed amount of work for instruction counts (docs/wasm-and-bench.md, "Where the time
//! goes"): compiles POLICY once, then checks POST `N` times as the wasm surface does
//! (parse the post JSON, check, serialise the findings). Under
//! `valgrind --tool=callgrind --toggle-collect=callgrind::checks` the counts do not depend
//! on the machine's load, and leave out the policy's compilation and the first check (which
//! builds the lexicon and the regexes).
//!
//!     cargo run --release --example callgrind -- POLICY.json POST.json [N]

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(policy), Some(post)) = (args.next(), args.next()) else {
        eprintln!("usage: callgrind POLICY.json POST.json [N]");
        std::process::exit(2);
    };
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100);
    let policy = std::fs::read_to_string(policy).expect("policy");
    let post = std::fs::read_to_string(post).expect("post");
    let checker = postwacht::Checker::from_policy_json(&policy).expect("valid policy");
    // One check first, so the lexicon and the regexes (built on first use) are not counted
    // with `--toggle-collect=callgrind::checks`.
    warm_up(&checker, &post);
    let bytes = checks(&checker, &post, n);
    println!("{n} checks, {bytes} bytes of findings");
}

#[inline(never)]
fn warm_up(checker: &postwacht::Checker, post: &str) {
    let p = postwacht::Post::from_json(post).expect("valid post");
    std::hint::black_box(checker.check(&p));
}

/// `n` checks of `post`; returns the findings' JSON length summed.
#[inline(never)]
fn checks(checker: &postwacht::Checker, post: &str, n: usize) -> usize {
    let mut bytes = 0;
    for _ in 0..n {
        let p = postwacht::Post::from_json(post).expect("valid post");
        let out = serde_json::to_string(&checker.check(&p)).expect("findings");
        bytes += std::hint::black_box(out).len();
    }
    bytes
}
