//! Host configuration: how a trade association brands and tunes its own copy.
//!
//! A host drops `config.json` next to `index.html`. The file is hostile input in
//! the strict sense — a typo must not blank the page and a pasted URL must not
//! make the app talk to another server — so it is parsed here, in the core,
//! into types that cannot hold a bad value: colours are [`HexColour`]s with
//! enough contrast, file references are [`SitePath`]s that can only point at
//! the host's own site, texts are [`LocalizedText`] with length limits.
//!
//! Validation collects *every* problem (each naming its field, such as
//! `sanctions_lists[1].file`) instead of stopping at the first, so a host fixes
//! the file in one round trip. The web app shows the same list on the page; the
//! CLI prints it with `enduse config check`.

use crate::strict_json::{self, Bounds, JsonError, Strings};
use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::lang::Lang;

/// The file name the web app fetches, relative to `index.html`.
pub const CONFIG_FILE: &str = "config.json";

/// A config larger than this is refused before parsing: a real one is a few KB.
pub const MAX_CONFIG_BYTES: usize = 256 * 1024;

/// Longest organisation name or list label, in characters.
const MAX_NAME_CHARS: usize = 120;
/// Longest contact or guidance text per language, in characters.
const MAX_TEXT_CHARS: usize = 4000;
/// Longest path or URL, in bytes.
const MAX_PATH_BYTES: usize = 512;
/// At most this many sanctions list files.
const MAX_LISTS: usize = 32;

/// WCAG 2.1 AA contrast for normal text: links, buttons and the header use the brand colour.
pub const MIN_CONTRAST: f64 = 4.5;

/// The default page background and brand text colour (see `style/main.css`).
const WHITE: HexColour = HexColour {
    r: 255,
    g: 255,
    b: 255,
};
/// The default brand colour (see `style/main.css`).
const DEFAULT_BRAND: HexColour = HexColour {
    r: 0x1d,
    g: 0x4e,
    b: 0x89,
};

/// A validated host configuration. `HostConfig::default()` is the app as shipped.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct HostConfig {
    /// The hosting organisation, shown in the header next to the app name.
    pub organisation: Option<Organisation>,
    /// A logo image on the host's own site.
    pub logo: Option<SitePath>,
    /// Brand colours, applied as CSS custom properties.
    pub colours: Colours,
    /// How users reach the host.
    pub contact: Option<Contact>,
    /// The language shown until the user picks one (a saved choice wins).
    pub default_language: Option<Lang>,
    /// A ruleset file (compiled by `enduse ruleset compile`, or TOML) that replaces the built-in ruleset.
    pub ruleset: Option<SitePath>,
    /// Sanctions list files offered to the screening page.
    pub sanctions_lists: Vec<SanctionsListFile>,
    /// Extra guidance from the host, shown on the home page.
    pub guidance: Option<LocalizedText>,
    /// Lists published longer ago than this many days are flagged as stale
    /// (`None`: [`crate::screening::DEFAULT_MAX_AGE_DAYS`]).
    pub list_max_age_days: Option<u32>,
    /// The host's registry of member keys and revoked keys (see `trust`).
    #[serde(skip)]
    pub key_registry: Option<crate::trust::KeyRegistry>,
}

/// The hosting organisation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Organisation {
    /// Its name, possibly per language.
    pub name: LocalizedText,
}

/// Brand colours; `None` keeps the stylesheet's value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Colours {
    /// `--brand`: header background, links, primary buttons.
    pub brand: Option<HexColour>,
    /// `--brand-contrast`: text on the brand colour.
    pub brand_contrast: Option<HexColour>,
}

impl Colours {
    /// The CSS custom properties to set on `document.documentElement`.
    pub fn css_properties(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(c) = self.brand {
            out.push(("--brand", c.to_string()));
        }
        if let Some(c) = self.brand_contrast {
            out.push(("--brand-contrast", c.to_string()));
        }
        out
    }
}

/// How users reach the host; at least one of the three is present.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contact {
    /// A contact e-mail address (shown as a `mailto:` link).
    pub email: Option<EmailAddress>,
    /// The host's web site (an `https://` link the user may choose to follow).
    pub url: Option<HttpsUrl>,
    /// Free text such as office hours or a phone number.
    pub text: Option<LocalizedText>,
}

/// One sanctions list file offered by the host: an entry of `config.json`
/// `sanctions_lists[]` or of `lists/index.json` `lists[]` (see [`ListIndex`]).
///
/// Only `file` and `format` are required. The provenance fields (`published`
/// to `sample`) are written by `enduse lists update` (all but `sample`) or by
/// hand. They describe the file as it was written; for what was actually
/// searched, the digest and date the parser computes from the loaded bytes
/// (`screening::ListMeta`) remain the authority.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SanctionsListFile {
    /// The file on the host's site.
    pub file: SitePath,
    /// Its published format.
    pub format: SanctionsListFormat,
    /// What to call it in the interface (defaults to the format's name).
    pub label: Option<String>,
    /// Companion files read together with `file` (OFAC's `alt.csv` and `add.csv`).
    pub companions: Vec<SitePath>,
    /// The publication date the file itself carries (EU `generationDate`, UN
    /// `dateGenerated`, UK `DateGenerated`, the CSL JSON's oldest source date,
    /// the DPL's newest `Last_Update`), `YYYY-MM-DD`. `None` when the file
    /// carries none (OFAC legacy CSV, OpenSanctions simple CSV, CSL CSV) and
    /// nobody stated one: the list's age is then unknown, and `retrieved`
    /// says only when it was fetched, not when it was published.
    pub published: Option<chrono::NaiveDate>,
    /// When `enduse lists update` downloaded the file, in UTC
    /// (`YYYY-MM-DDTHH:MM:SSZ`). A download date, never a publication date.
    pub retrieved: Option<chrono::DateTime<chrono::Utc>>,
    /// SHA-256 of the exact bytes written to `file` (64 lowercase hex digits).
    pub sha256: Option<crate::screening::Sha256Digest>,
    /// How many entries the file parsed to when it was written (at least 1).
    pub entries: Option<u64>,
    /// Where the file was downloaded from, without its query string (which
    /// may hold a publisher's access token). Shown only, never fetched.
    pub source_url: Option<SourceUrl>,
    /// Provenance of each companion file, each naming one of `companions`.
    pub companion_files: Vec<CompanionFile>,
    /// True for the project's own fictitious sample files (`public/lists/`):
    /// screening against them is a test, never a screening.
    pub sample: bool,
}

impl SanctionsListFile {
    /// An entry with only the required fields.
    pub fn new(file: SitePath, format: SanctionsListFormat) -> SanctionsListFile {
        SanctionsListFile {
            file,
            format,
            label: None,
            companions: Vec::new(),
            published: None,
            retrieved: None,
            sha256: None,
            entries: None,
            source_url: None,
            companion_files: Vec::new(),
            sample: false,
        }
    }
}

