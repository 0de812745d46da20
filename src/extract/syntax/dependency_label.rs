//! The labels of dependency arcs ([`DependencyLabel`]): the ClearNLP set that spaCy's English models
//! write, which the silver data (and so the parser's model) uses.

use std::fmt;

/// Declares [`DependencyLabel`] with its spelling.
macro_rules! dependency_labels {
    ($($variant:ident = $name:literal, $doc:literal;)*) => {
        /// The relation a word bears to its head, as spaCy's English models label it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum DependencyLabel {
            $(#[doc = $doc] $variant,)*
        }

        impl DependencyLabel {
            /// Every label, in declaration order.
            pub const ALL: &'static [DependencyLabel] = &[$(DependencyLabel::$variant,)*];

            /// The label as spaCy writes it (`nsubj`, `pobj`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(DependencyLabel::$variant => $name,)*
                }
            }

            /// The label written `name`, if it is one (`ROOT` and `root` both name the root).
            pub fn from_name(name: &str) -> Option<DependencyLabel> {
                match name {
                    "ROOT" => Some(DependencyLabel::Root),
                    $($name => Some(DependencyLabel::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

dependency_labels! {
    Root = "root", "The head of the sentence (its head is outside it).";
    ClausalModifier = "acl", "A clause modifying a noun: \"the plan *approved* yesterday\".";
    AdjectivalComplement = "acomp", "An adjective completing a verb: \"it is *ready*\".";
    AdverbialClause = "advcl", "An adverbial clause: \"*After* Peru *attacked*, …\".";
    AdverbialModifier = "advmod", "An adverb: \"*quickly*\".";
    Agent = "agent", "The `by` of a passive agent: \"signed *by* Chile\".";
    AdjectivalModifier = "amod", "An adjective modifying a noun: \"*new* plan\".";
    Apposition = "appos", "An apposition: \"X, the *chairman* of Y\".";
    Attribute = "attr", "The noun after a copula: \"he is the *leader*\".";
    Auxiliary = "aux", "An auxiliary: \"*has* signed\".";
    PassiveAuxiliary = "auxpass", "A passive auxiliary: \"*was* signed\".";
    Case = "case", "A case marker: the possessive `'s`.";
    CoordinatingConjunction = "cc", "A coordinating conjunction: \"*and*\".";
    ClausalComplement = "ccomp", "A clause complementing a verb: \"said talks *would* resume\".";
    Compound = "compound", "A noun in a compound: \"*peace* plan\".";
    Conjunct = "conj", "A conjunct after the first: \"Peru and *Chile*\".";
    ClausalSubject = "csubj", "A clause as subject.";
    ClausalPassiveSubject = "csubjpass", "A clause as the subject of a passive.";
    Dative = "dative", "An indirect object: \"gave *them* aid\".";
    Unclassified = "dep", "A dependency spaCy could not classify.";
    Determiner = "det", "A determiner: \"*the* plan\".";
    DirectObject = "dobj", "A direct object: \"approved the *plan*\".";
    Expletive = "expl", "An expletive: \"*there* is\".";
    Interjection = "intj", "An interjection.";
    Marker = "mark", "A subordinating conjunction: \"*after* Peru attacked\".";
    Meta = "meta", "A meta word (list markers and the like).";
    Negation = "neg", "A negation: \"*not*\".";
    NominalModifier = "nmod", "A noun modifying a noun.";
    NounPhraseAdverbial = "npadvmod", "A noun phrase used as an adverb: \"*yesterday*\".";
    NominalSubject = "nsubj", "A nominal subject: \"The *council* approved\".";
    PassiveNominalSubject = "nsubjpass", "The subject of a passive: \"The *treaty* was signed\".";
    NumericModifier = "nummod", "A number modifying a noun: \"*three* ships\".";
    ObjectPredicate = "oprd", "An object predicate: \"made him *president*\".";
    Parataxis = "parataxis", "A clause set beside another.";
    PrepositionalComplement = "pcomp", "A clause after a preposition: \"by *signing*\".";
    PrepositionalObject = "pobj", "The object of a preposition: \"to *Argentina*\".";
    Possessive = "poss", "A possessor: \"*Norway*'s envoy\".";
    Preconjunct = "preconj", "A preconjunct: \"*either* … or\".";
    Predeterminer = "predet", "A predeterminer: \"*all* the ships\".";
    Preposition = "prep", "A preposition attached to its head: \"sent troops *to*\".";
    Particle = "prt", "A verb's particle: \"set *up*\".";
    Punctuation = "punct", "Punctuation.";
    QuantifierModifier = "quantmod", "A modifier of a quantity: \"*about* three\".";
    RelativeClause = "relcl", "A relative clause: \"the convoy that *carried* aid\".";
    OpenClausalComplement = "xcomp", "A clause without its own subject: \"agreed *to* sign\".";
}

impl DependencyLabel {
    /// Whether the label marks a subject (nominal or clausal, active or passive).
    pub fn is_subject(self) -> bool {
        matches!(
            self,
            DependencyLabel::NominalSubject
                | DependencyLabel::PassiveNominalSubject
                | DependencyLabel::ClausalSubject
                | DependencyLabel::ClausalPassiveSubject
        )
    }
}

impl fmt::Display for DependencyLabel {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_reads_back_from_its_name() {
        for &label in DependencyLabel::ALL {
            assert_eq!(DependencyLabel::from_name(label.as_str()), Some(label));
        }
        let cases = [
            ("ROOT", Some(DependencyLabel::Root)),
            ("nsubjpass", Some(DependencyLabel::PassiveNominalSubject)),
            ("subject", None),
        ];
        for (name, label) in cases {
            assert_eq!(DependencyLabel::from_name(name), label, "{name}");
        }
    }
}
