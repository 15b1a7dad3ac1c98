//! The EXIF fields that matter for a post: GPS position, a person's name, orientation.
//! kamadak-exif finds the EXIF block in JPEG, PNG (eXIf), WebP and HEIF containers. A name
//! is the camera owner, artist, Windows author or copyright holder in EXIF, a name in the
//! XMP packet ([`crate::xmp`]: dc:creator, aux:OwnerName, ...) or a PNG's Author text chunk.

use crate::xmp;
use exif::{In, Tag, Value};
use std::io::Cursor;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    pub orientation: u16,
    pub gps: Option<(f64, f64)>,
    pub owner: Option<String>,
}

/// What the EXIF block says; an absent or broken block reads as nothing (orientation 1).
pub fn read(bytes: &[u8]) -> Meta {
    let mut meta = Meta {
        orientation: 1,
        ..Meta::default()
    };
    let Ok(exif) = exif::Reader::new().read_from_container(&mut Cursor::new(bytes)) else {
        meta.owner = xmp::owner(bytes).or_else(|| png_author(bytes));
        return meta;
    };
    if let Some(o) = exif
        .get_field(Tag::Orientation, In::PRIMARY)
        .and_then(|f| f.value.get_uint(0))
        .filter(|o| (1..=8).contains(o))
    {
        meta.orientation = o as u16;
    }
    meta.gps = gps(&exif);
    meta.owner = [Tag::CameraOwnerName, Tag::Artist]
        .into_iter()
        .find_map(|tag| {
            exif.get_field(tag, In::PRIMARY)
                .and_then(|f| ascii(&f.value))
        })
        .or_else(|| xp_author(&exif))
        .or_else(|| xmp::owner(bytes))
        // The copyright holder is often the photographer ("© 2026 Anja de Vries").
        .or_else(|| {
            exif.get_field(Tag::Copyright, In::PRIMARY)
                .and_then(|f| ascii(&f.value))
        })
        .or_else(|| png_author(bytes));
    meta
}

/// A PNG's Author/Artist text chunk (tEXt or uncompressed iTXt before the image data),
/// which editors write instead of EXIF.
fn png_author(bytes: &[u8]) -> Option<String> {
    if !bytes.starts_with(b"\x89PNG") {
        return None;
    }
    let reader = png::Decoder::new(Cursor::new(bytes)).read_info().ok()?;
    let info = reader.info();
    let is_author = |k: &str| k.eq_ignore_ascii_case("author") || k.eq_ignore_ascii_case("artist");
    let latin1 = info
        .uncompressed_latin1_text
        .iter()
        .filter(|c| is_author(&c.keyword));
    let utf8 = info.utf8_text.iter().filter(|c| is_author(&c.keyword));
    latin1
        .map(|c| c.text.clone())
        .chain(utf8.filter_map(|c| c.get_text().ok()))
        .map(|t| t.trim().to_string())
        .find(|t| !t.is_empty())
}

fn gps(exif: &exif::Exif) -> Option<(f64, f64)> {
    let lat = degrees(exif, Tag::GPSLatitude, Tag::GPSLatitudeRef, b'S', 90.0)?;
    let lon = degrees(exif, Tag::GPSLongitude, Tag::GPSLongitudeRef, b'W', 180.0)?;
    // Cameras without a fix sometimes write 0/0 for both: that is no position.
    if lat == 0.0 && lon == 0.0 {
        return None;
    }
    Some((lat, lon))
}

/// Degrees, minutes, seconds (three rationals) and a reference letter → signed degrees.
fn degrees(exif: &exif::Exif, tag: Tag, reference: Tag, negative: u8, max: f64) -> Option<f64> {
    let Value::Rational(ref dms) = exif.get_field(tag, In::PRIMARY)?.value else {
        return None;
    };
    let part = |i: usize| {
        dms.get(i).map_or(Some(0.0), |r| {
            (r.denom != 0).then(|| f64::from(r.num) / f64::from(r.denom))
        })
    };
    if dms.is_empty() {
        return None;
    }
    let value = part(0)? + part(1)? / 60.0 + part(2)? / 3600.0;
    let sign = match exif.get_field(reference, In::PRIMARY).map(|f| &f.value) {
        Some(Value::Ascii(v)) if v.first().and_then(|s| s.first()) == Some(&negative) => -1.0,
        _ => 1.0,
    };
    (value.is_finite() && value <= max).then_some(sign * value)
}

/// An ASCII field's text, trimmed; `None` when empty.
fn ascii(value: &Value) -> Option<String> {
    let Value::Ascii(parts) = value else {
        return None;
    };
    let text: String = parts
        .iter()
        .map(|p| {
            String::from_utf8_lossy(p)
                .trim_matches(|c: char| c == '\0' || c.is_whitespace())
                .to_string()
        })
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    (!text.is_empty()).then_some(text)
}

/// Windows' XPAuthor (0x9C9D): UTF-16LE bytes, written by Explorer's Properties dialog.
fn xp_author(exif: &exif::Exif) -> Option<String> {
    let field = exif.get_field(Tag(exif::Context::Tiff, 0x9C9D), In::PRIMARY)?;
    let Value::Byte(ref bytes) = field.value else {
        return None;
    };
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    let text = String::from_utf16_lossy(&units);
    let text = text.trim_matches(|c: char| c == '\0' || c.is_whitespace());
    (!text.is_empty()).then(|| text.to_string())
}
