//! Step 1, "what": the exporter and the goods lines, with what each HS code
//! means and whether it is on a high-priority list, shown while typing.

use enduse::country::Country;
use enduse::hs::HsCode;
use enduse::hs_nomenclature;
use enduse::lang::Lang;
use enduse::model::{Answer, GoodsLine};
use leptos::prelude::*;

use super::ctx::{Ctx, tr};
use super::engine;
use super::form::{
    Form, NumberError, PasteColumn, PasteProblem, parse_currency, parse_hs, parse_number,
    parse_pasted,
};
use super::labels::I18n;
use crate::components::answer_group::AnswerGroup;
use crate::components::country_select::CountrySelect;
use crate::components::text_field::{TextArea, TextField};
use crate::i18n::{t, t_string, use_i18n};
use crate::language;

#[component]
pub fn GoodsStep(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let count = Memo::new(move |_| ctx.form.with(|f| f.tx.goods.len()));
    let has_risk_assessment = Memo::new(move |_| {
        ctx.form
            .with(|f| f.tx.exporter.risk_assessment == Answer::Yes)
    });
    let has_subsidiaries = Memo::new(move |_| {
        ctx.form
            .with(|f| f.tx.exporter.non_eu_subsidiaries == Answer::Yes)
    });
    let add = move |_| {
        ctx.edit(|f| f.tx.goods.push(GoodsLine::default()));
        focus_last_line();
    };
    let lines = move || {
        (0..count.get())
            .map(|index| view! { <GoodsLineEditor ctx index /> })
            .collect_view()
    };
    view! {
        <fieldset class="group">
            <legend>{t!(i18n, assess.exporter_legend)}</legend>
            <TextField
                id="exporter-name".to_string()
                label=tr!(i18n, assess.exporter_name)
                value=ctx.read(|f| f.tx.exporter.name.clone())
                on_input=ctx.write(|f, v: String| f.tx.exporter.name = v)
                autocomplete="organization"
            />
            <CountrySelect
                id="exporter-country".to_string()
                label=tr!(i18n, assess.exporter_country)
                value=ctx.read(|f| f.tx.exporter.country.known().copied())
                on_change=ctx.write(|f, v: Option<Country>| f.tx.exporter.country = v.into())
            />
            <TextField
                id="reference".to_string()
                label=tr!(i18n, assess.reference)
                value=ctx.read(|f| f.tx.reference.clone())
                on_input=ctx.write(|f, v: String| f.tx.reference = v)
            />
        </fieldset>
        <fieldset class="group">
            <legend>{t!(i18n, assess.programme_legend)}</legend>
            <AnswerGroup
                id="q-risk-assessment".to_string()
                legend=tr!(i18n, assess.q_risk_assessment)
                value=ctx.read(|f| f.tx.exporter.risk_assessment)
                on_change=ctx.write(|f, v: Answer| f.tx.exporter.risk_assessment = v)
            />
            <Show when=move || has_risk_assessment.get()>
                {super::questions::date_question(
                    ctx,
                    "risk-assessment-reviewed",
                    tr!(i18n, assess.risk_assessment_reviewed),
                    "exporter.risk_assessment_reviewed",
                    |tx| tx.exporter.risk_assessment_reviewed,
                    |tx, v| tx.exporter.risk_assessment_reviewed = v,
                )}
            </Show>
            <AnswerGroup
                id="q-non-eu-subsidiaries".to_string()
                legend=tr!(i18n, assess.q_non_eu_subsidiaries)
                value=ctx.read(|f| f.tx.exporter.non_eu_subsidiaries)
                on_change=ctx.write(|f, v: Answer| f.tx.exporter.non_eu_subsidiaries = v)
            />
            <Show when=move || has_subsidiaries.get()>
                <AnswerGroup
                    id="q-subsidiaries-best-efforts".to_string()
                    legend=tr!(i18n, assess.q_subsidiaries_best_efforts)
                    value=ctx.read(|f| f.tx.exporter.subsidiaries_best_efforts)
                    on_change=ctx.write(|f, v: Answer| f.tx.exporter.subsidiaries_best_efforts = v)
                />
            </Show>
        </fieldset>
        <h2>{t!(i18n, assess.goods_heading)}</h2>
        <Show when=move || count.get() == 0>
            <p class="muted">{t!(i18n, assess.goods_none)}</p>
        </Show>
        <ol class="goods-lines">{lines}</ol>
        <p>
            <button type="button" class="button" id="goods-add" on:click=add>
                {t!(i18n, assess.goods_add)}
            </button>
        </p>
        <PasteLines ctx />
    }
}

