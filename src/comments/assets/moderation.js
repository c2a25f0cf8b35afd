// Warta comment queue: keyboard shortcuts (j/k move, a approve, s spam, t trash, r reject).
// Progressive enhancement: every action is also a button in a normal form.
(() => {
  const items = [...document.querySelectorAll('[data-mod-item]')];
  if (items.length === 0) return;
  let current = 0;
  const focus = (i) => {
    current = Math.max(0, Math.min(items.length - 1, i));
    for (const [n, el] of items.entries()) el.classList.toggle('mod-current', n === current);
    items[current].focus();
    items[current].scrollIntoView({ block: 'nearest' });
  };
  const keys = { a: 'approve', s: 'spam', t: 'trash', r: 'reject' };
  document.addEventListener('keydown', (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const target = ev.target;
    if (
      target instanceof HTMLElement &&
      target.closest('input, textarea, select, [contenteditable]')
    )
      return;
    if (ev.key === 'j') focus(current + 1);
    else if (ev.key === 'k') focus(current - 1);
    else if (keys[ev.key]) {
      const button = items[current].querySelector(`button[data-action="${keys[ev.key]}"]`);
      if (button) button.click();
      else return;
    } else return;
    ev.preventDefault();
  });
  for (const [n, el] of items.entries()) el.addEventListener('focusin', () => (current = n));
  const all = document.querySelector('[data-select-all]');
  all?.addEventListener('change', () => {
    for (const box of document.querySelectorAll('input[name="ids"]')) box.checked = all.checked;
  });
  focus(0);
})();
