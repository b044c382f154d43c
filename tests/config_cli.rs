//! `enduse config check`: exit codes, messages and the files a config names.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn enduse(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_enduse"))
        .args(args)
        .output()
        .expect("run enduse")
}

/// A fresh site folder under the target directory.
fn site(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("config-cli-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("rules")).expect("mkdir");
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_valid_config_with_its_files_passes() {
    let dir = site("valid");
    fs::write(
        dir.join("rules/assoc.toml"),
        include_str!("../rules/default.toml"),
    )
    .expect("write");
    fs::write(
        dir.join("logo.svg"),
        "<svg xmlns='http://www.w3.org/2000/svg'/>",
    )
    .expect("write");
    let config = dir.join("config.json");
    fs::write(
        &config,
        r##"{"organisation": {"name": "ACME"}, "logo": "logo.svg", "ruleset": "rules/assoc.toml",
            "colours": {"brand": "#123456"}, "default_language": "kk"}"##,
    )
    .expect("write");
    let out = enduse(&["config", "check", config.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("organisation: ACME"), "{stdout}");
    assert!(stdout.contains("colour --brand: #123456"), "{stdout}");
    assert!(stdout.contains("default language: kk"), "{stdout}");
}

#[test]
fn an_invalid_config_exits_2_with_every_problem_on_stderr() {
    let dir = site("invalid");
    let config = dir.join("config.json");
    fs::write(
        &config,
        r##"{"logo": "https://cdn.example/logo.png", "colours": {"brand": "blue"}}"##,
    )
    .expect("write");
    let out = enduse(&["config", "check", config.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("logo: \"https://cdn.example/logo.png\" is a URL"),
        "{stderr}"
    );
    assert!(stderr.contains("colours.brand:"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_syntax_error_names_line_and_column() {
    let dir = site("syntax");
    let config = dir.join("config.json");
    fs::write(&config, "{\n  \"logo\": 'a.svg'\n}").expect("write");
    let out = enduse(&["config", "check", config.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("line 2, column"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn missing_or_broken_referenced_files_are_problems_unless_skipped() {
    let dir = site("files");
    fs::write(
        dir.join("rules/broken.toml"),
        "id = \"x\"\nthis is not toml",
    )
    .expect("write");
    let config = dir.join("config.json");
    fs::write(
        &config,
        r##"{"ruleset": "rules/broken.toml", "sanctions_lists": [{"file": "lists/sdn.csv", "format": "ofac-sdn-csv"}]}"##,
    )
    .expect("write");
    let path = config.to_str().expect("utf-8 path");
    let out = enduse(&["config", "check", path]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("ruleset:") && stderr.contains("not a valid ruleset"),
        "{stderr}"
    );
    assert!(
        stderr.contains("sanctions_lists[0].file:") && stderr.contains("does not exist"),
        "{stderr}"
    );
    let skipped = enduse(&["config", "check", "--skip-files", path]);
    assert_eq!(skipped.status.code(), Some(0), "{}", text(&skipped.stderr));
}

#[test]
fn an_unreadable_file_exits_2() {
    let out = enduse(&["config", "check", "/nonexistent/config.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read"));
}
