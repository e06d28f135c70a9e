// Sends the CSRF token with every htmx request that changes something.
document.addEventListener("htmx:configRequest", (event) => {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});

// Buttons and forms that cannot be taken back ask first (data-confirm holds the question).
document.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-confirm]");
    if (button && !window.confirm(button.dataset.confirm)) {
        event.preventDefault();
        event.stopImmediatePropagation();
    }
}, true);

// A part of the page that htmx refreshes keeps the keyboard focus on the same link or button.
let focusBeforeSwap = null;
document.addEventListener("htmx:beforeSwap", (event) => {
    const active = document.activeElement;
    focusBeforeSwap = active && event.detail.target.contains(active) && active.getAttribute("href")
        ? active.getAttribute("href") : null;
});
document.addEventListener("htmx:afterSettle", (event) => {
    if (focusBeforeSwap) {
        const again = Array.from(document.querySelectorAll("a[href]"))
            .find((a) => a.getAttribute("href") === focusBeforeSwap);
        if (again) {
            again.focus();
        }
        focusBeforeSwap = null;
    }
});

// A live region that htmx refreshes while work runs is busy until it ends, so a screen reader
// announces the result once rather than every count on the way.
document.addEventListener("htmx:afterSettle", (event) => {
    const region = event.detail.elt.closest && event.detail.elt.closest("[aria-live][aria-busy]");
    const status = event.detail.elt.dataset && event.detail.elt.dataset.status;
    if (region && status) {
        region.setAttribute("aria-busy", String(status === "RUNNING"));
    }
});

// The header clock, in the member's own time zone and on the server's time (which may be an injected
// clock, not the browser's), written as the server writes it: "Tue 18 Aug, 09:00 EDT", 24 hours, with
// the zone's abbreviation the server gave while the offset is the same (after a change of summer time
// the offset, "GMT+2"). Ticks on the minute.
let serverSkew = 0;
function clockText(clock, at) {
    const zone = clock.dataset.zone;
    const parts = new Intl.DateTimeFormat("en-US", {
        timeZone: zone, weekday: "short", day: "numeric", month: "short",
        hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "longOffset",
    }).formatToParts(at);
    const part = (type) => (parts.find((p) => p.type === type) || {}).value || "";
    const offset = part("timeZoneName");
    const name = offset === clock.dataset.offset ? clock.dataset.zoneName
        : new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "shortOffset" })
            .formatToParts(at).find((p) => p.type === "timeZoneName").value;
    return `${part("weekday")} ${part("day")} ${part("month")}, ${part("hour")}:${part("minute")} ${name}`;
}
function tickClock() {
    const clock = document.querySelector("time.clock[data-zone]");
    if (!clock) {
        return;
    }
    const now = Date.now() + serverSkew;
    clock.textContent = clockText(clock, new Date(now));
    setTimeout(tickClock, 60000 - (now % 60000) + 50);
}

// The member's menu (profile, tokens, team pages, sign out) closes with Escape or a click elsewhere.
function closeMenus(except) {
    for (const menu of document.querySelectorAll("details.menu[open]")) {
        if (menu !== except) {
            menu.open = false;
        }
    }
}
document.addEventListener("click", (event) => closeMenus(event.target.closest("details.menu")));
document.addEventListener("keydown", (event) => {
    const menu = document.querySelector("details.menu[open]");
    if (event.key === "Escape" && menu) {
        menu.open = false;
        menu.querySelector("summary").focus();
    }
});

document.addEventListener("DOMContentLoaded", () => {
    for (const link of document.querySelectorAll(".nav a, .menu a")) {
        if (location.pathname === link.pathname || location.pathname.startsWith(link.pathname + "/")) {
            link.setAttribute("aria-current", "page");
        }
    }
    const clock = document.querySelector("time.clock[datetime]");
    if (clock) {
        serverSkew = Date.parse(clock.getAttribute("datetime")) - Date.now();
        const now = Date.now() + serverSkew;
        setTimeout(tickClock, 60000 - (now % 60000) + 50);
    }
    const notifications = document.getElementById("notifications-on");
    if (notifications && "Notification" in window && Notification.permission === "default") {
        notifications.hidden = false;
        notifications.addEventListener("click", () => {
            Notification.requestPermission().then(() => (notifications.hidden = true));
        });
    }
});
