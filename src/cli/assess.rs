//! `enduse assess`: rate a transaction file against the embedded or a given ruleset.

use crate::text::safe_output;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use enduse::evaluate::{Assessment, Rating, evaluate_at};
use enduse::lang::Lang;
use enduse::model::{Evidence, Transaction};
use enduse::party_screening::{lists_searched, screen_parties, to_evidence};
use enduse::ruleset::Ruleset;
use enduse::screening::{ScreenOptions, ScreeningIndex};

/// Exit code for unreadable or invalid input files.
const EXIT_INPUT: u8 = 2;
/// Exit code when the rating reaches `--fail-on`.
const EXIT_FAIL_ON: u8 = 1;

/// Arguments of `enduse assess`.
#[derive(Args, Debug)]
pub struct AssessArgs {
    /// Transaction JSON, or an object with `transaction` and optional `evidence` (e.g. a golden scenario).
    pub file: PathBuf,
    /// Ruleset TOML to use instead of the embedded default.
    #[arg(long, value_name = "FILE")]
    pub ruleset: Option<PathBuf>,
    /// Evidence JSON (screening results, declaration status); overrides any in FILE.
    #[arg(long, value_name = "FILE")]
    pub evidence: Option<PathBuf>,
    /// Sanctions list file (OFAC SDN CSV/XML, EU consolidated XML, OpenSanctions CSV);
    /// repeat for several. Every named party is screened against them, exactly
    /// as the web app does, and the outcomes replace any screening in the evidence.
    #[arg(long = "list", value_name = "FILE")]
    pub lists: Vec<PathBuf>,
    /// A "no list match" counts only when every real --list was current
    /// within this many days on the day of the run (otherwise the party is
    /// treated as not screened and SCREEN-LISTS-NOT-CURRENT says why).
    #[arg(long, value_name = "DAYS", default_value_t = enduse::screening::DEFAULT_MAX_AGE_DAYS)]
    pub max_age_days: u32,
    /// The day the --list files were downloaded from their publishers
    /// (YYYY-MM-DD); see `enduse screen --help`.
    #[arg(long, value_name = "DATE", value_parser = crate::screen::parse_day)]
    pub retrieved: Option<chrono::NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Exit with status 1 when the rating is at least this.
    #[arg(long, value_enum, value_name = "RATING")]
    pub fail_on: Option<FailOn>,
    /// Language of titles, explanations and mitigations.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// Apply the law as of this date (YYYY-MM-DD); overrides an `as_of` in
    /// FILE. Default: the ruleset's `updated` date.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
}

/// A date given on the command line or in FILE, with what it was for the message.
fn parse_as_of(text: &str, what: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|e| format!("{what}: \"{text}\" is not a date (YYYY-MM-DD): {e}"))
}

/// Output format.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// Readable report.
    Text,
    /// The assessment as JSON (top-level `rating`).
    Json,
}

/// Rating threshold for `--fail-on`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FailOn {
    /// Fail on medium, high or stop.
    Medium,
    /// Fail on high or stop.
    High,
    /// Fail on stop only.
    Stop,
}

/// Report language.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Russian.
    Ru,
    /// Kazakh.
    Kk,
}

/// Reads at most `limit` bytes (one more is read to tell "too large"), so an
/// enormous or endless input is refused without being read whole.
fn read(path: &Path, what: &str, limit: usize) -> Result<String, String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| {
            file.take(u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1))
                .read_to_end(&mut bytes)
        })
        .map_err(|e| format!("cannot read {what} {}: {e}", path.display()))?;
    if bytes.len() > limit {
        return Err(format!(
            "{what} {} is larger than {limit} bytes; refused unread",
            path.display()
        ));
    }
    String::from_utf8(bytes).map_err(|e| format!("{what} {}: not UTF-8 text: {e}", path.display()))
}

/// Loads the ruleset named on the command line (TOML or compiled), or the embedded one.
pub fn load_ruleset(path: Option<&Path>) -> Result<Ruleset, String> {
    match path {
        None => Ruleset::embedded().map_err(|e| format!("embedded ruleset is broken:\n{e}")),
        Some(p) => load_ruleset_file(p).map(|file| file.ruleset),
    }
}

