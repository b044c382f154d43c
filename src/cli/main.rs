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
    Verify(verify::VerifyArgs),
}

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
