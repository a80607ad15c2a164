//! How counts read in messages and reports: "1 charter", "2 charters", "3 people".
//! Every layer words its counts here, so the rules, the reports and the commands
//! agree; this module depends on nothing else in the crate.

/// Nouns whose plural is not made by a rule.
const IRREGULAR: &[(&str, &str)] = &[("person", "people")];

/// The plural of an English noun, or of a phrase ending in one ("stale entry").
pub fn plural_of(noun: &str) -> String {
    let (before, last) = noun
        .rsplit_once(' ')
        .map_or(("", noun), |(before, last)| (before, last));
    let joined = |word: &str| {
        if before.is_empty() {
            word.to_string()
        } else {
            format!("{before} {word}")
        }
    };
    if let Some((_, many)) = IRREGULAR.iter().find(|(one, _)| *one == last) {
        return joined(many);
    }
    let ends_in_consonant_y = last.strip_suffix('y').is_some_and(|stem| {
        stem.chars()
            .last()
            .is_some_and(|character| !"aeiou".contains(character))
    });
    if ends_in_consonant_y {
        joined(&format!("{}ies", &last[..last.len() - 1]))
    } else if ["s", "x", "z", "ch", "sh"].iter().any(|ending| last.ends_with(ending)) {
        joined(&format!("{last}es"))
    } else {
        joined(&format!("{last}s"))
    }
}

/// The noun for `count` of it: `one` for exactly one, else its plural.
pub fn noun(count: usize, one: &str) -> String {
    if count == 1 { one.to_string() } else { plural_of(one) }
}

/// `1 charter`, `2 charters`, `2 people`: a count with its noun.
pub fn plural(count: usize, one: &str) -> String {
    format!("{count} {}", noun(count, one))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_english() {
        assert_eq!(plural(1, "charter"), "1 charter");
        assert_eq!(plural(0, "charter"), "0 charters");
        assert_eq!(plural(2, "person"), "2 people");
        assert_eq!(plural(2, "stale entry"), "2 stale entries");
        assert_eq!(plural(3, "duty"), "3 duties");
        assert_eq!(plural(2, "delivery team"), "2 delivery teams");
        assert_eq!(plural(2, "day"), "2 days");
        assert_eq!(plural(2, "match"), "2 matches");
        assert_eq!(plural(2, "ownership change"), "2 ownership changes");
        assert_eq!(noun(1, "role"), "role");
        assert_eq!(noun(4, "role"), "roles");
    }
}
