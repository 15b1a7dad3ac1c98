//! The checker: a compiled policy plus the rules, turning a post into findings.

use crate::compiled::Compiled;
use crate::context::{self, Resolved};
use crate::messages::render;
use crate::model::{Finding, Fix, Post, Severity, Span};
use crate::policy::{parse_teacher_rules, Policy, PolicyError, PolicyErrors, RuleRow, Setting};
use crate::rules::analysis::Analysis;
use crate::rules::{self, Ctx, Hit, Rule};
use crate::text::{Text, Utf16Map};

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
    pub fn from_policy_json(json: &str) -> Result<Checker, String> {
        Policy::from_json(json)
            .map(Checker::new)
            .map_err(|e: PolicyErrors| e.to_string())
    }

    /// Keeps checking with the valid parts of a broken policy; `problems()` lists the rest.
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
    pub fn check(&self, post: &Post) -> Vec<Finding> {
        self.check_in_context(post).0
    }

    /// The context `post` is checked in: its account, addressee and author role, given or
    /// inferred ([`crate::context`]).
    pub fn resolve_context(&self, post: &Post) -> Resolved {
        let text = Text::new(&post.text);
        let words: Vec<&str> = text.tokens.iter().map(|t| text.word(t)).collect();
        context::resolve(post, &words, &self.compiled)
    }

    /// [`Checker::check`] and the context the post was checked in.
    pub fn check_in_context(&self, post: &Post) -> (Vec<Finding>, Resolved) {
        let text = Text::new(&post.text);
        let words: Vec<&str> = text.tokens.iter().map(|t| text.word(t)).collect();
        let resolved = context::resolve(post, &words, &self.compiled);
        let owned = resolved.apply(post);
        let post = owned.as_ref().unwrap_or(post);
        (self.check_resolved(post, &text, &words), resolved)
    }

    fn check_resolved(&self, post: &Post, text: &Text, words: &[&str]) -> Vec<Finding> {
        let lex = crate::lexicon::get();
        let masks: Vec<u32> = words.iter().map(|w| lex.mask(w)).collect();
        let analysis = Analysis::new(text, words, &masks, post, &self.compiled);
        let ctx = Ctx {
            post,
            text,
            words,
            masks: &masks,
            policy: &self.compiled,
            analysis: &analysis,
        };
        let mut hits: Vec<Hit> = Vec::new();
        for r in &self.rules {
            r.check(&ctx, &mut hits);
        }
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
}
