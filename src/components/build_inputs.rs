//! The build's other inputs: `--build-arg` values and the `--target` stage.

use std::collections::BTreeMap;
use std::rc::Rc;

use dockerplay_core::syntax::Args;
use yew::prelude::*;

use crate::analysis::AnalysisRef;
use crate::i18n::{texts, Lang};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct BuildInputsProps {
    pub lang: Lang,
    pub analysis: AnalysisRef,
    pub build_args: Rc<BTreeMap<String, String>>,
    pub target: Option<String>,
    pub on_action: Callback<Action>,
}

/// Names of the ARGs the Dockerfile declares, global or in a stage, sorted.
pub fn declared_args(analysis: &AnalysisRef) -> Vec<String> {
    let mut names: Vec<String> = analysis
        .file
        .instructions
        .iter()
        .filter_map(|i| match &i.args {
            Args::Arg(decls) => Some(decls.iter().map(|d| d.name.clone())),
            _ => None,
        })
        .flatten()
        .collect();
    names.sort();
    names.dedup();
    names
}

#[component]
pub fn BuildInputs(props: &BuildInputsProps) -> Html {
    let t = texts(props.lang);
    let name_ref = use_node_ref();
    let value_ref = use_node_ref();
    let declared = declared_args(&props.analysis);

    let stages: Vec<String> = props.analysis.file.stages.iter().filter_map(|s| s.name.clone()).collect();
    let on_target = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            on_action.emit(Action::SetTarget((!value.is_empty()).then_some(value)));
        })
    };
    let target = props.target.clone().unwrap_or_default();
    let unknown_target = !target.is_empty() && !stages.iter().any(|s| s.eq_ignore_ascii_case(&target));

    let on_add = {
        let (on_action, name_ref, value_ref) = (props.on_action.clone(), name_ref.clone(), value_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (Some(name), Some(value)) =
                (name_ref.cast::<web_sys::HtmlInputElement>(), value_ref.cast::<web_sys::HtmlInputElement>())
            else {
                return;
            };
            let key = name.value().trim().to_string();
            if key.is_empty() {
                return;
            }
            on_action.emit(Action::SetBuildArg { name: key, value: Some(value.value()) });
            name.set_value("");
            value.set_value("");
            let _ = name.focus();
        })
    };

    let arg_row = |(name, value): (&String, &String)| {
        let on_value = {
            let (on_action, name) = (props.on_action.clone(), name.clone());
            Callback::from(move |e: Event| {
                let value = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                on_action.emit(Action::SetBuildArg { name: name.clone(), value: Some(value) });
            })
        };
        let on_remove = {
            let (on_action, name) = (props.on_action.clone(), name.clone());
            Callback::from(move |_: MouseEvent| on_action.emit(Action::SetBuildArg { name: name.clone(), value: None }))
        };
        let undeclared = !declared.contains(name);
        html! {
            <li class="arg-row" data-arg={name.clone()}>
                <code class="arg-name">{ name }</code>
                <span class="eq">{ "=" }</span>
                <input type="text" spellcheck="false" value={value.clone()} aria-label={format!("{name} {}", t.args_value)} onchange={on_value} />
                <button type="button" class="btn small icon-only" aria-label={t.args_remove.replace("{name}", name)}
                    title={t.args_remove.replace("{name}", name)} onclick={on_remove}>{ "×" }</button>
                if undeclared {
                    <small class="note warn">{ t.args_undeclared }</small>
                }
            </li>
        }
    };

    html! {
        <div class="build-inputs">
            <label class="field">
                <span>{ t.target_label }</span>
                <select class="target-select" onchange={on_target}>
                    <option value="" selected={target.is_empty()}>{ t.target_last }</option>
                    { for stages.iter().map(|s| html! {
                        <option value={s.clone()} selected={s.eq_ignore_ascii_case(&target)}>{ s }</option>
                    }) }
                    if unknown_target {
                        <option value={target.clone()} selected=true>{ &target }</option>
                    }
                </select>
            </label>
            <div class="field">
                <span>{ t.args_label }</span>
                if props.build_args.is_empty() {
                    <p class="note">{ t.args_none }</p>
                } else {
                    <ul class="args">{ for props.build_args.iter().map(arg_row) }</ul>
                }
                <form class="arg-add" onsubmit={on_add}>
                    <input ref={name_ref} type="text" spellcheck="false" autocapitalize="off" placeholder={t.args_name}
                        aria-label={t.args_name} list="declared-args" />
                    <span class="eq">{ "=" }</span>
                    <input ref={value_ref} type="text" spellcheck="false" placeholder={t.args_value} aria-label={t.args_value} />
                    <button type="submit" class="btn small">{ t.args_add }</button>
                    <datalist id="declared-args">
                        { for declared.iter().filter(|n| !props.build_args.contains_key(*n)).map(|n| html! { <option value={n.clone()} /> }) }
                    </datalist>
                </form>
            </div>
        </div>
    }
}
