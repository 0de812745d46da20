//! The chunker: a sentence's word classes ([`WordClass`]) read into noun phrases, verb groups and
//! prepositional phrases ([`Chunk`]), by nom parsers over the classes (never over the text), left
//! to right, longest phrase first. A word no phrase starts at is left out of every chunk
//! (conjunctions, commas, words introducing clauses: the clause splitter reads those).
//!
//! The grammar, over word classes (upper case; `&X` looks at X without taking it):
//!
//! ```text
//! sentence       ::= ( prepositional | noun_phrase | verb_group | any word )*
//! prepositional  ::= ( PREPOSITION | TO ) noun_phrase
//! noun_phrase    ::= PRONOUN
//!                  | determiner* modifier* nominal+ ( POSSESSIVE modifier* nominal+ )*
//! determiner     ::= DETERMINER | POSSESSIVE_PRONOUN
//! modifier       ::= ADVERB* ADJECTIVE
//!                  | NUMBER &( ADJECTIVE | nominal )
//!                  | ( VERB_PARTICIPLE | VERB_GERUND ) &( ADJECTIVE | nominal )   (after a determiner)
//! nominal        ::= NOUN | PROPER_NOUN | NUMBER
//! verb_group     ::= adverb* TO? adverb* verb_chain ( TO adverb* verb_chain )* PARTICLE?
//! verb_chain     ::= ( MODAL | verb ) ( adverb* verb )*
//! verb           ::= BE | HAVE | DO | VERB_BASE | VERB_FINITE | VERB_PARTICIPLE | VERB_GERUND
//! adverb         ::= ADVERB | NEGATION
//! ```
//!
//! A verb group's head is its last verb; what the group says besides (negation, a modal, the
//! passive, a particle) is read off its words ([`VerbGroup`]).

use super::chunk::{Chunk, ChunkKind, VerbGroup};
use super::class_input::ClassInput;
use super::word_class::WordClass;
use nom::branch::alt;
use nom::combinator::{opt, peek};
use nom::error::{Error, ErrorKind};
use nom::multi::{many0_count, many1_count};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Input, Parser};

/// A chunk parser's result.
type ParseResult<'a, O> = IResult<ClassInput<'a>, O, Error<ClassInput<'a>>>;

/// The phrases of a sentence whose words have `classes`, in order, into `chunks` (cleared first).
pub fn chunk_sentence(classes: &[WordClass], chunks: &mut Vec<Chunk>) {
    chunks.clear();
    let mut input = ClassInput::new(classes);
    while !input.is_empty() {
        match alt((prepositional, noun_phrase, verb_group)).parse(input) {
            Ok((rest, chunk)) => {
                chunks.push(chunk);
                input = rest;
            }
            Err(_) => input = input.take_from(1),
        }
    }
}

/// One word whose class is `wanted`, giving its token index.
fn word<'a>(
    wanted: impl Fn(WordClass) -> bool,
) -> impl Fn(ClassInput<'a>) -> ParseResult<'a, usize> {
    move |input: ClassInput<'a>| match input.first() {
        Some(class) if wanted(class) => Ok((input.take_from(1), input.offset())),
        _ => Err(nom::Err::Error(Error::new(input, ErrorKind::Verify))),
    }
}

