//! `enduse verify FILE`: check a record, declaration request or response, or
//! a declaration chain.
//!
//! A valid signature proves only that the document agrees with the key it
//! carries; who holds that key is what `--trusted-keys KEYS.json` (a key book
//! export, `docs/record-format.md` §12) answers.
//!
//! Exit status tells scripts the verdict without parsing output:
//! 0 intact and every signature by a trusted key, 5 intact but some
//! signature by a key that is not trusted (unknown, first use only, changed
//! or revoked), 1 altered or bad signature, 2 intact but unsigned,
//! 3 unsupported format version, 4 unreadable, malformed or refused (a bound
//! or the one-reading rule; a bad key book file is 4 too, before anything is
//! verified), 6 content authentic (digest and any signature hold) but the
//! leaf map that locates fields was edited.
//!
//! Text output escapes every character from the document that could forge a
//! terminal line (`text::shown`); JSON output is exact.
//! For a chain: 0 continuous with every hop declared and signed by a trusted
//! key, 5 continuous and every hop signed but some key not trusted, 1 broken,
//! 2 continuous but not every hop signed (unsigned, flagged or awaiting).
//!
//! With `--recompute` (`verify_recompute.rs`), an intact record's answers are
//! evaluated again: 7 when its rating or findings do not follow from them,
//! 8 when it cannot be recomputed (its ruleset is not at hand, or not a
//! record), before 0, 2 and 5; 1, 3, 4 and 6 are kept (nothing is
//! recomputed from a document that is not intact). A `--ruleset` file that
//! cannot be read is 4, before anything is verified.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use enduse::keybook::KeyBook;
use enduse::record::chain::is_chain_file;
use enduse::record::limits::MAX_DOCUMENT_BYTES;
use enduse::record::verdict::Verdict;
use enduse::record::{
    DocumentVerdict, SignatureState, VerifyReport, VerifyState, decode_fragment, judge, verify,
};
use enduse::trust::{KeyStanding, Trust};

use crate::text::{safe_output, shown};

/// Arguments of `enduse verify`.
#[derive(Args)]
pub struct VerifyArgs {
    /// The document to verify (`-` reads standard input), or with `--link`
    /// a link or fragment (`https://…/#/declare?r=…`).
    file: PathBuf,
    /// Treat FILE as a shared link instead of a path.
    #[arg(long)]
    link: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// The keys you trust: a key book file exported from the web app's key
    /// book (format `enduse-key-book`). Without it no signature is trusted.
    #[arg(long, value_name = "KEYS.json")]
    trusted_keys: Option<PathBuf>,
    /// After the verdict, evaluate an intact record's answers again under
    /// the ruleset it names and compare with the rating and findings it
    /// states: REPRODUCED, or DIFFERS (exit 7) naming each difference; exit
    /// 8 when it cannot be recomputed (its ruleset is not at hand). Proves
    /// that the rating follows from the recorded answers, not that they are true.
    #[arg(long)]
    recompute: bool,
    /// With --recompute: the ruleset file (TOML or compiled JSON) the record
    /// was made with, when this binary embeds another; used only when its
    /// SHA-256 is the record's.
    #[arg(long, value_name = "FILE", requires = "recompute")]
    ruleset: Option<PathBuf>,
}

