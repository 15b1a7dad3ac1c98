//! Header reading and decoding to one grey byte per pixel, the only thing the face
//! detector uses. Every decoder reads the header first, so the caller can refuse a photo
//! by its declared size before any pixel buffer is allocated; and each decoder is bounded
//! by the declared size, so a lying header gives an error, not a huge allocation.

use crate::{Format, ImageError, MAX_PIXELS};
use std::io::{self, Cursor};
use zune_core::bytestream::ZCursor;
use zune_core::colorspace::ColorSpace;
use zune_core::options::DecoderOptions;
use zune_jpeg::errors::DecodeErrors;
use zune_jpeg::JpegDecoder;

/// The stored (not yet oriented) size from the file's header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub width: u32,
    pub height: u32,
}

/// A grey image, row-major, one byte per pixel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grey {
    pub width: u32,
    pub height: u32,
    pub data: Vec<u8>,
}

/// Reads only the header. HEIC/AVIF: the size from the `ispe` box when present, else 0×0.
pub fn header(format: Format, bytes: &[u8]) -> Result<Header, ImageError> {
    let (width, height) = match format {
        Format::Jpeg => {
            let mut d = JpegDecoder::new_with_options(ZCursor::new(bytes), jpeg_options());
            d.decode_headers().map_err(jpeg_error)?;
            let (w, h) = d.dimensions().ok_or(ImageError::Truncated(format))?;
            (w as u32, h as u32)
        }
        Format::Png => {
            let mut d = png::Decoder::new(Cursor::new(bytes));
            let info = d.read_header_info().map_err(png_error)?;
            (info.width, info.height)
        }
        Format::WebP => {
            let d = image_webp::WebPDecoder::new(Cursor::new(bytes)).map_err(webp_error)?;
            d.dimensions()
        }
        Format::Heic | Format::Avif => heif_size(bytes).unwrap_or((0, 0)),
    };
    if width == 0 || height == 0 {
        if format.is_heif() {
            return Ok(Header { width, height });
        }
        return Err(ImageError::Corrupt(
            format,
            "the header declares no pixels".into(),
        ));
    }
    Ok(Header { width, height })
}

/// Decodes the pixels to grey. The caller has checked `header` against [`MAX_PIXELS`].
pub fn decode_grey(format: Format, bytes: &[u8], header: &Header) -> Result<Grey, ImageError> {
    debug_assert!(u64::from(header.width) * u64::from(header.height) <= MAX_PIXELS);
    let grey = match format {
        Format::Jpeg => decode_jpeg(bytes)?,
        Format::Png => decode_png(bytes)?,
        Format::WebP => decode_webp(bytes)?,
        Format::Heic | Format::Avif => unreachable!("HEIF pixels are not decoded"),
    };
    if (grey.width, grey.height) != (header.width, header.height)
        || grey.data.len() != grey.width as usize * grey.height as usize
    {
        return Err(ImageError::Corrupt(
            format,
            "decoded size differs from the header".into(),
        ));
    }
    Ok(grey)
}

fn jpeg_options() -> DecoderOptions {
    // JPEG's own limit is 65,535 per side; MAX_PIXELS is checked by the caller. Strict mode:
    // a file cut short is reported as truncated instead of being padded with grey.
    DecoderOptions::default()
        .set_max_width(usize::from(u16::MAX))
        .set_max_height(usize::from(u16::MAX))
        .set_strict_mode(true)
        .jpeg_set_out_colorspace(ColorSpace::Luma)
}

fn decode_jpeg(bytes: &[u8]) -> Result<Grey, ImageError> {
    let mut d = JpegDecoder::new_with_options(ZCursor::new(bytes), jpeg_options());
    let data = d.decode().map_err(jpeg_error)?;
    let (w, h) = d.dimensions().ok_or(ImageError::Truncated(Format::Jpeg))?;
    let (width, height) = (w as u32, h as u32);
    // CMYK/YCCK files may ignore the Luma request; reduce whatever came out to grey.
    let channels = data.len() / (w * h).max(1);
    let data = match channels {
        1 => data,
        3 | 4 => data
            .chunks_exact(channels)
            .map(|p| luma(p[0], p[1], p[2]))
            .collect(),
        _ => {
            return Err(ImageError::Corrupt(
                Format::Jpeg,
                "unexpected channel count".into(),
            ))
        }
    };
    Ok(Grey {
        width,
        height,
        data,
    })
}