/// Provenance of a companion file (OFAC `alt.csv`, `add.csv`) of a list:
/// `companion_files[]` beside the plain `companions` paths, which older
/// readers (and the web app's manifest reader) expect to stay strings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompanionFile {
    /// The companion, exactly as it appears in `companions`.
    pub file: SitePath,
    /// `ofac-alt-csv` or `ofac-add-csv`.
    pub format: SanctionsListFormat,
    /// SHA-256 of the exact bytes written (64 lowercase hex digits).
    pub sha256: Option<crate::screening::Sha256Digest>,
    /// How many rows it had when it was attached.
    pub rows: Option<u64>,
    /// Where it was downloaded from, without its query string.
    pub source_url: Option<SourceUrl>,
}

/// The published list formats the screening parsers read.
///
/// The tags are those of `public/lists/index.json` and of
/// `enduse::screening::ListFormat`'s serialisation, so a host can copy entries
/// between the two files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SanctionsListFormat {
    /// OFAC SDN legacy CSV (`sdn.csv`).
    OfacSdnCsv,
    /// OFAC aliases (`alt.csv`).
    OfacAltCsv,
    /// OFAC addresses (`add.csv`).
    OfacAddCsv,
    /// EU consolidated financial sanctions list, XML.
    EuXml,
    /// EU consolidated financial sanctions list, CSV.
    EuCsv,
    /// OpenSanctions `targets.simple.csv`.
    OpenSanctionsCsv,
    /// US Consolidated Screening List, CSV.
    UsCslCsv,
    /// US Consolidated Screening List, JSON.
    UsCslJson,
    /// UN Security Council Consolidated List, XML.
    UnXml,
    /// UK Sanctions List (FCDO), XML.
    UkXml,
    /// BIS Denied Persons List, `dpl.txt`.
    BisDplTxt,
}

impl SanctionsListFormat {
    /// Every format, in documentation order.
    pub const ALL: [SanctionsListFormat; 11] = [
        SanctionsListFormat::OfacSdnCsv,
        SanctionsListFormat::OfacAltCsv,
        SanctionsListFormat::OfacAddCsv,
        SanctionsListFormat::EuXml,
        SanctionsListFormat::EuCsv,
        SanctionsListFormat::OpenSanctionsCsv,
        SanctionsListFormat::UsCslCsv,
        SanctionsListFormat::UsCslJson,
        SanctionsListFormat::UnXml,
        SanctionsListFormat::UkXml,
        SanctionsListFormat::BisDplTxt,
    ];

    /// The tag written in `config.json`.
    pub fn tag(self) -> &'static str {
        match self {
            SanctionsListFormat::OfacSdnCsv => "ofac-sdn-csv",
            SanctionsListFormat::OfacAltCsv => "ofac-alt-csv",
            SanctionsListFormat::OfacAddCsv => "ofac-add-csv",
            SanctionsListFormat::EuXml => "eu-xml",
            SanctionsListFormat::EuCsv => "eu-csv",
            SanctionsListFormat::OpenSanctionsCsv => "open-sanctions-csv",
            SanctionsListFormat::UsCslCsv => "us-csl-csv",
            SanctionsListFormat::UsCslJson => "us-csl-json",
            SanctionsListFormat::UnXml => "un-xml",
            SanctionsListFormat::UkXml => "uk-xml",
            SanctionsListFormat::BisDplTxt => "bis-dpl-txt",
        }
    }

    /// Parses a tag.
    pub fn from_tag(tag: &str) -> Option<SanctionsListFormat> {
        Self::ALL.into_iter().find(|f| f.tag() == tag)
    }
}

impl fmt::Display for SanctionsListFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A text in one or more languages. Missing languages fall back to English,
/// then to whichever language is present.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocalizedText {
    en: Option<String>,
    ru: Option<String>,
    kk: Option<String>,
}

impl LocalizedText {
    /// The same text in every language.
    pub fn same(text: &str) -> LocalizedText {
        LocalizedText {
            en: Some(text.to_string()),
            ru: None,
            kk: None,
        }
    }

    /// The text for `lang`, with fallback; never empty (construction guarantees one language).
    pub fn get(&self, lang: Lang) -> &str {
        let exact = match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
            Lang::Kk => &self.kk,
        };
        exact
            .as_deref()
            .or(self.en.as_deref())
            .or(self.ru.as_deref())
            .or(self.kk.as_deref())
            .unwrap_or_default()
    }
}

/// A path to a file on the host's own site, relative to `index.html`
/// (`rules/association.toml`, `brand/logo.svg`).
///
/// Only plain relative paths are accepted: no scheme (`https:`, `data:`,
/// `javascript:`), no `//host`, no leading `/` (so a copy served under a
/// sub-folder keeps working), no `..`, no query or fragment. The web app can
/// therefore resolve it against its own base URL and is certain to stay on
/// its own origin.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct SitePath(String);

impl SitePath {
    /// Validates a path; the error says what is wrong with it.
    pub fn parse(text: &str) -> Result<SitePath, String> {
        if text.is_empty() {
            return Err("is empty; give a path such as \"rules/association.toml\"".into());
        }
        if text.len() > MAX_PATH_BYTES {
            return Err(format!("is longer than {MAX_PATH_BYTES} bytes"));
        }
        let lower = text.to_ascii_lowercase();
        if text.starts_with("//") || lower.contains("://") || scheme_of(text).is_some() {
            return Err(format!(
                "{text:?} is a URL; only a path on this site, relative to index.html, is allowed \
                 (the app never loads anything from another origin)"
            ));
        }
        if text.starts_with('/') {
            return Err(format!(
                "{text:?} starts with \"/\"; write it relative to index.html, \
                 e.g. {:?}, so the site also works from a sub-folder",
                text.trim_start_matches('/')
            ));
        }
        if let Some(bad) = text
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~' | '/')))
        {
            return Err(format!(
                "{text:?} contains {bad:?}; use only letters a-z, digits, '-', '_', '.', '~' and '/'"
            ));
        }
        for segment in text.split('/') {
            match segment {
                "" => {
                    return Err(format!(
                        "{text:?} has an empty segment (\"//\" or a trailing \"/\")"
                    ));
                }
                "." | ".." => {
                    return Err(format!(
                        "{text:?} contains \"{segment}\"; give the direct path below index.html"
                    ));
                }
                _ => {}
            }
        }
        Ok(SitePath(text.to_string()))
    }

