//! `cargo run --release -p postwacht-image --example inspect -- FILE...`: what `inspect`
//! finds in each file, with the time per step. For trying photos out; the benchmark is
//! examples/bench.rs.
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable file");
        match postwacht_image::inspect(&bytes) {
            Ok(i) => println!(
                "{path}: {} {}x{} faces {:?} gps {:?} owner {:?} skipped {:?} {:?}",
                i.format.as_str(),
                i.width,
                i.height,
                i.faces.as_ref().map(Vec::len),
                i.gps,
                i.owner,
                i.not_inspected,
                i.timings
            ),
            Err(e) => println!("{path}: error ({}): {e}", e.kind()),
        }
    }
}
