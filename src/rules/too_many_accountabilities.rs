use crate::rules::{Details, Sink, TeamView};
use crate::rules::{declare_rule, join_words, quoted};

declare_rule! {
    /// ## What it checks
    ///
    /// Whether one person owns more than `[lint] max_accountabilities` distinct
    /// responsibilities in one team (default 10), counting every role they hold.
    ///
    /// ## Why it matters
    ///
    /// Accountability that is spread over too many duties stops being accountability.
    /// The catalog has sixteen responsibilities spanning horizons from the next sprint
    /// to the next year; a person who owns most of them cannot give each the attention
    /// ownership implies, and the charter hides that behind a tidy table.
    ///
    /// ## How to fix it
    ///
    /// Move some duties to another role, or keep the person `consulted` where they only
    /// advise. If the team is small on purpose, raise the threshold for it:
    /// `[lint] max_accountabilities = 12`.
    ///
    /// ## Example
    ///
    /// ```toml
    /// [[roles]]
    /// id = "lead"
    /// title = "Product Lead"
    /// holders = ["Dana"]
    /// owns = ["strategy.vision", "strategy.product-strategy", "strategy.roadmap", "strategy.discovery",
    ///         "strategy.alignment", "strategy.go-to-market", "backlog.prioritization", "backlog.refinement",
    ///         "backlog.sprint-support", "backlog.acceptance", "outcomes.success-metrics"]
    /// # eleven responsibilities: too-many-accountabilities fires
    /// ```
    ///
    /// Fixed: a product owner takes the sprint-level duties.
    ///
    /// ```toml
    /// [[roles]]
    /// id = "po"
    /// title = "Product Owner"
    /// holders = ["Sam"]
    /// owns = ["backlog.refinement", "backlog.sprint-support", "backlog.acceptance"]
    /// ```
    pub(crate) static TOO_MANY_ACCOUNTABILITIES = {
        name: "too-many-accountabilities",
        category: Overload,
        severity: Warning,
        summary: "one person owns more responsibilities than the limit in one team",
        check: crate::rules::RuleCheck::Team(check),
    };
}

pub(super) fn check(view: &TeamView<'_>, sink: &mut Sink<'_>) {
    let limit = view.policy.max_accountabilities as usize;
    for (&person, roles) in &view.people {
        let owned = view.owned_by(person).len();
        if owned <= limit {
            continue;
        }
        let role_ids: Vec<&str> = roles.iter().map(|&role| view.role(role).id.value.as_str()).collect();
        sink.report(
            &TOO_MANY_ACCOUNTABILITIES,
            &view.holder_span(person, roles[0]),
            format!(
                "person `{person}` owns {owned} responsibilities in team `{}` through {} {}, more than the limit of {limit}",
                view.team_name(),
                crate::wording::noun(role_ids.len(), "role"),
                join_words(&quoted(&role_ids)),
            ),
            Details {
                roles: role_ids.iter().map(|id| id.to_string()).collect(),
                people: vec![person.to_string()],
                help: Some(
                    "move some duties to another role, or keep the person `consulted` where they only advise"
                        .to_string(),
                ),
                ..Details::default()
            },
        );
    }
}