/// A ruleset file as loaded.
pub struct RulesetFile {
    /// The ruleset.
    pub ruleset: Ruleset,
    /// Whether the file was the compiled form: its SHA-256 is then the one
    /// the compiler recorded of its TOML source, not one computed from the
    /// bytes read (`enduse verify --recompute` says so).
    pub compiled: bool,
}

/// Loads a ruleset file, TOML or compiled, within the ruleset size limit.
pub fn load_ruleset_file(p: &Path) -> Result<RulesetFile, String> {
    let text = read(p, "ruleset", enduse::ruleset::MAX_RULESET_BYTES)?;
    let compiled = enduse::ruleset::is_compiled(&text);
    Ruleset::from_file_text(&text)
        .map(|ruleset| RulesetFile { ruleset, compiled })
        .map_err(|e| {
            let lines: Vec<String> = e
                .problems
                .iter()
                .map(|pr| format!("{}:{pr}", p.display()))
                .collect();
            lines.join("\n")
        })
}

type Input = (Transaction, Evidence, Option<chrono::NaiveDate>);

fn load_input(args: &AssessArgs) -> Result<Input, String> {
    let bounds = enduse::model::TRANSACTION_BOUNDS;
    let text = read(&args.file, "transaction file", bounds.max_bytes)?;
    let name = args.file.display();
    // The one strict reading (duplicate names, huge integers, depth refused)
    // for the wrapper as for the transaction inside it.
    let value = enduse::strict_json::parse_str(&text, &bounds)
        .map_err(|e| format!("{name}: refused: {e}"))?;
    let (tx, mut evidence) = match value.get("transaction") {
        Some(inner) => {
            let tx = Transaction::from_json(&inner.to_string())
                .map_err(|e| format!("{name}: in \"transaction\": {e}"))?;
            let evidence = match value.get("evidence") {
                Some(ev) => serde_json::from_value(ev.clone())
                    .map_err(|e| format!("{name}: in \"evidence\": {e}"))?,
                None => Evidence::default(),
            };
            (tx, evidence)
        }
        None => (
            Transaction::from_json(&text).map_err(|e| format!("{name}: {e}"))?,
            Evidence::default(),
        ),
    };
    if let Some(path) = &args.evidence {
        let text = read(path, "evidence file", bounds.max_bytes)?;
        let value = enduse::strict_json::parse_str(&text, &bounds)
            .map_err(|e| format!("{}: evidence JSON refused: {e}", path.display()))?;
        evidence = serde_json::from_value(value)
            .map_err(|e| format!("{}: evidence JSON: {e}", path.display()))?;
    }
    if !args.lists.is_empty() {
        let lists =
            crate::screen::with_retrieved(crate::screen::load_lists(&args.lists)?, args.retrieved);
        let index = ScreeningIndex::build(lists);
        let results = screen_parties(&tx, &index, &ScreenOptions::default());
        // The lists named here decide: earlier outcomes for the same parties
        // would otherwise speak for lists that were not searched now.
        evidence.screening = to_evidence(&results, index.lists());
        // Judged on the day of the run: that is when the lists were searched
        // (and only when someone was: no named party, no screening).
        let today = chrono::Local::now().date_naive();
        evidence.lists =
            (!results.is_empty()).then(|| lists_searched(index.lists(), today, args.max_age_days));
    }
    let mut as_of = match value.get("as_of") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(d)) => Some(parse_as_of(d, &format!("{name}: \"as_of\""))?),
        Some(other) => {
            return Err(format!(
                "{name}: \"as_of\" must be a date string such as \"2025-01-31\", found {other}"
            ));
        }
    };
    if let Some(d) = &args.as_of {
        as_of = Some(parse_as_of(d, "--as-of")?);
    }
    Ok((tx, evidence, as_of))
}

