//! Writing CSV that spreadsheets open safely (RFC 4180, CRLF line ends).
//!
//! Every export of End-Use Check carries names and numbers from untrusted
//! files and forms, so a cell a spreadsheet would run as a formula (`=`, `+`,
//! `-`, `@` first) is prefixed with `'`.

/// Appends one row of `cells` to `out`, quoted where needed, ending in CRLF.
pub fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&escape(&cell));
    }
    out.push_str("\r\n");
}

fn escape(cell: &str) -> String {
    let defused = if cell.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_defuses() {
        let mut out = String::new();
        push_row(
            &mut out,
            ["a,b", "=1+1", "say \"hi\"", "plain"]
                .into_iter()
                .map(String::from),
        );
        assert_eq!(out, "\"a,b\",'=1+1,\"say \"\"hi\"\"\",plain\r\n");
    }
}
