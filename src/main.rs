//! `postwacht`: the command-line tool over the checking core.
//!
//!     postwacht check [FILE|-] [--policy FILE] [--platform P] [--account personal|school]
//!                     [--reply-to G] [--attach image:NAME]... [--lang nl|en] [--format human|json]
//!     postwacht check --jsonl POSTS.jsonl [--policy FILE]
//!     postwacht policy check FILE
//!     postwacht policy build ROSTER.csv [--base POLICY.json] [--plain] [--salt HEX] [-o OUT]
//!     postwacht policy schema
//!     postwacht rules
//!
//! Exit codes: 0 no error-level finding, 1 at least one, 2 usage or policy error.

use postwacht::text::display_width;
use postwacht::{roster_csv, roster_hash};
use postwacht::{
    Account, Attachment, AttachmentKind, Checker, Finding, Locale, Platform, Policy, Post, ReplyTo,
    Severity,
};
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;

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

OPTIONS for check:
    --policy FILE           the school's policy (JSON); default: the embedded policy
    --platform P            facebook, x, linkedin, instagram, schoolapp, other (default: other)
    --account A             personal (default) or school
    --reply-to G            none, parent, student, colleague, other
    --attach KIND:NAME      an attachment, KIND image or video (repeatable)
    --lang L                nl (default) or en: the language of the messages
    --format F              human (default) or json

EXIT CODES: 0 no error-level finding, 1 at least one, 2 usage or policy error.
";

struct Usage(String);

/// Command-line arguments, with the value that follows an option.
struct Args<'a>(std::slice::Iter<'a, String>);

