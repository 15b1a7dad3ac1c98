//! Reading a roster export (CSV) from a Dutch school administration system (ParnasSys,
//! Magister, Somtoday, Esis and the like export roughly the same columns): Roepnaam,
//! Tussenvoegsel, Achternaam, Groep/Klas and a consent column per channel.
//!
//! Separators `;` and `,` are both accepted (Dutch Excel writes `;`), with or without a UTF-8
//! byte-order mark, quoted fields per RFC 4180 (the `csv` crate; this module is part of the
//! command-line tool, feature `cli`). Warnings name the line of the file a row starts on. Headers are matched loosely (case, accents,
//! punctuation), and a missing column is named in the error together with the columns found.

use crate::policy::Pupil;
use crate::text::normalize;
use std::collections::BTreeMap;

/// A roster read from CSV, with what the reader noticed on the way.
#[derive(Debug)]
pub struct RosterCsv {
    pub pupils: Vec<Pupil>,
    /// Which column fed what, for the summary ("first name ← Roepnaam").
    pub columns: Vec<(String, String)>,
    pub warnings: Vec<String>,
}

/// One record of the file: its fields and the line it starts on (for warnings).
struct Record {
    fields: Vec<String>,
    line: u64,
}

/// Counts the lines of a file as an editor shows them: `\r\n`, `\n` and a lone `\r` (old
/// Mac Excel) each end one line. Fed increasing byte offsets, it walks the text once.
struct Lines<'a> {
    data: &'a [u8],
    at: usize,
    line: u64,
}

impl Lines<'_> {
    fn new(data: &str) -> Lines<'_> {
        Lines {
            data: data.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line `byte` is on (`byte` must not be below the previous call's).
    fn line_at(&mut self, byte: usize) -> u64 {
        let end = byte.min(self.data.len());
        while self.at < end {
            match self.data[self.at] {
                b'\n' => self.line += 1,
                b'\r' if self.data.get(self.at + 1) != Some(&b'\n') => self.line += 1,
                _ => {}
            }
            self.at += 1;
        }
        self.line
    }
}

/// The line of a quote that opens a field and is never closed, if any. The `csv` crate reads
/// such a field to the end of the file, which merges every row after it into one pupil; it
/// says nothing, so we look ourselves, the way it parses: a quote opens a quoted field only
/// as the field's first byte, `""` inside is a quote, and the next lone quote closes it.
fn unclosed_quote(data: &str, sep: u8) -> Option<u64> {
    let b = data.as_bytes();
    let mut lines = Lines::new(data);
    let (mut i, mut field_start) = (0, true);
    while i < b.len() {
        if field_start && b[i] == b'"' {
            let open = i;
            i += 1;
            loop {
                match b.get(i) {
                    None => return Some(lines.line_at(open)),
                    Some(b'"') if b.get(i + 1) == Some(&b'"') => i += 2,
                    Some(b'"') => break,
                    Some(_) => i += 1,
                }
            }
        }
        field_start = b[i] == sep || b[i] == b'\n' || b[i] == b'\r';
        i += 1;
    }
    None
}

/// What a roster export without text in it usually is: UTF-16 (Excel's "Unicode text"),
/// whose NUL bytes are valid UTF-8 and would be read as spaced-out column names.
fn utf16_error(data: &str) -> Option<String> {
    data.contains('\0').then(|| {
        "the file is not CSV UTF-8: it has NUL bytes, which means UTF-16 (Excel's \"Unicode text\") \
         or not a text file at all; export the roster as \"CSV UTF-8\" (in Excel: Save as → CSV UTF-8)"
            .to_string()
    })
}

/// Turns the bytes of a roster file into text: UTF-8, with or without a byte-order mark.
/// UTF-16 (with or without its byte-order mark) and other encodings are refused with a
/// message that says how to export the file.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(utf16_error("\0").expect("a NUL is an error"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => match utf16_error(s) {
            Some(e) => Err(e),
            None => Ok(s.to_string()),
        },
        Err(e) => {
            let bad = e.valid_up_to();
            let text = std::str::from_utf8(&bytes[..bad]).unwrap_or_default();
            let line = Lines::new(text).line_at(bad);
            Err(format!(
                "not UTF-8 text (line {line} has a byte that is not UTF-8, often an accent in an \
                 older \"CSV\" export); export the roster as \"CSV UTF-8\" (in Excel: Save as → CSV UTF-8)"
            ))
        }
    }
}

