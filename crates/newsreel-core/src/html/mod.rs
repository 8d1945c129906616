//! Text and HTML: plain-text clean-up and HTML's number and entity rules
//! (`text`), a neutral HTML tree (`markup`), the allowlist sanitiser that
//! copies an article body from it (`sanitize`), and the DOM programs both
//! shells build from (`build`).

pub mod build;
pub mod markup;
pub mod sanitize;
pub mod text;