/// Runs `enduse assess`.
pub fn run(args: &AssessArgs) -> ExitCode {
    let lang = match args.lang {
        LangArg::En => Lang::En,
        LangArg::Ru => Lang::Ru,
        LangArg::Kk => Lang::Kk,
    };
    let loaded = load_ruleset(args.ruleset.as_deref())
        .and_then(|rs| load_input(args).map(|(tx, ev, as_of)| (rs, tx, ev, as_of)));
    let (ruleset, tx, evidence, as_of) = match loaded {
        Ok(x) => x,
        Err(message) => {
            eprintln!("enduse assess: {message}");
            return ExitCode::from(EXIT_INPUT);
        }
    };
    let assessment = evaluate_at(&tx, &evidence, &ruleset, lang, as_of);
    match args.format {
        Format::Json => match serde_json::to_string_pretty(&assessment) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("enduse assess: cannot write JSON: {e}");
                return ExitCode::from(EXIT_INPUT);
            }
        },
        Format::Text => print!("{}", safe_output(&text_report(&assessment, lang))),
    }
    let threshold = args.fail_on.map(|f| match f {
        FailOn::Medium => Rating::Medium,
        FailOn::High => Rating::High,
        FailOn::Stop => Rating::Stop,
    });
    match threshold {
        Some(t) if assessment.rating >= t => ExitCode::from(EXIT_FAIL_ON),
        _ => ExitCode::SUCCESS,
    }
}

/// "Law as of 2025-01-31, ruleset version 2026.12.1": the line every printout
/// carries (worded by the core, `enduse::law_as_of`).
pub fn law_as_of_line(a: &Assessment) -> String {
    enduse::law_as_of::line(a.as_of, &a.ruleset.version, Lang::En)
}

/// The readable report.
pub fn text_report(a: &Assessment, lang: Lang) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Rating: {} (score {}); inherent {} (score {}) before mitigations",
        a.rating.label(lang).to_uppercase(),
        a.score,
        a.inherent_rating.label(lang).to_uppercase(),
        a.inherent_score
    );
    if a.worst_case > a.rating {
        let _ = writeln!(
            s,
            "Could become: {} if unanswered questions turn out badly",
            a.worst_case.label(lang).to_uppercase()
        );
    }
    let _ = writeln!(
        s,
        "Ruleset: {} {} (sha256 {})",
        a.ruleset.id, a.ruleset.version, a.ruleset.sha256
    );
    let _ = writeln!(s, "{}", law_as_of_line(a));
    let _ = writeln!(s, "\nFindings ({}):", a.findings.len());
    if a.findings.is_empty() {
        let _ = writeln!(s, "  none");
    }
    for f in &a.findings {
        let level = if f.inherent == f.severity {
            f.severity.as_str().to_uppercase()
        } else {
            format!(
                "{} -> {}",
                f.inherent.as_str().to_uppercase(),
                f.severity.as_str().to_uppercase()
            )
        };
        let _ = writeln!(s, "\n  [{level}] {}: {}", f.rule, f.title);
        let _ = writeln!(s, "    {}", f.explanation);
        for m in &f.mitigated_by {
            let _ = writeln!(s, "    Lowered by: {} (-{})", m.title, m.steps);
        }
        for m in &f.could_be_mitigated_by {
            let _ = writeln!(s, "    Would lower: {} (-{})", m.title, m.steps);
        }
        for c in f.citations.iter() {
            let _ = writeln!(s, "    Source: {}", c.one_line(lang));
        }
        for m in &f.mitigations {
            let _ = writeln!(s, "    Mitigation: {m}");
        }
        if !f.triggers.is_empty() {
            let triggers: Vec<String> = f.triggers.iter().map(|t| t.path()).collect();
            let _ = writeln!(s, "    Triggered by: {}", triggers.join(", "));
        }
    }
    let _ = writeln!(s, "\nMissing information ({}):", a.missing.len());
    if a.missing.is_empty() {
        let _ = writeln!(s, "  none");
    }
    for m in &a.missing {
        let _ = writeln!(
            s,
            "  {} {} [{}]: could reach {} via {}",
            if m.changes_rating { "!" } else { "-" },
            m.label(),
            m.fact,
            m.could_reach,
            m.rules
                .iter()
                .map(|r| r.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    s
}