/// Splits CSV text into records with the `csv` crate (RFC 4180: a quoted field may hold
/// the separator, newlines and doubled quotes; rows may differ in length). Blank lines and
/// rows of empty fields (";;;", common at the end of an Excel export) are dropped.
fn records(data: &str, sep: u8) -> Result<Vec<Record>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(data.as_bytes());
    if let Some(line) = unclosed_quote(data, sep) {
        return Err(format!(
            "line {line}: a quote (\") opens a field that is never closed, so every row after it \
             would be read as one name; add the closing quote or remove the opening one"
        ));
    }
    let mut lines = Lines::new(data);
    let mut out = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| format!("not readable as CSV: {e}"))?;
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        // The csv crate's own line count skips blank lines and lone CRs, and its position is
        // where it started reading (before the blank lines it skipped): count file lines
        // from the record's first byte.
        let mut byte = rec.position().map_or(0, |p| p.byte() as usize);
        while matches!(data.as_bytes().get(byte), Some(b'\r' | b'\n')) {
            byte += 1;
        }
        out.push(Record {
            fields: rec.iter().map(str::to_string).collect(),
            line: lines.line_at(byte),
        });
    }
    Ok(out)
}

/// A header reduced to lower-case words: "Toestemming foto's (Sociale media)" → "toestemming foto s sociale media".
fn header_key(h: &str) -> String {
    normalize(h)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

const FIRST: &[&str] = &[
    "roepnaam",
    "voornaam",
    "voornamen",
    "first name",
    "firstname",
    "given name",
    "roepnaam leerling",
];
const PREFIX: &[&str] = &[
    "tussenvoegsel",
    "tussenvoegsels",
    "voorvoegsel",
    "voorvoegsels",
    "prefix",
    "tussenv",
];
const LAST: &[&str] = &[
    "achternaam",
    "geslachtsnaam",
    "last name",
    "lastname",
    "surname",
    "familienaam",
    "achternaam leerling",
];
const FULL: &[&str] = &[
    "naam",
    "volledige naam",
    "name",
    "full name",
    "leerling",
    "naam leerling",
];
const GROUP: &[&str] = &[
    "groep",
    "klas",
    "stamgroep",
    "class",
    "group",
    "jaargroep",
    "basisgroep",
    "klas groep",
    "groep klas",
    "mentorgroep",
];

/// The consent channel a header is about, if it is a consent column.
fn channel_of(key: &str) -> Option<&'static str> {
    let has = |w: &str| key.split(' ').any(|x| x == w) || key.contains(w) && w.contains(' ');
    // The school app first: "Social Schools" is an app, and "app" must not match "whatsapp".
    if has("schoolapp")
        || has("app")
        || has("ouderapp")
        || has("parro")
        || key.contains("social schools")
        || has("socialschools")
    {
        return Some("schoolapp");
    }
    if has("social")
        || has("sociale")
        || has("socialmedia")
        || has("facebook")
        || has("instagram")
        || has("media")
    {
        return Some("social");
    }
    if has("website") || has("site") || has("internet") || has("webpagina") {
        return Some("website");
    }
    None
}

fn consent_value(v: &str) -> Option<bool> {
    let k = header_key(v);
    match k.as_str() {
        "ja"
        | "j"
        | "yes"
        | "y"
        | "true"
        | "waar"
        | "1"
        | "x"
        | "wel"
        | "toestemming"
        | "akkoord"
        | "ok"
        | "wel toestemming"
        | "toestemming gegeven" => Some(true),
        "nee" | "n" | "no" | "false" | "onwaar" | "0" | "" | "geen" | "niet"
        | "geen toestemming" | "niet akkoord" | "geweigerd" => Some(false),
        _ if v.trim() == "✓" || v.trim() == "✔" => Some(true),
        _ => None,
    }
}

