//! The compiled ruleset (what the web app loads instead of TOML) is the parsed
//! ruleset, exactly: compiling and decoding gives back an equal `Ruleset`,
//! field by field, for the shipped rules and for the test rulesets. A field or
//! variant added to the ruleset types without serde support fails to build;
//! one that serialises but does not come back fails here.

use enduse::ruleset::{Ruleset, is_compiled};

fn round_trip(name: &str, text: &str) {
    let parsed = Ruleset::from_toml_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let compiled = parsed.to_compiled();
    assert!(is_compiled(&compiled), "{name}");
    let decoded = Ruleset::from_compiled(&compiled).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(decoded, parsed, "{name}: the compiled form lost something");
    assert_eq!(decoded.sha256(), parsed.sha256(), "{name}");
    // The derived index is rebuilt: evaluation must agree, not just the data.
    for list in 0..parsed.hs_lists().len() {
        for code in ["854231", "847130", "010121", "901380"] {
            let leading = enduse::hs::HsCode::parse(code)
                .unwrap_or_else(|e| panic!("{e}"))
                .leading_values();
            assert_eq!(
                decoded.hs_tier_mask(list, &leading),
                parsed.hs_tier_mask(list, &leading),
                "{name}: list {list}, {code}"
            );
        }
    }
    // Either form through the one loader the CLI uses.
    assert_eq!(
        Ruleset::from_file_text(&compiled).unwrap_or_else(|e| panic!("{e}")),
        parsed
    );
    assert_eq!(
        Ruleset::from_file_text(text).unwrap_or_else(|e| panic!("{e}")),
        parsed
    );
}

#[test]
fn shipped_ruleset_round_trips_exactly() {
    round_trip("rules/default.toml", enduse::ruleset::EMBEDDED_TOML);
}

#[test]
fn every_ruleset_in_the_tests_round_trips() {
    let mut seen = 0;
    for dir in ["tests/scenarios", "tests", "rules"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "toml") {
                let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
                if Ruleset::from_toml_str(&text).is_ok() {
                    round_trip(&path.display().to_string(), &text);
                    seen += 1;
                }
            }
        }
    }
    assert!(seen >= 1);
}

#[test]
fn evaluation_is_the_same_with_the_compiled_form() {
    let parsed = Ruleset::embedded().unwrap_or_else(|e| panic!("{e}"));
    let decoded = Ruleset::from_compiled(&parsed.to_compiled()).unwrap_or_else(|e| panic!("{e}"));
    let Ok(entries) = std::fs::read_dir("tests/scenarios") else {
        return;
    };
    let mut seen = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        let Some(Ok(tx)) = value
            .get("transaction")
            .map(|t| enduse::model::Transaction::from_json(&t.to_string()))
        else {
            continue;
        };
        let evidence = value
            .get("evidence")
            .cloned()
            .and_then(|e| serde_json::from_value::<enduse::model::Evidence>(e).ok())
            .unwrap_or_default();
        let a = enduse::evaluate::evaluate(&tx, &evidence, &parsed);
        let b = enduse::evaluate::evaluate(&tx, &evidence, &decoded);
        assert_eq!(format!("{a:?}"), format!("{b:?}"), "{}", path.display());
        seen += 1;
    }
    assert!(seen > 0, "no scenario was evaluated");
}

/// A compiled file is as hostile as a TOML one: too large, too deep, of the
/// wrong shape or with references the evaluator would follow out of range, it
/// is refused with a message saying why, never a panic.
#[test]
fn hostile_compiled_files_are_refused_with_a_reason() {
    use enduse::ruleset::{MAX_COMPILED_BYTES, RulesetError};
    use serde_json::{Value, json};
    let message = |text: &str| match Ruleset::from_compiled(text) {
        Ok(_) => panic!("a hostile compiled file was accepted"),
        Err(RulesetError { problems }) => problems
            .iter()
            .map(|p| p.message.clone())
            .collect::<Vec<_>>()
            .join("\n"),
    };
    let good = Ruleset::embedded()
        .unwrap_or_else(|e| panic!("{e}"))
        .to_compiled();
    let value: Value = serde_json::from_str(&good).unwrap_or_else(|e| panic!("{e}"));
    // The compiled file with one change made to its first rule.
    let with_first_rule = |change: &dyn Fn(&mut Value)| {
        let mut v = value.clone();
        change(&mut v["ruleset"]["rules"][0]);
        v.to_string()
    };
    let nested = |depth: usize| {
        with_first_rule(&|rule| {
            for _ in 0..depth {
                let inner = rule["when"].take();
                rule["when"] = json!({ "Not": inner });
            }
        })
    };

    let huge = format!("{{\"format\":\"{}\"}}", " ".repeat(MAX_COMPILED_BYTES));
    assert!(message(&huge).contains("limit"));
    // Deeper than the decoder goes, and deeper than the check allows.
    assert!(message(&nested(200)).contains("not a valid compiled ruleset"));
    assert!(message(&nested(80)).contains("nest more than 64 deep"));
    assert!(Ruleset::from_compiled(&nested(2)).is_ok());

    let mut extra = value.clone();
    extra["ruleset"]["extra"] = json!(1);
    assert!(message(&extra.to_string()).contains("extra"));
    let half = (0..=good.len() / 2)
        .rev()
        .find(|i| good.is_char_boundary(*i))
        .unwrap_or(0);
    assert!(message(&good[..half]).contains("not a valid compiled ruleset"));

    let bad_mitigation = with_first_rule(&|rule| rule["mitigated_by"] = json!([999_999]));
    assert!(message(&bad_mitigation).contains("mitigation that does not exist"));
    let bad_floor = with_first_rule(&|rule| {
        rule["severity"] = json!("low");
        rule["floor"] = json!("stop");
    });
    assert!(message(&bad_floor).contains("floor"));
    let bad_rule_id = with_first_rule(&|rule| rule["id"] = json!(7));
    assert!(message(&bad_rule_id).contains("not a valid compiled ruleset"));

    let bad_symbol = good.replacen("{\"Symbols\":[\"", "{\"Symbols\":[\"maybe-", 1);
    assert_ne!(bad_symbol, good, "the default ruleset tests an answer");
    assert!(message(&bad_symbol).contains("not a name any fact accepts"));
}
