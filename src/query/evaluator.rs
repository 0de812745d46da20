//! The evaluator: a query and a graph in, a [`Report`] out. Pure: it reads the graph and nothing else, so
//! the shell, scripts and tests all get the same answer.
//!
//! Names are resolved here (canonical name or alias, any case); an unknown name gets the closest names
//! as suggestions and an ambiguous one lists its candidates. Output is sorted by names rather than by ids
//! wherever the order is not part of the answer (distance, rank), so it reads well and stays stable.
//!
//! A time window (`since 2014`) goes into the [`RelationFilter`] every algorithm walks through; where an
//! answer shows evidence (`why`, the hops of `path`) it shows only the sentences dated inside the window,
//! each with its period.

use super::ast::{Measure, NameRef, Query};
use super::commands::{META_COMMANDS, VERBS, command_help};
use super::error::{QueryError, QueryErrorKind};
use super::report::{Cell, Report, Section};
use super::suggest::closest;
use crate::graph::knowledge_graph::RelationRef;
use crate::graph::paths::strongest_relation;
use crate::graph::{
    BETWEENNESS_EXACT_LIMIT, BETWEENNESS_PIVOTS, Cancelled, EntityId, GraphPath, KnowledgeGraph,
    Mention, PathList, RelationFilter, RelationId, WalkDirection,
};
use crate::model::{EntityKind, Period, RelationClass, Span, name_key};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, Ordering};

/// Answers `query` over `graph`. `cancel` is checked by the long-running algorithms (simple paths,
/// centrality): once it is set they stop, and the answer is an `Interrupted` error.
pub fn evaluate(
    graph: &KnowledgeGraph,
    query: &Query,
    cancel: &AtomicBool,
) -> Result<Report, QueryError> {
    let evaluator = Evaluator { graph, cancel };
    match query {
        Query::Entity { name } => evaluator.entity(name),
        Query::Neighbours {
            name,
            depth,
            classes,
            kinds,
            direction,
            evidence,
            window,
        } => {
            let filter = RelationFilter::with_classes(classes, *direction).within(*window);
            evaluator.neighbours(name, *depth, &filter, kinds, *evidence)
        }
        Query::Path {
            from,
            to,
            classes,
            undirected,
            window,
        } => evaluator.path(from, to, classes, *undirected, *window),
        Query::Paths {
            from,
            to,
            max_hops,
            limit,
            classes,
            undirected,
            window,
        } => evaluator.paths(
            from,
            to,
            *max_hops,
            *limit,
            &Evaluator::path_filter(classes, *undirected, *window),
        ),
        Query::Common {
            first,
            second,
            classes,
            window,
        } => evaluator.common(first, second, classes, *window),
        Query::Why {
            first,
            second,
            classes,
            window,
        } => evaluator.why(first, second, classes, *window),
        Query::Find { text } => Ok(evaluator.find(text)),
        Query::Top {
            count,
            measure,
            kinds,
            classes,
            window,
        } => evaluator.top(*count, *measure, kinds, classes, *window),
        Query::Stats => Ok(evaluator.stats()),
        Query::Docs => Ok(evaluator.docs()),
        Query::Help { topic } => Ok(help(topic.as_deref())),
    }
}

/// The name of an entity, or `?` for an id the graph does not have.
fn name_of(graph: &KnowledgeGraph, id: EntityId) -> String {
    graph
        .entity(id)
        .map_or_else(|| "?".into(), |e| e.name.clone())
}

/// A predicate as the reader sees it: `¬ ` before it when the text denies it, `?` after it when it hedges.
fn predicate_text(relation: &RelationRef<'_>) -> String {
    let mut text = String::new();
    if relation.relation.negated {
        text.push_str("¬ ");
    }
    text.push_str(relation.relation.predicate());
    if relation.relation.hedged {
        text.push('?');
    }
    text
}

/// The sentence with its whitespace collapsed, so a wrapped line in a document prints on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How a relation reads when walking from `from`: `-[back]->` along it, `<-[back]-` against it, and
/// `-[co-mentioned with]-` for a co-mention, which has no direction.
fn link_text(relation: &RelationRef<'_>, from: EntityId) -> String {
    let predicate = predicate_text(relation);
    if !relation.relation.class.is_asserted() {
        format!("-[{predicate}]-")
    } else if relation.source == from {
        format!("-[{predicate}]->")
    } else {
        format!("<-[{predicate}]-")
    }
}

/// The relation that best stands for a hop, in the order [`strongest_relation`] states.
fn best_relation<'g>(
    graph: &'g KnowledgeGraph,
    relations: &[RelationId],
) -> Option<RelationRef<'g>> {
    strongest_relation(graph, relations).and_then(|id| graph.relation(id))
}

