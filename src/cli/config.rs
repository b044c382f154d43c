//! `enduse config check`: validate a host's `config.json` offline, before deploying it.
//!
//! Besides the core's validation (fields, colours, paths), the files the config
//! names are looked up next to it — the folder holding `config.json` is the
//! site root — and a ruleset override is loaded with the same code the web app
//! uses, so a host learns of a broken ruleset here rather than from users.

use crate::text::shown;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};
use enduse::config::{HostConfig, SitePath};
use enduse::lang::Lang;
use enduse::ruleset::Ruleset;

/// Exit code for an invalid config.
const EXIT_INVALID: u8 = 2;

/// Arguments of `enduse config`.
#[derive(Args, Debug)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub command: ConfigCommand,
}

/// `enduse config` subcommands.
#[derive(Subcommand, Debug)]
pub enum ConfigCommand {
    /// Validate a config.json: exit 0 when valid, 2 with every problem on stderr when not.
    Check {
        /// The config.json file; the files it names are looked up in the same folder.
        file: PathBuf,
        /// Only validate the file itself, not the logo, ruleset and list files it names.
        #[arg(long)]
        skip_files: bool,
    },
}

/// Runs `enduse config`.
pub fn run(args: &ConfigArgs) -> ExitCode {
    match &args.command {
        ConfigCommand::Check { file, skip_files } => check(file, *skip_files),
    }
}

fn check(file: &Path, skip_files: bool) -> ExitCode {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("enduse config check: cannot read {}: {e}", file.display());
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let config = match HostConfig::from_json(&text) {
        Ok(config) => config,
        Err(e) => {
            for problem in e.problems() {
                eprintln!(
                    "{}: {}",
                    shown(&file.display().to_string()),
                    shown(&problem.to_string())
                );
            }
            eprintln!(
                "enduse config check: {} is not a valid host configuration",
                file.display()
            );
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let problems = if skip_files {
        Vec::new()
    } else {
        let root = file.parent().unwrap_or(Path::new("."));
        referenced_file_problems(&config, root)
    };
    if !problems.is_empty() {
        for problem in &problems {
            eprintln!(
                "{}: {}",
                shown(&file.display().to_string()),
                shown(&problem.to_string())
            );
        }
        eprintln!(
            "enduse config check: {} names files that are missing or invalid",
            file.display()
        );
        return ExitCode::from(EXIT_INVALID);
    }
    summarise(file, &config);
    ExitCode::SUCCESS
}

/// Problems with the files the config names, looked up under `root`.
fn referenced_file_problems(config: &HostConfig, root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let mut exists = |field: &str, path: &SitePath| {
        let full = root.join(path.as_str());
        if full.is_file() {
            true
        } else {
            problems.push(format!("{field}: {} does not exist", full.display()));
            false
        }
    };
    if let Some(logo) = &config.logo {
        exists("logo", logo);
    }
    for (i, list) in config.sanctions_lists.iter().enumerate() {
        exists(&format!("sanctions_lists[{i}].file"), &list.file);
        for (j, companion) in list.companions.iter().enumerate() {
            exists(&format!("sanctions_lists[{i}].companions[{j}]"), companion);
        }
    }
    if let Some(path) = &config.ruleset
        && exists("ruleset", path)
    {
        let full = root.join(path.as_str());
        match std::fs::read_to_string(&full) {
            Err(e) => problems.push(format!("ruleset: cannot read {}: {e}", full.display())),
            Ok(text) => {
                if let Err(e) = Ruleset::from_file_text(&text) {
                    problems.push(format!(
                        "ruleset: {} is not a valid ruleset: {e}",
                        full.display()
                    ));
                }
            }
        }
    }
    problems
}

fn summarise(file: &Path, config: &HostConfig) {
    println!("ok: {}", file.display());
    if let Some(name) = config.organisation_name(Lang::En) {
        println!("organisation: {name}");
    }
    if let Some(logo) = &config.logo {
        println!("logo: {logo}");
    }
    for (property, value) in config.colours.css_properties() {
        println!("colour {property}: {value}");
    }
    if let Some(lang) = config.default_language {
        println!("default language: {}", lang.tag());
    }
    if let Some(ruleset) = &config.ruleset {
        println!("ruleset: {ruleset}");
    }
    for list in &config.sanctions_lists {
        println!("sanctions list: {} ({})", list.file, list.format);
    }
}
