//! Tests of the disclaimer rules: the capacity statement, leaders, and the statements a
//! school's protocol adds.

use crate::testutil::*;

#[test]
fn personal_post_about_school_needs_a_statement() {
    assert_rule(
        &check_personal("Morgen weer een studiedag, de school is dan dicht."),
        "disclaimer.missing",
    );
    assert_rule(
        &check_personal("Trots op mijn klas vandaag!"),
        "disclaimer.missing",
    );
    assert_rule(
        &check_personal("My pupils aced their assessment today."),
        "disclaimer.missing",
    );
    assert_rule(
        &check_personal("Wat een dag. #groep7"),
        "disclaimer.missing",
    );
}

#[test]
fn a_capacity_statement_in_many_forms_satisfies_it() {
    for s in [
        "Op persoonlijke titel: de werkdruk in het onderwijs is te hoog.",
        "De werkdruk in het onderwijs is te hoog. Dit is mijn eigen mening.",
        "Mening = eigen. Leerkrachten verdienen meer.",
        "Leerkrachten verdienen meer. #persoonlijketitel",
        "Teachers deserve better pay. Views are my own.",
        "Opinions expressed are my own: our school needs funding.",
        "Namens de school: dank aan alle ouders voor de hulp bij de schoolreis.",
        "Ik schrijf dit als privépersoon: leerkrachten verdienen meer.",
        "Lesidee voor groep 3: letters stempelen. (Dit is mijn persoonlijke account, geen officieel kanaal van school.)",
        "Wij zoeken een collega biologie. Ik plaats dit namens de sectie biologie.",
        "Mooi dat leerlingen er zo mee bezig zijn (persoonlijke titel).",
        "Mentoring student teachers this year. Posting as a private person.",
        "AI in the classroom worked well for us. Personal reflections, not school policy.",
    ] {
        assert_no_rule(&check_personal(s), "disclaimer.missing", s);
    }
}

#[test]
fn school_account_and_private_topics_need_none() {
    assert_no_rule(
        &check_school("Morgen is er een studiedag."),
        "disclaimer.missing",
        "school account",
    );
    for s in [
        "Vanavond met een vriendin van de middelbare school uit eten.",
        "Storm op zee vandaag, windkracht 9.",
        "Lovely walk along the beach with the dog this morning.",
    ] {
        assert_no_rule(&check_personal(s), "disclaimer.missing", s);
    }
}

#[test]
fn fix_inserts_the_policy_statement() {
    let f = check_personal("Trots op mijn leerlingen!");
    let d = f.iter().find(|f| f.rule == "disclaimer.missing").unwrap();
    assert_eq!(d.fixes[0].replacement, "Op persoonlijke titel: ");
    assert_eq!((d.fixes[0].span.start, d.fixes[0].span.end), (0, 0));
}

use crate::model::{AuthorRole, Locale, Post, ReplyTo};
use crate::policy::Policy;
use crate::Checker;

