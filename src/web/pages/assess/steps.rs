//! The questionnaire's steps, in the order of the EU due-diligence guidance:
//! what (goods), who (parties), why (end use), where (route), how it is paid,
//! what protects the exporter, then a review of everything.

/// A page of the questionnaire, or the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// Exporter and goods lines.
    Goods,
    /// Buyer, consignee, end user, intermediaries.
    Parties,
    /// Declared end use and product-specific questions.
    EndUse,
    /// Destination, transit, transport, forwarder.
    Route,
    /// Payer, bank, method, commercial red flags.
    Payment,
    /// Contract clauses and statements.
    Safeguards,
    /// Every answer on one page.
    Review,
    /// The assessment.
    Results,
}

impl Step {
    /// The questionnaire pages in order (results excluded).
    pub const WIZARD: [Step; 7] = [
        Step::Goods,
        Step::Parties,
        Step::EndUse,
        Step::Route,
        Step::Payment,
        Step::Safeguards,
        Step::Review,
    ];

    /// The URL segment: `/assess/<draft>/<slug>`.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Goods => "goods",
            Step::Parties => "parties",
            Step::EndUse => "end-use",
            Step::Route => "route",
            Step::Payment => "payment",
            Step::Safeguards => "safeguards",
            Step::Review => "review",
            Step::Results => "results",
        }
    }

    /// The step with this URL segment.
    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::WIZARD
            .into_iter()
            .chain([Step::Results])
            .find(|s| s.slug() == slug)
    }

    /// Position in the wizard (results come after review).
    pub fn index(self) -> usize {
        Step::WIZARD
            .iter()
            .position(|s| *s == self)
            .unwrap_or(Step::WIZARD.len())
    }

    /// The step before, if any.
    pub fn previous(self) -> Option<Step> {
        self.index()
            .checked_sub(1)
            .and_then(|i| Step::WIZARD.get(i).copied())
    }

    /// The step after; review leads to the results.
    pub fn next(self) -> Option<Step> {
        match self {
            Step::Review => Some(Step::Results),
            Step::Results => None,
            other => Step::WIZARD.get(other.index() + 1).copied(),
        }
    }

    /// The address of this step of `draft`.
    pub fn href(self, draft: &str) -> String {
        format!("/assess/{draft}/{}", self.slug())
    }

    /// The step where the fact at `location` is asked, from the engine's
    /// fact locations (`buyer.country`, `goods.0.hs`, `payment.method`,
    /// `intermediary.1.established`). `None` for evidence that is not a
    /// questionnaire answer (screening, declarations).
    pub fn asking(location: &str) -> Option<Step> {
        let head = location.split('.').next().unwrap_or(location);
        let field = location.rsplit('.').next().unwrap_or(location);
        if matches!(field, "screening" | "screening_summary") {
            return None;
        }
        match head {
            "exporter" | "goods" | "line" => Some(Step::Goods),
            "buyer" | "consignee" | "end_user" | "intermediary" | "intermediaries" | "party" => {
                Some(Step::Parties)
            }
            "end_use" => Some(Step::EndUse),
            "shipment" | "freight_forwarder" | "chain" | "hop" => Some(Step::Route),
            "signals" => match field {
                "unfamiliar_with_product" | "declines_installation" => Some(Step::EndUse),
                _ => Some(Step::Payment),
            },
            "payment" => Some(Step::Payment),
            "safeguards" => Some(Step::Safeguards),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_order_is_linear() {
        for step in Step::WIZARD.into_iter().chain([Step::Results]) {
            assert_eq!(Step::from_slug(step.slug()), Some(step));
        }
        assert_eq!(Step::Goods.previous(), None);
        assert_eq!(Step::Goods.next(), Some(Step::Parties));
        assert_eq!(Step::Review.next(), Some(Step::Results));
        assert_eq!(Step::Results.previous(), Some(Step::Review));
        assert_eq!(Step::from_slug("nope"), None);
    }

    #[test]
    fn facts_lead_to_their_step() {
        assert_eq!(Step::asking("goods.0.hs"), Some(Step::Goods));
        assert_eq!(
            Step::asking("intermediary.1.established"),
            Some(Step::Parties)
        );
        assert_eq!(Step::asking("buyer.screening"), None);
        assert_eq!(
            Step::asking("signals.declines_installation"),
            Some(Step::EndUse)
        );
        assert_eq!(Step::asking("signals.price_vs_market"), Some(Step::Payment));
        assert_eq!(Step::asking("freight_forwarder.country"), Some(Step::Route));
        assert_eq!(Step::asking("evidence.declaration"), None);
        assert_eq!(Step::asking("chain.1.esf"), Some(Step::Route));
    }
}
