//! When a split-off part of the app cannot be fetched.
//!
//! The pages and the ruleset parser live in wasm chunks fetched on first use
//! (`routes.rs`). A fetch can fail: the connection dropped before the service
//! worker had cached the app, or the site was redeployed while this tab was
//! open and the chunks it was built with are gone (their names carry the
//! build's hash, on purpose: mixing builds would break at run time). Leptos's
//! own `#[lazy]` panics then, which stops the whole app; our split points are
//! `fallible`, so the failure becomes [`ChunkMissing`] and the page says what
//! happened and offers a reload, with everything entered still saved.

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::i18n::{t, use_i18n};

/// A chunk could not be fetched or instantiated (the browser console has the details).
#[derive(Debug, Clone, Copy)]
pub struct ChunkMissing;

impl From<SplitLoaderError> for ChunkMissing {
    fn from(_: SplitLoaderError) -> Self {
        ChunkMissing
    }
}

/// Shown in place of a page (or, `inline`, of a part of one) whose code could
/// not be fetched.
#[component]
pub fn ChunkFailed(#[prop(optional)] inline: bool) -> impl IntoView {
    let i18n = use_i18n();
    let reload = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    let body = view! {
        <p role="alert">{t!(i18n, shell.chunk_failed_body)}</p>
        <p><button type="button" on:click=reload>{t!(i18n, shell.chunk_failed_reload)}</button></p>
    };
    if inline {
        view! { <div class="alert chunk-failed">{body}</div> }.into_any()
    } else {
        view! {
            <section class="page">
                <h1>{t!(i18n, shell.chunk_failed_title)}</h1>
                {body}
            </section>
        }
        .into_any()
    }
}