fn checker(extra: &str) -> Checker {
    let json =
        format!(r#"{{"school": {{"name": "OBS De Linde", "aliases": ["De Linde"]}}{extra}}}"#);
    Checker::new(Policy::from_json(&json).expect("test policy"))
}

fn personal(text: &str, role: Option<AuthorRole>) -> Post {
    let mut p = post(text, "personal");
    p.context.author_role = role;
    p
}

#[test]
fn a_leaders_personal_title_does_not_make_a_school_post_private() {
    let c = checker("");
    let leader = Some(AuthorRole::Leader);
    for s in [
        "Op persoonlijke titel: de werkdruk op De Linde is te hoog.",
        "Views are my own. Our school needs more teachers.",
        "Trots op de leerlingen van groep 8 vandaag!",
    ] {
        let f = c.check(&personal(s, leader));
        assert_rule(&f, "disclaimer.leader");
        assert_no_rule(&f, "disclaimer.missing", s);
    }
    // Saying it is not the school speaking is no representative statement.
    let s = "Niet namens De Linde, maar de werkdruk op school is te hoog.";
    assert_rule(&c.check(&personal(s, leader)), "disclaimer.leader");
    // The same post by a teacher is fine with the statement.
    let f = c.check(&personal(
        "Op persoonlijke titel: de werkdruk op De Linde is te hoog.",
        None,
    ));
    assert_no_category(&f, "disclaimer", "teacher with a capacity statement");
    // A leader who says in which role they write, or a post not about school: fine.
    for s in [
        "Als directeur van De Linde ben ik trots op ons team.",
        "Namens het bestuur: dank aan alle leerkrachten.",
        "In my role as principal I am proud of our pupils.",
        "Mooie wandeling langs het strand vanochtend.",
        // the school's own name after "namens" / "on behalf of"
        "Namens OBS De Linde: welkom aan alle nieuwe gezinnen.",
        "Sharing on behalf of De Linde: our pupils won the reading prize.",
    ] {
        assert_no_category(&c.check(&personal(s, leader)), "disclaimer", s);
    }
    // The fix adds the school's representative statement at the start.
    let f = c.check(&personal(
        "Trots op de leerlingen van groep 8 vandaag!",
        leader,
    ));
    let d = f.iter().find(|f| f.rule == "disclaimer.leader").unwrap();
    assert_eq!(
        d.fixes[0].replacement,
        "Ik schrijf dit als schoolleider van OBS De Linde. "
    );
}

#[test]
fn naming_the_role_is_not_saying_in_which_capacity() {
    // "Als bestuurder ..." makes the writer a leader writing about their work, but says
    // neither "namens de school" nor "op persoonlijke titel".
    let c = checker("");
    for s in [
        "Als bestuurder ben ik blij dat de fusie rond is.",
        "As a teamleider I believe we should trust people more.",
    ] {
        assert_rule(&c.check(&personal(s, None)), "disclaimer.leader");
    }
}

#[test]
fn the_policy_can_name_the_role_of_the_profile() {
    let c = checker(r#", "author": {"role": "leader"}"#);
    let f = c.check(&personal(
        "Op persoonlijke titel: trots op mijn leerlingen!",
        None,
    ));
    assert_rule(&f, "disclaimer.leader");
    let mut p = personal("Op persoonlijke titel: trots op mijn leerlingen!", None);
    p.context.author_role = Some(AuthorRole::Staff);
    assert_no_category(&c.check(&p), "disclaimer", "given role wins");
}

#[test]
fn an_employee_statement_when_the_school_demands_one() {
    let c = checker(r#", "statements": {"employee": {"required": true}}"#);
    let f = c.check(&personal(
        "Op persoonlijke titel: de ouderavond over het nieuwe rapport was druk bezocht.",
        None,
    ));
    assert_rule(&f, "disclaimer.employee");
    let fix = &f
        .iter()
        .find(|f| f.rule == "disclaimer.employee")
        .unwrap()
        .fixes[0];
    assert_eq!(fix.replacement, "Ik ben medewerker van OBS De Linde. ");
    for s in [
        "Ik ben medewerker van De Linde en op persoonlijke titel: de ouderavond was druk bezocht.",
        "Op persoonlijke titel (ik ben leerkracht op De Linde): de ouderavond was druk bezocht.",
        "Views are my own, I teach at De Linde: the parents' evening was busy.",
    ] {
        assert_no_rule(&c.check(&personal(s, None)), "disclaimer.employee", s);
    }
    // Not demanded by default.
    assert_no_rule(
        &checker("").check(&personal(
            "Op persoonlijke titel: de ouderavond was druk.",
            None,
        )),
        "disclaimer.employee",
        "default policy",
    );
}

#[test]
fn a_comments_line_and_the_schools_own_wording() {
    let c = checker(
        r#", "statements": {"comments": {"required": true,
              "phrases": ["reacties zijn voor eigen rekening"],
              "message": {"nl": "Zie protocol art. 4: reacties van anderen.", "en": "See art. 4."}}}"#,
    );
    let text = "Op persoonlijke titel: onze school krijgt een nieuw gebouw.";
    let f = c.check(&personal(text, None));
    let d = f.iter().find(|f| f.rule == "disclaimer.comments").unwrap();
    assert_eq!(d.message, "Zie protocol art. 4: reacties van anderen.");
    let fixed = apply_fix(text, &d.fixes[0]);
    assert!(fixed.ends_with("gebouw. Ik ben niet verantwoordelijk voor reacties van anderen."));
    let mut en = personal("Views are my own: our school gets a new building.", None);
    en.locale = Locale::En;
    let f = c.check(&en);
    let d = f.iter().find(|f| f.rule == "disclaimer.comments").unwrap();
    assert_eq!(d.message, "See art. 4.");
    for s in [
        "Op persoonlijke titel: onze school krijgt een nieuw gebouw. Reacties zijn voor eigen rekening.",
        "Op persoonlijke titel, niet verantwoordelijk voor reacties van anderen: onze school krijgt een nieuw gebouw.",
    ] {
        assert_no_rule(&c.check(&personal(s, None)), "disclaimer.comments", s);
    }
}

#[test]
fn only_leaders_speak_on_behalf_of_the_school_when_the_protocol_says_so() {
    let c = checker(r#", "statements": {"speak_for_school": "leaders"}"#);
    let f = c.check(&personal("Namens de school: dank aan alle ouders!", None));
    let d = f.iter().find(|f| f.rule == "disclaimer.on-behalf").unwrap();
    assert_eq!(d.text, "Namens de school");
    assert_eq!(d.fixes[0].replacement, "Op persoonlijke titel");
    assert_no_rule(&f, "disclaimer.missing", "one finding is enough");
    let f = c.check(&personal("Wij als school zijn trots op de kinderen.", None));
    let d = f.iter().find(|f| f.rule == "disclaimer.on-behalf").unwrap();
    assert!(d.fixes.is_empty());
    // Leaders may; and by default anyone may.
    assert_no_rule(
        &c.check(&personal(
            "Namens de school: dank aan alle ouders!",
            Some(AuthorRole::Leader),
        )),
        "disclaimer.on-behalf",
        "leader",
    );
    assert_no_category(
        &checker("").check(&personal("Namens de school: dank aan alle ouders!", None)),
        "disclaimer",
        "default policy",
    );
}

#[test]
fn an_ambassador_protocol_can_drop_the_capacity_statement() {
    let c = checker(
        r#", "statements": {"capacity": {"required": false}, "employee": {"required": true}}"#,
    );
    let f = c.check(&personal("Trots op mijn klas vandaag!", None));
    assert_no_rule(&f, "disclaimer.missing", "capacity not required");
    assert_rule(&f, "disclaimer.employee");
}

#[test]
fn an_empty_reply_to_a_parent_needs_no_statement_yet() {
    let mut p = personal("", None);
    p.context.reply_to_text = Some("Mijn zoon was ziek.".into());
    assert_no_category(&checker("").check(&p), "disclaimer", "empty draft");
    // Once it says something about school, the rule runs ("Beterschap!" alone is a
    // personal message: see the test below).
    p.text = "Beterschap! Hij mag de toets volgende week inhalen.".into();
    assert_rule(&checker("").check(&p), "disclaimer.missing");
}

fn personal_reply(text: &str, to: Option<ReplyTo>, answered: &str) -> Vec<crate::Finding> {
    let mut p = post(text, "personal");
    p.context.reply_to = to;
    if !answered.is_empty() {
        p.context.reply_to_text = Some(answered.to_string());
    }
    check_post(&policy(), &p)
}

/// Issue 10: a reply to a parent was always about school, so "Beterschap!" from a personal
/// account got `disclaimer.missing`. The addressee weighs only when the reply is not a
/// personal message; the reply's own school words still make it about school.
#[test]
fn a_personal_reply_to_a_parent_is_not_about_school_by_the_addressee_alone() {
    for s in [
        "Beterschap!",
        "Gefeliciteerd met jullie zoon, wat een mooi nieuws!",
        "Heel veel sterkte de komende tijd.",
        "Congratulations on the birth of your daughter!",
        "Get well soon!",
    ] {
        assert_no_rule(
            &personal_reply(s, Some(ReplyTo::Parent), ""),
            "disclaimer.missing",
            s,
        );
        assert_no_rule(
            &personal_reply(s, Some(ReplyTo::Student), ""),
            "disclaimer.missing",
            s,
        );
    }
    // The addressee inferred from the message answered: the same.
    assert_no_rule(
        &personal_reply(
            "Beterschap!",
            None,
            "Mijn dochter is ziek, ze blijft thuis.",
        ),
        "disclaimer.missing",
        "inferred parent",
    );
    // A school matter in the reply itself is about school, personal words or not.
    for s in [
        "Beterschap! Het huiswerk van groep 6 staat in de schoolapp.",
        "Get well soon, the class will miss her at the school trip.",
    ] {
        assert_rule(
            &personal_reply(s, Some(ReplyTo::Parent), ""),
            "disclaimer.missing",
        );
    }
    // A reply on a school matter without school words still counts (the addressee).
    assert_rule(
        &personal_reply(
            "Dat besluit blijft staan, daar maken we geen uitzondering op.",
            Some(ReplyTo::Parent),
            "",
        ),
        "disclaimer.missing",
    );
}

fn rare_name_roster() -> crate::compiled::Compiled {
    crate::compiled::Compiled::new(
        crate::policy::Policy::from_json(
            r#"{"school": {"name": "De Vlinder"},
                "roster": [
                  {"name": "Oleksandr Hrytsenko", "group": "NK2", "consent": {"social": true}},
                  {"name": "Tsegay Haile", "group": "NK2", "consent": {"social": true}},
                  {"name": "Daan Visser", "group": "NK2", "consent": {"social": true}}]}"#,
        )
        .unwrap(),
    )
}

#[test]
fn a_roster_pupil_acting_in_a_sentence_makes_it_about_school() {
    let roster = rare_name_roster();
    for s in [
        "Oleksandr heeft vandaag voor het eerst zelf zijn veters gestrikt!",
        "Tsegay's moeder belde net: hij mag toch mee.",
        "Zo blij voor Oleksandr, hij durfde eindelijk te zwemmen.",
    ] {
        let f = check_with(&roster, s, "personal");
        assert!(
            f.iter().any(|f| f.rule == "disclaimer.missing"),
            "{s}: {f:?}"
        );
    }
    // A common first name alone may be the writer's own child; a roster first name in a
    // longer name, after a place preposition or in a list of places is not a pupil.
    for s in [
        "Daan heeft vandaag een tekening gemaakt.",
        "Oleksandr Usyk bokst morgen weer, spannend.",
        "Een lang weekend in Tsegay, wat een mooie plek.",
        "Oleksandr en Kyiv: een boek dat ik iedereen aanraad.",
        "Tsegay. Wat een mooie naam voor een hond.",
    ] {
        assert_no_rule(&check_with(&roster, s, "personal"), "disclaimer.missing", s);
    }
}

#[test]
fn school_life_words_of_every_sector_make_it_about_school() {
    for s in [
        "Morgen een gastles over duurzaamheid, ik heb er zin in.",
        "Our sports day got rained off, so indoor games it was.",
        "Tassen gepakt, morgen begint de kampweek.",
        "De examencommissie vergadert vanavond tot laat.",
        "Lunch duty in the rain again, lovely.",
        "Vandaag de eerste praktijkles in de nieuwe hal.",
        // plurals of words the lists hold in the singular
        "Vanavond nog dertig profielwerkstukken, koffie graag.",
        "Overleg met twee decanen vanmiddag, nuttig.",
    ] {
        assert_rule(&check_personal(s), "disclaimer.missing");
    }
    for s in [
        "Het is kampioenschap weekend, de hele straat kijkt mee.",
        "Nieuwe toetsenbord besteld, de oude was kapot.",
        "Twee kampioenen in de straat, de buren vieren feest.",
    ] {
        assert_no_rule(&check_personal(s), "disclaimer.missing", s);
    }
}

#[test]
fn a_roster_group_written_as_year_and_name_is_a_school_word() {
    let policy = crate::compiled::Compiled::new(
        crate::policy::Policy::from_json(
            r#"{"school": {"name": "Groene Akker"},
                "roster": [{"name": "Tjitske Bosma", "group": "vmbo 3 Plant", "consent": {"social": true}}]}"#,
        )
        .unwrap(),
    );
    let f = check_with(
        &policy,
        "Morgen met 3 Plant de kas in, zaaien maar.",
        "personal",
    );
    assert_rule(&f, "disclaimer.missing");
    let f = check_with(&policy, "Morgen 3 planten voor de tuin kopen.", "personal");
    assert_no_rule(&f, "disclaimer.missing", "three plants");
}
