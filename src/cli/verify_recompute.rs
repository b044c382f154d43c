//! `enduse verify RECORD --recompute [--ruleset FILE]`: does the record's
//! rating follow from the answers it carries?
//!
//! After the usual verdict (unchanged), an intact record's answers are
//! evaluated again by the core (`enduse::record::recompute`) under the
//! ruleset it names: the embedded one when its SHA-256 is the record's, else
//! the `--ruleset` file when its digest is; otherwise nothing is recomputed
//! and the message names both digests. This file only picks the ruleset,
//! words the outcome and decides the exit status:
//!
//! * 7 ([`EXIT_DIFFERS`]): the record's verdict does not follow from its
//!   answers;
//! * 8 ([`EXIT_CANNOT`]): it could not be recomputed (its ruleset is not at
//!   hand, or the document is not an attestation record);
//! * otherwise the verdict's own code: 0, 2, 5 when reproduced; 1, 3, 4, 6
//!   when the document is not intact, which nothing is recomputed from (an
//!   altered record's answers prove nothing, and a copy with a damaged leaf
//!   map is refused as importers refuse it).

use std::path::{Path, PathBuf};

use enduse::record::recompute::{
    DOES_NOT_PROVE, PROVES, Recomputation, RulesetLabel, is_records_ruleset, rating_name, recompute,
};
use enduse::record::reconstruct::AsOf;
use enduse::record::{DocumentKind, open_record};
use enduse::ruleset::Ruleset;

use crate::assess::RulesetFile;
use crate::text::shown;

/// Exit status when the record's rating or findings do not follow from its answers.
pub const EXIT_DIFFERS: u8 = 7;
/// Exit status when the record could not be recomputed.
pub const EXIT_CANNOT: u8 = 8;

/// Exit statuses of `enduse verify` whose document is not intact.
const NOT_INTACT: [u8; 4] = [1, 3, 4, 6];

/// Where the ruleset of a recomputation came from.
pub enum Source {
    /// The one this binary embeds.
    Embedded,
    /// The `--ruleset` file.
    File {
        /// Its path.
        path: PathBuf,
        /// Whether it was compiled (its digest is then as the file states it).
        compiled: bool,
    },
}

/// What `--recompute` came to.
pub enum Outcome {
    /// The document is not intact: nothing was recomputed.
    NotIntact,
    /// Not an attestation record.
    NotARecord(String),
    /// Its ruleset is not at hand (or another reason), in words.
    Cannot(String),
    /// Recomputed.
    Done {
        /// The comparison.
        recomputation: Box<Recomputation>,
        /// Where the ruleset came from.
        source: Source,
        /// A `--ruleset` file that was given but is not the record's (the
        /// embedded one was), for the reader who expected it to be used.
        unused_file: Option<(PathBuf, RulesetLabel)>,
    },
}

/// Recomputes the document `bytes` (whose verdict exited `verify_exit`),
/// with the `--ruleset` file if one was given.
pub fn run(
    bytes: Option<&[u8]>,
    kind: Option<DocumentKind>,
    verify_exit: u8,
    file: Option<&(PathBuf, RulesetFile)>,
) -> Outcome {
    if NOT_INTACT.contains(&verify_exit) {
        return Outcome::NotIntact;
    }
    match kind {
        Some(DocumentKind::Record) => {}
        Some(other) => return Outcome::NotARecord(other.to_string()),
        None => return Outcome::NotARecord("document".to_string()),
    }
    // Opened again (the verdict did not keep the body): within the same
    // document limits, so a hostile file costs what verifying it cost.
    let Some(Ok(opened)) = bytes.map(open_record) else {
        return Outcome::NotIntact;
    };
    let record = opened.body;
    let embedded = match Ruleset::embedded() {
        Ok(ruleset) => ruleset,
        Err(e) => return Outcome::Cannot(format!("the embedded ruleset is broken: {e}")),
    };
    let file_label = file.map(|(path, f)| (path.clone(), RulesetLabel::of(&f.ruleset)));
    let (ruleset, source, unused_file) = if is_records_ruleset(&record, &embedded) {
        let unused = file
            .filter(|(_, f)| !is_records_ruleset(&record, &f.ruleset))
            .and(file_label);
        (&embedded, Source::Embedded, unused)
    } else {
        match file {
            Some((path, f)) if is_records_ruleset(&record, &f.ruleset) => (
                &f.ruleset,
                Source::File {
                    path: path.clone(),
                    compiled: f.compiled,
                },
                None,
            ),
            _ => {
                let mut message = format!(
                    "the record was made with ruleset {}; this binary embeds {}",
                    RulesetLabel::of_record(&record),
                    RulesetLabel::of(&embedded)
                );
                match &file_label {
                    Some((path, label)) => message.push_str(&format!(
                        "; --ruleset {} is {label}: pass --ruleset with the record's file",
                        path.display()
                    )),
                    None => message.push_str("; pass --ruleset with that file"),
                }
                return Outcome::Cannot(message);
            }
        }
    };
    match recompute(&record, ruleset) {
        Ok(recomputation) => Outcome::Done {
            recomputation: Box::new(recomputation),
            source,
            unused_file,
        },
        Err(e) => Outcome::Cannot(e.to_string()),
    }
}

