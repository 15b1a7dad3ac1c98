//! Where a check's time goes, step by step, for `./build.sh bench` (docs/wasm-and-bench.md).
//!
//! Each step of [`Checker::check`] is run on its own, `iters` times in a loop, with the
//! results of the earlier steps computed once beforehand, so a step's time is not hidden in
//! the clock's resolution. The same code runs natively (examples/bench.rs, with `Instant`)
//! and in wasm (`Checker.profileSteps` with the `profile` feature, with `performance.now`).
//! Nothing here is on the path of a normal check.

use crate::checker::Checker;
use crate::model::Post;
use crate::rules::analysis::Analysis;
use crate::rules::Ctx;
use crate::text::{Text, Utf16Map};
use std::hint::black_box;

/// The rules in [`crate::rules::all`]'s order, for the per-rule rows.
/// (A test keeps the two in step: photo_location, added later, had shifted discussion's
/// row onto it.)
const RULE_NAMES: [&str; 8] = [
    "rule disclaimer",
    "rule student_name",
    "rule photo_consent",
    "rule informal",
    "rule profanity",
    "rule confidential",
    "rule photo_location",
    "rule discussion",
];

/// Milliseconds per call of each step, in the order a check runs them, then the whole
/// `check` for comparison. `now` is a clock in milliseconds.
pub fn steps(
    checker: &Checker,
    post_json: &str,
    iters: u32,
    now: &dyn Fn() -> f64,
) -> Result<Vec<(String, f64)>, String> {
    let iters = iters.max(1);
    let time = |f: &mut dyn FnMut()| {
        f(); // warm up
        let t = now();
        for _ in 0..iters {
            f();
        }
        (now() - t) / f64::from(iters)
    };
    let mut out = Vec::new();
    out.push((
        "parse post JSON (serde)".to_string(),
        time(&mut || {
            black_box(Post::from_json(black_box(post_json)).ok());
        }),
    ));
    let post = Post::from_json(post_json)?;
    out.push((
        "normalise + tokenise (Text::new)".to_string(),
        time(&mut || {
            black_box(Text::new(black_box(&post.text)));
        }),
    ));
    let text = Text::new(&post.text);
    out.push((
        "words + lexicon masks".to_string(),
        time(&mut || {
            black_box(Checker::words(black_box(&text)));
        }),
    ));
    let (words, masks) = Checker::words(&text);
    let compiled = checker.compiled();
    out.push((
        "analysis (topic, capacity, names)".to_string(),
        time(&mut || {
            black_box(Analysis::new(&text, &words, &masks, &post, compiled));
        }),
    ));
    let analysis = Analysis::new(&text, &words, &masks, &post, compiled);
    let ctx = Ctx {
        post: &post,
        text: &text,
        words: &words,
        masks: &masks,
        policy: compiled,
        analysis: &analysis,
    };
    for (i, rule) in checker.rules().iter().enumerate() {
        let name = RULE_NAMES.get(i).copied().unwrap_or("rule ?");
        out.push((
            name.to_string(),
            time(&mut || {
                let mut hits = Vec::new();
                rule.check(&ctx, &mut hits);
                black_box(hits);
            }),
        ));
    }
    let hits = checker.hits(&ctx);
    out.push((
        "UTF-16 map".to_string(),
        time(&mut || {
            black_box(Utf16Map::new(black_box(&post.text)));
        }),
    ));
    out.push((
        "findings (severity, messages, UTF-16 spans)".to_string(),
        time(&mut || {
            black_box(checker.findings(hits.clone(), &post));
        }),
    ));
    let findings = checker.findings(hits, &post);
    out.push((
        "serialise findings (serde_json)".to_string(),
        time(&mut || {
            black_box(serde_json::to_string(&findings).ok());
        }),
    ));
    out.push((
        "whole check (parse + check + serialise)".to_string(),
        time(&mut || {
            if let Ok(p) = Post::from_json(post_json) {
                black_box(serde_json::to_string(&checker.check(&p)).ok());
            }
        }),
    ));
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_rule_has_a_row_name() {
        assert_eq!(super::RULE_NAMES.len(), crate::rules::all().len());
    }
}
