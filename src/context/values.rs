//! The context values the extension validates a page's hints against (a test page's
//! `postwacht-platform`, a composer's `data-postwacht-reply-to`), generated from the core's
//! enums so the two cannot drift: `extension/shared/context-values.js` is this module's
//! [`extension_module`], and a test fails when the committed file differs (regenerate with
//! `POSTWACHT_WRITE_GENERATED=1 cargo test --lib context::values`).

use crate::model::{Platform, ReplyTo};

/// Where the generated module lives, relative to the repository.
pub const EXTENSION_MODULE: &str = "extension/shared/context-values.js";

/// The JavaScript module with the platforms and addressees of [`Platform::ALL`] and
/// [`ReplyTo::ALL`].
pub fn extension_module() -> String {
    let list = |v: Vec<&str>| {
        v.iter()
            .map(|s| format!("'{s}'"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "// Generated from the core's Platform and ReplyTo (src/context/values.rs); do not edit:\n\
         // `cargo test` fails when this file differs from what the core generates.\n\
         \n\
         /** The platforms the core knows. @type {{readonly string[]}} */\n\
         export const PLATFORMS = Object.freeze([{}]);\n\
         /** Who a reply can answer (`reply_to`; no addressee is null). @type {{readonly string[]}} */\n\
         export const REPLY_TO = Object.freeze([{}]);\n",
        list(Platform::ALL.iter().map(|p| p.as_str()).collect()),
        list(ReplyTo::ALL.iter().map(|r| r.as_str()).collect()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant is in `ALL` (a new one fails to compile here until it is added).
    #[test]
    fn all_lists_every_variant() {
        let n = |p: Platform| match p {
            Platform::Facebook
            | Platform::X
            | Platform::Linkedin
            | Platform::Instagram
            | Platform::Schoolapp
            | Platform::Other => 6,
        };
        assert_eq!(Platform::ALL.len(), n(Platform::Other));
        let m = |r: ReplyTo| match r {
            ReplyTo::Parent | ReplyTo::Student | ReplyTo::Colleague | ReplyTo::Other => 4,
        };
        assert_eq!(ReplyTo::ALL.len(), m(ReplyTo::Other));
        for r in ReplyTo::ALL {
            assert_eq!(ReplyTo::parse(r.as_str()), Some(Some(r)));
        }
        assert_eq!(ReplyTo::parse("none"), Some(None));
        assert_eq!(ReplyTo::parse("ouder"), None);
    }

    #[test]
    fn the_extension_module_is_what_the_core_generates() {
        let path = format!("{}/{EXTENSION_MODULE}", env!("CARGO_MANIFEST_DIR"));
        let want = extension_module();
        if std::env::var_os("POSTWACHT_WRITE_GENERATED").is_some() {
            std::fs::write(&path, &want).expect("write the generated module");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == want,
            "{EXTENSION_MODULE} is not what the core generates; run\n    \
             POSTWACHT_WRITE_GENERATED=1 cargo test --lib context::values"
        );
    }
}
