//! Tests of the kinds of facts about one pupil or family added for issue 12 (residence
//! status, flight history, finances, child protection, incidents, illnesses, marks), and of
//! clean posts that use the same words about nobody in particular. Sentences written for
//! this file.

use crate::testutil::*;

/// A confidential finding with the test roster (Daan, Fleur, Noor, Roos, Sem, Hugo, ...).
fn flagged(s: &str) -> bool {
    check_with(&policy(), s, "school")
        .iter()
        .any(|f| f.category.as_str() == "confidential" && f.severity.as_str() != "info")
}

#[test]
fn facts_about_one_pupil_or_family_are_confidential() {
    let mut missed = vec![];
    for s in [
        "Daan en zijn moeder wachten nog op de verblijfsstatus.",
        "Het gezin Bakker heeft een negatief besluit gekregen van de IND.",
        "Fleur weet nog niet of ze mag blijven, de procedure loopt nog.",
        "Hugo's father is still in Syria and he misses him.",
        "Sem zijn vader vecht nog aan het front.",
        "Bij Noor thuis zijn grote geldzorgen, ze komen rond van de bijstand.",
        "Onze Roos woont bij een pleeggezin sinds de kinderbescherming ingreep.",
        "Daan had vandaag een knokpartij en de politie is gebeld.",
        "Daan heeft waterpokken en blijft thuis.",
        "Finn krijgt nu hulp van een speltherapeut.",
        "Hugo is bij de GGZ geweest.",
        "Emma krijgt NT2-begeleiding vanwege haar taalachterstand.",
        "Sem scoorde 31 op de leestoets.",
        "Noor had er 4 van de 20 goed.",
        "Lotte got 9 out of 30 on the spelling test.",
        "Rapport van Finn: rekenen 7, spelling 5.",
        "Daan heeft weer een D voor begrijpend lezen.",
        "Roos heeft een 4 gekregen voor haar werkstuk.",
        "Hugo heeft zijn enkel gebroken bij het voetballen.",
        "Emma broke her wrist during the trip.",
        "Sem is al twee weken niet op school geweest.",
        "Finn leest nu op niveau M5.",
    ] {
        if !flagged(s) {
            missed.push(s);
        }
    }
    assert!(missed.is_empty(), "not flagged: {missed:#?}");
}

#[test]
fn a_pronoun_in_the_next_sentence_refers_back_to_one_pupil() {
    let s = "Vanochtend had een leerling een epileptische aanval. Ze is opgehaald door haar vader.";
    assert!(flagged(s), "{s}");
}

#[test]
fn the_same_words_about_nobody_in_particular_are_clean() {
    let mut wrong = vec![];
    for s in [
        "Kinderen met dyslexie kunnen extra tijd krijgen bij toetsen.",
        "Het kabinet wil de asielprocedure versnellen en de IND krijgt meer medewerkers.",
        "Ik ben volgende week met vakantie in Spanje, de vervanger staat in de app.",
        "Wij zamelen in voor de voedselbank, lever houdbare producten in bij de ingang.",
        "Heeft uw kind waterpokken, meld het dan bij de administratie.",
        "Kinderen met een taalachterstand krijgen in groep 1 extra ondersteuning.",
        "De kinderen maakten ruzie over wie als eerste op de schommel mocht.",
        "Groep 6 scoorde gemiddeld boven het landelijk gemiddelde.",
        "Wie de toets heeft gemist, kan vrijdag herkansen.",
        "Op de studiedag zijn de kinderen niet op school.",
        "Boeken op niveau E3 staan in de rode kast.",
        // denied, or what a teacher teaches
        "Uw dochter loopt geen leesachterstand op, ook al begint ze later met lezen.",
        "Vacature: docent NT2 voor onze nieuwkomers, ervaring met jongeren is een pré.",
    ] {
        if flagged(s) {
            wrong.push(s);
        }
    }
    assert!(wrong.is_empty(), "flagged: {wrong:#?}");
}
