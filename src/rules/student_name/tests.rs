//! Unit tests of the pupil-name finder: what [`Analysis::new`] reports as mentions, without
//! the rule, the severities or the messages in between; then the rule's own tests.

use crate::compiled::Compiled;
use crate::model::ReplyTo;
use crate::rules::analysis::{Analysis, MentionKind};
use crate::testutil::*;
use crate::text::Text;

/// (kind, named text, explicit) of every mention the finder reports.
fn find(
    p: &Compiled,
    s: &str,
    account: &str,
    reply: Option<ReplyTo>,
) -> Vec<(MentionKind, String, bool)> {
    let mut post = post(s, account);
    post.context.reply_to = reply;
    let text = Text::new(&post.text);
    let words: Vec<&str> = text.tokens.iter().map(|t| text.word(t)).collect();
    let lex = crate::lexicon::get();
    let masks: Vec<u32> = words.iter().map(|w| lex.mask(w)).collect();
    let a = Analysis::new(&text, &words, &masks, &post, p);
    a.mentions
        .iter()
        .map(|m| (m.kind, s[m.start..m.end].to_string(), m.explicit))
        .collect()
}

fn names(p: &Compiled, s: &str, account: &str) -> Vec<String> {
    find(p, s, account, None).into_iter().map(|m| m.1).collect()
}

#[test]
fn a_full_roster_name_is_one_explicit_mention() {
    let f = find(
        &policy(),
        "Gisteren won Fleur Vos de tekenwedstrijd.",
        "personal",
        None,
    );
    assert_eq!(
        f,
        vec![(MentionKind::Roster, "Fleur Vos".to_string(), true)]
    );
    // A surname spread over particles: "Lisse van der Meer".
    let f = names(&policy(), "Knap gedaan, Lisse van der Meer!", "personal");
    assert_eq!(f, vec!["Lisse van der Meer"]);
}

#[test]
fn a_first_name_alone_needs_a_school_post() {
    let p = policy();
    assert_eq!(
        names(&p, "Daan heeft vandaag een tekening gemaakt.", "school"),
        vec!["Daan"]
    );
    assert!(names(&p, "Daan heeft vandaag een tekening gemaakt.", "personal").is_empty());
    // ... unless a pupil context says so.
    let f = find(&p, "Daan uit groep 6 heeft gewonnen.", "personal", None);
    assert_eq!(f, vec![(MentionKind::Roster, "Daan".to_string(), true)]);
}

#[test]
fn possessive_without_apostrophe_is_the_name() {
    assert_eq!(
        names(&policy(), "Daans tekening hangt in de hal.", "school"),
        vec!["Daans"]
    );
}

#[test]
fn another_persons_full_name_is_not_the_roster_pupil() {
    // "Daan Roosegaarde" is an artist, not the pupil Daan de Vries.
    let f = find(
        &policy(),
        "Vandaag een les over Daan Roosegaarde.",
        "school",
        None,
    );
    assert!(f.iter().all(|m| m.0 != MentionKind::Roster), "{f:?}");
}

#[test]
fn titles_staff_and_adults_are_not_pupils() {
    let p = policy();
    assert!(names(&p, "Juf Emma leest vandaag voor.", "school").is_empty());
    // Emma is on the roster, but Emma Verbeek is staff and named in full in the post.
    assert!(names(&p, "Emma Verbeek neemt afscheid. Bedankt Emma!", "school").is_empty());
    // Named after a title once, the same name later is that adult too.
    assert!(names(
        &p,
        "Meester Finn gaat met pensioen. We zullen Finn missen.",
        "school"
    )
    .is_empty());
    // "uw zoon Sem" is the addressee's child: a pupil.
    assert_eq!(
        names(&p, "Uw zoon Sem deed goed mee.", "school"),
        vec!["Sem"]
    );
}

#[test]
fn a_capitalised_word_before_makes_it_part_of_another_name() {
    assert!(names(
        &policy(),
        "We lazen vandaag over Huckleberry Finn.",
        "school"
    )
    .is_empty());
}

#[test]
fn unknown_names_in_an_explicit_pupil_context() {
    let p = policy();
    let f = find(
        &p,
        "Welkom aan Oleksandr, die instroomt in 2mavo.",
        "school",
        None,
    );
    assert_eq!(
        f,
        vec![(MentionKind::Context, "Oleksandr".to_string(), true)]
    );
    let f = find(&p, "Welkom aan Oleksandr op het plein.", "school", None);
    assert!(f.is_empty(), "{f:?}");
    // Contexts after the name: brackets, "uit mijn klas", "from year 5".
    for s in [
        "Gefeliciteerd Kevin (groep 8) met de prijs.",
        "Gefeliciteerd Kevin uit mijn klas met de prijs.",
        "Congratulations to Kevin from year 5 on the prize.",
    ] {
        assert_eq!(names(&p, s, "personal"), vec!["Kevin"], "{s}");
    }
    // Contexts before it: "leerling Kevin", "de moeder van Kevin".
    for s in [
        "Vandaag hielp leerling Kevin mee.",
        "Vandaag belde de moeder van Kevin.",
    ] {
        assert_eq!(names(&p, s, "personal"), vec!["Kevin"], "{s}");
    }
}

