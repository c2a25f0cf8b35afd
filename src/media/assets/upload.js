// The library's upload form with JavaScript: every chosen photo goes on its
// own request, one after another, with a progress bar and its percent from
// XHR upload progress, then its own result (a link to the photo, or the
// server's message for that file). Without JavaScript the form posts every
// file at once and the server answers per file.
(() => {
  const form = document.getElementById('media-upload-form');
  const list = document.getElementById('media-upload-progress');
  if (!form || !list || !window.FormData || !window.XMLHttpRequest) return;
  const input = form.querySelector('input[type="file"]');
  const token = form.querySelector('input[name="_csrf"]');
  const button = form.querySelector('button[type="submit"]');
  const text = form.dataset;

  function row(file) {
    const li = document.createElement('li');
    const name = document.createElement('span');
    name.className = 'upload-name';
    name.textContent = file.name;
    const bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', `${text.progress} ${file.name}`);
    const pct = document.createElement('span');
    pct.className = 'upload-pct';
    pct.textContent = '0%';
    const msg = document.createElement('span');
    msg.className = 'upload-msg';
    li.append(name, bar, pct, msg);
    list.append(li);
    return {
      li,
      set(percent) {
        bar.value = percent;
        pct.textContent = `${percent}%`;
      },
      say(message, kind) {
        msg.textContent = message;
        li.dataset.state = kind;
      },
      link(href, label) {
        const a = document.createElement('a');
        a.href = href;
        a.textContent = label;
        msg.replaceChildren(a);
        li.dataset.state = 'done';
      },
    };
  }

  function send(file, ui) {
    return new Promise((resolve) => {
      const data = new FormData();
      for (const field of ['caption', 'credit', 'alt']) {
        const el = form.elements.namedItem(field);
        if (el && 'value' in el) data.append(field, el.value);
      }
      data.append('file', file, file.name);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.setRequestHeader('accept', 'application/json');
      xhr.setRequestHeader('x-csrf-token', token ? token.value : '');
      xhr.upload.addEventListener('progress', (e) => {
        if (!e.lengthComputable) return;
        const percent = Math.min(100, Math.round((e.loaded / e.total) * 100));
        ui.set(percent);
        if (percent === 100) ui.say(text.processing, 'processing');
      });
      xhr.addEventListener('load', () => {
        let body = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {}
        if (xhr.status === 201 && body && body.id) {
          ui.set(100);
          ui.link(`/newsroom/media/${body.id}`, text.done);
          resolve(body);
        } else {
          ui.say(body?.error?.message || text.failed, 'error');
          resolve(null);
        }
      });
      xhr.addEventListener('error', () => {
        ui.say(text.failed, 'error');
        resolve(null);
      });
      xhr.send(data);
    });
  }

  form.addEventListener('submit', async (event) => {
    const files = input ? [...input.files] : [];
    if (files.length === 0) return;
    event.preventDefault();
    if (button) button.disabled = true;
    list.replaceChildren();
    list.hidden = false;
    const rows = files.map(row);
    const results = [];
    for (let i = 0; i < files.length; i += 1) results.push(await send(files[i], rows[i]));
    // One photo: on to its page, as without JavaScript, to check the caption and alt.
    const only = results.length === 1 ? results[0] : null;
    if (only) {
      location.assign(`/newsroom/media/${only.id}?${only.prefilled ? 'isi=meta' : 'baru=1'}`);
      return;
    }
    if (button) button.disabled = false;
    input.value = '';
    list.dataset.finished = String(files.length);
  });
})();