impl Args<'_> {
    fn value(&mut self, option: &str) -> Result<String, Usage> {
        self.0
            .next()
            .cloned()
            .ok_or_else(|| Usage(format!("{option} needs a value")))
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => ExitCode::from(code),
        Err(Usage(msg)) => {
            eprintln!("error: {msg}");
            eprintln!("run `postwacht --help` for usage");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<u8, Usage> {
    match args.first().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            Ok(if args.is_empty() { 2 } else { 0 })
        }
        Some("-V" | "--version") => {
            println!("postwacht {}", env!("CARGO_PKG_VERSION"));
            Ok(0)
        }
        Some("check") => check(&args[1..]),
        Some("policy") => match args.get(1).map(String::as_str) {
            Some("check") => {
                let file = args
                    .get(2)
                    .ok_or_else(|| Usage("policy check needs a FILE".into()))?;
                policy_check(file)
            }
            Some("build") => policy_build(&args[2..]),
            Some("schema") => {
                print!("{}", postwacht::policy::managed_schema_text());
                Ok(0)
            }
            _ => Err(Usage(
                "expected `policy check FILE`, `policy build ROSTER.csv` or `policy schema`".into(),
            )),
        },
        Some("rules") => {
            for (id, cat, sev) in postwacht::policy::rule_table() {
                println!("{id:30} {:14} {}", cat.as_str(), sev.as_str());
            }
            Ok(0)
        }
        Some(other) => Err(Usage(format!("unknown command `{other}`"))),
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
fn policy_build(args: &[String]) -> Result<u8, Usage> {
    let mut csv: Option<String> = None;
    let mut base: Option<String> = None;
    let mut out: Option<String> = None;
    let mut salt: Option<[u8; 16]> = None;
    let mut plain = false;
    let mut it = Args(args.iter());
    while let Some(a) = it.0.next() {
        match a.as_str() {
            "--base" => base = Some(it.value("--base")?),
            "-o" | "--output" => out = Some(it.value("-o")?),
            "--plain" => plain = true,
            "--salt" => {
                let v = it.value("--salt")?;
                salt = Some(
                    roster_hash::parse_salt(&v)
                        .ok_or_else(|| Usage("--salt needs 32 hex digits".into()))?,
                );
            }
            s if s.starts_with('-') => return Err(Usage(format!("unknown option `{s}`"))),
            s => csv = Some(s.to_string()),
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
        .unwrap_or_else(random_salt);
    let mut p = Policy {
        roster: roster.pupils,
        ..Policy::default()
    };
    if !plain {
        roster_hash::hash_roster(&mut p, salt);
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
fn random_salt() -> [u8; 16] {
    let mut salt = [0u8; 16];
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        if f.read_exact(&mut salt).is_ok() {
            return salt;
        }
    }
    // Not on a Unix system: mix the clock and the process id (the salt only needs to be
    // unpredictable enough to rule out precomputed tables).
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let seed = t ^ (u128::from(std::process::id()) << 64);
    salt.copy_from_slice(&seed.to_le_bytes());
    salt
}

fn check(args: &[String]) -> Result<u8, Usage> {
    let mut file: Option<String> = None;
    let mut policy: Option<String> = None;
    let mut jsonl: Option<String> = None;
    let mut post = Post::default();
    let mut json = false;
    let mut it = Args(args.iter());
    while let Some(a) = it.0.next() {
        match a.as_str() {
            "--policy" => policy = Some(it.value("--policy")?),
            "--jsonl" => jsonl = Some(it.value("--jsonl")?),
            "--platform" => {
                let v = it.value("--platform")?;
                post.context.platform =
                    Platform::parse(&v).ok_or_else(|| Usage(format!("unknown platform `{v}`")))?;
            }
            "--account" => {
                post.context.account = match it.value("--account")?.as_str() {
                    "personal" => Account::Personal,
                    "school" => Account::School,
                    v => return Err(Usage(format!("unknown account `{v}` (personal or school)"))),
                }
            }
            "--reply-to" => {
                let v = it.value("--reply-to")?;
                post.context.reply_to =
                    ReplyTo::parse(&v).ok_or_else(|| Usage(format!("unknown reply-to `{v}`")))?;
            }
            "--attach" => {
                let v = it.value("--attach")?;
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
                post.context.attachments.push(Attachment {
                    kind,
                    name: name.to_string(),
                });
            }
            "--lang" => {
                let v = it.value("--lang")?;
                post.locale = Locale::parse(&v)
                    .ok_or_else(|| Usage(format!("unknown language `{v}` (nl or en)")))?;
            }
            "--format" => match it.value("--format")?.as_str() {
                "human" => json = false,
                "json" => json = true,
                v => return Err(Usage(format!("unknown format `{v}` (human or json)"))),
            },
            s if s.starts_with("--") => return Err(Usage(format!("unknown option `{s}`"))),
            s => {
                if file.replace(s.to_string()).is_some() {
                    return Err(Usage("more than one input file".into()));
                }
            }
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
    let findings = checker.check(&post);
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if json {
        let s = serde_json::to_string_pretty(&findings).expect("findings serialise");
        let _ = writeln!(out, "{s}");
    } else {
        let color = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        let _ = write!(out, "{}", render_human(&post.text, &name, &findings, color));
    }
    Ok(u8::from(
        findings.iter().any(|f| f.severity == Severity::Error),
    ))
}

/// One corpus line in, `{"id": ..., "findings": [...]}` out.
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
        let findings = checker.check(&post);
        any_error |= findings.iter().any(|f| f.severity == Severity::Error);
        let row = serde_json::json!({"id": v.get("id").cloned().unwrap_or(serde_json::Value::Null), "findings": findings});
        let _ = writeln!(out, "{row}");
    }
    Ok(u8::from(any_error))
}

/// rustc-style output: the severity and rule, the line with the span underlined, the
/// protocol reference and the fixes.
fn render_human(text: &str, name: &str, findings: &[Finding], color: bool) -> String {
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    for f in findings {
        let (code, label) = match f.severity {
            Severity::Error => ("1;31", "error"),
            Severity::Warning => ("1;33", "warning"),
            Severity::Info => ("1;36", "info"),
        };
        out.push_str(&format!(
            "{}: {}\n",
            paint(code, &format!("{label}[{}]", f.rule)),
            f.message
        ));
        // Line and column of the span start.
        let before = &text[..f.start_byte];
        let line_no = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[f.start_byte..]
            .find('\n')
            .map_or(text.len(), |i| f.start_byte + i);
        let col = text[line_start..f.start_byte].chars().count() + 1;
        let gutter = " ".repeat(line_no.to_string().len());
        out.push_str(&format!(
            "{gutter}{} {name}:{line_no}:{col}\n",
            paint("1;34", "-->")
        ));
        out.push_str(&format!("{gutter} {}\n", paint("1;34", "|")));
        out.push_str(&format!(
            "{} {} {}\n",
            paint("1;34", &line_no.to_string()),
            paint("1;34", "|"),
            &text[line_start..line_end]
        ));
        let pad = display_width(&text[line_start..f.start_byte]);
        let width = display_width(&text[f.start_byte..f.end_byte.min(line_end)]).max(1);
        out.push_str(&format!(
            "{gutter} {} {}{}\n",
            paint("1;34", "|"),
            " ".repeat(pad),
            paint(code, &"^".repeat(width))
        ));
        out.push_str(&format!(
            "{gutter} {} {}\n",
            paint("1;34", "="),
            f.reference
        ));
        for fix in &f.fixes {
            out.push_str(&format!(
                "{gutter} {} fix: {}\n",
                paint("1;34", "="),
                fix.label
            ));
        }
        out.push('\n');
    }
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let (e, w, i) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    if findings.is_empty() {
        out.push_str(&format!("{}: no findings\n", paint("1;32", "ok")));
    } else {
        out.push_str(&format!("{e} error(s), {w} warning(s), {i} hint(s)\n"));
    }
    out
}
