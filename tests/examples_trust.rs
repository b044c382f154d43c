//! `examples/`: a trusted-keys file and two responses to the sample request,
//! one genuine and one forged (a fresh key, the buyer's name typed in). The
//! files are regenerated here from fixed seeds and must equal the committed
//! ones (`ENDUSE_WRITE_EXAMPLES=1 cargo test --test examples_trust` rewrites
//! them), and `enduse verify --trusted-keys` must name the forgery.

mod record_sample;

use std::path::PathBuf;
use std::process::Command;

use enduse::keybook::{Confirmation, KeyBook, KeyEntry};
use enduse::record::{seal_request, seal_response};
use record_sample as sample;

fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// (file name, contents) of every generated example.
fn generated() -> Vec<(&'static str, String)> {
    let buyer = sample::key(41);
    let forger = sample::key(42);
    let request = seal_request(&sample::request(), Some(&sample::key(40))).unwrap();
    let response = sample::response(request.digest);
    let mut book = KeyBook::new();
    book.add(KeyEntry {
        public_key: buyer.public_key(),
        organisation: response.customer.name.clone(),
        country: Some(response.customer.country),
        confirmed: Confirmation::Phone,
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        note: Some("fingerprint read out by the director, number from the company register".into()),
    })
    .unwrap();
    vec![
        ("trusted-keys.json", book.to_json()),
        ("declaration-request.json", request.json.clone()),
        (
            "genuine-response.json",
            seal_response(&response, Some(&buyer)).unwrap().json,
        ),
        (
            "forged-response.json",
            seal_response(&response, Some(&forger)).unwrap().json,
        ),
    ]
}

#[test]
fn examples_are_current() {
    let write = std::env::var_os("ENDUSE_WRITE_EXAMPLES").is_some();
    for (name, contents) in generated() {
        let path = examples().join(name);
        if write {
            std::fs::write(&path, &contents).unwrap();
        }
        let committed =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            committed, contents,
            "{name} is stale: regenerate it (see the module doc)"
        );
    }
}

fn verify(name: &str) -> (i32, String) {
    let keys = examples().join("trusted-keys.json");
    let output = Command::new(env!("CARGO_BIN_EXE_enduse"))
        .arg("verify")
        .arg(examples().join(name))
        .arg("--trusted-keys")
        .arg(keys)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn the_forged_response_is_named_and_the_genuine_one_trusted() {
    let (code, out) = verify("genuine-response.json");
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("TRUSTED: intact, signed by Кулан Трейд ТОО, KZ"),
        "{out}"
    );
    assert!(out.contains("confirmed by phone on 2026-11-02"), "{out}");

    let (code, out) = verify("forged-response.json");
    assert_eq!(code, 5, "{out}");
    assert!(out.contains("NOT TRUSTED"), "{out}");
    assert!(out.contains("KEY CHANGED"), "{out}");

    let (code, out) = verify("declaration-request.json");
    assert_eq!(code, 5, "the exporter's own key is not in this book: {out}");
}
