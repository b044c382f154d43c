//! The questionnaire for one draft: `/assess/:draft/:step`.
//!
//! The draft is loaded from the browser's store once per draft id and saved
//! back after every change; the step comes from the address, so a reload or
//! a shared deep link lands on the same page with the same answers.

use chrono::Utc;
use enduse::draft::{self, DraftStore};
use enduse::draft_declarations::DraftDeclarations;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast;

use super::ctx::Ctx;
use super::engine;
use super::form::Form;
use super::goods::GoodsStep;
use super::labels::I18n;
use super::panel::RiskPanel;
use super::questions::{EndUseStep, PartiesStep, PaymentStep, RouteStep, SafeguardsStep};
use super::results::Results;
use super::review::ReviewStep;
use super::steps::Step;
use crate::i18n::{t, t_string, use_i18n};
use crate::language;
use crate::storage;

/// The translated title of a step.
pub fn step_title(i18n: I18n, step: Step) -> String {
    match step {
        Step::Goods => t_string!(i18n, assess.step_goods).to_string(),
        Step::Parties => t_string!(i18n, assess.step_parties).to_string(),
        Step::EndUse => t_string!(i18n, assess.step_end_use).to_string(),
        Step::Route => t_string!(i18n, assess.step_route).to_string(),
        Step::Payment => t_string!(i18n, assess.step_payment).to_string(),
        Step::Safeguards => t_string!(i18n, assess.step_safeguards).to_string(),
        Step::Review => t_string!(i18n, assess.step_review).to_string(),
        Step::Results => t_string!(i18n, assess.step_results).to_string(),
    }
}

/// Reads the stored drafts.
pub fn load_store() -> Result<DraftStore, String> {
    let text = storage::get(draft::STORAGE_KEY).map_err(|e| e.to_string())?;
    DraftStore::load(text.as_deref()).map_err(|e| e.to_string())
}

/// Saves one draft's declaration documents, re-reading the store first.
pub(super) fn save_declarations(id: &str, declarations: DraftDeclarations) -> Result<(), String> {
    let mut store = load_store()?;
    if !store.save_declarations(id, declarations, Utc::now()) {
        return Err(format!("draft {id} no longer exists in this browser"));
    }
    storage::set(draft::STORAGE_KEY, &store.to_json()).map_err(|e| e.to_string())
}

/// Saves one draft's answers, re-reading the store first so that changes
/// made in another tab to other drafts are kept.
pub(super) fn save(id: &str, answers: serde_json::Value) -> Result<(), String> {
    let mut store = load_store()?;
    if !store.save_answers(id, answers, Utc::now()) {
        return Err(format!("draft {id} no longer exists in this browser"));
    }
    storage::set(draft::STORAGE_KEY, &store.to_json()).map_err(|e| e.to_string())
}

fn focus_step_heading() {
    request_animation_frame(|| {
        if let Some(heading) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("step-heading"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = heading.focus();
        }
    });
}

/// The route component.
#[component]
pub fn AssessDraft() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let draft_id = Memo::new(move |_| params.with(|p| p.get("draft").unwrap_or_default()));
    let step = Memo::new(move |_| params.with(|p| p.get("step").and_then(|s| Step::from_slug(&s))));
    move || {
        let id = draft_id.get();
        // `None` as the error means "no such draft", translated in the view so
        // that a language switch does not reopen the draft.
        let opened = load_store().map_err(Some).and_then(|store| {
            let d = store.get(&id).ok_or(None)?;
            let form = Form::from_answers(&d.answers).map_err(|e| Some(e.to_string()))?;
            let mut declarations = d.declarations.clone();
            // A request an older release kept beside the draft becomes part of it.
            if declarations.is_empty()
                && let Some(request) = crate::components::record_actions::legacy_request(&id)
                && declarations.add_request(&request).is_ok()
            {
                let _ = save_declarations(&id, declarations.clone());
            }
            Ok((d.name.clone(), form, declarations))
        });
        match opened {
            Ok((name, form, declarations)) => {
                view! { <Wizard id name form declarations step /> }.into_any()
            }
            Err(reason) => view! {
                <section class="page">
                    <h1>{t!(i18n, assess.draft_open_error_title)}</h1>
                    <p class="alert" role="alert">
                        {match reason {
                            Some(reason) => reason.into_any(),
                            None => t!(i18n, assess.draft_missing).into_any(),
                        }}
                    </p>
                    <p><a href="/assess">{t!(i18n, assess.back_to_drafts)}</a></p>
                </section>
            }
            .into_any(),
        }
    }
}