/// Reads a roster export. Errors name the column that could not be found.
pub fn read(data: &str) -> Result<RosterCsv, String> {
    let data = data.strip_prefix('\u{FEFF}').unwrap_or(data);
    if let Some(e) = utf16_error(data) {
        return Err(e);
    }
    let first_line = data
        .lines()
        .find(|l| !l.trim().is_empty())
        .ok_or("the file is empty")?;
    let sep = if first_line.matches(';').count() >= first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let recs = records(data, sep)?;
    let (header, rows) = recs.split_first().ok_or("the file is empty")?;
    let header = &header.fields;
    let keys: Vec<String> = header.iter().map(|h| header_key(h)).collect();
    let find = |names: &[&str]| keys.iter().position(|k| names.contains(&k.as_str()));
    let mut columns = Vec::new();
    let (first, prefix, last) = (find(FIRST), find(PREFIX), find(LAST));
    let full = find(FULL);
    let found = || {
        header
            .iter()
            .map(|h| format!("\"{}\"", h.trim()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if first.is_none() && full.is_none() {
        return Err(format!(
            "could not find the column with the pupil's first name (looked for: Roepnaam, Voornaam, First name; or a full name in Naam). Columns found: {}",
            found()
        ));
    }
    if first.is_some() && last.is_none() && full.is_none() {
        return Err(format!(
            "could not find the column with the pupil's last name (looked for: Achternaam, Geslachtsnaam, Last name). Columns found: {}",
            found()
        ));
    }
    let group = find(GROUP);
    let mut warnings = Vec::new();
    let mut note = |what: &str, i: Option<usize>| {
        if let Some(i) = i {
            columns.push((what.to_string(), header[i].trim().to_string()));
        }
    };
    note("first name", first);
    note("tussenvoegsel", prefix);
    note("last name", last);
    if first.is_none() {
        note("full name", full);
    }
    note("group", group);
    if group.is_none() {
        warnings.push(
            "no Groep/Klas column: initials with a class (\"R. uit 4vwo\") cannot be matched"
                .to_string(),
        );
    }
    let consent_cols: Vec<(usize, &str)> = keys
        .iter()
        .enumerate()
        .filter(|(i, _)| ![first, prefix, last, full, group].contains(&Some(*i)))
        .filter_map(|(i, k)| channel_of(k).map(|c| (i, c)))
        .collect();
    for (i, c) in &consent_cols {
        columns.push((format!("consent {c}"), header[*i].trim().to_string()));
    }
    if consent_cols.is_empty() {
        warnings.push(
            "no consent columns found (looked for headers with social media, website or schoolapp): every pupil is treated as without consent".to_string(),
        );
    }
    let cell = |r: &Vec<String>, i: Option<usize>| {
        i.and_then(|i| r.get(i))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    let mut pupils = Vec::new();
    for rec in rows {
        let (r, line) = (&rec.fields, rec.line);
        let name = if first.is_some() {
            [cell(r, first), cell(r, prefix), cell(r, last)]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            // "Bakker, Noor" (last name first) becomes "Noor Bakker".
            let n = cell(r, full);
            match n.split_once(',') {
                Some((last, first)) if !first.contains(',') => {
                    format!("{} {}", first.trim(), last.trim())
                }
                _ => n,
            }
        };
        if !normalize(&name).chars().any(char::is_alphabetic) {
            warnings.push(format!("line {line}: no name, skipped"));
            continue;
        }
        let mut consent = BTreeMap::new();
        for (i, ch) in &consent_cols {
            let v = cell(r, Some(*i));
            let b = consent_value(&v).unwrap_or_else(|| {
                warnings.push(format!(
                    "line {line}, column \"{}\": \"{v}\" is not ja/nee; read as no consent",
                    header[*i].trim()
                ));
                false
            });
            // Two columns for one channel (photo and video): consent needs both.
            let e = consent.entry(ch.to_string()).or_insert(true);
            *e = *e && b;
        }
        pupils.push(Pupil {
            name,
            group: cell(r, group),
            consent,
            ..Pupil::default()
        });
    }
    Ok(RosterCsv {
        pupils,
        columns,
        warnings,
    })
}

#[cfg(test)]
mod tests;
