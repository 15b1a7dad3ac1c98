//! `check` on arbitrary text and context, with a small arbitrary policy (school names,
//! roster, staff, extra words), plain or hashed.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use postwacht::policy::Pupil;
use postwacht::{
    Account, Attachment, AttachmentKind, AuthorRole, Category, Checker, Context, Gps, Locale,
    Owner, Platform, Policy, Post, ReplyTo,
};
use postwacht_fuzz::check_and_assert;
use std::sync::OnceLock;

#[derive(Arbitrary, Debug)]
struct Input {
    platform: u8,
    school_account: bool,
    reply_to: u8,
    reply_to_text: Option<String>,
    reply_to_author: Option<String>,
    identity: Option<String>,
    host: Option<String>,
    author_role: u8,
    attachments: Vec<Photo>,
    english: bool,
    policy: Option<SmallPolicy>,
    /// Last, so it takes the rest of the input: a seed is six bytes of context and a post.
    text: String,
}

#[derive(Arbitrary, Debug)]
struct Photo {
    video: bool,
    name: String,
    faces: Option<u8>,
    /// 0: unknown, 1: none, 2: present, 3: at a position
    gps: (u8, f32, f32),
    owner: Option<Result<bool, String>>,
    not_inspected: bool,
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

const PLATFORMS: [Platform; 6] = Platform::ALL;
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
            reply_to_text: input.reply_to_text,
            reply_to_author: input.reply_to_author,
            identity: input.identity,
            host: input.host,
            author_role: [None, Some(AuthorRole::Staff), Some(AuthorRole::Leader)]
                [input.author_role as usize % 3],
            attachments: input
                .attachments
                .into_iter()
                .take(4)
                .map(|a| {
                    let kind = if a.video {
                        AttachmentKind::Video
                    } else {
                        AttachmentKind::Image
                    };
                    let mut x = Attachment::new(kind, a.name);
                    x.faces = a.faces.map(u32::from);
                    x.gps = match a.gps.0 % 4 {
                        0 => None,
                        1 => Some(Gps::Present(false)),
                        2 => Some(Gps::Present(true)),
                        // Positions come from JSON, so never NaN or infinite.
                        _ => Some(Gps::At {
                            lat: f64::from(a.gps.1).clamp(-90.0, 90.0),
                            lon: f64::from(a.gps.2).clamp(-180.0, 180.0),
                        })
                        .filter(|g| matches!(g, Gps::At { lat, lon } if lat.is_finite() && lon.is_finite())),
                    };
                    x.owner = a.owner.map(|o| match o {
                        Ok(b) => Owner::Present(b),
                        Err(name) => Owner::Name(name),
                    });
                    x.not_inspected = a.not_inspected;
                    x
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
