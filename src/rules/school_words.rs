//! School words several rules share: class codes ("4vwo", "h4"), group words ("groep",
//! "year") and "uw zoon Stan". Used by the topic score, the pupil-name finder and the
//! confidential rules.

/// "groep 6", "klas 3", "year 5", class codes ("4vwo", "h4", "3b").
pub fn is_class_code(w: &str) -> bool {
    let digits = w.chars().take_while(char::is_ascii_digit).count();
    let rest = &w[digits..];
    if (1..=2).contains(&digits) && !rest.is_empty() {
        return matches!(
            rest,
            "vwo"
                | "havo"
                | "vmbo"
                | "mavo"
                | "gym"
                | "tl"
                | "kb"
                | "bb"
                | "gt"
                | "atheneum"
                | "gymnasium"
                | "hv"
                | "a"
                | "b"
                | "c"
                | "d"
                | "e"
                | "f"
                | "g"
                | "h"
                | "v"
                | "m"
        );
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

pub const GROUP_WORDS: [&str; 9] = [
    "groep", "klas", "jaar", "leerjaar", "year", "class", "grade", "group", "form",
];

/// "uw zoon Stan", "your daughter Mila": the child of the person addressed, a pupil.
pub fn their_child(words: &[&str], i: usize) -> bool {
    i > 1
        && matches!(
            words[i - 1],
            "zoon" | "zoontje" | "dochter" | "dochtertje" | "kind" | "son" | "daughter" | "child"
        )
        && matches!(
            words[i - 2],
            "uw" | "your" | "hun" | "their" | "je" | "jouw"
        )
}
