use crate::catalog::ResponsibilityId;
use crate::mapping::BacklogLevel;
use crate::rules::{Details, DutyIndex, RoleIndex, Sink, TeamView};
use crate::rules::{declare_rule, join_words};

declare_rule! {
    /// ## What it checks
    ///
    /// Whether a responsibility is owned (RACI `owns`) by two or more different people
    /// whose scopes overlap. Two owners overlap when their roles have the same `scope`,
    /// or when either role has no `scope` (it then covers the whole team). Owners in
    /// different scopes split the responsibility between them and do not share it: one
    /// product owner per delivery team is the usual, healthy case.
    ///
    /// ## Why it matters
    ///
    /// RACI allows exactly one accountable party per duty for a reason. When the
    /// product manager and the product owner both "own" prioritization, the order of
    /// the backlog depends on who spoke last, each assumes the other made the call, and
    /// the team learns to ask whichever answers the way it wants. Shared accountability
    /// is how a boundary between two roles blurs until nobody can say where it is.
    ///
    /// ## How to fix it
    ///
    /// Keep one owner and move the other to `consulted` (or `does`, if they do the work
    /// without answering for it). If the owners cover different parts of the product,
    /// give each role its own `scope`.
    ///
    /// ## Example
    ///
    /// ```toml
    /// [[roles]]
    /// id = "pm"
    /// title = "Product Manager"
    /// holders = ["Dana"]
    /// owns = ["roadmap", "backlog prioritization"]
    ///
    /// [[roles]]
    /// id = "po"
    /// title = "Product Owner"
    /// holders = ["Sam"]
    /// owns = ["backlog prioritization"]   # shared with Dana
    /// ```
    ///
    /// Fixed:
    ///
    /// ```toml
    /// # on pm
    /// owns = ["roadmap"]
    /// consulted = ["backlog prioritization"]
    /// ```
    pub(crate) static SHARED_ACCOUNTABILITY = {
        name: "shared-accountability",
        category: Boundary,
        severity: Warning,
        summary: "a responsibility is owned by two or more people whose scopes overlap",
        check: crate::rules::RuleCheck::Team(check),
    };
}

/// One owning duty: the duty index, its role's scope.
struct Owner<'a> {
    duty: DutyIndex,
    role: RoleIndex,
    scope: Option<&'a str>,
    level: Option<BacklogLevel>,
}

pub(super) fn check(view: &TeamView<'_>, sink: &mut Sink<'_>) {
    for (index, owning) in view.owners.iter() {
        if !index.entry().is_product_ownership() {
            continue;
        }
        if owning.len() < 2
            && owning
                .iter()
                .all(|&duty| view.role(view.duty(duty).role).holders.len() < 2)
        {
            continue;
        }
        let owners: Vec<Owner<'_>> = owning
            .iter()
            .map(|&duty| {
                let role = view.duty(duty).role;
                Owner {
                    duty,
                    role,
                    scope: view.role(role).scope.as_ref().map(|scope| scope.value.as_str()),
                    level: view.duty(duty).level,
                }
            })
            .collect();
        // Owners who each name a different backlog level (a program backlog of
        // features, a team backlog of stories) hold two levels of one duty; an owner
        // who names no level overlaps every level.
        let mut by_level: std::collections::BTreeMap<Option<BacklogLevel>, Vec<&Owner<'_>>> =
            std::collections::BTreeMap::new();
        if owners.iter().all(|owner| owner.level.is_some()) {
            for owner in &owners {
                by_level.entry(owner.level).or_default().push(owner);
            }
        } else {
            by_level.insert(None, owners.iter().collect());
        }
        for (level, at_level) in by_level {
            check_scopes(view, sink, index, &at_level, level);
        }
    }
}

/// Reports owners whose scopes overlap: all of them when one covers the whole team,
/// else those of each scope.
fn check_scopes(
    view: &TeamView<'_>,
    sink: &mut Sink<'_>,
    responsibility: ResponsibilityId,
    owners: &[&Owner<'_>],
    level: Option<BacklogLevel>,
) {
    if owners.iter().any(|owner| owner.scope.is_none()) {
        report(view, sink, responsibility, owners, None, level);
        return;
    }
    let mut by_scope: std::collections::BTreeMap<&str, Vec<&Owner<'_>>> = std::collections::BTreeMap::new();
    for owner in owners {
        if let Some(scope) = owner.scope {
            by_scope.entry(scope).or_default().push(owner);
        }
    }
    for (scope, in_scope) in by_scope {
        report(view, sink, responsibility, &in_scope, Some(scope), level);
    }
}

fn report(
    view: &TeamView<'_>,
    sink: &mut Sink<'_>,
    responsibility: ResponsibilityId,
    owners: &[&Owner<'_>],
    scope: Option<&str>,
    level: Option<BacklogLevel>,
) {
    // Each person once, with the role through which they first own the duty.
    let mut people: Vec<(&str, RoleIndex, Option<&str>)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for owner in owners {
        for holder in &view.role(owner.role).holders {
            if seen.insert(holder.value.as_str()) {
                people.push((&holder.value, owner.role, owner.scope));
            }
        }
    }
    if people.len() < 2 {
        return;
    }
    let first_people: std::collections::HashSet<&str> = view
        .role(owners[0].role)
        .holders
        .iter()
        .map(|holder| holder.value.as_str())
        .collect();
    let anchor = owners
        .iter()
        .find(|owner| {
            view.role(owner.role)
                .holders
                .iter()
                .any(|holder| !first_people.contains(holder.value.as_str()))
        })
        .unwrap_or(&owners[0]);
    let entry = &responsibility.entry();
    // A message names a handful of owners; the finding's `people` lists them all.
    const NAMED: usize = 8;
    let mut described: Vec<String> = people
        .iter()
        .take(NAMED)
        .map(|(person, role, owner_scope)| {
            let id = &view.role(*role).id.value;
            match (scope, owner_scope) {
                (None, Some(owner_scope)) => format!("`{person}` (role `{id}`, scope `{owner_scope}`)"),
                _ => format!("`{person}` (role `{id}`)"),
            }
        })
        .collect();
    if people.len() > NAMED {
        described.push(format!("{} more", people.len() - NAMED));
    }
    let mut place = match scope {
        Some(scope) => format!(" in scope `{scope}`"),
        None => String::new(),
    };
    if let Some(level) = level {
        place.push_str(&format!(" at the {} backlog level", level.name()));
    }
    let mut roles: Vec<String> = owners
        .iter()
        .map(|owner| view.role(owner.role).id.value.clone())
        .collect();
    roles.dedup();
    sink.report(
        &SHARED_ACCOUNTABILITY,
        &view.duty(anchor.duty).text.span,
        format!("responsibility `{}` ({}) is owned by both {}{place}", entry.id, entry.name, join_words(&described)),
        Details {
            responsibility: Some(responsibility),
            roles,
            people: people.iter().map(|(person, _, _)| person.to_string()).collect(),
            help: Some(
                "keep one owner and list the others under `consulted`, or give each role its own `scope` if they cover different parts"
                    .to_string(),
            ),
            ..Details::default()
        },
    );
}
