// The call screen's keyboard shortcuts: the first letter of an outcome logs it, unless the rep is
// typing or has turned shortcuts off (the choice is kept in this browser). "c" opens the next-step
// picker until a next step is chosen, since a connected call needs one; a wrong number asks first.
(function () {
    const SETTING = "followthrough.shortcuts";
    const enabled = () => localStorage.getItem(SETTING) !== "off";
    const form = document.querySelector("form.outcome-form");
    const toggle = document.getElementById("shortcuts-on");
    const hint = document.querySelector(".shortcut-hint");
    if (!form) {
        return; // the call was logged: nothing on this page logs it again
    }

    function showSetting() {
        toggle.checked = enabled();
        hint.textContent = enabled() ? "(keyboard: first letter)" : "(keyboard shortcuts off)";
    }
    toggle.addEventListener("change", () => {
        localStorage.setItem(SETTING, toggle.checked ? "on" : "off");
        showSetting();
    });
    showSetting();

    function nextStepChosen() {
        return Boolean(form.querySelector("input[name=slot]:checked")
            || form.querySelector("#appointmentAt").value
            || form.querySelector("#stage").value);
    }

    function openNextStep() {
        const picker = form.querySelector("details.next-step");
        picker.open = true;
        const first = picker.querySelector("input[name=slot]") || picker.querySelector("#appointmentAt");
        first.focus();
    }

    document.addEventListener("keydown", (event) => {
        const target = event.target;
        if (!enabled() || form.dataset.sending || event.ctrlKey || event.metaKey || event.altKey || event.repeat
            || target.closest("input, textarea, select, [contenteditable], summary")) {
            return;
        }
        const key = event.key.toLowerCase();
        const button = document.querySelector(`button[data-key="${key}"]`);
        if (!button) {
            return;
        }
        event.preventDefault();
        if (key === "c" && !nextStepChosen()) {
            openNextStep();
            return;
        }
        button.click();
    });

    // Sent once: a second click or key while the first is on its way would log the call again.
    form.addEventListener("submit", (event) => {
        if (event.defaultPrevented) {
            return;
        }
        if (form.dataset.sending) {
            event.preventDefault();
            return;
        }
        form.dataset.sending = "true";
        form.setAttribute("aria-busy", "true");
        // disabled after the browser has taken the clicked button's value into the form
        setTimeout(() => document.querySelectorAll("button[name=outcome]").forEach((b) => (b.disabled = true)), 0);
    });
    // Skip and snooze are sent once too.
    for (const other of document.querySelectorAll("form.once")) {
        other.addEventListener("submit", (event) => {
            if (other.dataset.sending) {
                event.preventDefault();
                return;
            }
            other.dataset.sending = "true";
            form.dataset.sending = "true";
        });
    }
    window.addEventListener("pageshow", () => {
        document.querySelectorAll("form.once").forEach((f) => delete f.dataset.sending);
        delete form.dataset.sending;
        form.removeAttribute("aria-busy");
        document.querySelectorAll("button[name=outcome]").forEach((b) => (b.disabled = false));
    });

    // After a refusal the rep sees why at once, not under the outcome bar; the R13 question has the focus.
    const refusal = form.querySelector(".confirm-lost, .field-error");
    if (refusal) {
        refusal.scrollIntoView({ block: "center" });
        const confirm = document.getElementById("confirm");
        if (confirm) {
            confirm.focus({ preventScroll: true });
        }
    }

    // Opening the number's link marks when the call started, by the server's clock (the page says what
    // time it was when it was drawn; the browser counts on from there), and the outcome keeps that time.
    const dialedAt = document.getElementById("dialedAt");
    const drawnAt = Date.now();
    const serverThen = Date.parse(dialedAt.dataset.serverNow);
    const dialed = document.querySelector(".dialed");
    for (const link of document.querySelectorAll("a.dial")) {
        link.addEventListener("click", () => {
            const started = new Date(serverThen + (Date.now() - drawnAt));
            dialedAt.value = started.toISOString();
            if (dialed) {
                const clock = document.querySelector("time.clock");
                const zone = clock ? clock.dataset.zone : undefined;
                dialed.textContent = "Call started " + started.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", timeZone: zone });
            }
        });
    }

    // Naming the objection opens its playbook beside the form.
    const objection = document.getElementById("objectionCategory");
    objection.addEventListener("change", () => {
        for (const playbook of document.querySelectorAll(".playbooks details[data-category]")) {
            playbook.open = playbook.dataset.category === objection.value;
            if (playbook.open) {
                playbook.scrollIntoView({ block: "nearest" });
            }
        }
    });
})();
