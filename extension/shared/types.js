// Shapes of the data the content script, the popup and the options page pass around
// (JSDoc only; checked by `tsc --checkJs`, see extension/tsconfig.json). The findings come
// from the wasm core (src/), through the background service worker.

/** @typedef {'error' | 'warning' | 'info'} Severity */

/**
 * A fix the user may apply: `replacement` for the text in `span` (UTF-16 offsets).
 * @typedef {{replacement: string, label?: string, span: {start: number, end: number}}} Fix
 */

/**
 * One finding of the core, spans in UTF-16 code units of the checked text. `quote`: what
 * the card shows instead of an empty `text` (an attachment's name, set by
 * content/attachments.js; never sent to the core).
 * @typedef {{
 *   category: string, rule: string, severity: Severity, start: number, end: number,
 *   text: string, message: string, reference?: string, fixes?: Fix[], quote?: string,
 * }} Finding
 */

/** @typedef {{kind: 'image' | 'video', name: string}} Attachment */

/** @typedef {'parent' | 'student' | 'colleague' | 'other'} ReplyTo */

/**
 * Where a post is written, as the core's `context` (src/model.rs).
 * @typedef {{
 *   platform: string, account: 'auto' | 'personal' | 'school', reply_to: ReplyTo | null,
 *   attachments: Attachment[], host?: string, identity?: string, reply_to_text?: string,
 *   reply_to_author?: string, author_role?: 'staff' | 'leader',
 * }} PostContext
 */

/**
 * The context the core checked a post in, and where each part came from (src/context/).
 * @typedef {{
 *   account: 'personal' | 'school', account_from: string, reply_to: ReplyTo | null,
 *   reply_to_from: string, reply_to_clue?: string, reply_to_clue_in?: string,
 *   author_role: 'staff' | 'leader', author_role_from: string,
 * }} ResolvedContext
 */

/** @typedef {{error: number, warning: number, info: number}} Counts */

/**
 * A rule's severities as the background reports them (policy-store.js).
 * @typedef {{id: string, category: string, default: string, school: string, teacher: string | null, effective: string, locked: boolean}} RuleInfo
 */

/**
 * The policy in force and its extension settings, as the background answers "policy-info".
 * @typedef {{
 *   allow_pause?: boolean, allow_override?: boolean, override_needs_reason?: boolean,
 *   sites?: string[], source?: string, name?: string, problems?: string[],
 *   rules?: RuleInfo[], imported_ignored?: boolean, imported_present?: boolean,
 *   problem_count?: number, author_role?: 'staff' | 'leader' | null,
 * }} PolicyInfo
 */

/**
 * The user's settings (chrome.storage.local "settings").
 * @typedef {{language: string, sites: Record<string, {account?: string, paused?: boolean}>, rules?: Record<string, string>, role?: 'staff' | 'leader'}} Settings
 */

export {};
