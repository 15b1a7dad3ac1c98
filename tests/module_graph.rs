//! The core's modules depend on each other in one direction only: no cycle among the
//! top-level modules of `src/` (a cycle makes a module impossible to read, test or move on
//! its own). Read from the `crate::` paths in the non-test code of every file; test code
//! (a `tests.rs`, `testutil.rs`, or the `#[cfg(test)] mod tests` at the end of a file) may
//! use anything. Run: `cargo test --test module_graph`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without its test module (by convention the last item).
fn non_test_code(text: &str) -> &str {
    let lines: Vec<&str> = text.lines().collect();
    let mut offset = 0;
    for (i, l) in lines.iter().enumerate() {
        let next = lines.get(i + 1).map_or("", |n| n.trim_start());
        if l.trim() == "#[cfg(test)]" && next.starts_with("mod tests") {
            return &text[..offset];
        }
        offset += l.len() + 1;
    }
    text
}

/// Top-level modules named by `crate::x` and `crate::{x, y::z}` paths.
fn used_modules(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.trim()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Top level of the group only: "a::{b, c}, d" → a, d.
            let mut depth = 0;
            let mut start = 0;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        out.insert(ident(&group[start..j]));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.insert(ident(&group[start..j]));
                        start = j + 1;
                    }
                    _ => {}
                }
            }
        } else {
            out.insert(ident(rest));
        }
    }
    out.retain(|m| !m.is_empty());
    out
}

#[test]
fn no_cycle_among_the_core_modules() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let rel = f.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        let name = f.file_name().unwrap().to_string_lossy();
        let in_tests_dir = rel.components().any(|c| c.as_os_str() == "tests");
        if ["lib", "main"].contains(&module.as_str())
            || module == "testutil"
            || name == "tests.rs"
            || in_tests_dir
        {
            continue;
        }
        let text = std::fs::read_to_string(f).unwrap();
        let deps = graph.entry(module.clone()).or_default();
        for m in used_modules(non_test_code(&text)) {
            if m != module {
                deps.insert(m);
            }
        }
    }
    // The reader found the modules and their edges (one known edge as a sample).
    assert!(graph.len() > 5, "read the modules: {graph:?}");
    assert!(graph["checker"].contains("rules"), "{graph:?}");
    // Depth-first search; a back edge is a cycle.
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<String>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == m) {
            let mut cycle = path[i..].to_vec();
            cycle.push(m.to_string());
            return Some(cycle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for d in graph.get(m).into_iter().flatten() {
            if let Some(c) = visit(d, graph, done, path) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for m in graph.keys() {
        if let Some(cycle) = visit(m, &graph, &mut done, &mut Vec::new()) {
            panic!(
                "import cycle among src/ modules: {}\nthe graph: {graph:#?}",
                cycle.join(" -> ")
            );
        }
    }
}

#[test]
fn the_path_reader_sees_grouped_and_plain_paths() {
    let m = used_modules("use crate::a::B;\nuse crate::{b::{C, D}, c};\nlet x = crate::d::f();");
    assert_eq!(m.into_iter().collect::<Vec<_>>(), ["a", "b", "c", "d"]);
    assert_eq!(
        non_test_code("fn a() {}\n#[cfg(test)]\nmod tests {\n use crate::x;\n}\n"),
        "fn a() {}\n"
    );
}
