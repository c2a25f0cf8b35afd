// Warta comments: progressive enhancement only; the form posts without this file.
// Loads the proof-of-work widget (served from this site) the first time the reader
// focuses the form, waits for it before sending, and turns "Balas" links into
// in-page replies. No language strings here: they come from the page.
(() => {
  const form = document.querySelector('form.comment-form[data-challenge]');
  if (!form?.dataset.challenge) return;
  const slot = form.querySelector('[data-captcha-slot]');
  let widget = null;
  let state = 'unverified';
  let sendWhenVerified = false;

  // The page may come from the cache, rendered minutes ago: the form's token carries that
  // time. Ask for a token made now, so the minimum fill time counts from when the reader
  // starts writing. If it fails, the page's token stays.
  const refreshToken = () => {
    const field = form.querySelector('input[name="_token"]');
    const url = form.dataset.challenge.replace('/komentar/tantangan', '/komentar/token');
    fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then((res) => (res.ok ? res.json() : null))
      .then((data) => {
        if (field && typeof data?.token === 'string') field.value = data.token;
      })
      .catch(() => {});
  };

  const load = () => {
    if (widget) return;
    refreshToken();
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = form.dataset.widgetCss;
    document.head.appendChild(css);
    widget = document.createElement('altcha-widget');
    widget.setAttribute('challenge', form.dataset.challenge);
    widget.setAttribute('name', 'altcha');
    widget.setAttribute('auto', 'onload');
    widget.setAttribute('language', form.dataset.lang || 'id');
    widget.setAttribute('configuration', JSON.stringify({ hideFooter: true, minDuration: 300 }));
    widget.addEventListener('statechange', (ev) => {
      state = ev.detail?.state || state;
      form.dataset.captchaState = state;
      if (sendWhenVerified && state !== 'verifying') {
        sendWhenVerified = false;
        // Verified: send with the solution. Error: send anyway; the comment goes to the queue.
        form.requestSubmit();
      }
    });
    slot?.appendChild(widget);
    const script = document.createElement('script');
    script.src = form.dataset.widget;
    script.async = true;
    document.head.appendChild(script);
  };
  form.addEventListener('focusin', load);
  // The form came back with a message (sent too fast, a field to fix): the page opens at it.
  // `autofocus` does this without JavaScript; some browsers skip it, so focus it here too.
  const message = form.querySelector('#comment-form-error');
  if (message && document.activeElement !== message) message.focus();
  form.addEventListener('submit', (ev) => {
    if (widget && state === 'verifying') {
      ev.preventDefault();
      sendWhenVerified = true;
    }
  });

  const parentField = form.querySelector('input[name="parent"]');
  const note = form.querySelector('[data-reply-note]');
  const body = form.querySelector('textarea[name="body"]');
  for (const link of document.querySelectorAll('a[data-reply]')) {
    link.addEventListener('click', (ev) => {
      ev.preventDefault();
      if (parentField) parentField.value = link.dataset.reply;
      if (note) {
        note.firstChild.textContent = `${link.dataset.replyLabel || ''} `;
        note.hidden = false;
      }
      body?.focus();
    });
  }
  form.querySelector('[data-reply-cancel]')?.addEventListener('click', (ev) => {
    ev.preventDefault();
    if (parentField) parentField.value = '';
    if (note) note.hidden = true;
    body?.focus();
  });
})();