/// The exit status: 7 or 8 before the verdict's 0, 2, 5; the verdict's
/// own code when the document is not intact.
pub fn exit_code(outcome: &Outcome, verify_exit: u8) -> u8 {
    match outcome {
        Outcome::NotIntact => verify_exit,
        Outcome::NotARecord(_) | Outcome::Cannot(_) => EXIT_CANNOT,
        Outcome::Done { recomputation, .. } if !recomputation.is_reproduced() => EXIT_DIFFERS,
        Outcome::Done { .. } => verify_exit,
    }
}

/// "as of 2026-12-01", saying when the date is not the record's.
fn as_of_phrase(r: &Recomputation) -> String {
    match (r.as_of, r.as_of_used) {
        (AsOf::Recorded { date }, _) => format!("as of {date}"),
        (AsOf::Unknown, Some(date)) => {
            format!("as of {date} (the ruleset's date: the record names none)")
        }
        (AsOf::Unknown, None) => {
            "with no as-of date (neither the record nor the ruleset names one)".to_string()
        }
    }
}

fn ruleset_phrase(r: &Recomputation) -> String {
    let label = &r.ruleset;
    let digest = label
        .sha256
        .map_or_else(|| "no valid sha256".to_string(), |d| d.to_string());
    format!("ruleset {} {} ({digest})", label.id, label.version)
}

fn findings_phrase(n: usize) -> String {
    if n == 1 {
        "1 finding".to_string()
    } else {
        format!("{n} findings")
    }
}

/// The headline: `REPRODUCED: …`, `DIFFERS: …`, `NOT RECOMPUTED: …`.
pub fn headline(outcome: &Outcome) -> String {
    match outcome {
        Outcome::NotIntact => "NOT RECOMPUTED: only an intact record's answers can be recomputed \
                               (see the verdict above; ask the sender for a fresh copy)"
            .to_string(),
        Outcome::NotARecord(kind) => format!(
            "NOT RECOMPUTED: --recompute applies to attestation records; this is a {kind}, \
             which states no rating"
        ),
        Outcome::Cannot(message) => format!("NOT RECOMPUTED: {message}"),
        Outcome::Done { recomputation, .. } => {
            let r = recomputation;
            let (was, is) = (&r.recorded, &r.recomputed);
            if r.is_reproduced() {
                format!(
                    "REPRODUCED: rating {} (inherent {}) and {} follow from the record's answers \
                     under {} {}",
                    rating_name(is.rating),
                    rating_name(is.inherent_rating),
                    findings_phrase(is.findings),
                    ruleset_phrase(r),
                    as_of_phrase(r)
                )
            } else {
                format!(
                    "DIFFERS: the record says {} (inherent {}, {}), its answers give {} \
                     (inherent {}, {}) under the same {} {}",
                    rating_name(was.rating),
                    rating_name(was.inherent_rating),
                    findings_phrase(was.findings),
                    rating_name(is.rating),
                    rating_name(is.inherent_rating),
                    findings_phrase(is.findings),
                    ruleset_phrase(r),
                    as_of_phrase(r)
                )
            }
        }
    }
}

fn source_line(source: &Source) -> String {
    match source {
        Source::Embedded => "ruleset: the one this binary embeds (same SHA-256)".to_string(),
        Source::File {
            path,
            compiled: false,
        } => format!(
            "ruleset: {} (its SHA-256 computed from the file's bytes)",
            shown(&path.display().to_string())
        ),
        Source::File {
            path,
            compiled: true,
        } => format!(
            "ruleset: {} (compiled: its SHA-256 is the one the file states for its TOML \
             source, not computed from these bytes; pass the TOML source to prove it)",
            shown(&path.display().to_string())
        ),
    }
}

