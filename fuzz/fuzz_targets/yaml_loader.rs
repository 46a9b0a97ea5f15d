//! The YAML loader: see `alinea::fuzz::yaml_loader`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| alinea::fuzz::yaml_loader(data));