/// "entities", or "ArmedGroup, Person entities" when kinds are asked for.
fn kinds_text(kinds: &[EntityKind]) -> String {
    if kinds.is_empty() {
        "entities".to_string()
    } else {
        let names: Vec<&str> = kinds.iter().map(|k| k.name()).collect();
        format!("{} entities", names.join(", "))
    }
}

/// "1 hop", "3 hops".
fn counted(count: usize, singular: &str, plural: &str) -> String {
    format!("{count} {}", if count == 1 { singular } else { plural })
}

/// The classes and the time window a filter allows, for titles: "all classes", "Conflict, since 2014".
fn filter_text(filter: &RelationFilter) -> String {
    let classes = if filter.classes.is_empty() {
        "all classes".to_string()
    } else {
        filter
            .classes
            .iter()
            .map(|c| c.name())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match filter.window {
        Some(window) => format!("{classes}, {}", window_text(window)),
        None => classes,
    }
}

/// A time window as the query said it: "in 2019", "since 2014", "until 2010", "between 2006 and 2008".
fn window_text(window: Period) -> String {
    match (window.from, window.to) {
        (Some(from), Some(to)) if from == to => format!("in {from}"),
        (Some(from), Some(to)) => format!("between {from} and {to}"),
        (Some(from), None) => format!("since {from}"),
        (None, Some(to)) => format!("until {to}"),
        (None, None) => "at any time".to_string(),
    }
}

/// How many documents an entity's card lists by name; the rest are counted.
pub const DOCUMENTS_LISTED: usize = 10;

struct Evaluator<'g> {
    graph: &'g KnowledgeGraph,
    cancel: &'g AtomicBool,
}

