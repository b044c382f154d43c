//! The compiled ruleset: a validated [`Ruleset`] written out as JSON, so that
//! a browser can load it without the TOML parser and the rule compiler.
//!
//! Why: the TOML parser, the checks and the condition compiler were an 88 KB
//! (brotli) chunk that every page evaluating anything downloaded, and parsing
//! the 210 KB file took a slow phone a quarter of a second. The build compiles
//! `rules/default.toml` once (`enduse ruleset compile`, run by
//! `scripts/compile-ruleset.mjs`), the app decodes the result with the JSON
//! reader it already has for drafts, and only a host's TOML override still
//! needs the parser (a chunk of its own, fetched only then).
//!
//! The form is the compiled types' own serde derive, so a field or variant
//! added to them is carried without anything written here; the host test
//! `tests/ruleset_compiled.rs` checks that compiling and decoding gives back
//! exactly the ruleset the loader produced. The envelope names the format and
//! the tool that wrote it: a file written by another version of the app whose
//! types differ is refused with a message to recompile, never half-read
//! (unknown fields are errors). The SHA-256 is the one of the TOML source, so
//! records made with a compiled ruleset pin the same file an auditor checks
//! with `enduse ruleset check`.

use serde::{Deserialize, Serialize};

use super::error::{Problem, RulesetError};
use super::{Condition, Ruleset, Severity, Test};

/// The `format` tag at the top of a compiled ruleset.
pub const COMPILED_FORMAT: &str = "enduse-compiled-ruleset/1";

/// Largest compiled ruleset read: twice the TOML limit, as the JSON of a
/// ruleset is somewhat larger than its TOML. Decoding JSON is linear, so this
/// bounds time and memory as [`super::MAX_RULESET_BYTES`] does for TOML.
pub const MAX_COMPILED_BYTES: usize = 2 * super::MAX_RULESET_BYTES;

/// What a decoded file may hold at most: conditions nest this deep (serde_json
/// stops at 128 levels anyway; this keeps the check's own recursion bounded).
const MAX_DEPTH: usize = 64;

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    compiled_by: String,
    ruleset: &'a Ruleset,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EnvelopeIn {
    format: String,
    compiled_by: String,
    ruleset: Ruleset,
}

/// Whether `text` looks like a compiled ruleset (a JSON object) rather than
/// TOML, whose first non-blank character is never `{`.
pub fn is_compiled(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
}

/// Who wrote a compiled file: this tool and its version.
fn compiler_label() -> String {
    format!("enduse {}", crate::version::APP_VERSION)
}

fn refused(message: String) -> RulesetError {
    RulesetError {
        problems: vec![Problem {
            position: None,
            message,
        }],
    }
}

impl Ruleset {
    /// The compiled form of this ruleset (JSON, one line).
    pub fn to_compiled(&self) -> String {
        let envelope = EnvelopeOut {
            format: COMPILED_FORMAT,
            compiled_by: compiler_label(),
            ruleset: self,
        };
        // Serialising plain data into a String cannot fail; an empty answer
        // would be refused by `from_compiled`, never misread.
        serde_json::to_string(&envelope).unwrap_or_default()
    }

    /// Reads a compiled ruleset, checking what the evaluator relies on (list
    /// and tier references in range, at most 64 tiers per list, unique rule
    /// ids, bounded nesting). The file is a host's, as trusted as its TOML.
    pub fn from_compiled(text: &str) -> Result<Ruleset, RulesetError> {
        if text.len() > MAX_COMPILED_BYTES {
            return Err(refused(format!(
                "the compiled ruleset is {} bytes; the limit is {MAX_COMPILED_BYTES} bytes",
                text.len()
            )));
        }
        let text = text.trim_start_matches('\u{feff}');
        let envelope: EnvelopeIn = serde_json::from_str(text).map_err(|e| {
            let compiled_by = serde_json::from_str::<serde_json::Value>(text)
                .ok()
                .and_then(|v| v.get("compiled_by")?.as_str().map(str::to_string));
            refused(match compiled_by {
                Some(by) if by != compiler_label() => format!(
                    "not a compiled ruleset this version can read ({e}); it was compiled by \
                     {by}, this is {}: compile the TOML again with `enduse ruleset compile`",
                    compiler_label()
                ),
                _ => format!("not a valid compiled ruleset: {e}"),
            })
        })?;
        if envelope.format != COMPILED_FORMAT {
            return Err(refused(format!(
                "format \"{}\" is not {COMPILED_FORMAT} (compiled by {}): compile the TOML \
                 again with `enduse ruleset compile`",
                envelope.format, envelope.compiled_by
            )));
        }
        let mut ruleset = envelope.ruleset;
        let mut problems = Vec::new();
        check(&ruleset, &mut problems);
        if !problems.is_empty() {
            return Err(RulesetError {
                problems: problems
                    .into_iter()
                    .map(|message| Problem {
                        position: None,
                        message,
                    })
                    .collect(),
            });
        }
        ruleset.index();
        Ok(ruleset)
    }
}

