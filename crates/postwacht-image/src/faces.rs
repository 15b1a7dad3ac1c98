//! Face detection: rustface's port of the SeetaFace frontal detector (BSD-2-Clause). The
//! model ships in this crate (model/seeta_fd_frontal_v1.0.bin, copied from the rustface
//! crate with its licence in model/LICENSE-rustface-seetaface) and is compiled in, so the
//! wasm module needs no file access.

use crate::decode::Grey;
use crate::Face;
use rustface::ImageData;
use std::sync::OnceLock;

static MODEL_BYTES: &[u8] = include_bytes!("../model/seeta_fd_frontal_v1.0.bin");

/// rustface's README value. Its own default (3.85) misses a third of the faces in its group
/// photo; at 2.0 no face appears in the gradient and shape fixtures (tests/inspect.rs).
pub const SCORE_THRESHOLD: f64 = 2.0;

/// The detector's window is 40×40 px: no face fits in a smaller image.
const MIN_SIDE: u32 = 40;

/// A face in the detector's (downscaled, upright) image.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detected {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
    pub score: f64,
}

impl Detected {
    /// In the full-size photo's pixels (`scale` = full / detected), clipped to it.
    pub fn scaled(self, scale: f64, width: u32, height: u32) -> Face {
        let clip = |v: f64, max: u32| (v.round().max(0.0) as u32).min(max);
        let x0 = clip(f64::from(self.x) * scale, width);
        let y0 = clip(f64::from(self.y) * scale, height);
        let x1 = clip(f64::from(self.x + self.width as i32) * scale, width);
        let y1 = clip(f64::from(self.y + self.height as i32) * scale, height);
        Face {
            x: x0,
            y: y0,
            width: x1 - x0,
            height: y1 - y0,
            score: self.score,
        }
    }
}

fn model() -> &'static rustface::Model {
    static MODEL: OnceLock<rustface::Model> = OnceLock::new();
    // The bytes are compiled in and checked by the tests: a failure here is a build error.
    MODEL.get_or_init(|| rustface::read_model(MODEL_BYTES).expect("the bundled SeetaFace model"))
}

/// Faces in an upright grey image, best score first.
pub fn detect(image: &Grey) -> Vec<Detected> {
    // rustface panics on an empty image and cannot find a face in one under its window.
    if image.width < MIN_SIDE || image.height < MIN_SIDE {
        return Vec::new();
    }
    let mut detector = rustface::create_detector_with_model(model().clone());
    detector.set_min_face_size(20);
    detector.set_score_thresh(SCORE_THRESHOLD);
    detector.set_pyramid_scale_factor(0.8);
    detector.set_slide_window_step(4, 4);
    let data = ImageData::new(&image.data, image.width, image.height);
    let mut faces: Vec<Detected> = detector
        .detect(&data)
        .into_iter()
        .map(|f| {
            let b = f.bbox();
            Detected {
                x: b.x(),
                y: b.y(),
                width: b.width(),
                height: b.height(),
                score: f.score(),
            }
        })
        .collect();
    faces.sort_by(|a, b| b.score.total_cmp(&a.score));
    faces
}
