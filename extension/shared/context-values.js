// Generated from the core's Platform and ReplyTo (src/context/values.rs); do not edit:
// `cargo test` fails when this file differs from what the core generates.

/** The platforms the core knows. @type {readonly string[]} */
export const PLATFORMS = Object.freeze(['facebook', 'x', 'linkedin', 'instagram', 'schoolapp', 'other']);
/** Who a reply can answer (`reply_to`; no addressee is null). @type {readonly string[]} */
export const REPLY_TO = Object.freeze(['parent', 'student', 'colleague', 'other']);
