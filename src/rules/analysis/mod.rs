//! What several rules need to know about a post, worked out once per check:
//! - is it about school (the disclaimer's topic, and context for names and photos)? ([`topic`])
//! - does it carry a capacity statement ("op persoonlijke titel")? ([`capacity`])
//! - which words name a pupil, and is that pupil on the roster? (the finder lives with its
//!   category, in [`crate::rules::student_name::finder`])

use super::school_words::their_child;
use super::student_name::finder::Mentions;
pub use super::student_name::finder::{Mention, MentionKind};
use crate::compiled::Compiled;
use crate::lexicon::{self, bit};
use crate::model::{Account, Post, ReplyTo};
use crate::text::Text;

mod capacity;
pub(crate) use capacity::speaks_for_school;
mod topic;

#[derive(Debug, Default)]
pub struct Analysis {
    /// Sum of topic signal weights (strong 2, weak 1, distinct words only).
    pub topic_score: u32,
    /// The first topic signal, for the message and the span of the disclaimer finding.
    pub topic_signal: Option<(usize, usize)>,
    pub about_school: bool,
    /// The capacity statement, where the post has one.
    pub capacity: Option<(usize, usize)>,
    /// About school, from a school account, or a reply to a parent or pupil.
    pub school_context: bool,
    pub mentions: Vec<Mention>,
    /// Original byte ranges of tokens that belong to the school's name.
    pub school_name_tokens: Vec<(usize, usize)>,
}

impl Analysis {
    /// `words` are the normalised words of `text`, `masks` their lexicon bits.
    pub fn new(
        text: &Text,
        words: &[&str],
        masks: &[u32],
        post: &Post,
        policy: &Compiled,
    ) -> Analysis {
        let lex = lexicon::get();
        let mut a = Analysis::default();
        let mut school_name_mask = vec![false; words.len()];

        // School names first: they are topic signals, and their words are not pupil names.
        let mut i = 0;
        while i < words.len() {
            if let Some((n, _)) = policy.school_names.longest(&words[i..]) {
                for m in school_name_mask.iter_mut().skip(i).take(n) {
                    *m = true;
                }
                a.school_name_tokens
                    .push((text.tokens[i].start, text.tokens[i + n - 1].end));
                i += n;
            } else if let Some((n, _)) = lex.book_names.longest(&words[i..]) {
                // "Jip en Janneke", "Dick Bruna": book characters and authors are not pupils.
                for m in school_name_mask.iter_mut().skip(i).take(n) {
                    *m = true;
                }
                i += n;
            } else {
                i += 1;
            }
        }

        // Roster lookup keys: the words themselves, or their hashes for a hashed roster.
        let keys = policy.roster.keys(words);
        a.topic(text, words, masks, &keys, post, policy, lex);
        a.capacity = a.find_capacity(text, words, policy);
        a.school_context = a.about_school
            || post.context.account == Account::School
            || matches!(
                post.context.reply_to,
                Some(ReplyTo::Parent | ReplyTo::Student)
            );
        a.mentions = Mentions {
            text,
            words,
            post,
            policy,
            lex,
            school_context: a.school_context,
            school_name_mask: &school_name_mask,
            keys: &keys,
            masks,
            staff_in_post: policy
                .staff_full
                .iter()
                .filter(|full| {
                    words
                        .windows(full.len())
                        .any(|win| win.iter().zip(full.iter()).all(|(a, b)| a == b))
                })
                .map(|full| full[0].clone())
                .collect(),
            adults: (1..words.len())
                .filter(|&i| {
                    masks[i - 1] & bit::TITLE != 0
                        && text.tokens[i].capitalized
                        && text
                            .gap(&text.tokens[i - 1], &text.tokens[i])
                            .chars()
                            .all(|c| c == ' ')
                        && !their_child(words, i)
                })
                .map(|i| words[i].to_string())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect(),
        }
        .find();
        // A pupil named in full or in a pupil context makes the post about school, whatever
        // else it says ("Gesprek met de vader van Thomas ...").
        if !a.about_school {
            if let Some(m) = a.mentions.iter().find(|m| m.explicit) {
                a.about_school = true;
                a.school_context = true;
                a.topic_signal = Some((m.start, m.end));
            }
        }
        a
    }
}
