//! Browser tests of the article-body sanitiser (`wasm-pack test --headless
//! --chrome` / `--firefox`): what survives, what is dropped, that sanitising
//! the output again changes nothing, and the element attributes that steer it
//! (`images="none"`, `target`).
#![cfg(target_arch = "wasm32")]

mod support;

use newsreel::sanitize::append_html;
use support::*;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// The sanitised HTML of `html`, serialised.
fn sanitise(html: &str, images: bool, target: Option<&str>) -> String {
    let doc = document();
    let into = doc.create_element("div").unwrap();
    append_html(&into, html, images, target).unwrap();
    into.inner_html()
}

fn clean(html: &str) -> String {
    sanitise(html, true, None)
}

/// Every element below the body, and every attribute name on them.
fn tags_and_attributes(html: &str) -> (Vec<String>, Vec<String>) {
    let doc = document();
    let holder = doc.create_element("div").unwrap();
    append_html(&holder, html, true, Some("_blank")).unwrap();
    let all = holder.query_selector_all("*").unwrap();
    let mut tags = Vec::new();
    let mut attributes = Vec::new();
    for i in 0..all.length() {
        let e: Element = wasm_bindgen::JsCast::dyn_into(all.item(i).unwrap()).unwrap();
        tags.push(e.local_name());
        let names = e.get_attribute_names();
        for n in names.iter() {
            attributes.push(n.as_string().unwrap());
        }
    }
    (tags, attributes)
}

#[wasm_bindgen_test]
fn allowed_structure_survives_as_written() {
    for html in [
        "<p>One <strong>bold</strong>, <em>em</em>, <b>b</b>, <i>i</i>, <u>u</u>, <s>s</s> and <mark>mark</mark>.</p>",
        "<h2>Head</h2><h3>Sub</h3><p>Line<br>break</p><hr>",
        "<ul><li>a</li><li>b</li></ul><ol start=\"3\" reversed=\"\"><li value=\"7\">c</li></ol>",
        "<dl><dt>term</dt><dd>definition</dd></dl>",
        "<blockquote cite=\"https://x.test/src\"><p>Quote</p></blockquote><p><q>q</q> <cite>Cite</cite></p>",
        "<figure><img width=\"1200\" height=\"675\" src=\"https://x.test/i.jpg\" alt=\"Baku\" loading=\"lazy\" decoding=\"async\" referrerpolicy=\"no-referrer\"><figcaption>Baku at night</figcaption></figure>",
        "<table><caption>T</caption><thead><tr><th scope=\"col\">h</th></tr></thead><tbody><tr><td colspan=\"2\">d</td></tr></tbody></table>",
        "<pre><code>let x = 1;\n  y</code></pre><p><code>c</code> <kbd>k</kbd> <samp>s</samp> <var>v</var> <sub>1</sub><sup>2</sup></p>",
        "<p><a href=\"https://x.test/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">link</a> <a href=\"/rel\" rel=\"noopener noreferrer\">rel</a> <a href=\"mailto:d@x.test\" rel=\"noopener noreferrer\">mail</a></p>",
        "<p lang=\"fr\" dir=\"rtl\" title=\"t\"><abbr title=\"North Atlantic Treaty Organization\">NATO</abbr> <time datetime=\"2026-01-15\">today</time> <del>old</del><ins>new</ins> <small>s</small> <span>span</span></p><div>div</div>",
    ] {
        assert_eq!(clean(html), html);
    }
}

#[wasm_bindgen_test]
fn dangerous_elements_go_with_their_content() {
    for (html, kept) in [
        ("<p>a</p><script>alert(1)</script><p>b</p>", "<p>a</p><p>b</p>"),
        ("<style>p{color:red}</style>text", "text"),
        ("<template><p>t</p></template>x", "x"),
        ("<iframe srcdoc=\"<script>alert(1)</script>\">inner</iframe>x", "x"),
        ("<object data=\"x.swf\"><p>fallback</p></object><embed src=\"x.swf\">x", "x"),
        ("<svg><script>alert(1)</script><text>t</text></svg>x", "x"),
        ("<math><mtext><p>m</p></mtext></math>x", "x"),
        ("x<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", "x"),
        ("<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">b</button><input value=\"v\"></form>x", "x"),
        ("<base href=\"javascript:alert(1)//\"><meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\"><link rel=\"stylesheet\" href=\"x.css\">x", "x"),
        ("<select><option>o</option></select><textarea>t</textarea><video src=\"v.mp4\">v</video>x", "x"),
    ] {
        assert_eq!(clean(html), kept, "{html}");
    }
}

