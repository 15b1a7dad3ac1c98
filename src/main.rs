//! `postwacht`: the command-line tool over the checking core.
//!
//!     postwacht check [FILE|-] [--policy FILE] [--platform P] [--account auto|personal|school]
//!                     [--identity NAME] [--host HOST] [--reply-to G] [--reply-text TEXT]
//!                     [--reply-author NAME] [--role staff|leader] [--attach image:NAME]...
//!                     [--lang nl|en] [--format human|json]
//!     postwacht check --jsonl POSTS.jsonl [--policy FILE]
//!     postwacht policy check FILE
//!     postwacht policy build ROSTER.csv [--base POLICY.json] [--plain] [--salt HEX] [-o OUT]
//!     postwacht policy schema
//!     postwacht rules
//!     postwacht image FILE [--format human|json]
//!
//! Exit codes: 0 no error-level finding, 1 at least one, 2 usage or policy error.

use lexopt::prelude::*;
use postwacht::{roster_csv, roster_hash};
use postwacht::{
    Account, Attachment, AttachmentKind, AuthorRole, Checker, Locale, Platform, Policy, Post,
    ReplyTo, Severity,
};
use std::ffi::OsString;
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;

#[path = "cli/render.rs"]
mod render;
use render::{render_context, render_human};

mod cli {
    pub mod image;
}

const USAGE: &str = "\
postwacht: checks a social-media post against the school's social media protocol

USAGE:
    postwacht check [FILE|-] [OPTIONS]        check one post (text from FILE or stdin)
    postwacht check --jsonl POSTS.jsonl [--policy FILE]
                                              check a corpus file, one JSON result per line
    postwacht policy check FILE               validate a policy and print a summary
    postwacht policy build ROSTER.csv [--base POLICY.json] [--plain] [--salt HEX] [-o OUT]
                                              turn a roster export into a policy (names hashed)
    postwacht policy schema                   print the managed-storage schema for Chromium
                                              (extension/managed_schema.json)
    postwacht rules                           list rule ids, categories and default severities
    postwacht image FILE [--format human|json]
                                              inspect a photo on this computer: size, faces,
                                              GPS position, owner/author, time taken

