//! Who a reply answers, when the site cannot say: a parent, a pupil or a colleague, inferred
//! from the message being answered, its author label and the reply itself. The phrases are
//! data (`lexicon/*/context.txt`); this file only weighs them.
//!
//! Each clue adds to its group's score: a phrase in the answered message that shows who
//! wrote it ("mijn zoon", "my grade") weighs most, then the author label (a roster pupil,
//! a staff member), a roster pupil addressed by name, a phrase of the reply that addresses
//! a group ("beste ouders", "uw dochter", "je cijfer"), a title with a surname ("mevrouw
//! Jansen"), and least the form of address (formal "u" without "je"). A group wins with at
//! least [`MIN_SCORE`] and more than any other; otherwise nothing is inferred.

use super::words::{self, Words};
use crate::compiled::Compiled;
use crate::model::ReplyTo;
use crate::text::Text;

const GROUPS: [(ReplyTo, &str); 3] = [
    (ReplyTo::Parent, "parent"),
    (ReplyTo::Student, "student"),
    (ReplyTo::Colleague, "colleague"),
];

const ANSWERED: u32 = 4;
const AUTHOR: u32 = 5;
const VOCATIVE: u32 = 4;
const REPLY: u32 = 3;
const HONORIFIC: u32 = 3;
const FORMAL: u32 = 2;
/// The message answered addresses the teacher formally ("kunt u ...") or as "juf"/"meester"
/// (how parents in primary school address a teacher): an adult, most likely a parent, but a
/// weak clue, outweighed by any phrase that shows a pupil or a colleague.
const ADULT_ADDRESS: u32 = 1;
const INFORMAL: u32 = 1;
/// Per chat-speak word in the answered message ("wnr", "ff"), at most [`CHAT_MAX`]: pupils
/// write like that more than parents or colleagues do, but it decides nothing alone.
const CHAT: u32 = 1;
const CHAT_MAX: u32 = 2;
pub const MIN_SCORE: u32 = 3;

/// The form of address in a reply, used alone: (its pronouns, the other form's, the groups
/// it points at by [`GROUPS`] index, the weight).
const ADDRESS: [(&str, &str, &[usize], u32); 2] = [
    ("formal", "informal", &[0], FORMAL),
    ("informal", "formal", &[1, 2], INFORMAL),
];

/// Where the deciding clue was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Answered,
    Author,
    Reply,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Answered => "answered",
            Source::Author => "author",
            Source::Reply => "reply",
        }
    }
}

/// An inferred addressee with its strongest clue (the words as written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    pub to: ReplyTo,
    pub clue: String,
    pub source: Source,
}

#[derive(Default)]
struct Tally {
    score: [u32; 3],
    /// Per group, its heaviest clue: (weight, words, where).
    best: [Option<(u32, String, Source)>; 3],
}

impl Tally {
    fn add(&mut self, g: usize, w: u32, clue: &str, src: Source) {
        self.score[g] += w;
        if self.best[g].as_ref().is_none_or(|(bw, _, _)| w > *bw) {
            self.best[g] = Some((w, clue.to_string(), src));
        }
    }

    fn winner(self) -> Option<Guess> {
        let (g, &top) = self.score.iter().enumerate().max_by_key(|(_, s)| **s)?;
        let beaten = self
            .score
            .iter()
            .enumerate()
            .all(|(i, s)| i == g || *s < top);
        if top < MIN_SCORE || !beaten {
            return None;
        }
        let (_, clue, source) = self.best[g].clone()?;
        Some(Guess {
            to: GROUPS[g].0,
            clue,
            source,
        })
    }
}

/// The normalised words of a text with the text itself (for the original of a clue).
struct Words2<'a> {
    text: Text<'a>,
    words: Vec<String>,
}

impl<'a> Words2<'a> {
    fn new(s: &'a str) -> Words2<'a> {
        let text = Text::new(s);
        let words = text
            .tokens
            .iter()
            .map(|t| text.word(t).to_string())
            .collect();
        Words2 { text, words }
    }
    /// The first word that is a one-word entry of `section`.
    fn first_of(&self, lex: &Words, section: &str) -> Option<usize> {
        let set = lex.set(section);
        self.words.iter().position(|x| set.contains_word(x))
    }
    fn orig(&self, i: usize, n: usize) -> &'a str {
        let t = &self.text.tokens;
        &self.text.orig[t[i].start..t[i + n - 1].end]
    }
}

