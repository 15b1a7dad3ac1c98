//! Face counts and detection time for detector settings (a tuning aid, not a test):
//!
//!     cargo run --release -p postwacht-image --example tune -- FILE...
use postwacht_image::{decode, downscale, sniff};
use rustface::ImageData;
use std::time::Instant;

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let model =
        rustface::read_model(&include_bytes!("../model/seeta_fd_frontal_v1.0.bin")[..]).unwrap();
    for long in [1000u32] {
        for (step, scale) in [
            (4u32, 0.8f32),
            (4, 0.75),
            (4, 0.7),
            (5, 0.8),
            (6, 0.8),
            (3, 0.8),
        ] {
            let mut line = format!("long {long} step {step} scale {scale}:");
            for f in &files {
                let bytes = std::fs::read(f).unwrap();
                let format = sniff::sniff(&bytes).unwrap();
                let h = decode::header(format, &bytes).unwrap();
                let g = decode::decode_grey(format, &bytes, &h).unwrap();
                let small = downscale::orient(
                    &downscale::to_long_side(&g, long),
                    postwacht_image::metadata::read(&bytes).orientation,
                );
                let mut d = rustface::create_detector_with_model(model.clone());
                d.set_min_face_size(20);
                d.set_score_thresh(2.0);
                d.set_pyramid_scale_factor(scale);
                d.set_slide_window_step(step, step);
                let t = Instant::now();
                let n = d
                    .detect(&ImageData::new(&small.data, small.width, small.height))
                    .len();
                let name = f.rsplit('/').next().unwrap();
                line += &format!(" {name}={n} ({:.0} ms)", t.elapsed().as_secs_f64() * 1000.0);
            }
            println!("{line}");
        }
    }
}
