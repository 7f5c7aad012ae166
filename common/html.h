/*
 * html.h - the plain text of a post's HTML (Mastodon's content), the way a
 * reader sees it.
 *
 * Tags are dropped.  A paragraph break (</p><p>, and the other block
 * elements) becomes a blank line, <br> a newline, <li> a new line.  Raw
 * line breaks in the HTML are white space, as in a browser.  Character
 * references are decoded: the named ones in common use (&amp; &lt; &gt;
 * &quot; &apos; &nbsp; &hellip; ...) and numeric ones (&#39; &#x1F600;);
 * an unknown name stays as written, a number that is no character becomes
 * U+FFFD.  Mastodon splits a link's text into "invisible" and "ellipsis"
 * spans that a browser hides or cuts with CSS; here the whole link text
 * is kept (no "..." added), so the full URL is in the text.  White space
 * at the start and end is trimmed.
 */
#ifndef HTML_H
#define HTML_H

#include <stddef.h>

#include "buf.h"

/* The text of html[0..len), appended to out. */
void	html_to_text(const char *html, size_t len, struct buf *out);
/* Only the character references of s[0..len) decoded, appended to out. */
void	html_unescape(const char *s, size_t len, struct buf *out);

#endif
