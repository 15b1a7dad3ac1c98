//! Tests of the word lists and the phrase sets (kept apart: lexicon.rs stays under 500 lines).
use super::*;

/// Every pattern compiles (a bad line panics in `get`), every section has patterns, and
/// every entry of a pattern list is one word (a list entry of two words never matches).
#[test]
fn patterns_compile_and_lists_are_words() {
    let l = get();
    for name in pattern::SECTIONS {
        assert!(
            l.patterns.get(name).is_some_and(|p| !p.is_empty()),
            "[{name}]"
        );
    }
    for data in [
        data_file!("lexicon/nl/pattern_lists.txt"),
        data_file!("lexicon/en/pattern_lists.txt"),
    ] {
        for (name, lines) in sections(data) {
            for w in lines {
                assert_eq!(tokens(&w).len(), 1, "[{name}] {w:?} is not one word");
            }
        }
    }
    for (full, shorts) in &l.short_forms {
        assert!(
            !shorts.is_empty() && !full.is_empty(),
            "short_forms.txt: {full}"
        );
    }
}

#[test]
fn lists_load() {
    let l = get();
    assert!(l.first_names.contains("daan") && l.first_names.len() > 1000);
    assert!(l.chat_speak.longest(&["ff"]).is_some());
    assert_eq!(l.chat_speak.longest(&["ff"]).unwrap().1, "even");
    assert!(l.curses.longest(&["de", "pot", "op"]).is_some());
    assert!(l.name_words.contains("roos"));
    assert!(l.edu_strong.longest(&["op", "school"]).is_some());
}

/// Every section of every data file has entries (a truncated file fails here, not in the field).
#[test]
fn every_section_is_filled() {
    let l = get();
    let sizes = [
        ("slang intensifiers", l.slang_intensifiers.len()),
        ("slang adjectives", l.slang_adjectives.len()),
        ("insults", l.insults.len()),
        ("curse prefixes", l.curse_prefixes.len()),
        ("curse ordinary", l.curse_ordinary.len()),
        ("belittle adjectives", l.belittle_adjectives.len()),
        ("people", l.people.len()),
        ("animals", l.animals.len()),
        ("insult nouns", l.insult_nouns.len()),
        ("predicates", l.predicates.len()),
        ("condition stems", l.condition_stems.len()),
        ("condition general", l.condition_general.len()),
        ("edu strong prefixes", l.edu_strong_prefixes.len()),
        ("edu weak prefixes", l.edu_weak_prefixes.len()),
        ("edu strong suffixes", l.edu_strong_suffixes.len()),
        ("edu weak suffixes", l.edu_weak_suffixes.len()),
        ("edu not compound", l.edu_not_compound.len()),
        ("name words", l.name_words.len()),
        ("titles", l.titles.len()),
    ];
    for (name, n) in sizes {
        assert!(n >= 2, "{name}: {n} entries");
    }
    for (name, p) in [
        ("curses", &l.curses),
        ("conditions", &l.conditions),
        ("family", &l.family),
        ("discipline", &l.discipline),
        ("learning", &l.learning),
        ("edu strong", &l.edu_strong),
        ("edu weak", &l.edu_weak),
    ] {
        assert!(!p.is_empty(), "{name} is empty");
    }
    assert!(l.edu_strong.contains_word("leerling") && l.edu_weak.contains_word("ouders"));
}

#[test]
fn phrase_sets_find_the_longest_phrase_and_keep_the_first_of_equals() {
    let mut p = PhraseSet::default();
    for (phrase, v) in [
        ("krijg", 1),
        ("krijg de tering", 2),
        ("krijg de", 3),
        ("krijg de", 4),
    ] {
        p.insert(phrase, v);
    }
    assert_eq!(p.longest(&["krijg", "de", "tering", "nou"]), Some((3, &2)));
    assert_eq!(p.longest(&["krijg", "de", "pest"]), Some((2, &3)));
    assert_eq!(p.longest(&["krijg", "het"]), Some((1, &1)));
    assert_eq!(p.longest(&["krijg", "de"]), Some((2, &3)));
    assert_eq!(p.longest(&["de"]), None);
    assert!(p.contains_word("krijg") && !p.contains_word("de"));
}
