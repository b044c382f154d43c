//! Property tests of the evaluator against the embedded ruleset.
//!
//! Transactions are built from random bytes by a small deterministic builder,
//! which reaches every field of the model with values that matter to the
//! rules (sanctioned and hub countries, CHPL codes, dates around February 2022).
//!
//! Properties:
//! 1. Evaluation never panics, whatever the transaction and evidence.
//! 2. Adding a red flag never lowers the rating.
//! 3. Answering unknowns never hides a stop: if some completion `T'` of a
//!    transaction `T` (same answers, some unknowns of `T` answered) rates
//!    Stop, then `T` already rates Stop, or `T.worst_case` is Stop and some
//!    missing-information entry of `T` has `could_reach = stop`.
//! 4. The rating is never above the worst case, and answering unknowns never
//!    lifts the rating to Stop above a worst case below Stop.

use enduse::country::Country;
use enduse::evaluate::{Rating, evaluate};
use enduse::hs::HsCode;
use enduse::model::{
    Answer, Currency, DeclarationStatus, Disposition, EmailDomain, Evidence, Fact, GoodsLine, Hop,
    HopDocuments, HopRole, Party, PartyRole, PaymentMethod, PriceVsMarket, QuantityVsNeed, Region,
    ScreeningOutcome, Sector, Symbol, Transaction, TransportMode,
};
use enduse::model::{ListStanding, ListsSearched, PartyScreening, SearchedList};
use enduse::ruleset::Ruleset;
use proptest::prelude::*;

const COUNTRIES: &[&str] = &[
    "RU", "BY", "KZ", "KG", "AM", "DE", "US", "CN", "AE", "UA", "TR", "GE", "JP", "FR", "HK", "IT",
];
const HS: &[&str] = &[
    "854231",
    "854232",
    "851762",
    "853224",
    "847150",
    "854129",
    "848210",
    "880730",
    "903020",
    "845710",
    "846693",
    "940360",
    "870899",
    "640399",
    "8542399000",
    "84821010",
];

/// Reads choices from random bytes; runs out gracefully (zeros).
struct Bytes<'a>(std::slice::Iter<'a, u8>);

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        self.0.next().copied().unwrap_or(0)
    }
    fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[usize::from(self.byte()) % from.len()]
    }
    fn yes_no(&mut self) -> Answer {
        if self.byte().is_multiple_of(2) {
            Answer::No
        } else {
            Answer::Yes
        }
    }
    fn country(&mut self) -> Fact<Country> {
        Fact::Known(Country::parse(self.pick(COUNTRIES)).unwrap())
    }
    fn symbol<S: Symbol>(&mut self) -> Fact<S> {
        Fact::Known(S::from_name(self.pick(S::NAMES)).unwrap())
    }
    fn date(&mut self) -> Fact<chrono::NaiveDate> {
        let days = i64::from(self.byte()) * 30;
        Fact::Known(
            chrono::NaiveDate::from_ymd_opt(2010, 1, 1).unwrap() + chrono::Duration::days(days),
        )
    }
    fn currency(&mut self) -> Fact<Currency> {
        Fact::Known(
            Currency::parse(self.pick(&["EUR", "USD", "RUB", "KZT", "CNY", "AED"])).unwrap(),
        )
    }
}

