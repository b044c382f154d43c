//! `enduse lists`: keep a host's official list files fresh.
//!
//! `enduse lists update --out DIR` downloads every source (built-in, or a
//! host's `--sources FILE`), accepts a file only when the crate's own parser
//! reads it as the declared format with at least one entry, writes it
//! atomically and writes `DIR/index.json` for the web app, with each list's
//! publication date, download time, SHA-256, entry count and source URL.
//! `enduse lists sources` prints the built-in sources to copy and edit.
//!
//! This is the only network code of End-Use Check (in `fetch.rs`), and it is
//! native only: the web app reads the files from its own site.
//!
//! Exit status of `update`: 0 every source updated; 1 at least one failed
//! (its previous good file kept when there was one, see the report);
//! 2 bad arguments or an invalid sources file (nothing downloaded);
//! 3 the output folder or the index could not be written.

mod fetch;
mod sources;
mod update;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Subcommand};
use enduse::screening::MAX_LIST_BYTES;

use crate::text::shown;
use update::Outcome;

/// Exit status: at least one source failed.
const EXIT_FAILED: u8 = 1;
/// Exit status: bad arguments or sources file.
const EXIT_INVALID: u8 = 2;
/// Exit status: the output could not be written.
const EXIT_WRITE: u8 = 3;

/// Arguments of `enduse lists`.
#[derive(Args, Debug)]
pub struct ListsArgs {
    #[command(subcommand)]
    pub command: ListsCommand,
}

/// `enduse lists` subcommands.
#[derive(Subcommand, Debug)]
pub enum ListsCommand {
    /// Download the official list files, validate them with the app's own
    /// parser, and write them with DIR/index.json (exit 0 all updated,
    /// 1 some source failed, 2 bad arguments or sources file, 3 cannot write).
    Update(UpdateArgs),
    /// Print the built-in sources file, to copy, edit and pass with --sources.
    Sources,
}

/// Arguments of `enduse lists update`.
#[derive(Args, Debug)]
pub struct UpdateArgs {
    /// The folder the files and index.json are written to (created if missing),
    /// e.g. dist/lists or public/lists.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// A sources file (see `enduse lists sources`); default: the built-in sources.
    #[arg(long, value_name = "FILE")]
    sources: Option<PathBuf>,
    /// Update only these source ids (repeat, or separate with commas); the
    /// index keeps every other list as it was.
    #[arg(long, value_name = "ID", num_args = 1.., value_delimiter = ',')]
    only: Vec<String>,
    /// Who runs the downloads (e-mail or web address), sent in the User-Agent
    /// so a publisher can reach you instead of blocking you; overrides the
    /// sources file's "contact".
    #[arg(long, value_name = "CONTACT")]
    contact: Option<String>,
    /// Seconds to connect (DNS, TCP, TLS) to a publisher.
    #[arg(long, value_name = "SECS", default_value = "20", value_parser = seconds)]
    connect_timeout: Duration,
    /// Longest silence, in seconds, while waiting for an answer or between two reads.
    #[arg(long, value_name = "SECS", default_value = "60", value_parser = seconds)]
    read_timeout: Duration,
    /// Seconds one file may take to download in all.
    #[arg(long, value_name = "SECS", default_value = "900", value_parser = seconds)]
    max_time: Duration,
    /// Largest file accepted, in bytes (at most, and by default, the parser's
    /// limit of 256 MiB).
    #[arg(long, value_name = "BYTES")]
    max_bytes: Option<u64>,
}

/// A duration in seconds (decimals allowed), from 1 ms to a day.
fn seconds(text: &str) -> Result<Duration, String> {
    let secs: f64 = text
        .parse()
        .map_err(|_| format!("{text:?} is not a number of seconds"))?;
    if !(0.001..=86_400.0).contains(&secs) {
        return Err("must be between 0.001 and 86400 seconds".into());
    }
    Ok(Duration::from_secs_f64(secs))
}

/// Runs `enduse lists`.
pub fn run(args: &ListsArgs) -> ExitCode {
    match &args.command {
        ListsCommand::Sources => {
            print!("{}", sources::DEFAULT_SOURCES);
            ExitCode::SUCCESS
        }
        ListsCommand::Update(update) => run_update(update),
    }
}

