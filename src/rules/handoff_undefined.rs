use std::collections::BTreeSet;

use crate::catalog::{self, Area, ResponsibilityId};
use crate::charter::Raci;
use crate::rules::{Details, Sink, TeamView};
use crate::rules::{declare_rule, join_words, quoted};

declare_rule! {
    /// ## What it checks
    ///
    /// When strategy and backlog are owned by different people, whether anything links
    /// the two: a strategy owner who owns or is `consulted` on
    /// `backlog.prioritization`, or a backlog owner who owns or is `consulted` on
    /// `strategy.roadmap`. It fires when neither link exists.
    ///
    /// ## Why it matters
    ///
    /// Splitting the product manager and product owner roles only works when direction
    /// flows into the backlog and what the team learns flows back. When nobody is
    /// responsible for that exchange, the two halves run on separate clocks: the
    /// roadmap moves without the backlog hearing about it, backlog order shifts for
    /// reasons the roadmap never stated, and the team ends up building against
    /// priorities whose purpose it was never told. Writing down who is consulted on
    /// what is the smallest agreement that keeps the two connected.
    ///
    /// ## How to fix it
    ///
    /// Add `consulted = ["backlog prioritization"]` to the role that owns strategy, or
    /// `consulted = ["roadmap"]` to the role that owns the backlog; ideally both.
    ///
    /// ## Example
    ///
    /// ```toml
    /// [[roles]]
    /// id = "pm"
    /// title = "Product Manager"
    /// holders = ["Dana"]
    /// owns = ["product vision", "roadmap"]
    ///
    /// [[roles]]
    /// id = "po"
    /// title = "Product Owner"
    /// holders = ["Sam"]
    /// owns = ["backlog prioritization"]
    /// # nothing links the two: handoff-undefined fires on the team table
    /// ```
    ///
    /// Fixed:
    ///
    /// ```toml
    /// # on pm
    /// consulted = ["backlog prioritization"]
    /// # on po
    /// consulted = ["roadmap"]
    /// ```
    pub(crate) static HANDOFF_UNDEFINED = {
        name: "handoff-undefined",
        category: Boundary,
        severity: Warning,
        summary: "strategy and backlog owners are different people and nothing links them",
        check: crate::rules::RuleCheck::Team(check),
    };
}

pub(super) fn check(view: &TeamView<'_>, sink: &mut Sink<'_>) {
    let (prioritization, roadmap) = (catalog::id::BACKLOG_PRIORITIZATION, catalog::id::STRATEGY_ROADMAP);
    let strategy_owners = owners_in(view, Area::Strategy);
    let backlog_owners = owners_in(view, Area::Backlog);
    if strategy_owners.is_empty() || backlog_owners.is_empty() || !strategy_owners.is_disjoint(&backlog_owners) {
        return;
    }
    let linked = |people: &BTreeSet<&str>, responsibility: ResponsibilityId| {
        view.duties.iter().any(|duty| {
            matches!(duty.raci, Raci::Accountable | Raci::Consulted)
                && duty.responsibility() == Some(responsibility)
                && view
                    .role(duty.role)
                    .holders
                    .iter()
                    .any(|holder| people.contains(holder.value.as_str()))
        })
    };
    if linked(&strategy_owners, prioritization) || linked(&backlog_owners, roadmap) {
        return;
    }
    let strategy: Vec<&str> = strategy_owners.iter().copied().collect();
    let backlog: Vec<&str> = backlog_owners.iter().copied().collect();
    let mut roles: Vec<String> = view
        .charter
        .roles
        .iter()
        .filter(|role| {
            role.holders.iter().any(|holder| {
                strategy_owners.contains(holder.value.as_str()) || backlog_owners.contains(holder.value.as_str())
            })
        })
        .map(|role| role.id.value.clone())
        .collect();
    roles.sort();
    sink.report(
        &HANDOFF_UNDEFINED,
        &view.charter.team.span,
        format!(
            "nothing links strategy to the backlog in team `{}`: strategy owner {} is not consulted on backlog prioritization, and backlog owner {} is not consulted on the roadmap",
            view.team_name(),
            join_words(&quoted(&strategy)),
            join_words(&quoted(&backlog)),
        ),
        Details {
            roles,
            people: strategy.iter().chain(&backlog).map(|person| person.to_string()).collect(),
            help: Some(
                "add `consulted = [\"backlog prioritization\"]` to the strategy owner's role, or `consulted = [\"roadmap\"]` to the backlog owner's"
                    .to_string(),
            ),
            ..Details::default()
        },
    );
}

fn owners_in<'a>(view: &TeamView<'a>, area: Area) -> BTreeSet<&'a str> {
    view.owners
        .iter()
        .filter(|(responsibility, _)| responsibility.entry().area == area)
        .flat_map(|(_, duties)| duties.iter())
        .flat_map(|&duty| view.role(view.duty(duty).role).holders.iter())
        .map(|holder| holder.value.as_str())
        .collect()
}
