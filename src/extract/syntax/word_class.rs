//! `WordClass`: what the chunker and the clause splitter need to know of a tagged word, from its
//! Penn tag and its lemma: the tag set folded to the distinctions phrases and clauses turn on
//! (auxiliaries apart from other verbs, negation apart from other adverbs, "that" introducing a
//! clause apart from "that" the determiner).

use super::Tag;

/// A tagged word's class, as the chunker and the clause splitter read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordClass {
    /// `the`, `a`, `this`, `all` (`DT`, `PDT`).
    Determiner,
    /// `our`, `its`, `whose` (`PRP$`, `WP$`).
    PossessivePronoun,
    /// `new`, `Iran-backed`, `larger` (`JJ`, `JJR`, `JJS`, `AFX`).
    Adjective,
    /// `three`, `1994` (`CD`).
    Number,
    /// `treaty`, `ministers` (`NN`, `NNS`).
    Noun,
    /// `Geneva`, `Americans` (`NNP`, `NNPS`).
    ProperNoun,
    /// `we`, `it`, existential `there` (`PRP`, `EX`).
    Pronoun,
    /// The possessive ending `'s` (`POS`).
    Possessive,
    /// `not`, `n't`, `never` (`RB` with a negating lemma).
    Negation,
    /// `soon`, `also` (`RB`, `RBR`, `RBS`).
    Adverb,
    /// `will`, `must` (`MD`).
    Modal,
    /// A form of `be` used as a verb.
    Be,
    /// A form of `have` used as a verb.
    Have,
    /// A form of `do` used as a verb.
    Do,
    /// Any other verb in its base form (`VB`): `sign`.
    VerbBase,
    /// Any other verb in a finite form (`VBD`, `VBP`, `VBZ`): `signed`, `signs`.
    VerbFinite,
    /// Any other verb's past participle (`VBN`): `signed` in `was signed`.
    VerbParticiple,
    /// Any other verb's `-ing` form (`VBG`): `signing`.
    VerbGerund,
    /// A verb particle (`RP`): `up` in `set up`.
    Particle,
    /// `to` (`TO`).
    To,
    /// A preposition (`IN` not introducing a clause): `of`, `in`, `by`.
    Preposition,
    /// A word introducing a subordinate clause: `that`, `because`, `if` (`IN`), `when`, `where`
    /// (`WRB`).
    Subordinator,
    /// A relative pronoun: `which`, `who`, relative `that` (`WDT`, `WP`).
    Relative,
    /// `and`, `or`, `but` (`CC`).
    Conjunction,
    /// A comma.
    Comma,
    /// A quotation mark, opening or closing.
    Quote,
    /// A colon, semicolon or dash: it ends a clause.
    ClauseBreak,
    /// Anything else: final punctuation, brackets, symbols, interjections.
    Other,
}

/// Lemmas of `IN` words that introduce a clause rather than a noun phrase.
const SUBORDINATORS: &[&str] = &[
    "that", "because", "if", "whether", "although", "though", "unless", "while", "whereas",
    "since", "once", "until",
];

/// Adverbs that negate their verb group.
const NEGATIONS: &[&str] = &["not", "n't", "n’t", "never"];

impl WordClass {
    /// The class of a word tagged `tag` whose lemma is `lemma`.
    pub fn of(tag: Tag, lemma: &str) -> WordClass {
        let lemma_is = |words: &[&str]| words.iter().any(|w| lemma.eq_ignore_ascii_case(w));
        match tag {
            Tag::Determiner | Tag::Predeterminer => WordClass::Determiner,
            Tag::PossessivePronoun | Tag::PossessiveWhPronoun => WordClass::PossessivePronoun,
            Tag::Adjective | Tag::ComparativeAdjective | Tag::SuperlativeAdjective | Tag::Affix => {
                WordClass::Adjective
            }
            Tag::CardinalNumber => WordClass::Number,
            Tag::Noun | Tag::PluralNoun => WordClass::Noun,
            Tag::ProperNoun | Tag::PluralProperNoun => WordClass::ProperNoun,
            Tag::PersonalPronoun | Tag::Existential => WordClass::Pronoun,
            Tag::Possessive => WordClass::Possessive,
            Tag::Adverb if lemma_is(NEGATIONS) => WordClass::Negation,
            Tag::Adverb | Tag::ComparativeAdverb | Tag::SuperlativeAdverb => WordClass::Adverb,
            Tag::Modal => WordClass::Modal,
            verb if verb.is_verb() && lemma_is(&["be"]) => WordClass::Be,
            verb if verb.is_verb() && lemma_is(&["have"]) => WordClass::Have,
            verb if verb.is_verb() && lemma_is(&["do"]) => WordClass::Do,
            Tag::Verb => WordClass::VerbBase,
            Tag::PastVerb | Tag::PresentVerb | Tag::PresentThirdPersonVerb => WordClass::VerbFinite,
            Tag::ParticipleVerb => WordClass::VerbParticiple,
            Tag::GerundVerb => WordClass::VerbGerund,
            Tag::Particle => WordClass::Particle,
            Tag::To => WordClass::To,
            Tag::Preposition if lemma_is(SUBORDINATORS) => WordClass::Subordinator,
            Tag::Preposition => WordClass::Preposition,
            Tag::WhAdverb => WordClass::Subordinator,
            Tag::WhDeterminer | Tag::WhPronoun => WordClass::Relative,
            Tag::CoordinatingConjunction => WordClass::Conjunction,
            Tag::Comma => WordClass::Comma,
            Tag::OpenQuote | Tag::CloseQuote => WordClass::Quote,
            Tag::Colon => WordClass::ClauseBreak,
            _ => WordClass::Other,
        }
    }

