//! Translated names of the model's closed answer sets and of ratings.
//!
//! The model names its values in snake_case (`resell_export`); people read
//! them in their own language. One function per set keeps the mapping
//! exhaustive: a value without a translation shows its raw name, visibly.

use enduse::model::{
    Disposition, PartyRole, PaymentMethod, PriceVsMarket, QuantityVsNeed, Region, Sector, Symbol,
    TransportMode,
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
