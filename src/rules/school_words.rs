//! School words several rules share: class codes ("4vwo", "h4"), group words ("groep",
//! "year") and "uw zoon Stan". Used by the topic score, the pupil-name finder and the
//! confidential rules. The words are data: `lexicon/*/word_classes.txt`.

use crate::lexicon::{self, classes::Classes};

fn classes() -> &'static Classes {
    &lexicon::get().classes
}

/// "groep 6", "klas 3", "year 5", class codes ("4vwo", "h4", "3b").
pub fn is_class_code(w: &str) -> bool {
    let digits = w.chars().take_while(char::is_ascii_digit).count();
    let rest = &w[digits..];
    if (1..=2).contains(&digits) && !rest.is_empty() {
        return classes().class_suffixes.contains(rest);
    }
    // "h4", "v5", "a2"
    let mut cs = w.chars();
    matches!(
        (cs.next(), cs.next(), cs.next()),
        (Some('h' | 'v' | 'm' | 't'), Some('1'..='6'), None)
    )
}

pub fn is_small_number(w: &str, max: u32) -> bool {
    w.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n))
}

/// "groep", "klas", "year": a word for a group that a number follows.
pub fn is_group_word(w: &str) -> bool {
    classes().group_words.contains(w)
}

/// "uw zoon Stan", "your daughter Mila": the child of the person addressed, a pupil.
pub fn their_child(words: &[&str], i: usize) -> bool {
    let c = classes();
    i > 1 && c.child_words.contains(words[i - 1]) && c.addressee_possessives.contains(words[i - 2])
}
