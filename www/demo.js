// The demo page: shows the live result document next to the form and switches its language.
const form = document.getElementById('demo');
const out = document.getElementById('live-result');
const lang = document.getElementById('demo-lang');
const show = (result) => { out.textContent = JSON.stringify(result, null, 2); };
form.addEventListener('lindung-ready', () => show(form.result));
form.addEventListener('lindung-change', (event) => show(event.detail.result));
lang.addEventListener('change', () => { form.setAttribute('lang', lang.value); show(form.result); });
