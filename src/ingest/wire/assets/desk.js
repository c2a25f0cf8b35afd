// The "Masuk" desk's live update: every 20 seconds asks for items newer than
// the newest one shown (with the page's filters) and puts the server-rendered
// rows on top. Without JavaScript the desk works; it just needs a reload.
(() => {
  const live = document.getElementById('wire-live');
  const list = document.getElementById('wire-list');
  if (!live || !list) return;
  let after = Number(live.dataset.after || '0');
  const params = new URLSearchParams(location.search);
  async function check() {
    params.set('setelah', String(after));
    try {
      const res = await fetch(`/newsroom/kawat/baru?${params}`, {
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!res.ok) return;
      const data = await res.json();
      if (data.count > 0) {
        list.insertAdjacentHTML('afterbegin', data.html);
        after = data.latestId;
        live.textContent = data.message;
        live.hidden = false;
        document.getElementById('wire-empty')?.remove();
      }
    } catch {}
  }
  setInterval(check, Number(document.body.dataset.wirePollMs || '20000'));
  window.wireDeskCheck = check;
})();
