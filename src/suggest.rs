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

/// The candidate nearest to `input` by edit distance (case-insensitive; adjacent
/// transpositions count as one edit), when it is near enough to be a plausible typo: at
/// most a third of the longer word, and at most 3 edits. Ties go to the first candidate.
///
/// Candidates whose length alone rules them out are skipped before any distance is
/// computed: a broken reference is looked up among every plan id of the country.
#[must_use]
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lowered = input.to_lowercase();
    let length = lowered.chars().count();
    let mut other = String::new();
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        if candidate == input {
            continue;
        }
        other.clear();
        other.extend(candidate.chars().flat_map(char::to_lowercase));
        let other_length = other.chars().count();
        let allowed = (length.max(other_length) / 3).clamp(1, 3);
        // The distance is at least the difference in length, and must beat the best.
        let beats = |distance: usize| {
            distance <= allowed && best.is_none_or(|(nearest, _)| distance < nearest)
        };
        if !beats(length.abs_diff(other_length)) {
            continue;
        }
        let distance = strsim::osa_distance(&lowered, &other);
        if beats(distance) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}
