//! `inspect` and `strip_metadata` on the committed fixtures (tests/fixtures/, made by
//! examples/make_fixtures.rs from rustface's group photo and drawn pictures).

use postwacht_image::{decode, inspect, sniff, strip_metadata, Format, ImageError, NotInspected};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn faces(name: &str) -> usize {
    let found = inspect(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    found
        .faces
        .unwrap_or_else(|| panic!("{name}: pixels not inspected"))
        .len()
}

#[test]
fn group_photo_has_many_faces() {
    let found = inspect(&fixture("group.jpg")).unwrap();
    assert_eq!(
        (found.format, found.width, found.height),
        (Format::Jpeg, 1666, 600)
    );
    let n = found.faces.as_ref().unwrap().len();
    // 29 people in the photo; at the 1,000 px detection size SeetaFace finds most of them.
    assert!((20..=29).contains(&n), "{n} faces");
    for f in found.faces.unwrap() {
        assert!(
            f.x + f.width <= found.width && f.y + f.height <= found.height,
            "{f:?}"
        );
        assert!(f.width >= 20 && f.height >= 20, "{f:?}");
    }
    assert_eq!(found.gps, None);
    assert_eq!(found.owner, None);
}

#[test]
fn one_face_in_each_format_and_orientation() {
    assert_eq!(faces("one-face.jpg"), 1);
    assert_eq!(faces("one-face.webp"), 1);
    let rotated = inspect(&fixture("one-face-rotated.jpg")).unwrap();
    // Stored 140×120 sideways; EXIF orientation 6 shows it 120×140 upright.
    assert_eq!(
        (rotated.orientation, rotated.width, rotated.height),
        (6, 120, 140)
    );
    assert_eq!(rotated.faces.unwrap().len(), 1);
}

#[test]
fn pictures_without_people_have_no_faces() {
    assert_eq!(faces("no-face.png"), 0);
    assert_eq!(faces("gps.jpg"), 0);
    assert_eq!(faces("gps-south-west.jpg"), 0);
}

#[test]
fn gps_and_owner_are_read() {
    let found = inspect(&fixture("gps.jpg")).unwrap();
    let (lat, lon) = found.gps.unwrap();
    assert!(
        (lat - 52.0907).abs() < 1e-4 && (lon - 5.1214).abs() < 1e-4,
        "{lat} {lon}"
    );
    assert_eq!(found.owner.as_deref(), Some("Anja de Vries"));
    let found = inspect(&fixture("gps-south-west.jpg")).unwrap();
    let (lat, lon) = found.gps.unwrap();
    assert!(
        (lat + 54.8019).abs() < 1e-4 && (lon + 68.3030).abs() < 1e-4,
        "{lat} {lon}"
    );
    assert_eq!(found.owner.as_deref(), Some("Meester Jan"));
    // PNG: the Author text chunk.
    let found = inspect(&fixture("no-face.png")).unwrap();
    assert_eq!(
        (found.gps, found.owner.as_deref()),
        (None, Some("Anja de Vries"))
    );
}

/// one-face.webp with an XMP chunk after its image data, as editors append it.
fn webp_with_xmp(packet: &str) -> Vec<u8> {
    let mut b = fixture("one-face.webp");
    let data = packet.as_bytes();
    b.extend_from_slice(b"XMP ");
    b.extend_from_slice(&(data.len() as u32).to_le_bytes());
    b.extend_from_slice(data);
    if data.len() % 2 == 1 {
        b.push(0);
    }
    let riff = (b.len() - 8) as u32;
    b[4..8].copy_from_slice(&riff.to_le_bytes());
    b
}

#[test]
fn xmp_and_copyright_names_are_owners() {
    // Written by exiftool (tests/fixtures/make.sh); the photos have no EXIF block.
    let owner = |name: &str| inspect(&fixture(name)).unwrap().owner;
    assert_eq!(
        owner("xmp-creator.jpg").as_deref(),
        Some("Anja de Vries; Meester Jan")
    );
    assert_eq!(
        owner("xmp-position.jpg").as_deref(),
        Some("Leerkracht groep 7")
    );
    assert_eq!(owner("xmp-owner.png").as_deref(), Some("Meester Jan"));
    assert_eq!(
        owner("exif-copyright.jpg").as_deref(),
        Some("(c) 2026 Anja de Vries")
    );
    // The faces are still counted.
    assert_eq!(faces("xmp-creator.jpg"), 1);
    let webp = webp_with_xmp(
        r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description rdf:about=""
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>Anja de
        Vries</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"#,
    );
    let found = inspect(&webp).unwrap();
    assert_eq!(found.owner.as_deref(), Some("Anja de Vries"));
    assert_eq!(found.faces.unwrap().len(), 1);
    // Without any of those: no owner.
    assert_eq!(owner("one-face.jpg"), None);
    assert_eq!(owner("one-face.webp"), None);
}

#[test]
fn huge_and_heic_are_read_but_not_decoded() {
    for name in ["huge.jpg", "huge.png"] {
        let found = inspect(&fixture(name)).unwrap();
        assert_eq!(found.not_inspected, Some(NotInspected::TooLarge), "{name}");
        assert_eq!(found.faces, None, "{name}");
    }
    let heic = inspect(&fixture("photo.heic")).unwrap();
    assert_eq!(
        (heic.format, heic.width, heic.height),
        (Format::Heic, 4032, 3024)
    );
    assert_eq!(heic.not_inspected, Some(NotInspected::NoDecoder));
}

#[test]
fn broken_files_are_errors_with_a_kind() {
    let kind = |name: &str| inspect(&fixture(name)).unwrap_err().kind();
    assert_eq!(kind("not-an-image.txt"), "not-an-image");
    assert_eq!(kind("truncated.jpg"), "truncated");
    assert_eq!(kind("truncated.png"), "truncated");
    assert_eq!(kind("corrupt.jpg"), "corrupt");
    // Claims 6,000×6,000 with a few bytes of data: an error, not a 36 MB allocation.
    assert_eq!(kind("lying.png"), "corrupt");
    assert_eq!(inspect(&[]).unwrap_err(), ImageError::NotAnImage);
    assert_eq!(
        inspect(b"GIF89a\x01\0\x01\0").unwrap_err().kind(),
        "unsupported"
    );
}

#[test]
fn every_prefix_of_a_photo_is_an_answer_not_a_panic() {
    for name in [
        "one-face.jpg",
        "one-face.webp",
        "no-face.png",
        "gps.jpg",
        "xmp-owner.png",
    ] {
        let bytes = fixture(name);
        for cut in (0..bytes.len()).step_by(97) {
            let _ = inspect(&bytes[..cut]);
            let _ = strip_metadata(&bytes[..cut]);
        }
    }
}

fn grey(bytes: &[u8]) -> decode::Grey {
    let format = sniff::sniff(bytes).unwrap();
    let header = decode::header(format, bytes).unwrap();
    decode::decode_grey(format, bytes, &header).unwrap()
}

#[test]
fn stripping_removes_gps_and_owner_and_keeps_the_pixels() {
    for name in [
        "gps.jpg",
        "gps-south-west.jpg",
        "no-face.png",
        "one-face.webp",
        "xmp-creator.jpg",
        "xmp-owner.png",
        "exif-copyright.jpg",
    ] {
        let before = fixture(name);
        let after = strip_metadata(&before).unwrap();
        let found = inspect(&after).unwrap_or_else(|e| panic!("{name} stripped: {e}"));
        assert_eq!((found.gps, found.owner), (None, None), "{name}");
        assert_eq!(grey(&before), grey(&after), "{name}: pixels changed");
        for secret in ["Anja", "Vries", "Meester Jan", "Groep 7"] {
            let hit = after.windows(secret.len()).any(|w| w == secret.as_bytes());
            assert!(!hit, "{name}: '{secret}' is still in the file");
        }
    }
    assert!(
        fixture("gps.jpg").windows(4).any(|w| w == b"Anja"),
        "the fixture has the name"
    );
}

#[test]
fn stripping_keeps_the_orientation() {
    let after = strip_metadata(&fixture("one-face-rotated.jpg")).unwrap();
    let found = inspect(&after).unwrap();
    assert_eq!(
        (found.orientation, found.width, found.height),
        (6, 120, 140)
    );
    assert_eq!(
        strip_metadata(&fixture("photo.heic")).unwrap_err(),
        ImageError::Unsupported("HEIC")
    );
}

#[test]
fn the_models_licence_notice_ships_with_it() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let notice =
        std::fs::read_to_string(format!("{dir}/model/LICENSE-rustface-seetaface")).unwrap();
    assert!(
        notice.contains("BSD") || notice.contains("Redistribution"),
        "{notice}"
    );
}

#[test]
fn json_shape() {
    let found = inspect(&fixture("gps.jpg")).unwrap();
    let json = found.to_json();
    assert!(json.starts_with(r#"{"format":"jpeg","width":640,"height":480,"orientation":1,"faces":[],"not_inspected":null,"gps":{"lat":52.091,"lon":5.121},"owner":"Anja de Vries","timings":{"#), "{json}");
    let huge = inspect(&fixture("huge.png")).unwrap().to_json();
    assert!(
        huge.contains(r#""faces":null,"not_inspected":"too-large""#),
        "{huge}"
    );
    let err = inspect(b"hello").unwrap_err().to_json();
    assert!(
        err.starts_with(r#"{"error":"not-an-image","message":"not an image"#),
        "{err}"
    );
    assert_eq!(
        postwacht_image::json::string("a\"b\\\n\u{1}"),
        r#""a\"b\\\n\u0001""#
    );
}
