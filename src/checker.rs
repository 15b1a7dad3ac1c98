//! The checker: a compiled policy plus the rules, turning a post into findings.

use crate::compiled::Compiled;
use crate::context::{self, Resolved};
use crate::messages::render;
use crate::model::{Finding, Fix, Post, Severity, Span};
use crate::policy::{parse_teacher_rules, Policy, PolicyError, PolicyErrors, RuleRow, Setting};
use crate::rules::analysis::Analysis;
use crate::rules::{self, Ctx, Hit, Rule};
use crate::text::{Text, Utf16Map};

/// The most of a post one check reads: 1 MiB of UTF-8 (a long social-media post is a few
/// thousand characters; Facebook's limit is about 63,000).
pub const MAX_CHECKED_BYTES: usize = 1 << 20;

/// The most findings one check returns (plus the notice that there were more): their JSON
/// must stay small enough to hand to JavaScript (a 30 MB paste made 580 MB of findings).
pub const MAX_FINDINGS: usize = 1000;

/// Where to stop reading a text for a limit of `max` bytes: the text's length when it fits,
/// else the last line break or space before the limit (so no word is cut), or the last
/// character boundary when there is none in the last 4 KiB.
fn cut_point(text: &str, max: usize) -> usize {
    if text.len() <= max {
        return text.len();
    }
    let mut cut = max;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let window = &text.as_bytes()[cut.saturating_sub(4096)..cut];
    match window.iter().rposition(|b| matches!(b, b'\n' | b' ')) {
        Some(i) => cut - window.len() + i + 1,
        None => cut,
    }
}

/// The part of a post longer than [`MAX_CHECKED_BYTES`] that a check reads (offsets into
/// it are offsets into the whole post); `None` when the post fits.
fn head(post: &Post) -> Option<Post> {
    let cut = cut_point(&post.text, MAX_CHECKED_BYTES);
    (cut < post.text.len()).then(|| Post {
        text: post.text[..cut].to_string(),
        ..post.clone()
    })
}

/// A finding about the check itself, reported whatever the policy's settings.
fn notice(post: &Post, key: &str, span: Span, args: &[(&str, String)]) -> Finding {
    Finding {
        category: crate::model::Category::Informal,
        rule: key.to_string(),
        severity: Severity::Warning,
        start: span.start,
        end: span.end,
        start_byte: span.start_byte,
        end_byte: span.end_byte,
        text: post.text[span.start_byte..span.end_byte].to_string(),
        message: render(post.locale, key, args),
        reference: render(post.locale, "ref.informal", &[]),
        fixes: Vec::new(),
    }
}

pub struct Checker {
    compiled: Compiled,
    rules: Vec<Box<dyn Rule>>,
    /// Problems found in a leniently read policy (the parts that were dropped).
    problems: Vec<PolicyError>,
}

impl Checker {
    /// Compiles a validated policy.
    pub fn new(policy: Policy) -> Checker {
        Checker {
            compiled: Compiled::new(policy),
            rules: rules::all(),
            problems: Vec::new(),
        }
    }

    /// A checker with the embedded default policy (no school, no roster, every rule on).
    pub fn with_default_policy() -> Checker {
        Checker::new(Policy::default())
    }

    /// Parses, validates and compiles a policy; the error names every path and problem.
    #[cfg_attr(postwacht_size, optimize(size))]
    #[inline(never)]
    pub fn from_policy_json(json: &str) -> Result<Checker, String> {
        Policy::from_json(json)
            .map(Checker::new)
            .map_err(|e: PolicyErrors| e.to_string())
    }

    /// Keeps checking with the valid parts of a broken policy; `problems()` lists the rest.
    #[cfg_attr(postwacht_size, optimize(size))]
    #[inline(never)]
    pub fn from_policy_json_lenient(json: &str) -> Checker {
        let (p, problems) = Policy::from_json_lenient(json);
        let mut c = Checker::new(p);
        c.problems = problems;
        c
    }

    /// What the browser extension runs: the policy read leniently (empty text: the default
    /// policy), the teacher's rule settings applied on top (`teacher_rules_json`, see
    /// [`Policy::apply_teacher_rules`]; under a `managed` policy they only make rules
    /// stricter), and every rule's row for the options page.
    #[cfg_attr(postwacht_size, optimize(size))]
    #[inline(never)]
    pub fn for_extension(
        policy_json: &str,
        teacher_rules_json: &str,
        managed: bool,
    ) -> (Checker, Vec<RuleRow>) {
        let (mut policy, problems) = if policy_json.trim().is_empty() {
            (Policy::default(), Vec::new())
        } else {
            Policy::from_json_lenient(policy_json)
        };
        let rows = policy.apply_teacher_rules(&parse_teacher_rules(teacher_rules_json), managed);
        let mut c = Checker::new(policy);
        c.problems = problems;
        (c, rows)
    }

    pub fn policy(&self) -> &Policy {
        &self.compiled.policy
    }

    pub fn problems(&self) -> &[PolicyError] {
        &self.problems
    }

