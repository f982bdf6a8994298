//! Inline SVG icons (24×24, stroke-drawn, `currentColor`), decorative only:
//! every button that shows one also has a text label or `aria-label`.

use yew::prelude::*;

fn icon(paths: Html) -> Html {
    html! {
        <svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"
             fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            { paths }
        </svg>
    }
}

pub fn logo() -> Html {
    html! {
        <svg class="logo" viewBox="0 0 32 32" width="26" height="26" aria-hidden="true" focusable="false">
            <rect x="2" y="13" width="28" height="12" rx="3" fill="var(--accent)" />
            <rect x="6" y="8" width="6" height="5" rx="1" fill="var(--accent-soft-strong)" />
            <rect x="13" y="8" width="6" height="5" rx="1" fill="var(--accent-soft-strong)" />
            <rect x="13" y="3" width="6" height="5" rx="1" fill="var(--accent-soft-strong)" />
            <rect x="20" y="8" width="6" height="5" rx="1" fill="var(--accent-soft-strong)" />
        </svg>
    }
}

pub fn sun() -> Html {
    icon(html! { <>
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </> })
}

pub fn moon() -> Html {
    icon(html! { <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" /> })
}

pub fn share() -> Html {
    icon(html! { <>
        <circle cx="18" cy="5" r="3" /><circle cx="6" cy="12" r="3" /><circle cx="18" cy="19" r="3" />
        <path d="M8.6 13.5l6.8 4M15.4 6.5l-6.8 4" />
    </> })
}

pub fn book() -> Html {
    icon(html! { <>
        <path d="M4 19.5A2.5 2.5 0 0 1 6.5 17H20V3H6.5A2.5 2.5 0 0 0 4 5.5z" />
        <path d="M4 19.5A2.5 2.5 0 0 0 6.5 22H20v-5" />
    </> })
}

pub fn globe() -> Html {
    icon(html! { <>
        <circle cx="12" cy="12" r="9" />
        <path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" />
    </> })
}

pub fn close() -> Html {
    icon(html! { <path d="M6 6l12 12M18 6L6 18" /> })
}
