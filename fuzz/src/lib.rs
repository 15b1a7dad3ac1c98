//! What every fuzz target asserts about findings (see docs/fuzzing.md): spans inside the
//! text on character boundaries, UTF-16 and byte offsets describing the same text, `text`
//! equal to the spanned slice, and every fix applying cleanly.

use postwacht::{Checker, Finding, Post, Span};

/// The UTF-16 length of `text[..b]` for every character boundary `b` of a text, computed
/// once per text from `char::len_utf16` (not from the core's own offset map). Looking each
/// span up here instead of counting the prefix again keeps the assertions linear in the
/// text: counting per span was a fifth of the `check` target's time.
struct U16At(Vec<usize>);

impl U16At {
    fn new(text: &str) -> U16At {
        let mut at = vec![usize::MAX; text.len() + 1];
        let mut units = 0;
        for (b, c) in text.char_indices() {
            at[b] = units;
            units += c.len_utf16();
        }
        at[text.len()] = units;
        U16At(at)
    }
}

fn span_ok(text: &str, u16_at: &U16At, s: &Span, what: &dyn Fn() -> String) {
    assert!(
        s.start_byte <= s.end_byte && s.end_byte <= text.len(),
        "{}: byte span {}..{} outside text of {} bytes",
        what(),
        s.start_byte,
        s.end_byte,
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start_byte) && text.is_char_boundary(s.end_byte),
        "{}: byte span {}..{} not on character boundaries",
        what(),
        s.start_byte,
        s.end_byte
    );
    assert_eq!(
        (s.start, s.end),
        (u16_at.0[s.start_byte], u16_at.0[s.end_byte]),
        "{}: UTF-16 span does not describe the byte span",
        what()
    );
}

/// Asserts the invariants of `findings` for `text` and returns the texts the fixes make.
pub fn assert_findings(text: &str, findings: &[Finding]) -> Vec<String> {
    let mut fixed = Vec::new();
    if findings.is_empty() {
        return fixed;
    }
    let u16_at = U16At::new(text);
    for f in findings {
        let what = || format!("finding {}", f.rule);
        span_ok(text, &u16_at, &f.span(), &what);
        assert_eq!(
            f.text,
            text[f.start_byte..f.end_byte],
            "{}: text is not the spanned slice",
            what()
        );
        assert!(!f.message.is_empty(), "{}: empty message", what());
        for fix in &f.fixes {
            let s = &fix.span;
            span_ok(text, &u16_at, s, &|| {
                format!("{}, fix {:?}", what(), fix.label)
            });
            let mut out = String::with_capacity(text.len() + fix.replacement.len());
            out.push_str(&text[..s.start_byte]);
            out.push_str(&fix.replacement);
            out.push_str(&text[s.end_byte..]);
            // Valid UTF-8 by construction once the span is on boundaries; check it anyway,
            // the way the extension sees it (bytes back to a string).
            assert!(std::str::from_utf8(out.as_bytes()).is_ok());
            fixed.push(out);
        }
    }
    // Sorted by position, as documented.
    assert!(findings
        .windows(2)
        .all(|w| (w[0].start, w[0].end) <= (w[1].start, w[1].end)));
    fixed
}

/// Checks `post`, asserts the invariants, and checks the first few fixed texts again (a fix
/// must not produce a text that makes the checker fail).
pub fn check_and_assert(checker: &Checker, post: &Post) {
    let findings = checker.check(post);
    let fixed = assert_findings(&post.text, &findings);
    for t in fixed.into_iter().take(2) {
        let p = Post {
            text: t,
            ..post.clone()
        };
        let again = checker.check(&p);
        assert_findings(&p.text, &again);
    }
}

#[cfg(test)]
mod tests {
    use super::assert_findings;
    use postwacht::{Checker, Finding, Post};

    /// A finding of `postwacht` on a text with characters of 1 to 4 bytes (2 UTF-16 units
    /// for the emoji), so that byte, character and UTF-16 offsets all differ.
    fn sample() -> (String, Vec<Finding>) {
        let text = "Café 😀 met Daan, bel 06-12345678 lol!!!".to_string();
        let findings = Checker::with_default_policy().check(&Post::new(text.clone()));
        assert!(findings.iter().any(|f| f.start != f.start_byte));
        (text, findings)
    }

    #[test]
    fn the_core_s_findings_pass() {
        let (text, findings) = sample();
        assert!(
            !assert_findings(&text, &findings).is_empty(),
            "no fix applied"
        );
    }

    #[test]
    #[should_panic(expected = "UTF-16 span does not describe the byte span")]
    fn a_utf16_offset_one_off_fails() {
        let (text, mut findings) = sample();
        let f = findings
            .iter_mut()
            .find(|f| f.start != f.start_byte)
            .unwrap();
        f.end += 1;
        assert_findings(&text, &findings);
    }

    #[test]
    #[should_panic(expected = "not on character boundaries")]
    fn a_byte_span_inside_a_character_fails() {
        let (text, mut findings) = sample();
        let f = &mut findings[0];
        f.start_byte = text.find('😀').unwrap() + 1;
        f.end_byte = f.start_byte.max(f.end_byte);
        assert_findings(&text, &findings);
    }
}
