//! The teacher's own rule settings on top of the school's policy, as the extension applies
//! them (its options page stores them as `settings.rules`: category or rule id → "error",
//! "warning", "info" or "off").
//!
//! Without a managed policy the teacher's choice is what counts. Under a managed policy
//! (set by the school's IT) every rule's setting in the school's policy is a floor: the
//! teacher can make a rule stricter, never weaker.

use super::{Policy, Setting};
use crate::catalog::RULES;
use crate::model::{Category, Severity};
use serde::{Serialize, Serializer};
use serde_json::Value;
use std::collections::BTreeMap;

/// Strictness order: off < info < warning < error.
fn rank(s: Setting) -> u8 {
    match s {
        Setting::Off => 0,
        Setting::On(Severity::Info) => 1,
        Setting::On(Severity::Warning) => 2,
        Setting::On(Severity::Error) => 3,
    }
}

impl Setting {
    pub fn as_str(self) -> &'static str {
        match self {
            Setting::Off => "off",
            Setting::On(s) => s.as_str(),
        }
    }

    /// `"off"` or a severity; anything else is no setting.
    pub fn parse(s: &str) -> Option<Setting> {
        if s == "off" {
            Some(Setting::Off)
        } else {
            Severity::parse(s).map(Setting::On)
        }
    }
}

impl Serialize for Setting {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One rule as the extension's options page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleRow {
    pub id: &'static str,
    pub category: Category,
    /// The rule's default severity.
    pub default: Severity,
    /// What the school's policy sets (its own entry, else its category's, else the default).
    pub school: Setting,
    /// What the teacher chose for the rule or its category, if anything.
    pub teacher: Option<Setting>,
    /// What is in force.
    pub effective: Setting,
    /// The school's setting is a floor (a managed policy).
    pub locked: bool,
}

/// The teacher's settings from JSON (`{"informal": "off", "confidential.phone": "error"}`).
/// Entries that are not a setting are skipped, and so is anything that is not an object:
/// they come from the extension's own storage, so there is nobody to report them to.
pub fn parse_teacher_rules(json: &str) -> BTreeMap<String, Setting> {
    let Ok(Value::Object(m)) = serde_json::from_str::<Value>(json) else {
        return BTreeMap::new();
    };
    m.into_iter()
        .filter_map(|(k, v)| Some((k, Setting::parse(v.as_str()?)?)))
        .collect()
}

impl Policy {
    /// Applies the teacher's settings (see the module docs) and returns every rule's row.
    /// Where the result differs from the school's setting it is written into
    /// [`Policy::rules`] under the rule id, which wins over the category in the checker.
    pub fn apply_teacher_rules(
        &mut self,
        teacher: &BTreeMap<String, Setting>,
        managed: bool,
    ) -> Vec<RuleRow> {
        let rows = self.rule_rows(teacher, managed);
        for row in &rows {
            if row.effective != row.school {
                self.rules.insert(row.id.to_string(), row.effective);
            }
        }
        rows
    }

    /// Every rule's row with the teacher's settings, without applying them.
    pub fn rule_rows(&self, teacher: &BTreeMap<String, Setting>, managed: bool) -> Vec<RuleRow> {
        let mut rows = Vec::with_capacity(RULES.len());
        for r in RULES {
            let school = self.setting(r.id, r.category, r.default);
            let mine = teacher
                .get(r.id)
                .or_else(|| teacher.get(r.category.as_str()))
                .copied();
            let effective = match mine {
                Some(m) if managed && rank(m) < rank(school) => school,
                Some(m) => m,
                None => school,
            };
            rows.push(RuleRow {
                id: r.id,
                category: r.category,
                default: r.default,
                school,
                teacher: mine,
                effective,
                locked: managed,
            });
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row<'a>(rows: &'a [RuleRow], id: &str) -> &'a RuleRow {
        rows.iter().find(|r| r.id == id).unwrap()
    }

    fn teacher(json: &str) -> BTreeMap<String, Setting> {
        parse_teacher_rules(json)
    }

    #[test]
    fn without_a_managed_policy_the_teacher_decides() {
        let mut p = Policy::from_json(r#"{"rules": {"informal": "error"}}"#).unwrap();
        let rows = p.apply_teacher_rules(&teacher(r#"{"informal.kisses": "off"}"#), false);
        let k = row(&rows, "informal.kisses");
        assert_eq!(k.school, Setting::On(Severity::Error));
        assert_eq!(k.teacher, Some(Setting::Off));
        assert_eq!(k.effective, Setting::Off);
        assert!(!k.locked);
        assert_eq!(p.rules.get("informal.kisses"), Some(&Setting::Off));
        // Untouched rules keep the school's setting and add nothing to the policy.
        assert_eq!(
            row(&rows, "informal.emoji").effective,
            Setting::On(Severity::Error)
        );
        assert!(!p.rules.contains_key("informal.emoji"));
    }

    #[test]
    fn under_a_managed_policy_the_school_is_a_floor() {
        let mut p =
            Policy::from_json(r#"{"rules": {"informal": "warning", "discussion": "info"}}"#)
                .unwrap();
        let rows = p.apply_teacher_rules(
            &teacher(r#"{"informal": "off", "discussion": "error", "profanity.curse": "info"}"#),
            true,
        );
        // Weaker than the school: the school's setting stays.
        let chat = row(&rows, "informal.chat-speak");
        assert_eq!(chat.teacher, Some(Setting::Off));
        assert_eq!(chat.effective, Setting::On(Severity::Warning));
        assert!(chat.locked);
        assert!(!p.rules.contains_key("informal.chat-speak"));
        let curse = row(&rows, "profanity.curse");
        assert_eq!(curse.effective, Setting::On(Severity::Error));
        // Stricter: the teacher's, written in by rule id.
        let d = row(&rows, "discussion.public-reply");
        assert_eq!(d.school, Setting::On(Severity::Info));
        assert_eq!(d.effective, Setting::On(Severity::Error));
        assert_eq!(
            p.rules.get("discussion.public-reply"),
            Some(&Setting::On(Severity::Error))
        );
    }

    #[test]
    fn a_rule_id_of_the_teacher_wins_over_their_category() {
        let mut p = Policy::default();
        let rows = p.apply_teacher_rules(
            &teacher(r#"{"confidential": "warning", "confidential.bsn": "info"}"#),
            false,
        );
        assert_eq!(
            row(&rows, "confidential.bsn").effective,
            Setting::On(Severity::Info)
        );
        assert_eq!(
            row(&rows, "confidential.phone").effective,
            Setting::On(Severity::Warning)
        );
    }

    #[test]
    fn teacher_settings_that_are_not_settings_are_skipped() {
        assert!(teacher("not json").is_empty());
        assert!(teacher("[1]").is_empty());
        let t = teacher(r#"{"informal": "loud", "profanity": 3, "discussion": "off"}"#);
        assert_eq!(t.len(), 1);
        assert_eq!(t.get("discussion"), Some(&Setting::Off));
    }

    #[test]
    fn rows_serialise_as_the_options_page_reads_them() {
        let mut p = Policy::default();
        let rows = p.apply_teacher_rules(&BTreeMap::new(), false);
        assert_eq!(rows.len(), RULES.len());
        let v = serde_json::to_value(row(&rows, "confidential.phone")).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"id": "confidential.phone", "category": "confidential",
                "default": "error", "school": "error", "teacher": null, "effective": "error",
                "locked": false})
        );
    }
}
