//! Word classes: the closed lists the rules' phrase logic is written in, from
//! `lexicon/{nl,en}/word_classes.txt` (one `[section]` per class, a class is the union of
//! both files). Each class is named once here, so a rule cannot name a class that does not
//! exist, and a test checks that every section of the files is a class here.

use super::{sections, set};
use crate::text::FastSet as HashSet;

macro_rules! word_classes {
    ($($(#[$doc:meta])* $field:ident = $section:literal,)*) => {
        /// The word classes, one set per `[section]`.
        #[derive(Default)]
        pub struct Classes {
            $($(#[$doc])* pub $field: HashSet<String>,)*
        }

        /// The section names, in the order of the fields.
        pub const SECTIONS: &[&str] = &[$($section),*];

        impl Classes {
            pub(super) fn load(files: &[&str]) -> Classes {
                let mut c = Classes::default();
                for data in files {
                    let mut s = sections(data);
                    // One loop over the fields, not one expansion per class (wasm size).
                    for (name, class) in [$(($section, &mut c.$field)),*] {
                        class.extend(set(s.remove(name).as_ref()));
                    }
                }
                c
            }

            /// Every class with its section name (for the tests, and as lists patterns name).
            pub fn all(&self) -> Vec<(&'static str, &HashSet<String>)> {
                vec![$(($section, &self.$field)),*]
            }
        }
    };
}

word_classes! {
    /// "4vwo", "3b": what follows the year digits of a class code.
    class_suffixes = "class-suffixes",
    /// "groep", "klas", "year": a number follows.
    group_words = "group-words",
    /// A two-character class code needs one of these next to it.
    class_neighbours = "class-neighbours",
    /// Tussenvoegsels: "van", "de", "ter".
    surname_particles = "surname-particles",
    /// "zoon", "daughter" after an addressee's possessive.
    child_words = "child-words",
    addressee_possessives = "addressee-possessives",
    /// "uit mijn klas": a group noun after a determiner.
    group_nouns = "group-nouns",
    group_determiners = "group-determiners",
    /// "Daan uit groep 6".
    group_prepositions = "group-prepositions",
    /// "R. uit 4vwo".
    initial_prepositions = "initial-prepositions",
    /// "Kevin, die in groep 8 zit".
    relative_pronouns = "relative-pronouns",
    pupil_in_clause = "pupil-in-clause",
    class_prepositions = "class-prepositions",
    /// "leerling Daan".
    pupil_titles = "pupil-titles",
    /// "de moeder van Sem".
    relatives_of = "relatives-of",
    of_words = "of-words",
    second_person_singular = "second-person-singular",
    second_person_plural = "second-person-plural",
    /// "kinderen", "everyone": a sentence about people in general.
    generic_groups = "generic-groups",
    conditional_words = "conditional-words",
    conditional_verbs = "conditional-verbs",
    conditional_addressees = "conditional-addressees",
    person_nouns = "person-nouns",
    singular_pronouns = "singular-pronouns",
    she_verbs = "she-verbs",
    /// "de familie Kuipers", "het gezin Sultani": one named family.
    family_nouns = "family-nouns",
    indefinite_articles = "indefinite-articles",
    /// "een van mijn leerlingen", "one of our pupils".
    one_of = "one-of",
    one_pupil_nouns = "one-pupil-nouns",
    person_determiners = "person-determiners",
    /// "die ouders", "those parents": before a group word, a group, not one pupil's.
    demonstratives = "demonstratives",
    /// "uw kind": after the reader's possessive in a notice, any parent's child.
    any_child_nouns = "any-child-nouns",
    class_plural_determiners = "class-plural-determiners",
    pupil_plurals = "pupil-plurals",
    not_adjectives = "not-adjectives",
    role_mailboxes = "role-mailboxes",
    advice_levels = "advice-levels",
    grade_verbs = "grade-verbs",
    grade_articles = "grade-articles",
    decimal_grade_articles = "decimal-grade-articles",
    units = "units",
    grade_prepositions = "grade-prepositions",
    definite_articles = "definite-articles",
    tests = "tests",
    /// "Tering, de printer is weer kapot.": a curse as an exclamation.
    interjection_curses = "interjection-curses",
    /// "tering druk": a curse as an intensifier.
    intensifier_curses = "intensifier-curses",
    copulas = "copulas",
    belittle_fillers = "belittle-fillers",
    people_pronouns = "people-pronouns",
    kisses = "kisses",
    /// "in Sydney", "naar Florence": a capitalised word after these is a place.
    place_prepositions = "place-prepositions",
    /// "Sofia en Plovdiv": a first name joined to another capitalised word is a list of
    /// names or places; the topic counts it as a pupil only if the other is one too.
    name_conjunctions = "name-conjunctions",
    /// "lol" is also Dutch "fun": not chat-speak after a [noun-determiners] word.
    chat_nouns = "chat-nouns",
    noun_determiners = "noun-determiners",
    /// "k*t", "sh1t": curses recognised masked (the order does not matter).
    masked_curses = "masked-curses",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_is_a_class_and_every_class_is_filled() {
        for data in [
            data_file!("lexicon/nl/word_classes.txt"),
            data_file!("lexicon/en/word_classes.txt"),
        ] {
            for name in sections(data).keys() {
                assert!(
                    SECTIONS.contains(&name.as_str()),
                    "unknown section [{name}]"
                );
            }
        }
        for (name, words) in crate::lexicon::get().classes.all() {
            assert!(!words.is_empty(), "[{name}] is empty");
        }
    }
}
