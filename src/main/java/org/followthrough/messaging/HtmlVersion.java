package org.followthrough.messaging;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML version of a plain-text email: the same words, escaped, with its links clickable, paragraphs
 * kept, and the one-pixel image whose loading tells the email was opened. The plain text stays the
 * first part, so a mail client that shows text shows exactly what the template wrote.
 */
final class HtmlVersion {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");

    private HtmlVersion() {}

    static String of(String text, URI pixel) {
        var html = new StringBuilder(text.length() * 2 + 200);
        html.append("<!DOCTYPE html><html><body style=\"font-family:sans-serif;font-size:15px;line-height:1.5\">");
        for (var paragraph : text.strip().split("\\n\\s*\\n")) {
            html.append("<p>")
                    .append(linked(HtmlUtils.htmlEscape(paragraph)).replace("\n", "<br>"))
                    .append("</p>");
        }
        html.append("<img src=\"")
                .append(HtmlUtils.htmlEscape(pixel.toString()))
                .append("\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0\">");
        return html.append("</body></html>").toString();
    }

    /** Links in already escaped text: escaping leaves their characters alone but for {@code &}. */
    private static String linked(String escaped) {
        var matcher = LINK.matcher(escaped);
        var out = new StringBuilder();
        while (matcher.find()) {
            var link = matcher.group();
            var trailing = "";
            while (!link.isEmpty() && ".,;:!?)".indexOf(link.charAt(link.length() - 1)) >= 0) {
                trailing = link.charAt(link.length() - 1) + trailing;
                link = link.substring(0, link.length() - 1);
            }
            matcher.appendReplacement(
                    out, Matcher.quoteReplacement("<a href=\"" + link + "\">" + link + "</a>" + trailing));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
