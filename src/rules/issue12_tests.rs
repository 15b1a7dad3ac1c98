//! Tests of the generalised language knowledge of issue 12: contempt constructions, spelled
//! out and abbreviated curses, new chat-speak and shouting, confidential phrasings, name
//! variants, and the false alarms they must not cause. Every sentence is written for these
//! tests; none comes from a corpus set.

use crate::compiled::Compiled;
use crate::policy::Policy;
use crate::testutil::*;

fn roster(names: &[&str]) -> Compiled {
    let pupils: Vec<String> = names
        .iter()
        .map(|n| format!(r#"{{"name": "{n}", "group": "3", "consent": {{"social": true}}}}"#))
        .collect();
    let json = format!(
        r#"{{"school": {{"name": "IKC De Bron"}}, "roster": [{}], "staff": ["Els Hoekstra"]}}"#,
        pupils.join(",")
    );
    Compiled::new(Policy::from_json(&json).expect("test policy"))
}

#[test]
fn contempt_without_a_swear_word() {
    for (s, m) in [
        ("Die ouders snappen er echt helemaal niks van.", "snappen"),
        (
            "Tijdens de brandoefening renden ze rond als een stel kippen.",
            "stel kippen",
        ),
        (
            "Typisch Hollanders weer, alles moet gratis.",
            "Typisch Hollanders",
        ),
        ("Limburgers zijn gewoon altijd te laat.", "Limburgers"),
        (
            "Those clowns at the ministry changed the rules again.",
            "clowns",
        ),
        (
            "Wat een briljant idee weer van de directie.",
            "briljant idee weer",
        ),
        ("Stop moaning, you muppets.", "muppets"),
        (
            "Het bestuur heeft de spanningsboog van een mug.",
            "spanningsboog",
        ),
        (
            "Knap hoor, zo'n directie die nooit iets uitlegt.",
            "Knap hoor",
        ),
        ("These parents are completely unhinged.", "unhinged"),
        // session 6: irony and condescension without a swear word (sentences written here)
        (
            "Veel ouders denken blijkbaar dat de juf ook in het weekend mailt.",
            "denken",
        ),
        (
            "Die collega's lijken te denken dat het rooster vanzelf ontstaat.",
            "lijken",
        ),
        ("Hij denkt dat hij de wijsheid in pacht heeft.", "wijsheid"),
        ("Het bestuur heeft geen flauw benul van lesgeven.", "benul"),
        ("Doe niet zo achterlijk, Sem.", "achterlijk"),
        ("Nul inzet, nul respect, elke les weer.", "Nul inzet"),
        (
            "Wie heeft die jongen ooit toegelaten op deze school?",
            "toegelaten",
        ),
        ("Die mensen zijn zelf het probleem.", "probleem"),
        (
            "Kan nog geen beamer aanzetten maar wil wel de sectie leiden.",
            "Kan nog geen",
        ),
        (
            "Die komt nog te laat op zijn eigen begrafenis.",
            "begrafenis",
        ),
        ("Het was een dierentuin in de aula vanmiddag.", "dierentuin"),
        ("Die verdomde kopieermachine is weer kapot.", "verdomde"),
        (
            "Some colleagues seem to think marking happens by magic.",
            "seem",
        ),
        ("Newsflash: teachers have weekends too.", "Newsflash"),
        ("A new policy with zero ideas in it.", "zero ideas"),
        (
            "Hoe die man ooit zijn diploma heeft gehaald, ik snap het niet.",
            "ooit",
        ),
        ("Hersens thuis laten liggen vandaag?", "Hersens"),
        ("Het IQ van een koe, die nieuwe stagiair.", "IQ"),
        ("Dit is echt de slechtste mentor die er is.", "slechtste"),
        ("Ze kunnen hun eigen naam amper spellen.", "amper"),
        ("Collega's vinden dat kennelijk normaal.", "vinden"),
        ("Hij loopt binnen alsof het een hotel is.", "hotel"),
        ("Te laat, maar ja, zal wel cultuur zijn.", "cultuur"),
        ("Tering zooi, de printer weer.", "Tering zooi"),
        ("Taught well, unlike certain colleagues here.", "unlike"),
        ("Dit is de lastigste groep ooit.", "lastigste"),
        ("Hoe dom kun je zijn, echt.", "Hoe dom"),
        (
            "Knap hoor, alweer een collega die de sleutel kwijt is.",
            "Knap",
        ),
        (
            "Fijn dat u het allemaal beter weet dan de juf.",
            "beter weet",
        ),
        ("Typisch Duitse ouders weer.", "Typisch"),
        ("Wat verwacht je ook van zo'n wijk.", "verwacht"),
        ("Some of these students are just lazy.", "lazy"),
        ("Read the damn rota.", "damn"),
        ("Een verwend prinsesje, dat kind.", "verwend"),
    ] {
        let f = check_school(s);
        assert!(has_span(&f, "profanity", m), "{s}: {f:#?}");
    }
}

#[test]
fn ordinary_sentences_with_the_same_words_stay_silent() {
    for s in [
        "Op de kinderboerderij zagen we een stel kippen en twee geiten.",
        "De clowns van het circus kwamen op bezoek in groep 3.",
        "Belgische ouders zijn altijd welkom op onze open dag.",
        "Een stel ouders hielp mee met de schoolreis.",
        "Onze kleuters weten nog niks van breuken, dat komt later.",
        "Ze is cum laude geslaagd voor de pabo!",
        "Nieuw in de bieb: alle boekjes van Dick Bruna.",
        "Hij heeft kanker en is voorlopig afwezig.",
        "De B.V. van de kinderopvang heeft een nieuw adres.",
        "We keken naar het circus in de gymzaal.",
        "We denken dat de sportdag op vrijdag valt.",
        "Veel ouders denken mee over het nieuwe schoolplein.",
        "Ouders vinden het fijn dat de les om half negen begint.",
        "Doe niet zo moeilijk over een lege batterij, het komt goed.",
        "Het circus kwam naar school en iedereen genoot.",
        "Some parents seem to enjoy the new reading café.",
        "Zero waste week starts on Monday.",
        "Wie heeft deze jas laten liggen in de gymzaal?",
        "Bij geschiedenis ging het over de tering (tbc) in de negentiende eeuw.",
        "De toppers van groep 8 hebben de musical geweldig gedaan!",
        "De experts van de GGD kwamen voorlichting geven.",
        "Geweldig hoor, die ouders die hielpen bij de kerstmarkt!",
        "Ik heb geen flauw idee wat we morgen eten.",
        "Wat verwachten we van de nieuwe methode? Veel!",
        "Our students are just amazing at this.",
        "De kleuters kunnen hun eigen naam nog niet schrijven, dat leren ze dit jaar.",
    ] {
        assert_no_category(&check_school(s), "profanity", s);
    }
}

#[test]
fn spelled_out_abbreviated_and_masked_curses() {
    for (s, m) in [
        ("k.u.t. weer een storing in het rooster", "k.u.t"),
        ("K A N K E R wat een dag", "K A N K E R"),
        ("wtf is this timetable", "wtf"),
        ("ffs, the printer again", "ffs"),
        ("Kanker. Alles kwijt na de update.", "Kanker"),
        ("What a sh*tshow this meeting was", "sh*tshow"),
        ("Die kkr printer doet het weer niet.", "kkr"),
        ("Pleur toch op met die formulieren.", "Pleur toch op"),
    ] {
        let f = check_school(s);
        assert!(has_span(&f, "profanity", m), "{s}: {f:#?}");
    }
}

#[test]
fn new_chat_speak_street_language_and_shouted_words() {
    for (s, m) in [
        ("lowkey proud of this class fr fr", "lowkey"),
        ("Wallah, dat was een leuke excursie.", "Wallah"),
        ("See you all tmrw at the gate!", "tmrw"),
        ("Dat doen we NIET in de klas.", "NIET"),
        ("Phones stay in your bag, ALWAYS.", "ALWAYS"),
    ] {
        let f = check_school(s);
        assert!(has_span(&f, "informal", m), "{s}: {f:#?}");
    }
    for s in [
        "De GGD komt dinsdag langs voor de vaccinaties.",
        "Vanwege COVID zijn de regels aangepast.",
        "De RN op de afdeling begeleidt onze stagiairs.",
        "Onze HAVO-leerlingen gaan naar Berlijn.",
    ] {
        assert_no_category(&check_school(s), "informal", s);
    }
}

#[test]
fn confidential_phrasings_about_one_pupil() {
    let p = policy();
    for (s, m) in [
        (
            "Daan de Vries haalde een 4,5 voor rekenen.",
            "4,5 voor rekenen",
        ),
        (
            "De rechter heeft besloten dat Daan voorlopig bij zijn oma woont.",
            "rechter heeft besloten",
        ),
        (
            "Eerlijk gezegd: Noor Bakker gaat de havo nooit halen.",
            "gaat de havo nooit halen",
        ),
        (
            "Fleur Vos is met haar moeder gevlucht uit Syrië.",
            "gevlucht",
        ),
        (
            "Bij het voetballen liep Sem Mulder een gebroken pols op.",
            "gebroken pols",
        ),
        (
            "Sem Mulder stottert flink als hij voor de klas staat.",
            "stottert",
        ),
        ("Het BSN van Daan de Vries is 123456789.", "123456789"),
    ] {
        let f = check_with(&p, s, "school");
        assert!(has_span(&f, "confidential", m), "{s}: {f:#?}");
    }
    for s in [
        "Kinderen met een gebroken arm mogen niet mee gymmen.",
        "Bestelnummer 123456789 is onderweg naar school.",
        "De rechter kwam vandaag een gastles geven in groep 8.",
    ] {
        assert_no_category(&check_with(&p, s, "school"), "confidential", s);
    }
}

#[test]
fn name_variants_of_roster_pupils() {
    let p = roster(&[
        "Kevin Jansen",
        "Anaïs Dupont",
        "İlayda Yılmaz",
        "Johannes Zwiers",
        "Mila Kuipers",
    ]);
    for (s, m) in [
        ("Kev had vandaag zijn eerste stagedag in groep 3.", "Kev"),
        ("Anais las vandaag voor aan de kleuters.", "Anais"),
        (
            "Ilayda Yilmaz won de voorleeswedstrijd van school.",
            "Ilayda Yilmaz",
        ),
        ("Hannes heeft de moestuin van school omgespit.", "Hannes"),
        (
            "Gesprek gehad met de familie Kuipers over het rapport.",
            "Kuipers",
        ),
        ("Op school was Kevin J. vandaag jarig.", "Kevin J."),
    ] {
        let f = check_with(&p, s, "school");
        assert!(has_span(&f, "student-name", m), "{s}: {f:#?}");
    }
    // A short form with a small letter is a word; a middle initial belongs to another name.
    for s in [
        "ik kev het niet, sorry voor de typfout op school",
        "Op school las de juf voor over Peter R. de Vries.",
    ] {
        assert_no_category(&check_with(&p, s, "school"), "student-name", s);
    }
}

#[test]
fn a_hashed_roster_finds_the_short_forms_and_surnames_too() {
    let json = r#"{"school": {"name": "IKC De Bron"}, "roster": [
        {"name": "Kevin Jansen", "group": "3", "consent": {"social": true}},
        {"name": "Mila Kuipers", "group": "3", "consent": {"social": true}}]}"#;
    let plain = Policy::from_json(json).unwrap();
    let mut hashed = plain.clone();
    hashed.hash_roster(*b"0123456789abcdef");
    for s in [
        "Kev had vandaag zijn eerste stagedag in groep 3.",
        "Gesprek gehad met de familie Kuipers over het rapport.",
    ] {
        let a = check_with(&Compiled::new(plain.clone()), s, "school");
        let b = check_with(&Compiled::new(hashed.clone()), s, "school");
        assert!(
            has_span(&b, "student-name", s.split(' ').next().unwrap())
                || has_span(&b, "student-name", "Kuipers")
        );
        assert_eq!(
            a.iter()
                .map(|f| (&f.rule, f.start, f.end))
                .collect::<Vec<_>>(),
            b.iter()
                .map(|f| (&f.rule, f.start, f.end))
                .collect::<Vec<_>>(),
            "{s}"
        );
    }
}

