// Warta: progressive enhancement only. The page works fully without this file.
// Copy-link button: the label to announce comes from data-copied (no language strings here).
(() => {
  const status = document.querySelector('[data-copy-status]');
  const fallbackCopy = (text) => {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  };
  const copy = (text) =>
    navigator.clipboard?.writeText
      ? navigator.clipboard.writeText(text).then(
          () => true,
          () => fallbackCopy(text),
        )
      : Promise.resolve(fallbackCopy(text));
  // The native share sheet, where the browser has one (progressive enhancement).
  if (typeof navigator.share === 'function') {
    for (const button of document.querySelectorAll('button[data-share-url]')) {
      button.hidden = false;
      button.addEventListener('click', () => {
        navigator
          .share({ title: button.dataset.shareTitle, url: button.dataset.shareUrl })
          .catch(() => {});
      });
    }
  }
  for (const button of document.querySelectorAll('button[data-copy]')) {
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', () => {
      copy(button.dataset.copy).then((ok) => {
        if (!ok) return;
        const done = button.dataset.copied || label;
        button.textContent = done;
        if (status) {
          status.textContent = '';
          setTimeout(() => {
            status.textContent = done;
          }, 50);
        }
        setTimeout(() => {
          button.textContent = label;
        }, 2500);
      });
    });
  }
})();
