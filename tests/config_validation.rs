//! Host configuration: what a trade association may and may not put in config.json.

use enduse::config::{ConfigError, HostConfig, SanctionsListFormat};
use enduse::lang::Lang;
use proptest::prelude::*;

fn problems(json: &str) -> Vec<String> {
    match HostConfig::from_json(json) {
        Ok(config) => panic!("expected problems, got {config:?}"),
        Err(e) => e.problems(),
    }
}

fn assert_problem(json: &str, field: &str, needle: &str) {
    let found = problems(json);
    assert!(
        found
            .iter()
            .any(|p| p.starts_with(&format!("{field}:")) && p.contains(needle)),
        "expected a problem at {field} mentioning {needle:?}, got {found:#?}"
    );
}

#[test]
fn the_shipped_example_is_valid_and_complete() {
    let text = include_str!("../public/config.example.json");
    let config = HostConfig::from_json(text).expect("example config is valid");
    assert_eq!(
        config.organisation_name(Lang::Ru),
        Some("Ассоциация экспортёров (пример)")
    );
    assert_eq!(config.default_language, Some(Lang::Ru));
    assert_eq!(
        config.logo.as_ref().map(|p| p.as_str()),
        Some("brand/logo.svg")
    );
    assert_eq!(
        config.ruleset.as_ref().map(|p| p.as_str()),
        Some("rules/association.toml")
    );
    assert_eq!(
        config.colours.css_properties(),
        vec![
            ("--brand", "#0b5a43".to_string()),
            ("--brand-contrast", "#ffffff".to_string())
        ]
    );
    let contact = config.contact.as_ref().expect("contact");
    assert_eq!(
        contact.email.as_ref().map(|e| e.mailto()),
        Some("mailto:compliance@example.org".into())
    );
    assert_eq!(config.sanctions_lists.len(), 2);
    assert_eq!(
        config.sanctions_lists[0].format,
        SanctionsListFormat::OfacSdnCsv
    );
    assert_eq!(config.sanctions_lists[0].companions.len(), 2);
    assert!(
        config
            .guidance
            .as_ref()
            .is_some_and(|g| g.get(Lang::Kk).contains("бес жыл"))
    );
}

