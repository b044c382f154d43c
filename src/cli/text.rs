//! Terminal text that cannot lie: everything printed that came from a file.
//!
//! Party names, `forwarded_by`, parser messages, leaf paths and list entries
//! come from strangers' documents. Printed raw, a carriage return, an ANSI
//! escape or a bidi override (U+202E) in them can overwrite or reorder what
//! the terminal shows, so that an "ALTERED" or "BROKEN" line reads as
//! "VALID". [`shown`] escapes such characters in one field (newlines
//! included, so a field cannot start a line of its own); [`safe_output`] is
//! the net under every text report, escaping what is left except the report's
//! own newlines. JSON output is left exact: serde_json escapes controls, and
//! the values stay what the document says.

use std::fmt::Write as _;

/// Whether `c` must not reach a terminal as it is: controls (C0, DEL, C1),
/// bidi embeddings, overrides, isolates and marks, zero-width and other
/// format characters, line/paragraph separators, BOM and non-characters.
fn is_hazard(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{ad}'
        | '\u{34f}'
        | '\u{61c}'
        | '\u{115f}' | '\u{1160}'
        | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}'
        | '\u{200b}'..='\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}'
        | '\u{3164}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{feff}'
        | '\u{ffa0}'
        | '\u{fff0}'..='\u{fffb}'
        | '\u{fffe}' | '\u{ffff}'
        | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0000}'..='\u{e0fff}'
    ) || (0xf0000..=0x10ffff).contains(&(c as u32))
}

/// One field from a document, with hazards (and backslashes, so the escape
/// is unambiguous) written as `\u{…}` / `\\`; newlines and tabs included.
pub fn shown(text: &str) -> String {
    escape(text, false)
}

/// A whole text report: hazards escaped, the report's own newlines kept.
pub fn safe_output(text: &str) -> String {
    escape(text, true)
}

fn escape(text: &str, keep_newlines: bool) -> String {
    if !text
        .chars()
        .any(|c| is_hazard(c) || (!keep_newlines && c == '\\'))
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\\' if !keep_newlines => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_hazard(c) => {
                let _ = write!(out, "\\u{{{:04x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_could_forge_a_line() {
        assert_eq!(shown("ACME GmbH"), "ACME GmbH");
        assert_eq!(shown("Кузнецов ООО"), "Кузнецов ООО");
        assert_eq!(
            shown("x\rVALID: intact\n\u{1b}[2K"),
            "x\\rVALID: intact\\n\\u{001b}[2K"
        );
        assert_eq!(shown("abc\u{202e}DILAV"), "abc\\u{202e}DILAV");
        assert_eq!(
            shown("a\u{2066}b\u{200b}c\u{feff}"),
            "a\\u{2066}b\\u{200b}c\\u{feff}"
        );
        assert_eq!(shown("C:\\u{202e}"), "C:\\\\u{202e}");
        assert_eq!(shown("\u{85}\u{2028}"), "\\u{0085}\\u{2028}");
    }

    #[test]
    fn the_net_keeps_report_lines() {
        assert_eq!(
            safe_output("hop 1: SIGNED x\u{202e}\nhop 2\r\n"),
            "hop 1: SIGNED x\\u{202e}\nhop 2\\r\n"
        );
        assert_eq!(safe_output("path C:\\x\n"), "path C:\\x\n");
    }
}
