//! Every rule the checker can report, defined once: its id, category, default severity and
//! protocol reference.
//! Rules name what they report by value (`Hit::new(&catalog::confidential::PHONE, ..)`),
//! so a mistyped rule does not compile; the id string exists only here. The messages per
//! id (`messages/*.txt`) and the protocol reference of every rule are checked against this
//! list by a test in [`crate::messages`]. A rule cites its category's reference
//! (`ref.<category>`) unless the catalog gives it one of its own (`ref "ref.<rule id>"`).
//!
//! This module depends on [`crate::model`] only, so the policy (which knows the rule ids
//! for validation) and the rules (which report them) both use it without a cycle.

use crate::model::{Category, Severity};

/// A rule's identity: what a policy sets a severity for and a finding names.
#[derive(Debug, PartialEq, Eq)]
pub struct RuleDef {
    pub id: &'static str,
    pub category: Category,
    pub default: Severity,
    /// Message key of the protocol rule a finding cites (`ref.<category>` by default).
    pub reference: &'static str,
}

/// The reference key of a rule: its own, or its category's.
macro_rules! reference {
    ($cat_id:literal) => {
        concat!("ref.", $cat_id)
    };
    ($cat_id:literal, $own:literal) => {
        $own
    };
}

macro_rules! catalog {
    ($($module:ident: $cat:ident $cat_id:literal {
        $($name:ident = $id:literal, $sev:ident $(, ref $ref:literal)?;)*
    })*) => {
        $(
            #[doc = concat!("The rules of the `", stringify!($module), "` category.")]
            pub mod $module {
                use super::*;
                $(
                    #[doc = concat!("`", $id, "`")]
                    pub const $name: RuleDef = RuleDef {
                        id: $id,
                        category: Category::$cat,
                        default: Severity::$sev,
                        reference: reference!($cat_id $(, $ref)?),
                    };
                )*
            }
        )*
        /// Every rule, in reporting order. Policies set severities by these ids or by category.
        pub const RULES: &[RuleDef] = &[$($($module::$name,)*)*];
    };
}

catalog! {
    disclaimer: Disclaimer "disclaimer" {
        MISSING = "disclaimer.missing", Warning;
        LEADER = "disclaimer.leader", Warning;
        EMPLOYEE = "disclaimer.employee", Warning;
        COMMENTS = "disclaimer.comments", Warning;
        ON_BEHALF = "disclaimer.on-behalf", Warning;
    }
    student_name: StudentName "student-name" {
        ROSTER = "student-name.roster", Error;
        CONTEXT = "student-name.context", Error;
        INITIAL = "student-name.initial", Warning;
    }
    photo_consent: PhotoConsent "photo-consent" {
        NO_CONSENT = "photo-consent.no-consent", Error;
        UNKNOWN_PUPIL = "photo-consent.unknown-pupil", Warning;
        UNCONFIRMED = "photo-consent.unconfirmed", Warning;
        NO_PUPILS_SAID = "photo-consent.no-pupils-said", Info;
        CONSENTED = "photo-consent.consented", Info;
        FACES = "photo-consent.faces", Warning;
        NOT_INSPECTED = "photo-consent.not-inspected", Info;
    }
    informal: Informal "informal" {
        CHAT_SPEAK = "informal.chat-speak", Warning;
        KISSES = "informal.kisses", Warning;
        STRETCHED = "informal.stretched", Warning;
        PUNCTUATION = "informal.punctuation", Warning;
        EMOJI = "informal.emoji", Warning;
        SHOUTING = "informal.shouting", Warning;
        SLANG = "informal.slang", Warning;
    }
    profanity: Profanity "profanity" {
        CURSE = "profanity.curse", Error;
        INSULT = "profanity.insult", Error;
        BELITTLING = "profanity.belittling", Error;
    }
    confidential: Confidential "confidential" {
        PHONE = "confidential.phone", Error;
        EMAIL = "confidential.email", Error;
        ADDRESS = "confidential.address", Error;
        BSN = "confidential.bsn", Error;
        BANK = "confidential.bank", Error;
        BIRTHDATE = "confidential.birthdate", Error;
        HEALTH = "confidential.health", Error;
        GRADE = "confidential.grade", Error;
        FAMILY = "confidential.family", Error;
        DISCIPLINE = "confidential.discipline", Error;
        PHOTO_LOCATION = "confidential.photo-location", Warning;
    }
    discussion: Discussion "discussion" {
        PUBLIC_REPLY = "discussion.public-reply", Warning;
    }
}

pub fn rule_ids() -> impl Iterator<Item = &'static str> {
    RULES.iter().map(|r| r.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_start_with_their_category() {
        let mut ids: Vec<&str> = rule_ids().collect();
        for r in RULES {
            assert!(
                r.id.starts_with(&format!("{}.", r.category.as_str())),
                "{}",
                r.id
            );
        }
        for r in RULES {
            assert!(
                r.reference == format!("ref.{}", r.category.as_str())
                    || r.reference == format!("ref.{}", r.id),
                "{}: reference {}",
                r.id,
                r.reference
            );
        }
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len());
    }
}
