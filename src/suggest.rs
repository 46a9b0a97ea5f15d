//! "Did you mean" suggestions for misspelled keys, enum values, plan ids and codes.

/// The closest candidate to `input`, as a help sentence, when one is close enough.
#[must_use]
pub fn did_you_mean<'a>(
    lang: crate::i18n::Lang,
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(input, candidates).map(|near| crate::tr!(lang, "did-you-mean", name = near))
}

/// The candidate nearest to `input` by edit distance (case-insensitive), when it is
/// near enough to be a plausible typo: at most a third of the longer word, and at
/// most 3 edits. Ties go to the first candidate.
#[must_use]
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lowered = input.to_lowercase();
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        if candidate == input {
            continue;
        }
        let distance = strsim::damerau_levenshtein(&lowered, &candidate.to_lowercase());
        let longest = lowered.chars().count().max(candidate.chars().count());
        let allowed = (longest / 3).clamp(1, 3);
        if distance <= allowed && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}
