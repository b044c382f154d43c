//! Every answer in the record: an answer the questionnaire holds is written
//! into the attestation record's transaction, so an auditor reading a record
//! sees every fact the assessment could have used.
//!
//! Proven generically over the golden scenarios: for every answered leaf of
//! every scenario's transaction, the record written with that one answer
//! removed differs from the record written with it. A model field the record
//! drops shows up here by name, without anyone listing it.

use std::collections::BTreeSet;
use std::path::Path;

use enduse::model::Transaction;
use enduse::record::convert::transaction_to_v1;
use serde_json::Value;

/// Leaf paths of `v` (objects and arrays walked; `goods.0.hs`), with a
/// pointer for removal.
fn leaves(v: &Value, path: &mut Vec<String>, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                path.push(k.clone());
                leaves(child, path, out);
                path.pop();
            }
        }
        Value::Array(items) if items.iter().all(|i| i.is_object()) && !items.is_empty() => {
            for (i, child) in items.iter().enumerate() {
                path.push(i.to_string());
                leaves(child, path, out);
                path.pop();
            }
        }
        Value::Null => {}
        Value::String(s) if s.is_empty() || s == "unknown" => {}
        Value::Array(items) if items.is_empty() => {}
        _ => out.push((
            path.join("."),
            path.iter().map(|p| format!("/{p}")).collect(),
        )),
    }
}

/// `goods.0.hs` → `goods.*.hs`: the field, whichever line.
fn field(path: &str) -> String {
    path.split('.')
        .map(|p| if p.parse::<usize>().is_ok() { "*" } else { p })
        .collect::<Vec<_>>()
        .join(".")
}

fn record_json(tx: &Value) -> Option<String> {
    let tx = Transaction::from_json(&tx.to_string()).ok()?;
    let v1 = transaction_to_v1(&tx).ok()?;
    serde_json::to_string(&v1).ok()
}

#[test]
fn every_answer_of_every_scenario_reaches_the_record() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut dropped: BTreeSet<String> = BTreeSet::new();
    let mut checked: BTreeSet<String> = BTreeSet::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/scenarios")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 80, "only {} scenarios", files.len());
    for file in &files {
        let text = std::fs::read_to_string(file).expect("scenario");
        let scenario: Value = serde_json::from_str(&text).expect("scenario JSON");
        let Some(tx) = scenario.get("transaction") else {
            continue;
        };
        let Some(full) = record_json(tx) else {
            continue;
        };
        let mut out = Vec::new();
        leaves(tx, &mut Vec::new(), &mut out);
        for (path, pointer) in out {
            if path == "schema_version" {
                continue;
            }
            // Removed, not nulled: an unanswered question is an absent member.
            let mut without = tx.clone();
            let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", &pointer));
            let Some(Value::Object(map)) = without.pointer_mut(parent) else {
                continue;
            };
            map.remove(key);
            // An answer the model cannot hold without (a required member) is not an answer.
            let Some(shorter) = record_json(&without) else {
                continue;
            };
            checked.insert(field(&path));
            if shorter == full {
                dropped.insert(field(&path));
            }
        }
    }
    assert!(
        checked.len() > 40,
        "only {} fields were exercised",
        checked.len()
    );
    assert!(
        dropped.is_empty(),
        "answers the record does not carry: {dropped:#?}"
    );
}
