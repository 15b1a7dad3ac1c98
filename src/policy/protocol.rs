//! The parts of a policy that say what this school's protocol demands of a post's context:
//! which account a site or platform counts as, who counts as a leader, and which
//! statements a school-topic post from a personal account must carry.
//!
//! Read by [`super::validate`] (keys in [`super::format`]); used by the `context` module
//! (account, role) and the disclaimer rules (statements).

use super::Localized;
use crate::model::{Account, AuthorRole, Platform};
use std::collections::BTreeMap;

/// One statement a school-topic post from a personal account may have to carry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Statement {
    pub required: bool,
    /// Extra phrasings that count, besides the built-in ones (lexicon).
    pub phrases: Vec<String>,
    /// What the fix inserts; `{school}` is the school's name.
    pub text: Localized,
    /// The school's own wording of the finding; empty: the built-in message.
    pub message: Localized,
}

/// Who may write "namens de school" / "wij als school" from a personal account.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SpeakForSchool {
    /// Anyone (the statement is a capacity statement like any other).
    #[default]
    Anyone,
    /// Only leaders (and the school's own account); other staff write in the first person.
    Leaders,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Protocol {
    /// Default account per platform (school-parent apps: the school's channel).
    pub platform_accounts: BTreeMap<Platform, Account>,
    /// Default account per site, matched on the host name and its parents
    /// (`facebook.com` covers `www.facebook.com` and `m.facebook.com`).
    pub site_accounts: BTreeMap<String, Account>,
    /// The role of whoever uses this browser profile (IT sets it per organisational unit).
    pub author_role: Option<AuthorRole>,
    /// Job titles that make the writer a leader when a post says "als <title>"; empty:
    /// the built-in list (lexicon).
    pub leader_titles: Vec<String>,
    /// "Op persoonlijke titel" or on behalf of the school.
    pub capacity: Statement,
    /// "Ik ben medewerker van ...".
    pub employee: Statement,
    /// "Ik ben niet verantwoordelijk voor reacties van anderen."
    pub comments: Statement,
    /// For a leader: the statement that they write as the school's representative.
    pub representative: Statement,
    pub speak_for_school: SpeakForSchool,
    /// The wording of the "not authorised to speak for the school" finding; empty: built in.
    pub speak_for_school_message: Localized,
}

fn text(nl: &str, en: &str) -> Localized {
    Localized {
        nl: nl.into(),
        en: en.into(),
    }
}

impl Default for Protocol {
    fn default() -> Self {
        let mut platform_accounts = BTreeMap::new();
        platform_accounts.insert(Platform::Schoolapp, Account::School);
        Protocol {
            platform_accounts,
            site_accounts: BTreeMap::new(),
            author_role: None,
            leader_titles: Vec::new(),
            capacity: Statement {
                required: true,
                ..Statement::default()
            },
            employee: Statement {
                required: false,
                text: text("Ik ben medewerker van {school}.", "I work at {school}."),
                ..Statement::default()
            },
            comments: Statement {
                required: false,
                text: text(
                    "Ik ben niet verantwoordelijk voor reacties van anderen.",
                    "I am not responsible for comments by others.",
                ),
                ..Statement::default()
            },
            representative: Statement {
                required: true,
                text: text(
                    "Ik schrijf dit als schoolleider van {school}.",
                    "I write this as a leader of {school}.",
                ),
                ..Statement::default()
            },
            speak_for_school: SpeakForSchool::Anyone,
            speak_for_school_message: Localized::default(),
        }
    }
}

/// A host name without a trailing dot, lower case.
fn clean_host(h: &str) -> String {
    h.trim().trim_end_matches('.').to_ascii_lowercase()
}

impl Protocol {
    /// The policy's account for a host: the entry for the host itself or the nearest parent
    /// domain (`m.facebook.com` → `facebook.com`).
    pub fn site_account(&self, host: &str) -> Option<Account> {
        let mut h = clean_host(host);
        loop {
            if let Some(a) = self.site_accounts.get(&h) {
                return Some(*a);
            }
            match h.split_once('.') {
                Some((_, rest)) if rest.contains('.') => h = rest.to_string(),
                _ => return None,
            }
        }
    }

    /// Normalises a site key as the policy gives it (`https://www.Parro.com/` → `www.parro.com`).
    pub fn site_key(s: &str) -> String {
        let s = s.trim();
        let s = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))
            .unwrap_or(s);
        clean_host(s.split('/').next().unwrap_or(""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_accounts_match_the_host_and_its_parent_domains() {
        let mut p = Protocol::default();
        p.site_accounts
            .insert(Protocol::site_key("https://Facebook.com/"), Account::School);
        for h in [
            "facebook.com",
            "www.facebook.com",
            "m.facebook.com",
            "WWW.FACEBOOK.COM.",
        ] {
            assert_eq!(p.site_account(h), Some(Account::School), "{h}");
        }
        assert_eq!(p.site_account("notfacebook.com"), None);
        assert_eq!(p.site_account("com"), None);
    }
}
