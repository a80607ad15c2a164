//! The phrase table's lookups (exact phrases, phrases and frame parts by a word, verb
//! forms) as sorted data.
//!
//! Building them from the catalog's thousands of phrases was most of a one-team run,
//! so `build.rs` builds them for the default stemming with this same code and writes
//! them out as data; the matcher builds them only for another stemming or a team's own
//! vocabulary. Like [`crate::words`], this module depends on nothing else in the crate.
//! The data holds offsets into one text, not a pointer per word, so there is nothing to
//! relocate when the program starts.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// Verbs that begin many duties but name no work of their own: they take part in
/// the work their object names.
pub(crate) const GENERAL_VERBS: &[&str] = &[
    "assist",
    "attend",
    "collaborate",
    "contribute",
    "cooperate",
    "liaise",
    "participate",
    "partner",
    "serve",
];

/// A verb that frames of at most this many responsibilities use tells which duty is
/// meant ("prioritize", "facilitate"); one that many use ("create", "own") does not.
pub(crate) const TELLING_VERB_SPREAD: usize = 3;

/// Where a key stands in a [`WordIndex`]'s text, and its run of values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct IndexKey {
    pub start: u32,
    pub len: u32,
    pub from: u32,
    pub to: u32,
}

/// A map from words (or phrases) to runs of numbers, sorted by key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WordIndex {
    pub text: Cow<'static, str>,
    pub keys: Cow<'static, [IndexKey]>,
    pub values: Cow<'static, [u32]>,
}

fn offset(at: usize) -> u32 {
    u32::try_from(at).expect("the catalog's index fits in 4 GB")
}

impl WordIndex {
    /// From keys in any order, each with its values.
    pub(crate) fn new<Key: AsRef<str> + Ord>(entries: BTreeMap<Key, Vec<u32>>) -> WordIndex {
        let mut text = String::new();
        let mut keys = Vec::with_capacity(entries.len());
        let mut values = Vec::new();
        for (key, run) in entries {
            let key = key.as_ref();
            keys.push(IndexKey {
                start: offset(text.len()),
                len: offset(key.len()),
                from: offset(values.len()),
                to: offset(values.len() + run.len()),
            });
            text.push_str(key);
            values.extend(run);
        }
        WordIndex {
            text: Cow::Owned(text),
            keys: Cow::Owned(keys),
            values: Cow::Owned(values),
        }
    }

    /// A set of keys without values.
    pub(crate) fn set<Key: AsRef<str> + Ord>(keys: BTreeSet<Key>) -> WordIndex {
        WordIndex::new(keys.into_iter().map(|key| (key, Vec::new())).collect())
    }

    /// From keys each with a text value: the values are kept after the keys in the
    /// index's text, as their start and length.
    pub(crate) fn with_text_values<Key: AsRef<str> + Ord>(entries: BTreeMap<Key, String>) -> WordIndex {
        let mut index = WordIndex::new(entries.keys().map(|key| (key.as_ref(), vec![0, 0])).collect());
        let (text, values) = (index.text.to_mut(), index.values.to_mut());
        for (at, value) in entries.values().enumerate() {
            values[2 * at] = offset(text.len());
            values[2 * at + 1] = offset(value.len());
            text.push_str(value);
        }
        index
    }

    fn key_text(&self, key: &IndexKey) -> &str {
        &self.text[key.start as usize..(key.start + key.len) as usize]
    }

    fn find(&self, key: &str) -> Option<&IndexKey> {
        self.keys
            .binary_search_by(|entry| self.key_text(entry).cmp(key))
            .ok()
            .map(|at| &self.keys[at])
    }

    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_some()
    }

    /// The key's values, in the order they were given.
    pub(crate) fn get(&self, key: &str) -> Option<&[u32]> {
        self.find(key)
            .map(|entry| &self.values[entry.from as usize..entry.to as usize])
    }

    /// An index without keys.
    pub(crate) fn empty() -> WordIndex {
        WordIndex {
            text: Cow::Borrowed(""),
            keys: Cow::Borrowed(&[]),
            values: Cow::Borrowed(&[]),
        }
    }

    /// The key's text value (see [`WordIndex::with_text_values`]).
    pub(crate) fn text_of(&self, key: &str) -> Option<&str> {
        match self.get(key)? {
            &[start, len] => Some(&self.text[start as usize..(start + len) as usize]),
            _ => None,
        }
    }
}

/// A frame's verb or object as an index value: which frame, which part, and whether
/// it is a verb.
pub(crate) fn frame_part_value(frame: usize, part: usize, is_verb: bool) -> u32 {
    let frame = u32::try_from(frame).ok().filter(|frame| *frame < 1 << 16);
    let part = u32::try_from(part).ok().filter(|part| *part < 1 << 15);
    let (frame, part) = frame.zip(part).expect("under 65,536 frames of under 32,768 parts each");
    frame << 16 | part << 1 | u32::from(is_verb)
}

/// What [`frame_part_value`] made: (frame, part, whether it is a verb).
pub(crate) fn frame_part_of(value: u32) -> (usize, usize, bool) {
    ((value >> 16) as usize, ((value >> 1) & 0x7fff) as usize, value & 1 == 1)
}

