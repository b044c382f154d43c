//! `enduse verify` end to end: real binary, real files, exit codes and output.

mod record_sample;

use std::path::PathBuf;
use std::process::{Command, Output};

use enduse::record::{seal_record, seal_request};
use record_sample as sample;

struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &[u8]) -> TempFile {
        let path =
            std::env::temp_dir().join(format!("enduse-record-cli-{}-{name}", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn enduse(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_enduse"))
        .args(args)
        .output()
        .unwrap()
}

fn run(file: &TempFile, json: bool) -> (i32, String) {
    let path = file.0.to_str().unwrap();
    let output = if json {
        enduse(&["verify", path, "--format", "json"])
    } else {
        enduse(&["verify", path])
    };
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
    )
}

#[test]
fn valid_signed_record_exits_zero_and_shows_fingerprint() {
    let key = sample::key(21);
    let sealed = seal_record(&sample::record(), Some(&key)).unwrap();
    let file = TempFile::new("valid.json", sealed.json.as_bytes());
    let (code, out) = run(&file, false);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("VALID"), "{out}");
    assert!(
        out.contains(key.public_key().fingerprint().as_str()),
        "{out}"
    );

    let (code, out) = run(&file, true);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["state"]["state"], "valid");
    assert_eq!(json["kind"], "record");
    assert_eq!(
        json["signature"]["fingerprint"],
        key.public_key().fingerprint().as_str()
    );
}

#[test]
fn altered_record_names_the_field_and_exits_one() {
    let sealed = seal_record(&sample::record(), Some(&sample::key(22))).unwrap();
    let tampered = sealed.json.replacen("\"854231\"", "\"854290\"", 1);
    assert_ne!(tampered, sealed.json);
    let file = TempFile::new("altered.json", tampered.as_bytes());
    let (code, out) = run(&file, false);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("ALTERED"), "{out}");
    assert!(out.contains("body.transaction.goods[0].hs_code"), "{out}");
    assert!(out.contains("signature: INVALID"), "{out}");

    let (code, out) = run(&file, true);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["state"]["state"], "altered");
    assert_eq!(
        json["state"]["paths"],
        serde_json::json!(["body.transaction.goods[0].hs_code"])
    );
    assert_eq!(json["signature"]["state"], "invalid");
}

#[test]
fn unsigned_unsupported_and_malformed_have_distinct_exit_codes() {
    let request = seal_request(&sample::request(), None).unwrap();
    let file = TempFile::new("unsigned.json", request.json.as_bytes());
    let (code, out) = run(&file, false);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("declaration request"), "{out}");
    assert!(out.contains("UNSIGNED"), "{out}");

    let v9 = request.json.replacen("\"version\": 1", "\"version\": 9", 1);
    let file = TempFile::new("v9.json", v9.as_bytes());
    assert_eq!(run(&file, false).0, 3);

    let file = TempFile::new("garbage.json", b"{\"format\": \"enduse-record\", \x00");
    let (code, out) = run(&file, false);
    assert_eq!(code, 4, "{out}");
    assert!(out.contains("MALFORMED"), "{out}");

    let missing = enduse(&["verify", "/nonexistent/enduse-record.json"]);
    assert_eq!(missing.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&missing.stdout).contains("cannot read"));
}

#[test]
fn links_are_verified_with_the_link_flag() {
    let request = seal_request(&sample::request(), Some(&sample::key(23))).unwrap();
    let link = format!(
        "https://example.org/{}",
        enduse::record::encode_fragment(&request)
    );
    let output = enduse(&["verify", "--link", &link]);
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(out.contains("declaration request"), "{out}");

    let damaged = enduse(&["verify", "--link", "#/declare?r=@@@"]);
    assert_eq!(damaged.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&damaged.stdout).contains("base64url"));
}
