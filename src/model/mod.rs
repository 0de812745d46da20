//! The model floor: the vocabulary every stage shares, and nothing else. It imports no stage.
//!
//! - [`Span`]: a byte range into a source text.
//! - [`EntityKind`] and [`RelationClass`]: what sort of thing an entity is, what sort of link a relation.
//! - [`Period`]: the years a sentence speaks of.
//! - [`Rule`] and [`RuleName`]: which extraction rule read a relation.
//! - [`Symbol`]: interned text, for predicates and rule names repeated on every relation.
//! - [`EdgeKey`] and [`Statement`]: what makes two relations one edge.
//! - [`name_key()`], [`surface_key()`], [`entity_key()`]: the normalised forms names are grouped, looked up
//!   and exported under.
//! - [`terminal_safe()`]: text with its control characters shown, for printing on a terminal.

pub mod edge_key;
pub mod entity_key;
pub mod entity_kind;
pub mod name_key;
pub mod period;
pub mod relation_class;
pub mod rule;
pub mod span;
pub mod symbol;
pub mod terminal_text;

pub use edge_key::{EdgeKey, Statement};
pub use entity_key::entity_key;
pub use entity_kind::EntityKind;
pub use name_key::{name_key, surface_key};
pub use period::Period;
pub use relation_class::RelationClass;
pub use rule::{Rule, RuleName};
pub use span::Span;
pub use symbol::Symbol;
pub use terminal_text::terminal_safe;
