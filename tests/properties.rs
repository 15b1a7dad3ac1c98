//! Property tests: for any text (arbitrary Unicode, and a mix of the pieces rules look at),
//! `check` does not panic, and every span lies on character boundaries inside the text with
//! UTF-16 offsets that agree with the byte offsets.

use postwacht::{
    Account, Attachment, AttachmentKind, Checker, Finding, Locale, Platform, Policy, Post, ReplyTo,
};
use proptest::prelude::*;
use std::sync::OnceLock;

fn checker() -> &'static Checker {
    static C: OnceLock<Checker> = OnceLock::new();
    C.get_or_init(|| {
        Checker::from_policy_json(
            r#"{"school": {"name": "OBS De Linde", "aliases": ["De Linde"]},
                "roster": [{"name": "Daan de Vries", "group": "6", "consent": {"social": false}},
                           {"name": "Zoë Kok", "group": "1"}, {"name": "Roos Dekker", "group": "4"}],
                "staff": ["Emma Verbeek"], "contact": {"phone": "050-1234567"}}"#,
        )
        .unwrap()
    })
}

fn u16_at(text: &str, byte: usize) -> usize {
    text[..byte].encode_utf16().count()
}

fn assert_spans(text: &str, findings: &[Finding]) -> Result<(), TestCaseError> {
    for f in findings {
        prop_assert!(
            f.start_byte <= f.end_byte && f.end_byte <= text.len(),
            "{f:?}"
        );
        prop_assert!(
            text.is_char_boundary(f.start_byte) && text.is_char_boundary(f.end_byte),
            "{f:?}"
        );
        prop_assert_eq!(f.start, u16_at(text, f.start_byte));
        prop_assert_eq!(f.end, u16_at(text, f.end_byte));
        prop_assert_eq!(&f.text, &text[f.start_byte..f.end_byte]);
        for fix in &f.fixes {
            let s = fix.span;
            prop_assert!(s.start_byte <= s.end_byte && s.end_byte <= text.len());
            prop_assert!(text.is_char_boundary(s.start_byte) && text.is_char_boundary(s.end_byte));
            prop_assert_eq!(s.start, u16_at(text, s.start_byte));
            prop_assert_eq!(s.end, u16_at(text, s.end_byte));
        }
    }
    Ok(())
}

/// Pieces the rules react to, glued together in random order.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Daan".to_string()),
        Just("de Vries".to_string()),
        Just("uit groep 6".to_string()),
        Just("Zoë".to_string()),
        Just("Zoe\u{0308}".to_string()),
        Just("roos".to_string()),
        Just("ff".to_string()),
        Just("xxx".to_string()),
        Just("superrrr".to_string()),
        Just("!!!".to_string()),
        Just("😂😂".to_string()),
        Just("👍🏽".to_string()),
        Just("k*t".to_string()),
        Just("sh1t".to_string()),
        Just("ｓｈｉｔ".to_string()),
        Just("k\u{200B}ut".to_string()),
        Just("kankerzooi".to_string()),
        Just("06-12345678".to_string()),
        Just("+31 (0)6-12 34 56 78".to_string()),
        Just("a@b.nl".to_string()),
        Just("Lindelaan 14, 9721 AB Groningen".to_string()),
        Just("123456782".to_string()),
        Just("geboren op 12-03-2019".to_string()),
        Just("heeft ADHD".to_string()),
        Just("haalde een 3 voor rekenen".to_string()),
        Just("Nee,".to_string()),
        Just("wel degelijk".to_string()),
        Just("op persoonlijke titel".to_string()),
        Just("R. uit 4vwo".to_string()),
        Just("MORGEN IS HET".to_string()),
        Just("İstanbul".to_string()),
        Just("ß".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("\n".to_string()),
        "[a-zA-Z0-9 .,!?'()*@#$-]{0,12}",
        any::<String>().prop_map(|s| s.chars().take(6).collect()),
    ]
}

