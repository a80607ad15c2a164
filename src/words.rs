//! Words of a duty as matching compares them: lowercase, without punctuation and
//! filler words, reduced to stems.
//!
//! This module depends on nothing else in the crate, because the build script uses it
//! too: it normalizes the catalog's phrases once at build time (`build.rs`), so a run
//! starts without stemming thousands of aliases. Whatever changes here changes both.

use std::cell::RefCell;

/// Words for the people a product serves, read as "customer" (the file says why and
/// where they come from).
const CUSTOMER_WORDS_FILE: &str = include_str!("../catalog/customer-words.txt");

/// The words of `CUSTOMER_WORDS_FILE`: its lines that are neither blank nor comments.
pub(crate) fn customer_words() -> impl Iterator<Item = &'static str> {
    CUSTOMER_WORDS_FILE
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Whether a lowercase word, or its singular when it ends in "s", names the people a
/// product serves.
fn names_customers(word: &str) -> bool {
    static WORDS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| customer_words().collect());
    let singular = word.strip_suffix('s').unwrap_or(word);
    WORDS.binary_search(&word).is_ok() || WORDS.binary_search(&singular).is_ok()
}

/// Words that carry no meaning for matching.
const FILLER_WORDS: &[&str] = &[
    "a", "all", "an", "and", "any", "as", "at", "be", "by", "each", "every", "for", "from", "in", "into", "is", "it",
    "its", "of", "on", "or", "our", "the", "their", "this", "to", "we", "with", "your",
];

/// Suffixes folded away so word forms meet, longest first; (suffix, replacement).
const SUFFIXES: &[(&str, &str)] = &[
    ("izations", ""),
    ("isations", ""),
    ("ization", ""),
    ("isation", ""),
    ("ations", ""),
    ("ysing", "yz"),
    ("yzing", "yz"),
    ("ation", ""),
    ("ating", ""),
    ("izing", ""),
    ("ising", ""),
    ("iness", ""),
    ("ments", ""),
    ("ances", ""),
    ("ences", ""),
    ("ysis", "yz"),
    ("yses", "yz"),
    ("yzed", "yz"),
    ("ysed", "yz"),
    ("ysts", "yz"),
    ("ated", ""),
    ("ates", ""),
    ("ized", ""),
    ("ised", ""),
    ("izes", ""),
    ("ises", ""),
    ("ment", ""),
    ("ance", ""),
    ("ence", ""),
    ("ings", ""),
    ("ions", ""),
    ("ness", ""),
    ("yze", "yz"),
    ("yse", "yz"),
    ("yst", "yz"),
    ("ate", ""),
    ("ize", ""),
    ("ise", ""),
    ("ing", ""),
    ("ion", ""),
    ("ies", ""),
    ("ied", ""),
    ("ers", ""),
    ("ive", ""),
    ("er", ""),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
    ("y", ""),
];

/// Reduces a lowercase word to a stem that its simple variants share, by the
/// hand-written suffix list.
fn suffix_stem(word: &str) -> String {
    if word.len() <= 3 || word.bytes().any(|byte| byte.is_ascii_digit()) {
        return word.to_string();
    }
    let keeps_final_s = word.ends_with("ss") || word.ends_with("us") || word.ends_with("is");
    let mut stemmed = None;
    for (suffix, replacement) in SUFFIXES {
        if *suffix == "s" && keeps_final_s {
            continue;
        }
        if let Some(base) = word.strip_suffix(suffix)
            && base.chars().count() >= 3
        {
            stemmed = Some((format!("{base}{replacement}"), replacement.is_empty()));
            break;
        }
    }
    let (mut stem, removed) = stemmed.unwrap_or_else(|| (word.to_string(), false));
    if stem.len() > 3 && stem.ends_with('e') {
        stem.pop();
    }
    if removed {
        let bytes = stem.as_bytes();
        let length = bytes.len();
        if length > 3 && bytes[length - 1] == bytes[length - 2] && !b"aeiouslz".contains(&bytes[length - 1]) {
            stem.pop();
        }
    }
    stem
}

/// How words are reduced to stems before they are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stemming {
    /// The Snowball English (Porter2) stemmer, after British spellings are folded
    /// into American ones ("prioritise" → "prioritize"). The default: it measured
    /// better on the labelled corpus (README, "How duties map").
    Snowball,
    /// The first version's hand-written suffix list, kept for comparison.
    Suffixes,
}

