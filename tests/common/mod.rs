//! What the command-line tests share: running the binary and writing input files.
// Each test crate uses what it needs of this module.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_postwacht"))
}

/// Runs `postwacht ARGS` with `stdin` as its input and collects the output.
pub fn run(args: &[&str], stdin: &str) -> Output {
    let mut c = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A usage error exits before reading stdin: a broken pipe here is expected, not a failure.
    let _ = c.stdin.take().unwrap().write_all(stdin.as_bytes());
    c.wait_with_output().unwrap()
}

/// A folder of this test crate and process for its input and output files.
pub fn tmp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "postwacht-{}-{}",
        env!("CARGO_CRATE_NAME"),
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `content` to `name` in [`tmp_dir`] and returns the path.
pub fn tmp(name: &str, content: impl AsRef<[u8]>) -> String {
    let p = tmp_dir().join(name);
    std::fs::write(&p, content).unwrap();
    p.to_str().unwrap().to_string()
}