/// Phrases of `section.G` in `w`, each distinct phrase once.
fn phrases(t: &mut Tally, lex: &Words, prefix: &str, w: &Words2, weight: u32, src: Source) {
    for (g, (_, name)) in GROUPS.iter().enumerate() {
        let mut seen: Vec<&[String]> = Vec::new();
        for (i, n) in lex.matches(&format!("{prefix}.{name}"), &w.words) {
            let key = &w.words[i..i + n];
            if !seen.contains(&key) {
                seen.push(key);
                t.add(g, weight, w.orig(i, n), src);
            }
        }
    }
}

fn is_staff(policy: &Compiled, words: &[String], i: usize) -> bool {
    policy.staff_first.contains(&words[i])
        || policy
            .staff_full
            .iter()
            .any(|full| full.len() > 1 && full[1..].iter().zip(&words[i..]).all(|(a, b)| a == b))
}

fn is_pupil_first_name(policy: &Compiled, w: &str) -> bool {
    policy.roster.is_first_name(&policy.roster.key(w))
}

/// Infers who a reply (`reply`, the post) answers. `answered` and `author` are the message
/// being answered and its author label, where the site shows them.
pub fn infer(
    reply: &str,
    answered: Option<&str>,
    author: Option<&str>,
    policy: &Compiled,
) -> Option<Guess> {
    let lex = words::get();
    let mut t = Tally::default();
    if let Some(a) = answered.filter(|a| !a.trim().is_empty()) {
        let w = Words2::new(a);
        phrases(&mut t, lex, "answered", &w, ANSWERED, Source::Answered);
        let first = |section: &str| w.first_of(lex, section);
        let informal = first("informal").is_some();
        if let Some(i) = first("teacher_address").or(first("formal").filter(|_| !informal)) {
            t.add(0, ADULT_ADDRESS, w.orig(i, 1), Source::Answered);
        }
        let chat = &crate::lexicon::get().chat_speak;
        let mut n = 0;
        for i in 0..w.words.len() {
            if n < CHAT_MAX && chat.longest(&w.words[i..]).is_some_and(|(k, _)| k == 1) {
                n += CHAT;
                t.add(1, CHAT, w.orig(i, 1), Source::Answered);
            }
        }
    }
    if let Some(a) = author.filter(|a| !a.trim().is_empty()) {
        let w = Words2::new(a);
        phrases(&mut t, lex, "answered", &w, ANSWERED, Source::Author);
        let toks = &w.text.tokens;
        if let Some(i) = (0..w.words.len()).find(|&i| toks[i].capitalized) {
            if is_staff(policy, &w.words, i) {
                t.add(2, AUTHOR, a.trim(), Source::Author);
            } else if is_pupil_first_name(policy, &w.words[i]) {
                t.add(1, AUTHOR, a.trim(), Source::Author);
            }
        }
    }
    let w = Words2::new(reply);
    phrases(&mut t, lex, "reply", &w, REPLY, Source::Reply);
    let toks = &w.text.tokens;
    // The form of address, where the reply uses only one: formal "u" (a parent), informal
    // "je" (a pupil or a colleague).
    for (section, other, groups, weight) in ADDRESS {
        if let (Some(i), None) = (w.first_of(lex, section), w.first_of(lex, other)) {
            for &g in groups {
                t.add(g, weight, w.orig(i, 1), Source::Reply);
            }
        }
    }
    // "mevrouw Jansen", "Mrs Smith": an adult addressed by title and surname.
    let honor = lex.set("honorific");
    for i in 0..w.words.len().saturating_sub(1) {
        if honor.contains_word(&w.words[i]) && toks[i + 1].capitalized {
            let g = if is_staff(policy, &w.words, i + 1) {
                2
            } else {
                0
            };
            t.add(g, HONORIFIC, w.orig(i, 2), Source::Reply);
            break;
        }
    }
    // A roster pupil addressed by first name at the start of the reply: "Sanne, ...",
    // "Hoi Sanne!", "@Sanne".
    let greet = lex.set("greeting");
    let first = usize::from(w.words.first().is_some_and(|x| greet.contains_word(x)));
    if let Some(tok) = toks.get(first) {
        let name = &w.words[first];
        let next_is_name_end = toks.get(first + 1).is_none_or(|n| {
            n.sentence != tok.sentence || {
                let gap = w.text.gap(tok, n);
                gap.contains(',') || gap.contains('!') || gap.contains(':')
            }
        });
        if tok.capitalized
            && next_is_name_end
            && is_pupil_first_name(policy, name)
            && !is_staff(policy, &w.words, first)
        {
            t.add(1, VOCATIVE, w.orig(first, 1), Source::Reply);
        }
    }
    t.winner()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::policy;

    fn who(reply: &str, answered: Option<&str>) -> Option<ReplyTo> {
        infer(reply, answered, None, &policy()).map(|g| g.to)
    }

    #[test]
    fn a_parent_writing_about_their_child_is_a_parent() {
        let nl = "Mijn dochter zegt dat ze niet mee mocht op schoolreis. Waarom niet?";
        assert_eq!(
            who("Dat klopt, dat is besproken.", Some(nl)),
            Some(ReplyTo::Parent)
        );
        let en = "My son came home upset again, nobody told us anything.";
        assert_eq!(
            who("We did tell everyone.", Some(en)),
            Some(ReplyTo::Parent)
        );
        let g = infer("Klopt.", Some(nl), None, &policy()).unwrap();
        assert_eq!(
            (g.clue.as_str(), g.source),
            ("Mijn dochter", Source::Answered)
        );
    }

    #[test]
    fn a_pupils_message_is_a_pupil() {
        assert_eq!(
            who(
                "Dat heb ik in de les gezegd.",
                Some("wanneer krijgen we mijn cijfer van de toets terug??")
            ),
            Some(ReplyTo::Student)
        );
        assert_eq!(
            who("It was on the board.", Some("Is my homework due friday?")),
            Some(ReplyTo::Student)
        );
    }

    #[test]
    fn chat_speak_in_the_answered_message_tips_towards_a_pupil() {
        let pupil = "kheb het ff nagekeken maar egt geen idee";
        assert_eq!(
            who("Heb je het al bekeken?", Some(pupil)),
            Some(ReplyTo::Student)
        );
        assert_eq!(who("Dank voor de vraag.", Some(pupil)), None);
    }

    #[test]
    fn an_adult_addressing_the_teacher_tips_towards_a_parent() {
        let formal = "Kunt u uitleggen waarom dat zo gegaan is?";
        assert_eq!(who("Dat is besproken.", Some(formal)), None);
        assert_eq!(
            who("Dat heeft u goed gezien.", Some(formal)),
            Some(ReplyTo::Parent)
        );
        assert_eq!(
            who(
                "Dat heeft u goed gezien.",
                Some("Juf, waarom was het feest zo kort?")
            ),
            Some(ReplyTo::Parent)
        );
        // A pupil's phrase outweighs it.
        assert_eq!(
            who(
                "Dat heeft u goed gezien.",
                Some("Meneer, kunt u mijn cijfer nog eens bekijken?")
            ),
            Some(ReplyTo::Student)
        );
    }

    #[test]
    fn the_reply_itself_shows_the_addressee() {
        for (s, to) in [
            (
                "Beste ouders, de regels gelden voor iedereen.",
                ReplyTo::Parent,
            ),
            ("Uw zoon is gewoon op tijd opgehaald.", ReplyTo::Parent),
            (
                "Mevrouw Jansen, dat is niet wat er gebeurd is.",
                ReplyTo::Parent,
            ),
            (
                "Dear parents, the rules are the same for everyone.",
                ReplyTo::Parent,
            ),
            ("Your daughter was picked up on time.", ReplyTo::Parent),
            ("Daan, je cijfer blijft staan.", ReplyTo::Student),
            (
                "Hoi Fleur! Dat hebben we in de les besproken.",
                ReplyTo::Student,
            ),
            (
                "Beste collega's, dank voor het meedenken.",
                ReplyTo::Colleague,
            ),
        ] {
            assert_eq!(who(s, None), Some(to), "{s}");
        }
    }

    #[test]
    fn the_form_of_address_alone_decides_nothing_but_tips_the_balance() {
        assert_eq!(who("Dank voor uw bericht.", None), None);
        assert_eq!(who("Dank je wel!", None), None);
        // A staff member addressed by title is a colleague, not a parent.
        assert_eq!(
            who("Meneer Verbeek, dank voor de hulp.", None),
            Some(ReplyTo::Colleague)
        );
    }

    #[test]
    fn author_labels_name_pupils_and_staff() {
        let p = policy();
        let g = infer("Dank je.", None, Some("Noor Bakker"), &p).unwrap();
        assert_eq!((g.to, g.source), (ReplyTo::Student, Source::Author));
        let g = infer("Dank je.", None, Some("Joris van den Berg"), &p).unwrap();
        assert_eq!(g.to, ReplyTo::Colleague);
        let g = infer("Dank u.", None, Some("Anja (moeder van Sem)"), &p).unwrap();
        assert_eq!(g.to, ReplyTo::Parent);
    }

    #[test]
    fn ordinary_words_and_names_that_are_not_pupils_infer_nothing() {
        for s in [
            "Mooi weer vandaag.",
            "Storm op komst, blijf binnen.",
            "Thanks, see you at the meeting.",
            "Emma, dank voor de hulp.",
        ] {
            assert_eq!(who(s, None), None, "{s}");
        }
    }
}
