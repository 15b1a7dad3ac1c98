//! Tests of the confidential rules.

use super::{is_bsn, is_iban};
use crate::testutil::*;

#[test]
fn phone_numbers_in_every_common_format() {
    for n in [
        "06-12345678",
        "06 1234 5678",
        "+31 (0)6-12 34 56 78",
        "+31 6 23456789",
        "050-3123456",
        "0612345678",
        "0031 6 12345678",
    ] {
        let s = format!("Bel me op {n}, dan leg ik het uit.");
        assert!(
            has_span(&check_school(&s), "confidential", n),
            "{n}: {:#?}",
            check_school(&s)
        );
    }
    for s in [
        "De ouderavond is op 12-03-2025 om 19.30 uur.",
        "Groep 6 telde 1234 kastanjes.",
        "Ordernummer 2024-123456",
    ] {
        assert_no_category(&check_school(s), "confidential", s);
    }
}

#[test]
fn school_public_contact_is_not_confidential() {
    let p = crate::Policy::from_json(
        r#"{"contact": {"phone": "050-3123456", "email": "ouders@delinde.nl", "address": "Lindelaan 3, 9721 AB Groningen"}}"#,
    )
    .unwrap();
    let p = crate::compiled::Compiled::new(p);
    let f = check_with(&p, "Bel 050 3123456 of mail ouders@delinde.nl. Zij woont niet op Lindelaan 3, 9721 AB Groningen.", "school");
    assert_no_category(&f, "confidential", "public contact");
    let f = check_with(
        &p,
        "Mail naar de moeder van Sem: sandra@example.com",
        "school",
    );
    assert!(has_span(&f, "confidential", "sandra@example.com"));
}

#[test]
fn bank_accounts_of_people_not_of_foundations() {
    assert!(is_iban("NL91 ABNA 0417 1643 00"));
    assert!(!is_iban("NL91 ABNA 0417 1643 01"));
    assert!(has_span(
        &check_school(
            "De moeder van Sem haalt het geld op, maak het over naar haar: NL91 ABNA 0417 1643 00."
        ),
        "confidential",
        "NL91 ABNA 0417 1643 00"
    ));
    assert_no_category(
        &check_school("Maak de bijdrage over op NL91 ABNA 0417 1643 00 t.n.v. Stichting Vrienden van de school."),
        "confidential",
        "a foundation's account",
    );
}

#[test]
fn bsn_eleven_test_and_birthdates() {
    assert!(is_bsn("123456782"));
    assert!(!is_bsn("123456789"));
    assert!(has_span(
        &check_school("Het BSN is 123456782."),
        "confidential",
        "123456782"
    ));
    assert_no_category(
        &check_school("Factuurnummer 123456789."),
        "confidential",
        "not a BSN",
    );
    assert!(has_span(
        &check_school("Ze is geboren op 12-03-2019."),
        "confidential",
        "12-03-2019"
    ));
    assert!(has_span(
        &check_school("He was born on 4 May 2017."),
        "confidential",
        "4 May 2017"
    ));
    assert_no_category(
        &check_school("De musical is op 12-03-2025."),
        "confidential",
        "plain date",
    );
}

#[test]
fn addresses_of_people_but_not_venues() {
    assert!(has_span(
        &check_school("Het feestje van Bram is op Lindelaan 14, 9721 AB Groningen."),
        "confidential",
        "Lindelaan 14, 9721 AB Groningen"
    ));
    assert_no_category(
        &check_school("Open dag op zaterdag, Schoolstraat 3, 9723 KL Groningen."),
        "confidential",
        "venue",
    );
}

#[test]
fn health_family_discipline_and_grades_of_an_individual() {
    for (s, m) in [
        ("Daan uit groep 6 heeft ADHD.", "ADHD"),
        (
            "Mijn leerling met een dyslexie-verklaring deed het goed.",
            "dyslexie",
        ),
        ("She has been diagnosed with diabetes.", "diabetes"),
        ("Hij heeft een ernstige notenallergie.", "notenallergie"),
        ("Ik merk dat haar ouders gaan scheiden.", "scheiden"),
        (
            "Hij haalde een 3 voor rekenen.",
            "haalde een 3 voor rekenen",
        ),
        ("Uw zoon kreeg die straf omdat hij sloeg.", "straf"),
    ] {
        assert!(
            has_span(&check_school(s), "confidential", m),
            "{s}: {:#?}",
            check_school(s)
        );
    }
    for s in [
        "Op de website staat ons dyslexieprotocol en informatie over ADHD.",
        "Kinderen met autisme krijgen extra begeleiding op onze school.",
        "Groep 5 heeft een toets rekenen gehad.",
        "De ouderavond gaat over straf en beloning in de klas.",
    ] {
        assert_no_category(&check_school(s), "confidential", s);
    }
}

/// Issue 12, second round: an animal or place of a therapy, a group of parents, and "niet
/// over" meaning "not about" are not a pupil's confidential information.
#[test]
fn therapy_animals_groups_and_not_about() {
    for s in [
        "Hij aaide vandaag de therapiehond en de therapy dog van de buren.",
        "She loved the therapy dog today.",
        "Die Poolse ouders ook, en dan zit hun kind zonder medicatie in de bus.",
        "Het gaat bij hem niet over zijn telefoon, maar over samen zijn.",
    ] {
        assert_no_category(&check_school(s), "confidential", s);
    }
    for s in [
        "Hij krijgt therapie voor zijn angst.",
        "Hij gaat niet over naar groep 5.",
        "Zijn ouders geven hem geen medicatie.",
    ] {
        assert!(
            check_school(s)
                .iter()
                .any(|f| f.category.as_str() == "confidential"),
            "{s}"
        );
    }
}