    /// The path as written (relative to `index.html`).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SitePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The scheme of `text` if it starts like `name:` (RFC 3986 scheme syntax).
fn scheme_of(text: &str) -> Option<&str> {
    let (scheme, _) = text.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(scheme)
}

/// A CSS hex colour without alpha (`#1d4e89`, `#fff`), stored as RGB.
///
/// Alpha is refused because contrast against the page cannot be checked for a
/// see-through colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HexColour {
    r: u8,
    g: u8,
    b: u8,
}

impl HexColour {
    /// Parses `#rgb` or `#rrggbb` (either case).
    pub fn parse(text: &str) -> Result<HexColour, String> {
        let Some(digits) = text.strip_prefix('#') else {
            return Err(format!(
                "{text:?} is not a hex colour; write it as \"#rrggbb\", e.g. \"#1d4e89\""
            ));
        };
        if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(format!(
                "{text:?} has a character that is not a hex digit (0-9, a-f)"
            ));
        }
        let nibble = |i: usize| {
            digits
                .get(i..i + 1)
                .and_then(|d| u8::from_str_radix(d, 16).ok())
                .unwrap_or(0)
        };
        match digits.len() {
            3 => Ok(HexColour {
                r: nibble(0) * 17,
                g: nibble(1) * 17,
                b: nibble(2) * 17,
            }),
            6 => Ok(HexColour {
                r: nibble(0) * 16 + nibble(1),
                g: nibble(2) * 16 + nibble(3),
                b: nibble(4) * 16 + nibble(5),
            }),
            4 | 8 => Err(format!(
                "{text:?} has an alpha channel; use an opaque colour (\"#rgb\" or \"#rrggbb\") \
                 so that text contrast can be checked"
            )),
            _ => Err(format!(
                "{text:?} must have 3 or 6 hex digits after \"#\", e.g. \"#1d4e89\""
            )),
        }
    }

    /// WCAG 2.1 relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |v: u8| {
            let c = f64::from(v) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// WCAG 2.1 contrast ratio between two colours (1.0 to 21.0).
    pub fn contrast(self, other: HexColour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (light, dark) = if a >= b { (a, b) } else { (b, a) };
        (light + 0.05) / (dark + 0.05)
    }
}

impl fmt::Display for HexColour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

impl Serialize for HexColour {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// An e-mail address, checked for shape only (it is shown as a `mailto:` link).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct EmailAddress(String);

impl EmailAddress {
    /// Checks `local@domain.tld` shape, no spaces or link-breaking characters.
    pub fn parse(text: &str) -> Result<EmailAddress, String> {
        let shape = || format!("{text:?} is not an e-mail address like \"info@example.org\"");
        if text.len() > 254 || text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(shape());
        }
        if text
            .chars()
            .any(|c| matches!(c, '<' | '>' | '"' | '?' | '&' | '#' | '/' | '\\' | ':'))
        {
            return Err(shape());
        }
        let Some((local, domain)) = text.split_once('@') else {
            return Err(shape());
        };
        let domain_ok = domain.contains('.')
            && !domain.contains('@')
            && domain.split('.').all(|label| !label.is_empty());
        if local.is_empty() || !domain_ok {
            return Err(shape());
        }
        Ok(EmailAddress(text.to_string()))
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `mailto:` link target.
    pub fn mailto(&self) -> String {
        format!("mailto:{}", self.0)
    }
}

/// An `https://` link to the host's web site. This is the one place where the
/// config may name another origin: it is only ever a link the user follows,
/// never something the app loads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct HttpsUrl(String);

impl HttpsUrl {
    /// Accepts `https://host[/path]` without spaces or quotes.
    pub fn parse(text: &str) -> Result<HttpsUrl, String> {
        let Some(rest) = text.strip_prefix("https://") else {
            return Err(format!(
                "{text:?} must start with \"https://\" (other schemes such as javascript: or http: are refused)"
            ));
        };
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if host.is_empty() || host.contains('@') {
            return Err(format!(
                "{text:?} has no valid host name after \"https://\""
            ));
        }
        if text.len() > 2048
            || text
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'))
        {
            return Err(format!(
                "{text:?} contains spaces, quotes or control characters"
            ));
        }
        Ok(HttpsUrl(text.to_string()))
    }

    /// The URL.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where a list file is downloaded from: an `https://` URL, or `http://` on
/// this machine's loopback (`127.0.0.1`, `localhost`, `[::1]`), which only
/// tests use. Plain `http://` to anywhere else is refused: a list fetched
/// in clear text could have been altered on the way.
///
/// The web app never fetches it; `enduse lists update` does, and the index it
/// writes keeps it (without the query) so a reader can see where a file came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct SourceUrl(String);

impl SourceUrl {
    /// Validates a URL; the error says what is wrong with it.
    pub fn parse(text: &str) -> Result<SourceUrl, String> {
        if text.len() > 2048 {
            return Err("is longer than 2048 bytes".into());
        }
        if text.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || !c.is_ascii()
                || matches!(c, '"' | '<' | '>' | '\\' | '`' | '{' | '}' | '|' | '^')
        }) {
            return Err(format!(
                "{text:?} contains spaces, quotes, non-ASCII or control characters; percent-encode them"
            ));
        }
        let lower = text.to_ascii_lowercase();
        let (rest, https) = if let Some(rest) = lower.strip_prefix("https://") {
            (rest, true)
        } else if let Some(rest) = lower.strip_prefix("http://") {
            (rest, false)
        } else {
            return Err(format!("{text:?} must start with \"https://\""));
        };
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if authority.contains('@') {
            return Err(format!(
                "{text:?} has user information before the host; put credentials in a header, not the URL"
            ));
        }
        if rest.contains('#') {
            return Err(format!("{text:?} has a fragment (#...); remove it"));
        }
        let (host, port) =
            split_host_port(authority).ok_or_else(|| format!("{text:?} has no valid host name"))?;
        if let Some(port) = port
            && (!port.chars().all(|c| c.is_ascii_digit())
                || !port.parse::<u16>().is_ok_and(|p| p > 0))
        {
            return Err(format!("{text:?} has an invalid port {port:?}"));
        }
        if !https && !is_loopback_host(host) {
            return Err(format!(
                "{text:?} is plain http; only https:// is allowed (http only to 127.0.0.1 or localhost, for tests)"
            ));
        }
        Ok(SourceUrl(text.to_string()))
    }

    /// The URL as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The URL without its query string: what an index may publish, since a
    /// query can carry a publisher's access token.
    pub fn without_query(&self) -> SourceUrl {
        let end = self.0.find('?').unwrap_or(self.0.len());
        SourceUrl(self.0.get(..end).unwrap_or(&self.0).to_string())
    }

    /// True for `https://` URLs (false: plain http to the loopback).
    pub fn is_https(&self) -> bool {
        self.0
            .get(..8)
            .is_some_and(|p| p.eq_ignore_ascii_case("https://"))
    }
}

