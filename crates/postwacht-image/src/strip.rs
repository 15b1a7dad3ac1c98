//! Removing the metadata that can identify a place or a person (EXIF with GPS, XMP, IPTC,
//! comments, text chunks, thumbnails and secondary images) without touching the pixels:
//! the compressed image data is copied byte for byte, so there is no quality loss and the
//! result decodes to exactly the same pixels. What a viewer needs to show the photo as
//! before stays: colour profile (ICC), JFIF/Adobe colour information, and the EXIF
//! orientation, rewritten as a minimal EXIF block holding only that one field.

use crate::{metadata, sniff, Format, ImageError};

/// The photo without its identifying metadata. JPEG, PNG and WebP; HEIC/AVIF are
/// [`ImageError::Unsupported`] (nothing here can rewrite their container safely).
pub fn strip_metadata(bytes: &[u8]) -> Result<Vec<u8>, ImageError> {
    let format = sniff::sniff(bytes)?;
    let orientation = metadata::read(bytes).orientation;
    match format {
        Format::Jpeg => strip_jpeg(bytes, orientation),
        Format::Png => strip_png(bytes, orientation),
        Format::WebP => strip_webp(bytes, orientation),
        Format::Heic | Format::Avif => Err(ImageError::Unsupported(format.name())),
    }
}

/// A big-endian TIFF structure with one IFD entry: Orientation (0x0112), SHORT.
fn orientation_tiff(orientation: u16) -> Vec<u8> {
    let mut t = b"MM\0\x2a\0\0\0\x08".to_vec();
    t.extend([0, 1]); // one entry
    t.extend([0x01, 0x12, 0, 3, 0, 0, 0, 1]);
    t.extend(orientation.to_be_bytes());
    t.extend([0, 0]); // value padding
    t.extend([0, 0, 0, 0]); // no next IFD
    t
}

fn strip_jpeg(b: &[u8], orientation: u16) -> Result<Vec<u8>, ImageError> {
    let truncated = || ImageError::Truncated(Format::Jpeg);
    let corrupt = |what: &str| ImageError::Corrupt(Format::Jpeg, what.to_string());
    let mut out = Vec::with_capacity(b.len());
    out.extend_from_slice(&b[..2]);
    let mut orientation_written = orientation == 1;
    let mut i = 2;
    loop {
        if i >= b.len() {
            return Err(truncated());
        }
        if b[i] != 0xFF {
            return Err(corrupt("a segment does not start with a marker"));
        }
        while i < b.len() && b[i] == 0xFF {
            i += 1; // fill bytes
        }
        let marker = *b.get(i).ok_or_else(truncated)?;
        i += 1;
        match marker {
            // End of image: everything after it (phones append preview images with their
            // own EXIF there, "MPF") is dropped.
            0xD9 => {
                out.extend_from_slice(&[0xFF, 0xD9]);
                return Ok(out);
            }
            0x01 | 0xD0..=0xD7 => {
                out.extend_from_slice(&[0xFF, marker]);
                continue;
            }
            0xD8 | 0x00 => return Err(corrupt("unexpected marker inside the image")),
            _ => {}
        }
        let len = b
            .get(i..i + 2)
            .map(|l| usize::from(u16::from_be_bytes([l[0], l[1]])))
            .ok_or_else(truncated)?;
        if len < 2 {
            return Err(corrupt("a segment has an invalid length"));
        }
        let end = i + len;
        let payload = b.get(i + 2..end).ok_or_else(truncated)?;
        let keep = match marker {
            0xE0 => true,                                  // JFIF
            0xE2 => payload.starts_with(b"ICC_PROFILE\0"), // colour profile; not MPF/FlashPix
            0xEE => true,                                  // Adobe: tells RGB from YCbCr
            0xE1 | 0xE3..=0xED | 0xEF | 0xFE => false,     // EXIF, XMP, IPTC, comments, ...
            _ => true,                                     // tables, frame, scan, restart
        };
        if !orientation_written && marker != 0xE0 {
            // JFIF's APP0 must come first; the orientation-only EXIF right after it.
            let mut app1 = b"Exif\0\0".to_vec();
            app1.extend(orientation_tiff(orientation));
            out.extend_from_slice(&[0xFF, 0xE1]);
            out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
            out.extend(app1);
            orientation_written = true;
        }
        if keep {
            out.extend_from_slice(&[0xFF, marker]);
            out.extend_from_slice(&b[i..end]);
        }
        i = end;
        if marker == 0xDA {
            // Entropy-coded data: copy up to the next marker that is not a stuffed 0xFF00
            // or a restart marker.
            let mut j = i;
            loop {
                let Some(k) = b[j..].iter().position(|&x| x == 0xFF) else {
                    return Err(truncated());
                };
                j += k;
                match b.get(j + 1) {
                    None => return Err(truncated()),
                    Some(0x00 | 0xD0..=0xD7 | 0xFF) => j += 1,
                    Some(_) => break,
                }
            }
            out.extend_from_slice(&b[i..j]);
            i = j;
        }
    }
}