#[test]
fn plain_strings_apply_to_every_language() {
    let config = HostConfig::from_json(r##"{"organisation": {"name": "  ACME Exporters  "}}"##)
        .expect("valid");
    for lang in Lang::ALL {
        assert_eq!(config.organisation_name(lang), Some("ACME Exporters"));
    }
}

#[test]
fn unknown_fields_are_named_with_their_path() {
    assert_problem(r##"{"colour": {}}"##, "colour", "unknown field");
    assert_problem(
        r##"{"colours": {"primary": "#000000"}}"##,
        "colours.primary",
        "brand_contrast",
    );
    assert_problem(
        r##"{"sanctions_lists": [{"file": "a.csv", "format": "eu-xml", "url": "x"}]}"##,
        "sanctions_lists[0].url",
        "unknown field",
    );
    assert_problem(
        r##"{"guidance": {"de": "Hallo"}}"##,
        "guidance.de",
        "unknown field",
    );
}

#[test]
fn bad_colours_are_refused_with_the_reason() {
    assert_problem(
        r##"{"colours": {"brand": "blue"}}"##,
        "colours.brand",
        "#rrggbb",
    );
    assert_problem(
        r##"{"colours": {"brand": "#12345"}}"##,
        "colours.brand",
        "3 or 6 hex digits",
    );
    assert_problem(
        r##"{"colours": {"brand": "#1d4e89ff"}}"##,
        "colours.brand",
        "alpha",
    );
    assert_problem(
        r##"{"colours": {"brand": "#1d4e8z"}}"##,
        "colours.brand",
        "hex digit",
    );
    assert_problem(
        r##"{"colours": {"brand": 255}}"##,
        "colours.brand",
        "must be a string",
    );
    // CSS injection through a colour cannot get past the parser.
    assert_problem(
        r##"{"colours": {"brand": "#fff; background: url(x)"}}"##,
        "colours.brand",
        "hex",
    );
}

#[test]
fn colours_without_enough_contrast_are_refused() {
    assert_problem(
        r##"{"colours": {"brand": "#ffcc00"}}"##,
        "colours.brand",
        "against the white page",
    );
    assert_problem(
        r##"{"colours": {"brand": "#0b5a43", "brand_contrast": "#336655"}}"##,
        "colours.brand_contrast",
        "WCAG AA",
    );
    assert!(
        HostConfig::from_json(r##"{"colours": {"brand": "#000", "brand_contrast": "#fff"}}"##)
            .is_ok()
    );
}

#[test]
fn other_origins_and_schemes_are_refused_for_every_file_field() {
    for url in [
        "https://evil.example/rules.toml",
        "http://evil.example/rules.toml",
        "//evil.example/rules.toml",
        "javascript:alert(1)",
        "data:text/plain,x",
        "/absolute/rules.toml",
        "../rules.toml",
    ] {
        let quoted = serde_json::to_string(url).expect("string");
        assert_problem(&format!(r##"{{"ruleset": {quoted}}}"##), "ruleset", url);
        assert_problem(&format!(r##"{{"logo": {quoted}}}"##), "logo", url);
        assert_problem(
            &format!(r##"{{"sanctions_lists": [{{"file": {quoted}, "format": "eu-csv"}}]}}"##),
            "sanctions_lists[0].file",
            url,
        );
        assert_problem(
            &format!(
                r##"{{"sanctions_lists": [{{"file": "a.csv", "format": "eu-csv", "companions": [{quoted}]}}]}}"##
            ),
            "sanctions_lists[0].companions[0]",
            url,
        );
    }
}

#[test]
fn the_contact_link_must_be_https() {
    assert_problem(
        r##"{"contact": {"url": "javascript:alert(1)"}}"##,
        "contact.url",
        "https://",
    );
    assert_problem(
        r##"{"contact": {"url": "http://example.org"}}"##,
        "contact.url",
        "https://",
    );
    assert_problem(
        r##"{"contact": {"url": "https://"}}"##,
        "contact.url",
        "host",
    );
    assert_problem(
        r##"{"contact": {"email": "not an address"}}"##,
        "contact.email",
        "e-mail",
    );
    assert_problem(
        r##"{"contact": {"email": "a@b.org?subject=x"}}"##,
        "contact.email",
        "e-mail",
    );
    assert_problem(r##"{"contact": {}}"##, "contact", "at least one");
}

#[test]
fn every_problem_is_reported_at_once() {
    let found = problems(
        r##"{"logo": "https://x.example/l.png", "colours": {"brand": "red"},
            "default_language": "de", "sanctions_lists": [{"format": "pdf"}], "extra": 1}"##,
    );
    for field in [
        "logo:",
        "colours.brand:",
        "default_language:",
        "sanctions_lists[0]:",
        "sanctions_lists[0].format:",
        "extra:",
    ] {
        assert!(
            found.iter().any(|p| p.starts_with(field)),
            "{field} missing from {found:#?}"
        );
    }
}

#[test]
fn syntax_errors_carry_line_and_column() {
    match HostConfig::from_json("{\n  \"logo\": \"a.svg\",\n}") {
        Err(ConfigError::Syntax {
            line,
            column,
            message,
        }) => {
            assert_eq!((line, column), (3, 1), "{message}");
            assert!(message.contains("trailing comma"), "{message}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    assert!(matches!(
        HostConfig::from_json("[]"),
        Err(ConfigError::Invalid(_))
    ));
    assert!(matches!(
        HostConfig::from_json(""),
        Err(ConfigError::Syntax { .. })
    ));
}

#[test]
fn oversized_files_and_texts_are_refused() {
    let huge = format!(r##"{{"$comment": "{}"}}"##, "x".repeat(300 * 1024));
    assert!(matches!(
        HostConfig::from_json(&huge),
        Err(ConfigError::TooLarge { .. })
    ));
    let long_name = format!(r##"{{"organisation": {{"name": "{}"}}}}"##, "x".repeat(121));
    assert_problem(&long_name, "organisation.name", "limit is 120");
    assert_problem(r##"{"guidance": "   "}"##, "guidance", "empty");
    assert_problem(r##"{"guidance": "a\u0007b"}"##, "guidance", "control");
}

#[test]
fn format_tags_match_the_bundled_list_index() {
    // public/lists/index.json is written by the screening side; its tags must parse here.
    let index: serde_json::Value = serde_json::from_str(include_str!("../public/lists/index.json"))
        .expect("index.json is JSON");
    let lists = index["lists"].as_array().expect("lists array");
    assert!(!lists.is_empty());
    for list in lists {
        let tag = list["format"].as_str().expect("format string");
        let format =
            SanctionsListFormat::from_tag(tag).unwrap_or_else(|| panic!("unknown tag {tag}"));
        assert_eq!(format.tag(), tag);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Arbitrary text never panics the validator.
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,400}") {
        let _ = HostConfig::from_json(&text);
    }

    /// Arbitrary strings in every field never panic, and an accepted path never leaves the site.
    #[test]
    fn arbitrary_field_values_never_panic(value in ".{0,80}") {
        let quoted = serde_json::to_string(&value).expect("string");
        let json = format!(
            r##"{{"logo": {quoted}, "ruleset": {quoted}, "colours": {{"brand": {quoted}}},
                "contact": {{"email": {quoted}, "url": {quoted}, "text": {quoted}}},
                "default_language": {quoted}, "guidance": {{"ru": {quoted}}},
                "sanctions_lists": [{{"file": {quoted}, "format": {quoted}, "label": {quoted}}}]}}"##
        );
        if let Ok(config) = HostConfig::from_json(&json) {
            let logo = config.logo.expect("logo accepted");
            prop_assert!(!logo.as_str().contains(':') && !logo.as_str().starts_with('/'));
            prop_assert!(!logo.as_str().split('/').any(|s| s == ".." || s.is_empty()));
        }
    }
}

#[test]
fn a_key_registry_is_read_and_its_problems_named() {
    let key = enduse::record::SecretKey::from_seed([5; 32]).public_key();
    let good = format!(
        r#"{{ "key_registry": {{
            "members": [ {{ "public_key": "{}", "organisation": "Kulan Trade LLP", "country": "KZ", "date": "2026-01-15" }} ],
            "revoked": [ {{ "fingerprint": "{}", "reason": "laptop stolen", "date": "2026-06-01" }} ] }} }}"#,
        key.to_hex(),
        key.fingerprint()
    );
    let config = HostConfig::from_json(&good).expect("valid registry");
    let registry = config.key_registry.expect("registry kept");
    assert_eq!(registry.members.len(), 1);
    assert_eq!(registry.revoked[0].reason, "laptop stolen");

    let bad = good.replace(&key.to_hex(), "not-a-key");
    assert_problem(&bad, "key_registry.members[0].public_key", "64 hex");
    let twice = format!(
        r#"{{ "key_registry": {{ "members": [
            {{ "public_key": "{k}", "organisation": "A", "date": "2026-01-15" }},
            {{ "public_key": "{k}", "organisation": "B", "date": "2026-01-15" }} ] }} }}"#,
        k = key.to_hex()
    );
    assert_problem(&twice, "key_registry.members[1].public_key", "listed twice");
}
