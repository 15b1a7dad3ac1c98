//! The post's real context, worked out before the rules run: from which account it is
//! written, who it answers and who writes it. What the caller gives wins; what it leaves
//! open is inferred from what the site shows and the policy says:
//!
//! - account: given (`personal`/`school`) → the identity the composer shows (the school's
//!   name or an alias: the school's account; another name: personal) → the policy's account
//!   for the site (host suffix) → for the platform (school-parent apps: the school's) →
//!   personal.
//! - addressee: given `reply_to` → inferred ([`addressee`]) from `reply_to_text`,
//!   `reply_to_author` and, for a reply, the reply itself.
//! - author role: given → the policy's `author.role` → the post says "als directeur" →
//!   staff.
//!
//! The rules see the resolved context in `post.context` (account never `auto`), and
//! [`Resolved`] says where each part came from, for the extension's card.

pub mod addressee;
pub mod values;
pub mod words;

use crate::compiled::Compiled;
use crate::lexicon::tokens;
use crate::model::{Account, AuthorRole, Post, ReplyTo};
use serde::Serialize;

/// The resolved context and where each part came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resolved {
    pub account: Account,
    /// `given`, `identity`, `site`, `platform` or `default`.
    pub account_from: &'static str,
    pub reply_to: Option<ReplyTo>,
    /// `given`, `inferred` or `none`.
    pub reply_to_from: &'static str,
    /// For an inferred addressee: the words that show it, and where they were
    /// (`answered`, `author` or `reply`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_to_clue: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_to_clue_in: Option<&'static str>,
    pub author_role: AuthorRole,
    /// `given`, `policy`, `text` or `default`.
    pub author_role_from: &'static str,
}

/// The school's name, an alias or the board's name somewhere in `label`.
pub fn names_school(label: &str, policy: &Compiled) -> bool {
    let words = tokens(label);
    if (0..words.len()).any(|i| policy.school_names.longest(&words[i..]).is_some()) {
        return true;
    }
    let board = tokens(&policy.policy.school.board);
    !board.is_empty() && words.windows(board.len()).any(|w| w == board.as_slice())
}

fn account(post: &Post, policy: &Compiled) -> (Account, &'static str) {
    let c = &post.context;
    if c.account != Account::Auto {
        return (c.account, "given");
    }
    if let Some(id) = c.identity.as_deref().filter(|s| !s.trim().is_empty()) {
        let a = if names_school(id, policy) {
            Account::School
        } else {
            Account::Personal
        };
        return (a, "identity");
    }
    let proto = &policy.policy.protocol;
    if let Some(a) = c.host.as_deref().and_then(|h| proto.site_account(h)) {
        return (a, "site");
    }
    if let Some(a) = proto.platform_accounts.get(&c.platform) {
        return (*a, "platform");
    }
    (Account::Personal, "default")
}

/// A personal message ("Beterschap!", "Gefeliciteerd met jullie zoon", "Get well soon"):
/// in a reply to a parent or pupil, the addressee alone does not make it about school;
/// only its own words can (the school-topic score in `rules::analysis`).
pub fn personal_message(words: &[&str]) -> bool {
    !words::get().matches("personal", words).is_empty()
}

/// The post says the writer is a leader: "als directeur", "in mijn rol als bestuurder".
pub fn says_leader(words: &[&str], policy: &Compiled) -> bool {
    let lex = words::get();
    let own: crate::lexicon::PhraseSet<()> = {
        let mut p = crate::lexicon::PhraseSet::default();
        for t in &policy.policy.protocol.leader_titles {
            p.insert(t, ());
        }
        p
    };
    let titles = if own.is_empty() {
        lex.set("leader_title")
    } else {
        &own
    };
    words::matches(lex.set("leader_self"), words)
        .into_iter()
        .any(|(i, n)| {
            words
                .get(i + n..)
                .is_some_and(|rest| titles.longest(rest).is_some())
        })
}

fn role(post: &Post, words: &[&str], policy: &Compiled) -> (AuthorRole, &'static str) {
    if let Some(r) = post.context.author_role {
        return (r, "given");
    }
    if let Some(r) = policy.policy.protocol.author_role {
        return (r, "policy");
    }
    if says_leader(words, policy) {
        return (AuthorRole::Leader, "text");
    }
    (AuthorRole::Staff, "default")
}

/// Resolves the context of `post`; `words` are the normalised words of its text.
pub fn resolve(post: &Post, words: &[&str], policy: &Compiled) -> Resolved {
    let c = &post.context;
    let (account, account_from) = account(post, policy);
    let (author_role, author_role_from) = role(post, words, policy);
    let mut r = Resolved {
        account,
        account_from,
        reply_to: c.reply_to,
        reply_to_from: if c.reply_to.is_some() {
            "given"
        } else {
            "none"
        },
        reply_to_clue: None,
        reply_to_clue_in: None,
        author_role,
        author_role_from,
    };
    // Only a reply answers someone: the site showed the message (or said it is a reply).
    let is_reply = c.reply_to_text.is_some() || c.reply_to_author.is_some();
    if c.reply_to.is_none() && is_reply {
        if let Some(g) = addressee::infer(
            &post.text,
            c.reply_to_text.as_deref(),
            c.reply_to_author.as_deref(),
            policy,
        ) {
            r.reply_to = Some(g.to);
            r.reply_to_from = "inferred";
            r.reply_to_clue = Some(g.clue);
            r.reply_to_clue_in = Some(g.source.as_str());
        }
    }
    r
}