/// A transaction in which every question is answered.
fn complete(b: &mut Bytes<'_>) -> Transaction {
    let mut tx = Transaction::default();
    tx.exporter.name = "Exporter".into();
    tx.exporter.country = b.country();
    tx.exporter.risk_assessment = b.yes_no();
    tx.exporter.risk_assessment_reviewed = b.date();
    tx.exporter.non_eu_subsidiaries = b.yes_no();
    tx.exporter.subsidiaries_best_efforts = b.yes_no();
    tx.shipment.contract_date = b.date();
    tx.shipment.date = b.date();
    tx.safeguards.no_belarus_clause = b.yes_no();
    tx.safeguards.ip_rights_granted = b.yes_no();
    tx.safeguards.no_russia_ip_clause = b.yes_no();
    for _ in 0..(b.byte() % 4) {
        tx.goods.push(GoodsLine {
            hs: Fact::Known(HsCode::parse(b.pick(HS)).unwrap()),
            description: "goods".into(),
            quantity: Fact::Known(f64::from(b.byte()) * 10.0),
            unit: "pcs".into(),
            value: Fact::Known(f64::from(b.byte()) * 1000.0),
            currency: b.currency(),
            origin: b.country(),
            manufacturer: "Maker".into(),
            dual_use: b.yes_no(),
        });
    }
    let party = |b: &mut Bytes<'_>| Party {
        name: format!("Party {}", b.byte()),
        country: b.country(),
        region: b.symbol::<Region>(),
        address: "Street 1".into(),
        registration_number: "123".into(),
        established: b.date(),
        website: "https://example.com".into(),
        web_presence: b.yes_no(),
        role: b.symbol::<PartyRole>(),
        related_to_other_parties: b.yes_no(),
        relationship: "none".into(),
        previous_dealings: b.yes_no(),
        residential_address: b.yes_no(),
        business_matches_goods: b.yes_no(),
        email_domain: b.symbol::<EmailDomain>(),
        phone_country: b.country(),
        owned_by_russia_belarus: b.yes_no(),
        owner_country: b.country(),
        related_to_exporter: b.yes_no(),
        prior_russia_business: b.yes_no(),
    };
    tx.parties.buyer = party(b);
    tx.parties.consignee = party(b);
    tx.parties.end_user = party(b);
    for _ in 0..(b.byte() % 3) {
        tx.parties.intermediaries.push(party(b));
    }
    if b.byte().is_multiple_of(2) {
        tx.shipment.freight_forwarder = Some(party(b));
    }
    tx.end_use.description = "production".into();
    tx.end_use.sector = b.symbol::<Sector>();
    tx.end_use.disposition = b.symbol::<Disposition>();
    tx.end_use.military_or_government = b.yes_no();
    tx.shipment.destination = b.country();
    tx.shipment.destination_region = b.symbol::<Region>();
    tx.shipment.route = "route".into();
    let transit: Vec<Country> = (0..(b.byte() % 3))
        .filter_map(|_| b.country().known().copied())
        .collect();
    tx.shipment.transit_countries = Fact::Known(transit);
    tx.shipment.mode = b.symbol::<TransportMode>();
    tx.shipment.forwarder_is_final_destination = b.yes_no();
    tx.shipment.last_minute_changes = b.yes_no();
    tx.payment.payer_name = "Payer".into();
    tx.payment.bank_name = if b.byte().is_multiple_of(4) {
        "Dushanbe City Bank"
    } else {
        "Muster Sparkasse"
    }
    .into();
    tx.payment.payer_country = b.country();
    tx.payment.bank_country = b.country();
    tx.payment.method = b.symbol::<PaymentMethod>();
    tx.payment.currency = b.currency();
    tx.payment.prepayment = b.yes_no();
    tx.payment.third_party_payer = b.yes_no();
    tx.signals.price_vs_market = b.symbol::<PriceVsMarket>();
    tx.signals.quantity_vs_need = b.symbol::<QuantityVsNeed>();
    tx.signals.unusual_urgency = b.yes_no();
    tx.signals.unusual_packaging = b.yes_no();
    tx.signals.refuses_information = b.yes_no();
    tx.signals.declines_installation = b.yes_no();
    tx.signals.unfamiliar_with_product = b.yes_no();
    tx.safeguards.no_russia_clause = b.yes_no();
    tx.safeguards.end_use_statement = b.yes_no();
    tx.safeguards.audit_rights = b.yes_no();
    tx.safeguards.re_export_notification = b.yes_no();
    tx.safeguards.seller_installs = b.yes_no();
    tx.safeguards.site_verified = b.yes_no();
    tx.safeguards.post_shipment_verified = b.yes_no();
    for _ in 0..(b.byte() % 4) {
        let lines = tx.goods.len();
        tx.chain.push(Hop {
            party: format!("Hop {}", b.byte()),
            country: b.country(),
            region: b.symbol::<Region>(),
            role: b.symbol::<HopRole>(),
            shipped: b.date(),
            received: b.date(),
            // Mostly the order's quantities, sometimes fewer or more.
            quantities: (0..lines)
                .map(|_| Fact::Known(f64::from(b.byte() % 3) * 10.0))
                .collect(),
            documents: HopDocuments {
                customs_declaration: if b.byte().is_multiple_of(2) {
                    "CD-1".into()
                } else {
                    String::new()
                },
                guarantee_obligation: if b.byte().is_multiple_of(2) {
                    "GO-1".into()
                } else {
                    String::new()
                },
                ..HopDocuments::default()
            },
        });
    }
    tx
}

