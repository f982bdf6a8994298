//! The same Dockerfile priced on the base's variants: the core's SVG bar
//! chart, then one choice per base with its total and caveats. Choosing a
//! base re-prices the whole panel on it.

use std::rc::Rc;

use dockerplay_core::size::{comparison_svg_in, megabytes, BaseOption};
use yew::prelude::*;

use crate::components::size_panel::{range_text, short_reference};
use crate::i18n::{texts, Lang};

#[derive(Properties, PartialEq)]
pub struct BaseChartProps {
    pub lang: Lang,
    /// The written base first, as `size::compare_bases` returns them.
    pub options: Rc<Vec<BaseOption>>,
    /// The base the panel is re-priced on (`None`: the one written).
    pub chosen: Option<String>,
    pub on_choose: Callback<Option<String>>,
}

/// The chart for inline use: the core's `<style>` would apply to the whole
/// page (inline SVG styles are not scoped), so it is dropped and size.css
/// styles the same classes under `.size-chart`.
pub fn inline_chart(options: &[BaseOption], lang: Lang) -> String {
    let svg = comparison_svg_in(options, lang.core());
    match (svg.find("<style>"), svg.find("</style>")) {
        (Some(a), Some(b)) if b > a => format!("{}{}", &svg[..a], &svg[b + "</style>".len()..]),
        _ => svg,
    }
}

#[component]
pub fn BaseChart(props: &BaseChartProps) -> Html {
    let t = texts(props.lang);
    if props.options.len() < 2 {
        return html! {};
    }
    let chart = Html::from_html_unchecked(AttrValue::from(inline_chart(&props.options, props.lang)));
    let choice = |o: &BaseOption| {
        let selected = match &props.chosen {
            Some(c) => *c == o.reference,
            None => o.current,
        };
        let value = (!o.current).then(|| o.reference.clone());
        let onchange = props.on_choose.reform(move |_: Event| value.clone());
        html! {
            // `role="none"`: the list is a radio group, so its items are not
            // list items to assistive technology.
            <li role="none" class={classes!("size-option", selected.then_some("selected"))}>
                <label>
                    <input type="radio" name="size-base" value={o.reference.clone()} checked={selected} {onchange} />
                    <span class="size-ref">{ short_reference(&o.reference) }</span>
                    if o.current {
                        <span class="size-tag">{ t.size_as_written }</span>
                    }
                    <span class="size-num">{ megabytes(o.uncompressed) }</span>
                    if o.low != o.high {
                        <span class="size-basis size-range" title={t.size_range_help}>{ range_text(o.low, o.high, megabytes) }</span>
                    }
                </label>
                if !o.caveats.is_empty() {
                    <ul class="size-caveats">{ for o.caveats.iter().map(|c| html! { <li>{ c.render(props.lang.core()) }</li> }) }</ul>
                }
            </li>
        }
    };
    html! {
        <section class="size-section size-compare">
            <h3>{ t.size_compare }</h3>
            <p class="size-help">{ t.size_compare_help }</p>
            <div class="size-chart-wrap">{ chart }</div>
            <p class="size-legend">
                <span class="swatch base"></span>{ t.size_chart_base }
                <span class="swatch added"></span>{ t.size_chart_added }
            </p>
            <ul class="size-options" role="radiogroup" aria-label={t.size_compare}>
                { for props.options.iter().map(choice) }
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dockerplay_core::inputs::BuildInput;
    use dockerplay_core::size::{compare_bases, SizeOptions};

    #[test]
    fn the_inline_chart_has_no_page_wide_style_but_keeps_its_bars() {
        let input = BuildInput { dockerfile: "FROM python:3.12\nRUN echo hi > /a\n".into(), ..Default::default() };
        let (options, _) = compare_bases(&input, &SizeOptions::default());
        let svg = inline_chart(&options, Lang::En);
        assert!(!svg.contains("<style>"), "{svg}");
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert_eq!(svg.matches("class=\"base\"").count(), options.len());
    }

    /// The caveats come worded by core in the page's language: Chinese
    /// with no placeholder left, in the list and in the chart's tooltips.
    #[test]
    fn every_caveat_the_core_gives_reads_in_chinese() {
        let mut seen = 0;
        for dockerfile in [
            "FROM python:3.12\nRUN apt-get install -y curl\nRUN ./x.sh\n",
            "FROM node:20-slim\nRUN echo hi > /a\n",
            "FROM example.com/a/b:1\nRUN true\n",
        ] {
            let input = BuildInput { dockerfile: dockerfile.into(), ..Default::default() };
            let (options, _) = compare_bases(&input, &SizeOptions::default());
            for c in options.iter().flat_map(|o| &o.caveats) {
                let text = c.render(Lang::Zh.core());
                assert!(text.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)), "untranslated: {c}");
                assert!(c.is_complete(), "{}", c.id());
                seen += 1;
            }
            let chart = inline_chart(&options, Lang::Zh);
            assert!(options.iter().all(|o| o.caveats.iter().all(|c| chart.contains(&c.render(Lang::Zh.core())))));
        }
        assert!(seen >= 6, "the scenarios should raise most caveats, got {seen}");
    }
}
