//! Turning the bytes of a published list into text.
//!
//! Official files arrive as UTF-8 (with or without a byte-order mark), UTF-16
//! with a BOM, or — older OFAC and many re-exported spreadsheets — Windows-1252.
//! Guessing wrong silently mangles names, and a mangled name silently fails to
//! match, so the decision is explicit and recorded.

use std::borrow::Cow;

// The three encodings are decoded here rather than through a general
// encoding library: `encoding_rs` chooses its decoder at run time, which
// links every legacy table (GB18030, Big5, Shift_JIS, …) into the browser
// app — about 200 KB of WebAssembly that no sanctions list needs.

/// The text of a file and the encoding it was read as.
pub(crate) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static str,
    /// True when bytes invalid in the declared (byte-order-mark) encoding
    /// were replaced by U+FFFD.
    pub lossy: bool,
}

/// Decodes `bytes`: a BOM wins; otherwise valid UTF-8 is taken as UTF-8 and
/// anything else as Windows-1252 (a superset of Latin-1 for printable text,
/// which is what legacy list exports use). Never fails: malformed UTF-8 or
/// UTF-16 becomes U+FFFD, and Windows-1252 maps every byte. The results and
/// encoding names are those of the WHATWG Encoding Standard.
pub(crate) fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some(body) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = String::from_utf8_lossy(body);
        return Decoded {
            lossy: matches!(text, Cow::Owned(_)),
            text,
            encoding: "UTF-8",
        };
    }
    if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        let (text, lossy) = utf16(body, u16::from_le_bytes);
        return Decoded {
            text: Cow::Owned(text),
            encoding: "UTF-16LE",
            lossy,
        };
    }
    if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        let (text, lossy) = utf16(body, u16::from_be_bytes);
        return Decoded {
            text: Cow::Owned(text),
            encoding: "UTF-16BE",
            lossy,
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: Cow::Borrowed(text),
            encoding: "UTF-8",
            lossy: false,
        },
        Err(_) => Decoded {
            text: Cow::Owned(bytes.iter().map(|&b| windows_1252(b)).collect()),
            encoding: "windows-1252",
            lossy: false,
        },
    }
}

/// UTF-16 code units to text; unpaired surrogates and a trailing odd byte become U+FFFD.
fn utf16(body: &[u8], unit: fn([u8; 2]) -> u16) -> (String, bool) {
    let pairs = body.chunks_exact(2);
    let odd_byte = !pairs.remainder().is_empty();
    let mut lossy = odd_byte;
    let mut text: String = char::decode_utf16(pairs.map(|p| unit([p[0], p[1]])))
        .map(|c| {
            c.unwrap_or_else(|_| {
                lossy = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if odd_byte {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    (text, lossy)
}

/// Windows-1252 as the WHATWG standard defines it: Latin-1, except for the
/// typographic characters in 0x80–0x9F (the five unassigned bytes there map
/// to the C1 control of the same value).
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}',
        '\u{017D}', '\u{008F}', '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}',
        '\u{2022}', '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}',
        '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped() {
        let d = decode(b"\xEF\xBB\xBFid,name");
        assert_eq!(d.text, "id,name");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn latin1_bytes_fall_back_to_windows_1252() {
        let d = decode(b"M\xFCller GmbH");
        assert_eq!(d.text, "Müller GmbH");
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let d = decode(b"\xFF\xFEA\x00B\x00");
        assert_eq!(d.text, "AB");
        assert_eq!(d.encoding, "UTF-16LE");
        let d = decode(b"\xFE\xFF\x04\x1F\xD8\x00A");
        assert_eq!(d.text, "П\u{FFFD}\u{FFFD}");
        assert_eq!(d.encoding, "UTF-16BE");
    }

    #[test]
    fn windows_1252_typography_and_unassigned_bytes() {
        let d = decode(b"\x93Caf\xE9\x94 \x80 \x81\x9F");
        assert_eq!(d.text, "\u{201C}Café\u{201D} € \u{0081}Ÿ");
    }

    #[test]
    fn malformed_utf8_after_a_bom_is_replaced() {
        let d = decode(b"\xEF\xBB\xBFa\xFFb");
        assert_eq!(d.text, "a\u{FFFD}b");
    }
}
