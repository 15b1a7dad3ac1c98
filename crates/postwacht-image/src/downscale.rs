//! Shrinking and turning the grey image before detection. A box filter (the mean of each
//! destination pixel's source rectangle) is exact enough for a detector that itself works
//! on a pyramid of nearest-neighbour copies, and costs one addition per source pixel.

use crate::decode::Grey;

/// A copy whose long side is at most `long_side` (the image itself when already smaller).
pub fn to_long_side(src: &Grey, long_side: u32) -> Grey {
    let long = src.width.max(src.height);
    if long <= long_side || src.width == 0 || src.height == 0 {
        return src.clone();
    }
    let scale = f64::from(long_side) / f64::from(long);
    let width = ((f64::from(src.width) * scale).round() as u32).max(1);
    let height = ((f64::from(src.height) * scale).round() as u32).max(1);
    box_resize(src, width, height)
}

/// Box-filter `src` down to `width` × `height` (each at most the source's).
fn box_resize(src: &Grey, width: u32, height: u32) -> Grey {
    let (sw, sh) = (src.width as usize, src.height as usize);
    let (dw, dh) = (width as usize, height as usize);
    // Source range of destination index i out of n over a side of length s.
    let span = |i: usize, n: usize, s: usize| (i * s / n, ((i + 1) * s / n).max(i * s / n + 1));
    let columns: Vec<(usize, usize)> = (0..dw).map(|x| span(x, dw, sw)).collect();
    let mut data = Vec::with_capacity(dw * dh);
    let mut sums = vec![0u32; sw];
    for y in 0..dh {
        let (y0, y1) = span(y, dh, sh);
        sums.iter_mut().for_each(|s| *s = 0);
        for row in src.data[y0 * sw..y1 * sw].chunks_exact(sw) {
            for (s, &p) in sums.iter_mut().zip(row) {
                *s += u32::from(p);
            }
        }
        let rows = (y1 - y0) as u32;
        for &(x0, x1) in &columns {
            let total: u32 = sums[x0..x1].iter().sum();
            let n = rows * (x1 - x0) as u32;
            data.push(((total + n / 2) / n) as u8);
        }
    }
    Grey {
        width,
        height,
        data,
    }
}

/// Turns a stored image upright by its EXIF orientation (1-8), so the frontal-face
/// detector sees faces the way the photo is displayed.
pub fn orient(src: &Grey, orientation: u16) -> Grey {
    if !(2..=8).contains(&orientation) {
        return src.clone();
    }
    let (w, h) = (src.width as usize, src.height as usize);
    let swap = orientation >= 5;
    let (dw, dh) = if swap { (h, w) } else { (w, h) };
    let mut data = vec![0u8; w * h];
    for y in 0..dh {
        for x in 0..dw {
            // Where destination (x, y) comes from in the stored image.
            let (sx, sy) = match orientation {
                2 => (w - 1 - x, y),
                3 => (w - 1 - x, h - 1 - y),
                4 => (x, h - 1 - y),
                5 => (y, x),
                6 => (y, h - 1 - x),
                7 => (w - 1 - y, h - 1 - x),
                _ => (w - 1 - y, x), // 8
            };
            data[y * dw + x] = src.data[sy * w + sx];
        }
    }
    Grey {
        width: dw as u32,
        height: dh as u32,
        data,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grey(width: u32, height: u32, data: Vec<u8>) -> Grey {
        Grey {
            width,
            height,
            data,
        }
    }

    #[test]
    fn box_filter_averages_blocks() {
        // 4×2 → 2×1: the mean of each 2×2 block.
        let g = grey(4, 2, vec![0, 10, 100, 200, 20, 30, 100, 200]);
        assert_eq!(to_long_side(&g, 2), grey(2, 1, vec![15, 150]));
    }

    #[test]
    fn small_images_are_kept() {
        let g = grey(3, 2, vec![1, 2, 3, 4, 5, 6]);
        assert_eq!(to_long_side(&g, 1000), g);
    }

    #[test]
    fn long_side_is_respected_for_odd_sizes() {
        let g = grey(4000, 3000, vec![7; 4000 * 3000]);
        let s = to_long_side(&g, 1600);
        assert_eq!((s.width, s.height), (1600, 1200));
        assert!(s.data.iter().all(|&p| p == 7));
        let g = grey(1001, 3, vec![9; 3003]);
        let s = to_long_side(&g, 1000);
        assert_eq!((s.width, s.height), (1000, 3));
    }

    #[test]
    fn orientations() {
        // 2×3 stored:  a b / c d / e f
        let g = grey(2, 3, vec![1, 2, 3, 4, 5, 6]);
        assert_eq!(orient(&g, 1), g);
        assert_eq!(orient(&g, 3), grey(2, 3, vec![6, 5, 4, 3, 2, 1]));
        // 6 = rotate 90° clockwise to display: e c a / f d b
        assert_eq!(orient(&g, 6), grey(3, 2, vec![5, 3, 1, 6, 4, 2]));
        // 8 = rotate 90° counter-clockwise: b d f / a c e
        assert_eq!(orient(&g, 8), grey(3, 2, vec![2, 4, 6, 1, 3, 5]));
    }
}
