//! Recomputing a record (issue 16): does its rating follow from its answers?
//!
//! * every golden scenario survives transaction → v1 → transaction with the
//!   same evaluation, and the one answer records do not carry is named;
//! * a record made from every golden scenario, by the core's record-making
//!   functions, recomputes as REPRODUCED with no difference at all (so the
//!   templated explanations match byte for byte in practice);
//! * the same record with a finding removed, its rating changed or a
//!   severity changed, sealed again as a valid document, gives DIFFERS
//!   naming the difference (`enduse verify --recompute` exits 7);
//! * a record naming another ruleset is not recomputed (exit 8) unless
//!   `--ruleset` gives that ruleset (TOML or compiled);
//! * older records (no as-of date, no list standings) still recompute and
//!   say what they lack; hostile records stay bounded;
//! * the `examples/` documents: why none of them recomputes.

mod record_sample;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{NaiveDate, TimeZone, Utc};
use enduse::evaluate::{Assessment, evaluate_at};
use enduse::lang::Lang;
use enduse::model::{Evidence, Fact, Transaction};
use enduse::record::convert::{
    RecordContext, list_standing, record_from_domain, screening_results, transaction_to_v1,
};
use enduse::record::recompute::{Difference, FindingKey, recompute};
use enduse::record::reconstruct::{AsOf, NOT_CARRIED, transaction_from_v1};
use enduse::record::v1;
use enduse::record::{Digest, open_record, seal_record};
use enduse::ruleset::Ruleset;
use serde_json::Value;

struct Scenario {
    name: String,
    transaction: Transaction,
    evidence: Evidence,
    as_of: Option<NaiveDate>,
}

fn scenarios() -> Vec<Scenario> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/scenarios")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let scenarios: Vec<Scenario> = files
        .iter()
        .map(|file| {
            let text = std::fs::read_to_string(file).expect("scenario");
            let value: Value = serde_json::from_str(&text).expect("scenario JSON");
            Scenario {
                name: file.file_name().unwrap().to_string_lossy().into_owned(),
                transaction: Transaction::from_json(&value["transaction"].to_string())
                    .expect("transaction"),
                evidence: value
                    .get("evidence")
                    .map(|e| serde_json::from_value(e.clone()).expect("evidence"))
                    .unwrap_or_default(),
                as_of: value
                    .get("as_of")
                    .and_then(Value::as_str)
                    .map(|d| d.parse().expect("as_of")),
            }
        })
        .collect();
    assert!(scenarios.len() >= 80, "only {} scenarios", scenarios.len());
    scenarios
}

fn ruleset() -> Ruleset {
    Ruleset::embedded().expect("embedded ruleset")
}

fn assess(s: &Scenario, tx: &Transaction, ruleset: &Ruleset, lang: Lang) -> Assessment {
    evaluate_at(tx, &s.evidence, ruleset, lang, s.as_of)
}

/// The screening section the web app writes for `evidence`: each list
/// searched with its standing, each party's outcome. A scenario's
/// hand-written evidence that names no lists gets none (its outcomes were
/// taken as asserted, and are read back so).
fn screening(evidence: &Evidence) -> Option<v1::ScreeningSummary> {
    if evidence.screening.is_empty() {
        return None;
    }
    let lists = evidence
        .lists
        .as_ref()
        .map(|l| {
            l.lists()
                .iter()
                .map(|l| v1::ScreenedList {
                    name: l.name.clone(),
                    date: None,
                    sha256: Digest::of(l.name.as_bytes()),
                    entries: None,
                    retrieved: None,
                    standing: Some(list_standing(l.standing)),
                })
                .collect()
        })
        .unwrap_or_default();
    Some(v1::ScreeningSummary {
        lists,
        results: screening_results(evidence),
    })
}

fn context(evidence: &Evidence) -> RecordContext {
    RecordContext {
        created: Utc.with_ymd_and_hms(2026, 12, 2, 9, 30, 0).unwrap(),
        offset_minutes: 300,
        signatory: v1::Signatory {
            name: "Anna Schmidt".into(),
            role: "Export compliance officer".into(),
        },
        declarations: Vec::new(),
        screening: screening(evidence),
    }
}

/// The record the web app would make of `s` under `ruleset`, in `lang`.
fn record_of(s: &Scenario, ruleset: &Ruleset, lang: Lang) -> v1::Record {
    let assessment = assess(s, &s.transaction, ruleset, lang);
    record_from_domain(
        &s.transaction,
        &s.evidence,
        &assessment,
        context(&s.evidence),
    )
    .expect("record")
}

