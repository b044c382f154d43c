//! Batch screening files: a CSV of names in, a CSV of results out.
//!
//! The web page and any other caller read names the way `enduse screen` does
//! — a `name` column, or a file with a single column — and export results in
//! one fixed layout, so a reviewer's spreadsheet looks the same whichever tool
//! produced it.

use crate::csv_out::push_row;
use crate::party_screening::best_hit;
use crate::screening::ScreeningResult;

/// Most names accepted in one batch; a larger file is refused with a message
/// rather than freezing the page for minutes.
pub const MAX_NAMES: usize = 100_000;

/// Why a names file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NamesError {
    /// No non-blank name in the input.
    #[error("{file}: no names found")]
    Empty { file: String },
    /// Several columns and none called `name`.
    #[error("{file} line 1: several columns but none is called \"name\"")]
    NoNameColumn { file: String },
    /// The CSV itself is broken.
    #[error("{file} line {line}: {reason}")]
    Malformed {
        file: String,
        line: u64,
        reason: String,
    },
    /// More than [`MAX_NAMES`] names.
    #[error("{file}: more than {MAX_NAMES} names; split the file")]
    TooMany { file: String },
}

/// The names in a CSV text: the `name` column (any case) if there is a
/// header with one, otherwise the only column (the first row is then a name).
/// Blank names are skipped; surrounding spaces trimmed.
pub fn parse_names_csv(text: &str, file: &str) -> Result<Vec<String>, NamesError> {
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let malformed = |e: csv::Error| NamesError::Malformed {
        file: file.to_string(),
        line: e.position().map(|p| p.line()).unwrap_or(0),
        reason: match e.kind() {
            csv::ErrorKind::Utf8 { .. } => "not UTF-8 text".to_string(),
            _ => e.to_string(),
        },
    };
    let mut rows = reader.records();
    let Some(first) = rows.next() else {
        return Err(NamesError::Empty {
            file: file.to_string(),
        });
    };
    let first = first.map_err(malformed)?;
    let name_column = first
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case("name"));
    if name_column.is_none() && first.len() > 1 {
        return Err(NamesError::NoNameColumn {
            file: file.to_string(),
        });
    }
    let column = name_column.unwrap_or(0);
    let mut names = Vec::new();
    if name_column.is_none() {
        names.extend(first.get(0).map(|s| s.trim().to_string()));
    }
    for row in rows {
        let row = row.map_err(malformed)?;
        if let Some(name) = row.get(column).map(str::trim)
            && !name.is_empty()
        {
            names.push(name.to_string());
        }
        if names.len() > MAX_NAMES {
            return Err(NamesError::TooMany {
                file: file.to_string(),
            });
        }
    }
    names.retain(|n| !n.is_empty());
    if names.is_empty() {
        return Err(NamesError::Empty {
            file: file.to_string(),
        });
    }
    Ok(names)
}

/// The column headers of [`results_csv`].
pub const RESULT_COLUMNS: [&str; 9] = [
    "name",
    "outcome",
    "score",
    "list",
    "entry_id",
    "entry_name",
    "matched_name",
    "programmes",
    "hit_count",
];

/// Results as CSV (RFC 4180, CRLF), one row per screened name with its best
/// hit; the outcome column uses the same words as the page and the CLI.
///
/// Cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first)
/// are prefixed with `'`: names come from untrusted files.
pub fn results_csv(results: &[ScreeningResult]) -> String {
    let mut out = String::new();
    push_row(&mut out, RESULT_COLUMNS.iter().map(|c| c.to_string()));
    for r in results {
        let best = best_hit(r);
        let cells = [
            r.query.clone(),
            r.outcome.label().to_string(),
            best.map(|h| h.score.to_string()).unwrap_or_default(),
            best.map(|h| h.list.clone()).unwrap_or_default(),
            best.map(|h| h.entry_id.clone()).unwrap_or_default(),
            best.map(|h| h.entry_name.clone()).unwrap_or_default(),
            best.map(|h| h.matched_name.clone()).unwrap_or_default(),
            best.map(|h| h.programmes.join("; ")).unwrap_or_default(),
            r.hits.len().to_string(),
        ];
        push_row(&mut out, cells.into_iter());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screening::{Outcome, SanctionsList, ScreenOptions, ScreeningIndex};

    #[test]
    fn name_column_or_single_column() {
        let with_header = "id,Name\n1, Alfa \n2,\n3,\"Beta, Gamma\"\n";
        assert_eq!(
            parse_names_csv(with_header, "a.csv"),
            Ok(vec!["Alfa".to_string(), "Beta, Gamma".to_string()])
        );
        let single = "\u{feff}Alfa\nБета\n\n";
        assert_eq!(
            parse_names_csv(single, "b.csv"),
            Ok(vec!["Alfa".to_string(), "Бета".to_string()])
        );
    }

    #[test]
    fn refusals_name_the_file_and_line() {
        assert_eq!(
            parse_names_csv("", "e.csv").map_err(|e| e.to_string()),
            Err("e.csv: no names found".to_string())
        );
        assert_eq!(
            parse_names_csv("a,b\n1,2\n", "c.csv").map_err(|e| e.to_string()),
            Err("c.csv line 1: several columns but none is called \"name\"".to_string())
        );
        let err = parse_names_csv("name\n\"unterminated\nx", "q.csv");
        // The csv crate accepts an unterminated quote at EOF as a field; a
        // broken file must still never panic and, if refused, name the file.
        if let Err(e) = err {
            assert!(e.to_string().starts_with("q.csv"));
        }
    }

    #[test]
    fn export_has_one_row_per_name_and_defuses_formulas() {
        let csv = "id,schema,name,aliases\nX-1,Company,\"Alfa Trade LLP\",\"ТОО Альфа Трейд\"\n";
        let list = SanctionsList::parse(csv.as_bytes(), "targets.simple.csv").expect("parses");
        let index = ScreeningIndex::build(vec![list]);
        let opts = ScreenOptions::default();
        let results: Vec<_> = ["ТОО «Альфа Трейд»", "=HYPERLINK(\"x\")", "Northwind"]
            .iter()
            .map(|n| index.screen(n, &opts))
            .collect();
        assert_eq!(results[0].outcome, Outcome::PotentialMatch);
        let out = results_csv(&results);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines.len(), 5, "{out}");
        let header: Vec<String> = RESULT_COLUMNS.iter().map(|c| format!("\"{c}\"")).collect();
        assert_eq!(lines[0], header.join(","));
        assert!(lines[1].starts_with("\"ТОО «Альфа Трейд»\",\"potential match\","));
        assert!(lines[1].contains(",\"targets.simple.csv\",\"X-1\",\"Alfa Trade LLP\","));
        assert!(lines[2].starts_with("\"'=HYPERLINK(\"\"x\"\")\",\"no list match\","));
        assert_eq!(
            lines[3],
            "\"Northwind\",\"no list match\",\"\",\"\",\"\",\"\",\"\",\"\",\"0\""
        );
        assert_eq!(lines[4], "");
    }
}
