//! The photo inspection's benchmark (run by `./build.sh bench` through bench/image.mjs):
//!
//!     cargo run --release -p postwacht-image --example bench -- OUT_DIR [--smoke]
//!
//! Writes OUT_DIR/photo-12mp.jpg, a 4,000×3,000 JPEG (quality 85) made from the group
//! photo fixture scaled up and tiled, so that the wasm side (bench/image.mjs) times the same
//! bytes, then times `inspect` natively on it and prints one JSON line: the median and each
//! step's median in milliseconds.
use std::path::Path;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out_dir) = args.first() else {
        eprintln!("usage: bench OUT_DIR [--smoke]");
        std::process::exit(2);
    };
    let smoke = args.iter().any(|a| a == "--smoke");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let group = std::fs::read(fixtures.join("group.jpg")).unwrap();
    let mut d = zune_jpeg::JpegDecoder::new(zune_core::bytestream::ZCursor::new(&group[..]));
    let rgb = d.decode().unwrap();
    let (gw, gh) = d.dimensions().unwrap();
    let (w, h) = (4000usize, 3000usize);
    // Scale the group photo to 4,000 px wide (nearest neighbour). "crowd": repeated
    // downwards, 48 faces over the whole frame (the worst case); "class": once, across the
    // middle, with sky above and a floor below (a class photo).
    let scale = gw as f64 / w as f64;
    let tile_h = (gh as f64 / scale) as usize;
    let make = |crowd: bool| {
        let mut data = vec![0u8; w * h * 3];
        let top = (h - tile_h) / 2;
        for y in 0..h {
            let in_tile = crowd || (top..top + tile_h).contains(&y);
            let ty = if crowd {
                y % tile_h
            } else {
                y.saturating_sub(top)
            };
            let sy = ((ty as f64 * scale) as usize).min(gh - 1);
            for x in 0..w {
                let px = if in_tile {
                    let sx = ((x as f64 * scale) as usize).min(gw - 1);
                    [
                        rgb[(sy * gw + sx) * 3],
                        rgb[(sy * gw + sx) * 3 + 1],
                        rgb[(sy * gw + sx) * 3 + 2],
                    ]
                } else if y < top {
                    [(120 + y * 80 / h) as u8, (160 + y * 60 / h) as u8, 230]
                } else {
                    [(90 + (x * 7 + y * 3) % 40) as u8, 70, 50]
                };
                data[(y * w + x) * 3..][..3].copy_from_slice(&px);
            }
        }
        let mut jpeg = Vec::new();
        jpeg_encoder::Encoder::new(&mut jpeg, 85)
            .encode(&data, w as u16, h as u16, jpeg_encoder::ColorType::Rgb)
            .unwrap();
        jpeg
    };
    std::fs::create_dir_all(out_dir).unwrap();
    let iters = if smoke { 2 } else { 7 };
    let mut lines = Vec::new();
    for (case, crowd) in [("class", false), ("crowd", true)] {
        let jpeg = make(crowd);
        let file = Path::new(out_dir).join(format!("photo-12mp-{case}.jpg"));
        std::fs::write(&file, &jpeg).unwrap();
        let mut runs = Vec::new();
        let mut faces = 0;
        for _ in 0..iters {
            let found = postwacht_image::inspect(&jpeg).unwrap();
            faces = found.faces.as_ref().map_or(0, Vec::len);
            runs.push(found.timings);
        }
        let step = |f: fn(&postwacht_image::Timings) -> f64| median(runs.iter().map(f).collect());
        lines.push(format!(
            "{{\"case\":\"{case}\",\"file\":{},\"bytes\":{},\"width\":{w},\"height\":{h},\
             \"faces\":{faces},\"iters\":{iters},\"decode_ms\":{:.1},\"downscale_ms\":{:.1},\
             \"detect_ms\":{:.1},\"total_ms\":{:.1}}}",
            postwacht_image::json::string(&file.to_string_lossy()),
            jpeg.len(),
            step(|t| t.decode_ms),
            step(|t| t.downscale_ms),
            step(|t| t.detect_ms),
            step(|t| t.total_ms),
        ));
    }
    println!("[{}]", lines.join(","));
}