/// Reads the `--trusted-keys` file, or an empty book.
fn load_keys(path: Option<&PathBuf>) -> Result<KeyBook, String> {
    let Some(path) = path else {
        return Ok(KeyBook::new());
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    KeyBook::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    /// A short human-readable verdict.
    Text,
    /// The full report as JSON.
    Json,
}

/// Runs `enduse verify`.
pub fn run(args: &VerifyArgs) -> ExitCode {
    let book = match load_keys(args.trusted_keys.as_ref()) {
        Ok(book) => book,
        Err(e) => {
            eprintln!("enduse verify: trusted keys refused: {}", shown(&e));
            return ExitCode::from(4);
        }
    };
    let ruleset_file = if args.recompute {
        match crate::verify_recompute::load_file(args.ruleset.as_deref()) {
            Ok(file) => file,
            Err(e) => {
                eprintln!("enduse verify: --ruleset refused: {}", shown(&e));
                return ExitCode::from(4);
            }
        }
    } else {
        None
    };
    let trust = Trust::new(&book, None);
    let input = if args.link {
        decode_fragment(&args.file.to_string_lossy()).map_err(|e| e.to_string())
    } else {
        read_limited(&args.file)
    };
    if let Ok(bytes) = &input
        && is_chain_file(bytes)
    {
        let code = crate::verify_chain::run(
            &args.file,
            bytes,
            matches!(args.format, OutputFormat::Json),
            &trust,
        );
        if !args.recompute {
            return ExitCode::from(code);
        }
        // A chain states no rating: nothing to recompute (a broken chain
        // keeps its 1).
        eprintln!(
            "enduse verify: NOT RECOMPUTED: --recompute applies to attestation records; \
             this is a declaration chain, which states no rating"
        );
        return ExitCode::from(if code == 1 {
            code
        } else {
            crate::verify_recompute::EXIT_CANNOT
        });
    }
    let report = match &input {
        Ok(bytes) => verify(bytes),
        Err(reason) => VerifyReport {
            kind: None,
            state: VerifyState::Malformed {
                reason: reason.clone(),
            },
            signature: SignatureState::NotChecked,
            declarations: Vec::new(),
        },
    };
    // Only a signed, intact document names a party whose key may have
    // changed; opening it again for anything else would only repeat work.
    let party = match (&input, &report.state, report.kind) {
        (Ok(bytes), VerifyState::Valid | VerifyState::LocatorDamaged { .. }, Some(kind)) => {
            enduse::record::verdict::signing_party(bytes, kind)
        }
        _ => None,
    };
    let verdict = judge(
        &report,
        &trust,
        party
            .as_ref()
            .map(|(name, country)| (name.as_str(), *country)),
    );
    let recomputed = args.recompute.then(|| {
        crate::verify_recompute::run(
            input.as_deref().ok(),
            report.kind,
            verdict.exit_code(),
            ruleset_file.as_ref(),
        )
    });
    match args.format {
        OutputFormat::Text => {
            let mut text = render_text(&args.file, &report, &verdict);
            if let Some(outcome) = &recomputed {
                text.push_str(&crate::verify_recompute::render_text(outcome));
            }
            print!("{}", safe_output(&text));
        }
        OutputFormat::Json => {
            let mut json = serde_json::json!({
                "file": args.file.display().to_string(),
                "kind": report.kind,
                "verdict": verdict_json(&verdict.document),
                "state": report.state,
                "signature": report.signature,
                "declarations": report.declarations,
                "declaration_verdicts": verdict.declarations.iter().map(verdict_json).collect::<Vec<_>>(),
            });
            if let Some(outcome) = &recomputed {
                json["recompute"] = crate::verify_recompute::to_json(outcome);
            }
            match serde_json::to_string_pretty(&json) {
                Ok(text) => println!("{text}"),
                Err(e) => eprintln!("enduse verify: cannot write JSON: {e}"),
            }
        }
    }
    ExitCode::from(match &recomputed {
        Some(outcome) => crate::verify_recompute::exit_code(outcome, verdict.exit_code()),
        None => verdict.exit_code(),
    })
}

/// A verdict as JSON: its name, and for a signature who holds the key.
pub fn verdict_json(verdict: &Verdict) -> serde_json::Value {
    let mut json = serde_json::json!({
        "verdict": verdict.as_str(),
        "message": verdict.describe(),
    });
    if let Verdict::Trusted {
        fingerprint,
        standing,
    }
    | Verdict::Untrusted {
        fingerprint,
        standing,
        ..
    } = verdict
    {
        json["fingerprint"] = fingerprint.clone().into();
        json["key"] = standing_json(standing);
    }
    json
}

fn standing_json(standing: &KeyStanding) -> serde_json::Value {
    let entry = |state: &str, e: &enduse::keybook::KeyEntry| {
        serde_json::json!({
            "state": state,
            "organisation": e.organisation,
            "country": e.country.map(|c| c.code()),
            "confirmed": e.confirmed.as_str(),
            "date": e.date.format("%Y-%m-%d").to_string(),
        })
    };
    match standing {
        KeyStanding::Trusted(e) => entry("trusted", e),
        KeyStanding::FirstUse(e) => entry("first_use", e),
        KeyStanding::OtherParty(e) => entry("other_party", e),
        KeyStanding::Unknown { party_keys } => serde_json::json!({
            "state": if party_keys.is_empty() { "unknown" } else { "key_changed" },
            "party_keys": party_keys.iter().map(|e| e.fingerprint().to_string()).collect::<Vec<_>>(),
        }),
        KeyStanding::Revoked(rev) => serde_json::json!({
            "state": "revoked",
            "reason": rev.reason,
            "date": rev.date.format("%Y-%m-%d").to_string(),
        }),
    }
}

/// Reads at most one byte more than the limit, so an enormous file is refused
/// by `verify` without being read whole.
fn read_limited(path: &PathBuf) -> Result<Vec<u8>, String> {
    let limit = u64::try_from(MAX_DOCUMENT_BYTES)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut bytes = Vec::new();
    let result = if path.as_os_str() == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|file| file.take(limit).read_to_end(&mut bytes))
    };
    result
        .map(|_| bytes)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn render_text(path: &std::path::Path, report: &VerifyReport, verdict: &DocumentVerdict) -> String {
    let what = report
        .kind
        .map_or_else(|| "document".to_string(), |kind| kind.to_string());
    let mut out = format!(
        "{}: {what}\n{}\n",
        shown(&path.display().to_string()),
        shown(&verdict.document.describe())
    );
    match &report.state {
        VerifyState::Altered { paths } => {
            for path in paths {
                out.push_str(&format!("  changed: {}\n", shown(path)));
            }
        }
        VerifyState::LocatorDamaged { paths } => {
            for path in paths {
                out.push_str(&format!("  map entry wrong: {}\n", shown(path)));
            }
        }
        _ => {}
    }
    match &report.signature {
        SignatureState::Absent | SignatureState::NotChecked => {}
        SignatureState::Valid {
            fingerprint,
            public_key,
        } => out.push_str(&format!(
            "signature: valid, key fingerprint {fingerprint}\n  public key {public_key}\n"
        )),
        SignatureState::Invalid {
            fingerprint,
            reason,
        } => {
            let key = fingerprint
                .as_deref()
                .map_or_else(String::new, |fp| format!(" (claims key {fp})"));
            out.push_str(&format!(
                "signature: INVALID{}: {}\n",
                shown(&key),
                shown(reason)
            ));
        }
    }
    for (index, (state, judged)) in report
        .declarations
        .iter()
        .zip(&verdict.declarations)
        .enumerate()
    {
        let line = match state {
            SignatureState::Invalid { reason, .. } => {
                format!("signature INVALID: {}", shown(reason))
            }
            SignatureState::NotChecked => "not checked".to_string(),
            SignatureState::Absent | SignatureState::Valid { .. } => shown(&judged.describe()),
        };
        out.push_str(&format!("embedded declaration {index}: {line}\n"));
    }
    out
}
