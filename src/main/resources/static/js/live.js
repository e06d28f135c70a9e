// Every signed-in page listens to the member's live stream: a new inquiry or trigger call is shown
// at the top of the page with a link to its call screen, heard, flashed in the tab's title and, when
// the member allowed it, sent as a desktop notification. Today's queue reloads at once. Appointments
// are announced five minutes before they start, on whatever page is open, until their call is logged.
(function () {
    const ft = (window.FollowThrough = window.FollowThrough || {});
    ft.sounds = 0; // how many alerts were played: lets a test tell the sound really went out
    ft.soundState = () => (audio ? audio.state : "none");

    // One audio context for the page. Chrome starts a context made before any click or key press
    // suspended (autoplay policy), so it is made, or resumed, on the member's first gesture.
    let audio = null;
    function audioContext() {
        if (!audio) {
            const Context = window.AudioContext || window.webkitAudioContext;
            audio = Context ? new Context() : null;
        }
        return audio;
    }
    function unlockSound() {
        const context = audioContext();
        if (context && context.state === "suspended") {
            context.resume().catch(() => {});
        }
        if (!context || context.state === "running") {
            document.removeEventListener("click", unlockSound, true);
            document.removeEventListener("keydown", unlockSound, true);
        }
    }
    document.addEventListener("click", unlockSound, true);
    document.addEventListener("keydown", unlockSound, true);

    function play(notes) {
        const context = audioContext();
        if (!context) {
            return;
        }
        if (context.state === "suspended") {
            context.resume().catch(() => {});
        }
        let at = context.currentTime;
        for (const frequency of notes) {
            const tone = context.createOscillator();
            const gain = context.createGain();
            tone.frequency.value = frequency;
            gain.gain.value = 0.2;
            tone.connect(gain).connect(context.destination);
            tone.start(at);
            tone.stop(at + 0.18);
            at += 0.24;
        }
        ft.sounds += 1;
    }

    // The tab's title blinks until the member is back on the page: the sound may be muted.
    const title = document.title;
    let blinking = null;
    function blinkTitle(text) {
        stopBlinking();
        let on = false;
        blinking = setInterval(() => {
            on = !on;
            document.title = on ? "● " + text : title;
        }, 1000);
        setTimeout(stopBlinking, 60000);
    }
    function stopBlinking() {
        if (blinking) {
            clearInterval(blinking);
            blinking = null;
            document.title = title;
        }
    }
    window.addEventListener("focus", () => setTimeout(stopBlinking, 3000));
    document.addEventListener("keydown", () => setTimeout(stopBlinking, 3000));

    function notify(text, body, href, tag) {
        if (!("Notification" in window) || Notification.permission !== "granted") {
            return;
        }
        const shown = new Notification(text, { body: body, tag: tag });
        shown.onclick = () => {
            window.focus();
            location.href = href;
        };
    }

    function region() {
        return document.getElementById("live-alerts");
    }

    /** Shows an alert once per key; returns it, or null when there is no alert area on this page. */
    function show(kind, key, text, body, href, action) {
        const area = region();
        if (!area) {
            return null;
        }
        const existing = Array.from(area.children).find((el) => el.dataset.key === key);
        if (existing) {
            return existing;
        }
        const alert = document.createElement("div");
        alert.className = "live-alert " + kind;
        alert.dataset.key = key;
        const what = document.createElement("strong");
        what.textContent = text;
        alert.append(what, " ", body, " ");
        const link = document.createElement("a");
        link.href = href;
        link.className = "button";
        link.textContent = action;
        const close = document.createElement("button");
        close.type = "button";
        close.className = "link dismiss";
        close.textContent = "Dismiss";
        close.setAttribute("aria-label", "Dismiss: " + text);
        close.addEventListener("click", () => alert.remove());
        alert.append(link, " ", close);
        area.prepend(alert);
        return alert;
    }

    function callScreen(prospectId, taskId) {
        const ids = /^[0-9a-f-]{36}$/i;
        if (!ids.test(prospectId)) {
            return "/today";
        }
        return "/prospects/" + prospectId + "/call" + (ids.test(taskId || "") ? "?task=" + taskId : "");
    }

    function raised(kind, event) {
        let task;
        try {
            task = JSON.parse(event.data);
        } catch (unreadable) {
            return;
        }
        const text = kind === "inbound" ? "New inquiry" : "Trigger event";
        const who = task.prospectName || "a prospect";
        const body = who + (task.reason ? " — " + task.reason : "") + ". It is at the top of your queue.";
        const href = callScreen(task.prospectId, task.taskId);
        show(kind, task.taskId || event.lastEventId, text + ":", body, href, "Call now");
        play([880, 1175]);
        blinkTitle(text);
        notify(text + ": " + who, task.reason || "", href, task.taskId);
        document.body.dispatchEvent(new Event("queue-changed"));
    }

    // Appointments: the server says which are coming and what time it is (it may run on a set
    // clock); the page keeps the difference and sets a timer for five minutes before each.
    const LEAD_MS = 5 * 60 * 1000;
    const heard = new Set(JSON.parse(sessionStorage.getItem("followthrough.announced") || "[]"));
    const timers = new Map();
    let skew = 0;

    function serverNow() {
        return Date.now() + skew;
    }

    function announce(appointment) {
        const alert = show(
            "appointment",
            appointment.taskId,
            "Appointment at " + appointment.yourTime + ":",
            appointment.prospectName + " (" + appointment.prospectTime + " their time) — be ready to call on the minute.",
            callScreen(appointment.prospectId, appointment.taskId),
            "Open the call screen");
        if (!alert) {
            return;
        }
        alert.dataset.at = appointment.at;
        if (!alert.dataset.shownAt) {
            alert.dataset.shownAt = new Date(serverNow()).toISOString();
        }
        if (!heard.has(appointment.taskId)) {
            heard.add(appointment.taskId);
            sessionStorage.setItem("followthrough.announced", JSON.stringify(Array.from(heard).slice(-50)));
            play([660, 880, 660]);
            blinkTitle("Appointment at " + appointment.yourTime);
            notify("Appointment at " + appointment.yourTime, appointment.prospectName, alert.querySelector("a").href,
                appointment.taskId);
        }
    }

    function plan(appointments) {
        const open = new Set(appointments.map((a) => a.taskId));
        const area = region();
        if (area) {
            for (const alert of area.querySelectorAll(".live-alert.appointment")) {
                if (!open.has(alert.dataset.key)) {
                    alert.remove(); // its call was logged
                }
            }
        }
        for (const [taskId, timer] of timers) {
            clearTimeout(timer);
            timers.delete(taskId);
        }
        for (const appointment of appointments) {
            const wait = Date.parse(appointment.at) - LEAD_MS - serverNow();
            if (wait <= 0) {
                announce(appointment);
            } else if (wait < 24 * 60 * 60 * 1000) {
                timers.set(appointment.taskId, setTimeout(() => announce(appointment), wait));
            }
        }
    }

    function loadAppointments() {
        fetch("/today/appointments", { headers: { Accept: "application/json" }, credentials: "same-origin" })
            .then((response) => (response.ok ? response.json() : null))
            .then((upcoming) => {
                if (upcoming) {
                    skew = Date.parse(upcoming.now) - Date.now();
                    plan(upcoming.appointments);
                    ft.appointmentsLoaded = (ft.appointmentsLoaded || 0) + 1;
                }
            })
            .catch(() => {});
    }

    document.addEventListener("DOMContentLoaded", () => {
        if (!region()) {
            return; // not signed in
        }
        const stream = new EventSource("/today/live");
        stream.addEventListener("hello", () => (ft.listening = true));
        stream.addEventListener("inbound", (event) => raised("inbound", event));
        stream.addEventListener("trigger", (event) => raised("trigger", event));
        window.addEventListener("pagehide", () => stream.close());
        loadAppointments();
        setInterval(loadAppointments, 60000);
        ft.reloadAppointments = loadAppointments;
    });
})();
