//! The pages behind the router, each in a WebAssembly chunk of its own.
//!
//! Home and the shell are in the main module, so the first paint needs only
//! them; every other page's code — the questionnaire and evaluator, screening,
//! the declaration and verification pages, the ruleset browser — is split off
//! at build time (`scripts/split-wasm.mjs`, see ARCHITECTURE.md, "Code
//! splitting") and fetched when its route is first visited. Without this the
//! first load would carry every page: about 790 KB brotli against a budget of
//! 350 KB (issue #6).
//!
//! Each `view` below is a split point (`#[lazy_route]` puts it behind
//! `#[wasm_split]`); the route's chunk, and the chunks it shares with others,
//! load before it runs. While a chunk loads the router keeps the previous page.

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

use crate::components::needs_ruleset::NeedsRuleset;
use crate::pages;

/// `/assess`: the list of drafts.
#[derive(Debug)]
pub struct AssessRoute;

#[lazy_route]
impl LazyRoute for AssessRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <pages::assess::Assess /> }.into_any()
    }
}

/// `/assess/:draft/:step`: the questionnaire, results and record.
#[derive(Debug)]
pub struct AssessDraftRoute;

#[lazy_route]
impl LazyRoute for AssessDraftRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <NeedsRuleset><pages::assess::AssessDraft /></NeedsRuleset> }.into_any()
    }
}

/// `/screening`: restricted-party screening of names and lists.
#[derive(Debug)]
pub struct ScreeningRoute;

#[lazy_route]
impl LazyRoute for ScreeningRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <pages::screening::Screening /> }.into_any()
    }
}

/// `/declare`: the counterparty's end-use declaration.
#[derive(Debug)]
pub struct DeclareRoute;

#[lazy_route]
impl LazyRoute for DeclareRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <pages::declare::Declare /> }.into_any()
    }
}

/// `/verify`: checking records, declarations and chains.
#[derive(Debug)]
pub struct VerifyRoute;

#[lazy_route]
impl LazyRoute for VerifyRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <pages::verify::Verify /> }.into_any()
    }
}

/// `/sources`: the active ruleset, its rules and citations.
#[derive(Debug)]
pub struct SourcesRoute;

#[lazy_route]
impl LazyRoute for SourcesRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <NeedsRuleset><pages::sources::Sources /></NeedsRuleset> }.into_any()
    }
}
