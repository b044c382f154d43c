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

/// One sanctions list file offered by the host.
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
        let map = self.object(field, value, &["file", "format", "label", "companions"])?;
        let file = match map.get("file") {
            Some(v) => self.parsed(&join(field, "file"), v, SitePath::parse),
            None => {
                self.problem(field, "needs a \"file\" (a path relative to index.html)");
                None
            }
        };
        let format = match map.get("format") {
            Some(v) => self.parsed(&join(field, "format"), v, |tag| {
                SanctionsListFormat::from_tag(tag).ok_or_else(|| {
                    let all: Vec<&str> = SanctionsListFormat::ALL.iter().map(|f| f.tag()).collect();
                    format!(
                        "{tag:?} is not a known format; expected one of: {}",
                        all.join(", ")
                    )
                })
            }),
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
        Some(SanctionsListFile {
            file: file?,
            format: format?,
            label,
            companions,
        })
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
    fn scheme_detection() {
        assert_eq!(scheme_of("javascript:x"), Some("javascript"));
        assert_eq!(scheme_of("a/b:c"), None);
        assert_eq!(scheme_of(":x"), None);
    }
}
