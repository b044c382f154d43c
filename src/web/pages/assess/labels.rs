//! Translated names of the model's closed answer sets and of ratings.
//!
//! The model names its values in snake_case (`resell_export`); people read
//! them in their own language. One function per set keeps the mapping
//! exhaustive: a value without a translation shows its raw name, visibly.

use enduse::model::{
    Disposition, EmailDomain, PartyRole, PaymentMethod, PriceVsMarket, QuantityVsNeed, Region,
    Sector, Symbol, TransportMode,
};
use enduse::ruleset::Severity;
use leptos::prelude::*;

use crate::i18n::{Locale, t_string};

/// The i18n context type.
pub type I18n = leptos_i18n::I18nContext<Locale>;

macro_rules! symbol_labels {
    ($fn_name:ident, $ty:ty, { $($name:literal => $key:ident),+ $(,)? }) => {
        // Ties the table to the set it translates, so a renamed type fails here.
        const _: &[&str] = <$ty as Symbol>::NAMES;

        /// The translated label of a value of this set.
        pub fn $fn_name(i18n: I18n, name: &str) -> String {
            match name {
                $( $name => t_string!(i18n, assess.$key).to_string(), )+
                other => other.replace('_', " "),
            }
        }
    };
}

symbol_labels!(sector, Sector, {
    "manufacturing" => sector_manufacturing,
    "energy" => sector_energy,
    "mining" => sector_mining,
    "agriculture" => sector_agriculture,
    "construction" => sector_construction,
    "telecommunications" => sector_telecommunications,
    "information_technology" => sector_information_technology,
    "healthcare" => sector_healthcare,
    "research_education" => sector_research_education,
    "transport_logistics" => sector_transport_logistics,
    "trade" => sector_trade,
    "consumer" => sector_consumer,
    "aerospace" => sector_aerospace,
    "defence" => sector_defence,
    "government" => sector_government,
    "other" => sector_other,
});

symbol_labels!(disposition, Disposition, {
    "own_use" => disposition_own_use,
    "incorporate" => disposition_incorporate,
    "resell_domestic" => disposition_resell_domestic,
    "resell_export" => disposition_resell_export,
    "stock" => disposition_stock,
});

symbol_labels!(role, PartyRole, {
    "manufacturer" => role_manufacturer,
    "distributor" => role_distributor,
    "reseller" => role_reseller,
    "trading_company" => role_trading_company,
    "agent" => role_agent,
    "logistics" => role_logistics,
    "freight_forwarder" => role_freight_forwarder,
    "bank" => role_bank,
    "integrator" => role_integrator,
    "government" => role_government,
    "other" => role_other,
});

symbol_labels!(payment_method, PaymentMethod, {
    "bank_transfer" => method_bank_transfer,
    "letter_of_credit" => method_letter_of_credit,
    "cash" => method_cash,
    "crypto" => method_crypto,
    "card" => method_card,
    "barter" => method_barter,
    "other" => method_other,
});

symbol_labels!(price, PriceVsMarket, {
    "far_below" => price_far_below,
    "below" => price_below,
    "at_market" => price_at_market,
    "above" => price_above,
    "far_above" => price_far_above,
});

symbol_labels!(quantity, QuantityVsNeed, {
    "consistent" => quantity_consistent,
    "excessive" => quantity_excessive,
    "far_excessive" => quantity_far_excessive,
});

symbol_labels!(mode, TransportMode, {
    "road" => mode_road,
    "rail" => mode_rail,
    "air" => mode_air,
    "sea" => mode_sea,
    "courier" => mode_courier,
    "multimodal" => mode_multimodal,
});

symbol_labels!(region, Region, {
    "crimea" => region_crimea,
    "sevastopol" => region_sevastopol,
    "donetsk" => region_donetsk,
    "luhansk" => region_luhansk,
    "zaporizhzhia" => region_zaporizhzhia,
    "kherson" => region_kherson,
    "elsewhere" => region_elsewhere,
});

symbol_labels!(email_domain, EmailDomain, {
    "company" => email_company,
    "personal" => email_personal,
    "ru_by" => email_ru_by,
});

/// The translated name of a rating or severity.
pub fn severity(i18n: I18n, severity: Severity) -> String {
    match severity {
        Severity::Low => t_string!(i18n, assess.rating_low).to_string(),
        Severity::Medium => t_string!(i18n, assess.rating_medium).to_string(),
        Severity::High => t_string!(i18n, assess.rating_high).to_string(),
        Severity::Stop => t_string!(i18n, assess.rating_stop).to_string(),
    }
}

/// A label callback for [`crate::components::choice_select::ChoiceSelect`].
pub fn callback(i18n: I18n, f: fn(I18n, &str) -> String) -> Callback<&'static str, String> {
    Callback::new(move |name: &'static str| f(i18n, name))
}

/// The label of a known symbol value, or the "not known" text.
pub fn of_fact<S: Symbol>(i18n: I18n, value: Option<&S>, f: fn(I18n, &str) -> String) -> String {
    match value {
        Some(v) => f(i18n, v.as_str()),
        None => t_string!(i18n, assess.review_unknown).to_string(),
    }
}