#[wasm_bindgen_test]
fn unknown_harmless_elements_keep_their_text() {
    assert_eq!(clean("<font color=red>red</font> <center>mid</center>"), "red mid");
    assert_eq!(clean("<section><article><p>inside</p></article></section>"), "<p>inside</p>");
    assert_eq!(clean("<custom-tag onclick=\"alert(1)\">custom</custom-tag>"), "custom");
    assert_eq!(clean("<p><nobr>no</nobr><blink>bl</blink></p>"), "<p>nobl</p>");
}

#[wasm_bindgen_test]
fn no_attribute_outside_the_allowlist_survives() {
    let (tags, attributes) = tags_and_attributes(
        "<p id=\"x\" name=\"y\" class=\"pick\" part=\"headline\" style=\"background:url(javascript:alert(1))\" \
         onclick=\"alert(1)\" onmouseover=\"alert(1)\" data-id=\"n1\" tabindex=\"0\" role=\"button\" aria-label=\"a\">p</p>\
         <img src=\"/i.jpg\" srcset=\"javascript:alert(1) 1x\" onerror=\"alert(1)\" usemap=\"#m\" ismap=\"\" width=\"100px\">\
         <a href=\"/ok\" ping=\"https://t.test\" download=\"\" target=\"_top\" rel=\"opener\" form=\"f\" formaction=\"javascript:alert(1)\">a</a>\
         <img name=\"getElementById\" src=\"/j.jpg\"><form id=\"body\"></form>",
    );
    assert_eq!(tags, ["p", "img", "a", "img"]);
    let allowed = ["src", "alt", "loading", "decoding", "referrerpolicy", "href", "rel", "target"];
    for name in &attributes {
        assert!(allowed.contains(&name.as_str()), "attribute {name} survived");
    }
    assert_eq!(
        clean("<img src=\"/i.jpg\" width=\"100px\" height=\"5\">"),
        "<img height=\"5\" src=\"/i.jpg\" alt=\"\" loading=\"lazy\" decoding=\"async\" referrerpolicy=\"no-referrer\">"
    );
}

#[wasm_bindgen_test]
fn refused_urls_drop_the_link_or_image_but_keep_the_text() {
    assert_eq!(clean("<a href=\"javascript:alert(1)\">text</a>"), "<a>text</a>");
    assert_eq!(clean("<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>"), "<a>x</a>");
    assert_eq!(clean("<a href=\" java&#9;script:alert(1)\">x</a>"), "<a>x</a>");
    assert_eq!(clean("<a href=\"data:text/html,x\">d</a><a href=\"vbscript:x\">v</a>"), "<a>d</a><a>v</a>");
    assert_eq!(clean("<img src=\"javascript:alert(1)\" alt=\"a\">after"), "after");
    assert_eq!(clean("<img src=\"mailto:a@b.test\">x"), "x");
    assert_eq!(clean("<blockquote cite=\"javascript:alert(1)\">q</blockquote>"), "<blockquote>q</blockquote>");
}

#[wasm_bindgen_test]
fn markup_nested_past_the_depth_limit_is_flattened_to_text() {
    let deep = format!("{}deep{}", "<div>".repeat(5000), "</div>".repeat(5000));
    let out = clean(&deep);
    assert!(out.contains("deep"));
    assert!(out.matches("<div>").count() <= 48, "nesting is capped");
}

#[wasm_bindgen_test]
fn sanitising_the_output_again_changes_nothing() {
    for html in [
        "<p>a<marquee><p>b</p></marquee>c</p>",
        "<ul><li>a<section><li>b</li></section></li></ul>",
        "<dl><dt>a<nav><dd>b</dd></nav></dt></dl>",
        "<h1>a<center><h2>b</h2></center></h1>",
        "<a href=\"/1\">a<marquee><a href=\"/2\">b</a></marquee></a>",
        "<p><marquee><table><tr><td>cell</td></tr></table></marquee></p>",
        "<table><tr><td>x</td></tr><colgroup><col></colgroup></table>",
        "<pre>\n\nfirst line kept blank</pre><pre><font>\nx</font></pre>",
        "<li>loose<li>items",
        "<p>text<li>item</li></p>",
        "<b><p>bold para</p></b><i><div>i</div></i>",
        "<table><caption><p>c</p></caption><tr><td><a href=\"/a\"><table><tr><td><a href=\"/b\">n</a></td></tr></table></a></td></tr></table>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
        "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &nbsp;</p>",
        "x<table>y<tr>z<td>w</td></tr></table>",
        &format!("{}deep{}", "<ul><li>".repeat(60), "</li></ul>".repeat(60)),
    ] {
        let once = clean(html);
        let twice = clean(&once);
        assert_eq!(twice, once, "not idempotent for {html}");
    }
}

