//! `Rule`: the name of the extraction rule that read a relation, and `RuleName`, that name as evidence
//! carries it (with `+metonymy` when an end was named only by its capital).
//!
//! Rule names travel from the relation rules through the graph into files, `why` answers and
//! `kg eval --by-rule`. They are defined once here so that no stage matches another stage's strings.
//! Files keep the names as text ("verb", "co-mention+metonymy"): a name this version does not know
//! (from an older or newer kgraph) still loads, it just parses to no [`RuleName`].

use std::fmt;

/// An extraction rule, each in the file under `extract/rules/` its doc line names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// `title.rs`: "Iraqi Prime Minister Haider al-Abadi": the person leads the country.
    Title,
    /// `title.rs`: "Prime Minister X" with no country named: the document's home country.
    TitleHome,
    /// `apposition.rs`: "X, leader of Y", "the head of Y, X".
    Apposition,
    /// `such_as.rs`: "factions within Y, such as A, B and C".
    SuchAs,
    /// `compound.rs`: "US-China tensions".
    CompoundPair,
    /// `compound.rs`: "Iran-backed factions".
    CompoundModifier,
    /// `possessive.rs`: "Iran's Quds Force".
    Possessive,
    /// `demonym.rs`: "the Turkish defence firm Baykar".
    Demonym,
    /// `between.rs`: "tensions between X and Y".
    Between,
    /// `nominal.rs`: "the Russian invasion of Ukraine".
    Nominal,
    /// `name_part.rs`: a country named inside an entity's own name: "Central Bank of Iraq".
    NamePart,
    /// `located_in.rs`: "X, located in Y".
    LocatedIn,
    /// `joint_subject.rs`: "X and Y signed ...": a coordinated subject.
    JointSubject,
    /// `verb.rs`: "X ... VERB ... Y".
    Verb,
    /// `relation_noun.rs`: "X's relations with Y".
    RelationNoun,
    /// `possessive_noun.rs`: "X's perspective on Y".
    PossessiveNoun,
    /// `co_mention.rs`: any other pair in a sentence: not an asserted relation.
    CoMention,
}

impl Rule {
    /// Every rule, in the order they run (the table in the module docs of `extract::rules`), but for
    /// name-part, which runs before nominal.
    pub const ALL: [Rule; 17] = [
        Rule::Title,
        Rule::TitleHome,
        Rule::Apposition,
        Rule::SuchAs,
        Rule::CompoundPair,
        Rule::CompoundModifier,
        Rule::Possessive,
        Rule::Demonym,
        Rule::Between,
        Rule::Nominal,
        Rule::NamePart,
        Rule::LocatedIn,
        Rule::JointSubject,
        Rule::Verb,
        Rule::RelationNoun,
        Rule::PossessiveNoun,
        Rule::CoMention,
    ];

    /// The name files, answers and `kg eval --by-rule` show.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Title => "title",
            Rule::TitleHome => "title-home",
            Rule::Apposition => "apposition",
            Rule::SuchAs => "such-as",
            Rule::CompoundPair => "compound-pair",
            Rule::CompoundModifier => "compound-modifier",
            Rule::Possessive => "possessive",
            Rule::Demonym => "demonym",
            Rule::Between => "between",
            Rule::Nominal => "nominal",
            Rule::NamePart => "name-part",
            Rule::LocatedIn => "located-in",
            Rule::JointSubject => "joint-subject",
            Rule::Verb => "verb",
            Rule::RelationNoun => "relation-noun",
            Rule::PossessiveNoun => "possessive-noun",
            Rule::CoMention => "co-mention",
        }
    }

    /// The rule called `name`, exactly as [`Rule::name`] gives it.
    pub fn parse(name: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|rule| rule.name() == name)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The rule behind one sentence of evidence: the rule, and whether an end of the relation was named
/// only by its capital standing for its government ("Washington imposed ..."), which files write as
/// the rule's name and `+metonymy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RuleName {
    pub rule: Rule,
    pub metonymy: bool,
}

impl RuleName {
    /// What files append to a rule's name when an end was named by its capital.
    pub const METONYMY_SUFFIX: &'static str = "+metonymy";

    /// The rule's name as files write it.
    pub fn new(rule: Rule, metonymy: bool) -> RuleName {
        RuleName { rule, metonymy }
    }

    /// Reads a name as files write it; `None` for a rule this version does not know.
    pub fn parse(text: &str) -> Option<RuleName> {
        match text.strip_suffix(RuleName::METONYMY_SUFFIX) {
            Some(rule) => Rule::parse(rule).map(|rule| RuleName::new(rule, true)),
            None => Rule::parse(text).map(|rule| RuleName::new(rule, false)),
        }
    }
}

impl From<Rule> for RuleName {
    fn from(rule: Rule) -> RuleName {
        RuleName::new(rule, false)
    }
}

impl fmt::Display for RuleName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.rule.name())?;
        if self.metonymy {
            f.write_str(RuleName::METONYMY_SUFFIX)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_as_written() {
        let cases = [
            ("verb", Some(RuleName::new(Rule::Verb, false))),
            (
                "co-mention+metonymy",
                Some(RuleName::new(Rule::CoMention, true)),
            ),
            (
                "name-part+metonymy",
                Some(RuleName::new(Rule::NamePart, true)),
            ),
            ("title-home", Some(RuleName::new(Rule::TitleHome, false))),
            ("Verb", None),
            ("verb+", None),
            ("+metonymy", None),
            ("unheard-of", None),
        ];
        for (text, name) in cases {
            assert_eq!(RuleName::parse(text), name, "{text}");
            if let Some(name) = name {
                assert_eq!(name.to_string(), text);
            }
        }
    }

    #[test]
    fn every_rule_has_its_own_name() {
        for rule in Rule::ALL {
            assert_eq!(Rule::parse(rule.name()), Some(rule));
        }
        let mut names: Vec<_> = Rule::ALL.iter().map(|rule| rule.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Rule::ALL.len());
    }
}
