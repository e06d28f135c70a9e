package org.followthrough.desk.web;

import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.PlainText;
import org.followthrough.team.Actor;
import org.followthrough.touches.Notes;
import org.followthrough.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A note, or an email the rep sent from their own mailbox, written on the prospect's timeline from
 * their page ({@code POST /api/v1/prospects/{id}/notes} in the browser). A refusal comes back next to
 * the text, with the text kept. The call screen shows the same form (the prospect page's fragment) and
 * comes back to the same call.
 */
@Controller
@Page
class NoteForm {

    private final Notes notes;

    NoteForm(Notes notes) {
        this.notes = notes;
    }

    @PostMapping("/prospects/{id}/notes")
    String add(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "NOTE") String kind,
            @RequestParam(defaultValue = "") @PlainText.MultiLine String text,
            @RequestParam(required = false) String back,
            @RequestParam(required = false) UUID task,
            RedirectAttributes redirect) {
        try {
            var noted = notes.add(actor, id, new Notes.NewNote(kind, text, null));
            redirect.addFlashAttribute(
                    "noted", noted.kind().equals("EMAIL") ? "Email added to the timeline." : "Note added.");
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute(
                    "noteError",
                    String.join(
                            "; ",
                            invalid.problems().stream()
                                    .map(InvalidInput.FieldProblem::message)
                                    .toList()));
            redirect.addFlashAttribute("noteText", text);
            redirect.addFlashAttribute("noteKind", kind);
        }
        if ("call".equals(back)) {
            // written from the call screen: back to the same call, the form where it was
            if (task != null) {
                redirect.addAttribute("task", task);
            }
            return "redirect:/prospects/" + id + "/call#note";
        }
        return "redirect:/prospects/" + id + "#note";
    }
}