fn complete_evidence(tx: &Transaction, b: &mut Bytes<'_>) -> Evidence {
    Evidence {
        screening: tx
            .parties()
            .map(|(party, _)| PartyScreening {
                party,
                outcome: b
                    .symbol::<ScreeningOutcome>()
                    .known()
                    .copied()
                    .unwrap_or(ScreeningOutcome::NoListMatch),
                summary: String::new(),
            })
            .collect(),
        declaration: b.symbol::<DeclarationStatus>(),
        payment_screening: Vec::new(),
        lists: Some(lists_of(ListStanding::Current { age_days: 1 })),
    }
}

/// One real list searched, standing as given.
fn lists_of(standing: ListStanding) -> ListsSearched {
    ListsSearched::new(vec![SearchedList {
        name: "list.xml".into(),
        standing,
    }])
}

/// Forgets answers where `blank()` says so: the result is less informed than the input.
fn blank(tx: &Transaction, ev: &Evidence, b: &mut Bytes<'_>) -> (Transaction, Evidence) {
    let mut t = tx.clone();
    let mut e = ev.clone();
    let mut blank = || b.byte().is_multiple_of(3);
    fn forget<T>(f: &mut Fact<T>, yes: bool) {
        if yes {
            *f = Fact::Unknown;
        }
    }
    fn forget_answer(a: &mut Answer, yes: bool) {
        if yes {
            *a = Answer::Unknown;
        }
    }
    fn forget_text(s: &mut String, yes: bool) {
        if yes {
            s.clear();
        }
    }
    forget(&mut t.exporter.country, blank());
    for line in &mut t.goods {
        forget(&mut line.hs, blank());
        forget(&mut line.quantity, blank());
        forget(&mut line.value, blank());
        forget(&mut line.currency, blank());
        forget(&mut line.origin, blank());
        forget_text(&mut line.description, blank());
        forget_text(&mut line.manufacturer, blank());
    }
    let parties = [
        &mut t.parties.buyer,
        &mut t.parties.consignee,
        &mut t.parties.end_user,
    ]
    .into_iter()
    .chain(t.parties.intermediaries.iter_mut())
    .chain(t.shipment.freight_forwarder.iter_mut());
    for p in parties {
        forget_text(&mut p.name, blank());
        forget_text(&mut p.address, blank());
        forget_text(&mut p.website, blank());
        forget_text(&mut p.registration_number, blank());
        forget(&mut p.country, blank());
        forget(&mut p.region, blank());
        forget(&mut p.established, blank());
        forget(&mut p.role, blank());
        forget_answer(&mut p.web_presence, blank());
        forget_answer(&mut p.related_to_other_parties, blank());
        forget_answer(&mut p.previous_dealings, blank());
        forget_answer(&mut p.residential_address, blank());
        forget_answer(&mut p.business_matches_goods, blank());
    }
    forget_text(&mut t.end_use.description, blank());
    forget(&mut t.end_use.sector, blank());
    forget(&mut t.end_use.disposition, blank());
    forget_answer(&mut t.end_use.military_or_government, blank());
    forget(&mut t.shipment.destination, blank());
    forget(&mut t.shipment.destination_region, blank());
    forget(&mut t.shipment.transit_countries, blank());
    forget(&mut t.shipment.mode, blank());
    forget_answer(&mut t.shipment.forwarder_is_final_destination, blank());
    forget_answer(&mut t.shipment.last_minute_changes, blank());
    forget(&mut t.payment.payer_country, blank());
    forget(&mut t.payment.bank_country, blank());
    forget(&mut t.payment.method, blank());
    forget(&mut t.payment.currency, blank());
    forget_answer(&mut t.payment.prepayment, blank());
    forget_answer(&mut t.payment.third_party_payer, blank());
    forget(&mut t.signals.price_vs_market, blank());
    forget(&mut t.signals.quantity_vs_need, blank());
    forget_answer(&mut t.signals.unusual_urgency, blank());
    forget_answer(&mut t.signals.unusual_packaging, blank());
    forget_answer(&mut t.signals.refuses_information, blank());
    forget_answer(&mut t.signals.declines_installation, blank());
    forget_answer(&mut t.signals.unfamiliar_with_product, blank());
    forget_answer(&mut t.safeguards.no_russia_clause, blank());
    forget_answer(&mut t.safeguards.end_use_statement, blank());
    forget_answer(&mut t.safeguards.audit_rights, blank());
    for hop in &mut t.chain {
        forget_text(&mut hop.party, blank());
        forget(&mut hop.country, blank());
        forget(&mut hop.region, blank());
        forget(&mut hop.role, blank());
        forget(&mut hop.shipped, blank());
        forget(&mut hop.received, blank());
        for q in &mut hop.quantities {
            forget(q, blank());
        }
        forget_text(&mut hop.documents.customs_declaration, blank());
        forget_text(&mut hop.documents.guarantee_obligation, blank());
    }
    forget_answer(&mut t.safeguards.re_export_notification, blank());
    forget_answer(&mut t.safeguards.seller_installs, blank());
    forget_answer(&mut t.safeguards.site_verified, blank());
    forget_answer(&mut t.safeguards.post_shipment_verified, blank());
    e.screening.retain(|_| !blank());
    forget(&mut e.declaration, blank());
    if blank() {
        e.lists = Some(lists_of(ListStanding::DateUnknown));
    }
    (t, e)
}