fn check(rs: &Ruleset, problems: &mut Vec<String>) {
    if rs.sha256.len() != 64 || !rs.sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
        problems.push("sha256 is not 64 hex digits".to_string());
    }
    for list in &rs.hs_lists {
        if list.tiers.len() > 64 {
            problems.push(format!("HS list \"{}\" has more than 64 tiers", list.id));
        }
    }
    let mut ids = std::collections::BTreeSet::new();
    for rule in &rs.rules {
        if !ids.insert(rule.id.as_str()) {
            problems.push(format!("duplicate rule id \"{}\"", rule.id));
        }
        if rule.templates.first().is_none_or(Option::is_none) {
            problems.push(format!("rule \"{}\" has no English explanation", rule.id));
        }
        if rule.mitigated_by.iter().any(|i| *i >= rs.mitigations.len()) {
            problems.push(format!(
                "rule \"{}\" names a mitigation that does not exist",
                rule.id
            ));
        }
        if rule.floor > rule.severity {
            problems.push(format!(
                "rule \"{}\": the floor is above the rule's severity",
                rule.id
            ));
        }
        if rule.severity == Severity::Stop && !rule.mitigated_by.is_empty() {
            problems.push(format!(
                "rule \"{}\" is a stop: a legal prohibition cannot be mitigated",
                rule.id
            ));
        }
        check_condition(rs, &rule.id, &rule.when, 0, problems);
    }
    for m in &rs.mitigations {
        if !(1..=3).contains(&m.steps) {
            problems.push(format!("mitigation \"{}\": steps must be 1, 2 or 3", m.id));
        }
        check_condition(rs, &m.id, &m.when, 0, problems);
    }
}

fn check_condition(
    rs: &Ruleset,
    rule: &str,
    condition: &Condition,
    depth: usize,
    problems: &mut Vec<String>,
) {
    if depth > MAX_DEPTH {
        problems.push(format!(
            "rule \"{rule}\": conditions nest more than {MAX_DEPTH} deep"
        ));
        return;
    }
    match condition {
        Condition::All(parts) | Condition::Any(parts) => {
            for part in parts {
                check_condition(rs, rule, part, depth + 1, problems);
            }
        }
        Condition::Not(part)
        | Condition::AnyLine(part)
        | Condition::AnyParty(part)
        | Condition::AnyHop(part) => check_condition(rs, rule, part, depth + 1, problems),
        Condition::Test(_, Test::HsList { list, tiers }) => match rs.hs_lists.get(*list) {
            None => problems.push(format!("rule \"{rule}\": HS list {list} does not exist")),
            Some(hs) => {
                if tiers.iter().any(|t| *t >= hs.tiers.len()) {
                    problems.push(format!(
                        "rule \"{rule}\": a tier of HS list \"{}\" does not exist",
                        hs.id
                    ));
                }
            }
        },
        Condition::Unknown(_) | Condition::Test(..) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_is_not_taken_for_compiled() {
        assert!(!is_compiled(super::super::EMBEDDED_TOML));
        assert!(is_compiled("\u{feff} \n{\"format\":1}"));
    }

    #[test]
    fn refuses_other_formats_and_broken_references() {
        let rs = Ruleset::embedded().unwrap_or_else(|e| panic!("{e}"));
        let text = rs.to_compiled();
        let other = text.replacen(COMPILED_FORMAT, "enduse-compiled-ruleset/0", 1);
        assert!(Ruleset::from_compiled(&other).is_err());
        let mut broken = rs.clone();
        if let Some(rule) = broken.rules.first_mut() {
            rule.when = Condition::Test(
                crate::ruleset::facts::FactPath::parse("line.hs").unwrap_or_else(|e| panic!("{e}")),
                Test::HsList {
                    list: 99,
                    tiers: vec![],
                },
            );
        }
        let err = Ruleset::from_compiled(&broken.to_compiled()).unwrap_err();
        assert!(err.to_string().contains("HS list 99"), "{err}");
        assert!(Ruleset::from_compiled("{\"format\": 3").is_err());
        assert!(Ruleset::from_compiled("").is_err());
    }
}
