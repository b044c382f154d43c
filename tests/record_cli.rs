//! `enduse verify` end to end: real binary, real files, exit codes and output.

mod record_sample;

use std::path::PathBuf;
use std::process::{Command, Output};

use enduse::keybook::{Confirmation, KeyBook, KeyEntry};
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

/// A key book file trusting `key` as `organisation`, confirmed `how`.
fn key_book(key: &enduse::record::SecretKey, organisation: &str, how: Confirmation) -> String {
    let mut book = KeyBook::new();
    book.add(KeyEntry {
        public_key: key.public_key(),
        organisation: organisation.into(),
        country: Some(sample::country("DE")),
        confirmed: how,
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        note: None,
    })
    .unwrap();
    book.to_json()
}

#[test]
fn a_signed_record_is_trusted_only_with_its_key_in_the_trusted_keys() {
    let key = sample::key(21);
    let sealed = seal_record(&sample::record(), Some(&key)).unwrap();
    let file = TempFile::new("valid.json", sealed.json.as_bytes());

    // Without trusted keys a valid signature says nobody in particular signed.
    let (code, out) = run(&file, false);
    assert_eq!(code, 5, "{out}");
    assert!(out.contains("NOT TRUSTED"), "{out}");
    assert!(out.contains("confirm this fingerprint"), "{out}");
    assert!(
        out.contains(key.public_key().fingerprint().as_str()),
        "{out}"
    );

    let keys = TempFile::new(
        "keys.json",
        key_book(&key, "Müller Elektronik GmbH", Confirmation::InPerson).as_bytes(),
    );
    let path = file.0.to_str().unwrap();
    let keys_path = keys.0.to_str().unwrap();
    let output = enduse(&["verify", path, "--trusted-keys", keys_path]);
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(
        out.contains("TRUSTED: intact, signed by Müller Elektronik GmbH, DE"),
        "{out}"
    );
    assert!(out.contains("confirmed in person on 2026-11-02"), "{out}");

    let output = enduse(&[
        "verify",
        path,
        "--trusted-keys",
        keys_path,
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["state"]["state"], "valid");
    assert_eq!(json["kind"], "record");
    assert_eq!(json["verdict"]["verdict"], "trusted");
    assert_eq!(
        json["verdict"]["key"]["organisation"],
        "Müller Elektronik GmbH"
    );
    assert_eq!(json["verdict"]["key"]["confirmed"], "in_person");
    assert_eq!(
        json["signature"]["fingerprint"],
        key.public_key().fingerprint().as_str()
    );

    // A key only remembered on first use is not trust.
    let tofu = TempFile::new(
        "tofu.json",
        key_book(&key, "Müller Elektronik GmbH", Confirmation::FirstUse).as_bytes(),
    );
    let output = enduse(&["verify", path, "--trusted-keys", tofu.0.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(5), "{out}");
    assert!(out.contains("never confirmed"), "{out}");
}

#[test]
fn a_fresh_key_in_a_known_name_is_not_trusted() {
    // The forgery: somebody makes a key and signs as the counterparty.
    let real = sample::key(21);
    let forger = sample::key(99);
    let sealed = seal_record(&sample::record(), Some(&forger)).unwrap();
    let file = TempFile::new("forged.json", sealed.json.as_bytes());
    let keys = TempFile::new(
        "keys-forged.json",
        key_book(&real, "Müller Elektronik GmbH", Confirmation::Phone).as_bytes(),
    );
    let output = enduse(&[
        "verify",
        file.0.to_str().unwrap(),
        "--trusted-keys",
        keys.0.to_str().unwrap(),
    ]);
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(5), "{out}");
    assert!(
        out.contains(forger.public_key().fingerprint().as_str()),
        "{out}"
    );
    assert!(
        out.contains("KEY CHANGED"),
        "the known exporter's key changed: {out}"
    );
}

#[test]
fn a_bad_key_book_is_refused_with_its_line() {
    let sealed = seal_record(&sample::record(), Some(&sample::key(21))).unwrap();
    let file = TempFile::new("for-bad-keys.json", sealed.json.as_bytes());
    let keys = TempFile::new(
        "bad-keys.json",
        b"{\n \"format\": \"enduse-key-book\",\n \"version\": 1,\n \"keys\": [ 1 ]\n}\n",
    );
    let output = enduse(&[
        "verify",
        file.0.to_str().unwrap(),
        "--trusted-keys",
        keys.0.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(4), "{err}");
    assert!(err.contains("line 4"), "{err}");
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
    assert_eq!(
        output.status.code(),
        Some(5),
        "signed, key not trusted: {out}"
    );
    assert!(out.contains("declaration request"), "{out}");

    let damaged = enduse(&["verify", "--link", "#/declare?r=@@@"]);
    assert_eq!(damaged.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&damaged.stdout).contains("base64url"));
}

#[test]
fn a_damaged_locator_has_its_own_exit_code() {
    // Exit 5 means "signed by a key that is not trusted"; a copy whose body
    // and signature hold but whose leaf map was edited is 6, and no trust
    // claim is made on it.
    let sealed = seal_record(&sample::record(), Some(&sample::key(6))).unwrap();
    let mut envelope: serde_json::Value = serde_json::from_str(&sealed.json).unwrap();
    envelope["leaves"]["body.assessment.score"] =
        serde_json::Value::String(enduse::record::Digest::of(b"x").to_string());
    let file = TempFile::new("locator.json", envelope.to_string().as_bytes());
    let output = enduse(&["verify", file.0.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(6), "{out}");
    assert!(out.contains("SIGNATURE VALID; LOCATOR DAMAGED"), "{out}");
    assert!(out.contains("map entry wrong"), "{out}");
    assert!(!out.contains("TRUSTED"), "{out}");
}