/// The translated name of a party reference (`buyer`, `intermediary.1`).
fn party_title(i18n: I18n, who: &str) -> Option<String> {
    Some(match who {
        "buyer" => t_string!(i18n, assess.buyer_legend).to_string(),
        "consignee" => t_string!(i18n, assess.consignee_legend).to_string(),
        "end_user" => t_string!(i18n, assess.end_user_legend).to_string(),
        "freight_forwarder" => t_string!(i18n, assess.forwarder_legend).to_string(),
        other => {
            let n: usize = other.strip_prefix("intermediary.")?.parse().ok()?;
            t_string!(i18n, assess.intermediary_legend, n = n + 1).to_string()
        }
    })
}

/// The translated label of a party field, as the questionnaire asks it.
fn party_field(i18n: I18n, field: &str) -> Option<String> {
    Some(match field {
        "name" => t_string!(i18n, assess.party_name).to_string(),
        "country" => t_string!(i18n, assess.party_country).to_string(),
        "region" => t_string!(i18n, assess.party_region).to_string(),
        "address" => t_string!(i18n, assess.party_address).to_string(),
        "registration_number" => t_string!(i18n, assess.party_registration).to_string(),
        "established" => t_string!(i18n, assess.party_established).to_string(),
        "website" => t_string!(i18n, assess.party_website).to_string(),
        "role" => t_string!(i18n, assess.party_role).to_string(),
        "relationship" => t_string!(i18n, assess.party_relationship).to_string(),
        "web_presence" => t_string!(i18n, assess.q_web_presence).to_string(),
        "previous_dealings" => t_string!(i18n, assess.q_previous_dealings).to_string(),
        "residential_address" => t_string!(i18n, assess.q_residential_address).to_string(),
        "business_matches_goods" => t_string!(i18n, assess.q_business_matches_goods).to_string(),
        "related_to_other_parties" => t_string!(i18n, assess.q_related).to_string(),
        "screening" => t_string!(i18n, assess.fact_screening).to_string(),
        "related_to_exporter" => t_string!(i18n, assess.q_related_to_exporter).to_string(),
        "owned_by_russia_belarus" => t_string!(i18n, assess.q_owned_by_russia_belarus).to_string(),
        "owner_country" => t_string!(i18n, assess.party_owner_country).to_string(),
        "prior_russia_business" => t_string!(i18n, assess.q_prior_russia_business).to_string(),
        "email_domain" => t_string!(i18n, assess.party_email_domain).to_string(),
        "phone_country" => t_string!(i18n, assess.party_phone_country).to_string(),
        _ => return None,
    })
}

/// The translated label of a goods-line field.
fn line_field(i18n: I18n, field: &str) -> Option<String> {
    Some(match field {
        "hs" => t_string!(i18n, assess.goods_hs).to_string(),
        "description" => t_string!(i18n, assess.goods_description).to_string(),
        "quantity" => t_string!(i18n, assess.goods_quantity).to_string(),
        "unit" => t_string!(i18n, assess.goods_unit).to_string(),
        "value" => t_string!(i18n, assess.goods_value).to_string(),
        "currency" => t_string!(i18n, assess.goods_currency).to_string(),
        "origin" => t_string!(i18n, assess.goods_origin).to_string(),
        "manufacturer" => t_string!(i18n, assess.goods_manufacturer).to_string(),
        "dual_use" => t_string!(i18n, assess.q_dual_use).to_string(),
        _ => return None,
    })
}

