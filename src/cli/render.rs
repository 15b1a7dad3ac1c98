//! The command-line tool's human output: the context line and rustc-style findings.

use postwacht::{Finding, Severity};
use unicode_width::UnicodeWidthStr;

/// The parts of the context the core decided itself (nothing when everything was given).
pub fn render_context(r: &postwacht::context::Resolved) -> String {
    let mut parts = Vec::new();
    if r.account_from != "given" {
        parts.push(format!(
            "account {} (from {})",
            r.account.as_str(),
            r.account_from
        ));
    }
    if r.reply_to_from == "inferred" {
        let to = r.reply_to.map_or("none", |t| t.as_str());
        let clue = r.reply_to_clue.as_deref().unwrap_or("");
        let place = match r.reply_to_clue_in {
            Some("answered") => "the message answered",
            Some("author") => "its author label",
            _ => "the reply",
        };
        parts.push(format!("reply to {to} (inferred: \"{clue}\" in {place})"));
    }
    if r.author_role_from == "text" {
        parts.push(format!("role {} (from the post)", r.author_role.as_str()));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("context: {}\n", parts.join(", "))
    }
}

/// rustc-style output: the severity and rule, the line with the span underlined, the
/// protocol reference and the fixes.
pub fn render_human(text: &str, name: &str, findings: &[Finding], color: bool) -> String {
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    for f in findings {
        let (code, label) = match f.severity {
            Severity::Error => ("1;31", "error"),
            Severity::Warning => ("1;33", "warning"),
            Severity::Info => ("1;36", "info"),
        };
        out.push_str(&format!(
            "{}: {}\n",
            paint(code, &format!("{label}[{}]", f.rule)),
            f.message
        ));
        // Line and column of the span start.
        let before = &text[..f.start_byte];
        let line_no = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[f.start_byte..]
            .find('\n')
            .map_or(text.len(), |i| f.start_byte + i);
        let col = text[line_start..f.start_byte].chars().count() + 1;
        let gutter = " ".repeat(line_no.to_string().len());
        out.push_str(&format!(
            "{gutter}{} {name}:{line_no}:{col}\n",
            paint("1;34", "-->")
        ));
        out.push_str(&format!("{gutter} {}\n", paint("1;34", "|")));
        out.push_str(&format!(
            "{} {} {}\n",
            paint("1;34", &line_no.to_string()),
            paint("1;34", "|"),
            &text[line_start..line_end]
        ));
        let pad = text[line_start..f.start_byte].width();
        let width = text[f.start_byte..f.end_byte.min(line_end)].width().max(1);
        out.push_str(&format!(
            "{gutter} {} {}{}\n",
            paint("1;34", "|"),
            " ".repeat(pad),
            paint(code, &"^".repeat(width))
        ));
        out.push_str(&format!(
            "{gutter} {} {}\n",
            paint("1;34", "="),
            f.reference
        ));
        for fix in &f.fixes {
            out.push_str(&format!(
                "{gutter} {} fix: {}\n",
                paint("1;34", "="),
                fix.label
            ));
        }
        out.push('\n');
    }
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let (e, w, i) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    if findings.is_empty() {
        out.push_str(&format!("{}: no findings\n", paint("1;32", "ok")));
    } else {
        out.push_str(&format!("{e} error(s), {w} warning(s), {i} hint(s)\n"));
    }
    out
}