    /// Checks one post. Findings come sorted by position.
    ///
    /// A post longer than [`MAX_CHECKED_BYTES`] is checked up to there (a paste of a whole
    /// document is not a post, and checking it all took seconds and gigabytes in wasm), and
    /// at most [`MAX_FINDINGS`] findings are returned; either way a last finding says so
    /// (`informal.too-long`, `informal.too-many`, whatever the policy's settings).
    pub fn check(&self, post: &Post) -> Vec<Finding> {
        self.check_in_context(post).0
    }

    /// The context `post` is checked in: its account, addressee and author role, given or
    /// inferred ([`crate::context`]), from the part of the post a check reads.
    pub fn resolve_context(&self, post: &Post) -> Resolved {
        let head = head(post);
        let post = head.as_ref().unwrap_or(post);
        let text = Text::new(&post.text);
        let (words, _) = Self::words(&text);
        context::resolve(post, &words, &self.compiled)
    }

    /// [`Checker::check`] and the context the post was checked in.
    pub fn check_in_context(&self, post: &Post) -> (Vec<Finding>, Resolved) {
        let head = head(post);
        let (mut out, resolved) = self.check_all(head.as_ref().unwrap_or(post));
        if out.len() > MAX_FINDINGS {
            let dropped = out.len() - MAX_FINDINGS;
            let first = out[MAX_FINDINGS].span();
            out.truncate(MAX_FINDINGS);
            let args = [("count", dropped.to_string())];
            out.push(notice(post, "informal.too-many", first, &args));
        }
        if let Some(head) = &head {
            let cut = head.text.len();
            let next = post.text[cut..].chars().next().map_or(0, char::len_utf8);
            let map = Utf16Map::new(&post.text[..cut + next]);
            let span = Span {
                start: map.u16(cut),
                end: map.u16(cut + next),
                start_byte: cut,
                end_byte: cut + next,
            };
            let args = [("checked", head.text.chars().count().to_string())];
            out.push(notice(post, "informal.too-long", span, &args));
        }
        (out, resolved)
    }

    fn check_all(&self, post: &Post) -> (Vec<Finding>, Resolved) {
        let text = Text::new(&post.text);
        let (words, masks) = Self::words(&text);
        let resolved = context::resolve(post, &words, &self.compiled);
        let owned = resolved.apply(post);
        let post = owned.as_ref().unwrap_or(post);
        (self.check_resolved(post, &text, &words, &masks), resolved)
    }

    /// Steps 3-5 of a check, in the resolved context.
    fn check_resolved(
        &self,
        post: &Post,
        text: &Text,
        words: &[&str],
        masks: &[u32],
    ) -> Vec<Finding> {
        let analysis = Analysis::new(text, words, masks, post, &self.compiled);
        let hits = self.hits(&Ctx {
            post,
            text,
            words,
            masks,
            policy: &self.compiled,
            analysis: &analysis,
        });
        self.findings(hits, post)
    }

