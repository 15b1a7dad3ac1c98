//! Unit tests of the profanity rule.
use crate::testutil::*;

#[test]
fn curses_and_insults_dutch_and_english() {
    for (s, m) in [
        ("Kut, alweer vergaderen.", "Kut"),
        ("Godverdomme, daar lopen kleuters!", "Godverdomme"),
        ("Die inspectie kan de pot op.", "de pot op"),
        ("Wat een stelletje debielen vandaag.", "debielen"),
        ("Some parents are absolute idiots.", "idiots"),
        ("Who comes up with this shit?", "shit"),
        ("Fucking ridiculous, no heating at school.", "Fucking"),
        ("Dit is echt BULLSHIT.", "BULLSHIT"),
        ("Tering, de printer is weer kapot.", "Tering"),
    ] {
        assert!(has_span(&check_school(s), "profanity", m), "{s}");
    }
}

#[test]
fn disease_compounds_but_not_medical_words() {
    for (s, m) in [
        ("Wat een tyfusdag.", "tyfusdag"),
        ("Kankerzooi, dat nieuwe systeem.", "Kankerzooi"),
        ("Een kutregeling is het.", "kutregeling"),
        ("Wat een pokkenweer.", "pokkenweer"),
    ] {
        assert!(has_span(&check_school(s), "profanity", m), "{s}");
    }
    for s in [
        "We lopen mee voor het kankeronderzoek.",
        "De klerenkast in de gymzaal is vol.",
        "Klasse gedaan, groep 8!",
        "Scunthorpe is a town in England.",
        "Our assessment policy changed.",
        "Hij heeft kanker en is voorlopig afwezig.",
        "De verbetering van de toetsen is klaar.",
    ] {
        assert_no_category(&check_school(s), "profanity", s);
    }
}

#[test]
fn obfuscations() {
    for (s, m) in [
        ("Wat een k*t dag", "k*t"),
        ("This is sh1t.", "sh1t"),
        ("f**k this", "f**k"),
        ("Ｋｕｔ, vergeten.", "Ｋｕｔ"),
        ("k\u{200B}ut vergeten", "k\u{200B}ut"),
    ] {
        assert!(
            has_span(&check_school(s), "profanity", m),
            "{s}: {:#?}",
            check_school(s)
        );
    }
    for s in [
        "Bel 06-12345678",
        "Groep 8a en 8b",
        "Kosten: €5,- p.p.",
        "Mail info@school.nl",
        "#groep5",
    ] {
        assert_no_category(&check_school(s), "profanity", s);
    }
}

#[test]
fn belittling_people_of_the_school() {
    assert!(has_span(
        &check_school("Onze waardeloze directeur weer."),
        "profanity",
        "waardeloze directeur"
    ));
    assert!(has_span(
        &check_school("Those stupid parents again."),
        "profanity",
        "stupid parents"
    ));
    assert_no_category(
        &check_school("Dat was een domme fout van mij."),
        "profanity",
        "domme fout",
    );
}

#[test]
fn a_pronoun_for_things_named_after_a_comma_is_not_people() {
    for s in [
        "They are useless, these old laptops.",
        "Ze zijn waardeloos, die oude laptops.",
    ] {
        assert_no_category(&check_school(s), "profanity", s);
    }
    for s in [
        "They are useless, these new parents.",
        "Ze zijn waardeloos, die collega's.",
        "They are useless.",
    ] {
        assert_rule(&check_school(s), "profanity.belittling");
    }
}
