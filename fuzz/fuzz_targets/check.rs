//! `check` on arbitrary text and context, with a small arbitrary policy (school names,
//! roster, staff, extra words), plain or hashed.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use postwacht::policy::Pupil;
use postwacht::{
    Account, Attachment, AttachmentKind, Category, Checker, Context, Locale, Platform, Policy,
    Post, ReplyTo,
};
use postwacht_fuzz::check_and_assert;
use std::sync::OnceLock;

#[derive(Arbitrary, Debug)]
struct Input {
    platform: u8,
    school_account: bool,
    reply_to: u8,
    attachments: Vec<(bool, String)>,
    english: bool,
    policy: Option<SmallPolicy>,
    /// Last, so it takes the rest of the input: a seed is six bytes of context and a post.
    text: String,
}

#[derive(Arbitrary, Debug)]
struct SmallPolicy {
    school: String,
    aliases: Vec<String>,
    /// name, group, consent bits (social, website, schoolapp)
    roster: Vec<(String, String, u8)>,
    staff: Vec<String>,
    extra: Vec<(u8, String)>,
    phones: Vec<String>,
    hashed: bool,
}

const PLATFORMS: [Platform; 6] = [
    Platform::Facebook,
    Platform::X,
    Platform::Linkedin,
    Platform::Instagram,
    Platform::Schoolapp,
    Platform::Other,
];
const REPLY: [Option<ReplyTo>; 5] = [
    None,
    Some(ReplyTo::Parent),
    Some(ReplyTo::Student),
    Some(ReplyTo::Colleague),
    Some(ReplyTo::Other),
];

fn policy(sp: SmallPolicy) -> Policy {
    let mut p = Policy::default();
    p.school.name = sp.school;
    p.school.aliases = sp.aliases.into_iter().take(8).collect();
    p.roster = sp
        .roster
        .into_iter()
        .take(16)
        .map(|(name, group, c)| Pupil {
            name,
            group,
            consent: postwacht::policy::CHANNELS
                .iter()
                .enumerate()
                .map(|(i, ch)| (ch.to_string(), c & (1 << i) != 0))
                .collect(),
            ..Pupil::default()
        })
        .collect();
    p.staff = sp.staff.into_iter().take(8).collect();
    for (c, w) in sp.extra.into_iter().take(16) {
        let cat = Category::ALL[c as usize % Category::ALL.len()];
        p.extra_words.entry(cat).or_default().push(w);
    }
    p.public_contact.phones = sp.phones.into_iter().take(4).collect();
    if sp.hashed {
        p.hash_roster([7; 16]);
    }
    p
}

fuzz_target!(|input: Input| {
    static DEFAULT: OnceLock<Checker> = OnceLock::new();
    let post = Post {
        text: input.text,
        context: Context {
            platform: PLATFORMS[input.platform as usize % PLATFORMS.len()],
            account: if input.school_account {
                Account::School
            } else {
                Account::Personal
            },
            reply_to: REPLY[input.reply_to as usize % REPLY.len()],
            attachments: input
                .attachments
                .into_iter()
                .take(4)
                .map(|(video, name)| Attachment {
                    kind: if video {
                        AttachmentKind::Video
                    } else {
                        AttachmentKind::Image
                    },
                    name,
                })
                .collect(),
        },
        locale: if input.english {
            Locale::En
        } else {
            Locale::Nl
        },
    };
    match input.policy {
        None => check_and_assert(DEFAULT.get_or_init(Checker::with_default_policy), &post),
        Some(sp) => check_and_assert(&Checker::new(policy(sp)), &post),
    }
});