OPTIONS for check:
    --policy FILE           the school's policy (JSON); default: the embedded policy
    --platform P            facebook, x, linkedin, instagram, schoolapp, other (default: other)
    --account A             auto (default: from --identity, --host, the platform and the
                            policy; school-parent apps are the school's), personal or school
    --identity NAME         the identity the composer writes as (\"Reageer als NAME\"): the
                            school's name or an alias means the school's account
    --host HOST             the site (www.facebook.com), for the policy's per-site account
    --reply-to G            none, parent, student, colleague, other (default: inferred for
                            a reply from --reply-text, --reply-author and the post)
    --reply-text TEXT       the message being answered (makes the post a reply)
    --reply-author NAME     the author label of the message being answered
    --role R                staff or leader (default: the policy's author.role, else staff)
    --attach KIND:NAME      an attachment, KIND image or video (repeatable); image:PATH
                            of a file on disk is inspected (faces, GPS, owner)
    --lang L                nl (default) or en: the language of the messages
    --format F              human (default) or json

EXIT CODES: 0 no error-level finding, 1 at least one, 2 usage or policy error.
";

struct Usage(String);

impl From<lexopt::Error> for Usage {
    fn from(e: lexopt::Error) -> Usage {
        Usage(e.to_string())
    }
}

/// The text of an option's value or a file argument (file names are passed on as text:
/// the tool opens them with `std::fs`, and a name that is not UTF-8 is reported).
fn text(v: OsString) -> Result<String, Usage> {
    v.into_string()
        .map_err(|v| Usage(format!("not UTF-8: {}", v.to_string_lossy())))
}

fn main() -> ExitCode {
    match run(lexopt::Parser::from_env()) {
        Ok(code) => ExitCode::from(code),
        Err(Usage(msg)) => {
            eprintln!("error: {msg}");
            eprintln!("run `postwacht --help` for usage");
            ExitCode::from(2)
        }
    }
}

/// The command word and, for `policy`, the subcommand; the rest goes to the command.
fn run(mut p: lexopt::Parser) -> Result<u8, Usage> {
    let command = match p.next()? {
        None => {
            print!("{USAGE}");
            return Ok(2);
        }
        Some(Short('h') | Long("help")) => {
            print!("{USAGE}");
            return Ok(0);
        }
        Some(Short('V') | Long("version")) => {
            println!("postwacht {}", env!("CARGO_PKG_VERSION"));
            return Ok(0);
        }
        Some(Value(v)) => text(v)?,
        Some(other) => return Err(other.unexpected().into()),
    };
    match command.as_str() {
        "help" => {
            print!("{USAGE}");
            Ok(0)
        }
        "check" => check(p),
        "image" => cli::image::command(p).map_err(Usage),
        "policy" => {
            let sub = match p.next()? {
                Some(Value(v)) => text(v)?,
                _ => String::new(),
            };
            match sub.as_str() {
                "check" => {
                    let file = match p.next()? {
                        Some(Value(v)) => text(v)?,
                        Some(other) => return Err(other.unexpected().into()),
                        None => return Err(Usage("policy check needs a FILE".into())),
                    };
                    no_more(&mut p)?;
                    policy_check(&file)
                }
                "build" => policy_build(p),
                "schema" => {
                    no_more(&mut p)?;
                    print!("{}", postwacht::policy::managed_schema_text());
                    Ok(0)
                }
                _ => Err(Usage(
                    "expected `policy check FILE`, `policy build ROSTER.csv` or `policy schema`"
                        .into(),
                )),
            }
        }
        "rules" => {
            no_more(&mut p)?;
            for (id, cat, sev) in postwacht::policy::rule_table() {
                println!("{id:30} {:14} {}", cat.as_str(), sev.as_str());
            }
            Ok(0)
        }
        other => Err(Usage(format!("unknown command `{other}`"))),
    }
}

/// A command that takes no (further) arguments.
fn no_more(p: &mut lexopt::Parser) -> Result<(), Usage> {
    match p.next()? {
        None => Ok(()),
        Some(arg) => Err(arg.unexpected().into()),
    }
}

fn read_file(path: &str) -> Result<String, Usage> {
    if path == "-" {
        let mut s = String::new();
        io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| Usage(format!("reading stdin: {e}")))?;
        return Ok(s);
    }
    std::fs::read_to_string(path).map_err(|e| Usage(format!("{path}: {e}")))
}

fn load_checker(policy: Option<&str>) -> Result<Checker, Usage> {
    match policy {
        None => Ok(Checker::with_default_policy()),
        Some(path) => {
            let json = read_file(path)?;
            Checker::from_policy_json(&json).map_err(|e| Usage(format!("{path}: {e}")))
        }
    }
}

fn policy_check(path: &str) -> Result<u8, Usage> {
    let json = read_file(path)?;
    match Policy::from_json(&json) {
        Ok(p) => {
            println!("{path}: valid policy");
            print!("{}", p.summary());
            Ok(0)
        }
        Err(errs) => {
            eprintln!("{path}: invalid policy, {} problem(s):", errs.0.len());
            for e in &errs.0 {
                eprintln!("  {e}");
            }
            Ok(2)
        }
    }
}

/// `policy build`: a roster export (CSV) in, a policy JSON out. Names are stored as keyed
/// hashes unless `--plain`; `--base` merges the roster into an existing policy.
fn policy_build(mut p: lexopt::Parser) -> Result<u8, Usage> {
    let mut csv: Option<String> = None;
    let mut base: Option<String> = None;
    let mut out: Option<String> = None;
    let mut salt: Option<[u8; 16]> = None;
    let mut plain = false;
    while let Some(arg) = p.next()? {
        match arg {
            Long("base") => base = Some(text(p.value()?)?),
            Short('o') | Long("output") => out = Some(text(p.value()?)?),
            Long("plain") => plain = true,
            Long("salt") => {
                let v = text(p.value()?)?;
                salt = Some(
                    roster_hash::parse_salt(&v)
                        .ok_or_else(|| Usage("--salt needs 32 hex digits".into()))?,
                );
            }
            Value(v) if csv.is_none() => csv = Some(text(v)?),
            other => return Err(other.unexpected().into()),
        }
    }
    let csv_path = csv.ok_or_else(|| Usage("policy build needs a ROSTER.csv".into()))?;
    let bytes = std::fs::read(&csv_path).map_err(|e| Usage(format!("{csv_path}: {e}")))?;
    let data = String::from_utf8(bytes).map_err(|_| {
        Usage(format!("{csv_path}: not UTF-8 text; export the roster as \"CSV UTF-8\" (in Excel: Save as → CSV UTF-8)"))
    })?;
    let roster = roster_csv::read(&data).map_err(|e| Usage(format!("{csv_path}: {e}")))?;
    let mut policy: serde_json::Value = match &base {
        Some(b) => {
            let json = read_file(b)?;
            Policy::from_json(&json).map_err(|e| Usage(format!("{b}: {e}")))?;
            serde_json::from_str(&json).map_err(|e| Usage(format!("{b}: {e}")))?
        }
        None => serde_json::json!({"version": 1}),
    };
    // Keep the school's salt when the base has one, so hashes stay comparable across updates.
    let salt = salt
        .or_else(|| {
            policy
                .get("roster_salt")
                .and_then(|s| s.as_str())
                .and_then(roster_hash::parse_salt)
        })
        .map_or_else(random_salt, Ok)?;
    let mut p = Policy {
        roster: roster.pupils,
        ..Policy::default()
    };
    if !plain {
        p.hash_roster(salt);
    }
    let pupils = serde_json::to_value(&p.roster).expect("a roster serialises");
    let obj = policy
        .as_object_mut()
        .ok_or_else(|| Usage("the base policy is not an object".into()))?;
    obj.insert("roster".into(), pupils);
    if plain {
        obj.remove("roster_salt");
    } else {
        obj.insert("roster_salt".into(), roster_hash::salt_hex(&salt).into());
    }
    let text = serde_json::to_string_pretty(&policy).expect("policy serialises") + "\n";
    // What we wrote must read back as a valid policy.
    Policy::from_json(&text)
        .map_err(|e| Usage(format!("internal error, the built policy is invalid: {e}")))?;
    match &out {
        Some(o) => std::fs::write(o, &text).map_err(|e| Usage(format!("{o}: {e}")))?,
        None => print!("{text}"),
    }
    eprintln!(
        "{csv_path}: {} pupils{}",
        p.roster.len(),
        if plain {
            " (names in clear text)"
        } else {
            " (names stored as keyed hashes)"
        }
    );
    for (what, col) in &roster.columns {
        eprintln!("  {what:18} <- \"{col}\"");
    }
    for ch in postwacht::policy::CHANNELS {
        let n = p
            .roster
            .iter()
            .filter(|x| x.consent.get(ch) == Some(&true))
            .count();
        eprintln!("  consent {ch:10} {n} of {}", p.roster.len());
    }
    for w in &roster.warnings {
        eprintln!("  warning: {w}");
    }
    if let Some(o) = &out {
        eprintln!("wrote {o}");
    }
    Ok(0)
}

/// 16 random bytes from the operating system.
fn random_salt() -> Result<[u8; 16], Usage> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt)
        .map_err(|e| Usage(format!("no random source for the roster salt: {e}")))?;
    Ok(salt)
}

