// Warta newsroom login forms: progressive enhancement only; the forms post without this file.
// Starts the proof-of-work widget (served from this site) as the page loads, so its solution
// is ready by the time the password or code is typed, and sends a submit made too early once it is.
// The server asks for the solution only after failed attempts (decision 004).
(() => {
  const form = document.querySelector('form[data-challenge]');
  if (!form?.dataset.challenge) return;
  const slot = form.querySelector('[data-proof-slot]');
  let state = 'unverified';
  let sendWhenVerified = false;

  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = form.dataset.widgetCss;
  document.head.appendChild(css);
  const widget = document.createElement('altcha-widget');
  widget.setAttribute('challenge', form.dataset.challenge);
  widget.setAttribute('name', 'altcha');
  widget.setAttribute('auto', 'onload');
  widget.setAttribute('language', form.dataset.lang || 'id');
  widget.setAttribute('configuration', JSON.stringify({ hideFooter: true }));
  widget.addEventListener('statechange', (ev) => {
    state = ev.detail?.state || state;
    form.dataset.proofState = state;
    if (sendWhenVerified && (state === 'verified' || state === 'error')) {
      sendWhenVerified = false;
      // Verified: send with the solution. Error: send anyway; the server says what is needed.
      form.requestSubmit();
    }
  });
  slot?.appendChild(widget);
  const script = document.createElement('script');
  script.src = form.dataset.widget;
  script.async = true;
  document.head.appendChild(script);

  // The widget's checkbox is a required field: a submit before the proof is ready
  // stops at the browser's validation. Send the form as soon as it is ready.
  form.addEventListener(
    'invalid',
    (ev) => {
      if (!widget.contains(ev.target) || state === 'error') return;
      sendWhenVerified = true;
      if (state === 'unverified' || state === 'expired') widget.verify?.();
    },
    true,
  );
})();
