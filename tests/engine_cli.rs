//! `enduse assess` and `enduse ruleset check` as a user runs them.

use std::path::PathBuf;
use std::process::{Command, Output};

fn enduse(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_enduse"))
        .args(args)
        .output()
    {
        Ok(o) => o,
        Err(e) => panic!("cannot run enduse: {e}"),
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A scratch directory unique to this test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("enduse-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

const TO_RUSSIA: &str = r#"{
  "schema_version": 1,
  "goods": [ { "hs": "8542.31", "description": "MCU" } ],
  "parties": { "buyer": { "name": "OOO Test", "country": "RU" } },
  "shipment": { "destination": "RU" }
}"#;

const TINY_RULES: &str = r#"
[ruleset]
id = "tiny"
version = "7"
title = { en = "Tiny" }

[[rules]]
id = "URGENT"
severity = "high"
title = { en = "Urgency" }
explanation = { en = "Urgency is {signals.unusual_urgency}." }
when = { fact = "signals.unusual_urgency", is = "yes" }
citations = [ { issuer = "BIS", document = "Red flags", url = "https://www.bis.gov/" } ]
mitigations = [ { en = "Ask why." } ]
"#;

#[test]
fn assess_text_report() {
    let dir = scratch("text");
    let file = write(&dir, "tx.json", TO_RUSSIA);
    let o = enduse(&["assess", &file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Rating: STOP"), "{out}");
    assert!(out.contains("Ruleset: enduse-default"), "{out}");
    assert!(out.contains("Source: "), "{out}");
    assert!(out.contains("Missing information"), "{out}");
}

#[test]
fn assess_json_has_top_level_rating() {
    let dir = scratch("json");
    let file = write(&dir, "tx.json", TO_RUSSIA);
    let o = enduse(&["assess", &file, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["rating"], "stop");
    assert!(v["findings"].as_array().is_some_and(|f| !f.is_empty()));
    assert_eq!(v["ruleset"]["sha256"].as_str().map(str::len), Some(64));
}

#[test]
fn fail_on_sets_exit_code_1() {
    let dir = scratch("failon");
    let file = write(&dir, "tx.json", TO_RUSSIA);
    assert_eq!(
        enduse(&["assess", &file, "--fail-on", "stop"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        enduse(&["assess", &file, "--fail-on", "high"])
            .status
            .code(),
        Some(1)
    );
    let rules = write(&dir, "tiny.toml", TINY_RULES);
    let calm = write(&dir, "calm.json", r#"{"signals":{"unusual_urgency":"no"}}"#);
    let o = enduse(&["assess", &calm, "--ruleset", &rules, "--fail-on", "high"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let urgent = write(
        &dir,
        "urgent.json",
        r#"{"signals":{"unusual_urgency":"yes"}}"#,
    );
    let o = enduse(&["assess", &urgent, "--ruleset", &rules, "--fail-on", "stop"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("[HIGH] URGENT: Urgency"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("Urgency is yes."));
    assert!(stdout(&o).contains("Mitigation: Ask why."));
    let o = enduse(&["assess", &urgent, "--ruleset", &rules, "--fail-on", "high"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn scenario_files_and_evidence_files_are_accepted() {
    let dir = scratch("wrapped");
    let rules = write(&dir, "tiny.toml", TINY_RULES);
    let wrapped = write(
        &dir,
        "scenario.json",
        r#"{"description":"x","expect":{},"transaction":{"signals":{"unusual_urgency":"yes"}},"evidence":{"declaration":"requested"}}"#,
    );
    let o = enduse(&["assess", &wrapped, "--ruleset", &rules, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("\"rating\": \"high\""));
    let ev = write(
        &dir,
        "ev.json",
        r#"{"screening":[{"party":"buyer","outcome":"potential_match"}]}"#,
    );
    let tx = write(&dir, "tx.json", TO_RUSSIA);
    let o = enduse(&["assess", &tx, "--evidence", &ev]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let bad_ev = write(
        &dir,
        "bad-ev.json",
        r#"{"screening":[{"party":"boss","outcome":"review"}]}"#,
    );
    let o = enduse(&["assess", &tx, "--evidence", &bad_ev]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("boss"), "{}", stderr(&o));
}

#[test]
fn bad_input_exits_2_with_a_clear_message() {
    let dir = scratch("bad");
    let o = enduse(&["assess", &dir.join("nope.json").to_string_lossy()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read"), "{}", stderr(&o));

    let broken = write(
        &dir,
        "broken.json",
        "{\n  \"goods\": [ { \"hs\": \"85\" } ]\n}",
    );
    let o = enduse(&["assess", &broken]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("line 2"), "{}", stderr(&o));

    let not_json = write(&dir, "x.json", "\u{feff}<xml/>");
    assert_eq!(enduse(&["assess", &not_json]).status.code(), Some(2));

    let binary = dir.join("bin.json");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x01]).unwrap();
    assert_eq!(
        enduse(&["assess", &binary.to_string_lossy()]).status.code(),
        Some(2)
    );

    // One reading: serde alone would keep the second buyer silently.
    let twice = write(
        &dir,
        "twice.json",
        "{\"parties\": {\"buyer\": {\"name\": \"Listed OOO\"},\n \"buyer\": {\"name\": \"Clean LLP\"}}}",
    );
    let o = enduse(&["assess", &twice]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("\"buyer\" occurs twice") && stderr(&o).contains("line 2"),
        "{}",
        stderr(&o)
    );
    let wrapped = write(
        &dir,
        "wrapped.json",
        "{\"transaction\": {}, \"evidence\": {}, \"transaction\": {}}",
    );
    assert_eq!(enduse(&["assess", &wrapped]).status.code(), Some(2));
    // Refused unread, whatever its content.
    let huge = dir.join("huge.json");
    std::fs::write(&huge, vec![b' '; 3 * 1024 * 1024]).unwrap();
    let o = enduse(&["assess", &huge.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("refused unread"), "{}", stderr(&o));

    let ok = write(&dir, "ok.json", "{}");
    let bad_rules = write(
        &dir,
        "bad.toml",
        &TINY_RULES.replace("signals.unusual_urgency\", is", "signals.urgency\", is"),
    );
    let o = enduse(&["assess", &ok, "--ruleset", &bad_rules]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.toml:12:"), "{}", stderr(&o));

    assert_eq!(
        enduse(&["assess", &ok, "--fail-on", "sometimes"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn ruleset_check() {
    let dir = scratch("check");
    let good = write(&dir, "tiny.toml", TINY_RULES);
    let o = enduse(&["ruleset", "check", &good]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("id: tiny"), "{out}");
    assert!(out.contains("version: 7"), "{out}");
    assert!(
        out.contains("rules: 1 (stop 0, high 1, medium 0, low 0)"),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.strip_prefix("sha256: ").is_some_and(|h| h.len() == 64)),
        "{out}"
    );

    let bad = write(
        &dir,
        "bad.toml",
        &TINY_RULES.replace("{signals.unusual_urgency}", "{signals.nope}"),
    );
    let o = enduse(&["ruleset", "check", &bad]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("bad.toml:11:"), "{err}");
    assert!(err.contains("signals.nope"), "{err}");

    let o = enduse(&["ruleset", "check", "rules/default.toml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// `assess --list` screens the named parties with the web app's code: a buyer
/// on the list is a stop, and the same buyer without the list is not.
#[test]
fn assess_screens_parties_against_lists() {
    let dir = scratch("lists");
    let tx = r#"{
      "schema_version": 2,
      "goods": [ { "hs": "8482.10", "description": "Ball bearings" } ],
      "parties": { "buyer": { "name": "Zhetysu Precision Components LLP", "country": "KZ" } },
      "shipment": { "destination": "KZ" }
    }"#;
    let file = write(&dir, "tx.json", tx);
    let list = concat!(env!("CARGO_MANIFEST_DIR"), "/public/lists/sample-sdn.csv");
    let o = enduse(&["assess", &file, "--list", list, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["rating"], "stop", "{json}");
    let rules: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert!(rules.contains(&"SCREEN-POTENTIAL-MATCH"), "{rules:?}");
    let o = enduse(&["assess", &file, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_ne!(json["rating"], "stop", "{json}");
    // A list that cannot be read is an input error, not a clean screening.
    let o = enduse(&["assess", &file, "--list", "/nonexistent/list.csv"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
}

/// A "no list match" is only as good as the lists: against the fictitious
/// samples or an undated file it clears nobody (the buyer's screening is
/// missing information and SCREEN-LISTS-NOT-CURRENT says why); against a
/// list the user vouches was fetched today it counts.
#[test]
fn assess_no_match_counts_only_against_current_real_lists() {
    let dir = scratch("list-standing");
    let tx = r#"{
      "schema_version": 2,
      "goods": [ { "hs": "8482.10", "description": "Ball bearings" } ],
      "parties": { "buyer": { "name": "Dala Dairy LLP", "country": "KZ" } },
      "shipment": { "destination": "KZ" }
    }"#;
    let file = write(&dir, "tx.json", tx);
    let real = write(
        &dir,
        "targets.simple.csv",
        "id,schema,name,aliases\nX-1,Company,\"Volga Machine Tools JSC\",\n",
    );
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/public/lists/sample-sdn.csv");
    let run = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec!["assess", file.as_str(), "--format", "json"];
        args.extend_from_slice(extra);
        let o = enduse(&args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        serde_json::from_str(&stdout(&o)).unwrap()
    };
    let rules = |json: &serde_json::Value| -> Vec<String> {
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f["rule"].as_str().map(String::from))
            .collect()
    };
    let missing = |json: &serde_json::Value| -> Vec<String> {
        json["missing"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|m| m["fact"].as_str().map(String::from))
            .collect()
    };
    let today = chrono::Local::now().date_naive().to_string();

    let json = run(&["--list", sample]);
    assert!(
        rules(&json).contains(&"SCREEN-LISTS-NOT-CURRENT".into()),
        "{json}"
    );
    assert!(missing(&json).contains(&"buyer.screening".into()), "{json}");
    let finding = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "SCREEN-LISTS-NOT-CURRENT")
        .unwrap();
    assert!(
        finding["explanation"]
            .as_str()
            .unwrap()
            .contains("sample-sdn.csv (fictitious sample)"),
        "{finding}"
    );

    let json = run(&["--list", &real]);
    assert!(
        rules(&json).contains(&"SCREEN-LISTS-NOT-CURRENT".into()),
        "{json}"
    );
    assert!(missing(&json).contains(&"buyer.screening".into()), "{json}");

    let json = run(&["--list", &real, "--list", sample, "--retrieved", &today]);
    assert!(
        !rules(&json).contains(&"SCREEN-LISTS-NOT-CURRENT".into()),
        "{json}"
    );
    assert!(
        !missing(&json).contains(&"buyer.screening".into()),
        "{json}"
    );

    let json = run(&[
        "--list",
        &real,
        "--retrieved",
        "2026-01-01",
        "--max-age-days",
        "3650",
    ]);
    assert!(
        !rules(&json).contains(&"SCREEN-LISTS-NOT-CURRENT".into()),
        "{json}"
    );
    let o = enduse(&["assess", &file, "--list", &real, "--retrieved", "yesterday"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
}

/// The text report shows inherent → residual per finding and overall.
#[test]
fn assess_text_shows_inherent_and_residual() {
    let dir = scratch("residual");
    let tx = r#"{
      "schema_version": 2,
      "parties": { "buyer": { "name": "Dala Dairy LLP", "country": "KZ", "previous_dealings": "yes", "established": "2009-04-01" } },
      "shipment": { "destination": "KZ" }
    }"#;
    let file = write(&dir, "tx.json", tx);
    let o = enduse(&["assess", &file]);
    let out = stdout(&o);
    assert!(out.contains("MEDIUM -> LOW] DEST-EAEU"), "{out}");
    assert!(out.contains("Lowered by: Established customer"), "{out}");
    assert!(out.contains("inherent MEDIUM"), "{out}");
}

#[test]
fn as_of_dates_the_law_and_bad_dates_exit_2() {
    let dir = scratch("as-of");
    // A contract of June 2023 for CHPL bearings from Germany to Kazakhstan
    // without the no-Russia clause: no duty yet in mid-2024, a breach in 2025.
    let tx = write(
        &dir,
        "tx.json",
        r#"{"exporter":{"country":"DE"},"goods":[{"hs":"848210"}],
            "shipment":{"destination":"KZ","contract_date":"2023-06-01"},
            "safeguards":{"no_russia_clause":"no"}}"#,
    );
    let o = enduse(&["assess", &tx, "--as-of", "2024-06-01"]);
    assert!(
        stdout(&o).contains("Law as of 2024-06-01, ruleset version"),
        "{}",
        stdout(&o)
    );
    assert!(!stdout(&o).contains("ART12G-NO-CLAUSE"), "{}", stdout(&o));
    let o = enduse(&["assess", &tx, "--as-of", "2025-01-15", "--format", "json"]);
    let json = stdout(&o);
    assert!(json.contains("\"as_of\": \"2025-01-15\""), "{json}");
    assert!(json.contains("ART12G-NO-CLAUSE"), "{json}");
    // Without --as-of the law is the ruleset's own date.
    let o = enduse(&["assess", &tx]);
    assert!(stdout(&o).contains("Law as of 20"), "{}", stdout(&o));

    for bad in ["2025-02-30", "yesterday", "15.01.2025", ""] {
        let o = enduse(&["assess", &tx, "--as-of", bad]);
        assert_eq!(o.status.code(), Some(2), "--as-of {bad:?}");
        assert!(stderr(&o).contains("--as-of"), "{}", stderr(&o));
        assert!(stderr(&o).contains("not a date"), "{}", stderr(&o));
    }
    let in_file = write(
        &dir,
        "scenario.json",
        r#"{"as_of": 20250115, "transaction": {}}"#,
    );
    let o = enduse(&["assess", &in_file]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("\"as_of\""), "{}", stderr(&o));
}

#[test]
fn ruleset_compile_gives_a_file_every_reader_takes() {
    let dir = scratch("compile");
    let out = dir.join("default.ruleset.json");
    let o = enduse(&[
        "ruleset",
        "compile",
        "rules/default.toml",
        "--output",
        &out.to_string_lossy(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let compiled = std::fs::read_to_string(&out).unwrap();
    assert!(compiled.starts_with("{\"format\":\"enduse-compiled-ruleset/1\""));

    // `ruleset check` on both forms: same id, version and the TOML's sha256.
    let toml = stdout(&enduse(&["ruleset", "check", "rules/default.toml"]));
    let json = stdout(&enduse(&["ruleset", "check", &out.to_string_lossy()]));
    let facts = |s: &str| {
        s.lines()
            .filter(|l| !l.starts_with("ok:"))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(facts(&toml), facts(&json));

    // `assess --ruleset` gives the same report with either.
    let tx = write(&dir, "tx.json", TO_RUSSIA);
    let with_toml = enduse(&["assess", &tx, "--ruleset", "rules/default.toml"]);
    let with_json = enduse(&["assess", &tx, "--ruleset", &out.to_string_lossy()]);
    assert_eq!(stdout(&with_toml), stdout(&with_json));
    assert!(!stdout(&with_json).is_empty());

    // A broken TOML file is refused with its position, and nothing is written.
    let broken = write(&dir, "broken.toml", "id = \"x\"\nversion = \n");
    let refused_out = dir.join("broken.ruleset.json");
    let o = enduse(&[
        "ruleset",
        "compile",
        &broken,
        "-o",
        &refused_out.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("broken.toml:"), "{}", stderr(&o));
    assert!(!refused_out.exists());
    // A damaged compiled file is refused, not half-read.
    let damaged = write(
        &dir,
        "damaged.ruleset.json",
        &compiled.replace("\"rules\"", "\"rulez\""),
    );
    let o = enduse(&["ruleset", "check", &damaged]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
}