impl fmt::Display for SourceUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Splits `host[:port]` or `[v6]:port`; `None` when the host is empty or has
/// characters a host name cannot have.
fn split_host_port(authority: &str) -> Option<(&str, Option<&str>)> {
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (inside, after) = v6.split_once(']')?;
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':')?),
        };
        if inside.is_empty() || !inside.chars().all(|c| c.is_ascii_hexdigit() || c == ':') {
            return None;
        }
        (authority.get(..inside.len() + 2)?, port)
    } else {
        match authority.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    let plain = host.starts_with('[')
        || host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'));
    (!host.is_empty() && plain).then_some((host, port))
}

fn is_loopback_host(host: &str) -> bool {
    matches!(host, "127.0.0.1" | "localhost" | "[::1]")
}

/// One thing wrong with a config file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Where, as a JSON path: `colours.brand`, `sanctions_lists[0].file`.
    pub field: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.field, self.message)
        }
    }
}

/// Why a config file was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ConfigError {
    /// Larger than [`MAX_CONFIG_BYTES`].
    #[error("config.json is {bytes} bytes; the limit is {limit} bytes")]
    TooLarge {
        /// Size of the file.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// Not JSON.
    #[error("config.json is not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// JSON that the strict reader refuses: a duplicate name, an unsafe
    /// integer, too deep, too many values (see [`crate::strict_json`]).
    #[error("config.json is refused: {0}")]
    Refused(JsonError),
    /// JSON, but with wrong or unknown fields.
    #[error("config.json has {} problem(s):\n{}", .0.len(), list(.0))]
    Invalid(Vec<Problem>),
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  - {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

impl ConfigError {
    /// Every problem as a line of text, for a list on the page or on stderr.
    pub fn problems(&self) -> Vec<String> {
        match self {
            ConfigError::Invalid(problems) => problems.iter().map(ToString::to_string).collect(),
            other => vec![other.to_string()],
        }
    }
}

impl HostConfig {
    /// Parses and validates a `config.json` text, reporting every problem found.
    pub fn from_json(text: &str) -> Result<HostConfig, ConfigError> {
        if text.len() > MAX_CONFIG_BYTES {
            return Err(ConfigError::TooLarge {
                bytes: text.len(),
                limit: MAX_CONFIG_BYTES,
            });
        }
        let value: Value = strict_json::parse_str(text, &CONFIG_BOUNDS).map_err(|e| match e {
            JsonError::Syntax {
                line,
                column,
                message,
            } => ConfigError::Syntax {
                line,
                column,
                message,
            },
            JsonError::Empty => ConfigError::Syntax {
                line: 1,
                column: 0,
                message: "the file is empty".into(),
            },
            JsonError::TooLarge { size, limit } => ConfigError::TooLarge { bytes: size, limit },
            other => ConfigError::Refused(other),
        })?;
        let mut v = Validator::default();
        let config = v.config(&value);
        if v.problems.is_empty() {
            Ok(config)
        } else {
            Err(ConfigError::Invalid(v.problems))
        }
    }

    /// The age from which a loaded list is flagged as stale.
    pub fn max_list_age_days(&self) -> u32 {
        self.list_max_age_days
            .unwrap_or(crate::screening::DEFAULT_MAX_AGE_DAYS)
    }

    /// The organisation's name in `lang`, if configured.
    pub fn organisation_name(&self, lang: Lang) -> Option<&str> {
        self.organisation.as_ref().map(|o| o.name.get(lang))
    }
}

/// The list manifest the web app reads when the host names no lists:
/// `lists/index.json`, written by `enduse lists update` or by hand.
///
/// `{ "note"?: text, "lists": [ entry, … ] }`, each entry the same as a
/// `config.json` `sanctions_lists[]` entry (see [`SanctionsListFile`]), its
/// paths relative to the `lists/` folder. Unknown fields are errors.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListIndex {
    /// A note for whoever opens the file (what the lists are, who wrote it).
    pub note: Option<String>,
    /// The lists, in the order they are offered.
    pub lists: Vec<SanctionsListFile>,
}

/// The manifest's path relative to `index.html`.
pub const LIST_INDEX_FILE: &str = "lists/index.json";

/// A manifest larger than this is refused before parsing (32 entries with
/// every field are a few tens of KB).
pub const MAX_LIST_INDEX_BYTES: usize = 256 * 1024;

/// Why a `lists/index.json` was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ListIndexError {
    /// Not JSON, too large, or JSON the strict reader refuses.
    #[error("lists/index.json is refused: {0}")]
    Refused(JsonError),
    /// JSON, but with wrong or unknown fields.
    #[error("lists/index.json has {} problem(s):\n{}", .0.len(), list(.0))]
    Invalid(Vec<Problem>),
}

impl ListIndexError {
    /// Every problem as a line of text.
    pub fn problems(&self) -> Vec<String> {
        match self {
            ListIndexError::Invalid(problems) => problems.iter().map(ToString::to_string).collect(),
            other => vec![other.to_string()],
        }
    }
}

impl ListIndex {
    /// Parses and validates a `lists/index.json` text, reporting every problem found.
    pub fn from_json(text: &str) -> Result<ListIndex, ListIndexError> {
        let bounds = Bounds {
            max_bytes: MAX_LIST_INDEX_BYTES,
            ..CONFIG_BOUNDS
        };
        let value = strict_json::parse_str(text, &bounds).map_err(ListIndexError::Refused)?;
        let mut v = Validator::default();
        let index = v.list_index(&value);
        if v.problems.is_empty() {
            Ok(index)
        } else {
            Err(ListIndexError::Invalid(v.problems))
        }
    }

    /// The file's text: pretty JSON that [`ListIndex::from_json`] reads back
    /// to an equal value. Absent fields are left out, never written as null.
    pub fn to_json(&self) -> String {
        let out = IndexOut {
            note: self.note.as_deref(),
            lists: self.lists.iter().map(EntryOut::of).collect(),
        };
        let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// The written form of [`ListIndex`]: field order fixed, absent fields omitted.
#[derive(Serialize)]
struct IndexOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    lists: Vec<EntryOut<'a>>,
}

#[derive(Serialize)]
struct EntryOut<'a> {
    file: &'a SitePath,
    format: SanctionsListFormat,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    companions: &'a [SitePath],
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    retrieved: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sha256: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entries: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_url: Option<&'a SourceUrl>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    companion_files: Vec<CompanionOut<'a>>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    sample: bool,
}

#[derive(Serialize)]
struct CompanionOut<'a> {
    file: &'a SitePath,
    format: SanctionsListFormat,
    #[serde(skip_serializing_if = "Option::is_none")]
    sha256: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rows: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_url: Option<&'a SourceUrl>,
}

