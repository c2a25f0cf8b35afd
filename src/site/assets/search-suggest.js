// Warta search suggestions: headlines as you type, ARIA 1.2 combobox + listbox.
// Progressive enhancement only: the search form works without this file.
(() => {
  let n = 0;
  const setup = (input) => {
    const id = `saran-${++n}`;
    const box = input.parentElement;
    const list = document.createElement('ul');
    list.id = id;
    list.setAttribute('role', 'listbox');
    list.setAttribute(
      'aria-label',
      input.dataset.suggestLabel || input.labels?.[0]?.textContent || '',
    );
    list.hidden = true;
    Object.assign(list.style, {
      position: 'absolute',
      zIndex: '20',
      margin: '2px 0 0',
      padding: '0',
      listStyle: 'none',
      background: '#fff',
      border: '1px solid #8a8580',
      borderRadius: '4px',
      boxShadow: '0 4px 12px rgba(0,0,0,.15)',
    });
    box.style.position = 'relative';
    box.appendChild(list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', id);
    input.setAttribute('aria-expanded', 'false');
    const endpoint = input.dataset.suggest || '/cari/saran';
    let items = [];
    let active = -1;
    let timer = 0;
    let seq = 0;

    const close = () => {
      list.hidden = true;
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    };
    const highlight = (i) => {
      active = i;
      [...list.children].forEach((li, j) => {
        const on = j === i;
        li.setAttribute('aria-selected', String(on));
        li.style.background = on ? '#1b1b1b' : '';
        li.style.color = on ? '#fff' : '';
      });
      if (i < 0) input.removeAttribute('aria-activedescendant');
      else input.setAttribute('aria-activedescendant', `${id}-${i}`);
    };
    const go = (i) => {
      if (items[i]) location.href = items[i].url;
    };
    const render = () => {
      list.replaceChildren(
        ...items.map((item, i) => {
          const li = document.createElement('li');
          li.id = `${id}-${i}`;
          li.setAttribute('role', 'option');
          li.setAttribute('aria-selected', 'false');
          li.textContent = item.headline;
          Object.assign(li.style, { padding: '.4rem .6rem', cursor: 'pointer' });
          li.addEventListener('mousedown', (e) => {
            e.preventDefault();
            go(i);
          });
          return li;
        }),
      );
      active = -1;
      Object.assign(list.style, {
        top: `${input.offsetTop + input.offsetHeight}px`,
        left: `${input.offsetLeft}px`,
        width: `${Math.max(input.offsetWidth, 240)}px`,
      });
      list.hidden = items.length === 0;
      input.setAttribute('aria-expanded', String(items.length > 0));
    };
    const load = () => {
      const q = input.value;
      const mine = ++seq;
      if (q.trim().length < 2) {
        items = [];
        render();
        return;
      }
      fetch(`${endpoint}?q=${encodeURIComponent(q.slice(0, 200))}`, {
        headers: { accept: 'application/json' },
      })
        .then((r) => (r.ok ? r.json() : { items: [] }))
        .then((data) => {
          if (mine !== seq) return;
          items = Array.isArray(data.items) ? data.items.slice(0, 8) : [];
          render();
        })
        .catch(() => {});
    };

    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(load, 200);
    });
    input.addEventListener('keydown', (e) => {
      const open = !list.hidden;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (!open) {
          if (items.length) render();
          return;
        }
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        const next = active + step;
        highlight(next < -1 ? items.length - 1 : next >= items.length ? -1 : next);
      } else if (e.key === 'Enter' && open && active >= 0) {
        e.preventDefault();
        go(active);
      } else if (e.key === 'Escape' && open) {
        e.preventDefault();
        close();
      }
    });
    input.addEventListener('blur', close);
  };
  for (const input of document.querySelectorAll('form[action="/cari"] input[name="q"]')) {
    setup(input);
  }
})();
