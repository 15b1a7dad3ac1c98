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
    /// Shown by policy editors (Dutch: IT at a Dutch school reads it); top level only.
    pub title: &'static str,
    pub description: &'static str,
    pub ty: Ty,
}

const fn field(key: &'static str, ty: Ty) -> Field {
    Field {
        key,
        title: "",
        description: "",
        ty,
    }
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

/// The top level of a policy file. (`$schema`, for editors, is accepted and ignored.)
pub const POLICY: &[Field] = &[
    Field {
        key: "version",
        title: "Formaatversie",
        description: "Policy format version: 1.",
        ty: Ty::Int,
    },
    Field {
        key: "school",
        title: "School",
        description: "The school's names: topic signals, never pupil names.",
        ty: Ty::Object(SCHOOL),
    },
    Field {
        key: "roster_salt",
        title: "Sleutel van de gehashte leerlingenlijst",
        description: "32 hex digits, written by `postwacht policy build`.",
        ty: Ty::Str,
    },
    Field {
        key: "roster",
        title: "Leerlingen",
        description: "Pupils: name (or hashed_name + initial), group as text, consent per channel (social, website, schoolapp; missing = no consent).",
        ty: Ty::List(&Ty::Object(PUPIL)),
    },
    Field {
        key: "staff",
        title: "Personeel",
        description: "Staff names: never reported as pupils.",
        ty: STRINGS,
    },
    Field {
        key: "rules",
        title: "Regels",
        description: "Rule id or category -> \"error\", \"warning\", \"info\" or \"off\". Teachers can make these stricter, never weaker.",
        ty: Ty::Map(&Ty::Str),
    },
    Field {
        key: "capacity_statement",
        title: "Disclaimer",
        description: "The text the disclaimer fix inserts, per language.",
        ty: Ty::Object(CAPACITY_STATEMENT),
    },
    Field {
        key: "contact",
        title: "Openbare contactgegevens van de school",
        description: "Never reported as confidential. Lists of text.",
        ty: Ty::Object(CONTACT),
    },
    Field {
        key: "offline_contact",
        title: "Offline verder",
        description: "The line the discussion fix suggests, per language.",
        ty: Ty::Object(OFFLINE_CONTACT),
    },
    Field {
        key: "extra_words",
        title: "Extra woorden",
        description: "Category (informal, profanity, confidential, disclaimer, discussion) -> list of words.",
        ty: Ty::Map(&STRINGS),
    },
    Field {
        key: "channels",
        title: "Kanalen",
        description: "Platform (facebook, x, linkedin, instagram, schoolapp, other) -> consent channel (social, website, schoolapp).",
        ty: Ty::Map(&Ty::Str),
    },
    Field {
        key: "extension",
        title: "Extensie",
        description: "Extra sites to check; whether teachers may pause Postwacht or publish despite errors, and whether that needs a reason.",
        ty: Ty::Object(EXTENSION),
    },
];

/// The extra managed key: the whole policy as one JSON string (read by the extension's
/// policy store, not part of a policy file).
const POLICY_JSON: Field = Field {
    key: "policy_json",
    title: "Het hele protocol als JSON-tekst",
    description: "The whole policy (the format of `postwacht policy check`) as one JSON string. Preferred: the extension validates it itself and shows every problem with its path. Keys below, when set, win over the same top-level key in this string.",
    ty: Ty::Str,
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

fn field_schema(f: &Field) -> Value {
    let mut v = type_schema(&f.ty);
    let o = v.as_object_mut().expect("a type schema is an object");
    if !f.title.is_empty() {
        o.insert("title".into(), f.title.into());
    }
    if !f.description.is_empty() {
        o.insert("description".into(), f.description.into());
    }
    v
}

fn properties(fields: &[Field]) -> Value {
    let m: Map<String, Value> = fields
        .iter()
        .map(|f| (f.key.to_string(), field_schema(f)))
        .collect();
    Value::Object(m)
}

/// `extension/managed_schema.json`: the managed keys Chromium accepts from IT's browser
/// policy, that is `policy_json` plus every top-level key of the policy format.
pub fn managed_schema() -> Value {
    let mut props = Map::new();
    props.insert(POLICY_JSON.key.into(), field_schema(&POLICY_JSON));
    for f in POLICY {
        props.insert(f.key.into(), field_schema(f));
    }
    json!({"type": "object", "properties": props})
}

/// [`managed_schema`] as the text of the committed file (pretty-printed, final newline).
pub fn managed_schema_text() -> String {
    serde_json::to_string_pretty(&managed_schema()).expect("a schema serialises") + "\n"
}

#[cfg(test)]
mod tests;
