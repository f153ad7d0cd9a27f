//! libFuzzer target: `claude_agent::fuzz::hook_io`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| claude_agent::fuzz::hook_io(data));