    /// Whether the structure reads the lemma of a word tagged `tag`: [`WordClass::of`] tells a
    /// negation, a form of "be", "have" or "do" and a subordinator by it, and the clause splitter
    /// reads it for a verb group's head (a verb or a modal), a subordinator and a prepositional
    /// phrase's preposition ("by", "after"). No other word's lemma is read, so the build makes
    /// only these (making every word's cost 3% of a build).
    pub fn reads_lemma(tag: Tag) -> bool {
        tag.is_verb()
            || matches!(
                tag,
                Tag::Modal | Tag::Adverb | Tag::Preposition | Tag::To | Tag::WhAdverb
            )
    }

    /// Whether a word of this class can head a noun phrase.
    pub fn is_nominal(self) -> bool {
        matches!(
            self,
            WordClass::Noun | WordClass::ProperNoun | WordClass::Number
        )
    }

    /// Whether a word of this class is a verb or an auxiliary (not a modal).
    pub fn is_verbal(self) -> bool {
        matches!(
            self,
            WordClass::Be
                | WordClass::Have
                | WordClass::Do
                | WordClass::VerbBase
                | WordClass::VerbFinite
                | WordClass::VerbParticiple
                | WordClass::VerbGerund
        )
    }

    /// Whether a word of this class is an adverb, negating or not.
    pub fn is_adverbial(self) -> bool {
        matches!(self, WordClass::Adverb | WordClass::Negation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_from_tags_and_lemmas() {
        use Tag::*;
        use WordClass as C;
        let cases = [
            (Determiner, "the", C::Determiner),
            (Preposition, "that", C::Subordinator),
            (WhDeterminer, "that", C::Relative),
            (Preposition, "of", C::Preposition),
            (PastVerb, "be", C::Be),
            (PresentThirdPersonVerb, "have", C::Have),
            (PastVerb, "do", C::Do),
            (PastVerb, "sign", C::VerbFinite),
            (ParticipleVerb, "sign", C::VerbParticiple),
            (Adverb, "n't", C::Negation),
            (Adverb, "never", C::Negation),
            (Adverb, "soon", C::Adverb),
            (Modal, "will", C::Modal),
            (WhAdverb, "when", C::Subordinator),
            (CloseQuote, "''", C::Quote),
            (Colon, ";", C::ClauseBreak),
            (Period, ".", C::Other),
        ];
        for (tag, lemma, class) in cases {
            assert_eq!(WordClass::of(tag, lemma), class, "{tag} {lemma}");
        }
    }

    /// A word whose lemma is not made has the same class whatever its lemma would be, and the
    /// classes whose lemma the clause splitter reads come only from tags whose lemma is made.
    #[test]
    fn only_words_whose_lemma_is_read_need_one() {
        let lemmas = [
            "", "be", "have", "do", "not", "never", "that", "if", "by", "say",
        ];
        for &tag in Tag::ALL {
            let classes: Vec<WordClass> = lemmas.iter().map(|l| WordClass::of(tag, l)).collect();
            let splitter_reads = classes.iter().any(|&class| {
                class.is_verbal()
                    || matches!(
                        class,
                        WordClass::Modal
                            | WordClass::Subordinator
                            | WordClass::Preposition
                            | WordClass::To
                    )
            });
            if !WordClass::reads_lemma(tag) {
                assert!(
                    classes.iter().all(|&c| c == classes[0]) && !splitter_reads,
                    "{tag}: {classes:?}"
                );
            }
        }
    }
}