impl<'a> EntryOut<'a> {
    fn of(l: &'a SanctionsListFile) -> EntryOut<'a> {
        EntryOut {
            file: &l.file,
            format: l.format,
            label: l.label.as_deref(),
            companions: &l.companions,
            published: l.published.map(|d| d.format("%Y-%m-%d").to_string()),
            retrieved: l.retrieved.map(format_utc_time),
            sha256: l.sha256.map(|d| d.to_hex()),
            entries: l.entries,
            source_url: l.source_url.as_ref(),
            companion_files: l
                .companion_files
                .iter()
                .map(|c| CompanionOut {
                    file: &c.file,
                    format: c.format,
                    sha256: c.sha256.map(|d| d.to_hex()),
                    rows: c.rows,
                    source_url: c.source_url.as_ref(),
                })
                .collect(),
            sample: l.sample,
        }
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ`, the one form [`parse_utc_time`] reads.
pub fn format_utc_time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// How `config.json` is read: one reading (duplicate names refused), text a
/// host typed normalised to NFC, bounded well above any real file.
const CONFIG_BOUNDS: Bounds = Bounds {
    max_bytes: MAX_CONFIG_BYTES,
    max_depth: 16,
    max_key_bytes: 128,
    max_values: 20_000,
    strings: Strings::Normalise,
};

/// Walks the JSON value, building the config and collecting problems.
#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
}

impl Validator {
    fn problem(&mut self, field: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            field: field.to_string(),
            message: message.into(),
        });
    }

    /// The object at `field`, with unknown keys reported; `None` if not an object.
    fn object<'a>(
        &mut self,
        field: &str,
        value: &'a Value,
        known: &[&str],
    ) -> Option<&'a Map<String, Value>> {
        let Some(map) = value.as_object() else {
            self.problem(
                field,
                format!("must be an object {{ ... }}, found {}", kind(value)),
            );
            return None;
        };
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                let at = join(field, key);
                self.problem(
                    &at,
                    format!("unknown field; expected one of: {}", known.join(", ")),
                );
            }
        }
        Some(map)
    }

    fn string<'a>(&mut self, field: &str, value: &'a Value) -> Option<&'a str> {
        match value.as_str() {
            Some(s) => Some(s),
            None => {
                self.problem(field, format!("must be a string, found {}", kind(value)));
                None
            }
        }
    }

    fn parsed<T>(
        &mut self,
        field: &str,
        value: &Value,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Option<T> {
        let text = self.string(field, value)?;
        match parse(text) {
            Ok(v) => Some(v),
            Err(message) => {
                self.problem(field, message);
                None
            }
        }
    }

    fn config(&mut self, value: &Value) -> HostConfig {
        let mut config = HostConfig::default();
        let known = [
            "$comment",
            "organisation",
            "logo",
            "colours",
            "contact",
            "default_language",
            "ruleset",
            "sanctions_lists",
            "guidance",
            "list_max_age_days",
            "key_registry",
        ];
        let Some(map) = self.object("", value, &known) else {
            return config;
        };
        for (key, value) in map {
            let field = key.as_str();
            match field {
                "$comment" => {}
                "organisation" => config.organisation = self.organisation(field, value),
                "logo" => config.logo = self.parsed(field, value, SitePath::parse),
                "colours" => config.colours = self.colours(field, value),
                "contact" => config.contact = self.contact(field, value),
                "default_language" => {
                    config.default_language = self.parsed(field, value, |tag| match tag {
                        "en" => Ok(Lang::En),
                        "ru" => Ok(Lang::Ru),
                        "kk" => Ok(Lang::Kk),
                        _ => Err(format!("{tag:?} is not one of \"en\", \"ru\", \"kk\"")),
                    })
                }
                "ruleset" => config.ruleset = self.parsed(field, value, SitePath::parse),
                "sanctions_lists" => config.sanctions_lists = self.lists(field, value),
                "guidance" => config.guidance = self.text(field, value, MAX_TEXT_CHARS),
                "list_max_age_days" => match value.as_u64().and_then(|d| u32::try_from(d).ok()) {
                    Some(days) if (1..=366).contains(&days) => {
                        config.list_max_age_days = Some(days)
                    }
                    _ => self.problem(field, "must be a whole number of days from 1 to 366"),
                },
                "key_registry" => match crate::trust::KeyRegistry::from_value(field, value) {
                    Ok(registry) => config.key_registry = Some(registry),
                    Err(problems) => {
                        for (at, message) in problems {
                            self.problem(&at, message);
                        }
                    }
                },
                _ => {} // reported by `object`
            }
        }
        config
    }

    fn list_index(&mut self, value: &Value) -> ListIndex {
        let mut index = ListIndex {
            note: None,
            lists: Vec::new(),
        };
        let Some(map) = self.object("", value, &["$comment", "note", "lists"]) else {
            return index;
        };
        index.note = map
            .get("note")
            .and_then(|v| self.parsed("note", v, |s| plain_text(s, MAX_TEXT_CHARS)));
        match map.get("lists") {
            Some(v) => index.lists = self.lists("lists", v),
            None => self.problem("", "needs \"lists\": [ ... ]"),
        }
        for (i, l) in index.lists.iter().enumerate() {
            if index
                .lists
                .iter()
                .take(i)
                .any(|earlier| earlier.file == l.file)
            {
                self.problems.push(Problem {
                    field: format!("lists[{i}].file"),
                    message: format!("{} is listed twice", l.file),
                });
            }
        }
        index
    }

    fn organisation(&mut self, field: &str, value: &Value) -> Option<Organisation> {
        let map = self.object(field, value, &["name"])?;
        let Some(name) = map.get("name") else {
            self.problem(field, "needs a \"name\"");
            return None;
        };
        let name = self.text(&join(field, "name"), name, MAX_NAME_CHARS)?;
        Some(Organisation { name })
    }

    fn colours(&mut self, field: &str, value: &Value) -> Colours {
        let mut colours = Colours::default();
        let Some(map) = self.object(field, value, &["brand", "brand_contrast"]) else {
            return colours;
        };
        if let Some(v) = map.get("brand") {
            colours.brand = self.parsed(&join(field, "brand"), v, HexColour::parse);
        }
        if let Some(v) = map.get("brand_contrast") {
            colours.brand_contrast =
                self.parsed(&join(field, "brand_contrast"), v, HexColour::parse);
        }
        if colours.brand.is_none() && colours.brand_contrast.is_none() {
            return colours;
        }
        // The brand colour is text on white (links, outline buttons) and the
        // background of brand_contrast text (header, primary buttons).
        let brand = colours.brand.unwrap_or(DEFAULT_BRAND);
        let on_brand = colours.brand_contrast.unwrap_or(WHITE);
        let on_white = brand.contrast(WHITE);
        if colours.brand.is_some() && on_white < MIN_CONTRAST {
            self.problem(
                &join(field, "brand"),
                format!(
                    "{brand} has a contrast of {on_white:.1}:1 against the white page; links \
                     and buttons need at least {MIN_CONTRAST}:1 (WCAG AA): choose a darker colour"
                ),
            );
        }
        let pair = brand.contrast(on_brand);
        if pair < MIN_CONTRAST {
            self.problem(
                &join(field, "brand_contrast"),
                format!(
                    "text colour {on_brand} on brand colour {brand} has a contrast of {pair:.1}:1; \
                     at least {MIN_CONTRAST}:1 is needed (WCAG AA)"
                ),
            );
        }
        colours
    }

    fn contact(&mut self, field: &str, value: &Value) -> Option<Contact> {
        let map = self.object(field, value, &["email", "url", "text"])?;
        let email = map
            .get("email")
            .and_then(|v| self.parsed(&join(field, "email"), v, EmailAddress::parse));
        let url = map
            .get("url")
            .and_then(|v| self.parsed(&join(field, "url"), v, HttpsUrl::parse));
        let text = map
            .get("text")
            .and_then(|v| self.text(&join(field, "text"), v, MAX_TEXT_CHARS));
        if !map.contains_key("email") && !map.contains_key("url") && !map.contains_key("text") {
            self.problem(field, "needs at least one of \"email\", \"url\", \"text\"");
            return None;
        }
        Some(Contact { email, url, text })
    }

    fn lists(&mut self, field: &str, value: &Value) -> Vec<SanctionsListFile> {
        let Some(items) = value.as_array() else {
            self.problem(
                field,
                format!("must be a list [ ... ], found {}", kind(value)),
            );
            return Vec::new();
        };
        if items.len() > MAX_LISTS {
            self.problem(
                field,
                format!(
                    "has {} entries; at most {MAX_LISTS} are allowed",
                    items.len()
                ),
            );
            return Vec::new();
        }
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let at = format!("{field}[{i}]");
            if let Some(list) = self.list(&at, item) {
                out.push(list);
            }
        }
        out
    }

    fn list(&mut self, field: &str, value: &Value) -> Option<SanctionsListFile> {
        let known = [
            "file",
            "format",
            "label",
            "companions",
            "published",
            "retrieved",
            "sha256",
            "entries",
            "source_url",
            "companion_files",
            "sample",
        ];
        let map = self.object(field, value, &known)?;
        let file = match map.get("file") {
            Some(v) => self.parsed(&join(field, "file"), v, SitePath::parse),
            None => {
                self.problem(field, "needs a \"file\" (a path relative to index.html)");
                None
            }
        };
        let format = match map.get("format") {
            Some(v) => self.parsed(&join(field, "format"), v, parse_format),
            None => {
                self.problem(field, "needs a \"format\"");
                None
            }
        };
        let label = map
            .get("label")
            .and_then(|v| self.parsed(&join(field, "label"), v, |s| plain_text(s, MAX_NAME_CHARS)));
        let mut companions = Vec::new();
        if let Some(v) = map.get("companions") {
            let at = join(field, "companions");
            match v.as_array() {
                Some(items) => {
                    for (i, item) in items.iter().enumerate() {
                        if let Some(p) = self.parsed(&format!("{at}[{i}]"), item, SitePath::parse) {
                            companions.push(p);
                        }
                    }
                }
                None => self.problem(&at, format!("must be a list of paths, found {}", kind(v))),
            }
        }
        let mut entry = SanctionsListFile::new(file?, format?);
        entry.label = label;
        entry.published = map
            .get("published")
            .and_then(|v| self.parsed(&join(field, "published"), v, parse_date));
        entry.retrieved = map
            .get("retrieved")
            .and_then(|v| self.parsed(&join(field, "retrieved"), v, parse_utc_time));
        entry.sha256 = map
            .get("sha256")
            .and_then(|v| self.parsed(&join(field, "sha256"), v, parse_sha256));
        entry.entries = map
            .get("entries")
            .and_then(|v| self.count(&join(field, "entries"), v));
        entry.source_url = map
            .get("source_url")
            .and_then(|v| self.parsed(&join(field, "source_url"), v, SourceUrl::parse));
        if let Some(v) = map.get("companion_files") {
            entry.companion_files =
                self.companion_files(&join(field, "companion_files"), v, &companions);
        }
        if let Some(v) = map.get("sample") {
            match v.as_bool() {
                Some(b) => entry.sample = b,
                None => self.problem(
                    &join(field, "sample"),
                    format!("must be true or false, found {}", kind(v)),
                ),
            }
        }
        entry.companions = companions;
        Some(entry)
    }

    /// A whole number from 1 to 2^53 − 1 (a count of entries or rows).
    fn count(&mut self, field: &str, value: &Value) -> Option<u64> {
        match value.as_u64() {
            Some(n) if (1..=strict_json::MAX_SAFE_INTEGER).contains(&n) => Some(n),
            _ => {
                self.problem(
                    field,
                    format!(
                        "must be a whole number of at least 1, found {}",
                        kind(value)
                    ),
                );
                None
            }
        }
    }

    fn companion_files(
        &mut self,
        field: &str,
        value: &Value,
        companions: &[SitePath],
    ) -> Vec<CompanionFile> {
        let Some(items) = value.as_array() else {
            self.problem(
                field,
                format!("must be a list [ ... ], found {}", kind(value)),
            );
            return Vec::new();
        };
        let mut out: Vec<CompanionFile> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let at = format!("{field}[{i}]");
            let known = ["file", "format", "sha256", "rows", "source_url"];
            let Some(map) = self.object(&at, item, &known) else {
                continue;
            };
            let file = match map.get("file") {
                Some(v) => self.parsed(&join(&at, "file"), v, SitePath::parse),
                None => {
                    self.problem(&at, "needs a \"file\" (one of the list's \"companions\")");
                    None
                }
            };
            let format = match map.get("format") {
                Some(v) => self.parsed(&join(&at, "format"), v, |tag| {
                    match parse_format(tag)? {
                        f @ (SanctionsListFormat::OfacAltCsv | SanctionsListFormat::OfacAddCsv) => Ok(f),
                        other => Err(format!(
                            "{other} is not a companion format; expected \"ofac-alt-csv\" or \"ofac-add-csv\""
                        )),
                    }
                }),
                None => {
                    self.problem(&at, "needs a \"format\" (\"ofac-alt-csv\" or \"ofac-add-csv\")");
                    None
                }
            };
            let sha256 = map
                .get("sha256")
                .and_then(|v| self.parsed(&join(&at, "sha256"), v, parse_sha256));
            let rows = map
                .get("rows")
                .and_then(|v| self.count(&join(&at, "rows"), v));
            let source_url = map
                .get("source_url")
                .and_then(|v| self.parsed(&join(&at, "source_url"), v, SourceUrl::parse));
            let (Some(file), Some(format)) = (file, format) else {
                continue;
            };
            if !companions.contains(&file) {
                self.problem(
                    &join(&at, "file"),
                    format!("{file} is not one of the list's \"companions\""),
                );
                continue;
            }
            if out.iter().any(|c| c.file == file) {
                self.problem(&join(&at, "file"), format!("{file} is described twice"));
                continue;
            }
            out.push(CompanionFile {
                file,
                format,
                sha256,
                rows,
                source_url,
            });
        }
        out
    }

    /// A string (the same in every language) or `{ "en": ..., "ru": ..., "kk": ... }`.
    fn text(&mut self, field: &str, value: &Value, max_chars: usize) -> Option<LocalizedText> {
        if let Some(s) = value.as_str() {
            return match plain_text(s, max_chars) {
                Ok(s) => Some(LocalizedText::same(&s)),
                Err(message) => {
                    self.problem(field, message);
                    None
                }
            };
        }
        if !value.is_object() {
            self.problem(
                field,
                format!(
                    "must be a string or an object {{ \"en\": ..., \"ru\": ..., \"kk\": ... }}, found {}",
                    kind(value)
                ),
            );
            return None;
        }
        let map = self.object(field, value, &["en", "ru", "kk"])?;
        let mut get = |lang: &str| {
            map.get(lang)
                .and_then(|v| self.parsed(&join(field, lang), v, |s| plain_text(s, max_chars)))
        };
        let text = LocalizedText {
            en: get("en"),
            ru: get("ru"),
            kk: get("kk"),
        };
        if text.en.is_none() && text.ru.is_none() && text.kk.is_none() {
            if map.is_empty() {
                self.problem(field, "needs at least one of \"en\", \"ru\", \"kk\"");
            }
            return None;
        }
        Some(text)
    }
}

/// A format tag of `config.json` / `lists/index.json`.
fn parse_format(tag: &str) -> Result<SanctionsListFormat, String> {
    SanctionsListFormat::from_tag(tag).ok_or_else(|| {
        let all: Vec<&str> = SanctionsListFormat::ALL.iter().map(|f| f.tag()).collect();
        format!(
            "{tag:?} is not a known format; expected one of: {}",
            all.join(", ")
        )
    })
}

/// A calendar date written `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    let shape = text.len() == 10
        && text.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    shape
        .then(|| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| format!("{text:?} is not a date written YYYY-MM-DD, e.g. \"2026-12-01\""))
}

/// A UTC time written `YYYY-MM-DDTHH:MM:SSZ` (RFC 3339, offset zero, no fraction).
pub fn parse_utc_time(text: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    let bad = || {
        format!(
            "{text:?} is not a UTC time written YYYY-MM-DDTHH:MM:SSZ, e.g. \"2026-12-01T05:00:00Z\""
        )
    };
    if text.len() != 20 || !text.ends_with('Z') || text.as_bytes().get(10) != Some(&b'T') {
        return Err(bad());
    }
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|_| bad())
}

/// A SHA-256 digest written as 64 lowercase hex digits (as `sha256sum` prints it).
pub fn parse_sha256(text: &str) -> Result<crate::screening::Sha256Digest, String> {
    crate::screening::Sha256Digest::from_hex(text).ok_or_else(|| {
        format!("{text:?} is not a SHA-256 digest: 64 lowercase hex digits (0-9, a-f)")
    })
}

/// Trims and checks a display text: non-empty, bounded, no control characters
/// other than line breaks. It is always shown as text, never as HTML.
fn plain_text(s: &str, max_chars: usize) -> Result<String, String> {
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return Err("is empty".into());
    }
    let chars = trimmed.chars().count();
    if chars > max_chars {
        return Err(format!(
            "is {chars} characters long; the limit is {max_chars}"
        ));
    }
    if trimmed.chars().any(|c| c.is_control() && c != '\n') {
        return Err("contains control characters".into());
    }
    Ok(trimmed.to_string())
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_object_is_the_default() {
        assert_eq!(HostConfig::from_json("{}"), Ok(HostConfig::default()));
    }

