//! `enduse`: the command-line face of End-Use Check for auditors, banks and CI.
//!
//! Every subcommand is a thin wrapper over the core library: it reads files,
//! calls the same functions the web app calls and prints the result.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod assess;
mod config;
mod lists;
mod ruleset;
mod screen;
mod text;
mod verify;
mod verify_chain;
mod verify_recompute;

#[derive(Parser)]
#[command(name = "enduse", version, about = "End-Use Check: due diligence against diversion of goods to Russia and Belarus", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Rate a transaction file against the ruleset (exit 1 with --fail-on, 2 on bad input).
    Assess(assess::AssessArgs),
    /// Work with a host's config.json (self-hosting).
    Config(config::ConfigArgs),
    /// Download the official sanctions list files and write lists/index.json (a host's daily job).
    Lists(lists::ListsArgs),
    /// Work with ruleset files.
    Ruleset(ruleset::RulesetArgs),
    /// Screen names against sanctions lists (exit 1 on a review or potential match, 2 on bad input).
    Screen(screen::ScreenArgs),
    /// Verify an attestation record, declaration request or response.
    #[command(after_help = VERIFY_EXIT_CODES)]
    Verify(verify::VerifyArgs),
}

/// `enduse verify --help`'s list of exit statuses (docs/record-format.md §8).
const VERIFY_EXIT_CODES: &str = "Exit status:
  0  intact, every signature by a trusted key (chain: continuous, every hop signed by a trusted key)
  1  altered or bad signature (chain: broken)
  2  intact but unsigned (chain: not every hop signed)
  3  unsupported format version
  4  unreadable, malformed or refused; a bad --trusted-keys or --ruleset file
  5  intact, some signature by a key that is not trusted
  6  content authentic, leaf map (the field locator) edited
  7  --recompute: DIFFERS, the record's rating or findings do not follow from its answers
  8  --recompute: not recomputed, the record's ruleset is not at hand (or not a record)
With --recompute, 7 and 8 come before 0, 2 and 5; 1, 3, 4 and 6 are kept.";

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => {
            use clap::CommandFactory;
            let _ = Cli::command().print_help();
            ExitCode::SUCCESS
        }
        Some(Command::Assess(args)) => assess::run(&args),
        Some(Command::Config(args)) => config::run(&args),
        Some(Command::Lists(args)) => lists::run(&args),
        Some(Command::Ruleset(args)) => ruleset::run(&args),
        Some(Command::Screen(args)) => screen::run(&args),
        Some(Command::Verify(args)) => verify::run(&args),
    }
}