fn check(mut p: lexopt::Parser) -> Result<u8, Usage> {
    let mut file: Option<String> = None;
    let mut policy: Option<String> = None;
    let mut jsonl: Option<String> = None;
    let mut post = Post::default();
    let mut json = false;
    while let Some(arg) = p.next()? {
        match arg {
            Long("policy") => policy = Some(text(p.value()?)?),
            Long("jsonl") => jsonl = Some(text(p.value()?)?),
            Long("platform") => {
                let v = text(p.value()?)?;
                post.context.platform =
                    Platform::parse(&v).ok_or_else(|| Usage(format!("unknown platform `{v}`")))?;
            }
            Long("account") => {
                let v = text(p.value()?)?;
                post.context.account = Account::parse(&v).ok_or_else(|| {
                    Usage(format!("unknown account `{v}` (auto, personal or school)"))
                })?;
            }
            Long("identity") => post.context.identity = Some(text(p.value()?)?),
            Long("host") => post.context.host = Some(text(p.value()?)?),
            Long("reply-text") => post.context.reply_to_text = Some(text(p.value()?)?),
            Long("reply-author") => post.context.reply_to_author = Some(text(p.value()?)?),
            Long("role") => {
                let v = text(p.value()?)?;
                post.context.author_role = Some(
                    AuthorRole::parse(&v)
                        .ok_or_else(|| Usage(format!("unknown role `{v}` (staff or leader)")))?,
                );
            }
            Long("reply-to") => {
                let v = text(p.value()?)?;
                post.context.reply_to =
                    ReplyTo::parse(&v).ok_or_else(|| Usage(format!("unknown reply-to `{v}`")))?;
            }
            Long("attach") => {
                let v = text(p.value()?)?;
                let (kind, name) = v.split_once(':').unwrap_or((v.as_str(), ""));
                let kind = match kind {
                    "image" => AttachmentKind::Image,
                    "video" => AttachmentKind::Video,
                    k => {
                        return Err(Usage(format!(
                            "unknown attachment kind `{k}` (image or video)"
                        )))
                    }
                };
                let mut att = Attachment::new(kind, name);
                if kind == AttachmentKind::Image {
                    cli::image::inspect_attachment(&mut att);
                }
                post.context.attachments.push(att);
            }
            Long("lang") => {
                let v = text(p.value()?)?;
                post.locale = Locale::parse(&v)
                    .ok_or_else(|| Usage(format!("unknown language `{v}` (nl or en)")))?;
            }
            Long("format") => match text(p.value()?)?.as_str() {
                "human" => json = false,
                "json" => json = true,
                v => return Err(Usage(format!("unknown format `{v}` (human or json)"))),
            },
            // "-" (stdin) is a value to lexopt.
            Value(v) => {
                if file.replace(text(v)?).is_some() {
                    return Err(Usage("more than one input file".into()));
                }
            }
            other => return Err(other.unexpected().into()),
        }
    }
    let checker = load_checker(policy.as_deref())?;
    if let Some(path) = jsonl {
        return check_jsonl(&checker, &path, post.locale);
    }
    let name = file.clone().unwrap_or_else(|| "-".into());
    post.text = read_file(&name)?;
    // A trailing newline from a file or `echo` is not part of the post.
    if post.text.ends_with('\n') {
        post.text.pop();
        if post.text.ends_with('\r') {
            post.text.pop();
        }
    }
    let (findings, resolved) = checker.check_in_context(&post);
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if json {
        let s = serde_json::to_string_pretty(&findings).expect("findings serialise");
        let _ = writeln!(out, "{s}");
    } else {
        let color = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        let _ = write!(out, "{}", render_context(&resolved));
        let _ = write!(out, "{}", render_human(&post.text, &name, &findings, color));
    }
    Ok(u8::from(
        findings.iter().any(|f| f.severity == Severity::Error),
    ))
}

/// One corpus line in, `{"id": ..., "findings": [...], "context": {...}}` out (the context
/// the post was checked in, given or inferred: [`postwacht::context::Resolved`]).
fn check_jsonl(checker: &Checker, path: &str, locale: Locale) -> Result<u8, Usage> {
    let f = std::fs::File::open(path).map_err(|e| Usage(format!("{path}: {e}")))?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut any_error = false;
    for (n, line) in io::BufReader::new(f).lines().enumerate() {
        let line = line.map_err(|e| Usage(format!("{path}: {e}")))?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| Usage(format!("{path}:{}: {e}", n + 1)))?;
        let mut post: Post = serde_json::from_value(v.clone())
            .map_err(|e| Usage(format!("{path}:{}: {e}", n + 1)))?;
        if v.get("locale").is_none() && v.get("lang").is_none() {
            post.locale = locale;
        }
        let (findings, resolved) = checker.check_in_context(&post);
        any_error |= findings.iter().any(|f| f.severity == Severity::Error);
        let row = serde_json::json!({"id": v.get("id").cloned().unwrap_or(serde_json::Value::Null), "findings": findings, "context": resolved});
        let _ = writeln!(out, "{row}");
    }
    Ok(u8::from(any_error))
}