#[wasm_bindgen_test]
fn quieting_csp_reports_changes_nothing_that_is_shown() {
    // Attributes are renamed and <style> cut before parsing, only inside tags:
    // text and quoted values that look like them stay as written.
    for html in [
        "<p title=\"a style=b onclick=c\">Turn on the style</p>",
        "<p title='x>y onload=z'>on = style = <b>bold</b></p>",
        "<p>a &lt;style&gt; b</p><p>1 < 2 and 3 > 2, onerror=x</p>",
        "<pre><code>&lt;p style=\"x\" onclick=\"y\"&gt;</code></pre>",
    ] {
        assert_eq!(clean(html), clean(&clean(html)));
        assert!(clean(html).contains("style") || clean(html).contains("onerror"), "{html}");
    }
    assert_eq!(
        clean("<p title=\"a style=b onclick=c\">Turn on the style</p>"),
        "<p title=\"a style=b onclick=c\">Turn on the style</p>"
    );
    assert_eq!(clean("<p>1 < 2 and 3 > 2, onerror=x</p>"), "<p>1 &lt; 2 and 3 &gt; 2, onerror=x</p>");
    // What is renamed or cut was going to be dropped anyway.
    assert_eq!(
        clean("<p STYLE=\"color:red\" OnClick=x title=t>p</p><style>p{}</style><STYLE media=x>q{}</STYLE >after"),
        "<p title=\"t\">p</p>after"
    );
    assert_eq!(clean("<textarea><p style=x></textarea><p>kept</p><style>unclosed"), "<p>kept</p>");
    assert_eq!(clean("<!-- <p style=x> --><p>c</p><!--><p>d</p>"), "<p>c</p><p>d</p>");
}

#[wasm_bindgen_test]
fn links_get_rel_and_the_hosts_target() {
    assert_eq!(
        sanitise("<a href=\"https://x.test/\">x</a>", true, Some("_blank")),
        "<a href=\"https://x.test/\" rel=\"noopener noreferrer\" target=\"_blank\">x</a>"
    );
    // A link without an allowed URL gets no target either.
    assert_eq!(sanitise("<a href=\"javascript:x\">x</a>", true, Some("_blank")), "<a>x</a>");
}

#[wasm_bindgen_test]
fn images_none_leaves_out_every_image() {
    assert_eq!(
        sanitise("<figure><img src=\"/i.jpg\"><figcaption>c</figcaption></figure>", false, None),
        "<figure><figcaption>c</figcaption></figure>"
    );
    let json = r#"{"article":{"headline":"H","image":"https://x.test/lead.jpg","url":"https://x.test/a",
        "articleBody":"<p>Body <img src=\"https://x.test/in-body.jpg\"> <a href=\"https://x.test/more\">more</a></p>"}}"#;
    let with_images = mount_json_with(json, &[("target", "_blank")]);
    assert_eq!(with_images.get_attribute("state").as_deref(), Some("ready"));
    assert_eq!(shadow(&with_images).query_selector_all("img").unwrap().length(), 2);
    let body_link = part(&with_images, "body").query_selector("a").unwrap().unwrap();
    assert_eq!(body_link.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(part(&with_images, "link").get_attribute("target").as_deref(), Some("_blank"));
    with_images.remove();

    let without = mount_json_with(json, &[("images", "none")]);
    assert_eq!(without.get_attribute("state").as_deref(), Some("ready"));
    assert_eq!(shadow(&without).query_selector_all("img").unwrap().length(), 0);
    assert!(text(&part(&without, "body")).contains("Body"));
    assert_eq!(part(&without, "link").get_attribute("target"), None, "no target attribute: no target");
    // Switching the attribute re-renders.
    without.remove_attribute("images").unwrap();
    assert_eq!(shadow(&without).query_selector_all("img").unwrap().length(), 2);
    without.set_attribute("images", "none").unwrap();
    assert_eq!(shadow(&without).query_selector_all("img").unwrap().length(), 0);
    without.remove();
}
