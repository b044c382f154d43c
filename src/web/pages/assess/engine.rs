//! The questionnaire's only door to the risk engine.
//!
//! The web app decides nothing: ratings, findings, missing information and
//! list membership all come from `enduse::evaluate` and the active ruleset.
//! This module adapts their answers to what the views need.

use enduse::evaluate::{Assessment, evaluate_in};
use enduse::hs::HsCode;
use enduse::lang::Lang;
use enduse::model::{DeclarationStatus, Evidence, Transaction};

use crate::active_ruleset;

/// Evaluates the transaction with the active ruleset, texts in `lang`.
///
/// The named parties are screened against the session's sanctions lists
/// (none screened until lists have loaded; this re-runs when they do).
/// `declaration` is the status of a counterparty response imported on the
/// results page this session; `None` leaves it unknown (missing information).
pub fn assess(
    tx: &Transaction,
    declaration: Option<DeclarationStatus>,
    lang: Lang,
) -> Result<Assessment, String> {
    let ruleset = active_ruleset::get()?;
    let (screening, lists) = crate::screening_state::evidence_for(tx);
    let evidence = Evidence {
        screening,
        lists,
        declaration: declaration.into(),
        payment_screening: Vec::new(),
    };
    Ok(evaluate_in(tx, &evidence, &ruleset, lang))
}

/// Where a code appears in the ruleset's goods lists, for the hint under the
/// HS field: `(list title, tier label, tier title)`.
pub fn list_hits(code: &HsCode, lang: Lang) -> Vec<(String, String, Option<String>)> {
    let Ok(ruleset) = active_ruleset::get() else {
        return Vec::new();
    };
    ruleset
        .hs_lists_containing(code)
        .into_iter()
        .map(|hit| {
            (
                hit.list.title.get(lang).to_string(),
                hit.tier.label.clone(),
                hit.tier.title.as_ref().map(|t| t.get(lang).to_string()),
            )
        })
        .collect()
}

/// Tier labels of the Common High Priority List whose goods warrant the
/// extra end-use questions: tiers 1 and 2 are the items Russia's weapons
/// programmes need most (BIS/EU CHPL, 23 Feb 2024).
const PRIORITY_TIERS: [&str; 2] = ["1", "2"];

/// The ruleset's name for the Common High Priority List.
const CHPL_LIST: &str = "chpl";

/// Whether any goods line is on CHPL tier 1 or 2 of the active ruleset.
pub fn has_priority_goods(tx: &Transaction) -> bool {
    let Ok(ruleset) = active_ruleset::get() else {
        return false;
    };
    tx.goods.iter().filter_map(|l| l.hs.known()).any(|code| {
        ruleset.hs_lists_containing(code).iter().any(|hit| {
            hit.list.id == CHPL_LIST && PRIORITY_TIERS.contains(&hit.tier.label.as_str())
        })
    })
}