fn jpeg_error(e: DecodeErrors) -> ImageError {
    match e {
        DecodeErrors::ExhaustedData => ImageError::Truncated(Format::Jpeg),
        DecodeErrors::IoErrors(_) => ImageError::Truncated(Format::Jpeg),
        DecodeErrors::Unsupported(scheme) => {
            ImageError::Corrupt(Format::Jpeg, format!("unsupported JPEG coding: {scheme:?}"))
        }
        other => {
            let msg = other.to_string();
            // zune-jpeg reports most cut-off files as a marker or data error mentioning EOF.
            if msg.contains("EOF") || msg.to_ascii_lowercase().contains("end of") {
                ImageError::Truncated(Format::Jpeg)
            } else {
                ImageError::Corrupt(Format::Jpeg, msg)
            }
        }
    }
}

fn decode_png(bytes: &[u8]) -> Result<Grey, ImageError> {
    let mut d = png::Decoder::new_with_limits(
        Cursor::new(bytes),
        // Enough for an interlaced 40-megapixel RGBA frame; a non-interlaced one is
        // streamed row by row and never needs it.
        png::Limits {
            bytes: MAX_PIXELS as usize * 8 + (1 << 20),
        },
    );
    d.set_transformations(png::Transformations::normalize_to_color8());
    d.set_ignore_text_chunk(true);
    let mut reader = d.read_info().map_err(png_error)?;
    let (width, height) = (reader.info().width, reader.info().height);
    let interlaced = reader.info().interlaced;
    let (color, _) = reader.output_color_type();
    let channels = color.samples();
    let mut data = Vec::with_capacity(width as usize * height as usize);
    let push_row = |row: &[u8], data: &mut Vec<u8>| {
        match channels {
            1 | 2 => data.extend(row.chunks_exact(channels).map(|p| p[0])),
            _ => data.extend(row.chunks_exact(channels).map(|p| luma(p[0], p[1], p[2]))),
        };
    };
    if interlaced {
        let size = reader
            .output_buffer_size()
            .ok_or_else(|| ImageError::Corrupt(Format::Png, "image too large for memory".into()))?;
        let mut buf = vec![0; size];
        let info = reader.next_frame(&mut buf).map_err(png_error)?;
        for row in buf[..info.buffer_size()].chunks_exact(info.line_size) {
            push_row(row, &mut data);
        }
    } else {
        while let Some(row) = reader.next_row().map_err(png_error)? {
            push_row(row.data(), &mut data);
        }
    }
    if data.len() != width as usize * height as usize {
        return Err(ImageError::Truncated(Format::Png));
    }
    Ok(Grey {
        width,
        height,
        data,
    })
}

fn png_error(e: png::DecodingError) -> ImageError {
    match e {
        png::DecodingError::IoError(ref io) if io.kind() == io::ErrorKind::UnexpectedEof => {
            ImageError::Truncated(Format::Png)
        }
        png::DecodingError::Format(ref f) if f.to_string().contains("EOF") => {
            ImageError::Truncated(Format::Png)
        }
        other => ImageError::Corrupt(Format::Png, other.to_string()),
    }
}

fn decode_webp(bytes: &[u8]) -> Result<Grey, ImageError> {
    let mut d = image_webp::WebPDecoder::new(Cursor::new(bytes)).map_err(webp_error)?;
    d.set_memory_limit(MAX_PIXELS as usize * 4 + (1 << 20));
    let (width, height) = d.dimensions();
    let channels = if d.has_alpha() { 4 } else { 3 };
    let size = d
        .output_buffer_size()
        .ok_or_else(|| ImageError::Corrupt(Format::WebP, "image too large for memory".into()))?;
    let mut buf = vec![0; size];
    // An animated WebP: the first frame.
    d.read_image(&mut buf).map_err(webp_error)?;
    let data = buf
        .chunks_exact(channels)
        .map(|p| luma(p[0], p[1], p[2]))
        .collect();
    Ok(Grey {
        width,
        height,
        data,
    })
}

fn webp_error(e: image_webp::DecodingError) -> ImageError {
    match e {
        image_webp::DecodingError::IoError(ref io) if io.kind() == io::ErrorKind::UnexpectedEof => {
            ImageError::Truncated(Format::WebP)
        }
        other => ImageError::Corrupt(Format::WebP, other.to_string()),
    }
}

/// ITU-R BT.601 luma, as JPEG's YCbCr uses, in integers.
fn luma(r: u8, g: u8, b: u8) -> u8 {
    ((77 * u32::from(r) + 150 * u32::from(g) + 29 * u32::from(b) + 128) >> 8) as u8
}

/// The first `ispe` (image spatial extent) box of a HEIF file: the primary image's size
/// in the usual files. A plain scan, good enough for a size in a message.
fn heif_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let at = bytes.windows(4).position(|w| w == b"ispe")?;
    let field = |o: usize| -> Option<u32> {
        Some(u32::from_be_bytes(
            bytes.get(at + o..at + o + 4)?.try_into().ok()?,
        ))
    };
    // "ispe", version+flags (4), width (4), height (4)
    Some((field(8)?, field(12)?))
}