fn context() -> impl Strategy<Value = (Platform, Account, Option<ReplyTo>, bool, Locale)> {
    (
        prop_oneof![
            Just(Platform::Facebook),
            Just(Platform::Schoolapp),
            Just(Platform::Other)
        ],
        prop_oneof![Just(Account::Personal), Just(Account::School)],
        prop_oneof![
            Just(None),
            Just(Some(ReplyTo::Parent)),
            Just(Some(ReplyTo::Student))
        ],
        any::<bool>(),
        prop_oneof![Just(Locale::Nl), Just(Locale::En)],
    )
}

fn post(
    text: String,
    (platform, account, reply_to, image, locale): (
        Platform,
        Account,
        Option<ReplyTo>,
        bool,
        Locale,
    ),
) -> Post {
    let mut p = Post::new(text);
    p.context.platform = platform;
    p.context.account = account;
    p.context.reply_to = reply_to;
    p.locale = locale;
    if image {
        p.context
            .attachments
            .push(Attachment::new(AttachmentKind::Image, "a.jpg"));
    }
    p
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn arbitrary_unicode_never_panics_and_spans_are_sound(text in any::<String>(), ctx in context()) {
        let p = post(text, ctx);
        let f = checker().check(&p);
        assert_spans(&p.text, &f)?;
    }

    #[test]
    fn mixed_pieces_never_panic_and_spans_are_sound(
        pieces in prop::collection::vec(piece(), 0..24),
        seps in prop::collection::vec(prop_oneof![Just(" "), Just(""), Just(", "), Just(". "), Just("\u{200D}")], 24),
        ctx in context(),
    ) {
        let mut text = String::new();
        for (i, p) in pieces.iter().enumerate() {
            text.push_str(p);
            text.push_str(seps[i % seps.len()]);
        }
        let p = post(text, ctx);
        let f = checker().check(&p);
        assert_spans(&p.text, &f)?;
    }

    #[test]
    fn any_policy_text_gives_a_policy_or_an_error(s in any::<String>()) {
        let _ = Policy::from_json(&s);
        let _ = Policy::from_json_lenient(&s);
    }

    #[test]
    fn any_json_shaped_policy_gives_a_policy_or_an_error(
        keys in prop::collection::vec(prop_oneof![
            Just("school"), Just("roster"), Just("staff"), Just("rules"), Just("contact"),
            Just("extra_words"), Just("channels"), Just("capacity_statement"), Just("bogus")], 0..5),
        vals in prop::collection::vec(prop_oneof![
            Just("null"), Just("1"), Just("\"x\""), Just("[]"), Just("{}"), Just("[{}]"),
            Just("[{\"name\": 3}]"), Just("{\"name\": [\"a\"]}"), Just("{\"informal\": \"off\"}"),
            Just("[{\"name\": \"A B\", \"consent\": {\"social\": \"ja\"}}]")], 5),
    ) {
        let body: Vec<String> = keys.iter().enumerate().map(|(i, k)| format!("\"{k}\": {}", vals[i % vals.len()])).collect();
        let json = format!("{{{}}}", body.join(", "));
        if let Ok(p) = Policy::from_json(&json) {
            let c = Checker::new(p);
            let _ = c.check(&Post::new("Daan uit groep 6 ff bellen: 06-12345678"));
        }
        let (p, _) = Policy::from_json_lenient(&json);
        let _ = Checker::new(p).check(&Post::new("test"));
    }
}

#[test]
fn huge_paste_is_checked() {
    let unit = "Daan uit groep 6 ff bellen op 06-12345678!!! 😂😂 ";
    let text = unit.repeat(20_000); // ~1 MB
    let f = checker().check(&Post::new(text.clone()));
    assert!(f.len() > 20_000);
    assert!(f
        .iter()
        .all(|x| text.is_char_boundary(x.start_byte) && text.is_char_boundary(x.end_byte)));
}
