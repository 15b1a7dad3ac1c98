//! `postwacht image` and `check --attach image:PATH` on the photo fixtures of
//! crates/postwacht-image.

mod common;
use common::run;
use std::process::Output;

fn fixture(name: &str) -> String {
    format!(
        "{}/crates/postwacht-image/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn image_prints_size_faces_gps_owner_and_time() {
    let o = run(&["image", &fixture("gps.jpg")], "");
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for want in [
        "JPEG 640×480",
        "faces: 0",
        "gps: 52.09070, 5.12140",
        "owner: Anja de Vries",
        "time: ",
    ] {
        assert!(out.contains(want), "{want} in {out}");
    }
    let o = run(&["image", &fixture("one-face.jpg"), "--format", "json"], "");
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["faces"].as_array().unwrap().len(), 1);
    assert_eq!(v["gps"], serde_json::Value::Null);
    assert!(v["timings"]["total_ms"].as_f64().unwrap() > 0.0);
    let o = run(&["image", &fixture("huge.jpg")], "");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("faces: not inspected (too-large)"));
}

#[test]
fn broken_files_exit_2_with_a_message() {
    for (name, says) in [
        ("not-an-image.txt", "not an image"),
        ("truncated.jpg", "truncated JPEG"),
        ("corrupt.jpg", "corrupt JPEG"),
        ("lying.png", "corrupt PNG"),
        ("no-such-file.jpg", "No such file"),
    ] {
        let o = run(&["image", &fixture(name)], "");
        assert_eq!(o.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(says), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
    let o = run(
        &["image", &fixture("truncated.png"), "--format", "json"],
        "",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stdout(&o).contains(r#""error":"truncated""#),
        "{}",
        stdout(&o)
    );
    assert_eq!(run(&["image"], "").status.code(), Some(2));
}

#[test]
fn check_attach_uses_what_the_inspection_found() {
    let text = "Groep 4 genoot vandaag van de excursie.";
    let check = |attach: &str| {
        let arg = format!("image:{attach}");
        let o = run(
            &[
                "check",
                "-",
                "--account",
                "school",
                "--attach",
                &arg,
                "--format",
                "json",
            ],
            text,
        );
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_string(),
                    f["message"].as_str().unwrap().to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    let rules = |f: &[(String, String)]| f.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>();
    // A landscape without faces: no consent question; its GPS and owner: photo-location.
    let f = check(&fixture("gps.jpg"));
    assert!(
        !rules(&f).iter().any(|r| r.starts_with("photo-consent")),
        "{f:?}"
    );
    assert!(
        rules(&f).contains(&"confidential.photo-location".to_string()),
        "{f:?}"
    );
    // The group photo: the count of faces.
    let f = check(&fixture("group.jpg"));
    let (_, msg) = f
        .iter()
        .find(|(r, _)| r == "photo-consent.faces")
        .expect("faces warning");
    assert!(
        msg.contains("(group.jpg) staan") && msg.contains("gezichten"),
        "{msg}"
    );
    // Over 40 megapixels: read, not looked at.
    let f = check(&fixture("huge.jpg"));
    assert!(
        rules(&f).contains(&"photo-consent.not-inspected".to_string()),
        "{f:?}"
    );
    // A name that is not a file: as before.
    let f = check("IMG_1.jpg");
    assert!(
        rules(&f).contains(&"photo-consent.unconfirmed".to_string()),
        "{f:?}"
    );
    // A file that is not an image: checked as an uninspected photo, with a note.
    let f = check(&fixture("not-an-image.txt"));
    assert!(
        rules(&f).contains(&"photo-consent.unconfirmed".to_string()),
        "{f:?}"
    );
}