/// One red flag raised on `tx`, chosen by `which`.
fn raise_flag(tx: &mut Transaction, ev: &mut Evidence, which: u8) {
    let russia = Fact::Known(Country::parse("RU").unwrap());
    match which % 16 {
        0 => tx.signals.unusual_urgency = Answer::Yes,
        1 => tx.signals.unusual_packaging = Answer::Yes,
        2 => tx.signals.refuses_information = Answer::Yes,
        3 => tx.signals.declines_installation = Answer::Yes,
        4 => tx.signals.unfamiliar_with_product = Answer::Yes,
        5 => tx.signals.price_vs_market = Fact::Known(PriceVsMarket::FarAbove),
        6 => tx.signals.quantity_vs_need = Fact::Known(QuantityVsNeed::FarExcessive),
        7 => tx.shipment.last_minute_changes = Answer::Yes,
        8 => tx.shipment.forwarder_is_final_destination = Answer::Yes,
        9 => tx.payment.third_party_payer = Answer::Yes,
        10 => tx.parties.buyer.residential_address = Answer::Yes,
        11 => tx.parties.buyer.web_presence = Answer::No,
        12 => tx.parties.end_user.business_matches_goods = Answer::No,
        13 => tx.shipment.destination = russia,
        14 => {
            ev.screening
                .retain(|s| s.party != enduse::model::PartyRef::Buyer);
            ev.screening.push(PartyScreening {
                party: enduse::model::PartyRef::Buyer,
                outcome: ScreeningOutcome::PotentialMatch,
                summary: String::new(),
            });
        }
        _ => tx.payment.payer_country = russia,
    }
}