/// Moves focus to the first field of the last goods line, after it is rendered.
fn focus_last_line() {
    request_animation_frame(|| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Ok(list) = document.query_selector_all(".goods-line input")
            && list.length() > 0
        {
            // The HS field is the first input of each line: find the last line's.
            let lines = document.query_selector_all(".goods-line").ok();
            let last = lines.and_then(|l| l.item(l.length().saturating_sub(1)));
            if let Some(input) = last
                .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
                .and_then(|e| e.query_selector("input").ok().flatten())
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let _ = input.focus();
            }
        }
    });
}

/// Text of a parsed line field: what was typed, or the stored value.
fn field_text(
    f: &Form,
    index: usize,
    field: &str,
    stored: impl Fn(&GoodsLine) -> String,
) -> String {
    f.raw(&format!("goods.{index}.{field}"))
        .map(str::to_string)
        .or_else(|| f.tx.goods.get(index).map(stored))
        .unwrap_or_default()
}

fn number_text(n: Option<&f64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

fn number_message(i18n: I18n, e: NumberError) -> String {
    match e {
        NumberError::NotANumber => t_string!(i18n, assess.number_error).to_string(),
        NumberError::OutOfRange => t_string!(i18n, assess.number_range_error).to_string(),
    }
}

/// The description of a code being typed and its list memberships.
fn hs_hint(i18n: I18n, text: &str, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(d) = hs_nomenclature::describe(text, lang) {
        let mut s = format!("{} — {}", d.code(), d.text);
        if d.text_lang != lang {
            s.push_str(&format!(" ({})", t_string!(i18n, assess.hs_english_only)));
        }
        parts.push(s);
    }
    if let Ok(code) = HsCode::parse(text) {
        let hits = engine::list_hits(&code, lang);
        if hits.is_empty() {
            parts.push(t_string!(i18n, assess.hs_not_listed).to_string());
        }
        for (list, tier, tier_title) in hits {
            let mut s = t_string!(i18n, assess.hs_listed, list = list, tier = tier).to_string();
            if let Some(title) = tier_title {
                s.push_str(&format!(" ({title})"));
            }
            parts.push(s);
        }
    }
    if parts.is_empty() {
        t_string!(i18n, assess.hs_hint).to_string()
    } else {
        parts.join(". ")
    }
}

#[component]
fn GoodsLineEditor(ctx: Ctx, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let id = move |field: &str| format!("goods-{index}-{field}");
    let number = index + 1;
    let hs_text = ctx.read(move |f| {
        field_text(f, index, "hs", |l| {
            l.hs.known().map(|c| c.to_string()).unwrap_or_default()
        })
    });
    let hs_error = Signal::derive(move || {
        parse_hs(&hs_text.get())
            .err()
            .map(|_| t_string!(i18n, assess.hs_error).to_string())
    });
    let hs_hint = Signal::derive(move || hs_hint(i18n, &hs_text.get(), language::current()));
    let quantity_text =
        ctx.read(move |f| field_text(f, index, "quantity", |l| number_text(l.quantity.known())));
    let value_text =
        ctx.read(move |f| field_text(f, index, "value", |l| number_text(l.value.known())));
    let currency_text = ctx.read(move |f| {
        field_text(f, index, "currency", |l| {
            l.currency
                .known()
                .map(|c| c.code().to_string())
                .unwrap_or_default()
        })
    });
    let number_error = move |text: Signal<String>| {
        Signal::derive(move || {
            parse_number(&text.get())
                .err()
                .map(|e| number_message(i18n, e))
        })
    };
    let currency_error = Signal::derive(move || {
        parse_currency(&currency_text.get())
            .err()
            .map(|_| t_string!(i18n, assess.currency_error).to_string())
    });
    let edit_line = move |set: fn(&mut GoodsLine, &str)| {
        ctx.write(move |f, v: String| {
            if let Some(line) = f.tx.goods.get_mut(index) {
                set(line, &v);
            }
        })
    };
    let edit_parsed = move |field: &'static str, set: fn(&mut GoodsLine, &str)| {
        ctx.write(move |f, v: String| {
            f.set_raw(&format!("goods.{index}.{field}"), &v);
            if let Some(line) = f.tx.goods.get_mut(index) {
                set(line, &v);
            }
        })
    };
    let remove = move |_| {
        ctx.edit(|f| {
            if index < f.tx.goods.len() {
                f.tx.goods.remove(index);
                f.remove_raw_item("goods", index);
            }
        })
    };
    let duplicate = move |_| {
        ctx.edit(|f| {
            if let Some(line) = f.tx.goods.get(index).cloned() {
                f.tx.goods.insert(index + 1, line);
                f.duplicate_raw_item("goods", index);
            }
        })
    };
    let legend = move || t_string!(i18n, assess.goods_line, n = number).to_string();
    view! {
        <li class="goods-line">
            <fieldset class="group">
                <legend>{legend}</legend>
                <div class="field-grid">
                    <TextField
                        id=id("hs")
                        label=tr!(i18n, assess.goods_hs)
                        value=hs_text
                        on_input=edit_parsed("hs", |l, v| l.hs = parse_hs(v).unwrap_or_default())
                        hint=hs_hint
                        error=hs_error
                        inputmode="decimal"
                        class="wide"
                    />
                    <TextField
                        id=id("description")
                        label=tr!(i18n, assess.goods_description)
                        value=ctx.read(move |f| f.tx.goods.get(index).map(|l| l.description.clone()).unwrap_or_default())
                        on_input=edit_line(|l, v| l.description = v.to_string())
                        class="wide"
                    />
                    <TextField
                        id=id("quantity")
                        label=tr!(i18n, assess.goods_quantity)
                        value=quantity_text
                        on_input=edit_parsed("quantity", |l, v| l.quantity = parse_number(v).unwrap_or_default())
                        error=number_error(quantity_text)
                        inputmode="decimal"
                    />
                    <TextField
                        id=id("unit")
                        label=tr!(i18n, assess.goods_unit)
                        value=ctx.read(move |f| f.tx.goods.get(index).map(|l| l.unit.clone()).unwrap_or_default())
                        on_input=edit_line(|l, v| l.unit = v.to_string())
                    />
                    <TextField
                        id=id("value")
                        label=tr!(i18n, assess.goods_value)
                        value=value_text
                        on_input=edit_parsed("value", |l, v| l.value = parse_number(v).unwrap_or_default())
                        error=number_error(value_text)
                        inputmode="decimal"
                    />
                    <TextField
                        id=id("currency")
                        label=tr!(i18n, assess.goods_currency)
                        value=currency_text
                        on_input=edit_parsed("currency", |l, v| l.currency = parse_currency(v).unwrap_or_default())
                        error=currency_error
                    />
                    <CountrySelect
                        id=id("origin")
                        label=tr!(i18n, assess.goods_origin)
                        value=ctx.read(move |f| f.tx.goods.get(index).and_then(|l| l.origin.known().copied()))
                        on_change=ctx.write(move |f, v: Option<Country>| {
                            if let Some(line) = f.tx.goods.get_mut(index) {
                                line.origin = v.into();
                            }
                        })
                    />
                    <TextField
                        id=id("manufacturer")
                        label=tr!(i18n, assess.goods_manufacturer)
                        value=ctx.read(move |f| f.tx.goods.get(index).map(|l| l.manufacturer.clone()).unwrap_or_default())
                        on_input=edit_line(|l, v| l.manufacturer = v.to_string())
                    />
                </div>
                <AnswerGroup
                    id=id("dual-use")
                    legend=tr!(i18n, assess.q_dual_use)
                    value=ctx.read(move |f| f.tx.goods.get(index).map(|l| l.dual_use).unwrap_or_default())
                    on_change=ctx.write(move |f, v: Answer| {
                        if let Some(line) = f.tx.goods.get_mut(index) {
                            line.dual_use = v;
                        }
                    })
                />
                <p class="line-actions">
                    <button type="button" class="button" on:click=duplicate>
                        {move || t_string!(i18n, assess.goods_duplicate, n = number).to_string()}
                    </button>
                    " "
                    <button type="button" class="button" on:click=remove>
                        {move || t_string!(i18n, assess.goods_remove, n = number).to_string()}
                    </button>
                </p>
            </fieldset>
        </li>
    }
}

