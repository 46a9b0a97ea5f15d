//! The rule language: see `alinea::fuzz::rule_language`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| alinea::fuzz::rule_language(data));