/// `prepositional ::= ( PREPOSITION | TO ) noun_phrase`
fn prepositional(input: ClassInput<'_>) -> ParseResult<'_, Chunk> {
    let (rest, preposition) =
        word(|c| matches!(c, WordClass::Preposition | WordClass::To)).parse(input)?;
    let (rest, phrase) = noun_phrase(rest)?;
    Ok((
        rest,
        Chunk {
            kind: ChunkKind::Prepositional { preposition },
            start: preposition,
            end: phrase.end,
            head: phrase.head,
        },
    ))
}

/// `noun_phrase ::= PRONOUN | determiner* modifier* nominal+ ( POSSESSIVE modifier* nominal+ )*`
fn noun_phrase(input: ClassInput<'_>) -> ParseResult<'_, Chunk> {
    let start = input.offset();
    let (rest, head) = alt((word(|c| c == WordClass::Pronoun), possessed_nominals)).parse(input)?;
    let chunk = Chunk {
        kind: ChunkKind::NounPhrase,
        start,
        end: rest.offset(),
        head,
    };
    Ok((rest, chunk))
}

/// `determiner* modifier* nominal+ ( POSSESSIVE modifier* nominal+ )*`, giving the last nominal.
fn possessed_nominals(input: ClassInput<'_>) -> ParseResult<'_, usize> {
    let (rest, determiners) = many0_count(word(|c| {
        matches!(c, WordClass::Determiner | WordClass::PossessivePronoun)
    }))
    .parse(input)?;
    let (mut rest, mut head) = nominals(determiners > 0).parse(rest)?;
    // "Norway's chief negotiator": the possessor and what it possesses are one phrase.
    while let Ok((after, last)) =
        preceded(word(|c| c == WordClass::Possessive), nominals(true)).parse(rest)
    {
        (rest, head) = (after, last);
    }
    Ok((rest, head))
}

/// `modifier* nominal+`, giving the last nominal; participles modify only after a determiner
/// ("the ruling party", but not "fighting" in "troops, fighting Russian units").
fn nominals<'a>(determined: bool) -> impl Fn(ClassInput<'a>) -> ParseResult<'a, usize> {
    move |input| {
        let before_noun = || peek(word(|c| c == WordClass::Adjective || c.is_nominal()));
        let modifier = alt((
            preceded(
                many0_count(word(|c| c == WordClass::Adverb)),
                word(|c| c == WordClass::Adjective),
            ),
            terminated(word(|c| c == WordClass::Number), before_noun()),
            terminated(
                word(move |c| {
                    determined && matches!(c, WordClass::VerbParticiple | WordClass::VerbGerund)
                }),
                before_noun(),
            ),
        ));
        let (rest, _) = many0_count(modifier).parse(input)?;
        let (rest, _) = many1_count(word(WordClass::is_nominal)).parse(rest)?;
        Ok((rest, rest.offset() - 1))
    }
}

/// `verb_group ::= adverb* TO? adverb* verb_chain ( TO adverb* verb_chain )* PARTICLE?`
fn verb_group(input: ClassInput<'_>) -> ParseResult<'_, Chunk> {
    let start = input.offset();
    let adverbs = || many0_count(word(WordClass::is_adverbial));
    let to = || word(|c| c == WordClass::To);
    let (rest, _) = adverbs().parse(input)?;
    let (rest, leading_to) = opt(to()).parse(rest)?;
    let (rest, _) = preceded(adverbs(), verb_chain).parse(rest)?;
    let (rest, _) = many0_count(preceded((to(), adverbs()), verb_chain)).parse(rest)?;
    let (rest, particle) = opt(word(|c| c == WordClass::Particle)).parse(rest)?;
    let end = rest.offset();
    let (head, group) =
        describe_verb_group(input.take(end - start), particle, leading_to.is_some());
    let chunk = Chunk {
        kind: ChunkKind::VerbGroup(group),
        start,
        end,
        head,
    };
    Ok((rest, chunk))
}

/// `verb_chain ::= ( MODAL | verb ) ( adverb* verb )*`, where only an auxiliary (a modal, "be",
/// "have", "do") takes a verb after it: "signed angered" is two groups, "had signed" one.
fn verb_chain(input: ClassInput<'_>) -> ParseResult<'_, ()> {
    let is_auxiliary = |c: WordClass| {
        matches!(
            c,
            WordClass::Modal | WordClass::Be | WordClass::Have | WordClass::Do
        )
    };
    let (mut rest, first) = word(|c| c == WordClass::Modal || c.is_verbal()).parse(input)?;
    let mut last = input.get(first - input.offset());
    while last.is_some_and(is_auxiliary)
        && let Ok((after, verb)) = preceded(
            many0_count(word(WordClass::is_adverbial)),
            word(WordClass::is_verbal),
        )
        .parse(rest)
    {
        last = rest.get(verb - rest.offset());
        rest = after;
    }
    Ok((rest, ()))
}

/// The head (last verb) of the verb group whose words are `group`, and what the group says.
fn describe_verb_group(
    group: ClassInput<'_>,
    particle: Option<usize>,
    infinitive: bool,
) -> (usize, VerbGroup) {
    let classes = group.as_slice();
    let offset = group.offset();
    let last_verb = classes
        .iter()
        .rposition(|c| c.is_verbal() || *c == WordClass::Modal);
    let head = last_verb.map_or(offset, |at| offset + at);
    // The words of the head's own chain (after the last "to"), before the head.
    let chain_start = last_verb
        .and_then(|at| classes[..at].iter().rposition(|&c| c == WordClass::To))
        .map_or(0, |to| to + 1);
    let chain = last_verb.map_or(&classes[..0], |at| &classes[chain_start..at]);
    let head_is_participle = last_verb.is_some_and(|at| classes[at] == WordClass::VerbParticiple);
    let auxiliary = chain
        .iter()
        .any(|&c| c.is_verbal() || c == WordClass::Modal);
    let group = VerbGroup {
        negated: classes.contains(&WordClass::Negation),
        modal: classes.contains(&WordClass::Modal),
        passive: head_is_participle && chain.contains(&WordClass::Be),
        bare_participle: head_is_participle && !auxiliary && !infinitive && chain_start == 0,
        infinitive,
        particle,
    };
    (head, group)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{classes_of, render_chunks, tagged_structure};
    use super::*;

    /// (sentence as `word/TAG` or `word/TAG/lemma`, its chunks)
    const CASES: &[(&str, &str)] = &[
        (
            "The/DT ministers/NNS met/VBD in/IN Geneva/NNP on/IN Monday/NNP ./.",
            "[NP The ministers] [VG met] [PP in Geneva] [PP on Monday] .",
        ),
        (
            "Norway/NNP 's/POS chief/JJ envoy/NN said/VBD talks/NNS would/MD not/RB resume/VB ./.",
            "[NP Norway 's chief envoy] [VG said] [NP talks] [VG-neg-modal would not resume] .",
        ),
        (
            "The/DT treaty/NN was/VBD/be signed/VBN by/IN both/DT governments/NNS in/IN 1994/CD ./.",
            "[NP The treaty] [VG-passive was signed] [PP by both governments] [PP in 1994] .",
        ),
        (
            "Kenya/NNP has/VBZ/have long/RB supported/VBN the/DT ruling/VBG party/NN ./.",
            "[NP Kenya] [VG has long supported] [NP the ruling party] .",
        ),
        (
            "The/DT rebels/NNS have/VBP/have never/RB been/VBN/be paid/VBN ./.",
            "[NP The rebels] [VG-neg-passive have never been paid] .",
        ),
        (
            "Chad/NNP declined/VBD to/TO support/VB the/DT three/CD northern/JJ militias/NNS ./.",
            "[NP Chad] [VG declined to support] [NP the three northern militias] .",
        ),
        (
            "They/PRP set/VBD up/RP a/DT council/NN to/TO monitor/VB the/DT border/NN ./.",
            "[NP They] [VG set up] [NP a council] [VG-to to monitor] [NP the border] .",
        ),
        (
            "the/DT coalition/NN led/VBN by/IN Peru/NNP sent/VBD troops/NNS to/TO Mali/NNP",
            "[NP the coalition] [VG-bare led] [PP by Peru] [VG sent] [NP troops] [PP to Mali]",
        ),
        (
            "Soldiers/NNS ,/, fighting/VBG rebel/NN units/NNS ,/, and/CC Peru/NNP 's/POS",
            "[NP Soldiers] , [VG fighting] [NP rebel units] , and [NP Peru] 's",
        ),
        (
            "Ghana/NNP and/CC Togo/NNP agreed/VBD that/IN it/PRP was/VBD/be ready/JJ",
            "[NP Ghana] and [NP Togo] [VG agreed] that [NP it] [VG was] ready",
        ),
        ("", ""),
    ];

    #[test]
    fn chunks_sentences_of_our_own() {
        let mut chunks = Vec::new();
        for &(tagged, expected) in CASES {
            let (words, classes) = classes_of(tagged);
            chunk_sentence(&classes, &mut chunks);
            assert_eq!(render_chunks(&words, &chunks), expected, "{tagged}");
        }
    }

    #[test]
    fn heads_and_particles() {
        let (_, classes) =
            classes_of("They/PRP set/VBD up/RP the/DT new/JJ defence/NN council/NN of/IN Fiji/NNP");
        let mut chunks = Vec::new();
        chunk_sentence(&classes, &mut chunks);
        let heads: Vec<usize> = chunks.iter().map(|c| c.head).collect();
        assert_eq!(heads, [0, 1, 6, 8]);
        assert_eq!(chunks[1].verb_group().and_then(|g| g.particle), Some(2));
        assert_eq!(chunks[3].preposition(), Some(7));
    }

    #[test]
    fn chunks_what_the_tagger_tags() {
        // The shipped tagger's tags, end to end.
        let cases = [
            (
                "Rebels attacked the convoy that carried the aid.",
                "[NP Rebels] [VG attacked] [NP the convoy] that [VG carried] [NP the aid] .",
            ),
            (
                "The agreement was not signed by both governments.",
                "[NP The agreement] [VG-neg-passive was not signed] [PP by both governments] .",
            ),
        ];
        for (sentence, expected) in cases {
            let (words, structure) = tagged_structure(sentence);
            assert_eq!(
                render_chunks(&words, structure.chunks()),
                expected,
                "{sentence}"
            );
        }
    }
}
