// parallax web app: small keyboard help on every page. "/" moves to the search box (as many sites do),
// unless the reader is typing in a field. Nothing here reads article content.
document.addEventListener('keydown', (ev) => {
  if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const t = ev.target;
  if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
  const box = document.getElementById('quick-q');
  if (box) {
    ev.preventDefault();
    box.focus();
  }
});
