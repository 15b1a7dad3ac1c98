//! `postwacht image FILE [--format human|json]` and the inspection behind
//! `postwacht check --attach image:PATH`: the photo inspection of crates/postwacht-image
//! (faces, GPS, owner) on the command line. Only the native tool links it; the text core's
//! wasm does not.

use lexopt::prelude::*;
use postwacht::{Attachment, Gps, Owner};
use postwacht_image::{ImageError, Inspection};
use std::io::Write;
use std::path::Path;

/// Why a file could not be inspected, as one line for people.
fn inspect_file(path: &str) -> Result<Inspection, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    postwacht_image::inspect(&bytes).map_err(|e: ImageError| format!("{path}: {e}"))
}

/// `postwacht image`: exit 0 with what was found, 2 when the file is not an inspectable
/// image (with a message saying why) or on a usage error (`Err`).
pub fn command(mut p: lexopt::Parser) -> Result<u8, String> {
    let mut file: Option<String> = None;
    let mut json = false;
    while let Some(arg) = p.next().map_err(|e| e.to_string())? {
        match arg {
            Long("format") => {
                let v = p.value().map_err(|e| e.to_string())?;
                json = match v.to_str() {
                    Some("json") => true,
                    Some("human") => false,
                    _ => {
                        return Err(format!(
                            "unknown format `{}` (human or json)",
                            v.to_string_lossy()
                        ))
                    }
                }
            }
            Value(v) if file.is_none() => {
                file = Some(
                    v.into_string()
                        .map_err(|v| format!("not UTF-8: {}", v.to_string_lossy()))?,
                )
            }
            other => return Err(other.unexpected().to_string()),
        }
    }
    let path = file.ok_or("image needs a FILE")?;
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {path}: {e}");
            return Ok(2);
        }
    };
    // Written like the other commands: a closed pipe (`| head`) is not a panic.
    let mut out = std::io::stdout().lock();
    match postwacht_image::inspect(&bytes) {
        Ok(found) if json => {
            let _ = writeln!(out, "{}", found.to_json());
        }
        Ok(found) => {
            let _ = write!(out, "{}", human(&path, &found));
        }
        Err(e) => {
            if json {
                let _ = writeln!(out, "{}", e.to_json());
            }
            eprintln!("error: {path}: {e}");
            return Ok(2);
        }
    }
    Ok(0)
}

fn human(path: &str, f: &Inspection) -> String {
    let mut out = format!(
        "{path}: {} {}×{} (orientation {})\n",
        f.format.name(),
        f.width,
        f.height,
        f.orientation
    );
    match (&f.faces, f.not_inspected) {
        (Some(faces), _) => {
            out.push_str(&format!("faces: {}\n", faces.len()));
            for (i, face) in faces.iter().enumerate() {
                out.push_str(&format!(
                    "  {}: x {} y {} {}×{} (score {:.2})\n",
                    i + 1,
                    face.x,
                    face.y,
                    face.width,
                    face.height,
                    face.score
                ));
            }
        }
        (None, Some(why)) => out.push_str(&format!("faces: not inspected ({})\n", why.as_str())),
        (None, None) => out.push_str("faces: not inspected\n"),
    }
    match f.gps {
        Some((lat, lon)) => out.push_str(&format!("gps: {lat:.5}, {lon:.5}\n")),
        None => out.push_str("gps: none\n"),
    }
    match &f.owner {
        Some(o) => out.push_str(&format!("owner: {o}\n")),
        None => out.push_str("owner: none\n"),
    }
    let t = &f.timings;
    out.push_str(&format!(
        "time: {:.1} ms (decode {:.1}, downscale {:.1}, detect {:.1})\n",
        t.total_ms, t.decode_ms, t.downscale_ms, t.detect_ms
    ));
    out
}

/// `--attach image:PATH` where PATH is a file: the attachment gets what the inspection
/// found, named by the file's name. A file that cannot be inspected is reported on stderr
/// and checked as an uninspected photo; a name that is not a file is left as it is.
pub fn inspect_attachment(att: &mut Attachment) {
    let path = att.name.clone();
    if !Path::new(&path).is_file() {
        return;
    }
    match inspect_file(&path) {
        Ok(found) => {
            att.faces = found.faces.map(|f| f.len() as u32);
            att.gps = Some(match found.gps {
                Some((lat, lon)) => Gps::At { lat, lon },
                None => Gps::Present(false),
            });
            att.owner = Some(found.owner.map_or(Owner::Present(false), Owner::Name));
            att.not_inspected = found.not_inspected.is_some();
        }
        Err(e) => eprintln!("note: {e}; checked as a photo that was not inspected"),
    }
    if let Some(name) = Path::new(&path).file_name().and_then(|n| n.to_str()) {
        att.name = name.to_string();
    }
}
