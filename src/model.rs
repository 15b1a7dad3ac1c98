//! The data that crosses the core's boundary: a post in, findings out.
//!
//! Everything here is plain data with serde derives, so the command-line tool, the wasm
//! surface and the tests all speak the same JSON.

use serde::{Deserialize, Serialize};

/// The seven finding categories of the protocol (see ../shared/corpus/README.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Disclaimer,
    StudentName,
    PhotoConsent,
    Informal,
    Profanity,
    Confidential,
    Discussion,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Disclaimer,
        Category::StudentName,
        Category::PhotoConsent,
        Category::Informal,
        Category::Profanity,
        Category::Confidential,
        Category::Discussion,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Disclaimer => "disclaimer",
            Category::StudentName => "student-name",
            Category::PhotoConsent => "photo-consent",
            Category::Informal => "informal",
            Category::Profanity => "profanity",
            Category::Confidential => "confidential",
            Category::Discussion => "discussion",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    Facebook,
    X,
    Linkedin,
    Instagram,
    Schoolapp,
    #[default]
    Other,
}

impl Platform {
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Facebook => "facebook",
            Platform::X => "x",
            Platform::Linkedin => "linkedin",
            Platform::Instagram => "instagram",
            Platform::Schoolapp => "schoolapp",
            Platform::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<Platform> {
        [
            Platform::Facebook,
            Platform::X,
            Platform::Linkedin,
            Platform::Instagram,
            Platform::Schoolapp,
            Platform::Other,
        ]
        .into_iter()
        .find(|p| p.as_str() == s)
    }
}

/// Whose account the post is written from. `Auto` (the default, also what a missing or
/// `null` `account` means) lets the core decide from what it knows: the identity the site
/// shows in the composer, the policy's default per site and per platform (school-parent
/// apps are the school's channel unless the policy says otherwise), else personal. The
/// rules only ever see `Personal` or `School` (`context::resolve`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Account {
    #[default]
    Auto,
    Personal,
    School,
}

impl Account {
    pub fn as_str(self) -> &'static str {
        match self {
            Account::Auto => "auto",
            Account::Personal => "personal",
            Account::School => "school",
        }
    }
    pub fn parse(s: &str) -> Option<Account> {
        match s {
            "auto" | "" => Some(Account::Auto),
            "personal" => Some(Account::Personal),
            "school" => Some(Account::School),
            _ => None,
        }
    }
}

/// Who writes: a staff member, or a school leader (directie, MT, bestuur), who speaks as a
/// representative of the school even with a private opinion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthorRole {
    Staff,
    Leader,
}

impl AuthorRole {
    pub fn as_str(self) -> &'static str {
        match self {
            AuthorRole::Staff => "staff",
            AuthorRole::Leader => "leader",
        }
    }
    pub fn parse(s: &str) -> Option<AuthorRole> {
        match s {
            "staff" => Some(AuthorRole::Staff),
            "leader" => Some(AuthorRole::Leader),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReplyTo {
    Parent,
    Student,
    Colleague,
    Other,
}

impl ReplyTo {
    pub fn as_str(self) -> &'static str {
        match self {
            ReplyTo::Parent => "parent",
            ReplyTo::Student => "student",
            ReplyTo::Colleague => "colleague",
            ReplyTo::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<Option<ReplyTo>> {
        match s {
            "none" | "" => Some(None),
            "parent" => Some(Some(ReplyTo::Parent)),
            "student" => Some(Some(ReplyTo::Student)),
            "colleague" => Some(Some(ReplyTo::Colleague)),
            "other" => Some(Some(ReplyTo::Other)),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttachmentKind {
    Image,
    Video,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub kind: AttachmentKind,
    #[serde(default)]
    pub name: String,
}

/// The language messages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Nl,
    En,
}

impl Locale {
    pub fn parse(s: &str) -> Option<Locale> {
        match s {
            "nl" => Some(Locale::Nl),
            "en" => Some(Locale::En),
            _ => None,
        }
    }
}

/// Where and how a post is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Context {
    #[serde(default)]
    pub platform: Platform,
    /// `null` is read as `auto`.
    #[serde(default, deserialize_with = "null_is_default")]
    pub account: Account,
    /// Who is answered. Given, it wins; missing, the core infers it from `reply_to_text`,
    /// `reply_to_author` and the reply itself (the `context` module).
    #[serde(default)]
    pub reply_to: Option<ReplyTo>,
    /// The text of the message being answered, where the site shows it. Present (even
    /// empty: a reply whose message the site does not show) means the post is a reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to_text: Option<String>,
    /// The author label of the message being answered ("Fatima (moeder van Daan)").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to_author: Option<String>,
    /// The identity the composer says the post is written as ("Reageer als Het Baken
    /// College": `Het Baken College`). The school's name or an alias there means the
    /// school's account; another name a personal one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<String>,
    /// The site's host name (`www.facebook.com`), for the policy's per-site account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// Who writes; missing: the policy's `author_role`, else staff.
    #[serde(default)]
    pub author_role: Option<AuthorRole>,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

fn null_is_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// One post to check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Post {
    pub text: String,
    #[serde(default)]
    pub context: Context,
    /// Language of the messages; `lang` is accepted as an alias.
    #[serde(default, alias = "lang")]
    pub locale: Locale,
}

impl Post {
    pub fn new(text: impl Into<String>) -> Post {
        Post {
            text: text.into(),
            ..Post::default()
        }
    }

    /// Reads a post from JSON: `{"text": ..., "context": {...}, "locale": "nl"}`. Extra keys
    /// (the corpus carries `id`, `expect`, `note`, ...) are ignored at this level.
    pub fn from_json(json: &str) -> Result<Post, String> {
        serde_json::from_str(json).map_err(|e| format!("post: {e}"))
    }
}

/// A range of the post's text, in both units: bytes for Rust, UTF-16 code units for
/// JavaScript (what `String.prototype.slice` takes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub start_byte: usize,
    pub end_byte: usize,
}

/// A one-click change: replace `span` of the text with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub label: String,
    pub replacement: String,
    pub span: Span,
}

/// One thing in the post that breaks (or may break) the protocol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub category: Category,
    /// Stable rule id, e.g. `confidential.phone`.
    pub rule: String,
    pub severity: Severity,
    /// Start and end in UTF-16 code units (flattened so JavaScript and score.py read them directly).
    pub start: usize,
    pub end: usize,
    pub start_byte: usize,
    pub end_byte: usize,
    /// The text under the span.
    pub text: String,
    pub message: String,
    /// Short citation of the protocol rule this enforces.
    pub reference: String,
    pub fixes: Vec<Fix>,
}

impl Finding {
    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
            start_byte: self.start_byte,
            end_byte: self.end_byte,
        }
    }
}
