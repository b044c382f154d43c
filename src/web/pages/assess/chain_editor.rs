//! The route step's "Chain to the final destination": one card per hop, in
//! order (add, remove, move up or down), bound to `Transaction.chain`.
//!
//! The final destination is the last hop's country, not the first buyer's,
//! so the section says which country that is as soon as hops exist. Dates
//! and quantities keep what was typed in the draft's raw texts
//! (`chain.<hop>.<field>`), like every parsed field of the questionnaire.

use enduse::country::Country;
use enduse::model::{Fact, Hop, HopDocuments, HopRole, Region, Symbol, final_country};
use leptos::prelude::*;

use super::ctx::{Ctx, tr};
use super::form::{Form, NumberError, parse_date, parse_number};
use super::labels;
use crate::components::chain_view::{ChainCsvButton, ChainView, document_label, role_name_text};
use crate::components::choice_select::ChoiceSelect;
use crate::components::country_select::CountrySelect;
use crate::components::text_field::TextField;
use crate::i18n::{t, t_string, use_i18n};
use crate::language;

/// The raw-text list name of the hops.
const LIST: &str = "chain";

/// The text of a parsed hop field: what was typed, or the stored value.
fn raw_or(f: &Form, index: usize, field: &str, stored: impl Fn(&Hop) -> String) -> String {
    f.raw(&format!("{LIST}.{index}.{field}"))
        .map(str::to_string)
        .or_else(|| f.tx.chain.get(index).map(stored))
        .unwrap_or_default()
}

/// Edits hop `index`, if it still exists.
fn with_hop(f: &mut Form, index: usize, change: impl FnOnce(&mut Hop)) {
    if let Some(hop) = f.tx.chain.get_mut(index) {
        change(hop);
    }
}

/// The six document fields: machine name, getter, setter, Kazakhstan-only.
type DocField = (
    &'static str,
    fn(&HopDocuments) -> &String,
    fn(&mut HopDocuments) -> &mut String,
    bool,
);

const DOCUMENTS: [DocField; 6] = [
    (
        "commercial_invoice",
        |d| &d.commercial_invoice,
        |d| &mut d.commercial_invoice,
        false,
    ),
    (
        "transport_document",
        |d| &d.transport_document,
        |d| &mut d.transport_document,
        false,
    ),
    ("esf", |d| &d.esf, |d| &mut d.esf, true),
    (
        "customs_declaration",
        |d| &d.customs_declaration,
        |d| &mut d.customs_declaration,
        false,
    ),
    ("snt", |d| &d.snt, |d| &mut d.snt, true),
    (
        "guarantee_obligation",
        |d| &d.guarantee_obligation,
        |d| &mut d.guarantee_obligation,
        true,
    ),
];

#[component]
pub fn ChainEditor(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let count = Memo::new(move |_| ctx.form.with(|f| f.tx.chain.len()));
    let add = move |_| {
        let index = ctx.form.with_untracked(|f| f.tx.chain.len());
        ctx.edit(|f| f.tx.chain.push(Hop::default()));
        focus(format!("chain-{index}-party"));
    };
    let hops = move || {
        (0..count.get())
            .map(|index| view! { <HopEditor ctx index count /> })
            .collect_view()
    };
    let final_text = move || {
        let lang = language::current();
        ctx.form.with(|f| match final_country(&f.tx).known() {
            Some(c) => c.name(lang).to_string(),
            None => t_string!(i18n, chain.country_unknown).to_string(),
        })
    };
    let report = super::chain_import::stored_report(ctx);
    let cards = Signal::derive(move || {
        let report = report.get();
        ctx.assessment.with(|a| {
            let findings = a.as_ref().map(|a| a.findings.as_slice()).unwrap_or(&[]);
            ctx.form.with(|f| {
                enduse::chain_status::cards_for_transaction(&f.tx, report.as_ref(), findings)
            })
        })
    });
    let exporter = Signal::derive(move || {
        ctx.form.with(|f| {
            (
                f.tx.exporter.name.clone(),
                f.tx.exporter.country.known().copied(),
            )
        })
    });
    view! {
        <section class="chain-editor" aria-labelledby="chain-heading">
            <h2 id="chain-heading">{t!(i18n, chain.editor_heading)}</h2>
            <p class="hint">{t!(i18n, chain.final_is_last)}</p>
            <p class="hint">{t!(i18n, chain.editor_hint)}</p>
            <Show when=move || count.get() == 0>
                <p class="muted">{t!(i18n, chain.editor_none)}</p>
            </Show>
            <ol class="chain-hops">{hops}</ol>
            <p>
                <button type="button" class="button" id="chain-add" on:click=add>
                    {t!(i18n, chain.add_hop)}
                </button>
            </p>
            <Show when=move || { count.get() > 0 }>
                <p class="chain-final" id="chain-final">
                    {t!(i18n, chain.final_destination)} " " <strong>{final_text}</strong>
                </p>
                <ChainView exporter cards id="route-chain" />
                <ChainCsvButton transaction=Signal::derive(move || ctx.form.with(|f| f.tx.clone())) id="route-chain-csv" />
            </Show>
        </section>
    }
}

