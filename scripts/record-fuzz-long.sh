#!/bin/sh
# The long hostile-input run for the record/declaration importers (issue #7).
#
# Pushes ENDUSE_FUZZ_COUNT (default 1,000,000) generated and mutated inputs
# through verify, open_record/request/response, check_response, the chain
# reader/verifier and the link decoders, including issue 15's shapes (long
# names over wide arrays, duplicate members, non-NFC and look-alike text,
# integers beyond 2^53, terminal controls and bidi overrides); fails on the
# first panic or importer/verify disagreement and prints the offending input.
# The last line gives the run's time and its slowest input (a figure for the
# notes; the budgets themselves are in benches/hostile_documents.rs).
#
# It builds in its own target directory with LTO off, so it neither waits for
# nor invalidates the shared target/release (whose profile uses fat LTO and
# takes far longer to link). Pass ENDUSE_FUZZ_SEED to explore another sequence.
set -eu
cd "$(dirname "$0")/.."
export ENDUSE_FUZZ_COUNT="${ENDUSE_FUZZ_COUNT:-1000000}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${TMPDIR:-/tmp}/enduse-record-fuzz-target}"
export CARGO_PROFILE_RELEASE_LTO=off
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
export CARGO_PROFILE_RELEASE_OPT_LEVEL=3
exec cargo test --release --test record_fuzz -- --ignored --nocapture
