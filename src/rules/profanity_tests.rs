//! Belittling without a swear word, second round of issue 12: the constructions of
//! `lexicon/{nl,en}/patterns.txt` [contempt] and the "collega's" fix, with the clean sentences
//! they must leave alone. Every sentence is written for these tests; none comes from a corpus
//! set.

use crate::testutil::*;

#[test]
fn contempt_constructions_dutch() {
    for (s, m) in [
        ("Die vaders moeten toch eens leren luisteren.", "leren"),
        ("Dan moeten ze eerst zelf maar eens leren plannen.", "leren"),
        ("Leer eerst eens rekenen, beste ouder.", "eens"),
        ("Zij weet het natuurlijk weer beter.", "beter"),
        ("Die opa weet het beter dan de meester.", "beter dan de"),
        ("Die vader denkt dat hij de baas is.", "de baas"),
        ("Dat zegt veel over hun opvoeding.", "opvoeding"),
        ("Die jongens hebben gewoon geen fatsoen.", "fatsoen"),
        (
            "Beleidsmakers die zelf nog nooit voor een klas hebben gestaan.",
            "klas",
        ),
        (
            "Ambtenaren die nog nooit een kleuter hebben getroost.",
            "kleuter",
        ),
        (
            "Collega's die nooit luisteren, daar word ik moe van.",
            "luisteren",
        ),
        (
            "Hoe weinig die mensen begrijpen van ons werk.",
            "begrijpen van",
        ),
        ("Ik heb hem maar laten kletsen.", "kletsen"),
        ("Zoek het zelf maar uit.", "Zoek het"),
        (
            "De ouders hebben de mail blijkbaar weer niet gelezen.",
            "gelezen",
        ),
        ("Ze zien de school als een gratis oppas.", "oppas"),
        (
            "Die zogenaamde deskundigen van het ministerie.",
            "zogenaamde deskundigen",
        ),
        ("Turkse moeders komen nooit op tijd.", "nooit"),
    ] {
        assert!(
            has_span(&check_school(s), "profanity", m),
            "{s}: {:#?}",
            check_school(s)
        );
    }
}

#[test]
fn contempt_constructions_english() {
    for (s, m) in [
        (
            "Half the parents obviously didn't read the newsletter.",
            "read",
        ),
        (
            "Managers who have never taught telling us how to teach.",
            "taught",
        ),
        ("A board that never listens.", "listens"),
        ("Students who don't care, again.", "care"),
        ("Of course they always know better.", "better"),
        ("That says a lot about their parenting.", "parenting"),
        ("Some of them have no manners.", "manners"),
        ("They treat us like a free daycare.", "daycare"),
        ("Our so-called experts at head office.", "experts"),
        ("What the hell was that meeting.", "What the hell"),
    ] {
        assert!(
            has_span(&check_school(s), "profanity", m),
            "{s}: {:#?}",
            check_school(s)
        );
    }
}

#[test]
fn a_person_word_with_s_or_in_a_compound() {
    for (s, m) in [
        ("Die collega's zijn echt dom.", "zijn echt dom"),
        ("Die collega’s zijn gewoon lui.", "zijn gewoon lui"),
        ("Die brugklasleerlingen zijn gewoon lui.", "zijn gewoon lui"),
        (
            "De ouders uit 3b zijn echt onbeschoft.",
            "zijn echt onbeschoft",
        ),
    ] {
        assert!(
            has_span(&check_school(s), "profanity", m),
            "{s}: {:#?}",
            check_school(s)
        );
    }
}

#[test]
fn clean_sentences_near_the_constructions() {
    for s in [
        "We moeten maar eens leren hoe de nieuwe borden werken.",
        "Kinderen leren eerst lezen en dan schrijven.",
        "Ik heb er geen verstand van, maar de site ziet er mooi uit.",
        "Geen manieren zonder voorbeeld: we oefenen het groeten.",
        "Onze Poolse ouders komen altijd met lekkere hapjes.",
        "De leerlingen zijn echt laat vandaag door de staking.",
        "Kinderen die nog nooit in een museum waren, gaan gratis mee.",
        "Laat ze maar lekker kletsen, het is vakantie.",
        "Zoek het antwoord maar op in het boek.",
        "Ilias is echt een beest op doel.",
        "Die collega's van jou zijn gewoon top.",
        "De schouders zijn echt stijf na de gymles.",
        "Students who have never been to a museum get a free pass.",
        "Our board is so proud of the teachers who never give up on a pupil.",
        "I let him moan for a minute about the rain, then we went outside.",
        "Parents always know their own child best, so please tell us.",
        "We treat every pupil as an individual.",
        "The Dutch parents at our school are so generous.",
        "Jezus is geboren in Bethlehem, vertelde de juf.",
        "De rechter besliste dat hij niet naar zijn moeder mag, en hij snapt er niks van.",
    ] {
        assert_no_category(&check_school(s), "profanity", s);
    }
}

#[test]
fn a_holy_name_as_an_exclamation() {
    assert!(has_span(
        &check_school("Jezus, wat een herrie op de gang."),
        "profanity",
        "Jezus"
    ));
}