impl<'g> Evaluator<'g> {
    /// The entity a name refers to.
    fn resolve(&self, name: &NameRef) -> Result<EntityId, QueryError> {
        let found = self.graph.find(&name.text);
        match found.as_slice() {
            [one] => Ok(*one),
            [] => {
                let names: BTreeSet<&str> = self
                    .graph
                    .entities()
                    .flat_map(|(_, e)| {
                        std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str))
                    })
                    .collect();
                // Ctrl-C stops the search for suggestions too: with a long name on a large graph
                // it is the slow part of the answer.
                let suggestions = closest(
                    &name.text,
                    names
                        .into_iter()
                        .take_while(|_| !self.cancel.load(Ordering::Relaxed)),
                );
                if self.cancel.load(Ordering::Relaxed) {
                    return Err(QueryError::new(QueryErrorKind::Interrupted, name.span));
                }
                Err(QueryError::new(
                    QueryErrorKind::UnknownEntity {
                        name: name.text.clone(),
                        suggestions,
                    },
                    name.span,
                ))
            }
            several if let Some(one) = self.named_exactly(several, &name.text) => Ok(one),
            several => {
                let mut candidates: Vec<String> = several
                    .iter()
                    .filter_map(|&id| self.graph.entity(id))
                    .map(|e| format!("{} ({})", e.name, e.kind))
                    .collect();
                candidates.sort();
                Err(QueryError::new(
                    QueryErrorKind::AmbiguousName {
                        name: name.text.clone(),
                        candidates,
                    },
                    name.span,
                ))
            }
        }
    }

    /// The one entity among `candidates` whose canonical name is `text` (exactly, or else ignoring
    /// case): a canonical name wins over another entity's alias, so every entity can be asked for by
    /// its name. `None` when no one candidate stands out.
    fn named_exactly(&self, candidates: &[EntityId], text: &str) -> Option<EntityId> {
        let matching = |same: &dyn Fn(&str) -> bool| {
            let mut found = candidates.iter().filter(|&&id| {
                self.graph
                    .entity(id)
                    .is_some_and(|entity| same(&entity.name))
            });
            match (found.next(), found.next()) {
                (Some(&one), None) => Some(one),
                _ => None,
            }
        };
        matching(&|name| name == text)
            .or_else(|| matching(&|name| name_key(name) == name_key(text)))
    }

    /// Two different entities.
    fn resolve_pair(
        &self,
        first: &NameRef,
        second: &NameRef,
    ) -> Result<(EntityId, EntityId), QueryError> {
        let (a, b) = (self.resolve(first)?, self.resolve(second)?);
        if a == b {
            return Err(QueryError::new(
                QueryErrorKind::SameEntity {
                    first: first.text.clone(),
                    second: second.text.clone(),
                    entity: name_of(self.graph, a),
                },
                Span::new(first.span.start, second.span.end),
            ));
        }
        Ok((a, b))
    }

    fn name(&self, id: EntityId) -> String {
        name_of(self.graph, id)
    }

    fn kind(&self, id: EntityId) -> String {
        self.graph
            .entity(id)
            .map_or_else(String::new, |e| e.kind.name().to_string())
    }

    /// The document name, the period and the sentence of a relation's first evidence that `filter`
    /// admits (inside its time window).
    fn first_evidence(
        &self,
        relation: &RelationRef<'_>,
        filter: &RelationFilter,
    ) -> (String, Cell, String) {
        relation
            .relation
            .evidence()
            .iter()
            .find(|evidence| filter.admits(evidence))
            .map_or_else(
                || (String::new(), Cell::Time(None), String::new()),
                |evidence| {
                    let document = self
                        .graph
                        .document(evidence.document())
                        .map_or_else(String::new, |d| d.name.clone());
                    (
                        document,
                        Cell::Time(evidence.time()),
                        one_line(self.graph.evidence_text(evidence)),
                    )
                },
            )
    }

    /// Every relation between `a` and `b`, either way, in id order.
    fn relations_between(&self, a: EntityId, b: EntityId) -> Vec<RelationRef<'g>> {
        let mut relations: Vec<RelationRef<'g>> = self
            .graph
            .relations_of(a, WalkDirection::Outgoing)
            .filter(|r| r.target == b)
            .chain(
                self.graph
                    .relations_of(a, WalkDirection::Incoming)
                    .filter(|r| r.source == b),
            )
            .collect();
        relations.sort_by_key(|r| r.id);
        relations
    }

    fn interrupted(&self, _: Cancelled) -> QueryError {
        QueryError::new(QueryErrorKind::Interrupted, Span::new(0, 0))
    }

    /// `entity X`
    fn entity(&self, name: &NameRef) -> Result<Report, QueryError> {
        let id = self.resolve(name)?;
        let Some(entity) = self.graph.entity(id) else {
            return Err(QueryError::new(
                QueryErrorKind::UnknownEntity {
                    name: name.text.clone(),
                    suggestions: Vec::new(),
                },
                name.span,
            ));
        };
        let documents = self.documents_summary(&entity.mentions);
        let outgoing: Vec<RelationRef<'_>> = self
            .graph
            .relations_of(id, WalkDirection::Outgoing)
            .collect();
        let incoming: Vec<RelationRef<'_>> = self
            .graph
            .relations_of(id, WalkDirection::Incoming)
            .collect();
        let asserted = outgoing
            .iter()
            .chain(&incoming)
            .filter(|r| r.relation.class.is_asserted())
            .count();
        let degree = self
            .graph
            .neighbourhood(id, 1, &RelationFilter::default(), &[])
            .entities
            .len()
            - 1;
        let mut report = Report::new("entity", format!("{} ({})", entity.name, entity.kind));
        report.sections.push(Section::Fields {
            name: "entity".into(),
            fields: vec![
                ("name".into(), entity.name.clone().into()),
                ("kind".into(), entity.kind.name().into()),
                ("aliases".into(), entity.aliases.join("; ").into()),
                ("mentions".into(), entity.mentions.len().into()),
                ("documents".into(), documents.into()),
                ("relations out".into(), outgoing.len().into()),
                ("relations in".into(), incoming.len().into()),
                ("asserted relations".into(), asserted.into()),
                ("degree".into(), degree.into()),
            ],
        });
        report.entities = vec![id];
        Ok(report)
    }

    /// The documents that mention an entity, most mentions first (then in the graph's order), with
    /// their counts: `b.txt (12); a.txt (1)`. A graph of many documents lists the first
    /// [`DOCUMENTS_LISTED`] and says how many there are in all, so the card stays readable.
    fn documents_summary(&self, mentions: &[Mention]) -> String {
        let mut by_document: BTreeMap<u32, usize> = BTreeMap::new();
        for mention in mentions {
            *by_document.entry(mention.document).or_default() += 1;
        }
        let mut ranked: Vec<(u32, usize)> = by_document.into_iter().collect();
        ranked.sort_by_key(|&(document, count)| (std::cmp::Reverse(count), document));
        let listed: Vec<String> = ranked
            .iter()
            .take(DOCUMENTS_LISTED)
            .map(|&(document, count)| {
                let name = self
                    .graph
                    .document(document)
                    .map_or("?", |d| d.name.as_str());
                format!("{name} ({count})")
            })
            .collect();
        let mut text = listed.join("; ");
        if ranked.len() > DOCUMENTS_LISTED {
            text.push_str(&format!(
                "; … {} more ({} in all)",
                ranked.len() - DOCUMENTS_LISTED,
                counted(ranked.len(), "document", "documents")
            ));
        }
        text
    }

    /// `neighbours X …`: the entities within `depth` hops and the links between them; with
    /// `evidence`, one row per linked pair instead of one per relation.
    fn neighbours(
        &self,
        name: &NameRef,
        depth: usize,
        filter: &RelationFilter,
        kinds: &[EntityKind],
        evidence: bool,
    ) -> Result<Report, QueryError> {
        let centre = self.resolve(name)?;
        let found = self.graph.neighbourhood(centre, depth, filter, kinds);
        let distance: BTreeMap<EntityId, usize> = found.entities.iter().copied().collect();
        let mut report = Report::new(
            "neighbours",
            format!(
                "{} within {} of {} ({}, {}): {}, {}",
                kinds_text(kinds),
                counted(depth, "hop", "hops"),
                self.name(centre),
                filter_text(filter),
                match filter.direction {
                    WalkDirection::Both => "both ways",
                    WalkDirection::Outgoing => "outgoing",
                    WalkDirection::Incoming => "incoming",
                },
                counted(found.entities.len() - 1, "neighbour", "neighbours"),
                counted(found.relations.len(), "link", "links"),
            ),
        );
        let mut entities: Vec<(usize, String, String)> = found
            .entities
            .iter()
            .skip(1)
            .map(|&(id, d)| (d, self.name(id), self.kind(id)))
            .collect();
        entities.sort();
        report.table(
            "entities",
            &["hops", "entity", "kind"],
            entities
                .into_iter()
                .map(|(d, name, kind)| vec![d.into(), name.into(), kind.into()])
                .collect(),
        );
        // The hop at which a relation is reached: one past its nearer end.
        let hop = |r: &RelationRef<'_>| {
            [r.source, r.target]
                .iter()
                .filter_map(|id| distance.get(id))
                .min()
                .map_or(1, |d| d + 1)
        };
        if evidence {
            self.links_with_evidence(&mut report, &found.relations, filter, &hop);
        } else {
            let mut links: Vec<(usize, String, String, String, String)> = found
                .relations
                .iter()
                .filter_map(|&id| self.graph.relation(id))
                .map(|r| {
                    (
                        hop(&r),
                        self.name(r.source),
                        predicate_text(&r),
                        self.name(r.target),
                        r.relation.class.name().to_string(),
                    )
                })
                .collect();
            links.sort();
            report.table(
                "links",
                &["hop", "subject", "relation", "object", "class"],
                links
                    .into_iter()
                    .map(|(hop, s, p, o, c)| {
                        vec![hop.into(), s.into(), p.into(), o.into(), c.into()]
                    })
                    .collect(),
            );
        }
        report.entities = found.entities.iter().map(|&(id, _)| id).collect();
        report.relations = found.relations;
        Ok(report)
    }

    /// The links table of `neighbours … evidence`: one row per linked pair, showing its strongest
    /// relation (in the order [`strongest_relation`] states, as a path's hop does) and that relation's
    /// first sentence inside the time window, so that a reader need not ask `why` pair by pair.
    fn links_with_evidence(
        &self,
        report: &mut Report,
        relations: &[RelationId],
        filter: &RelationFilter,
        hop: &dyn Fn(&RelationRef<'_>) -> usize,
    ) {
        let mut pairs: BTreeMap<(EntityId, EntityId), Vec<RelationId>> = BTreeMap::new();
        for relation in relations.iter().filter_map(|&id| self.graph.relation(id)) {
            let pair = (
                relation.source.min(relation.target),
                relation.source.max(relation.target),
            );
            pairs.entry(pair).or_default().push(relation.id);
        }
        let mut rows: Vec<(usize, String, String, String, String, Vec<Cell>)> = pairs
            .values()
            .filter_map(|ids| best_relation(self.graph, ids))
            .map(|r| {
                let (document, time, sentence) = self.first_evidence(&r, filter);
                (
                    hop(&r),
                    self.name(r.source),
                    predicate_text(&r),
                    self.name(r.target),
                    r.relation.class.name().to_string(),
                    vec![document.into(), time, sentence.into()],
                )
            })
            .collect();
        rows.sort_by(|a, b| (a.0, &a.1, &a.2, &a.3).cmp(&(b.0, &b.1, &b.2, &b.3)));
        report.table(
            "links",
            &[
                "hop", "subject", "relation", "object", "class", "document", "time", "evidence",
            ],
            rows.into_iter()
                .map(|(hop, s, p, o, c, evidence)| {
                    let mut row: Vec<Cell> =
                        vec![hop.into(), s.into(), p.into(), o.into(), c.into()];
                    row.extend(evidence);
                    row
                })
                .collect(),
        );
        if pairs.len() < relations.len() {
            report.notes.push(format!(
                "{} between {}: each pair shows its strongest; `why A B` lists them all",
                counted(relations.len(), "relation", "relations"),
                counted(pairs.len(), "pair", "pairs")
            ));
        }
    }

    /// The filter of `path` and `paths`: its walking direction is subject to object unless `undirected`.
    fn path_filter(
        classes: &[RelationClass],
        undirected: bool,
        window: Option<Period>,
    ) -> RelationFilter {
        RelationFilter::with_classes(
            classes,
            if undirected {
                WalkDirection::Both
            } else {
                WalkDirection::Outgoing
            },
        )
        .within(window)
    }

    /// A note for when no directed path exists but an undirected one does.
    fn undirected_hint(
        &self,
        from: EntityId,
        to: EntityId,
        filter: &RelationFilter,
    ) -> Option<String> {
        let path = self.graph.shortest_path(
            from,
            to,
            &RelationFilter {
                direction: WalkDirection::Both,
                ..filter.clone()
            },
        )?;
        Some(format!(
            "following relations both ways finds a path of {}: add `undirected`",
            counted(path.len(), "hop", "hops")
        ))
    }

    /// Adds the entities and the best relation of each hop of `path` to what the report is about.
    fn remember_path(&self, report: &mut Report, path: &GraphPath) {
        report.entities.extend(path.entities.iter().copied());
        report.relations.extend(
            path.hops
                .iter()
                .filter_map(|hop| best_relation(self.graph, &hop.relations))
                .map(|r| r.id),
        );
    }

    /// `path A B …`
    fn path(
        &self,
        from_name: &NameRef,
        to_name: &NameRef,
        classes: &[RelationClass],
        undirected: bool,
        window: Option<Period>,
    ) -> Result<Report, QueryError> {
        let (from, to) = self.resolve_pair(from_name, to_name)?;
        let filter = Self::path_filter(classes, undirected, window);
        let way = if undirected {
            "either way"
        } else {
            "subject to object"
        };
        let Some(path) = self.graph.shortest_path(from, to, &filter) else {
            let mut report = Report::new(
                "path",
                format!(
                    "no path from {} to {} ({}, {way})",
                    self.name(from),
                    self.name(to),
                    filter_text(&filter)
                ),
            );
            report.notes.extend(if undirected {
                None
            } else {
                self.undirected_hint(from, to, &filter)
            });
            report.entities = vec![from, to];
            return Ok(report);
        };
        let mut report = Report::new(
            "path",
            format!(
                "a shortest path from {} to {}: {} ({}, {way})",
                self.name(from),
                self.name(to),
                counted(path.len(), "hop", "hops"),
                filter_text(&filter)
            ),
        );
        let mut rows = Vec::new();
        let mut several = false;
        for (step, hop) in path.hops.iter().enumerate() {
            let Some(relation) = best_relation(self.graph, &hop.relations) else {
                continue;
            };
            several |= hop.relations.len() > 1;
            let (document, time, sentence) = self.first_evidence(&relation, &filter);
            rows.push(vec![
                (step + 1).into(),
                self.name(hop.from).into(),
                link_text(&relation, hop.from).into(),
                self.name(hop.to).into(),
                relation.relation.class.name().into(),
                document.into(),
                time,
                sentence.into(),
            ]);
        }
        report.table(
            "hops",
            &[
                "step", "from", "link", "to", "class", "document", "time", "evidence",
            ],
            rows,
        );
        if several {
            report.notes.push(
                "a hop with several relations shows the strongest; `why A B` lists them all".into(),
            );
        }
        self.remember_path(&mut report, &path);
        Ok(report)
    }

    /// `paths A B …`
    fn paths(
        &self,
        from_name: &NameRef,
        to_name: &NameRef,
        max_hops: Option<usize>,
        limit: usize,
        filter: &RelationFilter,
    ) -> Result<Report, QueryError> {
        let (from, to) = self.resolve_pair(from_name, to_name)?;
        let list = match max_hops {
            Some(max) => self
                .graph
                .simple_paths(from, to, filter, max, limit, self.cancel),
            None => self
                .graph
                .all_shortest_paths(from, to, filter, limit, self.cancel),
        }
        .map_err(|c| self.interrupted(c))?;
        let title = self.paths_title(&list, from, to, max_hops, filter);
        let mut report = Report::new("paths", title);
        let rows = list
            .paths
            .iter()
            .enumerate()
            .map(|(index, path)| {
                vec![
                    (index + 1).into(),
                    path.len().into(),
                    self.path_text(path).into(),
                ]
            })
            .collect();
        report.table("paths", &["#", "hops", "path"], rows);
        if list.truncated {
            report.notes.push(paths_cut_note(&list, max_hops));
        }
        if list.paths.is_empty() && filter.direction != WalkDirection::Both {
            report.notes.extend(self.undirected_hint(from, to, filter));
        }
        for path in &list.paths {
            self.remember_path(&mut report, path);
        }
        if list.paths.is_empty() {
            report.entities = vec![from, to];
        }
        Ok(report)
    }

    /// The title of a `paths` answer: how many paths of which sort, between whom, along which
    /// relations and which way.
    fn paths_title(
        &self,
        list: &PathList,
        from: EntityId,
        to: EntityId,
        max_hops: Option<usize>,
        filter: &RelationFilter,
    ) -> String {
        let way = if filter.direction == WalkDirection::Both {
            "either way"
        } else {
            "subject to object"
        };
        let count = match list.total {
            Some(total) if max_hops.is_none() => total,
            _ => list.paths.len() as u128,
        };
        let plural = count != 1;
        let what = match (max_hops, plural) {
            (Some(max), _) => format!(
                "simple {} of at most {}",
                if plural { "paths" } else { "path" },
                counted(max, "hop", "hops")
            ),
            (None, true) => "shortest paths".to_string(),
            (None, false) => "shortest path".to_string(),
        };
        format!(
            "{count} {what} from {} to {} ({}, {way})",
            self.name(from),
            self.name(to),
            filter_text(filter)
        )
    }

    /// A path on one line: each entity's name, joined by the strongest link of each hop.
    fn path_text(&self, path: &GraphPath) -> String {
        let mut text = self.name(path.entities[0]);
        for hop in &path.hops {
            if let Some(relation) = best_relation(self.graph, &hop.relations) {
                text.push_str(&format!(
                    " {} {}",
                    link_text(&relation, hop.from),
                    self.name(hop.to)
                ));
            }
        }
        text
    }

    /// `common A B …`
    fn common(
        &self,
        first: &NameRef,
        second: &NameRef,
        classes: &[RelationClass],
        window: Option<Period>,
    ) -> Result<Report, QueryError> {
        let (a, b) = self.resolve_pair(first, second)?;
        let filter = RelationFilter::with_classes(classes, WalkDirection::Both).within(window);
        let around = |centre: EntityId| -> BTreeMap<EntityId, Vec<RelationId>> {
            let mut links: BTreeMap<EntityId, Vec<RelationId>> = BTreeMap::new();
            for id in self.graph.neighbourhood(centre, 1, &filter, &[]).relations {
                if let Some(r) = self.graph.relation(id) {
                    let other = if r.source == centre {
                        r.target
                    } else {
                        r.source
                    };
                    links.entry(other).or_default().push(id);
                }
            }
            links
        };
        let (near_a, near_b) = (around(a), around(b));
        // How the shared entity is linked to one side: `-[back]->` when it is the subject.
        // Asserted links first, each wording once.
        let describe = |shared: EntityId, relations: &[RelationId]| -> String {
            let mut links: Vec<(bool, String)> = relations
                .iter()
                .filter_map(|&id| self.graph.relation(id))
                .map(|r| (!r.relation.class.is_asserted(), link_text(&r, shared)))
                .collect();
            links.sort();
            links.dedup();
            links
                .into_iter()
                .map(|(_, text)| text)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut rows: Vec<(String, Vec<Cell>)> = Vec::new();
        let mut report = Report::new("common", String::new());
        for (&shared, to_a) in &near_a {
            let Some(to_b) = near_b.get(&shared) else {
                continue;
            };
            if shared == a || shared == b {
                continue;
            }
            let name = self.name(shared);
            rows.push((
                name.clone(),
                vec![
                    name.into(),
                    self.kind(shared).into(),
                    describe(shared, to_a).into(),
                    describe(shared, to_b).into(),
                ],
            ));
            report.entities.push(shared);
            report.relations.extend(to_a.iter().chain(to_b));
        }
        rows.sort_by(|x, y| x.0.cmp(&y.0));
        report.title = format!(
            "{} linked to both {} and {} ({})",
            counted(rows.len(), "entity", "entities"),
            self.name(a),
            self.name(b),
            filter_text(&filter)
        );
        let with_a = format!("with {}", self.name(a));
        let with_b = format!("with {}", self.name(b));
        report.table(
            "entities",
            &["entity", "kind", &with_a, &with_b],
            rows.into_iter().map(|(_, row)| row).collect(),
        );
        report.entities.extend([a, b]);
        Ok(report)
    }

    /// `why A B`
    fn why(
        &self,
        first: &NameRef,
        second: &NameRef,
        classes: &[RelationClass],
        window: Option<Period>,
    ) -> Result<Report, QueryError> {
        let (a, b) = self.resolve_pair(first, second)?;
        let filter = RelationFilter::with_classes(classes, WalkDirection::Both).within(window);
        let mut relations = self.relations_between(a, b);
        relations.retain(|r| filter.allows(r.relation));
        // Stated relations before mere co-mentions.
        relations.sort_by_key(|r| (!r.relation.class.is_asserted(), r.id));
        let evidence: usize = relations
            .iter()
            .map(|r| {
                r.relation
                    .evidence()
                    .iter()
                    .filter(|e| filter.admits(e))
                    .count()
            })
            .sum();
        let mut report = Report::new(
            "why",
            format!(
                "{} between {} and {} ({}), {}",
                counted(relations.len(), "relation", "relations"),
                self.name(a),
                self.name(b),
                filter_text(&filter),
                counted(evidence, "sentence", "sentences")
            ),
        );
        let mut rows = Vec::new();
        for relation in &relations {
            for item in relation
                .relation
                .evidence()
                .iter()
                .filter(|e| filter.admits(e))
            {
                let document = self
                    .graph
                    .document(item.document())
                    .map_or_else(String::new, |d| d.name.clone());
                rows.push(vec![
                    self.name(relation.source).into(),
                    predicate_text(relation).into(),
                    self.name(relation.target).into(),
                    relation.relation.class.name().into(),
                    document.into(),
                    item.rule().into(),
                    Cell::Time(item.time()),
                    one_line(self.graph.evidence_text(item)).into(),
                ]);
            }
        }
        report.table(
            "relations",
            &[
                "subject", "relation", "object", "class", "document", "rule", "time", "evidence",
            ],
            rows,
        );
        if relations.is_empty() {
            report.notes.push(format!(
                "`path \"{}\" \"{}\" undirected` looks for a chain of relations",
                self.name(a),
                self.name(b)
            ));
        }
        report.entities = vec![a, b];
        report.relations = relations.iter().map(|r| r.id).collect();
        Ok(report)
    }

    /// `find TEXT`
    fn find(&self, text: &str) -> Report {
        let needle = crate::model::name_key(text);
        let mut rows: Vec<(String, EntityId, Vec<Cell>)> = self
            .graph
            .entities()
            .filter_map(|(id, entity)| {
                let matching: Vec<&str> = std::iter::once(&entity.name)
                    .chain(&entity.aliases)
                    .map(String::as_str)
                    .filter(|n| crate::model::name_key(n).contains(&needle))
                    .collect();
                if matching.is_empty() {
                    return None;
                }
                let aliases: Vec<&str> = entity
                    .aliases
                    .iter()
                    .map(String::as_str)
                    .filter(|a| *a != entity.name)
                    .collect();
                Some((
                    entity.name.clone(),
                    id,
                    vec![
                        entity.name.clone().into(),
                        entity.kind.name().into(),
                        aliases.join("; ").into(),
                        entity.mentions.len().into(),
                    ],
                ))
            })
            .collect();
        rows.sort_by(|x, y| {
            x.0.to_lowercase()
                .cmp(&y.0.to_lowercase())
                .then(x.1.cmp(&y.1))
        });
        let mut report = Report::new(
            "find",
            format!(
                "{} matching \"{text}\"",
                counted(rows.len(), "entity", "entities")
            ),
        );
        report.entities = rows.iter().map(|(_, id, _)| *id).collect();
        report.table(
            "entities",
            &["entity", "kind", "aliases", "mentions"],
            rows.into_iter().map(|(_, _, row)| row).collect(),
        );
        report
    }

    /// `top N by …`
    fn top(
        &self,
        count: usize,
        measure: Measure,
        kinds: &[EntityKind],
        classes: &[RelationClass],
        window: Option<Period>,
    ) -> Result<Report, QueryError> {
        let direction = match measure {
            Measure::PageRank => WalkDirection::Outgoing,
            Measure::Degree | Measure::Betweenness => WalkDirection::Both,
        };
        let filter = RelationFilter::with_classes(classes, direction).within(window);
        let scores = self.scores(measure, &filter)?;
        let ranked = self.ranked(scores, kinds, count);
        let mut report = Report::new(
            "top",
            format!(
                "the {} most central {} by {} ({}{})",
                ranked.len(),
                kinds_text(kinds),
                measure.name(),
                filter_text(&filter),
                match measure {
                    Measure::PageRank => ", from subject to object",
                    _ => ", either way",
                }
            ),
        );
        if measure == Measure::Betweenness && self.graph.betweenness_is_estimated() {
            report.notes.push(format!(
                "betweenness is estimated from {BETWEENNESS_PIVOTS} source entities drawn with a fixed \
                 seed, since the graph has more than {BETWEENNESS_EXACT_LIMIT} entities"
            ));
        }
        report.entities = ranked.iter().map(|r| r.2).collect();
        report.table(
            "ranking",
            &["rank", "entity", "kind", measure.name()],
            ranked
                .into_iter()
                .enumerate()
                .map(|(index, (_, name, id, cell))| {
                    vec![(index + 1).into(), name.into(), self.kind(id).into(), cell]
                })
                .collect(),
        );
        Ok(report)
    }

    /// Every entity's score by `measure` through `filter`: the cell that shows it and the value it
    /// is ranked by.
    fn scores(
        &self,
        measure: Measure,
        filter: &RelationFilter,
    ) -> Result<Vec<(EntityId, Cell, f64)>, QueryError> {
        Ok(match measure {
            Measure::Degree => self
                .graph
                .degree_centrality(filter)
                .into_iter()
                .map(|(id, d)| (id, Cell::from(d), d as f64))
                .collect(),
            Measure::PageRank => self
                .graph
                .page_rank(filter, self.cancel)
                .map_err(|c| self.interrupted(c))?
                .into_iter()
                .map(|(id, r)| (id, Cell::Score(r), r))
                .collect(),
            Measure::Betweenness => self
                .graph
                .betweenness(filter, self.cancel)
                .map_err(|c| self.interrupted(c))?
                .into_iter()
                .map(|(id, b)| (id, Cell::Score(b), b))
                .collect(),
        })
    }

    /// The `count` best scores of entities of `kinds` (of any kind when it is empty), best first,
    /// ties by name: (rounded score, name, entity, cell).
    fn ranked(
        &self,
        scores: Vec<(EntityId, Cell, f64)>,
        kinds: &[EntityKind],
        count: usize,
    ) -> Vec<(f64, String, EntityId, Cell)> {
        let mut ranked: Vec<(f64, String, EntityId, Cell)> = scores
            .into_iter()
            .filter(|(id, _, _)| {
                kinds.is_empty()
                    || self
                        .graph
                        .entity(*id)
                        .is_some_and(|e| kinds.contains(&e.kind))
            })
            // Rounded so that floating-point noise cannot reorder ties between runs or machines.
            .map(|(id, cell, value)| ((value * 1e9).round() / 1e9, self.name(id), id, cell))
            .collect();
        ranked.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.cmp(&y.1)));
        ranked.truncate(count);
        ranked
    }

    /// `stats`
    fn stats(&self) -> Report {
        let mut fields: Vec<(String, Cell)> = vec![
            ("documents".into(), self.graph.documents().len().into()),
            ("entities".into(), self.graph.entity_count().into()),
        ];
        for kind in EntityKind::ALL {
            let count = self
                .graph
                .entities()
                .filter(|(_, e)| e.kind == kind)
                .count();
            if count > 0 {
                fields.push((format!("  {}", kind.name()), count.into()));
            }
        }
        fields.push(("relations".into(), self.graph.relation_count().into()));
        for (class, count) in self.graph.count_by_class() {
            if count > 0 {
                fields.push((format!("  {}", class.name()), count.into()));
            }
        }
        fields.push((
            "evidence sentences".into(),
            self.graph.evidence_count().into(),
        ));
        let mut report = Report::new(
            "stats",
            format!(
                "{}, {}, {}",
                counted(self.graph.documents().len(), "document", "documents"),
                counted(self.graph.entity_count(), "entity", "entities"),
                counted(self.graph.relation_count(), "relation", "relations")
            ),
        );
        report.sections.push(Section::Fields {
            name: "stats".into(),
            fields,
        });
        report
    }

    /// `docs`
    fn docs(&self) -> Report {
        let mut entities = vec![0usize; self.graph.documents().len()];
        for (_, entity) in self.graph.entities() {
            let mut seen: Vec<u32> = entity.mentions.iter().map(|m| m.document).collect();
            seen.dedup();
            for document in seen {
                if let Some(count) = entities.get_mut(document as usize) {
                    *count += 1;
                }
            }
        }
        let rows = self
            .graph
            .documents()
            .iter()
            .zip(entities)
            .enumerate()
            .map(|(index, (document, entities))| {
                vec![
                    (index + 1).into(),
                    document.name.clone().into(),
                    document.text.len().into(),
                    entities.into(),
                    document.hash.clone().into(),
                ]
            })
            .collect();
        let mut report = Report::new(
            "docs",
            counted(self.graph.documents().len(), "document", "documents"),
        );
        report.table(
            "documents",
            &["#", "document", "bytes", "entities", "hash"],
            rows,
        );
        report
    }
}