    /// Step 2 of a check: the normalised words and their lexicon masks.
    pub(crate) fn words<'t>(text: &'t Text) -> (Vec<&'t str>, Vec<u32>) {
        let words: Vec<&str> = text.tokens.iter().map(|t| text.word(t)).collect();
        let lex = crate::lexicon::get();
        let masks: Vec<u32> = words.iter().map(|w| lex.mask(w)).collect();
        (words, masks)
    }

    /// Step 4: every rule's hits.
    pub(crate) fn hits(&self, ctx: &Ctx) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::new();
        for r in &self.rules {
            r.check(ctx, &mut hits);
        }
        hits
    }

    pub(crate) fn rules(&self) -> &[Box<dyn Rule>] {
        &self.rules
    }

    pub(crate) fn compiled(&self) -> &Compiled {
        &self.compiled
    }

    /// Step 5: the hits as findings (severity from the policy, messages, UTF-16 spans).
    pub(crate) fn findings(&self, hits: Vec<Hit>, post: &Post) -> Vec<Finding> {
        let map = Utf16Map::new(&post.text);
        let mut out: Vec<Finding> = hits
            .into_iter()
            .filter_map(|h| self.finding(h, post, &map))
            .collect();
        out.sort_by_key(|f| (f.start, f.end, std::cmp::Reverse(f.severity)));
        out
    }

    fn finding(&self, h: Hit, post: &Post, map: &Utf16Map) -> Option<Finding> {
        let info = h.rule;
        let policy = &self.compiled.policy;
        let severity = match policy.setting(info.id, info.category, info.default) {
            Setting::Off => return None,
            // Hints stay hints unless the policy names the rule itself.
            Setting::On(_)
                if info.default == Severity::Info && !policy.rules.contains_key(info.id) =>
            {
                Severity::Info
            }
            Setting::On(s) => s,
        };
        let text = &post.text;
        let span = |s: usize, e: usize| Span {
            start: map.u16(s),
            end: map.u16(e),
            start_byte: s,
            end_byte: e,
        };
        let locale = post.locale;
        let mut args = h.args.clone();
        args.push(("match", text[h.start..h.end].to_string()));
        let fixes = h
            .fixes
            .iter()
            .map(|f| {
                let mut a = args.clone();
                a.insert(0, ("replacement", f.replacement.clone()));
                Fix {
                    label: render(locale, f.label, &a),
                    replacement: f.replacement.clone(),
                    span: span(f.start, f.end),
                }
            })
            .collect();
        let sp = span(h.start, h.end);
        Some(Finding {
            category: info.category,
            rule: info.id.to_string(),
            severity,
            start: sp.start,
            end: sp.end,
            start_byte: h.start,
            end_byte: h.end,
            text: text[h.start..h.end].to_string(),
            // A school's own wording (policy `statements.*.message`) replaces the built-in one.
            message: match h
                .args
                .iter()
                .find(|(k, v)| *k == "message" && !v.is_empty())
            {
                Some((_, m)) => m.clone(),
                None => render(locale, info.id, &args),
            },
            reference: render(locale, info.reference, &[]),
            fixes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_found(c: &Checker, text: &str) -> Vec<String> {
        c.check(&Post::new(text))
            .into_iter()
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn for_extension_applies_the_teachers_settings_within_the_schools_floor() {
        let text = "Hoi allemaal xxx, bel me op 06-12345678";
        let school = r#"{"school": {"name": "De Linde"}, "rules": {"informal": "warning"}}"#;
        let teacher = r#"{"informal": "off", "confidential.phone": "warning"}"#;
        // Imported (not managed): the teacher decides, in both directions.
        let (c, rows) = Checker::for_extension(school, teacher, false);
        let found = rules_found(&c, text);
        assert!(
            !found.iter().any(|r| r.starts_with("informal.")),
            "{found:?}"
        );
        let phone = c
            .check(&Post::new(text))
            .into_iter()
            .find(|f| f.rule == "confidential.phone")
            .unwrap();
        assert_eq!(phone.severity, Severity::Warning);
        assert_eq!(rows.len(), rules::RULES.len());
        // Managed: weaker choices do not count.
        let (c, rows) = Checker::for_extension(school, teacher, true);
        let found = rules_found(&c, text);
        assert!(found.iter().any(|r| r == "informal.kisses"), "{found:?}");
        let phone = c
            .check(&Post::new(text))
            .into_iter()
            .find(|f| f.rule == "confidential.phone")
            .unwrap();
        assert_eq!(phone.severity, Severity::Error);
        assert!(rows.iter().all(|r| r.locked));
    }

    #[test]
    fn for_extension_reads_a_broken_policy_leniently_and_an_empty_one_as_the_default() {
        let (c, _) = Checker::for_extension(r#"{"shcool": {}}"#, "", true);
        assert_eq!(c.problems().len(), 1);
        let (c, rows) = Checker::for_extension("", "{}", false);
        assert!(c.problems().is_empty());
        assert_eq!(c.policy(), &Policy::default());
        assert!(rows.iter().all(|r| r.effective == Setting::On(r.default)));
    }

    #[test]
    fn a_huge_paste_is_checked_up_to_the_limit_with_a_notice() {
        let c = Checker::with_default_policy();
        // 2.5 MiB of sentences with chat-speak and a phone number each, and an é per line
        // so the cut must find a character boundary.
        let line = "Bel ff 06-12345678 als er iets is, café. ";
        let text = line.repeat((5 << 19) / line.len());
        let f = c.check(&Post::new(text.clone()));
        assert!(f.len() <= MAX_FINDINGS + 2, "{} findings", f.len());
        let many = &f[f.len() - 2];
        assert_eq!(many.rule, "informal.too-many");
        assert!(many.message.contains("meldingen"), "{}", many.message);
        let long = f.last().unwrap();
        assert_eq!(long.rule, "informal.too-long");
        assert!(long.start_byte <= MAX_CHECKED_BYTES && text.is_char_boundary(long.start_byte));
        assert_eq!(long.text, &text[long.start_byte..long.end_byte]);
        assert_eq!(long.start, text[..long.start_byte].encode_utf16().count());
        assert!(f
            .windows(2)
            .all(|w| (w[0].start, w[0].end) <= (w[1].start, w[1].end)));
        // A school that turns informal off still learns that the rest was not checked.
        let c = Checker::from_policy_json(r#"{"rules": {"informal": "off"}}"#).unwrap();
        let f = c.check(&Post::new(text));
        assert_eq!(f.last().unwrap().rule, "informal.too-long");
        // Short posts are untouched.
        let f = c.check(&Post::new(line));
        assert!(f.iter().all(|x| !x.rule.ends_with("too-long")));
    }

    #[test]
    fn the_cut_falls_after_a_space_and_on_a_character_boundary() {
        assert_eq!(cut_point("abc", 10), 3);
        assert_eq!(cut_point("aaa bbbb", 6), 4);
        let s = "é".repeat(10);
        assert_eq!(cut_point(&s, 5), 4);
    }
}
