//! The sources file of `enduse lists update`: which official files to
//! download, from where, with which headers, under which names.
//!
//! A host edits this file, so it is read as strictly as `config.json`: one
//! JSON reading (duplicate names refused), unknown fields refused, every
//! problem collected with its path (`sources[2].url: …`) so one round trip
//! fixes them all. URLs must be `https://` (plain `http://` only to the
//! loopback, for tests): a list fetched in clear text could have been
//! altered on the way.

use std::collections::HashSet;

use enduse::config::{SanctionsListFormat, SitePath, SourceUrl};
use enduse::strict_json::{self, Bounds, Strings};
use serde_json::{Map, Value};

/// The sources built into the binary (`enduse lists sources` prints them).
pub const DEFAULT_SOURCES: &str = include_str!("default-sources.json");

/// A sources file larger than this is refused before parsing.
const MAX_SOURCES_BYTES: usize = 256 * 1024;
/// At most this many sources (the index holds at most 32 lists).
const MAX_SOURCES: usize = 32;
/// At most this many extra request headers per source.
const MAX_HEADERS: usize = 16;

/// A validated sources file.
#[derive(Debug, Clone, PartialEq)]
pub struct Sources {
    /// Who runs the downloads (an e-mail or web address), sent in the
    /// `User-Agent` so a publisher can reach the operator instead of blocking them.
    pub contact: Option<String>,
    /// The sources, in the order their lists are written to the index.
    pub sources: Vec<Source>,
}

/// One list to download.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Short name used by `--only` and in the report (`ofac-sdn`).
    pub id: String,
    /// The label written to the index (shown by the app).
    pub label: Option<String>,
    /// The format the file must parse as; anything else is refused.
    pub format: SanctionsListFormat,
    /// Where to download it.
    pub url: SourceUrl,
    /// The file name written in the output folder.
    pub file: SitePath,
    /// Extra request headers (name, value), also sent for the companions.
    pub headers: Vec<(String, String)>,
    /// OFAC `alt.csv` / `add.csv` downloaded and attached with it.
    pub companions: Vec<Companion>,
}

/// A companion file of an OFAC legacy CSV list.
#[derive(Debug, Clone, PartialEq)]
pub struct Companion {
    /// `ofac-alt-csv` or `ofac-add-csv`.
    pub format: SanctionsListFormat,
    /// Where to download it.
    pub url: SourceUrl,
    /// The file name written in the output folder.
    pub file: SitePath,
}

/// Request headers a sources file may not set: they describe the connection
/// or the body, which the HTTP client owns.
const RESERVED_HEADERS: [&str; 9] = [
    "host",
    "content-length",
    "transfer-encoding",
    "connection",
    "te",
    "trailer",
    "upgrade",
    "keep-alive",
    "expect",
];

/// Parses and validates a sources file; `Err` lists every problem, each
/// starting with its path.
pub fn parse(text: &str) -> Result<Sources, Vec<String>> {
    let bounds = Bounds {
        max_bytes: MAX_SOURCES_BYTES,
        max_depth: 8,
        max_key_bytes: 128,
        max_values: 20_000,
        strings: Strings::Normalise,
    };
    let value = strict_json::parse_str(text, &bounds).map_err(|e| vec![e.to_string()])?;
    let mut v = Check::default();
    let sources = v.file(&value);
    if v.problems.is_empty() {
        Ok(sources)
    } else {
        Err(v.problems)
    }
}

/// Collects problems while walking the JSON value.
#[derive(Default)]
struct Check {
    problems: Vec<String>,
}

impl Check {
    fn problem(&mut self, at: &str, message: impl std::fmt::Display) {
        if at.is_empty() {
            self.problems.push(message.to_string());
        } else {
            self.problems.push(format!("{at}: {message}"));
        }
    }

