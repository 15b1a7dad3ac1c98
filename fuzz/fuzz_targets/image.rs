//! The photo inspection (crates/postwacht-image) on arbitrary bytes: format sniffing, the
//! header, EXIF (GPS, owner, orientation), decoding to grey, downscaling, turning upright,
//! face detection, and the metadata remover. Invariants: no panic; a header's size is what
//! the inspection reports (turned by the orientation); face boxes lie inside the photo and
//! there are not more of them than detector windows fit; GPS within ±90/±180; an owner
//! no longer than the file; the remover keeps the format, the orientation and the pixels,
//! and leaves no GPS and no owner behind (and is idempotent in what it reports).
//!
//! Capped so an execution stays in milliseconds: the whole `inspect` (with the face
//! detector) runs only for photos of at most DETECT_PIXELS; up to DECODE_PIXELS the pixels
//! are decoded, downscaled and turned, without the detector. Bigger declared sizes are the
//! job of `MAX_PIXELS` and the crate's tests (tests/inspect.rs: huge.png, lying.png).
#![no_main]

use libfuzzer_sys::fuzz_target;
use postwacht_image::{decode, downscale, inspect, metadata, sniff, strip_metadata};

/// 160 × 160: the detector's pyramid over it takes a few milliseconds.
const DETECT_PIXELS: u64 = 160 * 160;
/// 1 megapixel: decoding and the box filter, a few milliseconds.
const DECODE_PIXELS: u64 = 1_000_000;

fn meta_ok(m: &metadata::Meta, len: usize) {
    assert!(
        (1..=8).contains(&m.orientation),
        "orientation {}",
        m.orientation
    );
    if let Some((lat, lon)) = m.gps {
        assert!(lat.is_finite() && lon.is_finite(), "gps {lat} {lon}");
        assert!(lat.abs() <= 90.0 && lon.abs() <= 180.0, "gps {lat} {lon}");
    }
    if let Some(o) = &m.owner {
        assert!(!o.trim().is_empty(), "an empty owner");
        // Each byte of the file gives at most one character, and parts are joined by "; ".
        assert!(o.chars().count() <= 3 * len, "owner longer than the file");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(format) = sniff::sniff(data) else {
        assert!(inspect(data).is_err());
        assert!(strip_metadata(data).is_err());
        return;
    };
    let meta = metadata::read(data);
    meta_ok(&meta, data.len());
    let header = decode::header(format, data);
    let pixels = header
        .as_ref()
        .map_or(0, |h| u64::from(h.width) * u64::from(h.height));

    if header.is_ok() && pixels <= DETECT_PIXELS {
        let h = header.as_ref().unwrap();
        match inspect(data) {
            Ok(found) => {
                assert_eq!(found.format, format);
                assert_eq!(found.orientation, meta.orientation);
                assert_eq!((found.gps, &found.owner), (meta.gps, &meta.owner));
                let turned = if meta.orientation >= 5 {
                    (h.height, h.width)
                } else {
                    (h.width, h.height)
                };
                assert_eq!((found.width, found.height), turned);
                if let Some(faces) = &found.faces {
                    // The detector's window is at least 20 px, stepped by 4.
                    let windows = (found.width as usize / 4 + 1) * (found.height as usize / 4 + 1);
                    assert!(faces.len() <= windows, "{} faces", faces.len());
                    for f in faces {
                        assert!(
                            f.x <= found.width
                                && f.y <= found.height
                                && f.width <= found.width - f.x
                                && f.height <= found.height - f.y,
                            "face {f:?} outside {}x{}",
                            found.width,
                            found.height
                        );
                        assert!(f.score.is_finite());
                    }
                } else {
                    assert!(found.not_inspected.is_some() || format.is_heif());
                }
                let json = found.to_json();
                let parsed: serde_json::Value =
                    serde_json::from_str(&json).expect("the inspection's JSON parses");
                assert_eq!(parsed["width"], found.width);
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    } else if let Ok(h) = &header {
        if pixels <= DECODE_PIXELS && !format.is_heif() {
            if let Ok(grey) = decode::decode_grey(format, data, h) {
                assert_eq!(grey.data.len() as u64, pixels);
                let small = downscale::to_long_side(&grey, 200);
                assert!(small.width.max(small.height) <= 200);
                assert_eq!(
                    small.data.len(),
                    small.width as usize * small.height as usize
                );
                let upright = downscale::orient(&small, meta.orientation);
                assert_eq!(upright.data.len(), small.data.len());
            }
        }
    }

    match strip_metadata(data) {
        Ok(clean) => {
            assert_eq!(
                sniff::sniff(&clean).ok(),
                Some(format),
                "the remover changed the format"
            );
            let after = metadata::read(&clean);
            assert_eq!(after.gps, None, "GPS left after removing the metadata");
            assert_eq!(
                after.owner, None,
                "an owner left after removing the metadata"
            );
            assert_eq!(
                after.orientation, meta.orientation,
                "the remover lost the orientation"
            );
            if let Ok(h) = &header {
                if pixels <= DECODE_PIXELS {
                    let before = decode::decode_grey(format, data, h).ok();
                    if before.is_some() {
                        let h2 = decode::header(format, &clean).expect("header after removing");
                        assert_eq!(&h2, h, "the remover changed the size");
                        let after = decode::decode_grey(format, &clean, &h2).ok();
                        assert_eq!(before, after, "the remover changed the pixels");
                    }
                }
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
