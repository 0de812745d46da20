//! The part-of-speech tags: Penn Treebank tags ([`Tag`], the tagger's own) and the Universal
//! Dependencies tags ([`UniversalTag`]) they map to.

use std::fmt;

/// Declares [`Tag`] with its Penn Treebank spelling and its Universal tag.
macro_rules! penn_tags {
    ($($variant:ident = $name:literal => $universal:ident, $doc:literal;)*) => {
        /// A Penn Treebank part-of-speech tag, as spaCy's English models write them (the tagger's tag set).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Tag {
            $(#[doc = $doc] $variant,)*
        }

        impl Tag {
            /// Every tag, in declaration order.
            pub const ALL: &'static [Tag] = &[$(Tag::$variant,)*];

            /// The tag as the Penn Treebank writes it (`NNS`, `PRP$`, `-LRB-`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Tag::$variant => $name,)*
                }
            }

            /// The tag written `name`, if it is one.
            pub fn from_name(name: &str) -> Option<Tag> {
                match name {
                    $($name => Some(Tag::$variant),)*
                    _ => None,
                }
            }

            /// The Universal tag this tag gives by the fixed map (before [`Tag::universal_for`]'s
            /// refinements by word).
            pub fn universal(self) -> UniversalTag {
                match self {
                    $(Tag::$variant => UniversalTag::$universal,)*
                }
            }
        }
    };
}

penn_tags! {
    Dollar = "$" => Sym, "A currency sign: `$`.";
    CloseQuote = "''" => Punct, "A closing quotation mark.";
    Comma = "," => Punct, "A comma.";
    LeftBracket = "-LRB-" => Punct, "An opening bracket.";
    RightBracket = "-RRB-" => Punct, "A closing bracket.";
    Period = "." => Punct, "Sentence-final punctuation: `.`, `?`, `!`.";
    Colon = ":" => Punct, "A colon, semicolon, dash or ellipsis.";
    Address = "ADD" => X, "An e-mail or web address.";
    Affix = "AFX" => Adj, "An affix written apart: `pre` in `pre-war` when split.";
    CoordinatingConjunction = "CC" => Cconj, "`and`, `or`, `but`.";
    CardinalNumber = "CD" => Num, "A number: `three`, `1980`.";
    Determiner = "DT" => Det, "`the`, `a`, `this`, `no`.";
    Existential = "EX" => Pron, "Existential `there`.";
    ForeignWord = "FW" => X, "A foreign word.";
    Hyphen = "HYPH" => Punct, "A hyphen written as its own token.";
    Preposition = "IN" => Adp, "A preposition or subordinating conjunction: `of`, `in`, `because`.";
    Adjective = "JJ" => Adj, "An adjective: `new`.";
    ComparativeAdjective = "JJR" => Adj, "A comparative adjective: `newer`.";
    SuperlativeAdjective = "JJS" => Adj, "A superlative adjective: `newest`.";
    ListMarker = "LS" => X, "A list item marker: `1.`, `a)`.";
    Modal = "MD" => Aux, "A modal verb: `will`, `must`.";
    Superfluous = "NFP" => Punct, "Superfluous punctuation: `***`.";
    Noun = "NN" => Noun, "A singular or mass noun: `treaty`.";
    ProperNoun = "NNP" => Propn, "A singular proper noun: `Geneva`.";
    PluralProperNoun = "NNPS" => Propn, "A plural proper noun: `Americans`.";
    PluralNoun = "NNS" => Noun, "A plural noun: `treaties`.";
    Predeterminer = "PDT" => Det, "A predeterminer: `all` in `all the`.";
    Possessive = "POS" => Part, "The possessive ending `'s`.";
    PersonalPronoun = "PRP" => Pron, "A personal pronoun: `we`, `it`.";
    PossessivePronoun = "PRP$" => Pron, "A possessive pronoun: `our`, `its`.";
    Adverb = "RB" => Adv, "An adverb: `soon`, `not`.";
    ComparativeAdverb = "RBR" => Adv, "A comparative adverb: `sooner`.";
    SuperlativeAdverb = "RBS" => Adv, "A superlative adverb: `most`.";
    Particle = "RP" => Adp, "A verb particle: `up` in `set up`.";
    Symbol = "SYM" => Sym, "A symbol: `%`, `=`.";
    To = "TO" => Part, "`to`.";
    Interjection = "UH" => Intj, "An interjection: `yes`.";
    Verb = "VB" => Verb, "A verb in the base form: `sign`.";
    PastVerb = "VBD" => Verb, "A verb in the past tense: `signed`.";
    GerundVerb = "VBG" => Verb, "A gerund or present participle: `signing`.";
    ParticipleVerb = "VBN" => Verb, "A past participle: `signed` in `was signed`.";
    PresentVerb = "VBP" => Verb, "A verb in the present tense, not third person singular: `sign`.";
    PresentThirdPersonVerb = "VBZ" => Verb, "A verb in the present tense, third person singular: `signs`.";
    WhDeterminer = "WDT" => Pron, "A wh-determiner: `which`, `that` (relative).";
    WhPronoun = "WP" => Pron, "A wh-pronoun: `who`, `what`.";
    PossessiveWhPronoun = "WP$" => Det, "A possessive wh-pronoun: `whose`.";
    WhAdverb = "WRB" => Sconj, "A wh-adverb: `where`, `when`.";
    Unknown = "XX" => X, "A word the model could not classify.";
    Space = "_SP" => X, "White space kept as a token.";
    OpenQuote = "``" => Punct, "An opening quotation mark.";
}