impl Stemming {
    /// Both stemmings, the default first.
    pub const ALL: [Stemming; 2] = [Stemming::Snowball, Stemming::Suffixes];

    /// The stemming's name, as `charterlint accuracy` reports it: `snowball` or
    /// `suffixes`.
    pub fn name(self) -> &'static str {
        match self {
            Stemming::Snowball => "snowball",
            Stemming::Suffixes => "suffixes",
        }
    }

    /// The stem of one lowercase word; a word holding a digit is kept as it is.
    pub fn stem(self, word: &str) -> String {
        match self {
            Stemming::Suffixes => suffix_stem(word),
            Stemming::Snowball => {
                if word.bytes().any(|byte| byte.is_ascii_digit()) {
                    return word.to_string();
                }
                // The catalog's 12,000 phrases are built from about 1,000 words, and
                // charters repeat their words too: each word is stemmed once.
                SNOWBALL_STEMS.with_borrow_mut(|stems| {
                    if let Some(stem) = stems.get(word) {
                        return stem.clone();
                    }
                    let stem = snowball_stem(word);
                    if stems.len() < STEM_CACHE_WORDS {
                        stems.insert(word.to_string(), stem.clone());
                    }
                    stem
                })
            }
        }
    }
}

/// How many words each thread keeps the Snowball stem of; past it (only a charter of
/// many thousands of distinct invented words gets there) words are stemmed every time.
const STEM_CACHE_WORDS: usize = 1 << 16;

thread_local! {
    static SNOWBALL_STEMS: RefCell<rustc_hash::FxHashMap<String, String>> = RefCell::default();
    static ENGLISH: rust_stemmers::Stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
}

fn snowball_stem(word: &str) -> String {
    if let Some(kept) = KEPT_APART.iter().find(|(form, _)| *form == word) {
        return kept.1.to_string();
    }
    let american = american_spelling(word);
    ENGLISH.with(|stemmer| stemmer.stem(&american).into_owned())
}

/// Words Snowball would fold into a word of another meaning ("production" into
/// "product", the people "forecasters" and "reviewers" into the verbs "forecast" and
/// "review"), with the stem each keeps instead.
const KEPT_APART: &[(&str, &str)] = &[
    ("executive", "executive"),
    ("executives", "executive"),
    ("performance", "performance"),
    ("marketing", "marketing"),
    ("enabler", "enabler"),
    ("enablers", "enabler"),
    ("conversion", "conversion"),
    ("conversions", "conversion"),
    ("productivity", "productivity"),
    ("productive", "productivity"),
    ("developer", "developer"),
    ("developers", "developer"),
    ("designer", "designer"),
    ("designers", "designer"),
    ("researcher", "researcher"),
    ("researchers", "researcher"),
    ("manager", "manager"),
    ("managers", "manager"),
    ("tester", "tester"),
    ("testers", "tester"),
    ("production", "production"),
    ("productions", "production"),
    ("experience", "experience"),
    ("experiences", "experience"),
    ("experiment", "experiment"),
    ("experiments", "experiment"),
    ("experimental", "experiment"),
    ("experimentation", "experiment"),
    ("experimenting", "experiment"),
    ("activity", "activity"),
    ("activities", "activity"),
    ("participant", "participant"),
    ("participants", "participant"),
    ("forecaster", "forecaster"),
    ("forecasters", "forecaster"),
    ("reviewer", "reviewer"),
    ("reviewers", "reviewer"),
    ("marketer", "marketer"),
    ("marketers", "marketer"),
    ("interviewer", "interviewer"),
    ("interviewers", "interviewer"),
    ("requester", "requester"),
    ("requesters", "requester"),
    ("publisher", "publisher"),
    ("publishers", "publisher"),
    ("supporter", "supporter"),
    ("supporters", "supporter"),
    ("accessibility", "accessibility"),
    ("visualization", "visualization"),
    ("visualizations", "visualization"),
    ("visualisation", "visualization"),
    ("visualisations", "visualization"),
];

/// British endings folded into American ones, so both spellings share a stem; and
/// "-ysis", which Snowball keeps apart from its verb ("analysis", "analyze").
const FOLDED_ENDINGS: &[(&str, &str)] = &[
    ("ysis", "yze"),
    ("isations", "izations"),
    ("isation", "ization"),
    ("ysing", "yzing"),
    ("ysed", "yzed"),
    ("yses", "yzes"),
    ("yse", "yze"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ise", "ize"),
    ("ogue", "og"),
    ("elled", "eled"),
    ("elling", "eling"),
    ("our", "or"),
    ("ours", "ors"),
];

fn american_spelling(word: &str) -> std::borrow::Cow<'_, str> {
    // Short words ("rise", "four") are left alone: the endings are only endings.
    if word.len() > 5 {
        for (british, american) in FOLDED_ENDINGS {
            if let Some(base) = word.strip_suffix(british) {
                return format!("{base}{american}").into();
            }
        }
    }
    word.into()
}