fn ruleset() -> Ruleset {
    Ruleset::embedded().unwrap_or_else(|e| panic!("{e}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_and_stays_consistent(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let rs = ruleset();
        let mut b = Bytes(bytes.iter());
        let full = complete(&mut b);
        let ev_full = complete_evidence(&full, &mut b);
        let (tx, ev) = blank(&full, &ev_full, &mut b);
        let a = evaluate(&tx, &ev, &rs);
        prop_assert!(a.rating <= a.worst_case);
        let stop_finding = a.findings.iter().any(|f| f.severity == enduse::ruleset::Severity::Stop);
        prop_assert_eq!(a.rating == Rating::Stop, stop_finding);
        prop_assert!(a.missing.iter().all(|m| m.could_reach <= a.worst_case && !m.rules.is_empty()));
        prop_assert!(serde_json::to_string(&a).is_ok());
    }

    /// `Scope::decide` (quantifiers stop at their first true item) gives
    /// every rule and mitigation the same truth value as `Scope::eval`, and
    /// when unknown the same unknowns: the evaluator relies on it to re-run
    /// only the rules that fire.
    #[test]
    fn deciding_agrees_with_full_evaluation(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        use enduse::evaluate::{Scope, Trace, Tri, hs_tier_masks};
        let rs = ruleset();
        let mut b = Bytes(bytes.iter());
        let full = complete(&mut b);
        let ev_full = complete_evidence(&full, &mut b);
        let (tx, ev) = blank(&full, &ev_full, &mut b);
        let masks = hs_tier_masks(&tx, &rs);
        let scope = Scope::new(&tx, &ev, &rs, &masks).at(rs.updated());
        let conditions = rs
            .rules()
            .iter()
            .map(|r| (r.id(), r.condition()))
            .chain(rs.mitigations().iter().map(|m| (&*m.id, &m.when)));
        for (id, cond) in conditions {
            let (mut decided, mut evaluated) = (Trace::default(), Trace::default());
            let d = scope.decide(cond, &mut decided);
            let e = scope.eval(cond, &mut evaluated);
            prop_assert_eq!(d, e, "{}", id);
            if d == Tri::Unknown {
                for t in [&mut decided, &mut evaluated] {
                    t.unknowns.sort_unstable();
                    t.unknowns.dedup();
                }
                prop_assert_eq!(&decided.unknowns, &evaluated.unknowns, "{}", id);
            }
        }
    }

    /// Mitigations: residual ≤ inherent finding by finding and overall, a
    /// stop is never lowered, no finding goes below its rule's floor, and a
    /// mitigation that lowered a finding holds on known answers alone (it
    /// still holds when every *other* unanswered question stays unanswered,
    /// and it never holds on a transaction where nothing is answered).
    #[test]
    fn mitigations_lower_only_what_they_may(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        use enduse::evaluate::{Scope, Trace, Tri, hs_tier_masks};
        use enduse::ruleset::Severity;
        let rs = ruleset();
        let mut b = Bytes(bytes.iter());
        let full = complete(&mut b);
        let ev_full = complete_evidence(&full, &mut b);
        let (tx, ev) = blank(&full, &ev_full, &mut b);
        let a = evaluate(&tx, &ev, &rs);
        prop_assert!(a.rating <= a.inherent_rating);
        prop_assert!(a.score <= a.inherent_score);
        let masks = hs_tier_masks(&tx, &rs);
        let scope = Scope::new(&tx, &ev, &rs, &masks);
        for f in &a.findings {
            let rule = rs.rule(&f.rule).unwrap();
            prop_assert!(f.severity <= f.inherent, "{} lowered above inherent", f.rule);
            prop_assert!(f.severity >= rule.floor(), "{} below its floor", f.rule);
            if f.inherent == Severity::Stop {
                prop_assert_eq!(f.severity, Severity::Stop);
                prop_assert!(f.mitigated_by.is_empty());
            }
            if f.severity < f.inherent {
                prop_assert!(!f.mitigated_by.is_empty());
            }
            for m in &f.mitigated_by {
                let mitigation = rs.mitigations().iter().find(|x| x.id == m.id).unwrap();
                let mut trace = Trace::default();
                prop_assert_eq!(scope.eval(&mitigation.when, &mut trace), Tri::True);
                prop_assert!(trace.unknowns.is_empty() && trace.asked.is_empty());
            }
        }
        let nothing = Transaction::default();
        let none = Evidence::default();
        let masks = hs_tier_masks(&nothing, &rs);
        let scope = Scope::new(&nothing, &none, &rs, &masks);
        for m in rs.mitigations() {
            prop_assert_ne!(scope.eval(&m.when, &mut Trace::default()), Tri::True, "{} holds on nothing", m.id);
        }
    }

    #[test]
    fn a_red_flag_never_lowers_the_rating(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        flag in any::<u8>(),
    ) {
        let rs = ruleset();
        let mut b = Bytes(bytes.iter());
        let full = complete(&mut b);
        let ev_full = complete_evidence(&full, &mut b);
        let (mut tx, mut ev) = blank(&full, &ev_full, &mut b);
        let before = evaluate(&tx, &ev, &rs);
        raise_flag(&mut tx, &mut ev, flag);
        let after = evaluate(&tx, &ev, &rs);
        prop_assert!(
            after.rating >= before.rating,
            "flag {} lowered {} -> {}; before {:?} after {:?}",
            flag % 16, before.rating, after.rating,
            before.findings.iter().map(|f| &f.rule).collect::<Vec<_>>(),
            after.findings.iter().map(|f| &f.rule).collect::<Vec<_>>()
        );
    }

    /// Lists that cannot clear anyone (out of date, undated, samples) never
    /// lower the rating, always say so, and never hide a hit.
    #[test]
    fn lists_that_do_not_clear_never_lower_the_rating(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        which in any::<u8>(),
    ) {
        let rs = ruleset();
        let mut b = Bytes(bytes.iter());
        let full = complete(&mut b);
        let mut ev = complete_evidence(&full, &mut b);
        let before = evaluate(&full, &ev, &rs);
        ev.lists = Some(match which % 3 {
            0 => lists_of(ListStanding::OutOfDate { age_days: 30, max_age_days: 7 }),
            1 => lists_of(ListStanding::DateUnknown),
            _ => lists_of(ListStanding::Sample),
        });
        let after = evaluate(&full, &ev, &rs);
        prop_assert!(after.rating >= before.rating, "{} -> {}", before.rating, after.rating);
        prop_assert!(after.findings.iter().any(|f| f.rule.as_str() == "SCREEN-LISTS-NOT-CURRENT"));
        prop_assert!(!before.findings.iter().any(|f| f.rule.as_str() == "SCREEN-LISTS-NOT-CURRENT"));
        for hit in ["SCREEN-POTENTIAL-MATCH", "SCREEN-REVIEW"] {
            let had = before.findings.iter().any(|f| f.rule.as_str() == hit);
            prop_assert_eq!(had, after.findings.iter().any(|f| f.rule.as_str() == hit), "{}", hit);
        }
    }

    #[test]
    fn answering_unknowns_never_hides_a_stop(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let rs = ruleset();
        let mut b = Bytes(bytes.iter());
        let full = complete(&mut b);
        let ev_full = complete_evidence(&full, &mut b);
        let (partial, ev_partial) = blank(&full, &ev_full, &mut b);
        let completed = evaluate(&full, &ev_full, &rs);
        let draft = evaluate(&partial, &ev_partial, &rs);
        if completed.rating == Rating::Stop {
            let warned = draft.worst_case == Rating::Stop
                && draft.missing.iter().any(|m| m.could_reach == Rating::Stop);
            prop_assert!(
                draft.rating == Rating::Stop || warned,
                "completion rates stop ({:?}) but the draft rates {} with worst case {} and missing {:?}",
                completed.findings.iter().map(|f| &f.rule).collect::<Vec<_>>(),
                draft.rating, draft.worst_case,
                draft.missing.iter().map(|m| (&m.fact, m.could_reach)).collect::<Vec<_>>()
            );
        }
        // The draft's worst case bounds the completion whenever no tier multiplier is involved.
        if completed.rating == Rating::Stop || draft.worst_case == Rating::Stop {
            prop_assert!(completed.rating <= draft.worst_case);
        }
    }
}

#[test]
fn builder_reaches_stop_and_low() {
    // Guards the generators: a fixed seed that rates Stop, and the empty draft.
    let rs = ruleset();
    let mut tx = Transaction::default();
    tx.shipment.destination = Fact::Known(Country::parse("RU").unwrap());
    assert_eq!(
        evaluate(&tx, &Evidence::default(), &rs).rating,
        Rating::Stop
    );
    let a = evaluate(&Transaction::default(), &Evidence::default(), &rs);
    assert_eq!(a.worst_case, Rating::Stop);
    assert!(
        a.missing
            .iter()
            .any(|m| m.fact == "shipment.destination" && m.could_reach == Rating::Stop)
    );
}
