//! Writes the test fixtures in tests/fixtures/ (committed; run again only to change them):
//!
//!     cargo run -p postwacht-image --example make_fixtures -- RUSTFACE_TEST_PNG OUT_DIR
//!
//! or crates/postwacht-image/tests/fixtures/make.sh, which finds rustface's test.png (the
//! 1927 Solvay conference photo by Benjamin Couprie that the rustface crate ships) itself.
//! Every other image is drawn here: shapes and gradients for "no face", crops of the group
//! photo for "one face", EXIF written with kamadak-exif's writer.

use exif::{Field, In, Rational, Tag, Value};
use postwacht_image::strip::png_chunk;
use std::io::Cursor;
use std::path::Path;

struct Rgb {
    width: u32,
    height: u32,
    data: Vec<u8>,
}

impl Rgb {
    fn crop(&self, x: u32, y: u32, width: u32, height: u32) -> Rgb {
        let mut data = Vec::with_capacity((width * height * 3) as usize);
        for row in y..y + height {
            let start = ((row * self.width + x) * 3) as usize;
            data.extend_from_slice(&self.data[start..start + (width * 3) as usize]);
        }
        Rgb {
            width,
            height,
            data,
        }
    }

    /// Rotated 90° counter-clockwise: stored like a phone held sideways, so EXIF
    /// orientation 6 (turn clockwise to display) shows it upright.
    fn rotate_ccw(&self) -> Rgb {
        let (w, h) = (self.width, self.height);
        let mut data = vec![0; self.data.len()];
        for y in 0..w {
            for x in 0..h {
                // destination (x, y) in an h×w image comes from source (w-1-y, x)
                let s = ((x * w + (w - 1 - y)) * 3) as usize;
                let d = ((y * h + x) * 3) as usize;
                data[d..d + 3].copy_from_slice(&self.data[s..s + 3]);
            }
        }
        Rgb {
            width: h,
            height: w,
            data,
        }
    }
}

fn read_png(path: &Path) -> Rgb {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut data = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut data).unwrap();
    assert_eq!(
        info.color_type,
        png::ColorType::Rgb,
        "rustface's test.png is RGB"
    );
    data.truncate(info.buffer_size());
    Rgb {
        width: info.width,
        height: info.height,
        data,
    }
}

fn jpeg(img: &Rgb, quality: u8, app1: &[Vec<u8>], extra: &[(u8, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = jpeg_encoder::Encoder::new(&mut out, quality);
    for segment in app1 {
        enc.add_app_segment(1, segment.clone()).unwrap();
    }
    for (nr, data) in extra {
        enc.add_app_segment(*nr, data.clone()).unwrap();
    }
    enc.encode(
        &img.data,
        img.width as u16,
        img.height as u16,
        jpeg_encoder::ColorType::Rgb,
    )
    .unwrap();
    out
}

/// A picture without people: sky gradient, a green field, a sun and a house-like block.
fn landscape(width: u32, height: u32) -> Rgb {
    let mut data = Vec::with_capacity((width * height * 3) as usize);
    for y in 0..height {
        for x in 0..width {
            let (fx, fy) = (x as f32 / width as f32, y as f32 / height as f32);
            let sun = ((fx - 0.8).powi(2) + (fy - 0.2).powi(2)).sqrt() < 0.08;
            let house = (0.2..0.45).contains(&fx) && (0.45..0.75).contains(&fy);
            let window = house && ((fx * 40.0) as u32 % 3 == 0) && ((fy * 40.0) as u32 % 3 == 0);
            let px = if sun {
                [250, 220, 60]
            } else if window {
                [40, 40, 60]
            } else if house {
                [170, 60, 50]
            } else if fy > 0.6 {
                [40, (120.0 + 80.0 * fx) as u8, 40]
            } else {
                [(90.0 + 100.0 * fy) as u8, (150.0 + 80.0 * fy) as u8, 235]
            };
            data.extend(px);
        }
    }
    Rgb {
        width,
        height,
        data,
    }
}

fn rational(v: f64) -> Rational {
    Rational {
        num: (v * 10_000.0).round() as u32,
        denom: 10_000,
    }
}

fn dms(deg: f64) -> Value {
    let d = deg.trunc();
    let m = ((deg - d) * 60.0).trunc();
    let s = (deg - d - m / 60.0) * 3600.0;
    Value::Rational(vec![rational(d), rational(m), rational(s)])
}

/// An EXIF APP1 payload ("Exif\0\0" + TIFF) with the given fields.
fn exif_app1(fields: &[Field]) -> Vec<u8> {
    let mut w = exif::experimental::Writer::new();
    for f in fields {
        w.push_field(f);
    }
    let mut tiff = Cursor::new(Vec::new());
    w.write(&mut tiff, false).unwrap();
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff.into_inner());
    app1
}

fn field(tag: Tag, value: Value) -> Field {
    Field {
        tag,
        ifd_num: In::PRIMARY,
        value,
    }
}

fn ascii(s: &str) -> Value {
    Value::Ascii(vec![s.as_bytes().to_vec()])
}

fn png_bytes(img: &Rgb, text: &[(&str, &str)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, img.width, img.height);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    for (k, v) in text {
        enc.add_text_chunk(k.to_string(), v.to_string()).unwrap();
    }
    let mut w = enc.write_header().unwrap();
    w.write_image_data(&img.data).unwrap();
    w.finish().unwrap();
    out
}

/// A PNG whose header claims width×height but whose image data is a few bytes.
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 0, 0, 0, 0]); // 8-bit grey, deflate, no filter/interlace
    png_chunk(&mut out, b"IHDR", &ihdr);
    // zlib stream of a few zero bytes: far less than the header promises.
    png_chunk(
        &mut out,
        b"IDAT",
        &[0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01],
    );
    png_chunk(&mut out, b"IEND", &[]);
    out
}