/// The meaningful, stemmed words of a phrase, in order (default stemming).
pub fn normalized_words(text: &str) -> Vec<String> {
    normalized_words_with(text, Stemming::Snowball)
}

/// The meaningful words of a phrase, in order, reduced with the given stemming.
pub fn normalized_words_with(text: &str, stemming: Stemming) -> Vec<String> {
    duty_words(text, stemming).stems
}

/// A duty's meaningful words as written (lowercase) and as stems, in order.
#[derive(Debug, Clone, Default)]
pub(crate) struct DutyWords {
    pub raw: Vec<String>,
    pub stems: Vec<String>,
    /// How many words come before the first preposition, when one follows a word:
    /// in "system demo to the business owners" the noun phrase the duty is about
    /// ends there.
    pub before_preposition: Option<usize>,
}

impl DutyWords {
    pub(crate) fn append(&mut self, mut other: DutyWords) {
        if self.before_preposition.is_none() {
            self.before_preposition = other.before_preposition.map(|end| end + self.raw.len());
        }
        self.raw.append(&mut other.raw);
        self.stems.append(&mut other.stems);
    }
}

/// The prepositions that end the noun phrase a duty starts with.
pub(crate) const PREPOSITIONS: &[&str] = &["at", "by", "for", "from", "in", "into", "of", "on", "to", "with"];

pub(crate) fn duty_words(text: &str, stemming: Stemming) -> DutyWords {
    let mut cleaned = String::with_capacity(text.len());
    for character in text.chars() {
        if character.is_ascii() {
            if character.is_ascii_alphanumeric() {
                cleaned.push(character.to_ascii_lowercase());
            } else if character != '\'' {
                cleaned.push(' ');
            }
        } else if character.is_alphanumeric() {
            cleaned.extend(character.to_lowercase());
        } else if character != '\u{2019}' {
            cleaned.push(' ');
        }
    }
    // "a/b tests" and "on-call" are single words to teams, though "a" and "on" are
    // filler words elsewhere.
    let mut raw: Vec<String> = Vec::new();
    let mut before_preposition = None;
    let mut words = cleaned.split_whitespace().peekable();
    while let Some(word) = words.next() {
        match (word, words.peek()) {
            ("a", Some(&"b")) | ("on", Some(&"call")) => {
                let next = words.next().unwrap_or_default();
                raw.push(format!("{word}{next}"));
            }
            _ if FILLER_WORDS.binary_search(&word).is_ok() => {
                if before_preposition.is_none() && !raw.is_empty() && PREPOSITIONS.binary_search(&word).is_ok() {
                    before_preposition = Some(raw.len());
                }
            }
            _ => raw.push(word.to_string()),
        }
    }
    let stems = raw
        .iter()
        .map(|word| {
            // "Shopper interviews" are customer interviews.
            if names_customers(word) {
                stemming.stem("customer")
            } else {
                stemming.stem(word)
            }
        })
        .collect();
    DutyWords {
        raw,
        stems,
        before_preposition,
    }
}

/// The written forms of a verb: "prioritize", "prioritizes", "prioritized",
/// "prioritizing", and the British "prioritise" forms; never its nouns
/// ("prioritization", "acceptance"), which stem alike.
pub(crate) fn verb_forms(verb: &str) -> Vec<String> {
    let with = |base: &str, ending: &str| {
        let mut form = String::with_capacity(base.len() + ending.len() + 1);
        form.push_str(base);
        form.push_str(ending);
        form
    };
    let mut forms = Vec::with_capacity(20);
    let british = verb.strip_suffix("ize").map(|base| with(base, "ise"));
    for base in std::iter::once(verb).chain(british.as_deref()) {
        let stem = base.strip_suffix('e').unwrap_or(base);
        let last = &base[base.len() - base.chars().last().map_or(0, char::len_utf8)..];
        forms.push(base.to_string());
        forms.push(with(base, "s"));
        forms.push(with(base, "es"));
        forms.push(with(stem, "ed"));
        forms.push(with(stem, "ing"));
        forms.push(with(&with(base, last), "ed"));
        forms.push(with(&with(base, last), "ing"));
        if let Some(consonant) = base.strip_suffix('y') {
            forms.push(with(consonant, "ies"));
            forms.push(with(consonant, "ied"));
        }
    }
    forms.sort_unstable();
    forms.dedup();
    forms
}