/// PNG chunks a viewer needs to show the same picture; all others go (tEXt, zTXt, iTXt
/// with XMP, eXIf, tIME and private chunks).
const PNG_KEEP: [&[u8; 4]; 18] = [
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB",
    b"bKGD", b"pHYs", b"acTL", b"fcTL", b"fdAT", b"cICP", b"mDCV", b"cLLI",
];

/// Appends one PNG chunk (length, type, data, CRC-32 over type and data) to `out`. Public
/// for examples/make_fixtures.rs, which writes PNGs the encoder will not.
pub fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend((data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32fast::hash(&out[start..]);
    out.extend(crc.to_be_bytes());
}

fn strip_png(b: &[u8], orientation: u16) -> Result<Vec<u8>, ImageError> {
    let truncated = || ImageError::Truncated(Format::Png);
    let mut out = b[..8].to_vec();
    let mut i = 8;
    loop {
        let header = b.get(i..i + 8).ok_or_else(truncated)?;
        let len = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let kind: [u8; 4] = [header[4], header[5], header[6], header[7]];
        let end = (i + 12).checked_add(len).ok_or_else(truncated)?;
        let chunk = b.get(i..end).ok_or_else(truncated)?;
        if PNG_KEEP.contains(&&kind) {
            out.extend_from_slice(chunk);
        }
        if &kind == b"IHDR" && orientation != 1 {
            png_chunk(&mut out, b"eXIf", &orientation_tiff(orientation));
        }
        i = end;
        if &kind == b"IEND" {
            return Ok(out);
        }
    }
}

fn strip_webp(b: &[u8], orientation: u16) -> Result<Vec<u8>, ImageError> {
    let truncated = || ImageError::Truncated(Format::WebP);
    const EXIF_FLAG: u8 = 0x08;
    const XMP_FLAG: u8 = 0x04;
    let mut body = b"WEBP".to_vec();
    let mut i = 12;
    while i < b.len() {
        let header = b.get(i..i + 8).ok_or_else(truncated)?;
        let kind: [u8; 4] = [header[0], header[1], header[2], header[3]];
        let len = u32::from_le_bytes([header[4], header[5], header[6], header[7]]) as usize;
        let end = (i + 8).checked_add(len + (len & 1)).ok_or_else(truncated)?;
        let chunk = b.get(i..end.min(b.len())).ok_or_else(truncated)?;
        if end > b.len() && end - b.len() > 1 {
            return Err(truncated());
        }
        match &kind {
            b"EXIF" | b"XMP " => {}
            b"VP8X" => {
                let mut c = chunk.to_vec();
                if let Some(flags) = c.get_mut(8) {
                    *flags &= !(EXIF_FLAG | XMP_FLAG);
                    if orientation != 1 {
                        *flags |= EXIF_FLAG;
                    }
                }
                body.extend(c);
            }
            _ => body.extend_from_slice(chunk),
        }
        if body.len() % 2 == 1 {
            body.push(0);
        }
        i = end;
    }
    if orientation != 1 {
        // The spec puts EXIF after the image data.
        let tiff = orientation_tiff(orientation);
        body.extend_from_slice(b"EXIF");
        body.extend((tiff.len() as u32).to_le_bytes());
        body.extend(tiff);
    }
    let mut out = b"RIFF".to_vec();
    out.extend((body.len() as u32).to_le_bytes());
    out.extend(body);
    Ok(out)
}
