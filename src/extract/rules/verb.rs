//! `verb`: a relation verb between two neighbouring groups of mentions: "Saudi Arabia attacked the
//! Houthis" gives Saudi Arabia Conflict the Houthis ("attack"), the verb's class.
//!
//! A pass over each two neighbouring groups (a list counts as one, `coordination.rs`) at most
//! [`MAX_VERB_GAP`] words apart: the words between read as a verb phrase (`verb_phrase.rs`), and
//! failing that as a relation noun (`relation_noun.rs`) or a possessor's noun
//! (`possessive_noun.rs`), which this pass gives under their own rules. Each subject pairs with
//! each object, through the first [`MAX_COMENTION_ENTITIES`](super::MAX_COMENTION_ENTITIES) members
//! of a list. Who the subject is (`clause_subject.rs`): the group before, the head of an
//! apposition, the mention before a relative clause, or the clause's subject for an infinitive or a
//! second verb; the sentence's clauses (`clause_check.rs`) and, for a name inside a prepositional
//! phrase, its dependency parse (`parse_check.rs`) may overrule that choice. A passive ("was
//! invaded by") reverses the direction. The verb's subject also reaches the later objects of its
//! clause ("Qasim withdrew Iraq from the Baghdad Pact"), up to a clause break.

use super::clause_check::ClauseVerdict;
use super::clause_subject::ClauseVerb;
use super::gap_reading::GapReading;
use super::rule_relation::RuleRelation;
use super::sentence_mention::SentenceMention;
use super::sentence_reader::SentenceReader;
use super::words::{CLAUSE_BREAKS, PREPOSITIONS};
use crate::model::{EntityKind, RelationClass, Rule};

/// Tokens a verb rule looks across between two mentions.
pub(super) const MAX_VERB_GAP: usize = 24;

