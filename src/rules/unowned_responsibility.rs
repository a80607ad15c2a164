use crate::catalog::ResponsibilityId;
use crate::rules::{Details, Sink, TeamView};
use crate::rules::{declare_rule, join_words, quoted};

declare_rule! {
    /// ## What it checks
    ///
    /// That every core responsibility has an owner: a role with at least one holder
    /// that lists the duty under `owns`.
    ///
    /// Which responsibilities are core depends on the team. Vision, roadmap,
    /// discovery, backlog prioritization, refinement, acceptance, success metrics and
    /// business outcomes always are. Sprint support and delivery outcomes are core for
    /// teams that work in sprints (`scrum` or `safe`), not for `kanban` or `none`.
    /// Delivery governance is core for programs of three or more delivery teams or with
    /// cross-team dependencies. `[lint] require` adds to the set and `optional` takes
    /// away from it.
    ///
    /// ## Why it matters
    ///
    /// The same title means different work in different companies, so charterlint
    /// looks at duties, not titles: for each duty the team cannot do without, one named
    /// person must answer for it. A duty that everyone assumes someone else carries is
    /// the gap that turns into a missed quarter. A duty owned only by a vacant role is just as unowned, and the finding
    /// says so.
    ///
    /// When a whole area is unowned, `unowned-area` reports it once instead of one
    /// finding per duty.
    ///
    /// ## How to fix it
    ///
    /// Add the duty to the `owns` list of the role that should answer for it, or fill
    /// the vacant role that owns it. If the team truly does not need it, say so with
    /// `[lint] optional = ["<id>"]`. Often the duty is there, in words charterlint does
    /// not know: the help names the owned duties that mapped to nothing, so you can
    /// write the catalog id for one of them or map it in `[vocabulary]`.
    ///
    /// ## Example
    ///
    /// ```toml
    /// [[roles]]
    /// id = "po"
    /// title = "Product Owner"
    /// holders = ["Sam"]
    /// owns = ["backlog prioritization", "user stories", "sprint planning", "sprint goals"]
    /// # nobody accepts or rejects finished work: backlog.acceptance is unowned
    /// ```
    ///
    /// Fixed:
    ///
    /// ```toml
    /// owns = ["backlog prioritization", "user stories", "sprint planning", "sprint goals", "acceptance"]
    /// ```
    pub(crate) static UNOWNED_RESPONSIBILITY = {
        name: "unowned-responsibility",
        category: Gap,
        severity: Error,
        summary: "a core responsibility has no owner",
        check: crate::rules::RuleCheck::Team(check),
    };
}

pub(super) fn check(view: &TeamView<'_>, sink: &mut Sink<'_>) {
    let unowned_areas = super::unowned_area::unowned_areas(view);
    for (index, entry) in crate::catalog::entries() {
        if !view.policy.core[index] || !view.owners[index].is_empty() || unowned_areas.contains(&entry.area) {
            continue;
        }
        let vacant_duties = &view.vacant_owners[index];
        let mut vacant_roles: Vec<&str> = vacant_duties
            .iter()
            .map(|&duty| view.role(view.duty(duty).role).id.value.as_str())
            .collect();
        vacant_roles.sort_unstable();
        vacant_roles.dedup();
        let (span, message, help) = match vacant_duties.first() {
            Some(&duty) => (
                view.duty(duty).text.span.clone(),
                format!(
                    "core responsibility `{}` ({}) has no owner: its only owner, {} {}, is vacant",
                    entry.id,
                    entry.name,
                    crate::wording::noun(vacant_roles.len(), "role"),
                    join_words(&quoted(&vacant_roles))
                ),
                format!(
                    "add a holder to {} or move the duty to a role with one",
                    join_words(&quoted(&vacant_roles))
                ),
            ),
            None => match redirected_by_vocabulary(view, index) {
                Some((vocabulary, duty, target)) => (
                    vocabulary.phrase.span.clone(),
                    format!(
                        "core responsibility `{}` ({}) has no owner in team `{}`: `[vocabulary]` sends \"{duty}\" to `{target}`",
                        entry.id,
                        entry.name,
                        view.team_name()
                    ),
                    format!(
                        "without this entry \"{duty}\" would be `{}`; remove the entry, or map the phrase to `{}`",
                        entry.id, entry.id
                    ),
                ),
                None => (
                    view.charter.team.span.clone(),
                    format!(
                        "core responsibility `{}` ({}) has no owner in team `{}`",
                        entry.id,
                        entry.name,
                        view.team_name()
                    ),
                    format!(
                        "add \"{}\" to the `owns` list of the role that answers for it, or list it in `[lint] optional`{}",
                        entry.name,
                        unmapped_hint(view, index, entry.id)
                    ),
                ),
            },
        };
        sink.report(
            &UNOWNED_RESPONSIBILITY,
            &span,
            message,
            Details {
                responsibility: Some(index),
                roles: vacant_roles.iter().map(|id| id.to_string()).collect(),
                help: Some(help),
                ..Details::default()
            },
        );
    }
}

/// A gap is often a duty the team did write, in words charterlint does not know: the
/// owned duties that mapped to nothing, or to this responsibility among others, are
/// named so the reader can teach them instead of adding the duty twice.
fn unmapped_hint(view: &TeamView<'_>, responsibility: ResponsibilityId, id: &str) -> String {
    let mut unmapped: Vec<&str> = view
        .duties
        .iter()
        .filter(|duty| duty.raci == crate::charter::Raci::Accountable && !view.role(duty.role).is_vacant())
        .filter(|duty| match &duty.mapping {
            crate::mapping::DutyMapping::Unknown { .. } => true,
            crate::mapping::DutyMapping::Ambiguous { candidates } => {
                candidates.iter().any(|(candidate, _)| *candidate == responsibility)
            }
            _ => false,
        })
        .map(|duty| duty.text.value.as_str())
        .collect();
    unmapped.sort_unstable();
    unmapped.dedup();
    let Some(first) = unmapped.first() else {
        return String::new();
    };
    match unmapped.len() - 1 {
        0 => format!(
            "; if \"{first}\", an owned duty charterlint could not map, is this work, write `{id}` for it or map it in `[vocabulary]`"
        ),
        others => format!(
            "; if one of the owned duties charterlint could not map (\"{first}\" and {} more) is this work, write `{id}` for it or map it in `[vocabulary]`",
            others
        ),
    }
}

/// A vocabulary entry that sends an owned duty elsewhere although the catalog alone
/// would map it to `responsibility`: the entry, the duty and where it now goes.
fn redirected_by_vocabulary<'a>(
    view: &TeamView<'a>,
    responsibility: ResponsibilityId,
) -> Option<(&'a crate::charter::VocabularyEntry, &'a str, &'static str)> {
    let builtin = crate::mapping::Mapper::new(&crate::charter::Vocabulary::default());
    view.duties.iter().find_map(|duty| {
        let (crate::mapping::MatchReason::VocabularyPhrase { phrase }
        | crate::mapping::MatchReason::VocabularyWords { phrase }) = duty.reason()?
        else {
            return None;
        };
        if duty.raci != crate::charter::Raci::Accountable
            || view.role(duty.role).is_vacant()
            || !builtin
                .map_in_trade(&duty.text.value, view.trade(duty.role))
                .0
                .responsibilities()
                .contains(&responsibility)
        {
            return None;
        }
        let entry = view
            .charter
            .vocabulary
            .0
            .iter()
            .find(|entry| entry.phrase.value == *phrase)?;
        Some((entry, duty.text.value.as_str(), duty.responsibility()?.text()))
    })
}
