package org.followthrough.scripts.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.scripts.Article;
import org.followthrough.scripts.ArticleDraft;
import org.followthrough.scripts.Articles;
import org.followthrough.team.Actor;
import org.followthrough.web.FormErrors;
import org.followthrough.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The article library, with the API's rules: anyone adds; whoever added an article, and managers
 * and admins, change or remove it. Topics and industries are typed as comma-separated labels.
 */
@Controller
@Page
class ArticlePages {

    record ArticleForm(String title, String link, String topics, String industries) {
        static ArticleForm of(Article a) {
            return new ArticleForm(
                    a.title(), a.link(), String.join(", ", a.topics()), String.join(", ", a.industries()));
        }

        ArticleDraft draft() {
            return new ArticleDraft(title, link, labels(topics), labels(industries));
        }

        private static List<String> labels(String text) {
            return text == null
                    ? List.of()
                    : Arrays.stream(text.split(","))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
        }
    }

    record Row(Article article, boolean editable) {}

    private final Articles articles;

    ArticlePages(Articles articles) {
        this.articles = articles;
    }

    @GetMapping("/articles")
    String list(Actor actor, Model model) {
        return list(actor, new ArticleForm("", "", "", ""), FormErrors.none(), model);
    }

    @PostMapping("/articles")
    String add(ArticleForm form, Actor actor, Model model) {
        try {
            articles.add(form.draft(), actor);
        } catch (InvalidInput invalid) {
            return list(actor, form, FormErrors.of(invalid), model);
        }
        return "redirect:/articles?added";
    }

    @GetMapping("/articles/{id}")
    String edit(@PathVariable UUID id, Model model) {
        var article = articles.find(id).orElseThrow(() -> Refusal.notFound("article", id));
        return editor(article, ArticleForm.of(article), FormErrors.none(), model);
    }

    @PostMapping("/articles/{id}")
    String change(@PathVariable UUID id, ArticleForm form, Actor actor, Model model) {
        var article = articles.find(id).orElseThrow(() -> Refusal.notFound("article", id));
        try {
            articles.change(id, form.draft(), actor);
        } catch (InvalidInput invalid) {
            return editor(article, form, FormErrors.of(invalid), model);
        }
        return "redirect:/articles?changed";
    }

    @PostMapping("/articles/{id}/delete")
    String remove(@PathVariable UUID id, Actor actor) {
        articles.remove(id, actor);
        return "redirect:/articles?removed";
    }

    private String list(Actor actor, ArticleForm form, Map<String, String> errors, Model model) {
        model.addAttribute(
                "rows",
                articles.all().stream()
                        .map(a -> new Row(a, actor.seesWholeTeam() || actor.id().equals(a.addedBy())))
                        .toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "scripts/articles";
    }

    private String editor(Article article, ArticleForm form, Map<String, String> errors, Model model) {
        model.addAttribute("article", article);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "scripts/article";
    }
}
