//! What every fuzz target asserts about findings (see docs/fuzzing.md): spans inside the
//! text on character boundaries, UTF-16 and byte offsets describing the same text, `text`
//! equal to the spanned slice, and every fix applying cleanly.

use postwacht::{Checker, Finding, Post, Span};

/// UTF-16 length of `s[..byte]`.
fn u16_at(s: &str, byte: usize) -> usize {
    s[..byte].encode_utf16().count()
}

fn span_ok(text: &str, s: &Span, what: &str) {
    assert!(
        s.start_byte <= s.end_byte && s.end_byte <= text.len(),
        "{what}: byte span {}..{} outside text of {} bytes",
        s.start_byte,
        s.end_byte,
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start_byte) && text.is_char_boundary(s.end_byte),
        "{what}: byte span {}..{} not on character boundaries",
        s.start_byte,
        s.end_byte
    );
    assert_eq!(
        (s.start, s.end),
        (u16_at(text, s.start_byte), u16_at(text, s.end_byte)),
        "{what}: UTF-16 span does not describe the byte span"
    );
}

/// Asserts the invariants of `findings` for `text` and returns the texts the fixes make.
pub fn assert_findings(text: &str, findings: &[Finding]) -> Vec<String> {
    let mut fixed = Vec::new();
    for f in findings {
        let what = format!("finding {}", f.rule);
        span_ok(text, &f.span(), &what);
        assert_eq!(
            f.text,
            text[f.start_byte..f.end_byte],
            "{what}: text is not the spanned slice"
        );
        assert!(!f.message.is_empty(), "{what}: empty message");
        for fix in &f.fixes {
            let s = &fix.span;
            span_ok(text, s, &format!("{what}, fix {:?}", fix.label));
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
