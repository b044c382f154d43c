//! `enduse verify CHAIN`: each hop's state, its problems, and where the chain
//! breaks, for auditors and banks checking a re-export chain offline.

use std::path::Path;

use enduse::model::Symbol;
use enduse::record::chain::{ChainContext, ChainReport, LinkState};
use enduse::record::verdict::Verdict;
use enduse::record::{DeclarationChain, verify_chain_with};
use enduse::trust::Trust;

use crate::text::{safe_output, shown};

/// Verifies a chain file's bytes against the trusted keys, prints the
/// report and returns the exit status.
pub fn run(path: &Path, bytes: &[u8], json: bool, trust: &Trust<'_>) -> u8 {
    let context = ChainContext {
        trust: *trust,
        own_request: None,
    };
    let report = match DeclarationChain::from_bytes(bytes) {
        Ok(chain) => verify_chain_with(&chain, &context),
        Err(e) => {
            if json {
                println!(
                    "{}",
                    serde_json::json!({ "file": path.display().to_string(), "kind": "declaration_chain", "error": e.to_string() })
                );
            } else {
                print!(
                    "{}",
                    safe_output(&format!(
                        "{}: declaration chain\nMALFORMED: {}\n",
                        shown(&path.display().to_string()),
                        shown(&e.to_string())
                    ))
                );
            }
            return 4;
        }
    };
    if json {
        println!("{}", to_json(path, &report));
    } else {
        print!("{}", safe_output(&render_text(path, &report)));
    }
    exit_code(&report)
}

fn exit_code(report: &ChainReport) -> u8 {
    let signed_by_untrusted = |h: &enduse::record::HopReport| {
        h.state == LinkState::Declared && matches!(h.signature, Some(Verdict::Untrusted { .. }))
    };
    if !report.is_continuous() {
        1
    } else if report.hops.iter().all(|h| h.state == LinkState::Signed) {
        0
    } else if report
        .hops
        .iter()
        .all(|h| h.state == LinkState::Signed || signed_by_untrusted(h))
    {
        5
    } else {
        2
    }
}

fn render_text(path: &Path, report: &ChainReport) -> String {
    let mut out = format!(
        "{}: declaration chain, {} hop{} (exporter: {}; chain id: {})\n",
        shown(&path.display().to_string()),
        report.hops.len(),
        if report.hops.len() == 1 { "" } else { "s" },
        shown(report.exporter.as_deref().unwrap_or("unknown")),
        shown(report.chain_id.as_deref().unwrap_or("unknown")),
    );
    for hop in &report.hops {
        let who = match (&hop.declared, &hop.addressee) {
            (Some(d), _) => format!(
                "{} ({}), {}",
                shown(&d.party),
                d.country.code(),
                d.role.as_str().replace('_', " ")
            ),
            (None, Some((name, country))) => format!(
                "awaiting {} ({})",
                shown(name),
                country.map_or("country unknown", |c| c.code())
            ),
            (None, None) => "unreadable".to_string(),
        };
        out.push_str(&format!(
            "hop {}: {:<8} {who}\n",
            hop.hop,
            hop.state.as_str().to_uppercase()
        ));
        if let Some(by) = &hop.forwarded_by {
            out.push_str(&format!("  forwarded by {}\n", shown(by)));
        }
        if let Some(verdict) = &hop.signature {
            out.push_str(&format!("  {}\n", shown(&verdict.describe())));
        }
        if let Some(fp) = &hop.request_signer {
            out.push_str(&format!("  request signed by key {}\n", shown(fp)));
        }
        for problem in &hop.problems {
            out.push_str(&format!("  - {}\n", shown(&problem.to_string())));
        }
    }
    out.push_str(&match report.first_break() {
        Some(hop) => format!("CHAIN BROKEN at hop {hop}: later hops cannot be relied on\n"),
        None if report.reaches_end_user() => {
            "CONTINUOUS: every hop declared, the last declarant is the end user\n".to_string()
        }
        None => "CONTINUOUS, but incomplete: the chain does not yet reach a declared end user\n"
            .to_string(),
    });
    out
}

fn to_json(path: &Path, report: &ChainReport) -> String {
    let hops: Vec<serde_json::Value> = report
        .hops
        .iter()
        .map(|h| {
            serde_json::json!({
                "hop": h.hop,
                "state": h.state.as_str(),
                "request_digest": h.request_digest.map(|d| d.to_string()),
                "response_digest": h.response_digest.map(|d| d.to_string()),
                "party": h.declared.as_ref().map(|d| d.party.clone()),
                "country": h.declared.as_ref().map(|d| d.country.code()),
                "role": h.declared.as_ref().map(|d| d.role.as_str()),
                "signer": h.declared.as_ref().and_then(|d| d.signer.clone()),
                "signature": h.signature.as_ref().map(crate::verify::verdict_json),
                "request_signer": h.request_signer,
                "forwarded_by": h.forwarded_by,
                "problems": h.problems.iter().map(|p| serde_json::json!({
                    "breaks_chain": p.breaks_chain(),
                    "message": p.to_string(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let json = serde_json::json!({
        "file": path.display().to_string(),
        "kind": "declaration_chain",
        "chain_id": report.chain_id,
        "exporter": report.exporter,
        "continuous": report.is_continuous(),
        "first_break": report.first_break(),
        "reaches_end_user": report.reaches_end_user(),
        "hops": hops,
    });
    serde_json::to_string_pretty(&json).unwrap_or_default()
}