impl Tag {
    /// The Universal tag of a word with this tag and this lemma: the fixed map, refined where the
    /// Penn tag alone does not say (`be`, `have` and `do` are auxiliaries; `not` is a particle;
    /// `that`, `if`, `because` and the like, tagged `IN`, introduce a clause).
    pub fn universal_for(self, lemma: &str) -> UniversalTag {
        let lemma_is = |words: &[&str]| words.iter().any(|w| lemma.eq_ignore_ascii_case(w));
        match self {
            verb if verb.is_verb() && lemma_is(&["be", "have", "do"]) => UniversalTag::Aux,
            Tag::Adverb if lemma_is(&["not", "n't", "n’t"]) => UniversalTag::Part,
            Tag::Preposition
                if lemma_is(&[
                    "that", "if", "because", "whether", "although", "though", "unless", "while",
                    "whereas", "so",
                ]) =>
            {
                UniversalTag::Sconj
            }
            _ => self.universal(),
        }
    }

    /// Whether the tag is a noun's (common or proper, singular or plural).
    pub fn is_noun(self) -> bool {
        matches!(
            self,
            Tag::Noun | Tag::PluralNoun | Tag::ProperNoun | Tag::PluralProperNoun
        )
    }

    /// Whether the tag is a proper noun's (singular or plural).
    pub fn is_proper_noun(self) -> bool {
        matches!(self, Tag::ProperNoun | Tag::PluralProperNoun)
    }

    /// Whether the tag is a verb's (any form, not a modal).
    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Tag::Verb
                | Tag::PastVerb
                | Tag::GerundVerb
                | Tag::ParticipleVerb
                | Tag::PresentVerb
                | Tag::PresentThirdPersonVerb
        )
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A Universal Dependencies part-of-speech tag (UPOS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UniversalTag {
    /// Adjective.
    Adj,
    /// Adposition.
    Adp,
    /// Adverb.
    Adv,
    /// Auxiliary.
    Aux,
    /// Coordinating conjunction.
    Cconj,
    /// Determiner.
    Det,
    /// Interjection.
    Intj,
    /// Noun.
    Noun,
    /// Numeral.
    Num,
    /// Particle.
    Part,
    /// Pronoun.
    Pron,
    /// Proper noun.
    Propn,
    /// Punctuation.
    Punct,
    /// Subordinating conjunction.
    Sconj,
    /// Symbol.
    Sym,
    /// Verb.
    Verb,
    /// Other.
    X,
}

impl UniversalTag {
    /// The tag as Universal Dependencies writes it (`NOUN`, `PROPN`).
    pub fn as_str(self) -> &'static str {
        match self {
            UniversalTag::Adj => "ADJ",
            UniversalTag::Adp => "ADP",
            UniversalTag::Adv => "ADV",
            UniversalTag::Aux => "AUX",
            UniversalTag::Cconj => "CCONJ",
            UniversalTag::Det => "DET",
            UniversalTag::Intj => "INTJ",
            UniversalTag::Noun => "NOUN",
            UniversalTag::Num => "NUM",
            UniversalTag::Part => "PART",
            UniversalTag::Pron => "PRON",
            UniversalTag::Propn => "PROPN",
            UniversalTag::Punct => "PUNCT",
            UniversalTag::Sconj => "SCONJ",
            UniversalTag::Sym => "SYM",
            UniversalTag::Verb => "VERB",
            UniversalTag::X => "X",
        }
    }
}

impl fmt::Display for UniversalTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_reads_back_from_its_name() {
        for &tag in Tag::ALL {
            assert_eq!(Tag::from_name(tag.as_str()), Some(tag));
        }
        assert_eq!(Tag::ALL.len(), 50);
        assert_eq!(Tag::from_name("NOUN"), None);
    }

    #[test]
    fn maps_to_universal_tags() {
        let cases = [
            (Tag::PluralNoun, "treaty", "NOUN"),
            (Tag::ProperNoun, "Geneva", "PROPN"),
            (Tag::PastVerb, "sign", "VERB"),
            (Tag::PastVerb, "be", "AUX"),
            (Tag::PresentThirdPersonVerb, "have", "AUX"),
            (Tag::Modal, "will", "AUX"),
            (Tag::Adverb, "not", "PART"),
            (Tag::Adverb, "soon", "ADV"),
            (Tag::Preposition, "because", "SCONJ"),
            (Tag::Preposition, "of", "ADP"),
            (Tag::WhDeterminer, "which", "PRON"),
            (Tag::Comma, ",", "PUNCT"),
        ];
        for (tag, lemma, universal) in cases {
            assert_eq!(
                tag.universal_for(lemma).as_str(),
                universal,
                "{tag} {lemma}"
            );
        }
    }
}
