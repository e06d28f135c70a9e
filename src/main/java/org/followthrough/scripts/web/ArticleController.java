package org.followthrough.scripts.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.followthrough.scripts.Article;
import org.followthrough.scripts.ArticleDraft;
import org.followthrough.scripts.Articles;
import org.followthrough.team.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The article library: anyone adds; whoever added an article, managers and admins change or remove it. */
@RestController
@RequestMapping("/api/v1/articles")
class ArticleController {

    private final Articles articles;

    ArticleController(Articles articles) {
        this.articles = articles;
    }

    @GetMapping
    List<Article> list() {
        return articles.all();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<Article> add(@RequestBody ArticleDraft draft, Actor actor) {
        var article = articles.add(draft, actor);
        return ResponseEntity.created(URI.create("/api/v1/articles/" + article.id()))
                .body(article);
    }

    @PutMapping("/{id}")
    Article change(@PathVariable UUID id, @RequestBody ArticleDraft draft, Actor actor) {
        return articles.change(id, draft, actor);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable UUID id, Actor actor) {
        articles.remove(id, actor);
        return ResponseEntity.noContent().build();
    }
}