/// Sealed and opened again: only an intact record is recomputed.
fn sealed(record: &v1::Record) -> (String, v1::Record) {
    let json = seal_record(record, None).expect("seal").json;
    let opened = open_record(json.as_bytes()).expect("opens").body;
    (json, opened)
}

fn scenario(name: &str) -> Scenario {
    scenarios()
        .into_iter()
        .find(|s| s.name == name)
        .expect("scenario")
}

#[test]
fn every_golden_scenario_round_trips_through_v1_with_the_same_evaluation() {
    let ruleset = ruleset();
    let mut problems = Vec::new();
    for s in scenarios() {
        let v1tx = transaction_to_v1(&s.transaction).expect("to v1");
        let (back, gaps) = transaction_from_v1(&v1tx);
        if !gaps.is_empty() {
            problems.push(format!("{}: not rebuilt: {:?}", s.name, gaps.items));
        }
        // Every answer comes back except those records do not carry.
        let mut expected = s.transaction.clone();
        expected.shipment.date = Fact::Unknown;
        if back != expected {
            problems.push(format!(
                "{}: the transaction changed in the round trip",
                s.name
            ));
        }
        if assess(&s, &back, &ruleset, Lang::En) != assess(&s, &s.transaction, &ruleset, Lang::En) {
            problems.push(format!("{}: the evaluation changed", s.name));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_answers_records_do_not_carry_are_named() {
    // `shipment.date` is shown, not recorded: it does not survive, and the
    // module says so. The shipped ruleset reads no rule from it.
    assert_eq!(
        NOT_CARRIED.iter().map(|(f, _)| *f).collect::<Vec<_>>(),
        ["shipment.date"]
    );
    let mut tx = Transaction::default();
    tx.shipment.date = Fact::Known(NaiveDate::from_ymd_opt(2026, 12, 10).unwrap());
    let (back, gaps) = transaction_from_v1(&transaction_to_v1(&tx).unwrap());
    assert!(back.shipment.date.is_unknown());
    assert!(gaps.is_empty(), "the record never held it: {gaps:?}");
    let s = scenario("high-cn-buyer-screening-review.json");
    let (_, record) = sealed(&record_of(&s, &ruleset(), Lang::En));
    let r = recompute(&record, &ruleset()).unwrap();
    assert!(r.notes.is_empty(), "{:?}", r.notes);
}

#[test]
fn a_record_of_every_golden_scenario_is_reproduced_exactly() {
    let ruleset = ruleset();
    let mut problems = Vec::new();
    for s in scenarios() {
        for lang in [Lang::En, Lang::Ru] {
            let (_, record) = sealed(&record_of(&s, &ruleset, lang));
            let r = recompute(&record, &ruleset).expect("same ruleset");
            let d = &r.differences;
            if !(r.is_reproduced() && d.detail.is_empty() && d.wording.is_empty()) {
                problems.push(format!("{} ({lang:?}): {d:#?}", s.name));
            }
            if !r.gaps.is_empty() {
                problems.push(format!("{}: not rebuilt: {:?}", s.name, r.gaps.items));
            }
            assert_eq!(r.recorded, r.recomputed);
            assert!(matches!(r.as_of, AsOf::Recorded { .. }));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// A scenario with mitigated and unmitigated findings, sealed, with what it says.
fn reference() -> (Scenario, v1::Record) {
    let s = scenario("high-cn-buyer-screening-review.json");
    let record = sealed(&record_of(&s, &ruleset(), Lang::En)).1;
    assert!(record.assessment.findings.len() >= 2);
    (s, record)
}

#[test]
fn a_removed_finding_is_named_missing() {
    let (_, mut record) = reference();
    let removed = record.assessment.findings.remove(1);
    let (_, record) = sealed(&record);
    let r = recompute(&record, &ruleset()).unwrap();
    assert!(!r.is_reproduced());
    assert_eq!(
        r.differences.verdict.items,
        [Difference::FindingMissing {
            finding: FindingKey {
                rule: removed.rule_id.to_string(),
                severity: removed.severity,
                inherent: removed.inherent_severity.unwrap_or(removed.severity),
            }
        }]
    );
    assert_eq!(r.recorded.findings + 1, r.recomputed.findings);
}

#[test]
fn a_changed_rating_or_severity_is_named() {
    let (_, mut record) = reference();
    record.assessment.rating = v1::Rating::Medium;
    record.assessment.findings[0].severity = v1::Severity::Low;
    let rule = record.assessment.findings[0].rule_id.to_string();
    let (_, record) = sealed(&record);
    let r = recompute(&record, &ruleset()).unwrap();
    let lines: Vec<String> = r
        .differences
        .verdict
        .items
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        lines.contains(&"rating: the record says MEDIUM, its answers give HIGH".to_string()),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("{rule} has severity LOW in the record, "))),
        "{lines:?}"
    );
}

#[test]
fn a_finding_the_answers_do_not_give_is_named_and_wording_alone_is_no_difference() {
    let (_, mut record) = reference();
    let mut extra = record.assessment.findings[0].clone();
    extra.rule_id = v1::Id::new("INVENTED-RULE").unwrap();
    record.assessment.findings.push(extra);
    record.assessment.findings[0].explanation = "Reworded by another version.".into();
    let (_, record) = sealed(&record);
    let r = recompute(&record, &ruleset()).unwrap();
    assert!(matches!(
        &r.differences.verdict.items[..],
        [Difference::FindingUnfounded { finding }] if finding.rule == "INVENTED-RULE"
    ));
    assert!(matches!(
        &r.differences.wording.items[..],
        [Difference::Explanation { recorded, .. }] if recorded == "Reworded by another version."
    ));

    // Wording alone: the verdict is reproduced.
    let (_, mut record) = reference();
    record.assessment.findings[0].title = "Another title".into();
    let (_, record) = sealed(&record);
    let r = recompute(&record, &ruleset()).unwrap();
    assert!(r.is_reproduced());
    assert_eq!(r.differences.wording.len(), 1);
}

#[test]
fn a_record_of_another_ruleset_is_not_recomputed_with_this_one() {
    let (_, mut record) = reference();
    record.ruleset.sha256 = Digest::of(b"another ruleset");
    let err = recompute(&record, &ruleset()).unwrap_err().to_string();
    assert!(
        err.contains(&Digest::of(b"another ruleset").to_string()),
        "{err}"
    );
    assert!(err.contains(ruleset().sha256()), "{err}");
}

#[test]
fn a_record_made_before_as_of_dates_says_the_law_date_is_unknown() {
    let (_, mut record) = reference();
    record.assessment.as_of = None;
    let (_, record) = sealed(&record);
    let r = recompute(&record, &ruleset()).unwrap();
    assert_eq!(r.as_of, AsOf::Unknown);
    assert_eq!(r.as_of_used, ruleset().updated());
    // The scenario is dated by the ruleset, so it is reproduced all the same.
    assert!(r.is_reproduced(), "{:?}", r.differences);
}

#[test]
fn a_record_made_before_list_standings_is_read_as_that_engine_read_it() {
    // Before list standings existed the engine took screening outcomes as
    // asserted; a record of that time names its lists without a standing.
    let mut s = scenario("medium-screened-against-samples-only.json");
    s.evidence.lists = None;
    let mut record = record_of(&s, &ruleset(), Lang::En);
    record.screening = Some(v1::ScreeningSummary {
        lists: vec![v1::ScreenedList {
            name: "sdn.csv".into(),
            date: Some("2024-03-19".into()),
            sha256: Digest::of(b"sdn.csv"),
            entries: None,
            retrieved: None,
            standing: None,
        }],
        results: screening_results(&s.evidence),
    });
    let (_, record) = sealed(&record);
    let r = recompute(&record, &ruleset()).unwrap();
    assert!(r.is_reproduced(), "{:?}", r.differences);
    assert!(r.gaps.is_empty());
}

#[test]
fn answers_this_build_does_not_know_are_named_and_bounded() {
    let (_, mut record) = reference();
    for i in 0..5_000 {
        record.transaction.signals.insert(
            v1::Id::new(format!("question_from_elsewhere_{i}")).unwrap(),
            v1::Id::new("yes").unwrap(),
        );
    }
    let (json, record) = sealed(&record);
    assert!(json.len() < enduse::record::limits::MAX_DOCUMENT_BYTES);
    let r = recompute(&record, &ruleset()).unwrap();
    assert!(r.is_reproduced());
    assert_eq!(r.gaps.items.len(), 100);
    assert_eq!(r.gaps.len(), 5_000);
    assert!(r.gaps.items[0].reason.contains("does not ask"));
}

#[test]
fn a_large_record_recomputes_within_the_document_limits() {
    let mut s = scenario("high-cn-buyer-screening-review.json");
    let line = s.transaction.goods[0].clone();
    // About 2 KB of record per line with its leaf map: near the 2 MiB limit.
    s.transaction.goods = vec![line; 800];
    let (json, record) = sealed(&record_of(&s, &ruleset(), Lang::En));
    assert!(json.len() < enduse::record::limits::MAX_DOCUMENT_BYTES);
    let r = recompute(&record, &ruleset()).unwrap();
    assert!(r.is_reproduced());
    // Differences stay bounded too: every trigger list differs here.
    let (_, mut tampered) = sealed(&record);
    for f in &mut tampered.assessment.findings {
        f.triggers.clear();
    }
    let r = recompute(&sealed(&tampered).1, &ruleset()).unwrap();
    assert!(r.is_reproduced());
    assert!(r.differences.detail.items.len() <= 100);
}

// ---- the CLI -------------------------------------------------------------

struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!(
            "enduse-record-recompute-{}-{name}",
            std::process::id()
        ));
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn enduse(args: &[&str]) -> (i32, String, String) {
    let output: Output = Command::new(env!("CARGO_BIN_EXE_enduse"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn cli_reproduced_keeps_the_verdicts_exit_code() {
    let (_, record) = reference();
    let file = TempFile::new("reproduced.json", sealed(&record).0.as_bytes());
    let (code, out, _) = enduse(&["verify", file.path(), "--recompute"]);
    assert_eq!(code, 2, "unsigned, reproduced: {out}");
    let n = record.assessment.findings.len();
    let headline = format!(
        "REPRODUCED: rating HIGH (inherent HIGH) and {n} findings follow from the record's \
         answers under ruleset enduse-default {} (sha256:{}) as of 2026-12-01",
        ruleset().version(),
        ruleset().sha256()
    );
    assert!(out.contains(&headline), "{out}");
    assert!(
        out.contains("not proven: that the answers are true"),
        "{out}"
    );
    assert!(
        out.contains(
            "taken as stated: 3 screening result(s), no list standing recorded (outcomes taken \
             as asserted); declaration status received_matching_signed"
        ),
        "{out}"
    );
    // Today's verdict is printed first, unchanged.
    let (_, plain, _) = enduse(&["verify", file.path()]);
    assert!(out.starts_with(&plain), "{out}");

    let (code, out, _) = enduse(&["verify", file.path(), "--recompute", "--format", "json"]);
    assert_eq!(code, 2);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["verdict"]["verdict"], "unsigned");
    assert_eq!(json["recompute"]["outcome"], "reproduced");
    assert_eq!(json["recompute"]["ruleset_source"]["source"], "embedded");
    assert_eq!(
        json["recompute"]["recomputation"]["recomputed"]["rating"],
        "high"
    );
}

#[test]
fn cli_differs_exits_7_and_names_the_difference() {
    let (_, mut record) = reference();
    let removed = record.assessment.findings.remove(0);
    record.assessment.rating = v1::Rating::Medium;
    let signed = seal_record(&record, Some(&record_sample::key(7)))
        .unwrap()
        .json;
    let file = TempFile::new("differs.json", signed.as_bytes());
    let (code, out, _) = enduse(&["verify", file.path(), "--recompute"]);
    assert_eq!(code, 7, "{out}");
    assert!(
        out.contains("NOT TRUSTED"),
        "the signature verdict stays: {out}"
    );
    // No inherent rating in a record means "the same as the rating".
    let n = record.assessment.findings.len();
    assert!(
        out.contains(&format!(
            "DIFFERS: the record says MEDIUM (inherent MEDIUM, {n} finding{}), its answers give \
             HIGH (inherent HIGH, {} findings) under the same ruleset enduse-default",
            if n == 1 { "" } else { "s" },
            n + 1
        )),
        "{out}"
    );
    assert!(out.contains("  verdict differences:\n"), "{out}");
    assert!(
        out.contains(&format!("finding {} (", removed.rule_id)) && out.contains("missing"),
        "{out}"
    );
    let (code, out, _) = enduse(&["verify", file.path(), "--recompute", "--format", "json"]);
    assert_eq!(code, 7);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["recompute"]["outcome"], "differs");
    let verdict = &json["recompute"]["recomputation"]["differences"]["verdict"]["items"];
    assert!(
        verdict
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["kind"] == "finding_missing"
                && d["finding"]["rule"] == removed.rule_id.as_str()),
        "{verdict}"
    );
    // Without --recompute nothing changes.
    let (code, _, _) = enduse(&["verify", file.path()]);
    assert_eq!(code, 5);
}

#[test]
fn cli_other_ruleset_exits_8_unless_given_as_toml_or_compiled() {
    // A host's own ruleset: the default with one more line, so another digest.
    let toml = format!(
        "{}\n# host edition\n",
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/default.toml"))
            .unwrap()
    );
    let host = Ruleset::from_toml_str(&toml).unwrap();
    assert_ne!(host.sha256(), ruleset().sha256());
    let s = scenario("high-cn-buyer-screening-review.json");
    let (json, _) = sealed(&record_of(&s, &host, Lang::En));
    let record = TempFile::new("host.json", json.as_bytes());
    let toml_file = TempFile::new("host.toml", toml.as_bytes());
    let compiled = TempFile::new("host.ruleset.json", host.to_compiled().as_bytes());

    let (code, out, _) = enduse(&["verify", record.path(), "--recompute"]);
    assert_eq!(code, 8, "{out}");
    let expected = format!(
        "NOT RECOMPUTED: the record was made with ruleset enduse-default version {} \
         sha256:{}; this binary embeds enduse-default version {} sha256:{}; pass --ruleset with \
         that file",
        host.version(),
        host.sha256(),
        ruleset().version(),
        ruleset().sha256()
    );
    assert!(out.contains(&expected), "{out}");

    let (code, out, _) = enduse(&[
        "verify",
        record.path(),
        "--recompute",
        "--ruleset",
        toml_file.path(),
    ]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("REPRODUCED"), "{out}");
    assert!(out.contains("computed from the file's bytes"), "{out}");

    let (code, out, _) = enduse(&[
        "verify",
        record.path(),
        "--recompute",
        "--ruleset",
        compiled.path(),
    ]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("REPRODUCED"), "{out}");
    assert!(out.contains("not computed from these bytes"), "{out}");

    // The embedded default given as --ruleset for the host's record: refused, naming it.
    let default = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/default.toml");
    let (code, out, _) = enduse(&[
        "verify",
        record.path(),
        "--recompute",
        "--ruleset",
        default.to_str().unwrap(),
    ]);
    assert_eq!(code, 8, "{out}");
    assert!(
        out.contains("pass --ruleset with the record's file"),
        "{out}"
    );

    // A --ruleset file that cannot be read is refused before anything is verified.
    let broken = TempFile::new("broken.toml", b"this is not a ruleset");
    let (code, out, err) = enduse(&[
        "verify",
        record.path(),
        "--recompute",
        "--ruleset",
        broken.path(),
    ]);
    assert_eq!(code, 4, "{out}");
    assert!(out.is_empty() && err.contains("--ruleset refused"), "{err}");
}

#[test]
fn cli_altered_records_are_not_recomputed_and_keep_exit_1() {
    let (json, _) = sealed(&reference().1);
    let altered = json.replacen("\"rating\": \"high\"", "\"rating\": \"low\"", 1);
    assert_ne!(altered, json);
    let file = TempFile::new("altered.json", altered.as_bytes());
    let (code, out, _) = enduse(&["verify", file.path(), "--recompute"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("NOT RECOMPUTED: only an intact record"),
        "{out}"
    );
}

/// The examples are hand-written samples of the format, not records of an
/// assessment: `examples/attestation-record.signed.json` names a fictitious
/// ruleset (`sha256` of the bytes `ruleset`, version 2024.1) and findings
/// (`chpl.tier1`) no ruleset of this build has, so it cannot be recomputed
/// and says so with both digests; the requests, the response and the chain
/// state no rating at all. Made from a real ruleset instead, the example
/// would go stale on every edit of `rules/default.toml`; the records above,
/// made from the golden scenarios by the same functions, are reproduced.
#[test]
fn the_examples_say_why_they_are_not_recomputed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let path = |name: &str| dir.join(name).to_str().unwrap().to_string();
    let (code, out, _) = enduse(&[
        "verify",
        &path("attestation-record.signed.json"),
        "--recompute",
    ]);
    assert_eq!(code, 8, "{out}");
    assert!(
        out.contains(&format!(
            "the record was made with ruleset enduse-default version 2024.1 {}",
            Digest::of(b"ruleset")
        )),
        "{out}"
    );
    assert!(out.contains("pass --ruleset with that file"), "{out}");
    for name in [
        "declaration-request.signed.json",
        "declaration-response.signed.json",
    ] {
        let (code, out, _) = enduse(&["verify", &path(name), "--recompute"]);
        assert_eq!(code, 8, "{name}: {out}");
        assert!(out.contains("applies to attestation records"), "{out}");
    }
    let (code, _, err) = enduse(&[
        "verify",
        &path("declaration-chain.three-hops.json"),
        "--recompute",
    ]);
    assert_eq!(code, 8);
    assert!(err.contains("applies to attestation records"), "{err}");
}