#[component]
fn Wizard(
    id: String,
    name: String,
    form: Form,
    declarations: DraftDeclarations,
    step: Memo<Option<Step>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = RwSignal::new(form);
    let declarations = RwSignal::new(declarations);
    // The declaration evidence the kept documents give (re-verified on every
    // change; unknown when nothing was requested).
    let declaration =
        Memo::new(move |_| declarations.with(|d| crate::key_book::open_declarations(d).status()));
    let assessment = Memo::new(move |_| {
        let lang = language::current();
        let declaration = declaration.get();
        form.with(|f| engine::assess(&f.tx, declaration, lang))
    });
    let ctx = Ctx {
        draft: StoredValue::new(id.clone()),
        form,
        declarations,
        assessment,
    };
    let name = Signal::stored(name);
    let save_error = RwSignal::new(None::<String>);
    {
        let id = id.clone();
        Effect::new(move |previous: Option<()>| {
            let answers = ctx.form.with(Form::to_answers);
            if previous.is_some() {
                save_error.set(save(&id, answers).err());
            }
        });
    }
    {
        let id = id.clone();
        Effect::new(move |previous: Option<()>| {
            let kept = declarations.get();
            if previous.is_some() {
                save_error.set(save_declarations(&id, kept).err());
            }
        });
    }
    Effect::new(move |previous: Option<Option<Step>>| {
        let current = step.get();
        if previous.is_some_and(|p| p != current) {
            focus_step_heading();
        }
        current
    });
    let progress = move || {
        let current = step.get();
        Step::WIZARD
            .into_iter()
            .chain([Step::Results])
            .map(|s| {
                let is_current = current == Some(s);
                let done = current.is_some_and(|c| s.index() < c.index());
                let class = if done { "done" } else { "" };
                view! {
                    <li class=class>
                        <a href=ctx.href(s) aria-current=is_current.then_some("step")>
                            {step_title(i18n, s)}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    let body = move || match step.get() {
        None => view! {
            <p class="alert" role="alert">{t!(i18n, assess.step_missing)}</p>
            <p><a href=ctx.href(Step::Goods)>{t!(i18n, assess.step_goods)}</a></p>
        }
        .into_any(),
        Some(Step::Results) => view! { <Results ctx assessment name /> }.into_any(),
        Some(s) => {
            let content = match s {
                Step::Goods => view! { <GoodsStep ctx /> }.into_any(),
                Step::Parties => view! { <PartiesStep ctx /> }.into_any(),
                Step::EndUse => view! { <EndUseStep ctx /> }.into_any(),
                Step::Route => view! { <RouteStep ctx /> }.into_any(),
                Step::Payment => view! { <PaymentStep ctx /> }.into_any(),
                Step::Safeguards => view! { <SafeguardsStep ctx /> }.into_any(),
                Step::Review | Step::Results => view! { <ReviewStep ctx /> }.into_any(),
            };
            let back = s.previous().map(|p| {
                view! { <a class="button" rel="prev" href=ctx.href(p)>{t!(i18n, assess.back)}</a> }
            });
            let next_label = move || match s {
                Step::Review => t_string!(i18n, assess.see_results).to_string(),
                _ => t_string!(i18n, assess.next).to_string(),
            };
            let next = s.next().map(|n| {
                view! { <a class="button primary" rel="next" href=ctx.href(n)>{next_label}</a> }
            });
            view! {
                <form class="step-form" on:submit=|ev| ev.prevent_default()>
                    {content}
                </form>
                <nav class="step-nav" aria-label=move || t_string!(i18n, assess.step_nav_label).to_string()>
                    {back} " " {next}
                </nav>
            }
            .into_any()
        }
    };
    let heading = move || step.get().map(|s| step_title(i18n, s)).unwrap_or_default();
    let is_results = Memo::new(move |_| step.get() == Some(Step::Results));
    view! {
        <section class="page assess" class:results-page=move || is_results.get()>
            <p class="draft-name muted">
                <a href="/assess">{t!(i18n, assess.back_to_drafts)}</a>
                " · "
                {move || name.get()}
            </p>
            <nav class="progress" aria-label=move || t_string!(i18n, assess.progress_label).to_string()>
                <ol>{progress}</ol>
            </nav>
            {move || save_error.get().map(|reason| view! {
                <p class="alert" role="alert">{t!(i18n, assess.save_error, reason = move || reason.clone())}</p>
            })}
            <div class="assess-layout">
                <div class="assess-main">
                    <h1 id="step-heading" tabindex="-1">{heading}</h1>
                    {body}
                </div>
                <Show when=move || !is_results.get()>
                    <RiskPanel ctx assessment />
                </Show>
            </div>
        </section>
    }
}