/// The translated label of a transaction-wide fact.
fn top_fact(i18n: I18n, path: &str) -> Option<String> {
    Some(match path {
        "exporter.country" => t_string!(i18n, assess.exporter_country).to_string(),
        "end_use.description" => t_string!(i18n, assess.end_use_description).to_string(),
        "end_use.sector" => t_string!(i18n, assess.end_use_sector).to_string(),
        "end_use.disposition" => t_string!(i18n, assess.end_use_disposition).to_string(),
        "end_use.military_or_government" => t_string!(i18n, assess.q_military).to_string(),
        "shipment.destination" => t_string!(i18n, assess.destination).to_string(),
        "shipment.destination_region" => t_string!(i18n, assess.party_region).to_string(),
        "shipment.transit_countries" => t_string!(i18n, assess.q_transit).to_string(),
        "shipment.mode" => t_string!(i18n, assess.transport_mode).to_string(),
        "shipment.route" => t_string!(i18n, assess.route).to_string(),
        "shipment.forwarder_is_final_destination" => {
            t_string!(i18n, assess.q_forwarder_final).to_string()
        }
        "shipment.last_minute_changes" => t_string!(i18n, assess.q_last_minute).to_string(),
        "payment.payer_name" => t_string!(i18n, assess.payer_name).to_string(),
        "payment.bank_name" => t_string!(i18n, assess.bank_name).to_string(),
        "payment.bank_bic" => t_string!(i18n, assess.bank_bic).to_string(),
        "payment.payer_listed" => t_string!(i18n, assess.payer_listed).to_string(),
        "payment.bank_listed" => t_string!(i18n, assess.bank_listed).to_string(),
        "payment.payer_country" => t_string!(i18n, assess.payer_country).to_string(),
        "payment.bank_country" => t_string!(i18n, assess.bank_country).to_string(),
        "payment.method" => t_string!(i18n, assess.payment_method).to_string(),
        "payment.currency" => t_string!(i18n, assess.payment_currency).to_string(),
        "payment.prepayment" => t_string!(i18n, assess.q_prepayment).to_string(),
        "payment.third_party_payer" => t_string!(i18n, assess.q_third_party_payer).to_string(),
        "signals.price_vs_market" => t_string!(i18n, assess.price_vs_market).to_string(),
        "signals.quantity_vs_need" => t_string!(i18n, assess.quantity_vs_need).to_string(),
        "signals.unusual_urgency" => t_string!(i18n, assess.q_urgency).to_string(),
        "signals.unusual_packaging" => t_string!(i18n, assess.q_packaging).to_string(),
        "signals.refuses_information" => t_string!(i18n, assess.q_refuses_information).to_string(),
        "signals.declines_installation" => {
            t_string!(i18n, assess.q_declines_installation).to_string()
        }
        "signals.unfamiliar_with_product" => t_string!(i18n, assess.q_unfamiliar).to_string(),
        "safeguards.no_russia_clause" => t_string!(i18n, assess.q_no_russia_clause).to_string(),
        "safeguards.end_use_statement" => t_string!(i18n, assess.q_end_use_statement).to_string(),
        "safeguards.audit_rights" => t_string!(i18n, assess.q_audit_rights).to_string(),
        "safeguards.re_export_notification" => {
            t_string!(i18n, assess.q_re_export_notification).to_string()
        }
        "evidence.declaration" => t_string!(i18n, assess.fact_declaration).to_string(),
        "exporter.risk_assessment" => t_string!(i18n, assess.q_risk_assessment).to_string(),
        "exporter.risk_assessment_reviewed" => {
            t_string!(i18n, assess.risk_assessment_reviewed).to_string()
        }
        "exporter.non_eu_subsidiaries" => t_string!(i18n, assess.q_non_eu_subsidiaries).to_string(),
        "exporter.subsidiaries_best_efforts" => {
            t_string!(i18n, assess.q_subsidiaries_best_efforts).to_string()
        }
        "shipment.transit_list_complete" => t_string!(i18n, assess.q_transit_complete).to_string(),
        "shipment.vague_delivery_dates" => t_string!(i18n, assess.q_vague_delivery).to_string(),
        "shipment.contract_date" => t_string!(i18n, assess.contract_date).to_string(),
        "shipment.date" => t_string!(i18n, assess.shipment_date).to_string(),
        "payment.lc_consigned_to_issuing_bank" => {
            t_string!(i18n, assess.q_lc_issuing_bank).to_string()
        }
        "signals.remove_russia_references" => {
            t_string!(i18n, assess.q_remove_russia_references).to_string()
        }
        "signals.item_unfit_for_destination" => t_string!(i18n, assess.q_item_unfit).to_string(),
        "signals.several_end_users" => t_string!(i18n, assess.q_several_end_users).to_string(),
        "signals.communications_from_third_party" => {
            t_string!(i18n, assess.q_third_party_communications).to_string()
        }
        "safeguards.no_belarus_clause" => t_string!(i18n, assess.q_no_belarus_clause).to_string(),
        "safeguards.ip_rights_granted" => t_string!(i18n, assess.q_ip_rights_granted).to_string(),
        "safeguards.no_russia_ip_clause" => {
            t_string!(i18n, assess.q_no_russia_ip_clause).to_string()
        }
        "safeguards.seller_installs" => t_string!(i18n, assess.q_seller_installs).to_string(),
        "safeguards.site_verified" => t_string!(i18n, assess.q_site_verified).to_string(),
        "safeguards.post_shipment_verified" => {
            t_string!(i18n, assess.q_post_shipment_verified).to_string()
        }
        _ => return None,
    })
}

/// A missing fact in the interface language, from the engine's location
/// (`buyer.country`, `intermediary.0.established`, `goods.1.hs`); `None`
/// when the location is not one the questionnaire knows, so the caller can
/// fall back to the engine's English label.
pub fn fact_label(i18n: I18n, location: &str) -> Option<String> {
    if let Some(label) = top_fact(i18n, location) {
        return Some(label);
    }
    if let Some(rest) = location.strip_prefix("goods.") {
        let (index, field) = rest.split_once('.')?;
        let n: usize = index.parse().ok()?;
        let line = t_string!(i18n, assess.goods_line, n = n + 1).to_string();
        return Some(format!("{line}: {}", line_field(i18n, field)?));
    }
    let (who, field) = location.rsplit_once('.')?;
    Some(format!(
        "{}: {}",
        party_title(i18n, who)?,
        party_field(i18n, field)?
    ))
}