fn column_name(i18n: I18n, c: PasteColumn) -> String {
    match c {
        PasteColumn::Hs => t_string!(i18n, assess.goods_hs).to_string(),
        PasteColumn::Quantity => t_string!(i18n, assess.goods_quantity).to_string(),
        PasteColumn::Value => t_string!(i18n, assess.goods_value).to_string(),
        PasteColumn::Currency => t_string!(i18n, assess.goods_currency).to_string(),
        PasteColumn::Origin => t_string!(i18n, assess.goods_origin).to_string(),
    }
}

fn problem_text(i18n: I18n, p: &PasteProblem) -> String {
    let fix = match p.column {
        PasteColumn::Hs => t_string!(i18n, assess.hs_error).to_string(),
        PasteColumn::Quantity | PasteColumn::Value => {
            t_string!(i18n, assess.number_error).to_string()
        }
        PasteColumn::Currency => t_string!(i18n, assess.currency_error).to_string(),
        PasteColumn::Origin => t_string!(i18n, assess.country_code_error).to_string(),
    };
    t_string!(
        i18n,
        assess.paste_problem,
        line = p.line,
        column = column_name(i18n, p.column),
        text = p.text.clone(),
        fix = fix
    )
    .to_string()
}

/// Adds several lines at once from rows copied out of a spreadsheet.
#[component]
fn PasteLines(ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<PasteProblem>::new());
    let added = RwSignal::new(None::<usize>);
    let add = move |_| {
        let (lines, found) = parse_pasted(&text.get_untracked());
        let n = lines.len();
        ctx.edit(|f| {
            for pasted in lines {
                let index = f.tx.goods.len();
                for (field, raw) in &pasted.raw {
                    f.set_raw(&format!("goods.{index}.{field}"), raw);
                }
                f.tx.goods.push(pasted.line);
            }
        });
        problems.set(found);
        added.set(Some(n));
        text.set(String::new());
    };
    view! {
        <details class="paste">
            <summary>{t!(i18n, assess.paste_title)}</summary>
            <TextArea
                id="goods-paste".to_string()
                label=tr!(i18n, assess.paste_label)
                hint=tr!(i18n, assess.paste_hint)
                value=text.into()
                on_input=Callback::new(move |v: String| text.set(v))
                rows=5
            />
            <p>
                <button type="button" class="button" id="goods-paste-add" on:click=add>
                    {t!(i18n, assess.paste_add)}
                </button>
            </p>
            <div role="status" class="paste-result">
                {move || added.get().map(|n| t_string!(i18n, assess.paste_added, n = n).to_string())}
            </div>
            <Show when=move || problems.with(|p| !p.is_empty())>
                <ul class="field-error paste-problems">
                    {move || problems.get().iter().map(|p| view! { <li>{problem_text(i18n, p)}</li> }).collect_view()}
                </ul>
            </Show>
        </details>
    }
}