/// The same JPEG with its frame header claiming another size (the data stays small).
fn jpeg_claiming(jpeg: &[u8], width: u16, height: u16) -> Vec<u8> {
    let mut out = jpeg.to_vec();
    let sof = out
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("baseline SOF0");
    out[sof + 5..sof + 7].copy_from_slice(&height.to_be_bytes());
    out[sof + 7..sof + 9].copy_from_slice(&width.to_be_bytes());
    out
}

/// The smallest HEIC-branded ISO-BMFF: ftyp + a meta box with an `ispe` of 4032×3024.
fn heic_stub() -> Vec<u8> {
    let mut out = Vec::new();
    out.extend(24u32.to_be_bytes());
    out.extend(b"ftypheic\0\0\0\0mif1heic");
    let mut ispe = Vec::new();
    ispe.extend(20u32.to_be_bytes());
    ispe.extend(b"ispe\0\0\0\0");
    ispe.extend(4032u32.to_be_bytes());
    ispe.extend(3024u32.to_be_bytes());
    out.extend(((ispe.len() + 12) as u32).to_be_bytes());
    out.extend(b"meta\0\0\0\0");
    out.extend(ispe);
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [group_png, out_dir] = &args[..] else {
        eprintln!("usage: make_fixtures RUSTFACE_TEST_PNG OUT_DIR");
        std::process::exit(2);
    };
    let out = Path::new(out_dir);
    std::fs::create_dir_all(out).unwrap();
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(out.join(name), bytes).unwrap();
        println!("{name}: {} bytes", bytes.len());
    };

    let group = read_png(Path::new(group_png));
    // The people, without the printed caption below them (keeps the file small).
    let people = group.crop(0, 0, group.width, 600);
    write("group.jpg", &jpeg(&people, 80, &[], &[]));

    // One face: Einstein, front row centre, with a margin that holds no other whole face.
    let one = group.crop(850, 235, 120, 140);
    let one_jpeg = jpeg(&one, 90, &[], &[]);
    write("one-face.jpg", &one_jpeg);
    // The same, stored sideways with EXIF orientation 6, as a phone writes it.
    let sideways = one.rotate_ccw();
    let orientation = [field(Tag::Orientation, Value::Short(vec![6]))];
    write(
        "one-face-rotated.jpg",
        &jpeg(&sideways, 90, &[exif_app1(&orientation)], &[]),
    );
    // WebP, lossless (image-webp's encoder).
    let mut webp = Vec::new();
    image_webp::WebPEncoder::new(&mut webp)
        .encode(
            &one.data,
            one.width,
            one.height,
            image_webp::ColorType::Rgb8,
        )
        .unwrap();
    write("one-face.webp", &webp);

    // No face; with GPS (Utrecht, 52.0907 N 5.1214 E), an owner, XMP, a comment.
    let land = landscape(640, 480);
    let gps_fields = [
        field(Tag::GPSLatitudeRef, ascii("N")),
        field(Tag::GPSLatitude, dms(52.0907)),
        field(Tag::GPSLongitudeRef, ascii("E")),
        field(Tag::GPSLongitude, dms(5.1214)),
        field(Tag::Artist, ascii("Anja de Vries")),
        field(Tag::Orientation, Value::Short(vec![1])),
    ];
    let xmp = b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF \
        xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description \
        xmlns:dc='http://purl.org/dc/elements/1.1/' dc:creator='Anja de Vries'/></rdf:RDF>\
        </x:xmpmeta>"
        .to_vec();
    let iptc = b"Photoshop 3.0\08BIM\x04\x04\0\0\0\0\0\x0f\x1c\x02\x50\0\x0bAnja Vries\0".to_vec();
    write(
        "gps.jpg",
        &jpeg(&land, 85, &[exif_app1(&gps_fields), xmp], &[(13, iptc)]),
    );
    // South/west and an owner name: Ushuaia, 54.8019 S 68.3030 W.
    let south_west = [
        field(Tag::GPSLatitudeRef, ascii("S")),
        field(Tag::GPSLatitude, dms(54.8019)),
        field(Tag::GPSLongitudeRef, ascii("W")),
        field(Tag::GPSLongitude, dms(68.3030)),
        field(Tag::CameraOwnerName, ascii("Meester Jan")),
    ];
    write(
        "gps-south-west.jpg",
        &jpeg(&landscape(320, 240), 85, &[exif_app1(&south_west)], &[]),
    );

    let land_png = png_bytes(
        &land,
        &[("Author", "Anja de Vries"), ("Comment", "Groep 7")],
    );
    write("no-face.png", &land_png);

    write("truncated.jpg", &one_jpeg[..one_jpeg.len() * 6 / 10]);
    write("truncated.png", &land_png[..land_png.len() / 2]);
    let mut corrupt = one_jpeg.clone();
    // Overwrite the middle of the entropy-coded data and the tables before it with junk
    // markers: a decoder must say "corrupt", not loop or panic.
    let mid = corrupt.len() / 3;
    for b in &mut corrupt[mid..mid + 64] {
        *b = 0xFF;
    }
    corrupt[mid + 64] = 0xC4;
    write("corrupt.jpg", &corrupt);
    write("huge.png", &png_claiming(50_000, 50_000));
    write("huge.jpg", &jpeg_claiming(&one_jpeg, 60_000, 50_000));
    write("lying.png", &png_claiming(6_000, 6_000));
    write("photo.heic", &heic_stub());
    write(
        "not-an-image.txt",
        b"Dit is geen foto, maar een tekstbestand.\n",
    );
}