    #[test]
    fn site_paths() {
        for ok in ["config/rules.toml", "logo.svg", "a/b-c_d.~e"] {
            assert!(SitePath::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "https://evil.example/x.toml",
            "//evil.example/x",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/plain,hi",
            "/rules.toml",
            "../secret",
            "a/../b",
            "a//b",
            "a/",
            "a b",
            "a?x=1",
            "a#f",
            "a\\b",
            "réglès.toml",
        ] {
            assert!(SitePath::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn colours_parse_and_print() {
        assert_eq!(
            HexColour::parse("#FFF").map(|c| c.to_string()),
            Ok("#ffffff".into())
        );
        assert_eq!(
            HexColour::parse("#1D4e89").map(|c| c.to_string()),
            Ok("#1d4e89".into())
        );
        for bad in [
            "1d4e89",
            "#12",
            "#12345",
            "#1234567",
            "#ggg",
            "#1d4e89ff",
            "red",
            "#",
            "",
        ] {
            assert!(HexColour::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn contrast_matches_wcag_examples() {
        let black = HexColour { r: 0, g: 0, b: 0 };
        assert!((black.contrast(WHITE) - 21.0).abs() < 1e-9);
        assert!((WHITE.contrast(WHITE) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic just-passing grey (4.54:1).
        let grey = HexColour {
            r: 0x76,
            g: 0x76,
            b: 0x76,
        };
        assert!((grey.contrast(WHITE) - 4.54).abs() < 0.01);
        assert!(DEFAULT_BRAND.contrast(WHITE) >= MIN_CONTRAST);
    }

    #[test]
    fn localized_text_falls_back() {
        let t = LocalizedText {
            en: None,
            ru: Some("Привет".into()),
            kk: None,
        };
        assert_eq!(t.get(Lang::En), "Привет");
        assert_eq!(t.get(Lang::Kk), "Привет");
        assert_eq!(LocalizedText::same("x").get(Lang::Ru), "x");
    }

    #[test]
    fn the_shipped_list_index_is_valid_and_all_samples() {
        let index = ListIndex::from_json(include_str!("../public/lists/index.json"))
            .expect("public/lists/index.json is valid");
        assert!(!index.lists.is_empty());
        for list in &index.lists {
            assert!(list.sample, "{} is marked as a sample", list.file);
        }
        assert_eq!(
            index.lists[0]
                .companions
                .iter()
                .map(SitePath::as_str)
                .collect::<Vec<_>>(),
            ["sample-alt.csv", "sample-add.csv"]
        );
    }

    fn full_entry() -> SanctionsListFile {
        let digest = crate::screening::Sha256Digest::of(b"sdn");
        let mut entry = SanctionsListFile::new(
            SitePath::parse("sdn.csv").expect("path"),
            SanctionsListFormat::OfacSdnCsv,
        );
        entry.label = Some("OFAC SDN".into());
        entry.companions = vec![SitePath::parse("alt.csv").expect("path")];
        entry.published = chrono::NaiveDate::from_ymd_opt(2026, 11, 30);
        entry.retrieved = parse_utc_time("2026-12-01T05:00:07Z").ok();
        entry.sha256 = Some(digest);
        entry.entries = Some(14965);
        entry.source_url = SourceUrl::parse("https://example.org/SDN.CSV").ok();
        entry.companion_files = vec![CompanionFile {
            file: SitePath::parse("alt.csv").expect("path"),
            format: SanctionsListFormat::OfacAltCsv,
            sha256: Some(crate::screening::Sha256Digest::of(b"alt")),
            rows: Some(12),
            source_url: SourceUrl::parse("https://example.org/ALT.CSV").ok(),
        }];
        entry
    }

    #[test]
    fn a_written_index_reads_back_equal() {
        let index = ListIndex {
            note: Some("written by a test".into()),
            lists: vec![
                full_entry(),
                SanctionsListFile::new(
                    SitePath::parse("un.xml").expect("path"),
                    SanctionsListFormat::UnXml,
                ),
            ],
        };
        let text = index.to_json();
        assert!(!text.contains("null"), "{text}");
        assert!(
            text.contains("\"retrieved\": \"2026-12-01T05:00:07Z\""),
            "{text}"
        );
        assert_eq!(ListIndex::from_json(&text), Ok(index));
    }

    fn index_problems(list: &str) -> Vec<String> {
        let text = format!("{{ \"lists\": [ {list} ] }}");
        match ListIndex::from_json(&text) {
            Ok(index) => panic!("expected problems, got {index:?}"),
            Err(e) => e.problems(),
        }
    }

    fn assert_index_problem(list: &str, field: &str, needle: &str) {
        let found = index_problems(list);
        assert!(
            found
                .iter()
                .any(|p| p.starts_with(&format!("{field}:")) && p.contains(needle)),
            "expected a problem at {field} mentioning {needle:?}, got {found:#?}"
        );
    }

    #[test]
    fn provenance_fields_are_validated() {
        let base = r#""file": "sdn.csv", "format": "ofac-sdn-csv""#;
        let cases = [
            (
                r#""published": "2026-13-01""#,
                "lists[0].published",
                "YYYY-MM-DD",
            ),
            (
                r#""published": "01/12/2026""#,
                "lists[0].published",
                "YYYY-MM-DD",
            ),
            (r#""published": 20261201"#, "lists[0].published", "string"),
            (
                r#""retrieved": "2026-12-01T05:00:00+01:00""#,
                "lists[0].retrieved",
                "UTC",
            ),
            (r#""retrieved": "2026-12-01""#, "lists[0].retrieved", "UTC"),
            (
                r#""retrieved": "2026-12-01T05:00:00.5Z""#,
                "lists[0].retrieved",
                "UTC",
            ),
            (
                r#""sha256": "ABCDEF""#,
                "lists[0].sha256",
                "64 lowercase hex",
            ),
            (
                r#""sha256": "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855""#,
                "lists[0].sha256",
                "64 lowercase hex",
            ),
            (r#""entries": 0"#, "lists[0].entries", "at least 1"),
            (r#""entries": "12""#, "lists[0].entries", "at least 1"),
            (
                r#""source_url": "http://example.org/sdn.csv""#,
                "lists[0].source_url",
                "plain http",
            ),
            (
                r#""source_url": "ftp://example.org/sdn.csv""#,
                "lists[0].source_url",
                "https://",
            ),
            (r#""sample": "yes""#, "lists[0].sample", "true or false"),
            (
                r#""published_on": "2026-12-01""#,
                "lists[0].published_on",
                "unknown field",
            ),
            (
                r#""companions": ["alt.csv"], "companion_files": [{"file": "add.csv", "format": "ofac-add-csv"}]"#,
                "lists[0].companion_files[0].file",
                "not one of the list's",
            ),
            (
                r#""companions": ["alt.csv"], "companion_files": [{"file": "alt.csv", "format": "eu-xml"}]"#,
                "lists[0].companion_files[0].format",
                "not a companion format",
            ),
            (
                r#""companions": ["alt.csv"], "companion_files": [{"file": "alt.csv", "format": "ofac-alt-csv", "size": 3}]"#,
                "lists[0].companion_files[0].size",
                "unknown field",
            ),
        ];
        for (extra, field, needle) in cases {
            assert_index_problem(&format!("{{ {base}, {extra} }}"), field, needle);
        }
        assert_index_problem(
            &format!("{{ {base} }}, {{ {base} }}"),
            "lists[1].file",
            "listed twice",
        );
    }

    #[test]
    fn config_json_lists_take_the_same_fields() {
        let config = HostConfig::from_json(
            r#"{ "sanctions_lists": [ { "file": "lists/un.xml", "format": "un-xml",
                 "published": "2026-11-30", "retrieved": "2026-12-01T05:00:00Z",
                 "entries": 1003, "sample": false } ] }"#,
        )
        .expect("valid");
        let list = &config.sanctions_lists[0];
        assert_eq!(
            list.published,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 30)
        );
        assert_eq!(list.entries, Some(1003));
        assert!(!list.sample);
    }

    #[test]
    fn source_urls() {
        for ok in [
            "https://example.org/a.csv",
            "https://example.org:8443/a/b.xml?token=dG9rZW4tMjAxNw",
            "HTTPS://Example.ORG/x",
            "http://127.0.0.1:8080/sdn.csv",
            "http://localhost/x",
            "http://[::1]:9/x",
        ] {
            assert!(SourceUrl::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "http://example.org/a.csv",
            "http://127.0.0.2/a.csv",
            "http://127.0.0.1.example.org/a",
            "https://user:pw@example.org/a",
            "https:///a",
            "https://exa mple.org/a",
            "https://example.org/a#frag",
            "https://example.org:99999/a",
            "https://example.org:/a",
            "https://ex\u{e4}mple.org/a",
            "javascript:alert(1)",
            "//example.org/a",
        ] {
            assert!(SourceUrl::parse(bad).is_err(), "{bad}");
        }
        let url = SourceUrl::parse("https://example.org/f/content?token=secret").expect("url");
        assert_eq!(
            url.without_query().as_str(),
            "https://example.org/f/content"
        );
        assert!(url.is_https());
    }

    #[test]
    fn scheme_detection() {
        assert_eq!(scheme_of("javascript:x"), Some("javascript"));
        assert_eq!(scheme_of("a/b:c"), None);
        assert_eq!(scheme_of(":x"), None);
    }
}