/// One frame of the catalog, normalized.
pub(crate) struct FrameWords<'a> {
    pub responsibility: usize,
    /// Each verb's text and normalized words, in order.
    pub verbs: Vec<(&'a str, Vec<&'a str>)>,
    /// Each object's normalized words, in order.
    pub objects: Vec<Vec<&'a str>>,
}

/// The normalized catalog, in catalog order, that the indexes are built from:
/// borrowed, since `build.rs` and the matcher keep their words in different types.
pub(crate) struct CatalogWordLists<'a> {
    /// Each alias's normalized words joined by spaces, and its distinct words sorted.
    pub aliases: Vec<(&'a str, Vec<&'a str>)>,
    pub frames: Vec<FrameWords<'a>>,
    /// Each leading verb's text and normalized words.
    pub leading_verbs: Vec<(&'a str, Vec<&'a str>)>,
    /// [`GENERAL_VERBS`] with their stems.
    pub general_verbs: Vec<(&'a str, String)>,
}

/// The phrase table's lookups over the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CatalogIndexes {
    pub phrases: PhraseIndexes,
    /// The sorted, distinct words of every alias, joined by spaces.
    pub alias_word_sets: WordIndex,
    /// Frame verbs and objects (see [`frame_part_value`]) by their first word.
    pub parts_by_first_word: WordIndex,
    /// Written verb forms with their stems.
    pub verb_forms: WordIndex,
    /// Every stemmed verb of a frame or a leading verb.
    pub verbs: WordIndex,
    /// Stemmed frame verbs that name at most [`TELLING_VERB_SPREAD`] responsibilities.
    pub telling_verbs: WordIndex,
}

/// The lookups of a list of phrases, by their place in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PhraseIndexes {
    /// Each phrase's words joined by spaces: the first phrase that has them.
    pub exact: WordIndex,
    /// Phrases by their first (alphabetical) word: a phrase can only match a duty that
    /// has that word, so a large vocabulary costs nothing for duties without it.
    pub by_first_word: WordIndex,
}

/// `phrases` are each phrase's words joined by spaces and its first (alphabetical)
/// word.
pub(crate) fn phrase_indexes<'a>(phrases: impl Iterator<Item = (&'a str, &'a str)>) -> PhraseIndexes {
    let mut exact: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    let mut by_first_word: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (index, (joined, first_word)) in phrases.enumerate() {
        let index = offset(index);
        exact.entry(joined).or_insert_with(|| vec![index]);
        if !first_word.is_empty() {
            by_first_word.entry(first_word).or_default().push(index);
        }
    }
    PhraseIndexes {
        exact: WordIndex::new(exact),
        by_first_word: WordIndex::new(by_first_word),
    }
}

/// Builds the catalog's lookups; `forms_of` gives a verb's written forms.
pub(crate) fn catalog_indexes(
    catalog: &CatalogWordLists<'_>,
    forms_of: impl Fn(&str) -> Vec<String>,
) -> CatalogIndexes {
    let phrases = phrase_indexes(
        catalog
            .aliases
            .iter()
            .map(|(joined, words)| (*joined, words.first().copied().unwrap_or(""))),
    );
    let alias_word_sets = WordIndex::set(catalog.aliases.iter().map(|(_, words)| words.join(" ")).collect());
    let mut parts: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (frame_index, frame) in catalog.frames.iter().enumerate() {
        // Objects are numbered on their own, after the verbs.
        let verbs = frame.verbs.iter().map(|(_, words)| (words, true)).enumerate();
        let objects = frame.objects.iter().map(|words| (words, false)).enumerate();
        for (part, (words, is_verb)) in verbs.chain(objects) {
            if let Some(first) = words.first() {
                parts
                    .entry(first)
                    .or_default()
                    .push(frame_part_value(frame_index, part, is_verb));
            }
        }
    }
    let mut verb_forms: BTreeMap<String, String> = BTreeMap::new();
    let mut spread: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    // Frames share their verbs: each verb's forms are written out once.
    let mut formed: BTreeSet<&str> = BTreeSet::new();
    for frame in &catalog.frames {
        for (text, words) in &frame.verbs {
            if let [stem] = words.as_slice() {
                spread.entry(stem).or_default().insert(frame.responsibility);
                if formed.insert(*text) {
                    for form in forms_of(text) {
                        verb_forms.entry(form).or_insert_with(|| stem.to_string());
                    }
                }
            }
        }
    }
    let mut verbs: BTreeSet<&str> = BTreeSet::new();
    for (verb, words) in &catalog.leading_verbs {
        if let [stem] = words.as_slice() {
            verbs.insert(stem);
            for form in forms_of(verb) {
                // A leading verb's forms win over a frame verb's of the same form.
                verb_forms.insert(form, stem.to_string());
            }
        }
    }
    for (verb, stem) in &catalog.general_verbs {
        for form in forms_of(verb) {
            verb_forms.entry(form).or_insert_with(|| stem.clone());
        }
    }
    let telling_verbs = spread
        .iter()
        .filter(|(_, responsibilities)| responsibilities.len() <= TELLING_VERB_SPREAD)
        .map(|(verb, _)| *verb)
        .collect();
    verbs.extend(spread.keys());
    CatalogIndexes {
        phrases,
        alias_word_sets,
        parts_by_first_word: WordIndex::new(parts),
        verb_forms: WordIndex::with_text_values(verb_forms),
        verbs: WordIndex::set(verbs),
        telling_verbs: WordIndex::set(telling_verbs),
    }
}