/// The issue's roster names that are ordinary words: lower case, without a pupil context,
/// they are words.
#[test]
fn word_names_in_lower_case_are_words() {
    let p = roster(&["Dag Mulder", "Les Brouwer", "Wil Jansen", "Faith Owusu"]);
    for s in [
        "Fijne dag allemaal en tot morgen op school!",
        "Morgen gaat de les van groep 3 niet door.",
        "Wil je je kind laarzen meegeven voor de schooltuin?",
        "After twenty years at school I still have faith in our pupils.",
    ] {
        assert_no_category(&check_with(&p, s, "school"), "student-name", s);
    }
    let f = check_with(&p, "Dag uit groep 3 was vandaag jarig.", "school");
    assert!(has_span(&f, "student-name", "Dag"), "{f:#?}");
}

/// A fix must not create a new finding: "Fleur Vos uit groep 6" becomes "F." without the
/// class that would identify her again.
#[test]
fn the_name_fix_removes_what_identifies() {
    let p = policy();
    for s in [
        "Fleur Vos uit groep 6 won de voorleeswedstrijd.",
        "Gefeliciteerd Daan de Vries (groep 6) met je zwemdiploma!",
    ] {
        let f = check_with(&p, s, "school");
        let fix = f
            .iter()
            .find(|f| f.category.as_str() == "student-name")
            .and_then(|f| f.fixes.first())
            .unwrap_or_else(|| panic!("{s}: {f:#?}"));
        let fixed = apply_fix(s, fix);
        assert_no_category(&check_with(&p, &fixed, "school"), "student-name", &fixed);
    }
}