impl SentenceReader<'_> {
    /// `verb`, `relation-noun` and `possessive-noun`: neighbouring groups with a relation verb (or
    /// noun) between them.
    pub(super) fn verb(&self, out: &mut Vec<RuleRelation>) {
        let mut clause: Option<ClauseVerb> = None;
        for second in 1..self.groups.len() {
            let (left, right) = (self.groups.get(second - 1), self.groups.get(second));
            let (Some(&last), Some(&first)) = (left.last(), right.first()) else {
                continue;
            };
            let gap_start = self.mentions[last].tokens.1;
            let gap_end = self.mentions[first].tokens.0;
            if gap_end <= gap_start || gap_end - gap_start > MAX_VERB_GAP {
                clause = None;
                continue;
            }
            if let Some(reading) = self.read_gap(gap_start, gap_end) {
                // "X would attack Y", "if X attacks Y": a possibility or a condition states no
                // relation, and its subject reaches no later object.
                let subject_at = self.mentions[left[0]].tokens.0;
                if reading.hypothetical
                    || self.conditional_before(subject_at)
                    || self.requested_before(subject_at)
                {
                    clause = None;
                    continue;
                }
                let Some(subjects) = self.subjects_of(left, &reading, clause.as_ref()) else {
                    continue;
                };
                let subjects = subjects.as_slice();
                let patients = self.passive_patients(&reading, right);
                let subjects = patients.as_deref().unwrap_or(subjects);
                self.relate_reading(subjects, right, &reading, out);
                clause = (reading.rule == Rule::Verb && !reading.passive).then(|| ClauseVerb {
                    subjects: subjects.to_vec(),
                    lemma: reading.lemma,
                    class: reading.class,
                    negated: reading.negated,
                    verb_at: reading.verb_at,
                });
            } else if let Some(verb) = &clause
                && !self.continue_clause(verb, gap_start..gap_end, right, out)
            {
                clause = None;
            }
        }
    }

    /// What a passive verb with a by-agent acts on, from the sentence's structure: the subject of
    /// the verb's clause, which for a relative or participial clause is the phrase it hangs on
    /// ("the coalition led by X": the coalition, not a name before it). The mention holding the
    /// subject phrase's head, else every mention in the phrase; no mention when the phrase names
    /// none, so "the attack on Y was led by X" relates nothing. None (the verb pass's own subjects
    /// stand) when the reading is not passive, the structure does not show `objects` in the
    /// clause's by-agent, or an antecedent does not end right before the verb group.
    fn passive_patients(&self, reading: &GapReading, objects: &[usize]) -> Option<Vec<usize>> {
        if !reading.passive {
            return None;
        }
        let structure = self.structure();
        let verb_at = reading.verb_at?;
        let clause = structure.clauses().get(structure.clause_of(verb_at)?)?;
        let verb = structure.chunks().get(clause.verb?)?;
        if !verb.contains(verb_at) {
            return None;
        }
        let agent = structure.chunks().get(clause.agent?)?;
        let in_agent = objects
            .first()
            .and_then(|&m| self.mentions.get(m))
            .is_some_and(|m| agent.start <= m.tokens.0 && m.tokens.1 <= agent.end);
        if !in_agent {
            return None;
        }
        let subject = structure.chunks().get(clause.subject?)?;
        // A subject from outside the clause (a relative's or participle's antecedent) is sure
        // only right before the verb group: "Y, attacked by X" after an object may hang on that
        // object rather than on the subject the splitter shares.
        if clause.subject_outside && subject.end != verb.start {
            return None;
        }
        let holds_head = |m: &SentenceMention| (m.tokens.0..m.tokens.1).contains(&subject.head);
        let in_subject =
            |m: &SentenceMention| m.tokens.0 < subject.end && subject.start < m.tokens.1;
        Some(match self.mentions.iter().position(holds_head) {
            Some(head) => vec![head],
            None => (0..self.mentions.len())
                .filter(|&m| in_subject(&self.mentions[m]))
                .collect(),
        })
    }

    /// Relates each of `subjects` to each of `objects` as `reading` says (the other way round for a
    /// passive).
    fn relate_reading(
        &self,
        subjects: &[usize],
        objects: &[usize],
        reading: &GapReading,
        out: &mut Vec<RuleRelation>,
    ) {
        let (subjects, objects) = if reading.passive {
            (objects, subjects)
        } else {
            (subjects, objects)
        };
        // Only an active verb's reading is checked against its clause: a passive's by-agent is
        // checked where it is read (`passive_patients`).
        let verb_at = reading.verb_at.filter(|_| !reading.passive);
        for &s in self.capped(subjects) {
            for &o in self.capped(objects) {
                for s in self.checked_subjects(verb_at, s, o) {
                    let class = match reading.rule {
                        Rule::Verb => self.taken_place_class(s, o, reading.class),
                        _ => reading.class,
                    };
                    if reading.rule == Rule::Verb
                        && (self.is_venue(class, o) || self.leads_a_thing(class, o))
                    {
                        continue;
                    }
                    if let Some(mut relation) =
                        self.relation(s, o, reading.predicate.clone(), class, reading.rule)
                    {
                        relation.negated = reading.negated;
                        out.push(relation);
                    }
                }
            }
        }
    }

    /// "X took control of Y", "X controls Y": a state or group that a verb says leads a place has
    /// taken it (Conflict); only a person leads a country or place. (A role noun's "ambassador to
    /// Y" is no verb.) `class` for any other reading.
    fn taken_place_class(
        &self,
        subject: usize,
        object: usize,
        class: RelationClass,
    ) -> RelationClass {
        let kind = |m: usize| self.mentions.get(m).map(|m| m.kind);
        let place = matches!(kind(object), Some(EntityKind::Place | EntityKind::Country));
        let person = kind(subject) == Some(EntityKind::Person);
        if class == RelationClass::Leads && place && !person {
            RelationClass::Conflict
        } else {
            class
        }
    }

    /// Whether a Leads reading's `led` mention is a demonym before the noun of what is led ("the
    /// American squadron commanded by X"): X leads the squadron, not the state.
    fn leads_a_thing(&self, class: RelationClass, led: usize) -> bool {
        class == RelationClass::Leads && self.mentions.get(led).is_some_and(|m| m.adjective)
    }

    /// Whether `object` is where a cooperation took place rather than a partner: a place right
    /// after "in" or "at" ("met in Potsdam", "signed a treaty with Y at Ghent").
    fn is_venue(&self, class: RelationClass, object: usize) -> bool {
        let Some(mention) = self.mentions.get(object) else {
            return false;
        };
        class == RelationClass::Cooperation
            && mention.kind == EntityKind::Place
            && matches!(self.word_before_phrase(mention.tokens.0), Some("in" | "at"))
    }

    /// The subjects the clause of the verb at `verb_at` gives a reading that relates `subject` to
    /// `object` ([`SentenceReader::clause_verdict`]), each one the parse lets be the verb's subject
    /// ([`SentenceReader::parse_allows_subject`]): `subject` when nothing is against it.
    fn checked_subjects(
        &self,
        verb_at: Option<usize>,
        subject: usize,
        object: usize,
    ) -> Vec<usize> {
        let Some(at) = verb_at else {
            return vec![subject];
        };
        let mut subjects = match self.clause_verdict(at, subject, object) {
            ClauseVerdict::Stands => vec![subject],
            ClauseVerdict::Drop => Vec::new(),
            ClauseVerdict::Subjects(subjects) => subjects,
        };
        subjects.retain(|&s| self.parse_allows_subject(at, s));
        subjects
    }

    /// "Qasim withdrew Iraq from the Baghdad Pact", "Iraq created an alliance with Iran to fight
    /// …": the subjects of the clause's `verb` reach the `objects` after a `gap` without a verb.
    /// False, relating nothing, when the gap breaks the clause.
    fn continue_clause(
        &self,
        verb: &ClauseVerb,
        gap: std::ops::Range<usize>,
        objects: &[usize],
        out: &mut Vec<RuleRelation>,
    ) -> bool {
        // ", a group second only to Y": an apposition describes the object before it; its names
        // are not the verb's objects.
        let apposition = gap
            .clone()
            .any(|i| self.lower(i) == "," && matches!(self.lower(i + 1), "a" | "an"));
        let gap = gap.map(|i| self.lower(i));
        if apposition || gap.clone().any(|w| CLAUSE_BREAKS.contains(&w)) {
            return false;
        }
        let lemma = verb.lemma;
        // The preposition nearest the object governs it: "travelled to Y to fight against Z".
        let preposition = gap.filter(|w| PREPOSITIONS.contains(w)).last();
        // "stressed the importance of relations between Y and Z": the pair is the noun's
        // (`between`), not the verb's subject's.
        if preposition == Some("between") {
            return false;
        }
        let predicate = match preposition {
            Some(preposition) => format!("{lemma} {preposition}"),
            None => lemma.to_string(),
        };
        // "X travelled to Y to fight against Z": "against" makes Z an adversary.
        let class = if preposition == Some("against") {
            RelationClass::Conflict
        } else {
            verb.class
        };
        for &s in self.capped(&verb.subjects) {
            for &o in self.capped(objects) {
                if self.is_venue(class, o) {
                    continue;
                }
                for s in self.checked_subjects(verb.verb_at, s, o) {
                    if let Some(mut relation) =
                        self.relation(s, o, predicate.clone(), class, Rule::Verb)
                    {
                        // "X declined to support Y in Z": the denial reaches Z too.
                        relation.negated = verb.negated;
                        out.push(relation);
                    }
                }
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::RelationClass::{self, Conflict, Cooperation, Other};
    use crate::model::Rule;

    /// A relation of the `verb` rule, not negated, not hedged, with no time.
    const fn verb(subject: &'static str, class: RelationClass, object: &'static str) -> Expected {
        reading(subject, class, object, Rule::Verb)
    }

    #[test]
    fn a_passive_acts_on_the_subject_of_its_clause() {
        let cases: Cases = &[
            // The by-agent acts on the clause's subject, which holds the first name.
            (
                "Yemen was invaded by Saudi Arabia.",
                &[verb("Saudi Arabia", Conflict, "Yemen")],
            ),
            // A demonym before the subject's head stands for its state, but whoever commands the
            // thing does not lead the state.
            (
                "The Mexican frigate was attacked by Cuba.",
                &[verb("Cuba", Conflict, "Mexico")],
            ),
            (
                "The Mexican frigate was commanded by Captain Arturo Prat.",
                &[],
            ),
            // The subject is the attack, not the country named inside it: Saudi Arabia led the
            // attack, not Yemen.
            ("The attack on Yemen was led by Saudi Arabia.", &[]),
            ("The blockade of Qatar was backed by Egypt.", &[]),
            // The support, not Kenya, is what Ethiopia promised.
            ("Kenya has not lost the support promised by Ethiopia.", &[]),
        ];
        assert_cases(&embedded(), cases);
    }

    #[test]
    fn a_later_infinitive_governs_the_object() {
        // The verb nearest the object says what is done to it; its subject is the first verb's.
        let cases: Cases = &[
            (
                "Egypt launched a long campaign to supply Sudan with grain.",
                &[verb("Egypt", Cooperation, "Sudan")],
            ),
            (
                "Kenya sought to open a new office in order to weaken Somalia.",
                &[verb("Kenya", Conflict, "Somalia")],
            ),
            (
                "Chile has managed over the years to attack Peru.",
                &[verb("Chile", Conflict, "Peru")],
            ),
            // A verb with no infinitive after it keeps its own class.
            (
                "Chile attacked Peru to the north.",
                &[verb("Chile", Conflict, "Peru")],
            ),
        ];
        assert_cases(&embedded(), cases);
    }

    #[test]
    fn a_light_verb_relates_only_through_its_noun() {
        let cases: Cases = &[
            (
                "Chile held talks with Peru.",
                &[verb("Chile", Cooperation, "Peru")],
            ),
            (
                "Chile took control of Bolivia.",
                &[verb("Chile", Conflict, "Bolivia")],
            ),
            // "take" and "hold" say nothing of their own.
            ("Chile took three ships to Peru.", &[]),
            ("The exhibition of Chile was held at Lima in May.", &[]),
        ];
        assert_cases(&embedded(), cases);
    }

    #[test]
    fn negation_hedges_and_the_passive() {
        // Negation between the mentions, a hedge anywhere, passive voice.
        let cases: Cases = &[
            (
                "Saudi Arabia never attacked Qatar.",
                &[verb("Saudi Arabia", Conflict, "Qatar").negated()],
            ),
            (
                "Iran allegedly funded the Houthi Movement.",
                &[verb("Iran", Cooperation, "Houthi Movement").hedged()],
            ),
            (
                "The Syrian Democratic Forces were supported by Washington in 2017.",
                &[verb("United States", Cooperation, "Syrian Democratic Forces").at(year(2017))],
            ),
            (
                "Qatar was attacked by Saudi Arabia between 2017 and 2021.",
                &[verb("Saudi Arabia", Conflict, "Qatar").at(years(2017, 2021))],
            ),
        ];
        assert_cases(&test_lexicon(), cases);
        let cases: Cases = &[
            (
                "Sudan did not attack Chad in 2023.",
                &[verb("Sudan", Conflict, "Chad").negated().at(year(2023))],
            ),
            (
                "Ukraine reportedly signed a deal with Turkey.",
                &[verb("Ukraine", Cooperation, "Turkey").hedged()],
            ),
            (
                "Ukraine was invaded by Russia in February 2022.",
                &[verb("Russia", Conflict, "Ukraine").at(year(2022))],
            ),
        ];
        assert_cases(&embedded(), cases);
    }

    #[test]
    fn the_clause_subject_phrase_names_the_subject() {
        let cases: Cases = &[
            // Not the name just before the verb: the clause's subject phrase.
            (
                "Denmark in its feud with Norway attacked Finland.",
                &[
                    reading("Denmark", Conflict, "Norway", Rule::RelationNoun),
                    verb("Denmark", Conflict, "Finland"),
                ],
            ),
            (
                "Denmark attacked Finland.",
                &[verb("Denmark", Conflict, "Finland")],
            ),
            // A reported clause has a subject of its own.
            (
                "Denmark said Norway attacked Finland.",
                &[verb("Norway", Conflict, "Finland")],
            ),
            // The subject phrase names no one but the mention before the verb.
            (
                "The envoys of Norway attacked Finland.",
                &[verb("Norway", Conflict, "Finland")],
            ),
        ];
        assert_cases(&embedded(), cases);
    }

    #[test]
    fn negation_is_scoped_to_its_clause() {
        let cases: Cases = &[
            // "not only", "not merely" limit a phrase: nothing is denied.
            (
                "Egypt is not only seeking closer ties with Jordan.",
                &[verb("Egypt", Cooperation, "Jordan")],
            ),
            (
                "Ghana is not merely a partner of Nigeria.",
                &[reading("Ghana", Cooperation, "Nigeria", Rule::RelationNoun)],
            ),
            // The negation belongs to the main clause, the verb to a participial one.
            (
                "Kenya has not forgotten Somalia, attacked by Ethiopia.",
                &[verb("Ethiopia", Conflict, "Somalia")],
            ),
            // In the verb's own clause, it denies.
            (
                "Mexico did not attack Cuba.",
                &[verb("Mexico", Conflict, "Cuba").negated()],
            ),
            (
                "Chile declined to support Peru.",
                &[verb("Chile", Cooperation, "Peru").negated()],
            ),
        ];
        assert_cases(&embedded(), cases);
    }

    /// A possibility, a wish or a condition states no relation: a modal before the verb, or a
    /// condition opening the clause part of the subject. A condition before a comma leaves the main
    /// clause a statement.
    #[test]
    fn possibilities_and_conditions_state_nothing() {
        let cases: Cases = &[
            ("Mexico would attack Cuba.", &[]),
            ("Chile should support Peru against Bolivia.", &[]),
            ("Ghana might sign a treaty with Togo.", &[]),
            // The month is no modal.
            (
                "Mexico in May 1898 attacked Cuba.",
                &[verb("Mexico", Conflict, "Cuba").at(year(1898))],
            ),
            ("If Mexico attacks Cuba, the region will suffer.", &[]),
            ("Nobody knows whether Chile supports Peru.", &[]),
            (
                "If the talks fail, Mexico attacks Cuba.",
                &[verb("Mexico", Conflict, "Cuba")],
            ),
            (
                "Mexico attacked Cuba, which would anger Chile.",
                &[verb("Mexico", Conflict, "Cuba")],
            ),
            // What is asked, proposed or hoped for is not done; the asking is.
            ("We ask Ghana to sign a treaty with Togo.", &[]),
            (
                "Brazil urged Chile to attack Peru.",
                &[
                    verb("Brazil", Other, "Chile"),
                    verb("Brazil", Other, "Peru"),
                ],
            ),
            ("I recommend that Mexico provide aid to Cuba.", &[]),
            ("It is hoped that Spain will sign a treaty with Cuba.", &[]),
            // A request word with no object asks for nothing in the clause after it.
            (
                "Chile proposed and Peru signed a treaty with Bolivia.",
                &[verb("Peru", Cooperation, "Bolivia")],
            ),
            (
                "Brazil asked for help; Chile attacked Peru.",
                &[verb("Chile", Conflict, "Peru")],
            ),
        ];
        assert_cases(&embedded(), cases);
    }

    /// An apposition describes the object before it: its names are not the verb's objects.
    #[test]
    fn an_apposition_after_the_object_is_not_an_object() {
        let cases: Cases = &[
            (
                "Mexico attacked Cuba, a neighbour of Haiti.",
                &[verb("Mexico", Conflict, "Cuba")],
            ),
            (
                "Mexico attacked Cuba and Haiti.",
                &[
                    verb("Mexico", Conflict, "Cuba"),
                    verb("Mexico", Conflict, "Haiti"),
                ],
            ),
        ];
        assert_cases(&embedded(), cases);
    }

    /// A place where partners met is no partner.
    #[test]
    fn a_place_of_cooperation_is_no_partner() {
        let cases: Cases = &[
            (
                "Mexico conferred with Cuba in Lima.",
                &[verb("Mexico", Cooperation, "Cuba")],
            ),
            ("Mexico signed a treaty at Lima.", &[]),
            // A country is a partner whatever the preposition.
            (
                "Mexico invested in Cuba.",
                &[verb("Mexico", Cooperation, "Cuba")],
            ),
        ];
        assert_cases(&embedded(), cases);
    }

    /// The verb's clause decides who its subject is and what its objects are: a name in another
    /// clause is neither (`clause_check.rs`).
    #[test]
    fn the_verbs_clause_decides_its_subject_and_objects() {
        let cases: Cases = &[
            // A subordinate clause keeps its own subject, and its names are no objects of the
            // main verb.
            (
                "Chad severed ties with Libya after Sudan executed two Egyptian diplomats.",
                &[
                    verb("Chad", Conflict, "Libya"),
                    verb("Sudan", Conflict, "Egypt"),
                ],
            ),
            (
                "After Chile attacked Peru, Bolivia sent troops to Argentina.",
                &[
                    verb("Chile", Conflict, "Peru"),
                    verb("Bolivia", Other, "Argentina"),
                ],
            ),
            (
                "Kenya hosted the talks while Uganda attacked Sudan.",
                &[verb("Uganda", Conflict, "Sudan")],
            ),
            // A name in an introductory phrase is not the subject of the main verb.
            (
                "Armed by Iran, the Houthis attacked Saudi Arabia.",
                &[verb("Houthis", Conflict, "Saudi Arabia")],
            ),
            // An infinitive shares the subject of its clause, whatever phrase comes before it.
            (
                "Iraq has sought since 2005 to improve its relations with Jordan and Egypt.",
                &[
                    verb("Iraq", Other, "Jordan").at(since(2005)),
                    verb("Iraq", Other, "Egypt").at(since(2005)),
                ],
            ),
            // A name in a clause inside the subject phrase is not the subject.
            (
                "The envoy elected by the Senate of Chile attacked Peru.",
                &[],
            ),
            // A list as subject: each member does the verb.
            (
                "Turkey, Qatar and Iran backed Hamas.",
                &[
                    reading("Turkey", Cooperation, "Qatar", Rule::JointSubject),
                    reading("Turkey", Cooperation, "Iran", Rule::JointSubject),
                    reading("Qatar", Cooperation, "Iran", Rule::JointSubject),
                    verb("Turkey", Cooperation, "Hamas"),
                    verb("Qatar", Cooperation, "Hamas"),
                    verb("Iran", Cooperation, "Hamas"),
                ],
            ),
        ];
        assert_cases(&embedded(), cases);
    }

    #[test]
    fn clauses_give_their_verbs_the_right_subject() {
        let cases: Cases = &[
            // A second verb of the clause takes the clause's subject, not the object before it.
            (
                "Saudi Arabia attacked the Houthis and signed a truce with Oman.",
                &[
                    verb("Saudi Arabia", Conflict, "Houthis"),
                    verb("Saudi Arabia", Cooperation, "Oman"),
                ],
            ),
            (
                "Qatar funded Hamas, hosted the Taliban and supported Turkey.",
                &[
                    verb("Qatar", Cooperation, "Hamas"),
                    verb("Qatar", Cooperation, "Taliban"),
                    verb("Qatar", Cooperation, "Turkey"),
                ],
            ),
            // A relative clause has the mention before it as its subject.
            (
                "The Houthis targeted Saudi Arabia, which had bombed Yemen for years.",
                &[
                    verb("Houthis", Conflict, "Saudi Arabia"),
                    verb("Saudi Arabia", Conflict, "Yemen"),
                ],
            ),
            (
                "Turkey struck the Kurdistan Workers Party, which had attacked Iraq.",
                &[
                    verb("Turkey", Conflict, "Kurdistan Workers Party"),
                    verb("Kurdistan Workers Party", Conflict, "Iraq"),
                ],
            ),
            // A list of nouns after ", and" is not a new clause.
            (
                "Egypt ended the isolation, surveillance, and supervision of Hamas.",
                &[verb("Egypt", Other, "Hamas")],
            ),
        ];
        assert_cases(&embedded(), cases);
    }

    #[test]
    fn passives_denials_and_infinitives() {
        let cases: Cases = &[
            // A passive with a determiner after "by" still reverses.
            (
                "The Houthis were supported by the Iranian government in their war.",
                &[verb("Iran", Cooperation, "Houthis")],
            ),
            // "declined to support": the infinitive's subject is the decliner, and the act is
            // denied.
            (
                "Egypt declined to support Saudi Arabia in Yemen.",
                &[
                    verb("Egypt", Cooperation, "Saudi Arabia").negated(),
                    verb("Egypt", Cooperation, "Yemen").negated(),
                ],
            ),
            (
                "Jordan refused to back Syria in 2012.",
                &[verb("Jordan", Cooperation, "Syria")
                    .negated()
                    .at(year(2012))],
            ),
            // The possessor is the subject of the infinitive after its noun.
            (
                "Oman's ability to mediate between Saudi Arabia and Iran is rare.",
                &[
                    verb("Oman", Cooperation, "Saudi Arabia"),
                    verb("Oman", Cooperation, "Iran"),
                ],
            ),
            // "managed to": the infinitive carries the relation.
            (
                "Qatar managed to sign a truce with Israel.",
                &[verb("Qatar", Cooperation, "Israel")],
            ),
            // A verb without a class takes the class of the relation noun it governs.
            (
                "Turkey built close ties with Azerbaijan.",
                &[verb("Turkey", Cooperation, "Azerbaijan")],
            ),
            // Words after a possessive are its noun phrase, not a verb: no "trade" relation here.
            ("Yemen's oil trade was halted in 2015.", &[]),
        ];
        assert_cases(&embedded(), cases);
    }

    #[test]
    fn against_makes_an_adversary_whatever_the_verb() {
        let cases: Cases = &[
            (
                "Chile led a coalition against Bolivia.",
                &[verb("Chile", Conflict, "Bolivia")],
            ),
            (
                "Chile is leading a diplomatic coalition against the dictator of Bolivia.",
                &[verb("Chile", Conflict, "Bolivia")],
            ),
            (
                "Volunteers from Chile travelled to Peru to fight against Bolivia.",
                &[
                    verb("Chile", Other, "Peru"),
                    verb("Chile", Conflict, "Bolivia"),
                ],
            ),
        ];
        assert_cases(&embedded(), cases);
    }

    #[test]
    fn only_a_person_leads_a_place() {
        let cases: Cases = &[(
            "Chile again took control of Lima.",
            &[verb("Chile", Conflict, "Peru")],
        )];
        assert_cases(&embedded(), cases);
    }
}
