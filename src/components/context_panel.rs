//! The virtual build context as a file tree: add, edit, rename, delete and
//! chmod files, add binary placeholders and empty folders. Files that
//! `.dockerignore` excludes, and files no built step reads, are marked.

use std::collections::BTreeSet;
use std::rc::Rc;

use dockerplay_core::cache::sha256;
use dockerplay_core::context::{clean_path, DOCKERIGNORE};
use dockerplay_core::inputs::{ContextFile, DirTag, FileBody};
use yew::prelude::*;

use crate::i18n::{texts, Lang, Texts};
use crate::live_cache::{file_use, ignored_paths, FileUse};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ContextPanelProps {
    pub lang: Lang,
    pub files: Rc<Vec<ContextFile>>,
    /// Context paths the built steps read.
    pub reads: Rc<BTreeSet<String>>,
    pub on_action: Callback<Action>,
}

/// One row of the tree: an entry of the context, or a folder implied by
/// the paths below it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub path: String,
    pub depth: usize,
    /// Index into the files; `None` for an implied folder.
    pub file: Option<usize>,
    pub is_dir: bool,
}

/// The tree's rows in display order: folders before files among siblings,
/// each folder followed by what it holds.
pub fn tree_rows(files: &[ContextFile]) -> Vec<Row> {
    let mut rows: Vec<(Vec<(bool, String)>, Row)> = Vec::new();
    let mut dirs = BTreeSet::new();
    for (i, f) in files.iter().enumerate() {
        let path = clean_path(&f.path);
        let parts: Vec<&str> = path.split('/').collect();
        for n in 1..parts.len() {
            dirs.insert(parts[..n].join("/"));
        }
        let key = parts.iter().enumerate().map(|(k, p)| (k + 1 == parts.len() && !f.is_dir(), p.to_string())).collect();
        let depth = parts.len() - 1;
        rows.push((key, Row { path: path.clone(), depth, file: Some(i), is_dir: f.is_dir() }));
    }
    for dir in dirs {
        if rows.iter().any(|(_, r)| r.path == dir) {
            continue;
        }
        let key = dir.split('/').map(|p| (false, p.to_string())).collect();
        rows.push((key, Row { depth: dir.matches('/').count(), path: dir, file: None, is_dir: true }));
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows.into_iter().map(|(_, r)| r).collect()
}

/// A path not yet taken, from `base` ("new-file.txt", "new-file-2.txt").
fn free_path(files: &[ContextFile], base: &str) -> String {
    let taken = |p: &str| files.iter().any(|f| clean_path(&f.path) == p);
    if !taken(base) {
        return base.to_string();
    }
    let (stem, ext) = base.rsplit_once('.').map_or((base, String::new()), |(s, e)| (s, format!(".{e}")));
    (2..).map(|n| format!("{stem}-{n}{ext}")).find(|p| !taken(p)).unwrap_or_default()
}

fn human_size(bytes: u64) -> String {
    match bytes {
        b if b < 1000 => format!("{b} B"),
        b if b < 1_000_000 => format!("{:.1} KB", b as f64 / 1000.0),
        b => format!("{:.1} MB", b as f64 / 1_000_000.0),
    }
}

fn blob_digest(path: &str, size: u64, salt: u32) -> String {
    sha256::digest(format!("{path} {size} {salt}").as_bytes())
}

#[component]
pub fn ContextPanel(props: &ContextPanelProps) -> Html {
    let t = texts(props.lang);
    let selected = use_state_eq(|| None::<String>);
    let error = use_state_eq(|| None::<&'static str>);
    let ignored = use_memo(props.files.clone(), |files| ignored_paths(files));
    let rows = use_memo(props.files.clone(), |files| tree_rows(files));

    let add = |make: fn(&[ContextFile]) -> ContextFile| {
        let (files, on_action, selected, error) =
            (props.files.clone(), props.on_action.clone(), selected.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            let file = make(&files);
            selected.set(Some(file.path.clone()));
            error.set(None);
            on_action.emit(Action::UpsertFile(file));
        })
    };
    let add_text = add(|files| ContextFile::text(&free_path(files, "new-file.txt"), ""));
    let add_binary = add(|files| {
        let path = free_path(files, "data.bin");
        let size = 1_048_576;
        ContextFile { body: FileBody::Blob { size, digest: blob_digest(&path, size, 0) }, path, mode: None }
    });
    let add_dir = add(|files| ContextFile {
        path: free_path(files, "new-folder"),
        body: FileBody::Dir { kind: DirTag::Dir },
        mode: None,
    });
    let add_ignore = add(|_| ContextFile::text(DOCKERIGNORE, ".git\nnode_modules\n"));
    let has_ignore = props.files.iter().any(|f| clean_path(&f.path) == DOCKERIGNORE);

    let row_html = |row: &Row| {
        let file = row.file.and_then(|i| props.files.get(i));
        let name = row.path.rsplit('/').next().unwrap_or(&row.path).to_string();
        let name = if row.is_dir { format!("{name}/") } else { name };
        let indent = format!("padding-left: {}px", 8 + row.depth * 16);
        let Some(file) = file else {
            return html! { <li class="ctx-row ctx-implied" style={indent}><span class="ctx-name">{ name }</span></li> };
        };
        let usage = file_use(&file.path, file.is_dir(), &ignored, &props.reads);
        let is_selected = selected.as_deref() == Some(file.path.as_str());
        let onclick = {
            let (selected, error, path) = (selected.clone(), error.clone(), file.path.clone());
            Callback::from(move |_: MouseEvent| {
                selected.set(Some(path.clone()));
                error.set(None);
            })
        };
        let mode = file.mode_bits();
        let default_mode = if file.is_dir() { 0o755 } else { 0o644 };
        html! {
            <li class={classes!("ctx-row", is_selected.then_some("selected"), format!("use-{usage:?}").to_lowercase())}
                style={indent} data-path={file.path.clone()}>
                <button type="button" class="ctx-name" aria-pressed={is_selected.to_string()} {onclick}>{ name }</button>
                if mode != default_mode {
                    <span class="ctx-mode">{ format!("{mode:o}") }</span>
                }
                if !file.is_dir() {
                    <span class="ctx-size">{ human_size(file.size()) }</span>
                }
                {
                    match usage {
                        FileUse::Ignored => html! { <span class="tag tag-ignored" title={t.ctx_ignored_title}>{ t.ctx_ignored }</span> },
                        FileUse::Unused => html! { <span class="tag tag-unused" title={t.ctx_unused_title}>{ t.ctx_unused }</span> },
                        _ => html! {},
                    }
                }
            </li>
        }
    };

    let current = selected.as_ref().and_then(|p| props.files.iter().find(|f| &f.path == p)).cloned();
    let editor = match current {
        Some(file) => file_editor(t, props, file, &selected, &error),
        None if !props.files.is_empty() => html! { <p class="ctx-hint">{ t.ctx_select }</p> },
        None => html! {},
    };

    html! {
        <div class="ctx">
            <div class="ctx-actions">
                <button type="button" class="btn small" onclick={add_text}>{ "+ " }{ t.ctx_add_file }</button>
                <button type="button" class="btn small" title={t.ctx_add_binary_title} onclick={add_binary}>{ "+ " }{ t.ctx_add_binary }</button>
                <button type="button" class="btn small" title={t.ctx_add_dir_title} onclick={add_dir}>{ "+ " }{ t.ctx_add_dir }</button>
                if !has_ignore {
                    <button type="button" class="btn small" onclick={add_ignore}>{ "+ " }{ DOCKERIGNORE }</button>
                }
            </div>
            if props.files.is_empty() {
                <p class="ctx-hint">{ t.ctx_empty }</p>
            } else {
                <ul class="ctx-tree">{ for rows.iter().map(row_html) }</ul>
            }
            { editor }
        </div>
    }
}

/// The form for the selected entry: path, mode, and its content or size.
fn file_editor(
    t: &'static Texts,
    props: &ContextPanelProps,
    file: ContextFile,
    selected: &UseStateHandle<Option<String>>,
    error: &UseStateHandle<Option<&'static str>>,
) -> Html {
    let on_rename = {
        let (files, on_action, selected, error, from) =
            (props.files.clone(), props.on_action.clone(), selected.clone(), error.clone(), file.path.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let to = clean_path(&input.value());
            if to == from {
                error.set(None);
            } else if to.is_empty() {
                error.set(Some(t.ctx_path_empty));
            } else if files.iter().any(|f| clean_path(&f.path) == to) {
                error.set(Some(t.ctx_path_taken));
            } else {
                error.set(None);
                selected.set(Some(to.clone()));
                on_action.emit(Action::RenameFile { from: from.clone(), to });
            }
        })
    };
    let on_mode = {
        let (on_action, error, file) = (props.on_action.clone(), error.clone(), file.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            let value = value.trim();
            match u32::from_str_radix(value, 8) {
                Ok(bits) if !value.is_empty() && bits <= 0o7777 => {
                    error.set(None);
                    on_action.emit(Action::UpsertFile(ContextFile { mode: Some(format!("{bits:o}")), ..file.clone() }));
                }
                _ => error.set(Some(t.ctx_mode_invalid)),
            }
        })
    };
    let on_delete = {
        let (on_action, selected, path) = (props.on_action.clone(), selected.clone(), file.path.clone());
        Callback::from(move |_: MouseEvent| {
            selected.set(None);
            on_action.emit(Action::RemoveFile(path.clone()));
        })
    };
    let body = match &file.body {
        FileBody::Text { content } => {
            let oninput = {
                let (on_action, file) = (props.on_action.clone(), file.clone());
                Callback::from(move |e: InputEvent| {
                    let content = e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value();
                    on_action
                        .emit(Action::UpsertFile(ContextFile { body: FileBody::Text { content }, ..file.clone() }));
                })
            };
            html! {
                <label class="field field-content">
                    <span>{ t.ctx_content }</span>
                    if clean_path(&file.path) == DOCKERIGNORE {
                        <small class="note">{ t.ctx_dockerignore_note }</small>
                    }
                    <textarea class="ctx-content" spellcheck="false" rows="6" value={content.clone()} {oninput} />
                </label>
            }
        }
        FileBody::Blob { size, digest } => {
            let on_size = {
                let (on_action, error, file) = (props.on_action.clone(), error.clone(), file.clone());
                Callback::from(move |e: Event| {
                    let value = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                    match value.trim().parse::<u64>() {
                        Ok(size) => {
                            error.set(None);
                            let digest = blob_digest(&file.path, size, 0);
                            on_action.emit(Action::UpsertFile(ContextFile {
                                body: FileBody::Blob { size, digest },
                                ..file.clone()
                            }));
                        }
                        Err(_) => error.set(Some(t.ctx_size)),
                    }
                })
            };
            let on_rehash = {
                let (on_action, file, size, digest) = (props.on_action.clone(), file.clone(), *size, digest.clone());
                Callback::from(move |_: MouseEvent| {
                    let digest = sha256::digest(format!("changed {digest}").as_bytes());
                    on_action.emit(Action::UpsertFile(ContextFile {
                        body: FileBody::Blob { size, digest },
                        ..file.clone()
                    }));
                })
            };
            html! {
                <div class="field-row">
                    <label class="field">
                        <span>{ t.ctx_size }</span>
                        <input type="number" min="0" value={size.to_string()} onchange={on_size} />
                    </label>
                    <button type="button" class="btn small" onclick={on_rehash}>{ t.ctx_new_digest }</button>
                    <small class="note">{ t.ctx_binary_note }<code class="digest">{ digest.chars().take(19).collect::<String>() }{ "…" }</code></small>
                </div>
            }
        }
        FileBody::Dir { .. } => html! { <p class="note">{ t.ctx_dir_note }</p> },
    };
    html! {
        <div class="ctx-editor" key={file.path.clone()}>
            <div class="field-row">
                <label class="field field-path">
                    <span>{ t.ctx_path }</span>
                    <input type="text" spellcheck="false" autocapitalize="off" value={file.path.clone()} onchange={on_rename} />
                </label>
                <label class="field field-mode">
                    <span>{ t.ctx_mode }</span>
                    <input type="text" inputmode="numeric" maxlength="4" value={format!("{:o}", file.mode_bits())} onchange={on_mode} />
                </label>
                <button type="button" class="btn small danger" onclick={on_delete}>{ t.ctx_delete }</button>
            </div>
            if let Some(message) = **error {
                <p class="ctx-error" role="alert">{ message }</p>
            }
            { body }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(paths: &[&str], expect: &[&str]) {
        let files: Vec<ContextFile> = paths
            .iter()
            .map(|p| match p.strip_suffix('/') {
                Some(dir) => ContextFile { path: dir.into(), body: FileBody::Dir { kind: DirTag::Dir }, mode: None },
                None => ContextFile::text(p, ""),
            })
            .collect();
        let got: Vec<String> = tree_rows(&files)
            .iter()
            .map(|r| {
                let mark = match (r.file, r.is_dir) {
                    (None, _) => "~",
                    (Some(_), true) => "/",
                    _ => "",
                };
                format!("{}{}{}", "  ".repeat(r.depth), r.path.rsplit('/').next().unwrap(), mark)
            })
            .collect();
        assert_eq!(got, expect, "{paths:?}");
    }

    #[test]
    fn the_tree_lists_folders_first_with_their_contents_below() {
        check(
            &["package.json", "src/index.js", "src/lib/a.js", ".dockerignore", "assets/", "./src/b.js"],
            &["assets/", "src~", "  lib~", "    a.js", "  b.js", "  index.js", ".dockerignore", "package.json"],
        );
        check(&[], &[] as &[&str]);
    }

    #[test]
    fn new_entries_get_a_free_path() {
        let files = vec![ContextFile::text("new-file.txt", ""), ContextFile::text("new-file-2.txt", "")];
        assert_eq!(free_path(&files, "new-file.txt"), "new-file-3.txt");
        assert_eq!(free_path(&files, "new-folder"), "new-folder");
    }
}
