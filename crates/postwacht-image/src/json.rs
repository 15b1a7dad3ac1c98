//! The inspection as JSON, written by hand (no serde: it would only grow the wasm). One
//! shape for the command line's `--format json`, the wasm module and the extension:
//!
//! ```json
//! {"format":"jpeg","width":1666,"height":600,"orientation":1,
//!  "faces":[{"x":10,"y":20,"width":40,"height":40,"score":5.1}],"not_inspected":null,
//!  "gps":{"lat":52.09,"lon":5.12},"owner":"Anja de Vries",
//!  "timings":{"decode_ms":5.5,"downscale_ms":1.1,"detect_ms":420.0,"total_ms":426.6}}
//! ```
//!
//! `faces` is null when the pixels were not inspected (`not_inspected` says why:
//! "too-large" or "no-decoder").

use crate::{ImageError, Inspection};
use std::fmt::Write;

/// A JSON string literal.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A finite number (JSON has no NaN or infinity: those become 0).
fn number(v: f64) -> String {
    if v.is_finite() {
        let rounded = (v * 1000.0).round() / 1000.0;
        format!("{rounded}")
    } else {
        "0".into()
    }
}

impl Inspection {
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        let _ = write!(
            out,
            "{{\"format\":\"{}\",\"width\":{},\"height\":{},\"orientation\":{},\"faces\":",
            self.format.as_str(),
            self.width,
            self.height,
            self.orientation
        );
        match &self.faces {
            None => out.push_str("null"),
            Some(faces) => {
                out.push('[');
                for (i, f) in faces.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    let _ = write!(
                        out,
                        "{{\"x\":{},\"y\":{},\"width\":{},\"height\":{},\"score\":{}}}",
                        f.x,
                        f.y,
                        f.width,
                        f.height,
                        number(f.score)
                    );
                }
                out.push(']');
            }
        }
        out.push_str(",\"not_inspected\":");
        match self.not_inspected {
            None => out.push_str("null"),
            Some(n) => out.push_str(&string(n.as_str())),
        }
        out.push_str(",\"gps\":");
        match self.gps {
            None => out.push_str("null"),
            Some((lat, lon)) => {
                let _ = write!(out, "{{\"lat\":{},\"lon\":{}}}", number(lat), number(lon));
            }
        }
        out.push_str(",\"owner\":");
        match &self.owner {
            None => out.push_str("null"),
            Some(o) => out.push_str(&string(o)),
        }
        let t = &self.timings;
        let _ = write!(
            out,
            ",\"timings\":{{\"decode_ms\":{},\"downscale_ms\":{},\"detect_ms\":{},\"total_ms\":{}}}}}",
            number(t.decode_ms),
            number(t.downscale_ms),
            number(t.detect_ms),
            number(t.total_ms)
        );
        out
    }
}

impl ImageError {
    /// `{"error":"truncated","message":"truncated JPEG file: ..."}`
    pub fn to_json(&self) -> String {
        format!(
            "{{\"error\":{},\"message\":{}}}",
            string(self.kind()),
            string(&self.to_string())
        )
    }
}
