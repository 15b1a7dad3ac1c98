//! Reading the protocol keys of a policy (`accounts`, `author`, `statements`; see
//! [`crate::policy::protocol`]), with the validator's paths and hints.

use super::{join, kind, Validator};
use crate::model::{Account, AuthorRole, Platform};
use crate::policy::format::{self, keys};
use crate::policy::protocol::{Protocol, SpeakForSchool, Statement};
use serde_json::{Map, Value};

const PLATFORMS: [&str; 6] = [
    "facebook",
    "x",
    "linkedin",
    "instagram",
    "schoolapp",
    "other",
];

impl Validator {
    /// The protocol keys of the top-level object `m`, on top of the defaults.
    pub(super) fn protocol(&mut self, m: &Map<String, Value>) -> Protocol {
        let mut p = Protocol::default();
        if let Some(v) = m.get("accounts") {
            self.accounts(v, &mut p);
        }
        if let Some(v) = m.get("author") {
            self.author(v, &mut p);
        }
        if let Some(v) = m.get("statements") {
            self.statements(v, &mut p);
        }
        p
    }

    fn account(&mut self, path: &str, v: &Value) -> Option<Account> {
        let s = self.string(path, v)?;
        match Account::parse(&s) {
            Some(a @ (Account::School | Account::Personal)) => Some(a),
            _ => {
                self.err(
                    path,
                    format!("unknown account \"{s}\"; expected \"school\" or \"personal\""),
                );
                None
            }
        }
    }

    fn accounts(&mut self, v: &Value, p: &mut Protocol) {
        let Some(m) = self.object("accounts", v, &keys(format::ACCOUNTS)) else {
            return;
        };
        if let Some(pl) = m.get("platforms") {
            if let Some(pm) = self.object("accounts.platforms", pl, &PLATFORMS) {
                for (k, val) in pm {
                    let Some(platform) = Platform::parse(k) else {
                        continue; // reported by object()
                    };
                    if let Some(a) = self.account(&join("accounts.platforms", k), val) {
                        p.platform_accounts.insert(platform, a);
                    }
                }
            }
        }
        if let Some(sites) = m.get("sites") {
            match sites {
                Value::Object(sm) => {
                    for (k, val) in sm {
                        let path = format!("accounts.sites[\"{k}\"]");
                        let key = Protocol::site_key(k);
                        if key.is_empty() || !key.contains('.') || key.contains(char::is_whitespace)
                        {
                            self.err(&path, "expected a host name such as \"facebook.com\"");
                            continue;
                        }
                        if let Some(a) = self.account(&path, val) {
                            p.site_accounts.insert(key, a);
                        }
                    }
                }
                other => self.err(
                    "accounts.sites",
                    format!(
                        "expected an object of host name → account, found {}",
                        kind(other)
                    ),
                ),
            }
        }
    }

    fn author(&mut self, v: &Value, p: &mut Protocol) {
        let Some(m) = self.object("author", v, &keys(format::AUTHOR)) else {
            return;
        };
        if let Some(r) = m.get("role").and_then(|x| self.string("author.role", x)) {
            match AuthorRole::parse(&r) {
                Some(role) => p.author_role = Some(role),
                None => self.err(
                    "author.role",
                    format!("unknown role \"{r}\"; expected \"staff\" or \"leader\""),
                ),
            }
        }
        if let Some(t) = m.get("leader_titles") {
            p.leader_titles = self.strings("author.leader_titles", t);
        }
    }

    fn statement(&mut self, path: &str, v: &Value, into: &mut Statement) {
        let Some(m) = self.object(path, v, &keys(format::STATEMENT)) else {
            return;
        };
        if let Some(b) = m
            .get("required")
            .and_then(|x| self.boolean(&join(path, "required"), x))
        {
            into.required = b;
        }
        if let Some(x) = m.get("phrases") {
            into.phrases = self.strings(&join(path, "phrases"), x);
        }
        if let Some(x) = m.get("text") {
            into.text = self.localized(&join(path, "text"), x, &into.text);
        }
        if let Some(x) = m.get("message") {
            into.message = self.localized(&join(path, "message"), x, &into.message);
        }
    }

    fn statements(&mut self, v: &Value, p: &mut Protocol) {
        let Some(m) = self.object("statements", v, &keys(format::STATEMENTS)) else {
            return;
        };
        for (key, st) in [
            ("capacity", &mut p.capacity),
            ("employee", &mut p.employee),
            ("comments", &mut p.comments),
            ("representative", &mut p.representative),
        ] {
            if let Some(x) = m.get(key) {
                self.statement(&join("statements", key), x, st);
            }
        }
        if let Some(s) = m
            .get("speak_for_school")
            .and_then(|x| self.string("statements.speak_for_school", x))
        {
            match s.as_str() {
                "anyone" => p.speak_for_school = SpeakForSchool::Anyone,
                "leaders" => p.speak_for_school = SpeakForSchool::Leaders,
                _ => self.err(
                    "statements.speak_for_school",
                    format!("unknown value \"{s}\"; expected \"anyone\" or \"leaders\""),
                ),
            }
        }
        if let Some(x) = m.get("speak_for_school_message") {
            p.speak_for_school_message = self.localized(
                "statements.speak_for_school_message",
                x,
                &p.speak_for_school_message,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Account, AuthorRole, Platform};
    use crate::policy::protocol::SpeakForSchool;
    use crate::policy::Policy;

    #[test]
    fn protocol_keys_are_read_with_paths_for_mistakes() {
        let p = Policy::from_json(
            r#"{"accounts": {"platforms": {"schoolapp": "personal", "facebook": "school"},
                             "sites": {"www.parro.com": "school"}},
                "author": {"role": "leader", "leader_titles": ["rector"]},
                "statements": {"employee": {"required": true, "phrases": ["ik werk op"],
                                            "text": "Ik werk op {school}."},
                               "speak_for_school": "leaders"}}"#,
        )
        .unwrap();
        let pr = &p.protocol;
        assert_eq!(
            pr.platform_accounts.get(&Platform::Schoolapp),
            Some(&Account::Personal)
        );
        assert_eq!(pr.site_account("parro.com"), None);
        assert_eq!(pr.site_account("www.parro.com"), Some(Account::School));
        assert_eq!(pr.author_role, Some(AuthorRole::Leader));
        assert!(pr.employee.required);
        assert_eq!(pr.employee.text.en, "Ik werk op {school}.");
        assert_eq!(pr.speak_for_school, SpeakForSchool::Leaders);
        assert!(pr.capacity.required, "defaults stay");

        let e = Policy::from_json(
            r#"{"accounts": {"platforms": {"parro": "school", "x": "auto"}, "sites": {"nodot": "school"}},
                "author": {"role": "boss"},
                "statements": {"employee": {"requird": true}, "speak_for_school": "all"}}"#,
        )
        .unwrap_err()
        .to_string();
        for part in [
            "accounts.platforms.parro: unknown key",
            "accounts.platforms.x: unknown account \"auto\"",
            "accounts.sites[\"nodot\"]: expected a host name",
            "author.role: unknown role \"boss\"",
            "statements.employee.requird: unknown key; did you mean \"required\"?",
            "statements.speak_for_school: unknown value \"all\"",
        ] {
            assert!(e.contains(part), "{part} in {e}");
        }
    }
}
