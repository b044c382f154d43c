//! The start-up screen in `index.html` repeats the English home page's header,
//! title and lead, so the first paint already shows what the app will show
//! (see the comment there). This keeps the copies equal to the translations.

use std::fs;

fn read(path: &str) -> String {
    fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The text as it appears in HTML source.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn boot_screen_repeats_the_english_home_texts() {
    let html = read("index.html");
    let shell: serde_json::Value = serde_json::from_str(&read("locales/en/shell.json")).unwrap();
    for (key, tag) in [
        ("app_name", "<span class=\"brand-name\">"),
        ("tagline", "<span class=\"tagline\">"),
        ("home_title", "<h1>"),
        ("home_lead", "<p class=\"lead\">"),
    ] {
        let text = shell[key]
            .as_str()
            .unwrap_or_else(|| panic!("shell.{key} missing"));
        let expected = format!("{tag}{}<", escaped(text));
        assert!(
            html.contains(&expected),
            "index.html's start-up screen no longer matches shell.{key}: expected {expected:?}"
        );
    }
}

#[test]
fn boot_screen_has_no_main_landmark() {
    // The app's <main id="main"> is the page's one main landmark, and what
    // the browser tests wait for to know the app has mounted.
    let html = read("index.html");
    let boot = &html[html.find("<div id=\"boot\"").expect("boot screen")..];
    assert!(
        !boot.contains("<main"),
        "the start-up screen must not contain <main>"
    );
}
