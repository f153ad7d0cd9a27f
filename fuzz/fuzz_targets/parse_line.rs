//! libFuzzer target: `claude_agent::fuzz::parse_line`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| claude_agent::fuzz::parse_line(data));
