// Today's live part: a new inbound or trigger task is announced (visibly and audibly) and the queue
// fragment reloads at once, so the task appears at the top without a page reload.
(function () {
    function beep() {
        try {
            const audio = new (window.AudioContext || window.webkitAudioContext)();
            const tone = audio.createOscillator();
            const gain = audio.createGain();
            tone.frequency.value = 880;
            gain.gain.value = 0.15;
            tone.connect(gain).connect(audio.destination);
            tone.start();
            tone.stop(audio.currentTime + 0.25);
        } catch (ignored) {
            // a browser without sound still shows the alert
        }
    }

    function announce(kind, event) {
        const alert = document.getElementById("live-alert");
        let what = kind === "inbound" ? "New inquiry" : "Trigger event";
        try {
            const task = JSON.parse(event.data);
            if (task.reason) {
                what += ": " + task.reason;
            }
        } catch (ignored) {
            // the alert still says what kind of task arrived
        }
        alert.textContent = what + " — it is at the top of your queue.";
        alert.hidden = false;
        beep();
        document.body.dispatchEvent(new Event("queue-changed"));
    }

    const stream = new EventSource("/today/live");
    stream.addEventListener("inbound", (event) => announce("inbound", event));
    stream.addEventListener("trigger", (event) => announce("trigger", event));
    window.addEventListener("beforeunload", () => stream.close());
})();
