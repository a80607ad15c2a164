use crate::catalog::CATALOG;
use crate::mapping::DutyMapping;
use crate::rules::{Details, Sink, TeamView};
use crate::rules::{declare_rule, join_words};

declare_rule! {
    /// ## What it checks
    ///
    /// Whether a duty matches two or more responsibilities equally well: the most
    /// specific phrases whose words all appear in it belong to different
    /// responsibilities.
    ///
    /// ## Why it matters
    ///
    /// "Vision and strategy" names two duties in one breath. charterlint will not
    /// guess which one the team meant, because a wrong guess would report a gap that
    /// is not there, or hide one that is. Usually the string really carries two
    /// duties, and each deserves its own line (and maybe its own owner).
    ///
    /// ## How to fix it
    ///
    /// Split the duty into one entry per responsibility, write a catalog id, or map the
    /// exact phrase in `[vocabulary]`.
    ///
    /// ## Example
    ///
    /// ```toml
    /// owns = ["product vision and strategy"]   # ambiguous: strategy.vision or strategy.product-strategy?
    /// ```
    ///
    /// Fixed:
    ///
    /// ```toml
    /// owns = ["product vision", "product strategy"]
    /// ```
    pub static AMBIGUOUS_DUTY = {
        name: "ambiguous-duty",
        category: Vocabulary,
        severity: Warning,
        summary: "a duty maps to two or more responsibilities equally",
        check: crate::rules::RuleCheck::Team(check),
    };
}

pub fn check(view: &TeamView<'_>, sink: &mut Sink<'_>) {
    for duty in &view.duties {
        let DutyMapping::Ambiguous { candidates } = &duty.mapping else {
            continue;
        };
        let role = view.role(duty.role);
        let matches: Vec<String> = candidates
            .iter()
            .map(|(index, phrase)| format!("`{}` (\"{phrase}\")", CATALOG[*index].id))
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
