//! Writing CSV that spreadsheets open safely (RFC 4180, CRLF line ends).
//!
//! Every export of End-Use Check carries names and numbers from untrusted
//! files and forms. The rules, one writer for every export:
//!
//! * every cell is quoted (inner `"` doubled), so no comma, line break or
//!   quote inside a value can start another cell or row;
//! * a cell a spreadsheet would run as a formula — first character (after
//!   any spaces) `=`, `+`, `-`, `@`, tab or CR — gets a leading `'`;
//! * the same after every `;` and `,` inside a cell, because Excel set to
//!   Russian or Kazakh reads `;`-separated files and may split
//!   `x;=HYPERLINK(…)` into a second cell that then starts with `=`.
//!
//! The `'` is visible in the cell: a negative number such as `-5` reads
//! `'-5`, which is the price of never running a formula from a stranger.

/// Appends one row of `cells` to `out`, every cell quoted, ending in CRLF.
pub fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        push_defused(out, &cell);
        out.push('"');
    }
    out.push_str("\r\n");
}

/// Whether a spreadsheet would treat a cell starting with `c` as a formula.
fn is_trigger(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// Writes `cell` with quotes doubled and a `'` in front of every reading
/// that starts with a formula trigger: the cell's start and each position
/// after a `;` or `,` (spaces and quotes skipped).
fn push_defused(out: &mut String, cell: &str) {
    let mut at_start = true;
    for c in cell.chars() {
        if at_start {
            if c == ' ' || c == '"' {
                // Spaces and quotes do not end the "start" of a reading.
            } else if is_trigger(c) {
                out.push('\'');
                at_start = false;
            } else {
                at_start = false;
            }
        }
        if c == '"' {
            out.push_str("\"\"");
        } else {
            out.push(c);
        }
        if c == ';' || c == ',' {
            at_start = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> String {
        let mut out = String::new();
        push_row(&mut out, cells.iter().map(|c| c.to_string()));
        out
    }

    #[test]
    fn quotes_every_cell_and_defuses_leading_triggers() {
        assert_eq!(
            row(&["a,b", "=1+1", "say \"hi\"", "plain"]),
            "\"a,b\",\"'=1+1\",\"say \"\"hi\"\"\",\"plain\"\r\n"
        );
        assert_eq!(
            row(&["\t=cmd", "\r=cmd", "+1", "-2", "@SUM(A1)", "  =x"]),
            "\"'\t=cmd\",\"'\r=cmd\",\"'+1\",\"'-2\",\"'@SUM(A1)\",\"  '=x\"\r\n"
        );
    }

    #[test]
    fn defuses_semicolon_and_comma_readings() {
        assert_eq!(
            row(&["x;=HYPERLINK(\"http://e\")"]),
            "\"x;'=HYPERLINK(\"\"http://e\"\")\"\r\n"
        );
        assert_eq!(row(&["a; -1, \"@x"]), "\"a; '-1, \"\"'@x\"\r\n");
        assert_eq!(row(&["a;b,c"]), "\"a;b,c\"\r\n");
        assert_eq!(row(&[""]), "\"\"\r\n");
    }
}