#[test]
fn context_is_shared_along_coordinated_names() {
    let f = find(
        &policy(),
        "Gisteren wonnen Sem en Finn uit groep 3.",
        "personal",
        None,
    );
    let got: Vec<(&str, bool)> = f.iter().map(|m| (m.1.as_str(), m.2)).collect();
    assert_eq!(got, vec![("Sem", true), ("Finn", true)]);
}

#[test]
fn ordinary_word_names_need_more_than_a_capital() {
    let p = policy();
    // "Storm" and "Roos" are words as well as roster names.
    assert!(names(&p, "Storm en regen vandaag, dus binnen spelen.", "school").is_empty());
    assert!(names(&p, "Een knuffelbeer die 'Roos' heet.", "school").is_empty());
    assert_eq!(
        names(&p, "Roos uit groep 4 bracht bloemen mee.", "personal"),
        vec!["Roos"]
    );
    // Listed with a name taken as a pupil's, it is a name too.
    assert_eq!(
        names(
            &p,
            "Storm en Daan hebben vandaag gewonnen op school.",
            "school"
        ),
        vec!["Storm", "Daan"]
    );
}

#[test]
fn vocative_in_a_reply_to_a_pupil() {
    let p = policy();
    let f = find(
        &p,
        "Nee Kevin, dat mag niet.",
        "personal",
        Some(ReplyTo::Student),
    );
    assert_eq!(
        f.iter().map(|m| m.1.as_str()).collect::<Vec<_>>(),
        vec!["Kevin"]
    );
    let f = find(&p, "Nee Kevin, dat mag niet.", "personal", None);
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn initial_with_a_matching_class() {
    let p = policy();
    let f = find(&p, "D. uit groep 6 was vandaag jarig.", "school", None);
    assert_eq!(
        f,
        vec![(MentionKind::Initial, "D. uit groep 6".to_string(), true)]
    );
    assert!(find(&p, "K. uit groep 6 was vandaag jarig.", "school", None).is_empty());
    assert!(find(&p, "D. uit groep 5 was vandaag jarig.", "school", None).is_empty());
}

#[test]
fn school_name_words_are_not_names() {
    // "Linde" is no roster name, but a school-name token is skipped before anything else.
    let f = find(
        &policy(),
        "Welkom op De Linde, die in groep 8 zit.",
        "school",
        None,
    );
    assert!(f.is_empty(), "{f:?}");
}

// The rule: findings, messages and fixes.

#[test]
fn roster_names_in_every_form() {
    let p = policy();
    for (s, name) in [
        (
            "Gefeliciteerd Fleur Vos met de tekenwedstrijd!",
            "Fleur Vos",
        ),
        ("fleur vos heeft de tekenwedstrijd gewonnen", "fleur vos"),
        ("Lotte's tekening hangt in de hal van school.", "Lotte"),
        ("Daan uit groep 6 heeft gewonnen.", "Daan"),
        ("Well done Daan, our spelling champion at school!", "Daan"),
        ("Roos uit groep 4 bracht bloemen mee.", "Roos"),
    ] {
        let f = check_with(&p, s, "personal");
        assert!(has_span(&f, "student-name", name), "{s}: {f:#?}");
    }
}

#[test]
fn initial_with_class_that_matches_a_roster_pupil() {
    let f = check_with(&policy(), "D. uit groep 6 was vandaag jarig.", "school");
    assert_rule(&f, "student-name.initial");
    let f = check_with(&policy(), "K. uit groep 6 was vandaag jarig.", "school");
    assert_no_rule(&f, "student-name.initial", "no pupil with K in groep 6");
}

#[test]
fn names_off_the_roster_need_a_pupil_context() {
    let f = check_with(
        &policy(),
        "Welkom Kevin, die vanaf vandaag in groep 8 zit!",
        "school",
    );
    assert!(has_span(&f, "student-name", "Kevin"), "{f:#?}");
    let f = check_with(&policy(), "Welcome to Kevin from year 5!", "school");
    assert!(has_span(&f, "student-name", "Kevin"), "{f:#?}");
    let f = check_with(
        &policy(),
        "Dank aan Kevin voor het rijden naar de kinderboerderij.",
        "school",
    );
    assert_no_rule(&f, "student-name.context", "no pupil context");
}

#[test]
fn ordinary_words_staff_public_figures_and_places_are_not_pupils() {
    let p = policy();
    for (s, acct) in [
        ("De roos in de tuin bloeit weer.", "personal"),
        ("Storm op zee vandaag bij Scheveningen.", "personal"),
        (
            "Juf Emma Verbeek staat 25 jaar voor de klas. Gefeliciteerd, Emma!",
            "school",
        ),
        (
            "Vandaag een ontwerp van Daan Roosegaarde gezien met de klas.",
            "school",
        ),
        (
            "In de geschiedenisles ging het over Hugo de Groot.",
            "school",
        ),
        (
            "Mijn zoon Sem fietst sinds vandaag zonder zijwieltjes.",
            "personal",
        ),
        ("Met het gezin naar de Keukenhof in Lisse.", "personal"),
        (
            "'De avonturen van Huckleberry Finn' uitgelezen.",
            "personal",
        ),
    ] {
        let f = check_with(&p, s, acct);
        assert_no_category(&f, "student-name", s);
    }
}

#[test]
fn fix_replaces_the_name_by_its_initial() {
    let f = check_with(&policy(), "Fleur Vos uit groep 6 won.", "school");
    let h = f
        .iter()
        .find(|f| f.category.as_str() == "student-name")
        .unwrap();
    assert_eq!(h.fixes[0].replacement, "F.");
    assert_eq!(
        apply_fix("Fleur Vos uit groep 6 won.", &h.fixes[0]),
        // The class goes with the name: "F. uit groep 6" would identify her again (issue 12).
        "F. won."
    );
}

/// A clause after a colon starts in lower case; that says nothing about how the writer
/// writes names, so a lower-case roster name there is still a word (issue 12).
#[test]
fn a_lower_case_clause_after_a_colon_keeps_a_name_word_a_word() {
    let p = Compiled::new(
        crate::policy::Policy::from_json(
            r#"{"school": {"name": "De Linde"}, "roster": [{"name": "Wei Chen", "group": "4"}]}"#,
        )
        .unwrap(),
    );
    let s = "Groep 4 naar de boerderij: kalfjes geaaid, koeien in de wei en modder overal.";
    assert!(names(&p, s, "school").is_empty(), "{s}");
    let s = "Groep 4 naar de boerderij: kalfjes geaaid. Wei mocht de koe melken.";
    assert_eq!(names(&p, s, "school"), vec!["Wei"]);
}

/// With a photo, a roster first name on a personal account is the pictured pupil's; a town
/// after "in" is not (issue 12).
#[test]
fn a_roster_first_name_on_a_photo_post() {
    let p = policy();
    let with_photo = |s: &str| {
        let mut post = post(s, "personal");
        post.context.attachments =
            serde_json::from_str(r#"[{"kind": "image", "name": "foto.jpg"}]"#).unwrap();
        check_post(&p, &post)
            .into_iter()
            .filter(|f| f.category.as_str() == "student-name")
            .map(|f| f.text)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        with_photo("Daan en zijn konijn, wat een duo."),
        vec!["Daan"]
    );
    assert!(names(&p, "Daan en zijn konijn, wat een duo.", "personal").is_empty());
    // "Hugo" is a roster name; after "in" it is a place (a made-up town for the test).
    assert_eq!(with_photo("Hugo op het strand."), vec!["Hugo"]);
    assert!(with_photo("Drie weken in Hugo en omgeving, heerlijk.").is_empty());
}

/// A roster group in two words ("PrO 4a") is a pupil context; a roster surname opens a
/// sentence when such a context follows; a country is no unknown name.
#[test]
fn two_word_groups_surnames_at_the_start_and_countries() {
    let json = r#"{"school": {"name": "Het Ambacht"}, "roster": [
        {"name": "Dewi Martens", "group": "PrO 4a"},
        {"name": "Joost Schouten", "group": "PrO 4a"}]}"#;
    let p = Compiled::new(crate::policy::Policy::from_json(json).unwrap());
    assert_eq!(
        names(&p, "Big shoutout to Dewi from PrO 4a today!", "personal"),
        ["Dewi"]
    );
    assert_eq!(
        names(
            &p,
            "Schouten uit PrO 4a is zijn werkkleding vergeten.",
            "personal"
        ),
        ["Schouten"]
    );
    assert!(names(&p, "Schouten heeft een nieuwe fiets.", "personal").is_empty());
    assert!(names(
        &p,
        "Our student from Eritrea in PrO 4a lives with a guardian family.",
        "personal"
    )
    .is_empty());
}
