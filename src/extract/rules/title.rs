//! `title` and `title-home`: a title before a person's name makes the person lead a country.
//!
//! Reads the titles mention finding put before a name ([`SentenceMention::title`]). A title with a
//! country ("Iraqi Prime Minister Haider al-Abadi") gives `title`: Haider al-Abadi Leads Iraq. A
//! title without one ("Prime Minister X visited the port") gives `title-home`: X Leads the
//! document's home country, unless another title in the sentence holds that country already or
//! several people share the bare title.
//!
//! [`SentenceMention::title`]: super::SentenceMention::title

use super::rule_relation::RuleRelation;
use super::sentence_reader::SentenceReader;
use crate::model::{EntityKind, RelationClass, Rule};

impl SentenceReader<'_> {
    /// `title`: "Iraqi Prime Minister X": X leads Iraq.
    pub(super) fn title(&self, out: &mut Vec<RuleRelation>) {
        for (index, mention) in self.mentions.iter().enumerate() {
            let Some(title) = mention.title.as_ref().filter(|t| t.leads) else {
                continue;
            };
            if let Some(country) = title.of_mention {
                out.extend(self.relation(
                    index,
                    country,
                    format!("{} of", title.title),
                    RelationClass::Leads,
                    Rule::Title,
                ));
            } else if let (Some(home), Some(person)) =
                (self.home_for_bare_title(index), self.mentions.get(index))
            {
                out.push(RuleRelation {
                    subject: person.entity,
                    object: home,
                    predicate: format!("{} of", title.title).into(),
                    class: RelationClass::Leads,
                    negated: false,
                    hedged: self.hedged(),
                    rule: Rule::TitleHome,
                });
            }
        }
    }

    /// The country a title with no country of its own stands for ("President X"): the document's
    /// home country, unless another title in the sentence already names it ("Iraqi Prime Minister A
    /// … to President B"); then the one other country the sentence mentions, if there is exactly
    /// one. None when the sentence gives the same bare title to several people, when a possessor
    /// owns the title ("Missouri's Governor X"), or when the holder
    /// stands beside another country or body in its clause without being the clause's subject
    /// ([`Self::beside_another_body`]).
    fn home_for_bare_title(&self, person: usize) -> Option<usize> {
        let home = self.context.home_country?;
        // "Presidents Gorbachev, Mitterrand, and Ozal": holders of one bare title in one sentence
        // cannot all lead the home country, and nothing says which countries they lead.
        let title = self.mentions.get(person)?.title.as_ref()?;
        let holders = self
            .mentions
            .iter()
            .filter_map(|m| m.title.as_ref())
            .filter(|t| t.of_mention.is_none() && t.title == title.title)
            .count();
        if holders > 1 || self.title_has_owner(person, &title.title) {
            return None;
        }
        let claimed: Vec<usize> = self
            .mentions
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != person)
            .filter_map(|(_, m)| m.title.as_ref()?.of_mention)
            .filter_map(|c| self.mentions.get(c).map(|m| m.entity))
            .collect();
        if !claimed.contains(&home) {
            return (!self.beside_another_body(person, home)).then_some(home);
        }
        let mut others: Vec<usize> = self
            .mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Country && !claimed.contains(&m.entity))
            .map(|m| m.entity)
            .collect();
        others.sort_unstable();
        others.dedup();
        match others[..] {
            [only] => Some(only),
            _ => None,
        }
    }

    /// Whether a possessor stands before the title of mention `person` ("Missouri's Governor X"):
    /// the title is then of that possessor, not of the home country.
    fn title_has_owner(&self, person: usize, title: &str) -> bool {
        let Some(holder) = self.mentions.get(person) else {
            return false;
        };
        let words = title.split([' ', '-']).count();
        holder
            .tokens
            .0
            .checked_sub(words + 1)
            .is_some_and(|before| self.is_possessive(before))
    }

    /// Whether the title holder `person` comes after its clause's subject and the clause names a
    /// country or body other than `home`. "The capital is not among President X's favourite destinations,
    /// such as Cairo": a holder in an object or a possessive beside other countries may hold any of
    /// their titles. A holder who is the subject acts on the others ("President X met the Chinese
    /// delegation") and keeps the home country. A holder in a clause whose subject is another
    /// clause's (", including with President X") is no subject, and any other country of the
    /// sentence counts. False when the sentence was not tagged or its clause has no subject.
    fn beside_another_body(&self, person: usize, home: usize) -> bool {
        let structure = self.structure();
        let Some(holder) = self.mentions.get(person) else {
            return false;
        };
        let Some(clause) = structure
            .clause_of(holder.tokens.0)
            .and_then(|c| structure.clauses().get(c))
        else {
            return false;
        };
        // A clause whose subject the splitter did not find says too little to veto.
        let Some(subject) = clause.subject.and_then(|c| structure.chunks().get(c)) else {
            return false;
        };
        // A holder before the subject the splitter found may be the subject itself, with an
        // apposition after it ("Minister X, a member of the party, praised Y"): only a holder after
        // the subject is surely not it. In a clause whose subject is another clause's ("…,
        // including with President X"), the holder is not the subject either.
        if !clause.subject_outside && holder.tokens.0 < subject.end {
            return false;
        }
        self.mentions.iter().any(|m| {
            matches!(m.kind, EntityKind::Country | EntityKind::Organization)
                && m.entity != home
                && (clause.contains(m.tokens.0) || clause.subject_outside)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::EntityKind;
    use crate::model::RelationClass::{Cooperation, Leads};
    use crate::model::Rule::{JointSubject, RelationNoun, Title, TitleHome, Verb};

    #[test]
    fn a_bare_title_leads_the_home_country() {
        let cases: Cases = &[(
            "Prime Minister Maeen Abdulmalik visited the port. Yemen needs aid. Yemen remains \
                 poor.",
            &[reading("Maeen Abdulmalik", Leads, "Yemen", TitleHome)],
        )];
        assert_cases(&test_lexicon(), cases);
        // A possessor owns the title: Aden's governor does not lead Yemen.
        let cases: Cases = &[(
            "Aden's Governor Maeen Abdulmalik visited the port. Yemen needs aid. Yemen remains \
             poor.",
            &[],
        )];
        assert_cases(&embedded(), cases);
    }

    #[test]
    fn a_bare_title_leads_the_other_country_when_the_home_one_is_held() {
        // Turkey is the document's home country, but the Turkish president holds it: the bare
        // "Prime Minister" is the other country's.
        let cases: Cases = &[(
            "Turkey hosted Qatar in 2020. Turkish President Recep Tayyip Erdogan met Prime Minister \
             Benjamin Netanyahu and praised Israel.",
            &[
                reading("Turkey", Cooperation, "Qatar", Verb).at(year(2020)),
                reading("Recep Tayyip Erdogan", Leads, "Turkey", Title),
                reading("Benjamin Netanyahu", Leads, "Israel", TitleHome),
                reading(
                    "Recep Tayyip Erdogan",
                    Cooperation,
                    "Benjamin Netanyahu",
                    Verb,
                ),
                reading("Recep Tayyip Erdogan", Cooperation, "Israel", Verb),
            ],
        )];
        assert_cases(&embedded(), cases);
    }

    #[test]
    fn a_plural_title_makes_each_name_a_person_of_no_known_country() {
        let extraction = extract(
            "Turkey hosted talks. Presidents Erdogan and Aliyev signed a pipeline deal.",
            &embedded(),
        );
        let people: Vec<&str> = extraction
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(people, ["Erdogan", "Aliyev"]);
        // Two presidents in one sentence cannot both lead Turkey: no title-home reading.
        assert_eq!(
            readings(&extraction),
            owned(&[reading("Erdogan", Cooperation, "Aliyev", JointSubject)])
        );
    }

    #[test]
    fn a_bare_title_beside_another_country_leads_nothing_unless_its_holder_is_the_subject() {
        let cases: Cases = &[
            // The holder stands in a possessive beside other capitals: whose president is open.
            (
                "Yemen needs aid. Yemen remains poor. Sanaa is not among President Ali Nasser's \
                 favourite capitals, such as Cairo or Amman.",
                &[],
            ),
            // The holder is the subject and acts on the other country: the home country's.
            (
                "Yemen needs aid. Yemen remains poor. Prime Minister Maeen Abdulmalik thanked Oman \
                 for its aid.",
                &[
                    reading("Maeen Abdulmalik", Leads, "Yemen", TitleHome),
                    reading("Maeen Abdulmalik", Cooperation, "Oman", Verb),
                ],
            ),
            // A participial phrase has its clause's subject: the holder in it is no subject.
            (
                "Yemen needs aid. Yemen remains poor. Yemen has good ties with Oman, including \
                 with President Haitham Tarik.",
                &[reading("Yemen", Cooperation, "Oman", RelationNoun)],
            ),
        ];
        assert_cases(&embedded(), cases);
    }

    #[test]
    fn a_vice_president_is_no_president() {
        let extraction = extract(
            "Yemen needs aid. Yemen remains poor. Vice President Ali Mohsen visited the port.",
            &embedded(),
        );
        let predicates: Vec<&str> = extraction
            .relations
            .iter()
            .filter(|r| r.rule.rule == TitleHome)
            .map(|r| r.predicate.as_ref())
            .collect();
        assert_eq!(predicates, ["vice president of"]);
    }
}
