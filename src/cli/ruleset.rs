//! `enduse ruleset check`: validate a ruleset file and summarise it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};
use enduse::lang::Lang;
use enduse::ruleset::Severity;

use crate::assess::load_ruleset;

/// Arguments of `enduse ruleset`.
#[derive(Args, Debug)]
pub struct RulesetArgs {
    #[command(subcommand)]
    pub command: RulesetCommand,
}

/// `enduse ruleset` subcommands.
#[derive(Subcommand, Debug)]
pub enum RulesetCommand {
    /// Validate a ruleset file (TOML, or compiled): prints id, version, hash and rule count, or every error with line:column.
    Check {
        /// The ruleset file.
        file: PathBuf,
    },
    /// Compile a ruleset TOML file into the form the web app loads without a TOML parser
    /// (JSON; name it in config.json's `ruleset` instead of the TOML). Exit 2 if it does not load.
    Compile {
        /// The ruleset TOML file.
        file: PathBuf,
        /// Where to write the compiled ruleset (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// Runs `enduse ruleset`.
pub fn run(args: &RulesetArgs) -> ExitCode {
    match &args.command {
        RulesetCommand::Compile { file, output } => compile(file, output.as_deref()),
        RulesetCommand::Check { file } => match load_ruleset(Some(file)) {
            Err(message) => {
                eprintln!("{message}");
                eprintln!(
                    "enduse ruleset check: {} is not a valid ruleset",
                    file.display()
                );
                ExitCode::from(2)
            }
            Ok(rs) => {
                println!("ok: {}", file.display());
                println!("id: {}", rs.id());
                println!("version: {}", rs.version());
                println!("title: {}", rs.title(Lang::En));
                println!("sha256: {}", rs.sha256());
                let count = |s: Severity| rs.rules().iter().filter(|r| r.severity() == s).count();
                println!(
                    "rules: {} (stop {}, high {}, medium {}, low {})",
                    rs.rules().len(),
                    count(Severity::Stop),
                    count(Severity::High),
                    count(Severity::Medium),
                    count(Severity::Low)
                );
                for list in rs.hs_lists() {
                    let codes: usize = list.tiers.iter().map(|t| t.codes.len()).sum();
                    println!(
                        "hs list {}: {} tiers, {} codes",
                        list.id,
                        list.tiers.len(),
                        codes
                    );
                }
                for list in rs.country_lists() {
                    println!(
                        "country list {}: {} countries",
                        list.id,
                        list.countries.len()
                    );
                }
                let untranslated = rs
                    .rules()
                    .iter()
                    .filter(|r| {
                        r.title(Lang::Ru) == r.title(Lang::En)
                            || r.title(Lang::Kk) == r.title(Lang::En)
                    })
                    .count();
                if untranslated > 0 {
                    println!("note: {untranslated} rule titles lack a ru or kk translation");
                }
                ExitCode::SUCCESS
            }
        },
    }
}

/// `enduse ruleset compile`: the validated ruleset in its compiled form.
fn compile(file: &Path, output: Option<&Path>) -> ExitCode {
    let ruleset = match load_ruleset(Some(file)) {
        Ok(rs) => rs,
        Err(message) => {
            eprintln!("{message}");
            eprintln!(
                "enduse ruleset compile: {} is not a valid ruleset",
                file.display()
            );
            return ExitCode::from(2);
        }
    };
    let compiled = ruleset.to_compiled();
    match output {
        None => {
            println!("{compiled}");
            ExitCode::SUCCESS
        }
        Some(path) => match std::fs::write(path, compiled + "\n") {
            Ok(()) => {
                eprintln!(
                    "compiled {} ({} {}, sha256 {}) into {}",
                    file.display(),
                    ruleset.id(),
                    ruleset.version(),
                    ruleset.sha256(),
                    path.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!(
                    "enduse ruleset compile: cannot write {}: {e}",
                    path.display()
                );
                ExitCode::from(2)
            }
        },
    }
}
