use crate::mapping::DutyMapping;
use crate::rules::{Details, Sink, TeamView};
use crate::rules::{declare_rule, join_words};

declare_rule! {
    /// ## What it checks
    ///
    /// Whether a duty matches two or more responsibilities equally well, at least
    /// one of them product ownership: the best phrases found in it belong to
    /// different responsibilities, and neither its head noun nor its verb decides.
    ///
    /// A duty that lists several duties ("product vision and strategy", "hiring,
    /// onboarding") is not ambiguous: it counts for each of them. Neither is a tie
    /// between kinds of neighbouring work ("testing, monitoring"), which no product
    /// rule counts.
    ///
    /// ## Why it matters
    ///
    /// "Annual iteration planning" could be the year's roadmap planning or the
    /// planning of the next iteration; the two belong to different people in most
    /// teams. charterlint will not guess, because a wrong
    /// guess would report a gap that is not there, or hide one that is.
    ///
    /// ## How to fix it
    ///
    /// Write each duty on its own line, write a catalog id, or map the exact phrase
    /// in `[vocabulary]`.
    ///
    /// ## Example
    ///
    /// ```toml
    /// owns = ["annual iteration planning"]   # strategy.roadmap or backlog.sprint-support?
    /// ```
    ///
    /// Fixed:
    ///
    /// ```toml
    /// owns = ["annual roadmap planning", "iteration planning"]
    /// ```
    pub static AMBIGUOUS_DUTY = {
        name: "ambiguous-duty",
        category: Vocabulary,
        severity: Warning,
        summary: "a duty maps to two or more responsibilities equally",
        check: crate::rules::RuleCheck::Team(check),
    };
}

pub(super) fn check(view: &TeamView<'_>, sink: &mut Sink<'_>) {
    for duty in &view.duties {
        let DutyMapping::Ambiguous { candidates } = &duty.mapping else {
            continue;
        };
        let role = view.role(duty.role);
        let matches: Vec<String> = candidates
            .iter()
            .map(|(index, phrase)| format!("`{}` (\"{phrase}\")", index.entry().id))
            .collect();
        sink.report(
            &AMBIGUOUS_DUTY,
            &duty.text.span,
            format!(
                "duty \"{}\" in `{}` of role `{}` matches {} equally",
                duty.text.value,
                duty.raci.key(),
                role.id.value,
                join_words(&matches)
            ),
            Details {
                roles: vec![role.id.value.clone()],
                people: role.holders.iter().map(|holder| holder.value.clone()).collect(),
                help: Some("split it into one duty per responsibility, write a catalog id, or map the phrase in `[vocabulary]`".to_string()),
                ..Details::default()
            },
        );
    }
}
