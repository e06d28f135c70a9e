// Sends the CSRF token with every htmx request that changes something.
document.addEventListener("htmx:configRequest", (event) => {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});

// Keeps the header clock current in the member's own time zone, on the server's time (which may be
// an injected clock), not the browser's.
let serverSkew = null;
function tickClock() {
    const clock = document.querySelector("time.clock[data-zone]");
    if (!clock) {
        return;
    }
    if (serverSkew === null) {
        serverSkew = Date.parse(clock.getAttribute("datetime")) - Date.now();
    }
    const zone = clock.dataset.zone;
    const parts = new Intl.DateTimeFormat("en-US", {
        timeZone: zone, weekday: "short", day: "numeric", month: "short",
        hour: "2-digit", minute: "2-digit", hour12: false, timeZoneName: "short",
    }).formatToParts(new Date(Date.now() + serverSkew));
    const part = (type) => (parts.find((p) => p.type === type) || {}).value || "";
    clock.textContent = `${part("weekday")} ${part("day")} ${part("month")}, ${part("hour")}:${part("minute")} ${part("timeZoneName")}`;
}
document.addEventListener("DOMContentLoaded", () => {
    for (const link of document.querySelectorAll(".nav a")) {
        if (location.pathname === link.pathname || location.pathname.startsWith(link.pathname + "/")) {
            link.setAttribute("aria-current", "page");
        }
    }
    const clock = document.querySelector("time.clock[datetime]");
    if (clock) {
        serverSkew = Date.parse(clock.getAttribute("datetime")) - Date.now();
        setInterval(tickClock, 15000);
    }
});