impl Resolved {
    /// `post` with the resolved context in place, or `None` when nothing changed.
    pub fn apply(&self, post: &Post) -> Option<Post> {
        let c = &post.context;
        if c.account == self.account
            && c.reply_to == self.reply_to
            && c.author_role == Some(self.author_role)
        {
            return None;
        }
        let mut p = post.clone();
        p.context.account = self.account;
        p.context.reply_to = self.reply_to;
        p.context.author_role = Some(self.author_role);
        Some(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Platform;
    use crate::testutil::policy;

    fn ctx(f: impl FnOnce(&mut Post)) -> Resolved {
        let mut p = Post::new("Beste ouders van groep 6, morgen is de sportdag.");
        f(&mut p);
        let text = crate::text::Text::new(&p.text);
        let words: Vec<&str> = text.tokens.iter().map(|t| text.word(t)).collect();
        resolve(&p, &words, &policy())
    }

    #[test]
    fn personal_messages_in_dutch_and_english() {
        let is = |s: &str| {
            let words = tokens(s);
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            personal_message(&words)
        };
        for s in [
            "Beterschap!",
            "Van harte gefeliciteerd met jullie zoon",
            "Heel veel sterkte",
            "Congratulations on the birth!",
            "Get well soon",
        ] {
            assert!(is(s), "{s}");
        }
        for s in [
            "Nee, dat klopt niet.",
            "Het beleid is duidelijk.",
            "The decision is final.",
            "Van harte welkom op de informatieavond.",
        ] {
            assert!(!is(s), "{s}");
        }
    }

    #[test]
    fn school_parent_apps_are_the_schools_channel_by_default() {
        let r = ctx(|p| p.context.platform = Platform::Schoolapp);
        assert_eq!((r.account, r.account_from), (Account::School, "platform"));
        let r = ctx(|p| p.context.platform = Platform::Facebook);
        assert_eq!((r.account, r.account_from), (Account::Personal, "default"));
        let r = ctx(|p| {
            p.context.platform = Platform::Schoolapp;
            p.context.account = Account::Personal;
        });
        assert_eq!((r.account, r.account_from), (Account::Personal, "given"));
    }

    #[test]
    fn the_identity_shown_in_the_composer_decides_the_account() {
        let r = ctx(|p| {
            p.context.platform = Platform::Facebook;
            p.context.identity = Some("Lindeschool".into());
        });
        assert_eq!((r.account, r.account_from), (Account::School, "identity"));
        let r = ctx(|p| {
            p.context.platform = Platform::Schoolapp;
            p.context.identity = Some("Marieke Jansen".into());
        });
        assert_eq!((r.account, r.account_from), (Account::Personal, "identity"));
    }

    #[test]
    fn policy_sites_and_platforms_set_the_default_account() {
        let mut pol = policy().policy;
        pol.protocol
            .site_accounts
            .insert("facebook.com".into(), Account::School);
        pol.protocol
            .platform_accounts
            .insert(Platform::Schoolapp, Account::Personal);
        let c = Compiled::new(pol);
        let mut p = Post::new("Hallo");
        p.context.host = Some("m.facebook.com".into());
        assert_eq!(resolve(&p, &["hallo"], &c).account, Account::School);
        p.context.host = None;
        p.context.platform = Platform::Schoolapp;
        assert_eq!(resolve(&p, &["hallo"], &c).account, Account::Personal);
    }

    #[test]
    fn an_explicit_reply_to_wins_and_only_replies_are_inferred() {
        let r = ctx(|p| p.context.reply_to_text = Some("Mijn zoon was ziek.".into()));
        assert_eq!(
            (r.reply_to, r.reply_to_from),
            (Some(ReplyTo::Parent), "inferred")
        );
        assert_eq!(r.reply_to_clue_in, Some("answered"));
        let r = ctx(|p| {
            p.context.reply_to_text = Some("Mijn zoon was ziek.".into());
            p.context.reply_to = Some(ReplyTo::Colleague);
        });
        assert_eq!(
            (r.reply_to, r.reply_to_from),
            (Some(ReplyTo::Colleague), "given")
        );
        // A new post to the parents is an announcement, not a reply.
        let r = ctx(|_| {});
        assert_eq!((r.reply_to, r.reply_to_from), (None, "none"));
        // A reply whose message the site does not show: the reply itself decides.
        let r = ctx(|p| p.context.reply_to_text = Some(String::new()));
        assert_eq!(r.reply_to, Some(ReplyTo::Parent));
    }

    #[test]
    fn the_author_role_comes_from_the_context_the_policy_or_the_post() {
        let r = ctx(|p| p.context.author_role = Some(AuthorRole::Leader));
        assert_eq!(
            (r.author_role, r.author_role_from),
            (AuthorRole::Leader, "given")
        );
        let r = ctx(|_| {});
        assert_eq!(
            (r.author_role, r.author_role_from),
            (AuthorRole::Staff, "default")
        );
        let mut p = Post::new("Als directeur van De Linde ben ik trots op ons team.");
        let text = crate::text::Text::new(&p.text);
        let words: Vec<&str> = text.tokens.iter().map(|t| text.word(t)).collect();
        assert_eq!(
            resolve(&p, &words, &policy()).author_role,
            AuthorRole::Leader
        );
        p.text = "Ik sprak de directeur vandaag.".into();
        let text = crate::text::Text::new(&p.text);
        let words: Vec<&str> = text.tokens.iter().map(|t| text.word(t)).collect();
        assert_eq!(
            resolve(&p, &words, &policy()).author_role,
            AuthorRole::Staff
        );
    }
}
