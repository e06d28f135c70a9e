// The call screen's keyboard shortcuts: the first letter of an outcome logs it, unless the rep is typing.
document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || target.closest("input, textarea, select, [contenteditable]")) {
        return;
    }
    const button = document.querySelector(`button[name="outcome"][data-key="${event.key.toLowerCase()}"]`);
    if (button) {
        event.preventDefault();
        button.click();
    }
});
