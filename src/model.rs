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
    /// Every platform (the extension's copy is generated from it: `src/context/values.rs`).
    pub const ALL: [Platform; 6] = [
        Platform::Facebook,
        Platform::X,
        Platform::Linkedin,
        Platform::Instagram,
        Platform::Schoolapp,
        Platform::Other,
    ];
    pub fn parse(s: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|p| p.as_str() == s)
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
    /// Every addressee (the extension's copy is generated from it: `src/context/values.rs`).
    pub const ALL: [ReplyTo; 4] = [
        ReplyTo::Parent,
        ReplyTo::Student,
        ReplyTo::Colleague,
        ReplyTo::Other,
    ];
    /// `none` or an empty string: no addressee.
    pub fn parse(s: &str) -> Option<Option<ReplyTo>> {
        match s {
            "none" | "" => Some(None),
            _ => ReplyTo::ALL.into_iter().find(|r| r.as_str() == s).map(Some),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttachmentKind {
    Image,
    Video,
}

/// An attached photo or video. `faces`, `gps` and `owner` are what the on-device photo
/// inspection found (crates/postwacht-image); an attachment with only `kind` and `name` was
/// not inspected and is treated as before: people may be in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attachment {
    pub kind: AttachmentKind,
    pub name: String,
    /// How many faces the photo shows; absent: not inspected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub faces: Option<u32>,
    /// `true`/`false`, or the position: `{"lat": 52.09, "lon": 5.12}` or `[52.09, 5.12]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gps: Option<Gps>,
    /// The metadata names the camera's owner or the author: `true`/`false` or the name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<Owner>,
    /// The inspection read the file but not its pixels (over 40 megapixels, HEIC): any
    /// value but absent, null or false ("too-large", "no-decoder", true).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub not_inspected: bool,
}

impl Attachment {
    /// Not inspected: what the corpus and older callers send.
    pub fn new(kind: AttachmentKind, name: impl Into<String>) -> Attachment {
        Attachment {
            kind,
            name: name.into(),
            faces: None,
            gps: None,
            owner: None,
            not_inspected: false,
        }
    }

    /// The file carries a GPS position.
    pub fn has_gps(&self) -> bool {
        matches!(self.gps, Some(Gps::At { .. } | Gps::Present(true)))
    }

    /// The file names a person: its owner or author.
    pub fn has_owner(&self) -> bool {
        match &self.owner {
            Some(Owner::Present(b)) => *b,
            Some(Owner::Name(n)) => !n.trim().is_empty(),
            None => false,
        }
    }
}

/// Whether, or where, a photo's metadata puts it on the map.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Gps {
    Present(bool),
    At { lat: f64, lon: f64 },
}

// Positions are compared by value; a NaN never gets here (JSON has none).
impl Eq for Gps {}

/// Whether, or whom, a photo's metadata names as its owner or author.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Owner {
    Present(bool),
    Name(String),
}

// Read through serde_json::Value, whose deserializer the policy parser links in anyway:
// measured in the text core's wasm, the derived struct with three more fields (or untagged
// enums) added 4 KB gzipped; this adds a few hundred bytes. Extra keys are ignored.
impl<'de> Deserialize<'de> for Attachment {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Attachment, D::Error> {
        use serde_json::Value;
        let Value::Object(o) = Value::deserialize(d)? else {
            return Err(serde::de::Error::custom("attachment: expected an object"));
        };
        Attachment::from_fields(&o).map_err(serde::de::Error::custom)
    }
}

impl Attachment {
    fn from_fields(o: &serde_json::Map<String, serde_json::Value>) -> Result<Attachment, String> {
        use serde_json::Value;
        let kind = match o.get("kind") {
            Some(Value::String(k)) if k == "image" => AttachmentKind::Image,
            Some(Value::String(k)) if k == "video" => AttachmentKind::Video,
            None => return Err("attachment: missing field `kind`".into()),
            Some(k) => {
                return Err(format!(
                    "attachment: unknown kind {k}, expected `image` or `video`"
                ))
            }
        };
        let name = match o.get("name") {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(_) => return Err("attachment: `name` must be a string".into()),
        };
        let faces = match o.get("faces") {
            None | Some(Value::Null) => None,
            Some(v) => Some(
                v.as_u64()
                    .ok_or("attachment: `faces` must be a count")?
                    .min(u64::from(u32::MAX)) as u32,
            ),
        };
        let coord = |v: Option<&Value>| v.and_then(Value::as_f64);
        let gps = match o.get("gps") {
            None | Some(Value::Null) => None,
            Some(Value::Bool(b)) => Some(Gps::Present(*b)),
            Some(v) => {
                let (lat, lon) = match v {
                    Value::Object(p) => (coord(p.get("lat")), coord(p.get("lon"))),
                    Value::Array(p) if p.len() == 2 => (coord(p.first()), coord(p.get(1))),
                    _ => (None, None),
                };
                match (lat, lon) {
                    (Some(lat), Some(lon)) if lat.abs() <= 90.0 && lon.abs() <= 180.0 => {
                        Some(Gps::At { lat, lon })
                    }
                    _ => return Err(
                        "attachment: `gps` must be true, false, {\"lat\", \"lon\"} or [lat, lon]"
                            .into(),
                    ),
                }
            }
        };
        let owner = match o.get("owner") {
            None | Some(Value::Null) => None,
            Some(Value::Bool(b)) => Some(Owner::Present(*b)),
            Some(Value::String(s)) => Some(Owner::Name(s.clone())),
            Some(_) => return Err("attachment: `owner` must be true, false or a name".into()),
        };
        let not_inspected = !matches!(
            o.get("not_inspected"),
            None | Some(Value::Null | Value::Bool(false))
        );
        Ok(Attachment {
            kind,
            name,
            faces,
            gps,
            owner,
            not_inspected,
        })
    }
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
