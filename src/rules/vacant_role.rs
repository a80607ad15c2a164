use crate::rules::declare_rule;
use crate::rules::{Details, Sink, TeamView};

declare_rule! {
    /// ## What it checks
    ///
    /// That every role has at least one holder.
    ///
    /// ## Why it matters
    ///
    /// A role with an empty `holders` list is a promise nobody keeps: its duties read
    /// as covered in the charter and are covered by no one in practice. charterlint
    /// counts a vacant role as owning nothing, so its core duties also show up as
    /// `unowned-responsibility` findings; this warning points at the role itself.
    ///
    /// ## How to fix it
    ///
    /// Name the person who holds the role, or move its duties to a role that has a
    /// holder and delete the empty one. If the seat is open on purpose (a hire in
    /// progress), accept the risk with an end date:
    /// `[[lint.accept]] rule = "vacant-role", target = "<role id>", reason = "…", until = "…"`.
    ///
    /// ## Example
    ///
    /// ```toml
    /// [[roles]]
    /// id = "po"
    /// title = "Product Owner"
    /// holders = []          # vacant-role fires here
    /// owns = ["backlog prioritization"]
    /// ```
    ///
    /// Fixed:
    ///
    /// ```toml
    /// holders = ["Sam"]
    /// ```
    pub(crate) static VACANT_ROLE = {
        name: "vacant-role",
        category: Gap,
        severity: Warning,
        summary: "a role has no holders",
        check: crate::rules::RuleCheck::Team(check),
    };
}

pub(super) fn check(view: &TeamView<'_>, sink: &mut Sink<'_>) {
    for (index, role) in view.roles() {
        if !role.is_vacant() {
            continue;
        }
        let owned = view.owned_by_role(index).len();
        let consequence = match owned {
            0 => String::new(),
            1 => ": the responsibility it owns is unowned".to_string(),
            count => format!(": the {count} responsibilities it owns are unowned"),
        };
        sink.report(
            &VACANT_ROLE,
            &role.id.span,
            format!(
                "role `{}` ({}) has no holders{consequence}",
                role.id.value, role.title.value
            ),
            Details {
                roles: vec![role.id.value.clone()],
                help: Some(
                    "name who holds the role in `holders`, or move its duties to a role that has a holder".to_string(),
                ),
                ..Details::default()
            },
        );
    }
}