/// The note under a `paths` answer the limit cut short: how many paths it shows, of how many.
fn paths_cut_note(list: &PathList, max_hops: Option<usize>) -> String {
    match (list.total, max_hops) {
        (Some(total), None) => format!(
            "the limit cut the list: {} of {total} shortest paths shown; raise it with `limit`",
            list.paths.len()
        ),
        _ => format!(
            "the limit cut the list: the first {} shown, there are more; raise it with `limit`",
            list.paths.len()
        ),
    }
}

/// `help` and `help TOPIC`.
fn help(topic: Option<&str>) -> Report {
    match topic.and_then(command_help) {
        Some(command) => {
            let mut report = Report::new("help", command.syntax.to_string());
            report.sections.push(Section::Text {
                name: "help".into(),
                lines: vec![
                    command.summary.to_string(),
                    format!("example: {}", command.example),
                ],
            });
            report
        }
        None => {
            let mut report = Report::new(
                "help",
                "commands (names are case-insensitive; quote names with spaces; # starts a comment)".into(),
            );
            let rows = |commands: &[super::commands::CommandHelp]| {
                commands
                    .iter()
                    .map(|c| vec![c.syntax.into(), c.summary.into()])
                    .collect()
            };
            report.table("queries", &["query", "answers"], rows(VERBS));
            report.table(
                "meta-commands",
                &["meta-command", "does"],
                rows(META_COMMANDS),
            );
            report
        }
    }
}