/// Moves the keyboard focus to element `id` once the view has caught up.
fn focus(id: String) {
    request_animation_frame(move || {
        if let Some(element) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = element.focus();
        }
    });
}

/// One hop's card.
#[component]
fn HopEditor(ctx: Ctx, index: usize, count: Memo<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let n = index + 1;
    let id = move |field: &str| format!("chain-{index}-{field}");
    let country = ctx.read(move |f| {
        f.tx.chain
            .get(index)
            .and_then(|h| h.country.known().copied())
    });
    let show_region = Memo::new(move |_| country.get().map(Country::code) == Some("UA"));
    // The moved hop keeps the keyboard focus: on its button at its new place
    // (or the other direction's, when it reached an end).
    let swap = move |other: usize| {
        ctx.edit(|f| {
            if index < f.tx.chain.len() && other < f.tx.chain.len() {
                f.tx.chain.swap(index, other);
                f.swap_raw_items(LIST, index, other);
            }
        });
        let last = count.get_untracked().saturating_sub(1);
        let button = match (other < index, other) {
            (true, 0) => "down",
            (true, _) => "up",
            (false, o) if o == last => "up",
            (false, _) => "down",
        };
        focus(format!("chain-{other}-{button}"));
    };
    let is_last = move || index + 1 >= count.get();
    let remove = move |_| {
        ctx.edit(|f| {
            if index < f.tx.chain.len() {
                f.tx.chain.remove(index);
                f.remove_raw_item(LIST, index);
            }
        })
    };
    let date_field = move |field: &'static str,
                           label: Signal<String>,
                           get: fn(&Hop) -> Fact<chrono::NaiveDate>,
                           set: fn(&mut Hop, Fact<chrono::NaiveDate>)| {
        let key = format!("{LIST}.{index}.{field}");
        let text = ctx.read(move |f| {
            raw_or(f, index, field, |h| {
                get(h).known().map(|d| d.to_string()).unwrap_or_default()
            })
        });
        view! {
            <TextField
                id=id(field)
                label
                input_type="date"
                value=text
                on_input=ctx.write(move |f, v: String| {
                    f.set_raw(&key, &v);
                    let parsed = parse_date(&v).unwrap_or_default();
                    with_hop(f, index, |h| set(h, parsed));
                })
            />
        }
    };
    let goods = ctx.read(|f| {
        f.tx.goods
            .iter()
            .map(|g| g.description.clone())
            .collect::<Vec<_>>()
    });
    let quantities = move || {
        goods
            .get()
            .into_iter()
            .enumerate()
            .map(|(line, description)| {
                let field = format!("qty-{line}");
                let key = format!("{LIST}.{index}.qty.{line}");
                let text = {
                    let key = key.clone();
                    ctx.read(move |f| {
                        f.raw(&key).map(str::to_string).unwrap_or_else(|| {
                            f.tx.chain
                                .get(index)
                                .and_then(|h| h.quantities.get(line))
                                .and_then(|q| q.known())
                                .map(|q| q.to_string())
                                .unwrap_or_default()
                        })
                    })
                };
                let error = Signal::derive(move || {
                    parse_number(&text.get()).err().map(|e| match e {
                        NumberError::NotANumber => t_string!(i18n, assess.number_error).to_string(),
                        NumberError::OutOfRange => {
                            t_string!(i18n, assess.number_range_error).to_string()
                        }
                    })
                });
                let description = if description.trim().is_empty() {
                    t_string!(i18n, chain.line_n, n = line + 1).to_string()
                } else {
                    description
                };
                let label = Signal::derive(move || {
                    t_string!(i18n, chain.quantity_received, line = description.clone()).to_string()
                });
                view! {
                    <TextField
                        id=id(&field)
                        label
                        value=text
                        inputmode="decimal"
                        error
                        on_input=ctx.write(move |f, v: String| {
                            f.set_raw(&key, &v);
                            let parsed = parse_number(&v).unwrap_or_default();
                            with_hop(f, index, |h| {
                                if h.quantities.len() <= line {
                                    h.quantities.resize(line + 1, Fact::Unknown);
                                }
                                h.quantities[line] = parsed;
                            });
                        })
                    />
                }
            })
            .collect_view()
    };
    let documents = DOCUMENTS
        .iter()
        .map(|(name, get, set, kazakh)| {
            let (name, get, set) = (*name, *get, *set);
            let kazakh = *kazakh;
            let label = Signal::derive(move || document_label(i18n, name));
            let value = ctx.read(move |f| {
                f.tx.chain
                    .get(index)
                    .map(|h| get(&h.documents).clone())
                    .unwrap_or_default()
            });
            let on_input =
                ctx.write(move |f, v: String| with_hop(f, index, |h| *set(&mut h.documents) = v));
            let field_id = id(&format!("doc-{name}"));
            if kazakh {
                view! {
                    <TextField id=field_id label value on_input hint=tr!(i18n, chain.kazakhstan_hint) />
                }
                .into_any()
            } else {
                view! { <TextField id=field_id label value on_input /> }.into_any()
            }
        })
        .collect_view();
    view! {
        <li class="chain-hop-card">
            <fieldset class="group">
                <legend>{move || t_string!(i18n, chain.hop_n, n = n).to_string()}</legend>
                <TextField
                    id=id("party")
                    label=tr!(i18n, chain.party)
                    value=ctx.read(move |f| f.tx.chain.get(index).map(|h| h.party.clone()).unwrap_or_default())
                    on_input=ctx.write(move |f, v: String| with_hop(f, index, |h| h.party = v))
                    autocomplete="organization"
                />
                <CountrySelect
                    id=id("country")
                    label=tr!(i18n, chain.country)
                    value=country
                    on_change=ctx.write(move |f, v: Option<Country>| with_hop(f, index, |h| h.country = v.into()))
                />
                <Show when=move || show_region.get()>
                    <ChoiceSelect
                        id=id("region")
                        label=tr!(i18n, assess.party_region)
                        names=Region::NAMES
                        label_of=labels::callback(i18n, labels::region)
                        value=ctx.read(move |f| f.tx.chain.get(index).and_then(|h| h.region.known().map(|r| r.as_str())))
                        on_change=ctx.write(move |f, v: Option<&'static str>| {
                            with_hop(f, index, |h| h.region = v.and_then(Region::from_name).into())
                        })
                    />
                </Show>
                <ChoiceSelect
                    id=id("role")
                    label=tr!(i18n, chain.role)
                    names=HopRole::NAMES
                    label_of=Callback::new(move |name: &'static str| role_name_text(i18n, name))
                    value=ctx.read(move |f| f.tx.chain.get(index).and_then(|h| h.role.known().map(|r| r.as_str())))
                    on_change=ctx.write(move |f, v: Option<&'static str>| {
                        with_hop(f, index, |h| h.role = v.and_then(HopRole::from_name).into())
                    })
                />
                {date_field("shipped", tr!(i18n, chain.shipped), |h| h.shipped, |h, d| h.shipped = d)}
                {date_field("received", tr!(i18n, chain.received), |h| h.received, |h, d| h.received = d)}
                {quantities}
                <fieldset class="group chain-documents">
                    <legend>{t!(i18n, chain.documents_legend)}</legend>
                    {documents}
                </fieldset>
                <p class="chain-hop-actions">
                    <button type="button" class="button small" id=id("up")
                        prop:disabled=move || index == 0
                        on:click=move |_| {
                            if index > 0 {
                                swap(index - 1)
                            }
                        }>
                        {move || t_string!(i18n, chain.move_up, n = n).to_string()}
                    </button>
                    " "
                    <button type="button" class="button small" id=id("down")
                        prop:disabled=is_last
                        on:click=move |_| swap(index + 1)>
                        {move || t_string!(i18n, chain.move_down, n = n).to_string()}
                    </button>
                    " "
                    <button type="button" class="button small" id=id("remove") on:click=remove>
                        {move || t_string!(i18n, chain.remove_hop, n = n).to_string()}
                    </button>
                </p>
            </fieldset>
        </li>
    }
}
