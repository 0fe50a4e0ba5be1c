// The VoiceHelper call page (docs/voice-protocol.md). No framework; it talks only to its own origin (the gateway):
// Identity's login, Knowledge's list, and the call socket /ws/voice through the shared engine (voice-call.js).
'use strict';

const $ = id => document.getElementById(id);
let token = null;
let refreshToken = null;
let call = null;

/** A new access token from Identity (the refresh token rotates); the engine sends it on before the old one expires. */
async function freshToken() {
  const response = await fetch('/api/v1/auth/refresh', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refresh_token: refreshToken }),
  });
  if (!response.ok) {
    return null;
  }
  const body = await response.json();
  token = body.access_token;
  refreshToken = body.refresh_token;
  return token;
}

$('signin').addEventListener('submit', async event => {
  event.preventDefault();
  $('signin-error').textContent = '';
  const response = await fetch('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: $('email').value, password: $('password').value }),
  });
  if (!response.ok) {
    $('signin-error').textContent = await problemText(response);
    return;
  }
  const body = await response.json();
  token = body.access_token;
  refreshToken = body.refresh_token;
  $('who').textContent = `Signed in as ${body.user?.email ?? ''}`;
  $('signin').hidden = true;
  $('phone').hidden = false;
  await loadKnowledgeBases();
});

$('call').addEventListener('click', () => (call ? call.hangUp() : startCall()));

async function problemText(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || `Failed (${response.status})`;
  } catch {
    return `Failed (${response.status})`;
  }
}

async function loadKnowledgeBases() {
  const response = await fetch('/api/v1/knowledge/bases?page_size=100', { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) {
    setStatus(`Knowledge bases unavailable: ${await problemText(response)}`);
    return;
  }
  for (const kb of (await response.json()).items) {
    const option = document.createElement('option');
    option.value = kb.id;
    option.textContent = kb.name;
    $('kb').append(option);
  }
}

function setStatus(text) {
  $('status').textContent = text;
}

async function startCall() {
  $('call').disabled = true;
  const answers = new Map(); // response id -> { item, text }
  const answer = id => {
    if (!answers.has(id)) {
      const item = addItem('assistant', '');
      answers.set(id, { item, text: item.querySelector('.text') });
    }
    return answers.get(id);
  };
  try {
    call = await VoiceHelperCall.start({ token, freshToken, kbId: $('kb').value }, {
      status: setStatus,
      partial: text => ($('live').textContent = text),
      heard: text => addItem('user', text),
      delta: (id, delta) => (answer(id).text.textContent += delta),
      interrupted: id => answer(id).item.classList.add('interrupted'),
      done: (id, text, status, sources) => {
        const entry = answer(id);
        entry.text.textContent = text || entry.text.textContent;
        entry.item.classList.toggle('interrupted', status === 'interrupted');
        showSources(entry.item, sources);
      },
      level: showLevel,
      ended: status => {
        call = null;
        $('call').textContent = 'Call';
        $('call').classList.remove('hangup');
        setStatus(status);
      },
    });
  } catch (error) {
    setStatus(error.message);
    $('call').disabled = false;
    return;
  }
  $('call').disabled = false;
  $('call').textContent = 'Hang up';
  $('call').classList.add('hangup');
}

function addItem(role, text) {
  const item = document.createElement('li');
  item.className = role;
  const body = document.createElement('span');
  body.className = 'text';
  body.textContent = text;
  item.append(body);
  $('transcript').append(item);
  return item;
}

function showSources(item, sources) {
  item.querySelector('.sources')?.remove();
  if (!Array.isArray(sources) || sources.length === 0) {
    return;
  }
  const list = document.createElement('ol');
  list.className = 'sources';
  for (const source of sources) {
    const entry = document.createElement('li');
    entry.textContent = source.title || source.document_id || 'source';
    if (source.text) {
      entry.title = source.text;
    }
    list.append(entry);
  }
  item.append(list);
}

function showLevel(rms) {
  const dbfs = rms > 0 ? 20 * Math.log10(rms) : -100;
  $('level').style.width = `${Math.max(0, Math.min(100, ((dbfs + 60) / 60) * 100))}%`;
}
