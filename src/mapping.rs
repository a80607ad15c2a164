//! Free-text duties onto catalog responsibilities, deterministically and with a reason.
//!
//! Order of matching: a catalog id; an exact phrase of the team's `[vocabulary]`; an
//! exact built-in alias; then the most specific phrase whose words all appear in the
//! duty, vocabulary first. Words are compared after normalization: case, punctuation,
//! small filler words and simple word forms ("prioritizing" meets "prioritization").

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::catalog::CATALOG;
use crate::charter::Vocabulary;

/// How a duty string was matched.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum MatchReason {
    /// The duty is a catalog id.
    CatalogId,
    /// The duty equals a phrase of the team's vocabulary.
    VocabularyPhrase { phrase: String },
    /// The duty equals a built-in alias.
    Alias { alias: &'static str },
    /// Every word of a vocabulary phrase appears in the duty.
    VocabularyWords { phrase: String },
    /// Every word of a built-in alias appears in the duty.
    AliasWords { alias: &'static str },
}

impl MatchReason {
    pub fn describe(&self) -> String {
        match self {
            MatchReason::CatalogId => "catalog id".to_string(),
            MatchReason::VocabularyPhrase { phrase } => format!("vocabulary phrase \"{phrase}\""),
            MatchReason::Alias { alias } => format!("alias \"{alias}\""),
            MatchReason::VocabularyWords { phrase } => {
                format!("all words of vocabulary phrase \"{phrase}\"")
            }
            MatchReason::AliasWords { alias } => format!("all words of alias \"{alias}\""),
        }
    }
}

/// What a duty string mapped to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DutyMapping {
    Mapped {
        /// Index into [`CATALOG`].
        responsibility: usize,
        reason: MatchReason,
    },
    /// Two or more responsibilities matched equally well: (catalog index, phrase).
    Ambiguous { candidates: Vec<(usize, String)> },
    /// Nothing matched; the closest alias, if any looks close, as (catalog index, alias).
    Unknown { suggestion: Option<(usize, &'static str)> },
}

impl DutyMapping {
    pub fn responsibility(&self) -> Option<usize> {
        match self {
            DutyMapping::Mapped { responsibility, .. } => Some(*responsibility),
            _ => None,
        }
    }
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

/// Reduces a lowercase word to a stem that its simple variants share.
fn stem(word: &str) -> String {
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

/// The meaningful, stemmed words of a phrase, in order.
pub fn normalized_words(text: &str) -> Vec<String> {
    let mut cleaned = String::with_capacity(text.len());
    for character in text.chars() {
        if character.is_alphanumeric() {
            cleaned.extend(character.to_lowercase());
        } else if character != '\'' && character != '\u{2019}' {
            cleaned.push(' ');
        }
    }
    cleaned
        .split_whitespace()
        .filter(|word| !FILLER_WORDS.contains(word))
        .map(stem)
        .collect()
}

struct Phrase {
    text: Cow<'static, str>,
    /// Normalized words joined by one space: the key for exact matching.
    normalized: String,
    /// Distinct normalized words, sorted.
    words: Vec<String>,
    responsibility: usize,
}

impl Phrase {
    fn new(text: Cow<'static, str>, responsibility: usize) -> Phrase {
        let words = normalized_words(&text);
        let normalized = words.join(" ");
        let mut distinct = words;
        distinct.sort();
        distinct.dedup();
        Phrase {
            text,
            normalized,
            words: distinct,
            responsibility,
        }
    }

    /// The phrase as a built-in alias, which lives as long as the program.
    fn alias(&self) -> &'static str {
        match self.text {
            Cow::Borrowed(alias) => alias,
            Cow::Owned(_) => "",
        }
    }

    /// `duty_words` is sorted and free of repeats.
    fn words_appear_in(&self, duty_words: &[String]) -> bool {
        !self.words.is_empty() && self.words.iter().all(|word| duty_words.binary_search(word).is_ok())
    }
}

struct PhraseTable {
    phrases: Vec<Phrase>,
    exact: HashMap<String, usize>,
    /// Phrases by their first (alphabetical) word: a phrase can only match a duty that
    /// has that word, so a large vocabulary costs nothing for duties without it.
    by_first_word: HashMap<String, Vec<usize>>,
}

impl PhraseTable {
    fn new(phrases: Vec<Phrase>) -> PhraseTable {
        let mut exact = HashMap::with_capacity(phrases.len());
        let mut by_first_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, phrase) in phrases.iter().enumerate() {
            exact.entry(phrase.normalized.clone()).or_insert(index);
            if let Some(first) = phrase.words.first() {
                by_first_word.entry(first.clone()).or_default().push(index);
            }
        }
        PhraseTable {
            phrases,
            exact,
            by_first_word,
        }
    }

    /// The phrases with the most words that all appear in the duty, in table order.
    /// `duty_words` is sorted and free of repeats.
    fn most_specific(&self, duty_words: &[String]) -> Vec<&Phrase> {
        let mut candidates: Vec<usize> = duty_words
            .iter()
            .filter_map(|word| self.by_first_word.get(word))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        let mut best: Vec<&Phrase> = Vec::new();
        for phrase in candidates.into_iter().map(|index| &self.phrases[index]) {
            if !phrase.words_appear_in(duty_words) {
                continue;
            }
            match best.first().map(|first| first.words.len()) {
                Some(length) if phrase.words.len() < length => {}
                Some(length) if phrase.words.len() == length => best.push(phrase),
                _ => best = vec![phrase],
            }
        }
        best
    }
}

fn builtin_aliases() -> &'static PhraseTable {
    static TABLE: OnceLock<PhraseTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let phrases = CATALOG
            .iter()
            .enumerate()
            .flat_map(|(index, entry)| {
                entry
                    .aliases
                    .iter()
                    .map(move |alias| Phrase::new(Cow::Borrowed(alias), index))
            })
            .collect();
        PhraseTable::new(phrases)
    })
}

