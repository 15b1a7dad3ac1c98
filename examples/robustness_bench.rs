//! Set-up and large-input figures for issue 14, printed, not asserted (timings on a shared
//! machine make poor tests): `cargo run --release --example robustness_bench [SCALE]`;
//! `... robustness_bench checker`: the set-up of one Checker.
//! The same inputs run in wasm under Node: tests/wasm/robustness-bench.mjs.

use postwacht::{Checker, Post};
use std::time::Instant;

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

/// A roster of `n` pupils as policy JSON: first names from a small set, so many share one.
pub fn roster_json(n: usize) -> String {
    let first = [
        "Daan", "Noor", "Sem", "Roos", "Liam", "Emma", "Mila", "Finn",
    ];
    let mut s = String::from("{\"roster\": [");
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&format!(
            "{{\"name\": \"{} Achternaam{i}\", \"group\": \"{}\", \"consent\": {{\"social\": {}}}}}",
            first[i % first.len()],
            i % 8 + 1,
            i % 2 == 0
        ));
    }
    s.push_str("]}");
    s
}

/// `n` extra words and as many school aliases, all starting with the same word.
pub fn phrases_json(n: usize) -> String {
    let words: Vec<String> = (0..n)
        .map(|i| format!("\"de woord{i} {}\"", "x ".repeat(i % 5)))
        .collect();
    format!(
        "{{\"school\": {{\"name\": \"De Linde\", \"aliases\": [{0}]}}, \"extra_words\": {{\"profanity\": [{0}]}}}}",
        words.join(",")
    )
}

/// About `bytes` of post text: ordinary sentences with a name, a phone number and chat-speak.
pub fn paste(bytes: usize) -> String {
    let s = "Vandaag was Daan uit groep 6 jarig, bel ff 06-12345678 als er iets is. ";
    s.repeat(bytes / s.len() + 1)
}

/// `checker`: what one Checker costs to set up, the first one (which parses the built-in
/// lexicon and compiles its regular expressions, once per process) and every later one
/// (the fuzz targets build one or two per execution), next to one check.
fn checker_setup() {
    let post = Post::new(
        "Wat een top dag met Daan de Vries uit groep 6 van De Regenboog! \
         Bel me op 06-12345678, k*t weer trouwens.",
    );
    let t = Instant::now();
    let first = Checker::with_default_policy();
    println!(
        "first Checker in the process (built-in lexicon compiled): {:.2} ms",
        ms(t)
    );
    let t = Instant::now();
    first.check(&post);
    println!("  its first check: {:.2} ms", ms(t));
    let school = std::fs::read_to_string("samples/school.json").expect("samples/school.json");
    let per = |what: &str, f: &dyn Fn()| {
        let n = 2000;
        let t = Instant::now();
        for _ in 0..n {
            f();
        }
        println!(
            "{what}: {:.2} us each ({n} times)",
            ms(t) * 1000.0 / n as f64
        );
    };
    per("later Checker, default policy", &|| {
        Checker::with_default_policy();
    });
    per(
        "later Checker, samples/school.json (read, validate, compile)",
        &|| {
            Checker::from_policy_json(&school).unwrap();
        },
    );
    per("later Checker::for_extension(\"{}\", \"{}\")", &|| {
        Checker::for_extension("{}", "{}", false);
    });
    per("one check of a two-sentence post, default policy", &|| {
        first.check(&post);
    });
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("checker") {
        checker_setup();
        return;
    }
    // `paste N`: only an N MB paste (for a profiler).
    if std::env::args().nth(1).as_deref() == Some("paste") {
        let mb: usize = std::env::args()
            .nth(2)
            .and_then(|a| a.parse().ok())
            .unwrap_or(4);
        let t = Instant::now();
        let f = Checker::with_default_policy().check(&Post::new(paste(mb << 20)));
        println!(
            "paste of {mb} MB: check {:.0} ms, {} findings",
            ms(t),
            f.len()
        );
        return;
    }
    // `roster N`: only the set-up of an N-pupil roster (for a profiler).
    if std::env::args().nth(1).as_deref() == Some("roster") {
        let n: usize = std::env::args()
            .nth(2)
            .and_then(|a| a.parse().ok())
            .unwrap_or(100_000);
        let json = roster_json(n);
        let t = Instant::now();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let parse = ms(t);
        drop(v);
        let t = Instant::now();
        let p = postwacht::Policy::from_json(&json).unwrap();
        let read = ms(t);
        let t = Instant::now();
        Checker::new(p);
        println!(
            "roster of {n} pupils: JSON to Value {parse:.0} ms; read and validate (one pass over the text, and the duplicate-key pass) {read:.0} ms; compile {:.0} ms",
            ms(t)
        );
        return;
    }
    let scale: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    for n in [10_000 * scale, 100_000 * scale] {
        let json = roster_json(n);
        let t = Instant::now();
        let c = Checker::from_policy_json(&json).unwrap();
        println!("roster of {n} pupils: set-up {:.0} ms", ms(t));
        let t = Instant::now();
        let f = c.check(&Post::new("Trots op Daan Achternaam5 uit groep 6!"));
        println!("  one check: {:.2} ms ({} findings)", ms(t), f.len());
    }
    for n in [10_000, 100_000] {
        let json = phrases_json(n);
        let t = Instant::now();
        Checker::from_policy_json(&json).unwrap();
        println!(
            "{n} aliases + {n} extra words sharing a first word: set-up {:.0} ms",
            ms(t)
        );
    }
    let c = Checker::with_default_policy();
    for mb in [1, 10, 30] {
        let text = paste(mb << 20);
        let t = Instant::now();
        let f = c.check(&Post::new(text));
        let json = serde_json::to_string(&f).unwrap();
        println!(
            "paste of {mb} MB: check {:.0} ms, {} findings, {} MB of findings JSON",
            ms(t),
            f.len(),
            json.len() >> 20
        );
    }
}