/// The most responsibilities whose phrases can share a word before it counts as less
/// telling, and the most before it counts less again (twice as many, the least).
/// Words that many responsibilities use decided too many duties on their own:
/// weighing them by how few responsibilities use them, as search engines weigh
/// words by how few documents hold them, raised every corpus set, the held-out one
/// too (`tests/corpus/README.md` has the figures).
const SPECIFIC_SPREAD: usize = 2;
const COMMON_SPREAD: usize = 6;

/// What a word of the catalog tells of a duty that holds it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordEvidence {
    /// How much less it tells than a word of one or two responsibilities: 0 to 3.
    pub weakness: u8,
    /// The kind of work that alone uses it: 1 product ownership, -1 neighbouring
    /// work, 0 both.
    pub side: i8,
}

/// What each word tells, sorted by word, for the words that tell less than most or
/// belong to one kind of work: from every use of a word by a responsibility, as
/// `(word, responsibility, whether it is product ownership)`, in any order and with
/// repeats.
pub(crate) fn word_evidence<Responsibility: Ord>(
    mut uses: Vec<(&str, Responsibility, bool)>,
) -> Vec<(&str, WordEvidence)> {
    uses.sort_unstable();
    uses.dedup();
    uses.chunk_by(|left, right| left.0 == right.0)
        .filter_map(|same_word| {
            let weakness = match same_word.len() {
                0..=SPECIFIC_SPREAD => 0,
                spread if spread <= COMMON_SPREAD => 1,
                spread if spread <= 2 * COMMON_SPREAD => 2,
                _ => 3,
            };
            let product = same_word.iter().any(|used| used.2);
            let neighbouring = same_word.iter().any(|used| !used.2);
            let side = i8::from(product && !neighbouring) - i8::from(neighbouring && !product);
            (weakness > 0 || side != 0).then_some((same_word[0].0, WordEvidence { weakness, side }))
        })
        .collect()
}

/// Where a word of [`word_evidence`] stands in one text of all of them, and what it
/// tells: the list then holds no pointer per word, so there is nothing to relocate
/// when the program starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EvidenceEntry {
    /// The word's first byte in the text.
    pub start: u32,
    /// The word's length in bytes.
    pub len: u8,
    pub evidence: WordEvidence,
}

/// [`word_evidence`]'s list as one text of its words, in order, and an entry per
/// word.
pub(crate) fn evidence_table(list: &[(&str, WordEvidence)]) -> (String, Vec<EvidenceEntry>) {
    let mut words = String::new();
    let mut entries = Vec::with_capacity(list.len());
    for (word, evidence) in list {
        entries.push(EvidenceEntry {
            start: u32::try_from(words.len()).expect("the catalog's words fit in 4 GB"),
            len: u8::try_from(word.len()).expect("a catalog word is shorter than 256 bytes"),
            evidence: *evidence,
        });
        words.push_str(word);
    }
    (words, entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_customer_words_are_sorted_lowercase_words_without_repeats() {
        let words: Vec<&str> = customer_words().collect();
        assert!(words.len() >= 20, "{words:?}");
        assert!(words.windows(2).all(|pair| pair[0] < pair[1]), "{words:?}");
        assert!(
            words
                .iter()
                .all(|word| word.chars().all(|character| character.is_ascii_lowercase())),
            "{words:?}"
        );
    }

    #[test]
    fn the_word_lists_are_sorted_and_every_preposition_is_a_filler_word() {
        assert!(FILLER_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(PREPOSITIONS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(PREPOSITIONS.iter().all(|word| FILLER_WORDS.contains(word)));
    }

    #[test]
    fn the_noun_phrase_a_duty_starts_with_ends_at_its_first_preposition() {
        let words = duty_words("System demo to the business owners", Stemming::Snowball);
        assert_eq!(words.before_preposition, Some(2));
        // A preposition before any word ends nothing.
        assert_eq!(
            duty_words("for the roadmap", Stemming::Snowball).before_preposition,
            None
        );
        let mut joined = duty_words("demo", Stemming::Snowball);
        joined.append(duty_words("reviews with stakeholders", Stemming::Snowball));
        assert_eq!(joined.before_preposition, Some(2));
    }
}