const MAPPING_CACHE_LIMIT: usize = 65_536;
/// Longer duties are not remembered, which keeps the cache's memory bounded.
const CACHED_DUTY_BYTES: usize = 256;
/// Longer duties get no suggestion: no alias is close to a paragraph, and string
/// similarity costs grow with the product of both lengths.
const SUGGESTED_DUTY_CHARS: usize = 120;

thread_local! {
    static BUILTIN_MAPPINGS: RefCell<rustc_hash::FxHashMap<String, DutyMapping>> = RefCell::default();
}

/// Maps the duties of one charter, with the charter's vocabulary.
pub struct Mapper {
    vocabulary: PhraseTable,
}

impl Mapper {
    pub fn new(vocabulary: &Vocabulary) -> Mapper {
        let phrases = vocabulary
            .0
            .iter()
            .map(|entry| Phrase::new(Cow::Owned(entry.phrase.value.clone()), entry.responsibility.value))
            .collect();
        Mapper {
            vocabulary: PhraseTable::new(phrases),
        }
    }

    pub fn map(&self, duty: &str) -> DutyMapping {
        // Duties repeat across an organisation; without a vocabulary the answer depends
        // on the text alone, so it is remembered (per thread, up to a bound).
        if !self.vocabulary.phrases.is_empty() {
            return self.map_uncached(duty);
        }
        if let Some(known) = BUILTIN_MAPPINGS.with(|cache| cache.borrow().get(duty).cloned()) {
            return known;
        }
        let mapping = self.map_uncached(duty);
        BUILTIN_MAPPINGS.with(|cache| {
            let mut cache = cache.borrow_mut();
            if cache.len() < MAPPING_CACHE_LIMIT && duty.len() <= CACHED_DUTY_BYTES {
                cache.insert(duty.to_string(), mapping.clone());
            }
        });
        mapping
    }

