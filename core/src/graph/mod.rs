//! The multi-stage build graph (issue 5): which stages a target builds and
//! what they depend on (`model`), a deterministic layered layout
//! (`layout`), and drawings of it as SVG and Graphviz DOT (`svg`, `dot`).

pub mod layout;

pub use layout::{layout, EdgeRoute, EdgeSpec, GraphSpec, Layout, NodeBox, NodeSpec, Point, Shape};