    fn object<'a>(
        &mut self,
        at: &str,
        value: &'a Value,
        known: &[&str],
    ) -> Option<&'a Map<String, Value>> {
        let Some(map) = value.as_object() else {
            self.problem(at, "must be an object { ... }");
            return None;
        };
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                self.problem(
                    &join(at, key),
                    format!("unknown field; expected one of: {}", known.join(", ")),
                );
            }
        }
        Some(map)
    }

    fn string<'a>(&mut self, at: &str, value: &'a Value) -> Option<&'a str> {
        let s = value.as_str();
        if s.is_none() {
            self.problem(at, "must be a string");
        }
        s
    }

    fn required<'a>(
        &mut self,
        at: &str,
        map: &'a Map<String, Value>,
        key: &str,
        what: &str,
    ) -> Option<&'a Value> {
        let v = map.get(key);
        if v.is_none() {
            self.problem(at, format!("needs \"{key}\" ({what})"));
        }
        v
    }

    fn file(&mut self, value: &Value) -> Sources {
        let mut out = Sources {
            contact: None,
            sources: Vec::new(),
        };
        let Some(map) = self.object("", value, &["$comment", "contact", "sources"]) else {
            return out;
        };
        match map.get("contact") {
            None | Some(Value::Null) => {}
            Some(v) => out.contact = self.string("contact", v).and_then(|s| self.contact(s)),
        }
        let Some(list) = self.required("", map, "sources", "a list of sources") else {
            return out;
        };
        let Some(items) = list.as_array() else {
            self.problem("sources", "must be a list [ ... ]");
            return out;
        };
        if items.is_empty() || items.len() > MAX_SOURCES {
            self.problem(
                "sources",
                format!("has {} sources; give 1 to {MAX_SOURCES}", items.len()),
            );
            return out;
        }
        for (i, item) in items.iter().enumerate() {
            if let Some(source) = self.source(&format!("sources[{i}]"), item) {
                out.sources.push(source);
            }
        }
        self.unique(&out.sources);
        out
    }

    fn contact(&mut self, text: &str) -> Option<String> {
        match check_contact(text) {
            Ok(c) => Some(c),
            Err(message) => {
                self.problem("contact", message);
                None
            }
        }
    }

    fn source(&mut self, at: &str, value: &Value) -> Option<Source> {
        let known = [
            "$comment",
            "id",
            "label",
            "format",
            "url",
            "file",
            "headers",
            "companions",
        ];
        let map = self.object(at, value, &known)?;
        let id = self
            .required(at, map, "id", "a short name such as \"ofac-sdn\"")
            .and_then(|v| self.string(&join(at, "id"), v))
            .and_then(|s| match valid_id(s) {
                true => Some(s.to_string()),
                false => {
                    self.problem(
                        &join(at, "id"),
                        format!("{s:?} must be 1-40 characters a-z, 0-9 and '-'"),
                    );
                    None
                }
            });
        let label = match map.get("label") {
            Some(v) => self.string(&join(at, "label"), v).and_then(|s| {
                let t = s.trim();
                if t.is_empty() || t.chars().count() > 120 || t.chars().any(char::is_control) {
                    self.problem(
                        &join(at, "label"),
                        "must be 1-120 characters without control characters",
                    );
                    None
                } else {
                    Some(t.to_string())
                }
            }),
            None => None,
        };
        let format = self
            .required(at, map, "format", "a format tag such as \"ofac-sdn-csv\"")
            .and_then(|v| self.format(&join(at, "format"), v, false));
        let url = self
            .required(at, map, "url", "an https:// address")
            .and_then(|v| self.url(&join(at, "url"), v));
        let file = match map.get("file") {
            Some(v) => self.file_name(&join(at, "file"), v),
            None => match (&id, format) {
                (Some(id), Some(f)) => SitePath::parse(&format!("{id}.{}", extension(f))).ok(),
                _ => None,
            },
        };
        let headers = match map.get("headers") {
            Some(v) => self.headers(&join(at, "headers"), v),
            None => Vec::new(),
        };
        let mut companions = Vec::new();
        if let Some(v) = map.get("companions") {
            let cat = join(at, "companions");
            if format.is_some_and(|f| f != SanctionsListFormat::OfacSdnCsv) {
                self.problem(
                    &cat,
                    "only an OFAC legacy CSV list (\"ofac-sdn-csv\") has companions",
                );
            }
            match v.as_array() {
                Some(items) if items.len() <= 2 => {
                    for (i, item) in items.iter().enumerate() {
                        if let Some(c) = self.companion(&format!("{cat}[{i}]"), item) {
                            companions.push(c);
                        }
                    }
                }
                Some(_) => self.problem(&cat, "has more than 2 entries (alt.csv and add.csv)"),
                None => self.problem(&cat, "must be a list [ ... ]"),
            }
            if companions.len() == 2 && companions[0].format == companions[1].format {
                self.problem(&cat, "names the same companion format twice");
            }
        }
        Some(Source {
            id: id?,
            label,
            format: format?,
            url: url?,
            file: file?,
            headers,
            companions,
        })
    }

    fn companion(&mut self, at: &str, value: &Value) -> Option<Companion> {
        let map = self.object(at, value, &["$comment", "format", "url", "file"])?;
        let format = self
            .required(at, map, "format", "\"ofac-alt-csv\" or \"ofac-add-csv\"")
            .and_then(|v| self.format(&join(at, "format"), v, true));
        let url = self
            .required(at, map, "url", "an https:// address")
            .and_then(|v| self.url(&join(at, "url"), v));
        let file = self
            .required(at, map, "file", "the file name, such as \"alt.csv\"")
            .and_then(|v| self.file_name(&join(at, "file"), v));
        Some(Companion {
            format: format?,
            url: url?,
            file: file?,
        })
    }

    fn format(&mut self, at: &str, value: &Value, companion: bool) -> Option<SanctionsListFormat> {
        let tag = self.string(at, value)?;
        let Some(format) = SanctionsListFormat::from_tag(tag) else {
            let all: Vec<&str> = SanctionsListFormat::ALL.iter().map(|f| f.tag()).collect();
            self.problem(
                at,
                format!(
                    "{tag:?} is not a known format; expected one of: {}",
                    all.join(", ")
                ),
            );
            return None;
        };
        let is_companion = matches!(
            format,
            SanctionsListFormat::OfacAltCsv | SanctionsListFormat::OfacAddCsv
        );
        match (companion, is_companion) {
            (true, false) => {
                self.problem(
                    at,
                    format!("{tag:?} is not a companion format; use \"ofac-alt-csv\" or \"ofac-add-csv\""),
                );
                None
            }
            (false, true) => {
                self.problem(
                    at,
                    format!("{tag:?} is a companion file; list it under the \"companions\" of its ofac-sdn-csv source"),
                );
                None
            }
            _ => Some(format),
        }
    }

    fn url(&mut self, at: &str, value: &Value) -> Option<SourceUrl> {
        let text = self.string(at, value)?;
        match SourceUrl::parse(text) {
            Ok(url) => Some(url),
            Err(message) => {
                self.problem(at, message);
                None
            }
        }
    }

    fn file_name(&mut self, at: &str, value: &Value) -> Option<SitePath> {
        let text = self.string(at, value)?;
        let bad = |why: &str| format!("{text:?} {why}");
        let problem = if text.len() > 100 {
            Some(bad("is longer than 100 bytes"))
        } else if text.contains('/') {
            Some(bad(
                "must be a plain file name, written in the output folder itself",
            ))
        } else if text.starts_with('.') {
            Some(bad("must not start with '.' (temporary files do)"))
        } else if text.eq_ignore_ascii_case("index.json") {
            Some(bad("is the index the command writes"))
        } else if text.to_ascii_lowercase().starts_with("sample-") {
            Some(bad(
                "starts with \"sample-\", which marks the project's fictitious files (the app would warn that the list is not a real one)",
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            self.problem(at, message);
            return None;
        }
        match SitePath::parse(text) {
            Ok(p) => Some(p),
            Err(message) => {
                self.problem(at, message);
                None
            }
        }
    }

    fn headers(&mut self, at: &str, value: &Value) -> Vec<(String, String)> {
        let Some(map) = value.as_object() else {
            self.problem(at, "must be an object { \"Header-Name\": \"value\", ... }");
            return Vec::new();
        };
        if map.len() > MAX_HEADERS {
            self.problem(at, format!("has more than {MAX_HEADERS} headers"));
            return Vec::new();
        }
        let mut out = Vec::new();
        for (name, v) in map {
            let hat = join(at, name);
            let lower = name.to_ascii_lowercase();
            if name.is_empty() || !name.bytes().all(is_token_byte) {
                self.problem(
                    &hat,
                    "is not a valid header name (letters, digits and - only)",
                );
                continue;
            }
            if RESERVED_HEADERS.contains(&lower.as_str()) || lower.starts_with("proxy-") {
                self.problem(&hat, "is set by the HTTP client and cannot be given here");
                continue;
            }
            if out
                .iter()
                .any(|(n, _): &(String, String)| n.eq_ignore_ascii_case(name))
            {
                self.problem(&hat, "is given twice (header names ignore case)");
                continue;
            }
            let Some(text) = self.string(&hat, v) else {
                continue;
            };
            let visible = text
                .bytes()
                .all(|b| b == b' ' || b == b'\t' || b.is_ascii_graphic());
            if text.len() > 1024 || !visible {
                self.problem(
                    &hat,
                    "must be at most 1024 printable ASCII characters (no line breaks)",
                );
                continue;
            }
            out.push((name.clone(), text.trim().to_string()));
        }
        out
    }

    /// Ids and output file names must be unique across the whole file.
    fn unique(&mut self, sources: &[Source]) {
        let mut ids = HashSet::new();
        let mut files = HashSet::new();
        for (i, s) in sources.iter().enumerate() {
            if !ids.insert(s.id.as_str()) {
                self.problem(
                    &format!("sources[{i}].id"),
                    format!("{:?} is used twice", s.id),
                );
            }
            let names = std::iter::once(&s.file).chain(s.companions.iter().map(|c| &c.file));
            for name in names {
                if !files.insert(name.as_str().to_ascii_lowercase()) {
                    self.problem(
                        &format!("sources[{i}]"),
                        format!("file {name} is written by two sources"),
                    );
                }
            }
        }
    }
}

/// A contact for the `User-Agent` header (`--contact` or the sources file's `contact`).
pub fn check_contact(text: &str) -> Result<String, String> {
    let t = text.trim();
    let printable = t.chars().all(|c| c.is_ascii_graphic() || c == ' ');
    if t.is_empty() || t.len() > 200 || !printable || t.contains(['(', ')', ';']) {
        return Err(
            "must be an e-mail or web address of at most 200 printable ASCII characters, \
             without parentheses or ';' (it goes into the User-Agent header)"
                .into(),
        );
    }
    Ok(t.to_string())
}

fn valid_id(s: &str) -> bool {
    (1..=40).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// RFC 9110 `tchar`.
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// The file extension a format's files usually have.
fn extension(format: SanctionsListFormat) -> &'static str {
    match format {
        SanctionsListFormat::EuXml | SanctionsListFormat::UnXml | SanctionsListFormat::UkXml => {
            "xml"
        }
        SanctionsListFormat::UsCslJson => "json",
        SanctionsListFormat::BisDplTxt => "txt",
        _ => "csv",
    }
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_sources_are_valid() {
        let sources = parse(DEFAULT_SOURCES).expect("default sources are valid");
        assert!(sources.sources.iter().all(|s| s.url.is_https()));
        let sdn = &sources.sources[0];
        assert_eq!(sdn.id, "ofac-sdn");
        assert_eq!(sdn.companions.len(), 2);
    }

    fn problems(text: &str) -> Vec<String> {
        parse(text).err().unwrap_or_default()
    }

    #[test]
    fn a_missing_file_name_follows_the_id() {
        let s = parse(
            r#"{"sources": [{"id": "un", "format": "un-xml", "url": "https://example.org/c.xml"}]}"#,
        )
        .expect("valid");
        assert_eq!(s.sources[0].file.as_str(), "un.xml");
    }

    #[test]
    fn every_problem_is_named() {
        let found = problems(
            r#"{"sources": [
                {"id": "A B", "format": "eu-xml", "url": "https://example.org/a.xml"},
                {"id": "b", "format": "ofac-alt-csv", "url": "https://example.org/b.csv"},
                {"id": "c", "format": "un-xml", "url": "https://example.org/c.xml", "file": "../c.xml"},
                {"id": "d", "format": "un-xml", "url": "https://example.org/d.xml", "file": "sample-d.xml"},
                {"id": "e", "format": "un-xml", "url": "https://example.org/e.xml", "headers": {"Host": "x", "X-Ok": "a\nb"}},
                {"id": "f", "format": "eu-xml", "url": "https://example.org/f.xml", "companions": []},
                {"id": "g", "format": "un-xml", "url": "https://example.org/g.xml", "file": "index.json"}
            ]}"#,
        );
        for needle in [
            "sources[0].id:",
            "sources[1].format: \"ofac-alt-csv\" is a companion file",
            "sources[2].file:",
            "sources[3].file: \"sample-d.xml\"",
            "sources[4].headers.Host:",
            "sources[4].headers.X-Ok:",
            "sources[5].companions: only an OFAC",
            "sources[6].file: \"index.json\"",
        ] {
            assert!(
                found.iter().any(|p| p.starts_with(needle)),
                "{needle} not in {found:#?}"
            );
        }
    }

    #[test]
    fn duplicates_are_refused() {
        let found = problems(
            r#"{"sources": [
                {"id": "a", "format": "un-xml", "url": "https://example.org/a.xml", "file": "x.xml"},
                {"id": "a", "format": "uk-xml", "url": "https://example.org/b.xml", "file": "X.xml"}
            ]}"#,
        );
        assert!(found.iter().any(|p| p.contains("used twice")), "{found:?}");
        assert!(
            found.iter().any(|p| p.contains("written by two sources")),
            "{found:?}"
        );
    }
}
