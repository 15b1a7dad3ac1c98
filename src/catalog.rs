//! Every rule the checker can report, defined once: its id, category and default severity.
//! Rules name what they report by value (`Hit::new(&catalog::confidential::PHONE, ..)`),
//! so a mistyped rule does not compile; the id string exists only here. The messages per
//! id (`messages/*.txt`) and the protocol reference per category (`ref.<category>`) are
//! checked against this list by a test in [`crate::messages`].
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
}

macro_rules! catalog {
    ($($module:ident: $cat:ident { $($name:ident = $id:literal, $sev:ident;)* })*) => {
        $(
            #[doc = concat!("The rules of the `", stringify!($module), "` category.")]
            pub mod $module {
                use super::*;
                $(
                    #[doc = concat!("`", $id, "`")]
                    pub const $name: RuleDef =
                        RuleDef { id: $id, category: Category::$cat, default: Severity::$sev };
                )*
            }
        )*
        /// Every rule, in reporting order. Policies set severities by these ids or by category.
        pub const RULES: &[RuleDef] = &[$($($module::$name,)*)*];
    };
}

catalog! {
    disclaimer: Disclaimer {
        MISSING = "disclaimer.missing", Warning;
    }
    student_name: StudentName {
        ROSTER = "student-name.roster", Error;
        CONTEXT = "student-name.context", Error;
        INITIAL = "student-name.initial", Warning;
    }
    photo_consent: PhotoConsent {
        NO_CONSENT = "photo-consent.no-consent", Error;
        UNKNOWN_PUPIL = "photo-consent.unknown-pupil", Warning;
        UNCONFIRMED = "photo-consent.unconfirmed", Warning;
        CONSENTED = "photo-consent.consented", Info;
        FACES = "photo-consent.faces", Warning;
        NOT_INSPECTED = "photo-consent.not-inspected", Info;
    }
    informal: Informal {
        CHAT_SPEAK = "informal.chat-speak", Warning;
        KISSES = "informal.kisses", Warning;
        STRETCHED = "informal.stretched", Warning;
        PUNCTUATION = "informal.punctuation", Warning;
        EMOJI = "informal.emoji", Warning;
        SHOUTING = "informal.shouting", Warning;
        SLANG = "informal.slang", Warning;
    }
    profanity: Profanity {
        CURSE = "profanity.curse", Error;
        INSULT = "profanity.insult", Error;
        BELITTLING = "profanity.belittling", Error;
    }
    confidential: Confidential {
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
    discussion: Discussion {
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
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len());
    }
}
