//! Golden scenarios: every `tests/scenarios/*.json` evaluated with the embedded ruleset.
//!
//! Each file states the rating a compliance officer expects and the rules that
//! must (and must not) fire; see `docs/ruleset-format.md` §6. The harness runs
//! all files and reports every mismatch at once, with the assessment's actual
//! findings, so a ruleset edit that shifts several scenarios is diagnosed in
//! one run.

use std::fmt::Write as _;
use std::path::Path;

use enduse::evaluate::{Assessment, Rating, evaluate_at};
use enduse::lang::Lang;
use enduse::model::{Evidence, Transaction};
use enduse::ruleset::{Ruleset, Severity};
use serde::Deserialize;

/// The corpus must stay broad enough to pin the ruleset's behaviour.
const MIN_SCENARIOS: usize = 80;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    description: String,
    expect: Expect,
    #[serde(default)]
    evidence: Evidence,
    /// The date the law is applied as of (`enduse assess` reads it too);
    /// absent = the ruleset's `updated` date.
    #[serde(default)]
    as_of: Option<chrono::NaiveDate>,
    /// Parsed separately through `Transaction::from_json` (schema migration).
    transaction: serde_json::Value,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    /// The residual rating: what the user acts on.
    rating: Rating,
    /// The inherent rating, before mitigations, when the scenario pins it.
    #[serde(default)]
    inherent_rating: Option<Rating>,
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    absent_rules: Vec<String>,
}

fn describe(a: &Assessment) -> String {
    let mut s = format!(
        "  actual rating {} (score {}; inherent {}, score {}), findings:\n",
        a.rating, a.score, a.inherent_rating, a.inherent_score
    );
    for f in &a.findings {
        let _ = writeln!(
            s,
            "    {:<6} (inherent {:<6}) {} ({} pts)",
            f.severity.as_str(),
            f.inherent.as_str(),
            f.rule,
            f.score
        );
    }
    if !a.missing.is_empty() {
        let facts: Vec<String> = a.missing.iter().take(8).map(|m| m.fact.path()).collect();
        let _ = writeln!(s, "  missing information: {}", facts.join(", "));
    }
    s
}

/// Checks one scenario; returns the list of problems (empty = pass).
fn check(path: &Path, ruleset: &Ruleset) -> Vec<String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => return vec![format!("cannot read: {e}")],
    };
    let scenario: Scenario = match serde_json::from_str(&text) {
        Ok(s) => s,
        Err(e) => return vec![format!("not a scenario file: {e}")],
    };
    let tx = match Transaction::from_json(&scenario.transaction.to_string()) {
        Ok(t) => t,
        Err(e) => return vec![format!("transaction does not load: {e}")],
    };
    if scenario.description.trim().is_empty() {
        return vec!["description is empty".into()];
    }
    let a = evaluate_at(&tx, &scenario.evidence, ruleset, Lang::En, scenario.as_of);
    let fired = |id: &str| a.findings.iter().any(|f| f.rule == id);
    let mut problems = Vec::new();
    for id in scenario
        .expect
        .rules
        .iter()
        .chain(&scenario.expect.absent_rules)
    {
        if ruleset.rule(id).is_none() {
            problems.push(format!(
                "expects rule {id}, which the ruleset does not define"
            ));
        }
    }
    if a.rating != scenario.expect.rating {
        problems.push(format!(
            "rating: expected {}, got {}",
            scenario.expect.rating, a.rating
        ));
    }
    if let Some(inherent) = scenario.expect.inherent_rating
        && a.inherent_rating != inherent
    {
        problems.push(format!(
            "inherent rating: expected {inherent}, got {}",
            a.inherent_rating
        ));
    }
    let not_fired: Vec<&str> = scenario
        .expect
        .rules
        .iter()
        .filter(|id| !fired(id))
        .map(String::as_str)
        .collect();
    if !not_fired.is_empty() {
        problems.push(format!(
            "expected rules did not fire: {}",
            not_fired.join(", ")
        ));
    }
    let wrongly: Vec<&str> = scenario
        .expect
        .absent_rules
        .iter()
        .filter(|id| fired(id))
        .map(String::as_str)
        .collect();
    if !wrongly.is_empty() {
        problems.push(format!("rules fired that must not: {}", wrongly.join(", ")));
    }
    if scenario.expect.rating == Rating::Low {
        let serious: Vec<&str> = a
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::High)
            .map(|f| f.rule.as_str())
            .collect();
        if !serious.is_empty() {
            problems.push(format!(
                "expected low, but high/stop rules fired: {}",
                serious.join(", ")
            ));
        }
    }
    if !problems.is_empty() {
        problems.push(describe(&a));
    }
    problems
}

#[test]
fn golden_scenarios() {
    let ruleset = match Ruleset::embedded() {
        Ok(r) => r,
        Err(e) => panic!("embedded ruleset does not load:\n{e}"),
    };
    // ENDUSE_SCENARIOS_DIR lets a content author try a draft corpus elsewhere.
    let dir = std::env::var_os("ENDUSE_SCENARIOS_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios"),
        std::path::PathBuf::from,
    );
    let mut files: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect(),
        Err(e) => panic!("cannot read {}: {e}", dir.display()),
    };
    files.sort();
    let mut report = String::new();
    let mut failed = 0;
    for path in &files {
        let problems = check(path, &ruleset);
        if !problems.is_empty() {
            failed += 1;
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let _ = writeln!(report, "\n{name}:");
            for p in problems {
                let _ = writeln!(report, "  {}", p.trim_end());
            }
        }
    }
    assert!(
        failed == 0,
        "{failed} of {} scenarios failed:{report}",
        files.len()
    );
    assert!(
        files.len() >= MIN_SCENARIOS,
        "only {} scenarios in {}; the corpus needs at least {MIN_SCENARIOS}",
        files.len(),
        dir.display()
    );
}
