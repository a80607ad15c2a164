use crate::catalog::Area;
use crate::rules::declare_rule;
use crate::rules::{Details, Sink, TeamView};

declare_rule! {
    /// ## What it checks
    ///
    /// Whether a role titled as a product manager owns mostly backlog
    /// responsibilities, or a role titled as a product owner owns mostly strategy
    /// responsibilities: more than half of what it owns sits in the other title's area.
    ///
    /// ## Why it matters
    ///
    /// Companies use the two titles loosely, and that alone is harmless; charterlint
    /// judges duties, never titles. But a title that says the opposite of the duties
    /// misleads everyone who reads the charter: people bring roadmap questions to the
    /// "product manager" who only runs the backlog, and hiring plans assume a product
    /// owner exists where the role is really a strategist. This is information, not a
    /// fault.
    ///
    /// ## How to fix it
    ///
    /// Retitle the role after what it owns, or move the duties to the role whose title
    /// fits them. If the title is set by the org chart and cannot change, turn the rule
    /// off for the team: `[lint] severity = { "title-mismatch" = "off" }`.
    ///
    /// ## Example
    ///
    /// ```toml
    /// [[roles]]
    /// id = "po"
    /// title = "Product Owner"
    /// holders = ["Sam"]
    /// owns = ["product vision", "roadmap", "market research", "acceptance"]
    /// # three of four duties are strategy: title-mismatch
    /// ```
    ///
    /// Fixed:
    ///
    /// ```toml
    /// title = "Product Manager"
    /// ```
    pub(crate) static TITLE_MISMATCH = {
        name: "title-mismatch",
        category: Boundary,
        severity: Info,
        summary: "a product manager or product owner title owns mostly the other role's area",
        check: crate::rules::RuleCheck::Team(check),
    };
}

/// What a title says the role is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TitledAs {
    ProductManager,
    ProductOwner,
}

fn titled_as(title: &str) -> Option<TitledAs> {
    let lowercase = title.to_lowercase();
    let words: Vec<&str> = lowercase
        .split(|character: char| !character.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let has_pair = |first: &str, second: &str| {
        words
            .windows(2)
            .any(|pair| pair[0] == first && pair[1].starts_with(second))
    };
    let manager = has_pair("product", "manag") || words.contains(&"pm");
    let owner = has_pair("product", "owner") || words.contains(&"po");
    match (manager, owner) {
        (true, false) => Some(TitledAs::ProductManager),
        (false, true) => Some(TitledAs::ProductOwner),
        _ => None,
    }
}

pub(super) fn check(view: &TeamView<'_>, sink: &mut Sink<'_>) {
    for (index, role) in view.roles() {
        if role.is_vacant() {
            continue;
        }
        let Some(titled) = titled_as(&role.title.value) else {
            continue;
        };
        let (own_area, other_area, other_title) = match titled {
            TitledAs::ProductManager => (Area::Strategy, Area::Backlog, "product owner"),
            TitledAs::ProductOwner => (Area::Backlog, Area::Strategy, "product manager"),
        };
        let owned = view.owned_by_role(index);
        let count = |area: Area| owned.iter().filter(|&&entry| entry.entry().area == area).count();
        let (own, other) = (count(own_area), count(other_area));
        if other * 2 <= owned.len() || other <= own {
            continue;
        }
        sink.report(
            &TITLE_MISMATCH,
            &role.title.span,
            format!(
                "role `{}` is titled \"{}\" but owns mostly {} responsibilities ({other} of {})",
                role.id.value,
                role.title.value,
                other_area.name(),
                owned.len()
            ),
            Details {
                roles: vec![role.id.value.clone()],
                people: role.holders.iter().map(|holder| holder.value.clone()).collect(),
                help: Some(format!(
                    "its duties are a {other_title}'s: retitle the role after what it owns, or move the {} duties to the role whose title fits them",
                    other_area.name()
                )),
                ..Details::default()
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_recognised() {
        assert!(titled_as("Senior Product Manager") == Some(TitledAs::ProductManager));
        assert!(titled_as("Product Owner, Payments") == Some(TitledAs::ProductOwner));
        assert!(titled_as("PO") == Some(TitledAs::ProductOwner));
        assert!(titled_as("Product Manager / Product Owner").is_none());
        assert!(titled_as("Engineering Lead").is_none());
    }
}
