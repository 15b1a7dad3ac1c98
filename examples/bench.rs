//! The native half of `./build.sh bench`: times the core on the inputs that
//! `bench/inputs.mjs` wrote, and prints the results as JSON for `bench/bench.mjs`, which
//! prints them next to the wasm numbers.
//!
//!     node bench/inputs.mjs target/bench/inputs
//!     cargo run --release --example bench -- target/bench/inputs > target/bench/native.json
//!
//! A check is timed as the wasm surface does it: parse the post JSON, check, serialise the
//! findings to JSON. So the difference to the wasm numbers is wasm itself plus the copy of
//! strings across the JavaScript boundary. No extra crates: std::time::Instant only.

use std::path::{Path, PathBuf};
use std::time::Instant;

use postwacht::{Checker, Post};
use serde_json::{json, Value};

struct Timing {
    budget_ms: f64,
    min_iters: usize,
    max_iters: usize,
    warmup: usize,
}

/// Runs `f` until the time budget is spent (within min/max iterations); returns the
/// sorted per-call times in milliseconds.
fn measure(timing: &Timing, mut f: impl FnMut()) -> Vec<f64> {
    for _ in 0..timing.warmup {
        f();
    }
    let mut times = Vec::new();
    let started = Instant::now();
    while times.len() < timing.min_iters
        || (times.len() < timing.max_iters
            && started.elapsed().as_secs_f64() * 1e3 < timing.budget_ms)
    {
        let t = Instant::now();
        f();
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    times
}

/// The nearest-rank percentile of sorted samples.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn summary(times: &[f64]) -> Value {
    json!({
        "median_ms": percentile(times, 50.0),
        "p95_ms": percentile(times, 95.0),
        "iters": times.len(),
    })
}

fn read(dir: &Path, file: &Value) -> String {
    let path = dir.join(file.as_str().expect("file name"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn main() {
    let dir: PathBuf = std::env::args()
        .nth(1)
        .expect("usage: bench INPUT_DIR (written by bench/inputs.mjs)")
        .into();
    let manifest: Value =
        serde_json::from_str(&read(&dir, &json!("manifest.json"))).expect("manifest.json");
    let t = &manifest["timing"];
    let timing = Timing {
        budget_ms: t["budget_ms"].as_f64().unwrap_or(400.0),
        min_iters: t["min_iters"].as_u64().unwrap_or(15) as usize,
        max_iters: t["max_iters"].as_u64().unwrap_or(3000) as usize,
        warmup: t["warmup"].as_u64().unwrap_or(3) as usize,
    };

    // Set-up: compiling the policy with the set-up roster (1,500 pupils).
    let setup_json = read(&dir, &manifest["setup"]["file"]);
    let times = measure(&timing, || {
        std::hint::black_box(Checker::from_policy_json(&setup_json).expect("setup policy"));
    });
    let setup = json!([{
        "name": "policy",
        "pupils": manifest["setup"]["pupils"],
        "result": summary(&times),
    }]);

    let mut checks = Vec::new();
    for policy in manifest["policies"].as_array().expect("policies") {
        let checker = Checker::from_policy_json(&read(&dir, &policy["file"])).expect("policy");
        for post in manifest["posts"].as_array().expect("posts") {
            let post_json = read(&dir, &post["file"]);
            let mut findings = 0;
            let times = measure(&timing, || {
                let post = Post::from_json(&post_json).expect("post");
                let found = checker.check(&post);
                findings = found.len();
                std::hint::black_box(serde_json::to_string(&found).expect("findings"));
            });
            checks.push(json!({
                "chars": post["chars"],
                "pupils": policy["pupils"],
                "findings": findings,
                "result": summary(&times),
            }));
        }
    }

    // Where the time goes, step by step (src/profile.rs), for the largest roster measured.
    let clock = Instant::now();
    let now = || clock.elapsed().as_secs_f64() * 1e3;
    let mut steps = Vec::new();
    if let Some(policy) = manifest["policies"].as_array().and_then(|p| p.last()) {
        let checker = Checker::from_policy_json(&read(&dir, &policy["file"])).expect("policy");
        for post in manifest["posts"].as_array().expect("posts") {
            let chars = post["chars"].as_u64().unwrap_or(1000);
            let smoke = std::env::args().any(|a| a == "--smoke");
            let iters = (300_000 / chars.max(1)).clamp(3, 1000) as u32 / if smoke { 50 } else { 1 };
            // Median of 5 rounds per step (a round is one loop of `iters` per step).
            let post_json = read(&dir, &post["file"]);
            let rounds: Vec<Vec<(String, f64)>> = (0..if smoke { 1 } else { 5 })
                .map(|_| {
                    postwacht::profile::steps(&checker, &post_json, iters, &now).expect("steps")
                })
                .collect();
            let rows: Vec<(String, f64)> = (0..rounds[0].len())
                .map(|i| {
                    let mut v: Vec<f64> = rounds.iter().map(|r| r[i].1).collect();
                    v.sort_by(|a, b| a.total_cmp(b));
                    (rounds[0][i].0.clone(), v[v.len() / 2])
                })
                .collect();
            steps.push(json!({ "chars": chars, "pupils": policy["pupils"], "steps": rows }));
        }
    }

    let profile = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!(
        "{}",
        json!({ "profile": profile, "setup": setup, "checks": checks, "steps": steps })
    );
}
