//! The sample protocols (`samples/protocols/`) express three kinds of school protocol; these
//! tests check that each behaves as its kind demands.

use postwacht::{Account, AuthorRole, Checker, Platform, Post, Severity};

fn checker(name: &str) -> Checker {
    let path = format!(
        "{}/samples/protocols/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    Checker::from_policy_json(&std::fs::read_to_string(&path).expect("sample")).expect("valid")
}

fn post(text: &str, platform: Platform, account: Account, role: Option<AuthorRole>) -> Post {
    let mut p = Post::new(text);
    p.context.platform = platform;
    p.context.account = account;
    p.context.author_role = role;
    p
}

fn rules(c: &Checker, p: &Post) -> Vec<String> {
    c.check(p).into_iter().map(|f| f.rule).collect()
}

#[test]
fn strict_leaders_speak_for_the_school_and_others_in_the_first_person() {
    let c = checker("strict");
    let p = post(
        "Op persoonlijke titel: de werkdruk op Het Baken is te hoog. Ik ben niet verantwoordelijk voor reacties van anderen.",
        Platform::Linkedin,
        Account::Auto,
        Some(AuthorRole::Leader),
    );
    let f = c.check(&p);
    let d = f
        .iter()
        .find(|f| f.rule == "disclaimer.leader")
        .expect("leader");
    assert_eq!(d.severity, Severity::Error);
    assert!(d.message.starts_with("Protocol art. 3.2"), "{}", d.message);
    let p = post(
        "Namens de school: dank aan alle ouders voor de hulp!",
        Platform::Facebook,
        Account::Auto,
        None,
    );
    assert!(rules(&c, &p).contains(&"disclaimer.on-behalf".to_string()));
    let p = post(
        "Op persoonlijke titel: trots op mijn leerlingen van Het Baken.",
        Platform::Facebook,
        Account::Auto,
        None,
    );
    assert_eq!(rules(&c, &p), ["disclaimer.comments"]);
}

#[test]
fn ambassador_posts_say_they_speak_as_a_teacher_of_the_school() {
    let c = checker("ambassador");
    let p = post(
        "Trots op mijn leerlingen van Maaslandcollege!",
        Platform::Linkedin,
        Account::Auto,
        None,
    );
    assert_eq!(rules(&c, &p), ["disclaimer.employee"]);
    let fixed = post(
        "Ik schrijf dit als docent van Maaslandcollege. Trots op mijn leerlingen van Maaslandcollege!",
        Platform::Linkedin,
        Account::Auto,
        None,
    );
    assert!(rules(&c, &fixed).is_empty(), "{:?}", rules(&c, &fixed));
}

#[test]
fn schoolapp_first_class_messages_in_the_app_are_the_schools() {
    let c = checker("schoolapp-first");
    let text = "Beste ouders van groep 6, morgen is de sportdag. Neem gymschoenen mee!";
    let app = post(text, Platform::Schoolapp, Account::Auto, None);
    assert!(rules(&c, &app).is_empty(), "{:?}", rules(&c, &app));
    let mut site = post(text, Platform::Other, Account::Auto, None);
    site.context.host = Some("talk.parro.com".into());
    assert!(rules(&c, &site).is_empty(), "{:?}", rules(&c, &site));
    let fb = post(text, Platform::Facebook, Account::Auto, None);
    let r = rules(&c, &fb);
    assert!(r.contains(&"disclaimer.missing".to_string()), "{r:?}");
    assert!(r.contains(&"disclaimer.employee".to_string()), "{r:?}");
}