/// A school's own class codes, whatever their shape ("PM2A", "IHS1"), come from the roster.
#[test]
fn the_rosters_own_class_codes_are_a_pupil_context() {
    let json = r#"{"school": {"name": "ROC Test"}, "roster": [
        {"name": "Lotte Brands", "group": "PM2A", "consent": {"social": true}}]}"#;
    let p = Compiled::new(Policy::from_json(json).unwrap());
    let f = check_with(
        &p,
        "Lotte uit PM2A hielp vandaag bij de open dag.",
        "personal",
    );
    assert!(has_span(&f, "student-name", "Lotte"), "{f:#?}");
    let f = check_with(&p, "Lotte uit XQ9Z hielp vandaag.", "personal");
    assert_no_category(&f, "student-name", "an unknown code in a personal post");
}

/// A roster group as the school writes it in a post: "ISK 2" (name, then year) and the last
/// part alone ("MYP5" of "IB MYP5").
#[test]
fn roster_groups_written_as_name_and_year_or_by_their_last_part() {
    let json = r#"{"school": {"name": "MIC"}, "roster": [
        {"name": "Samira Haddou", "group": "ISK 2"},
        {"name": "Pieter Bos", "group": "IB MYP5"}]}"#;
    let p = Compiled::new(Policy::from_json(json).unwrap());
    for (s, name) in [
        (
            "Samira uit ISK 2 heeft een lange reis achter de rug.",
            "Samira",
        ),
        ("Pieter schreef het mooiste gedicht van MYP5.", "Pieter"),
    ] {
        let f = check_with(&p, s, "personal");
        assert!(has_span(&f, "student-name", name), "{s}: {f:#?}");
        assert_rule(&f, "disclaimer.missing");
    }
}

/// "from my maths class": one word between the determiner and the group noun.
#[test]
fn a_group_noun_after_one_word_is_a_pupil_context() {
    let p = roster(&["Mark de Boer"]);
    let f = check_with(
        &p,
        "Mark from my maths class presented his project today.",
        "personal",
    );
    assert!(has_span(&f, "student-name", "Mark"), "{f:#?}");
    let f = check_with(&p, "Mark my words: the weather will be fine.", "personal");
    assert_no_category(&f, "student-name", "an ordinary verb");
}
