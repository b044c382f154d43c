//! `enduse screen` end to end: real binary, bundled sample lists.

use std::path::PathBuf;
use std::process::{Command, Output};

fn lists() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/lists")
}

fn enduse(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_enduse"))
        .arg("screen")
        .args(args)
        .output()
        .expect("the enduse binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn sample(file: &str) -> String {
    lists().join(file).display().to_string()
}

fn temp_file(name: &str, content: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("enduse-screen-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, content).expect("temp file");
    path
}

#[test]
fn sdn_picks_up_sibling_alt_file_and_flags_a_cyrillic_alias() {
    // The Cyrillic name exists only in sample-alt.csv, so a hit proves the
    // sibling was attached.
    let out = enduse(&[
        "--list",
        &sample("sample-sdn.csv"),
        "ЗАО «Арарат Микрочип Солюшнс»",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("+ sample-alt.csv"), "{text}");
    assert!(text.contains("POTENTIAL MATCH"), "{text}");
    assert!(text.contains("#990008"), "{text}");
    assert!(stderr(&out).contains("1 row(s) whose ent_num is not in sample-sdn.csv"));
}

#[test]
fn json_output_carries_provenance_and_explanations() {
    let out = enduse(&[
        "--list",
        &sample("sample-opensanctions.csv"),
        "--list",
        &sample("sample-eu.xml"),
        "--format",
        "json",
        "Akhmetzhanov Daulet Serikbayuly",
        "Schmidt Messtechnik GmbH",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(json["lists"][1]["format"], "eu-xml");
    assert_eq!(json["lists"][1]["published"], "2026-11-01");
    assert_eq!(json["lists"][0]["sha256"].as_str().map(str::len), Some(64));
    assert_eq!(json["results"][0]["outcome"], "potential_match");
    assert!(
        json["results"][0]["hits"][0]["pairs"]
            .as_array()
            .is_some_and(|p| p.len() == 3)
    );
    assert_eq!(json["results"][1]["outcome"], "no_list_match");
}

#[test]
fn names_csv_with_a_name_column() {
    let names = temp_file(
        "names.csv",
        "id,name,country\n1,Gulf Horizon Dual-Use Trading FZCO,AE\n2,Weber Armaturen GmbH,DE\n"
            .as_bytes(),
    );
    let out = enduse(&[
        "--list",
        &sample("sample-eu.csv"),
        &names.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("\"Gulf Horizon Dual-Use Trading FZCO\": POTENTIAL MATCH"),
        "{text}"
    );
    assert!(
        text.contains("\"Weber Armaturen GmbH\": NO LIST MATCH"),
        "{text}"
    );
}

#[test]
fn benign_name_exits_zero() {
    let out = enduse(&[
        "--list",
        &sample("sample-eu.xml"),
        "Hartmann Antriebstechnik GmbH",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("NO LIST MATCH"));
}

#[test]
fn broken_list_is_a_clear_error_with_exit_2() {
    let bad = temp_file(
        "sdn.csv",
        b"36,\"A\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\nnot,an,sdn,row\r\n",
    );
    let out = enduse(&["--list", &bad.display().to_string(), "Anything"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("sdn.csv line 2"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn unknown_format_and_missing_file_exit_2() {
    let junk = temp_file("junk.bin", &[0xff, 0x00, 0x13, 0x37]);
    let out = enduse(&["--list", &junk.display().to_string(), "X"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a recognised sanctions list"));
    let out = enduse(&["--list", "/nonexistent/sdn.csv", "X"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/nonexistent/sdn.csv"));
}

#[test]
fn bad_threshold_exits_2() {
    let out = enduse(&[
        "--list",
        &sample("sample-eu.xml"),
        "--threshold",
        "1.5",
        "X",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not between 0 and 1"));
}
