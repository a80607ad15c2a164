use crate::catalog::Area;
use crate::rules::{Details, Sink, TeamView};
use crate::rules::{declare_rule, join_words, quoted};

declare_rule! {
    /// ## What it checks
    ///
    /// That someone owns (RACI `owns`) at least one responsibility in each of the
    /// strategy, backlog and outcomes areas. The delivery area is checked only when
    /// delivery governance is core for the team: three or more delivery teams, or
    /// cross-team dependencies.
    ///
    /// ## Why it matters
    ///
    /// Each area answers a different question. Strategy: are we building the right
    /// product? Backlog: does the team know what to build next, and is it ready?
    /// Outcomes: did what we shipped pay off? A team that leaves one of the three to
    /// nobody fails in a predictable way: polished work on the wrong problem, good
    /// intentions that never become stories the team can start, or a steady stream of
    /// releases whose effect no one checks. A whole empty area is a bigger hole than one
    /// missing duty, so this finding replaces the `unowned-responsibility` findings of
    /// that area.
    ///
    /// Roles without holders own nothing: a vacant product owner does not cover the
    /// backlog.
    ///
    /// ## How to fix it
    ///
    /// Give the area's duties to a role with a holder, or fill the vacant role that
    /// carries them. One person may own several areas; `combined-roles` tells you when
    /// that stops being reasonable.
    ///
    /// ## Example
    ///
    /// ```toml
    /// [[roles]]
    /// id = "pm"
    /// title = "Product Manager"
    /// holders = ["Dana"]
    /// owns = ["product vision", "roadmap", "user research", "success metrics", "business outcomes"]
    /// # nobody owns the backlog: unowned-area fires on the team table
    /// ```
    ///
    /// Fixed:
    ///
    /// ```toml
    /// [[roles]]
    /// id = "po"
    /// title = "Product Owner"
    /// holders = ["Sam"]
    /// owns = ["backlog prioritization", "user stories", "sprint planning", "acceptance", "sprint goals"]
    /// ```
    pub(crate) static UNOWNED_AREA = {
        name: "unowned-area",
        category: Gap,
        severity: Error,
        summary: "no one owns any responsibility of an area",
        check: crate::rules::RuleCheck::Team(check),
    };
}

pub(super) fn check(view: &TeamView<'_>, sink: &mut Sink<'_>) {
    for area in unowned_areas(view) {
        let vacant: Vec<&str> = vacant_owners_in(view, area);
        let mut message = format!(
            "no one owns any {} responsibility in team `{}`",
            area.name(),
            view.team_name()
        );
        if !vacant.is_empty() {
            message.push_str(&format!(
                " (only vacant {} {})",
                crate::wording::noun(vacant.len(), "role"),
                join_words(&quoted(&vacant))
            ));
        }
        let help = if vacant.is_empty() {
            format!(
                "give a role with a holder the {} duties: {}",
                area.name(),
                core_names(view, area)
            )
        } else {
            format!(
                "fill {} or move its {} duties to a role with a holder",
                join_words(&quoted(&vacant)),
                area.name()
            )
        };
        sink.report(
            &UNOWNED_AREA,
            &view.charter.team.span,
            message,
            Details {
                roles: vacant.iter().map(|id| id.to_string()).collect(),
                help: Some(help),
                ..Details::default()
            },
        );
    }
}

/// The areas that must be owned and are not; `unowned-responsibility` defers to these.
pub(super) fn unowned_areas(view: &TeamView<'_>) -> Vec<Area> {
    Area::PRODUCT
        .into_iter()
        .filter(|&area| area != Area::Delivery || view.policy.core[crate::catalog::id::DELIVERY_GOVERNANCE])
        .filter(|&area| !view.area_is_owned(area))
        .collect()
}

fn vacant_owners_in<'a>(view: &TeamView<'a>, area: Area) -> Vec<&'a str> {
    let mut roles: Vec<&str> = crate::catalog::entries()
        .filter(|(_, entry)| entry.area == area)
        .flat_map(|(index, _)| view.vacant_owners[index].iter())
        .map(|&duty| view.role(view.duty(duty).role).id.value.as_str())
        .collect();
    roles.sort_unstable();
    roles.dedup();
    roles
}

fn core_names(view: &TeamView<'_>, area: Area) -> String {
    let names: Vec<&str> = crate::catalog::entries()
        .filter(|(index, entry)| entry.area == area && view.policy.core[*index])
        .map(|(_, entry)| entry.id)
        .collect();
    if names.is_empty() {
        format!("any {} responsibility", area.name())
    } else {
        join_words(&quoted(&names))
    }
}
