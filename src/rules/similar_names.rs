use crate::rules::{Details, Sink, TeamView};
use crate::rules::{declare_rule, quoted};

declare_rule! {
    /// ## What it checks
    ///
    /// Whether two holder names in one charter differ only in upper and lower case,
    /// such as `Dana` and `dana`.
    ///
    /// Names are compared after trimming spaces and in Unicode NFC, so `"Dana "` and
    /// `"Dana"`, or a `José` typed with a combining accent and one typed without, are
    /// already the same person. Case is not folded: `Ann` and `ann` might be two
    /// people, so charterlint asks rather than guesses.
    ///
    /// ## Why it matters
    ///
    /// Every load and overload rule counts people by their name. If one person is
    /// written two ways, their duties are split between two "people": a person who
    /// owns strategy and the backlog, or who is allocated 1.5, looks like two people
    /// who are fine.
    ///
    /// ## How to fix it
    ///
    /// Write the name the same way everywhere. If they really are two people, tell
    /// them apart in the names (`Ann Lee`, `Ann Kim`).
    ///
    /// ## Example
    ///
    /// ```toml
    /// [[roles]]
    /// id = "pm"
    /// holders = ["Dana"]
    ///
    /// [[roles]]
    /// id = "po"
    /// holders = ["dana"]   # similar-names: the same person?
    /// ```
    ///
    /// Fixed:
    ///
    /// ```toml
    /// holders = ["Dana"]
    /// ```
    pub(crate) static SIMILAR_NAMES = {
        name: "similar-names",
        category: Vocabulary,
        severity: Warning,
        summary: "two holder names differ only in upper and lower case",
        check: crate::rules::RuleCheck::Team(check),
    };
}

/// Up to this many people, names are compared pair by pair.
const PAIRWISE_PEOPLE: usize = 32;

pub(super) fn check(view: &TeamView<'_>, sink: &mut Sink<'_>) {
    // A team of a few people is compared pair by pair without building lowercase
    // copies of every name; a long list goes straight to the map, which stays linear.
    let people: Vec<&str> = view.people.keys().copied().collect();
    let same_but_case = |a: &str, b: &str| {
        if a.is_ascii() && b.is_ascii() {
            a.eq_ignore_ascii_case(b)
        } else {
            a.to_lowercase() == b.to_lowercase()
        }
    };
    let few = people.len() <= PAIRWISE_PEOPLE;
    if few
        && !people
            .iter()
            .enumerate()
            .any(|(at, a)| people[at + 1..].iter().any(|b| same_but_case(a, b)))
    {
        return;
    }
    let mut by_folded: std::collections::BTreeMap<String, Vec<&str>> = std::collections::BTreeMap::new();
    for &person in &people {
        by_folded.entry(person.to_lowercase()).or_default().push(person);
    }
    for names in by_folded.values().filter(|names| names.len() > 1) {
        // People are in name order, so the first spelling is the one reported against.
        let (first, others) = (names[0], &names[1..]);
        for &other in others {
            let role = view.people[other][0];
            sink.report(
                &SIMILAR_NAMES,
                &view.holder_span(other, role),
                format!(
                    "holders {} differ only in case: charterlint counts them as different people",
                    crate::rules::join_words(&quoted(&[first, other]))
                ),
                Details {
                    roles: vec![view.role(role).id.value.clone()],
                    people: vec![first.to_string(), other.to_string()],
                    help: Some(format!(
                        "write `{first}` the same way in every role, or tell the two people apart in their names"
                    )),
                    ..Details::default()
                },
            );
        }
    }
}