    fn map_uncached(&self, duty: &str) -> DutyMapping {
        let trimmed = duty.trim();
        if let Some(index) = CATALOG.iter().position(|entry| entry.id.eq_ignore_ascii_case(trimmed)) {
            return DutyMapping::Mapped {
                responsibility: index,
                reason: MatchReason::CatalogId,
            };
        }
        let words = normalized_words(trimmed);
        let normalized = words.join(" ");
        let aliases = builtin_aliases();
        if let Some(&index) = self.vocabulary.exact.get(&normalized) {
            let phrase = &self.vocabulary.phrases[index];
            return DutyMapping::Mapped {
                responsibility: phrase.responsibility,
                reason: MatchReason::VocabularyPhrase {
                    phrase: phrase.text.to_string(),
                },
            };
        }
        if let Some(&index) = aliases.exact.get(&normalized) {
            let phrase = &aliases.phrases[index];
            return DutyMapping::Mapped {
                responsibility: phrase.responsibility,
                reason: MatchReason::Alias { alias: phrase.alias() },
            };
        }
        let mut distinct_words = words;
        distinct_words.sort_unstable();
        distinct_words.dedup();
        for (table, is_vocabulary) in [(&self.vocabulary, true), (aliases, false)] {
            let best = table.most_specific(&distinct_words);
            let Some(first) = best.first() else {
                continue;
            };
            if best.iter().all(|phrase| phrase.responsibility == first.responsibility) {
                let reason = if is_vocabulary {
                    MatchReason::VocabularyWords {
                        phrase: first.text.to_string(),
                    }
                } else {
                    MatchReason::AliasWords { alias: first.alias() }
                };
                return DutyMapping::Mapped {
                    responsibility: first.responsibility,
                    reason,
                };
            }
            let mut candidates: Vec<(usize, String)> = Vec::new();
            for phrase in best {
                if !candidates.iter().any(|(index, _)| *index == phrase.responsibility) {
                    candidates.push((phrase.responsibility, phrase.text.to_string()));
                }
            }
            candidates.sort();
            return DutyMapping::Ambiguous { candidates };
        }
        DutyMapping::Unknown {
            suggestion: closest_alias(trimmed),
        }
    }
}

