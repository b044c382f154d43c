//! Turning the bytes of a published list into text.
//!
//! Official files arrive as UTF-8 (with or without a byte-order mark), UTF-16
//! with a BOM, or — older OFAC and many re-exported spreadsheets — Windows-1252.
//! Guessing wrong silently mangles names, and a mangled name silently fails to
//! match, so the decision is explicit and recorded.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// The text of a file and the encoding it was read as.
pub(crate) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static str,
}

/// Decodes `bytes`: a BOM wins; otherwise valid UTF-8 is taken as UTF-8 and
/// anything else as Windows-1252 (a superset of Latin-1 for printable text,
/// which is what legacy list exports use). Never fails: Windows-1252 maps
/// every byte.
pub(crate) fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        let (text, _) = encoding.decode_without_bom_handling(body);
        return Decoded {
            text,
            encoding: encoding.name(),
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: Cow::Borrowed(text),
            encoding: UTF_8.name(),
        },
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Decoded {
                text,
                encoding: WINDOWS_1252.name(),
            }
        }
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
    }
}