fn run_update(args: &UpdateArgs) -> ExitCode {
    let fail = |message: &str| {
        eprintln!("enduse lists update: {message}");
        ExitCode::from(EXIT_INVALID)
    };
    let (name, text) = match &args.sources {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => (path.display().to_string(), text),
            Err(e) => return fail(&format!("cannot read {}: {e}", path.display())),
        },
        None => (
            "the built-in sources".to_string(),
            sources::DEFAULT_SOURCES.to_string(),
        ),
    };
    let sources = match sources::parse(&text) {
        Ok(s) => s,
        Err(problems) => {
            for p in &problems {
                eprintln!("{}: {}", shown(&name), shown(p));
            }
            return fail(&format!(
                "{} is not a valid sources file ({} problem(s)); nothing was downloaded",
                shown(&name),
                problems.len()
            ));
        }
    };
    if let Some(unknown) = args
        .only
        .iter()
        .find(|id| !sources.sources.iter().any(|s| &s.id == *id))
    {
        let ids: Vec<&str> = sources.sources.iter().map(|s| s.id.as_str()).collect();
        return fail(&format!(
            "--only {}: no such source; the sources are: {}",
            shown(unknown),
            ids.join(", ")
        ));
    }
    let contact = match &args.contact {
        Some(c) => match sources::check_contact(c) {
            Ok(c) => Some(c),
            Err(message) => return fail(&format!("--contact {message}")),
        },
        None => sources.contact.clone(),
    };
    let max_bytes = MAX_LIST_BYTES as u64;
    let max_bytes = match args.max_bytes {
        Some(n) if n == 0 || n > max_bytes => {
            return fail(&format!("--max-bytes must be from 1 to {max_bytes}"));
        }
        Some(n) => n,
        None => max_bytes,
    };
    let limits = fetch::Limits {
        connect: args.connect_timeout,
        read: args.read_timeout,
        total: args.max_time,
        max_bytes,
        user_agent: user_agent(contact.as_deref()),
    };
    let report = match update::run(&sources, &args.only, &args.out, &limits, now_utc) {
        Ok(report) => report,
        Err(message) => {
            eprintln!("enduse lists update: {}", shown(&message));
            return ExitCode::from(EXIT_WRITE);
        }
    };
    print_report(&report)
}

/// The `User-Agent` sent to publishers: the tool, its version and the contact.
fn user_agent(contact: Option<&str>) -> String {
    let name = enduse::version::APP_NAME.replace(' ', "-");
    let version = enduse::version::APP_VERSION;
    match contact {
        Some(c) => format!("{name}/{version} (enduse lists update; contact: {c})"),
        None => format!("{name}/{version} (enduse lists update)"),
    }
}

/// Now, to the second (the index writes whole seconds).
fn now_utc() -> chrono::DateTime<chrono::Utc> {
    let now = chrono::Utc::now();
    chrono::DateTime::from_timestamp(now.timestamp(), 0).unwrap_or(now)
}

fn print_report(report: &update::Report) -> ExitCode {
    if let Some(problem) = &report.previous_index_problem {
        eprintln!("enduse lists update: warning: {}", shown(problem));
    }
    let mut failed = 0;
    let mut kept = 0;
    for s in &report.sources {
        let id = shown(&s.id);
        match &s.outcome {
            Outcome::Updated => {
                let Some(e) = &s.entry else { continue };
                let published = e
                    .published
                    .map(|d| format!("published {d}"))
                    .unwrap_or_else(|| "no publication date in the file".to_string());
                let companions: Vec<String> = e
                    .companion_files
                    .iter()
                    .map(|c| format!("{} {} rows", c.file, c.rows.unwrap_or(0)))
                    .collect();
                let companions = if companions.is_empty() {
                    String::new()
                } else {
                    format!(", with {}", companions.join(", "))
                };
                println!(
                    "ok      {id}: {} {} entries{companions}, {published}, sha256 {}",
                    e.file,
                    e.entries.unwrap_or(0),
                    e.sha256.map(|d| d.to_hex()).unwrap_or_default(),
                );
                for note in &s.notes {
                    println!("        note: {}", shown(note));
                }
            }
            Outcome::KeptPrevious(reason) => {
                kept += 1;
                failed += 1;
                let file = s
                    .entry
                    .as_ref()
                    .map(|e| e.file.to_string())
                    .unwrap_or_default();
                println!(
                    "kept    {id}: the previous {file} stays in the index; this download was refused: {}",
                    shown(reason)
                );
            }
            Outcome::Failed(reason) => {
                failed += 1;
                println!("FAILED  {id}: not in the index; {}", shown(reason));
            }
        }
    }
    println!(
        "wrote {} ({} list(s))",
        report.index_path.display(),
        report.index_lists
    );
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "enduse lists update: {failed} of {} source(s) failed ({kept} kept their previous file)",
            report.sources.len()
        );
        ExitCode::from(EXIT_FAILED)
    }
}
