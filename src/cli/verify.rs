//! `enduse verify FILE`: check a record, declaration request or response, or
//! a declaration chain.
//!
//! Exit status tells scripts the verdict without parsing output:
//! 0 valid (intact and signed), 1 altered or bad signature, 2 intact but
//! unsigned, 3 unsupported format version, 4 unreadable, malformed or refused
//! (a bound or the one-reading rule), 5 content authentic (digest and any
//! signature hold) but the leaf map that locates fields was edited.
//!
//! Text output escapes every character from the document that could forge a
//! terminal line (`text::shown`); JSON output is exact.
//! For a chain: 0 continuous with every hop declared and signed, 1 broken,
//! 2 continuous but not every hop signed (unsigned, flagged or awaiting).

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use enduse::record::chain::is_chain_file;
use enduse::record::limits::MAX_DOCUMENT_BYTES;
use enduse::record::{SignatureState, VerifyReport, VerifyState, decode_fragment, verify};

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
    let input = if args.link {
        decode_fragment(&args.file.to_string_lossy()).map_err(|e| e.to_string())
    } else {
        read_limited(&args.file)
    };
    if let Ok(bytes) = &input
        && is_chain_file(bytes)
    {
        return crate::verify_chain::run(
            &args.file,
            bytes,
            matches!(args.format, OutputFormat::Json),
        );
    }
    let report = match input {
        Ok(bytes) => verify(&bytes),
        Err(reason) => VerifyReport {
            kind: None,
            state: VerifyState::Malformed { reason },
            signature: SignatureState::NotChecked,
            declarations: Vec::new(),
        },
    };
    match args.format {
        OutputFormat::Text => print!("{}", safe_output(&render_text(&args.file, &report))),
        OutputFormat::Json => {
            let json = serde_json::json!({
                "file": args.file.display().to_string(),
                "kind": report.kind,
                "state": report.state,
                "signature": report.signature,
                "declarations": report.declarations,
            });
            match serde_json::to_string_pretty(&json) {
                Ok(text) => println!("{text}"),
                Err(e) => eprintln!("enduse verify: cannot write JSON: {e}"),
            }
        }
    }
    ExitCode::from(exit_code(&report.state))
}

fn exit_code(state: &VerifyState) -> u8 {
    match state {
        VerifyState::Valid => 0,
        VerifyState::Altered { .. } => 1,
        VerifyState::Unsigned => 2,
        VerifyState::UnsupportedVersion { .. } => 3,
        VerifyState::Malformed { .. } | VerifyState::Refused { .. } => 4,
        VerifyState::LocatorDamaged { .. } => 5,
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

fn render_text(path: &std::path::Path, report: &VerifyReport) -> String {
    let what = report
        .kind
        .map_or_else(|| "document".to_string(), |kind| kind.to_string());
    let mut out = format!("{}: {what}\n", shown(&path.display().to_string()));
    match &report.state {
        VerifyState::Valid => out.push_str("VALID: intact and signed\n"),
        VerifyState::Unsigned => {
            out.push_str("UNSIGNED: intact (digest matches), but nobody signed it\n")
        }
        VerifyState::Altered { paths } => {
            out.push_str("ALTERED: the content does not match its digest or signature\n");
            for path in paths {
                out.push_str(&format!("  changed: {}\n", shown(path)));
            }
        }
        VerifyState::LocatorDamaged { paths } => {
            out.push_str(match report.signature {
                SignatureState::Valid { .. } => "SIGNATURE VALID; LOCATOR DAMAGED",
                _ => "CONTENT INTACT; LOCATOR DAMAGED",
            });
            out.push_str(
                ": the content matches its digest, but the leaf map that names changed fields was edited; ask the sender for a fresh copy\n",
            );
            for path in paths {
                out.push_str(&format!("  map entry wrong: {}\n", shown(path)));
            }
        }
        VerifyState::Refused { refusal } => out.push_str(&format!(
            "REFUSED (not read): {}\n",
            shown(&refusal.to_string())
        )),
        VerifyState::UnsupportedVersion { version } => out.push_str(&format!(
            "UNSUPPORTED VERSION: format version {}; this build reads version 1\n",
            shown(version)
        )),
        VerifyState::Malformed { reason } => {
            out.push_str(&format!("MALFORMED: {}\n", shown(reason)))
        }
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
    for (index, state) in report.declarations.iter().enumerate() {
        let line = match state {
            SignatureState::Valid { fingerprint, .. } => format!("signed, key {fingerprint}"),
            SignatureState::Absent => "unsigned".to_string(),
            SignatureState::Invalid { reason, .. } => {
                format!("signature INVALID: {}", shown(reason))
            }
            SignatureState::NotChecked => "not checked".to_string(),
        };
        out.push_str(&format!("embedded declaration {index}: {line}\n"));
    }
    out
}
