//! libFuzzer target: `claude_agent::fuzz::control_request`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| claude_agent::fuzz::control_request(data));
