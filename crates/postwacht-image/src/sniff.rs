//! Which format a file is, from its first bytes (never from its name: a `.jpg` can hold
//! anything).

use crate::ImageError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
    WebP,
    /// HEIC/HEIF (an iPhone's default): metadata only, see [`crate::NotInspected::NoDecoder`].
    Heic,
    /// AVIF: the same container as HEIC, also metadata only.
    Avif,
}

impl Format {
    /// Lower-case name for JSON: jpeg, png, webp, heic, avif.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Jpeg => "jpeg",
            Format::Png => "png",
            Format::WebP => "webp",
            Format::Heic => "heic",
            Format::Avif => "avif",
        }
    }

    /// Name for messages: JPEG, PNG, ...
    pub fn name(self) -> &'static str {
        match self {
            Format::Jpeg => "JPEG",
            Format::Png => "PNG",
            Format::WebP => "WebP",
            Format::Heic => "HEIC",
            Format::Avif => "AVIF",
        }
    }

    /// The ISO base media file formats whose pixels are not decoded here.
    pub fn is_heif(self) -> bool {
        matches!(self, Format::Heic | Format::Avif)
    }
}

pub fn sniff(bytes: &[u8]) -> Result<Format, ImageError> {
    match bytes {
        [0xFF, 0xD8, 0xFF, ..] => Ok(Format::Jpeg),
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Ok(Format::Png),
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => Ok(Format::WebP),
        [_, _, _, _, b'f', b't', b'y', b'p', brand @ ..] if brand.len() >= 4 => {
            match &brand[..4] {
                b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1" => {
                    Ok(Format::Heic)
                }
                b"avif" | b"avis" => Ok(Format::Avif),
                // mp4, mov, 3gp...: a video, not a photo.
                _ => Err(ImageError::NotAnImage),
            }
        }
        [b'G', b'I', b'F', b'8', ..] => Err(ImageError::Unsupported("GIF")),
        [b'B', b'M', ..] => Err(ImageError::Unsupported("BMP")),
        [b'I', b'I', 42, 0, ..] | [b'M', b'M', 0, 42, ..] => Err(ImageError::Unsupported("TIFF")),
        // A JPEG or PNG signature cut short is a truncated file, not "not an image".
        [0xFF, 0xD8] | [0xFF] => Err(ImageError::Truncated(Format::Jpeg)),
        _ if bytes.len() < 8 && !bytes.is_empty() && b"\x89PNG\r\n\x1a\n".starts_with(bytes) => {
            Err(ImageError::Truncated(Format::Png))
        }
        _ => Err(ImageError::NotAnImage),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures() {
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0rest"), Ok(Format::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), Ok(Format::Png));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Ok(Format::WebP));
        assert_eq!(sniff(b"\0\0\0\x18ftypheic\0\0\0\0"), Ok(Format::Heic));
        assert_eq!(sniff(b"\0\0\0\x18ftypavif\0\0\0\0"), Ok(Format::Avif));
        assert_eq!(
            sniff(b"\0\0\0\x18ftypisom\0\0\0\0"),
            Err(ImageError::NotAnImage)
        );
        assert_eq!(sniff(b"GIF89a...."), Err(ImageError::Unsupported("GIF")));
        assert_eq!(sniff(b""), Err(ImageError::NotAnImage));
        assert_eq!(sniff(b"hello, world"), Err(ImageError::NotAnImage));
        assert_eq!(sniff(b"\x89PN"), Err(ImageError::Truncated(Format::Png)));
        assert_eq!(sniff(b"\xFF\xD8"), Err(ImageError::Truncated(Format::Jpeg)));
    }
}
