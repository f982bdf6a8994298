//! One function component per file.

pub mod app;
pub mod banner;
pub mod base_chart;
pub mod build_inputs;
pub mod cache_panel;
pub mod ci_view;
pub mod coming;
pub mod context_panel;
pub mod dialog;
pub mod editor;
pub mod findings_marks;
pub mod findings_panel;
pub mod gallery;
pub mod graph_panel;
pub mod header;
pub mod icons;
pub mod layer_list;
pub mod lesson_player;
pub mod outline;
pub mod panels;
pub mod problems;
pub mod rule_doc;
pub mod share_dialog;
pub mod size_panel;
pub mod steps_table;
pub mod update_banner;
