//! The policy format as one table: every key, its type and what it means. The validator
//! ([`super::validate`]) takes its key lists from here, and `extension/managed_schema.json`
//! (what Chromium uses to type a managed policy set by IT) is generated from it by
//! [`managed_schema`] (`postwacht policy schema`; a test checks the committed file).
//!
//! Why a table and not `schemars` on derived types: the validator works on
//! `serde_json::Value` so it can report every problem with its path and keep the valid parts
//! (see the module docs of [`super`]); there are no serde types of the file format for
//! schemars to read, and its output (`$ref`, `definitions`, `oneOf` for the string-or-object
//! keys, `format`, `minimum`) is outside the dialect Chromium's managed_schema accepts
//! (`type`, `properties`, `items`, `additionalProperties`, `title`, `description`). The
//! table describes the JSON shape Chromium can type; the validator is more lenient where
//! the format allows more (a single string for a list, a number for a group, a string for a
//! `{"nl", "en"}` text, `false` for "off"), which a test below keeps honest.

use serde_json::{json, Map, Value};

/// The JSON type of a policy key, in the terms of a Chromium managed schema.
pub enum Ty {
    Str,
    Int,
    Bool,
    /// A list of values of one type.
    List(&'static Ty),
    /// An object with the fixed keys of the table.
    Object(&'static [Field]),
    /// An object whose keys come from a domain the validator knows (rule ids, categories,
    /// platforms): every value of one type.
    Map(&'static Ty),
}

/// One key of the policy format.
pub struct Field {
    pub key: &'static str,
    pub ty: Ty,
}

const fn field(key: &'static str, ty: Ty) -> Field {
    Field { key, ty }
}

/// What a policy editor shows for a top-level key: a title (Dutch: IT at a Dutch school
/// reads it) and a description. Kept apart from [`POLICY`] so that the validator, which the
/// wasm carries, does not pull these texts in; a test checks both name the same keys.
pub struct Doc {
    pub key: &'static str,
    pub title: &'static str,
    pub description: &'static str,
}

const STRINGS: Ty = Ty::List(&Ty::Str);
const NL_EN: &[Field] = &[field("nl", Ty::Str), field("en", Ty::Str)];

pub const SCHOOL: &[Field] = &[
    field("name", Ty::Str),
    field("aliases", STRINGS),
    field("board", Ty::Str),
];

/// The consent channels ([`super::CHANNELS`], checked by a test).
pub const CONSENT: &[Field] = &[
    field("social", Ty::Bool),
    field("website", Ty::Bool),
    field("schoolapp", Ty::Bool),
];

pub const PUPIL: &[Field] = &[
    field("name", Ty::Str),
    field("hashed_name", STRINGS),
    field("initial", Ty::Str),
    field("group", Ty::Str),
    field("consent", Ty::Object(CONSENT)),
];

pub const CONTACT: &[Field] = &[
    field("phone", STRINGS),
    field("email", STRINGS),
    field("address", STRINGS),
    field("website", STRINGS),
];

pub const EXTENSION: &[Field] = &[
    field("sites", STRINGS),
    field("allow_pause", Ty::Bool),
    field("allow_override", Ty::Bool),
    field("override_needs_reason", Ty::Bool),
];

pub const CAPACITY_STATEMENT: &[Field] = NL_EN;
pub const OFFLINE_CONTACT: &[Field] = NL_EN;

/// `accounts`: which account a platform or site counts as by default.
pub const ACCOUNTS: &[Field] = &[
    field("platforms", Ty::Map(&Ty::Str)),
    field("sites", Ty::Map(&Ty::Str)),
];

/// `author`: who writes (for a managed profile) and which job titles are leaders.
pub const AUTHOR: &[Field] = &[field("role", Ty::Str), field("leader_titles", STRINGS)];

/// One statement of `statements`.
pub const STATEMENT: &[Field] = &[
    field("required", Ty::Bool),
    field("phrases", STRINGS),
    field("text", Ty::Object(NL_EN)),
    field("message", Ty::Object(NL_EN)),
];

/// `statements`: what a school-topic post from a personal account must carry.
pub const STATEMENTS: &[Field] = &[
    field("capacity", Ty::Object(STATEMENT)),
    field("employee", Ty::Object(STATEMENT)),
    field("comments", Ty::Object(STATEMENT)),
    field("representative", Ty::Object(STATEMENT)),
    field("speak_for_school", Ty::Str),
    field("speak_for_school_message", Ty::Object(NL_EN)),
];

/// The top level of a policy file. (`$schema`, for editors, is accepted and ignored.)
pub const POLICY: &[Field] = &[
    field("version", Ty::Int),
    field("school", Ty::Object(SCHOOL)),
    field("roster_salt", Ty::Str),
    field("roster", Ty::List(&Ty::Object(PUPIL))),
    field("staff", STRINGS),
    field("rules", Ty::Map(&Ty::Str)),
    field("capacity_statement", Ty::Object(CAPACITY_STATEMENT)),
    field("contact", Ty::Object(CONTACT)),
    field("offline_contact", Ty::Object(OFFLINE_CONTACT)),
    field("extra_words", Ty::Map(&STRINGS)),
    field("channels", Ty::Map(&Ty::Str)),
    field("extension", Ty::Object(EXTENSION)),
    field("accounts", Ty::Object(ACCOUNTS)),
    field("author", Ty::Object(AUTHOR)),
    field("statements", Ty::Object(STATEMENTS)),
];

/// Titles and descriptions of the top-level keys, in the order of [`POLICY`].
pub const DOCS: &[Doc] = &[
    Doc {
        key: "version",
        title: "Formaatversie",
        description: "Policy format version: 1.",
    },
    Doc {
        key: "school",
        title: "School",
        description: "The school's names: topic signals, never pupil names.",
    },
    Doc {
        key: "roster_salt",
        title: "Sleutel van de gehashte leerlingenlijst",
        description: "32 hex digits, written by `postwacht policy build`.",
    },
    Doc {
        key: "roster",
        title: "Leerlingen",
        description: "Pupils: name (or hashed_name + initial), group as text, consent per channel (social, website, schoolapp; missing = no consent).",
    },
    Doc {
        key: "staff",
        title: "Personeel",
        description: "Staff names: never reported as pupils.",
    },
    Doc {
        key: "rules",
        title: "Regels",
        description: "Rule id or category -> \"error\", \"warning\", \"info\" or \"off\". Teachers can make these stricter, never weaker.",
    },
    Doc {
        key: "capacity_statement",
        title: "Disclaimer",
        description: "The text the disclaimer fix inserts, per language.",
    },
    Doc {
        key: "contact",
        title: "Openbare contactgegevens van de school",
        description: "Never reported as confidential. Lists of text.",
    },
    Doc {
        key: "offline_contact",
        title: "Offline verder",
        description: "The line the discussion fix suggests, per language.",
    },
    Doc {
        key: "extra_words",
        title: "Extra woorden",
        description: "Category (informal, profanity, confidential, disclaimer, discussion) -> list of words.",
    },
    Doc {
        key: "channels",
        title: "Kanalen",
        description: "Platform (facebook, x, linkedin, instagram, schoolapp, other) -> consent channel (social, website, schoolapp).",
    },
    Doc {
        key: "extension",
        title: "Extensie",
        description: "Extra sites to check; whether teachers may pause Postwacht or publish despite errors, and whether that needs a reason.",
    },
    Doc {
        key: "accounts",
        title: "Accounts",
        description: "Default account per platform (platforms: facebook, x, linkedin, instagram, schoolapp, other) and per site (sites: a host name, which also covers its subdomains such as www. and m.): \"school\" or \"personal\". Default: schoolapp is the school's channel, everything else personal.",
    },
    Doc {
        key: "author",
        title: "Schrijver",
        description: "role: \"staff\" or \"leader\" for whoever uses this browser profile (give the leaders' organisational unit its own managed policy); leader_titles: job titles that count as leadership (directeur, MT, bestuurder, ...).",
    },
    Doc {
        key: "statements",
        title: "Verplichte vermeldingen",
        description: "Which statements a school-topic post from a personal account must carry: capacity (op persoonlijke titel), employee (ik ben medewerker van ...), comments (niet verantwoordelijk voor reacties van anderen), representative (for leaders). Each: required, phrases that count, text the fix inserts ({school} = the school's name), message (the school's wording). speak_for_school: \"anyone\" or \"leaders\" (only leaders may write namens de school from a personal account).",
    },
];

/// The extra managed key: the whole policy as one JSON string (read by the extension's
/// policy store, not part of a policy file).
const POLICY_JSON: Doc = Doc {
    key: "policy_json",
    title: "Het hele protocol als JSON-tekst",
    description: "The whole policy (the format of `postwacht policy check`) as one JSON string. Preferred: the extension validates it itself and shows every problem with its path. Keys below, when set, win over the same top-level key in this string.",
};

/// The keys of a table, for "expected one of" hints.
pub fn keys(fields: &[Field]) -> Vec<&'static str> {
    fields.iter().map(|f| f.key).collect()
}

fn type_schema(ty: &Ty) -> Value {
    match ty {
        Ty::Str => json!({"type": "string"}),
        Ty::Int => json!({"type": "integer"}),
        Ty::Bool => json!({"type": "boolean"}),
        Ty::List(item) => json!({"type": "array", "items": type_schema(item)}),
        Ty::Object(fields) => json!({"type": "object", "properties": properties(fields)}),
        Ty::Map(value) => json!({"type": "object", "additionalProperties": type_schema(value)}),
    }
}

fn documented(mut schema: Value, doc: &Doc) -> Value {
    let o = schema.as_object_mut().expect("a type schema is an object");
    o.insert("title".into(), doc.title.into());
    o.insert("description".into(), doc.description.into());
    schema
}

fn properties(fields: &[Field]) -> Value {
    let m: Map<String, Value> = fields
        .iter()
        .map(|f| (f.key.to_string(), type_schema(&f.ty)))
        .collect();
    Value::Object(m)
}

/// `extension/managed_schema.json`: the managed keys Chromium accepts from IT's browser
/// policy, that is `policy_json` plus every top-level key of the policy format.
pub fn managed_schema() -> Value {
    let mut props = Map::new();
    props.insert(
        POLICY_JSON.key.into(),
        documented(type_schema(&Ty::Str), &POLICY_JSON),
    );
    for (f, doc) in POLICY.iter().zip(DOCS) {
        props.insert(f.key.into(), documented(type_schema(&f.ty), doc));
    }
    json!({"type": "object", "properties": props})
}

/// [`managed_schema`] as the text of the committed file (pretty-printed, final newline).
pub fn managed_schema_text() -> String {
    serde_json::to_string_pretty(&managed_schema()).expect("a schema serialises") + "\n"
}

#[cfg(test)]
mod tests;