/// The built-in alias most like the duty, if one is close enough to be what was meant:
/// a near-identical spelling (a typo), or an alias that covers at least half of the
/// duty's words. A shared first word alone ("ordering team lunch", "ordering the
/// backlog") is no reason to suggest anything.
fn closest_alias(duty: &str) -> Option<(usize, &'static str)> {
    if duty.chars().count() > SUGGESTED_DUTY_CHARS {
        return None;
    }
    let lowercase = duty.to_lowercase();
    let mut duty_words = normalized_words(duty);
    duty_words.sort_unstable();
    duty_words.dedup();
    let mut best: Option<(f64, usize, &'static str)> = None;
    for phrase in &builtin_aliases().phrases {
        // Jaro-Winkler rewards a shared start; Levenshtein keeps that from being enough.
        let spelling = strsim::jaro_winkler(&lowercase, &phrase.text);
        let edits = strsim::normalized_levenshtein(&lowercase, &phrase.text);
        let shared = phrase
            .words
            .iter()
            .filter(|word| duty_words.binary_search(word).is_ok())
            .count();
        let coverage = if duty_words.is_empty() {
            0.0
        } else {
            shared as f64 / duty_words.len() as f64
        };
        let score = if spelling >= 0.9 && edits >= 0.7 {
            1.0 + spelling
        } else if coverage >= 0.5 {
            coverage + spelling / 10.0
        } else {
            continue;
        };
        if best.is_none_or(|(best_score, _, _)| score > best_score) {
            best = Some((score, phrase.responsibility, phrase.alias()));
        }
    }
    best.map(|(_, index, alias)| (index, alias))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_forms_meet() {
        for (left, right) in [
            ("prioritizing", "prioritization"),
            ("prioritise", "priorities"),
            ("stories", "story"),
            ("planning", "plan"),
            ("accepting", "acceptance"),
            ("refining", "refinement"),
            ("analysis", "analyzing"),
            ("translating", "translation"),
            ("metrics", "metric"),
        ] {
            assert_eq!(stem(left), stem(right), "{left} / {right}");
        }
    }

    fn vocabulary(entries: &[(&str, &str)]) -> Vocabulary {
        use crate::charter::{Spanned, VocabularyEntry};
        Vocabulary(
            entries
                .iter()
                .map(|(phrase, id)| VocabularyEntry {
                    phrase: Spanned::new(phrase.to_string(), 0..0),
                    responsibility: Spanned::new(crate::catalog::index_of(id).expect("catalog id"), 0..0),
                })
                .collect(),
        )
    }

    #[test]
    fn vocabulary_phrases_match_exactly_and_by_their_words_before_aliases() {
        let mapper = Mapper::new(&vocabulary(&[
            ("OKR setting", "outcomes.success-metrics"),
            ("north-star tracking", "outcomes.business-outcomes"),
        ]));
        let by_words = mapper.map("Quarterly OKR setting workshop");
        assert_eq!(
            by_words.responsibility().map(|index| CATALOG[index].id),
            Some("outcomes.success-metrics")
        );
        assert!(matches!(
            by_words,
            DutyMapping::Mapped {
                reason: MatchReason::VocabularyWords { .. },
                ..
            }
        ));
        // "north star" alone is a built-in alias of the vision; the team's phrase wins.
        let team_words = mapper.map("North-star tracking");
        assert_eq!(
            team_words.responsibility().map(|index| CATALOG[index].id),
            Some("outcomes.business-outcomes")
        );
    }

    #[test]
    fn a_large_vocabulary_still_finds_its_phrase() {
        let phrases: Vec<(String, &str)> = (0..5_000)
            .map(|index| (format!("custom duty {index}"), "strategy.vision"))
            .collect();
        let entries: Vec<(&str, &str)> = phrases.iter().map(|(phrase, id)| (phrase.as_str(), *id)).collect();
        let mapper = Mapper::new(&vocabulary(&entries));
        let mapped = mapper.map("the custom duty 4321 of the team");
        assert!(
            matches!(mapped, DutyMapping::Mapped { reason: MatchReason::VocabularyWords { ref phrase }, .. } if phrase == "custom duty 4321")
        );
    }

    #[test]
    fn suggestions_are_typos_or_cover_most_words() {
        let mapper = Mapper::new(&Vocabulary::default());
        let suggestion = |duty: &str| match mapper.map(duty) {
            DutyMapping::Unknown { suggestion } => suggestion.map(|(_, alias)| alias),
            other => panic!("{duty:?} mapped: {other:?}"),
        };
        assert_eq!(suggestion("roadmpa"), Some("roadmap"));
        assert_eq!(suggestion("custmer interveiws"), Some("customer interviews"));
        assert_eq!(suggestion("ordering team lunch"), None);
        assert_eq!(suggestion("hiring"), None);
    }

    #[test]
    fn a_paragraph_long_duty_gets_no_suggestion() {
        let mapper = Mapper::new(&Vocabulary::default());
        let duty = "zzz ".repeat(100_000);
        assert_eq!(mapper.map(&duty), DutyMapping::Unknown { suggestion: None });
    }

    #[test]
    fn builtin_aliases_map_to_their_own_responsibility() {
        let mapper = Mapper::new(&Vocabulary::default());
        for entry in CATALOG {
            for alias in entry.aliases {
                let mapping = mapper.map(alias);
                assert_eq!(
                    mapping.responsibility().map(|index| CATALOG[index].id),
                    Some(entry.id),
                    "alias {alias:?} mapped to {mapping:?}"
                );
            }
        }
    }
}
