//! The pages fetched on demand, each in a WebAssembly chunk of its own.
//!
//! Home, the shell and the drafts list (`/assess`, the way into an assessment)
//! are in the main module, so the first paint needs only it; every other
//! page's code — the questionnaire and evaluator, screening,
//! the declaration and verification pages, the ruleset browser — is split off
//! at build time (`scripts/split-wasm.mjs`, ARCHITECTURE.md "Code splitting")
//! and fetched when its route is first visited; code several pages use goes
//! into shared chunks, fetched once. With every page in one module the first
//! load was about 790 KB brotli, against a budget of 350 KB (issue #6).
//!
//! The drafts list stays in the main module although it would split well: as
//! a chunk it needs some twenty small shared chunks, and starting that many
//! fetches cost a slow phone about 200 ms of blocked main thread (Lighthouse's
//! total blocking time on `/assess` went from 60–80 ms to 240–340 ms), more
//! than the ~100 KB it adds to the main module costs.
//!
//! Each page's view function is a split point (`#[wasm_split]`, the mechanism
//! behind Leptos's `#[lazy_route]`), declared `fallible` so that a chunk that
//! cannot be fetched shows [`ChunkFailed`] instead of stopping the app
//! (`chunk.rs`). While a chunk loads the router keeps the previous page.

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use leptos_router::LazyRoute;

use crate::chunk::{ChunkFailed, ChunkMissing};
use crate::components::needs_ruleset::NeedsRuleset;
use crate::pages;

/// A route type whose view is the split point `$chunk`.
macro_rules! page_in_chunk {
    ($(#[$doc:meta])* $route:ident, $chunk:ident, $view:expr) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $route;

        #[wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        #[allow(improper_ctypes_definitions)]
        fn $chunk() -> Result<AnyView, ChunkMissing> {
            Ok($view.into_any())
        }

        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            async fn view(_this: Self) -> AnyView {
                $chunk().await.unwrap_or_else(|_| view! { <ChunkFailed /> }.into_any())
            }
        }
    };
}

page_in_chunk!(
    /// `/assess/:draft/:step`: the questionnaire, results and record.
    AssessDraftRoute,
    assess_draft_page,
    view! { <NeedsRuleset><pages::assess::AssessDraft /></NeedsRuleset> }
);

page_in_chunk!(
    /// `/screening`: restricted-party screening of names and lists.
    ScreeningRoute,
    screening_page,
    view! { <pages::screening::Screening /> }
);

page_in_chunk!(
    /// `/declare`: the counterparty's end-use declaration.
    DeclareRoute,
    declare_page,
    view! { <pages::declare::Declare /> }
);

page_in_chunk!(
    /// `/verify`: checking records, declarations and chains.
    VerifyRoute,
    verify_page,
    view! { <pages::verify::Verify /> }
);

page_in_chunk!(
    /// `/keys`: the user's key book and the host's key registry.
    KeysRoute,
    keys_page,
    view! { <pages::keys::Keys /> }
);

page_in_chunk!(
    /// `/sources`: the active ruleset, its rules and citations.
    SourcesRoute,
    sources_page,
    view! { <NeedsRuleset><pages::sources::Sources /></NeedsRuleset> }
);