fn push_capped<T: std::fmt::Display>(
    out: &mut String,
    title: &str,
    list: &enduse::record::reconstruct::Capped<T>,
) {
    if list.is_empty() {
        return;
    }
    out.push_str(&format!("  {title}:\n"));
    for item in &list.items {
        out.push_str(&format!("    {}\n", shown(&item.to_string())));
    }
    if list.more > 0 {
        out.push_str(&format!("    … {} more\n", list.more));
    }
}

/// The text section printed after the verdict.
pub fn render_text(outcome: &Outcome) -> String {
    let mut out = format!("{}\n", shown(&headline(outcome)));
    let Outcome::Done {
        recomputation: r,
        source,
        unused_file,
    } = outcome
    else {
        return out;
    };
    push_capped(&mut out, "verdict differences", &r.differences.verdict);
    out.push_str(&format!("  proven: {PROVES}\n"));
    out.push_str(&format!("  not proven: {DOES_NOT_PROVE}\n"));
    out.push_str(&format!("  taken as stated: {}\n", r.taken_as_stated));
    out.push_str(&format!("  {}\n", source_line(source)));
    if let Some((path, label)) = unused_file {
        out.push_str(&format!(
            "  (--ruleset {} is {}, not the record's: not used)\n",
            shown(&path.display().to_string()),
            shown(&label.to_string())
        ));
    }
    if let AsOf::Unknown = r.as_of {
        out.push_str(
            "  as of: the record names no as-of date (made before assessments were dated, or no day \
             was named): \
             the law date it was made under is unknown\n",
        );
    }
    push_capped(
        &mut out,
        "detail differences (the verdict holds)",
        &r.differences.detail,
    );
    push_capped(
        &mut out,
        "wording differences (the verdict holds)",
        &r.differences.wording,
    );
    push_capped(
        &mut out,
        "not rebuilt from the record (read as unknown)",
        &gaps_display(&r.gaps),
    );
    for note in &r.notes {
        out.push_str(&format!("  note: {}\n", shown(&note.to_string())));
    }
    out
}

/// Gaps as `path: reason` lines.
fn gaps_display(
    gaps: &enduse::record::reconstruct::Gaps,
) -> enduse::record::reconstruct::Capped<String> {
    enduse::record::reconstruct::Capped {
        items: gaps
            .items
            .iter()
            .map(|g| format!("{}: {}", g.path, g.reason))
            .collect(),
        more: gaps.more,
    }
}

/// The `recompute` member of `--format json`.
pub fn to_json(outcome: &Outcome) -> serde_json::Value {
    let (name, extra) = match outcome {
        Outcome::NotIntact => ("not_intact", serde_json::Value::Null),
        Outcome::NotARecord(_) => ("not_a_record", serde_json::Value::Null),
        Outcome::Cannot(_) => ("cannot_recompute", serde_json::Value::Null),
        Outcome::Done { recomputation, .. } => (
            if recomputation.is_reproduced() {
                "reproduced"
            } else {
                "differs"
            },
            serde_json::to_value(recomputation.as_ref()).unwrap_or(serde_json::Value::Null),
        ),
    };
    let mut json = serde_json::json!({
        "outcome": name,
        "message": headline(outcome),
    });
    if let Outcome::Done {
        source,
        unused_file,
        ..
    } = outcome
    {
        json["recomputation"] = extra;
        json["proves"] = PROVES.into();
        json["does_not_prove"] = DOES_NOT_PROVE.into();
        json["ruleset_source"] = match source {
            Source::Embedded => serde_json::json!({ "source": "embedded" }),
            Source::File { path, compiled } => serde_json::json!({
                "source": "file",
                "path": path.display().to_string(),
                "compiled": compiled,
            }),
        };
        if let Some((path, label)) = unused_file {
            json["unused_ruleset_file"] = serde_json::json!({
                "path": path.display().to_string(),
                "ruleset": label,
            });
        }
    }
    json
}

/// Loads `--ruleset` before anything is verified, as the key book is.
pub fn load_file(path: Option<&Path>) -> Result<Option<(PathBuf, RulesetFile)>, String> {
    path.map(|p| crate::assess::load_ruleset_file(p).map(|f| (p.to_path_buf(), f)))
        .transpose()
}
